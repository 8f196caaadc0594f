/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-mspdi-private.h"

/* The import, second half: the tasks of one top-level task into a system
 * and its steps (subtasks by name, else by place), resources and host
 * names into hosts, and the report of what a plan cannot hold. */

/* For the report. */
static const char *milestone_words[IKOU_N_MILESTONES] = {
  N_("budget request"), N_("contract"), N_("cut-over")
};

static int
words_lookup (const Words *words,
              guint        n,
              const char  *value,
              const char *(*to_string) (int))
{
  g_autofree char *text = NULL;

  if (value == NULL)
    return -1;
  /* What Ikou writes, without normalizing. */
  for (guint i = 0; i < n; i++)
    if (g_str_equal (value, words[i].ja))
      return (int) i;
  text = g_strstrip (g_utf8_normalize (value, -1, G_NORMALIZE_NFKC));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ja = g_utf8_normalize (words[i].ja, -1, G_NORMALIZE_NFKC);

      if (g_str_equal (text, ja) || g_ascii_strcasecmp (text, words[i].en) == 0 ||
          g_str_equal (text, to_string ((int) i)))
        return (int) i;
    }
  return -1;
}

/* A provisional host id for a reference by resource UID and name. */
static guint
host_ref (Reader     *r,
          const char *name,
          const char *uid_text)
{
  g_autofree char *key = NULL;
  guint64 uid = 0;
  gint64 number = 0;
  gpointer index;

  if ((name == NULL || *name == '\0') && uid_text == NULL)
    return 0;
  if (uid_text != NULL && !mspdi_parse_number (uid_text, &number))
    number = 0;
  uid = number > 0 && number <= MAX_FILE_ID ? (guint64) number : 0;
  if ((name == NULL || *name == '\0') && uid == 0)
    return 0;

  key = g_strdup_printf ("%u\n%s", (guint) uid, name != NULL ? name : "");
  if (g_hash_table_lookup_extended (r->host_ref_index, key, NULL, &index))
    return GPOINTER_TO_UINT (index);

  {
    HostRef *ref = g_new0 (HostRef, 1);

    ref->uid = (guint) uid;
    ref->name = g_strdup (name != NULL && *name != '\0' ? name : NULL);
    g_ptr_array_add (r->host_refs, ref);
    g_hash_table_insert (r->host_ref_index, g_steal_pointer (&key),
                         GUINT_TO_POINTER (r->host_refs->len));
    return r->host_refs->len;
  }
}

typedef enum
{
  KIND_UNKNOWN,
  KIND_BUDGET,
  KIND_CONTRACT,
  KIND_BUILD,
  KIND_CUTOVER,
} LeafKind;

static gboolean
name_has_any (const char        *folded,
              const char * const words[])
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* What a subtask is by its name, in Japanese or English. */
static LeafKind
classify (const char *name,
          gboolean    milestone)
{
  static const char * const budget[] = { "予算", "budget", NULL };
  static const char * const cutover[] = { "稼働", "稼動", "切替", "切り替え", "本番", "運用開始",
                                          "go-live", "go live", "golive", "cut-over",
                                          "cutover", "cut over", "launch", NULL };
  static const char * const contract[] = { "契約", "発注", "調達", "contract", "procure",
                                           "award", NULL };
  static const char * const build[] = { "構築", "開発", "導入", "build", "construct",
                                        "implement", "develop", NULL };
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  /* The names Ikou writes, without normalizing. */
  if (g_str_equal (name, mspdi_milestone_names[IKOU_MILESTONE_BUDGET]))
    return KIND_BUDGET;
  if (g_str_equal (name, mspdi_milestone_names[IKOU_MILESTONE_CONTRACT]))
    return milestone ? KIND_CONTRACT : KIND_BUILD;
  if (g_str_equal (name, BUILD_NAME))
    return KIND_BUILD;
  if (g_str_equal (name, mspdi_milestone_names[IKOU_MILESTONE_CUTOVER]))
    return KIND_CUTOVER;

  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normal, -1);
  if (name_has_any (folded, budget))
    return KIND_BUDGET;
  if (name_has_any (folded, cutover))
    return KIND_CUTOVER;
  /* 「契約・構築」: a milestone is the contract, a period the build. */
  if (milestone && name_has_any (folded, contract))
    return KIND_CONTRACT;
  if (name_has_any (folded, build))
    return KIND_BUILD;
  if (name_has_any (folded, contract))
    return milestone ? KIND_CONTRACT : KIND_BUILD;
  return KIND_UNKNOWN;
}

typedef struct
{
  GArray   *steps;      /* IkouStep */
  gboolean  open;       /* the last step takes more milestones */
  /* Of the last step: */
  gboolean  has_build;  /* a build period was placed */
  guint     tentative;  /* IKOU_MILESTONE_FLAG()s that only the build period gave */
} StepList;

static IkouStep *
current_step (StepList *list,
              gboolean  fresh)
{
  if (fresh || !list->open || list->steps->len == 0)
    {
      IkouStep step = { 0 };

      step.budget_amount = -1;
      step.annual_cost = -1;
      g_array_append_val (list->steps, step);
      list->open = TRUE;
      list->has_build = FALSE;
      list->tentative = 0;
    }
  return &g_array_index (list->steps, IkouStep, list->steps->len - 1);
}

static IkouDay *
slot (IkouStep      *step,
      IkouMilestone  m)
{
  switch (m)
    {
    case IKOU_MILESTONE_BUDGET:
      return &step->budget_date;
    case IKOU_MILESTONE_CONTRACT:
      return &step->contract_date;
    case IKOU_MILESTONE_CUTOVER:
    case IKOU_N_MILESTONES:
    default:
      return &step->cutover_date;
    }
}

/* Whether the step has @m from a milestone (not only from a build). */
static gboolean
has_milestone (StepList      *list,
               IkouStep      *step,
               IkouMilestone  m)
{
  return *slot (step, m) != IKOU_DAY_NONE && (list->tentative & IKOU_MILESTONE_FLAG (m)) == 0;
}

static void
put_milestone (StepList      *list,
               IkouMilestone  m,
               IkouDay        day,
               gboolean       done)
{
  IkouStep *step = current_step (list, FALSE);
  gboolean later = FALSE;

  for (guint n = m + 1; n < IKOU_N_MILESTONES; n++)
    later |= has_milestone (list, step, n);

  /* A second milestone of the same kind on another day, or one that
   * comes after a later kind: the next step. */
  if ((has_milestone (list, step, m) && *slot (step, m) != day) || later)
    step = current_step (list, TRUE);
  *slot (step, m) = day;
  list->tentative &= ~IKOU_MILESTONE_FLAG (m);
  if (done)
    step->done |= IKOU_MILESTONE_FLAG (m);
}

static void     apply_step_values (Reader   *r,
                                   TaskRec  *t,
                                   IkouStep *step);
static gboolean has_step_values   (TaskRec  *t);

/* One subtask into the steps: by its name, else by its place. */
static void
place_leaf (Reader   *r,
            StepList *list,
            TaskRec  *t,
            gboolean  top)
{
  LeafKind kind = classify (t->name, t->milestone);
  gboolean done = t->percent >= 100;
  IkouStep *step;

  if (t->start == IKOU_DAY_NONE)
    {
      /* A top-level task without dates is a system without steps. */
      if (!top)
        mspdi_report (r, t->line, _("task “%s” has no date: it is not kept."), t->name);
      return;
    }
  if (t->notes != NULL && !top)
    {
      IkouStep *last = current_step (list, FALSE);
      char *note = last->note != NULL ? g_strdup_printf ("%s\n%s: %s", last->note, t->name, t->notes)
                                      : g_strdup_printf ("%s: %s", t->name, t->notes);

      g_free (last->note);
      last->note = note;
    }
  if (t->deadline != IKOU_DAY_NONE && !top)
    mspdi_report (r, t->line, _("task “%s”: only a top-level task’s deadline is kept; this one "
                                "is not."), t->name);

  if (t->milestone || kind == KIND_BUDGET || kind == KIND_CUTOVER)
    {
      IkouMilestone m;

      switch (kind)
        {
        case KIND_BUDGET:
          m = IKOU_MILESTONE_BUDGET;
          break;
        case KIND_CONTRACT:
        case KIND_BUILD:
          m = IKOU_MILESTONE_CONTRACT;
          break;
        case KIND_CUTOVER:
          m = IKOU_MILESTONE_CUTOVER;
          break;
        case KIND_UNKNOWN:
        default:
          /* By position: the kind after the last one given. */
          step = current_step (list, FALSE);
          if (has_milestone (list, step, IKOU_MILESTONE_CUTOVER))
            m = IKOU_MILESTONE_BUDGET;
          else if (has_milestone (list, step, IKOU_MILESTONE_CONTRACT))
            m = IKOU_MILESTONE_CUTOVER;
          else if (has_milestone (list, step, IKOU_MILESTONE_BUDGET))
            m = IKOU_MILESTONE_CONTRACT;
          else
            m = IKOU_MILESTONE_BUDGET;
          mspdi_report (r, t->line, _("milestone “%s” is not named as a budget request, contract "
                                      "or cut-over; by its position it is taken as the %s."),
                        t->name, _(milestone_words[m]));
          break;
        }
      put_milestone (list, m, t->start, done);
      if (has_step_values (t))
        apply_step_values (r, t, current_step (list, FALSE));
      return;
    }

  /* A period: the build, from contract to cut-over.  Milestones of the
   * step say the dates better when it has them. */
  step = current_step (list, FALSE);
  if (list->has_build)
    step = current_step (list, TRUE);
  if (kind == KIND_UNKNOWN)
    mspdi_report (r, t->line, _("task “%s” is not named as a build; by its position it is taken "
                                "as the build period (contract → cut-over)."), t->name);
  list->has_build = TRUE;
  if (step->contract_date == IKOU_DAY_NONE)
    {
      step->contract_date = t->start;
      list->tentative |= IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT);
    }
  if (step->cutover_date == IKOU_DAY_NONE)
    {
      step->cutover_date = t->finish;
      list->tentative |= IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
    }
  if (done)
    step->done |= IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT) |
                  IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
  if (has_step_values (t))
    apply_step_values (r, t, step);
}

/* The step fields of a step task (Ikou's own, or any summary task that
 * carries them). */
static void
apply_step_values (Reader   *r,
                   TaskRec  *t,
                   IkouStep *step)
{
  gint64 amount;
  gboolean flag;
  int arrangement;

  if (t->values[F_FROM] != NULL || t->values[F_FROM_ID] != NULL)
    step->from_host = host_ref (r, t->values[F_FROM], t->values[F_FROM_ID]);
  if (t->values[F_TO] != NULL || t->values[F_TO_ID] != NULL)
    step->to_host = host_ref (r, t->values[F_TO], t->values[F_TO_ID]);
  if (t->values[F_AMOUNT] != NULL)
    {
      if (mspdi_parse_number (t->values[F_AMOUNT], &amount) && amount >= -1)
        step->budget_amount = amount;
      else
        mspdi_report (r, t->line, _("task “%s”: the budget “%s” is not a whole number of "
                                    "thousand yen; it is not kept."),
                      t->name, t->values[F_AMOUNT]);
    }
  if (t->values[F_STEP_ANNUAL_COST] != NULL)
    {
      if (!mspdi_parse_number (t->values[F_STEP_ANNUAL_COST], &amount) || amount < 0)
        mspdi_report (r, t->line, _("task “%s”: the running cost “%s” is not a whole number of "
                                    "thousand yen; it is not kept."),
                      t->name, t->values[F_STEP_ANNUAL_COST]);
      else
        step->annual_cost = amount; /* checked against the cut-over in steps_into_system() */
    }
  if (t->values[F_SUPPLEMENTARY] != NULL && mspdi_parse_flag (t->values[F_SUPPLEMENTARY], &flag))
    step->supplementary = flag;
  if (t->values[F_COMPLIANT] != NULL && mspdi_parse_flag (t->values[F_COMPLIANT], &flag))
    step->standard_compliant = flag;
  if (t->values[F_ARRANGEMENT] != NULL)
    {
      arrangement = words_lookup (mspdi_arrangement_words, IKOU_N_ARRANGEMENTS,
                                  t->values[F_ARRANGEMENT], ikou_arrangement_id_at);
      if (arrangement >= 0)
        step->arrangement = (IkouArrangement) arrangement;
      else
        mspdi_report (r, t->line, _("task “%s”: “%s” is not a contract arrangement; it is not "
                                    "kept."), t->name, t->values[F_ARRANGEMENT]);
    }
}

static gboolean
has_step_values (TaskRec *t)
{
  static const Field step_fields[] = { F_FROM, F_FROM_ID, F_TO, F_TO_ID, F_AMOUNT,
                                       F_STEP_ANNUAL_COST, F_SUPPLEMENTARY, F_COMPLIANT,
                                       F_ARRANGEMENT };

  for (guint i = 0; i < G_N_ELEMENTS (step_fields); i++)
    if (t->values[step_fields[i]] != NULL)
      return TRUE;
  return FALSE;
}


/* The classified 特定移行支援 reason and 経過措置; a value that cannot be
 * read is reported and not kept, like the other fields. */
static void
apply_transitional (Reader     *r,
                    TaskRec    *t,
                    IkouSystem *system)
{
  const Field days[] = { F_TRANSITIONAL_COMPLETION, F_TRANSITIONAL_NOTIFIED };
  gboolean flag;
  IkouDay day;
  int kind;

  if (t->values[F_TOKUTEI_REASON_KIND] != NULL)
    {
      kind = words_lookup (mspdi_tokutei_reason_words, IKOU_N_TOKUTEI_REASONS,
                           t->values[F_TOKUTEI_REASON_KIND], ikou_tokutei_reason_id_at);
      if (kind >= 0)
        ikou_system_set_tokutei_reason_kind (system, (IkouTokuteiReason) kind);
      else
        mspdi_report (r, t->line, _("task “%s”: “%s” is not a reason for special migration "
                                    "support; it is not kept."), t->name,
                      t->values[F_TOKUTEI_REASON_KIND]);
    }
  if (t->values[F_TRANSITIONAL] != NULL && mspdi_parse_flag (t->values[F_TRANSITIONAL], &flag))
    ikou_system_set_transitional (system, flag);
  ikou_system_set_transitional_functions (system, t->values[F_TRANSITIONAL_FUNCTIONS]);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      if (t->values[days[i]] == NULL)
        continue;
      if (!mspdi_parse_day (t->values[days[i]], &day))
        {
          mspdi_report (r, t->line, _("task “%s”: “%s” is not a date; it is not kept."), t->name,
                        t->values[days[i]]);
          continue;
        }
      if (days[i] == F_TRANSITIONAL_COMPLETION)
        ikou_system_set_transitional_completion (system, day);
      else
        ikou_system_set_transitional_notified (system, day);
    }
}

static void
read_system_values (Reader     *r,
                    TaskRec    *t,
                    IkouSystem *system,
                    guint      *explicit_id)
{
  gint64 number;
  gboolean flag;
  IkouDay day;
  int status;
  const char *operation = t->values[F_OPERATION];

  if (t->values[F_SYSTEM_ID] != NULL && mspdi_parse_number (t->values[F_SYSTEM_ID], &number) &&
      number > 0 && number <= MAX_FILE_ID)
    *explicit_id = (guint) number;
  ikou_system_set_department (system, t->values[F_DEPARTMENT]);
  ikou_system_set_vendor (system, t->values[F_VENDOR]);
  if (operation != NULL && *operation != '\0' && r->schedule != NULL &&
      ikou_schedule_lookup_operation (r->schedule, operation) == NULL)
    {
      const char *found = NULL;

      /* Its name, in any form the schedule gives. */
      for (guint i = 0; found == NULL && i < ikou_schedule_get_n_operations (r->schedule); i++)
        {
          const IkouOperation *op = ikou_schedule_get_operation (r->schedule, i);

          if (mspdi_alias_matches (operation, op->name) ||
              mspdi_alias_matches (operation, op->name_en))
            found = op->id;
        }
      if (found == NULL)
        mspdi_report (r, t->line, _("task “%s”: “%s” is not a standardized operation of the "
                                    "national schedule; it is not kept."), t->name, operation);
      operation = found;
    }
  ikou_system_set_operation (system, operation);
  ikou_system_set_host (system, host_ref (r, t->values[F_HOST], t->values[F_HOST_ID]));

  if (t->values[F_STATUS] != NULL)
    {
      status = words_lookup (mspdi_status_words, IKOU_N_STATUSES, t->values[F_STATUS],
                             ikou_status_id_at);
      if (status >= 0)
        ikou_system_set_status (system, (IkouStatus) status);
      else
        mspdi_report (r, t->line, _("task “%s”: “%s” is not a status; it is not kept."),
                      t->name, t->values[F_STATUS]);
    }
  else if (t->percent >= 100)
    ikou_system_set_status (system, IKOU_STATUS_DONE);
  else if (t->percent > 0)
    ikou_system_set_status (system, IKOU_STATUS_IN_PROGRESS);

  if (t->values[F_TOKUTEI] != NULL && mspdi_parse_flag (t->values[F_TOKUTEI], &flag))
    ikou_system_set_tokutei (system, flag);
  if (t->values[F_TOKUTEI_DEADLINE] != NULL)
    {
      if (mspdi_parse_day (t->values[F_TOKUTEI_DEADLINE], &day))
        ikou_system_set_tokutei_deadline (system, day);
      else
        mspdi_report (r, t->line, _("task “%s”: the 特定移行支援 deadline “%s” is not a date; it "
                                    "is not kept."), t->name, t->values[F_TOKUTEI_DEADLINE]);
    }
  ikou_system_set_tokutei_reason (system, t->values[F_TOKUTEI_REASON]);
  apply_transitional (r, t, system);
  if (t->values[F_ANNUAL_COST] != NULL)
    {
      if (mspdi_parse_number (t->values[F_ANNUAL_COST], &number) && number >= 0)
        ikou_system_set_annual_cost (system, number);
      else
        mspdi_report (r, t->line, _("task “%s”: the running cost “%s” is not a whole number of "
                                    "thousand yen; it is not kept."),
                      t->name, t->values[F_ANNUAL_COST]);
    }
  ikou_system_set_notes (system, t->notes);
}

/* A deadline set in the other tool: a later one than the national
 * deadline is an approved 特定移行支援 deadline. */
static void
apply_deadline (Reader     *r,
                TaskRec    *t,
                IkouSystem *system)
{
  char *text;

  if (t->deadline == IKOU_DAY_NONE ||
      t->deadline == mspdi_applicable_deadline (system, r->schedule) ||
      t->deadline == r->national)
    return;

  if (t->deadline > r->national)
    {
      ikou_system_set_tokutei (system, TRUE);
      ikou_system_set_tokutei_deadline (system, t->deadline);
      return;
    }
  text = ikou_day_format_iso (t->deadline);
  mspdi_report (r, t->line, _("task “%s”: the deadline %s is before the national deadline, so it "
                              "is not an approved 特定移行支援 deadline; it is not kept."),
                t->name, text);
  g_free (text);
}

static void
steps_into_system (Reader     *r,
                   TaskRec    *top,
                   StepList   *list,
                   IkouSystem *system)
{
  for (guint i = 0; i < list->steps->len; i++)
    {
      IkouStep *step = &g_array_index (list->steps, IkouStep, i);

      if (step->annual_cost >= 0 && step->cutover_date == IKOU_DAY_NONE)
        {
          mspdi_report (r, top->line, _("task “%s”: a running cost after the cut-over needs a "
                                        "cut-over; it is not kept."), top->name);
          step->annual_cost = -1;
        }
      ikou_system_insert_step (system, G_MAXUINT, step);
      g_clear_pointer (&step->note, g_free);
    }
  g_array_set_size (list->steps, 0);
  list->open = FALSE;
}

/* The leaves below group[index]: the tasks after it of a deeper level. */
static void
place_descendants (Reader   *r,
                   StepList *list,
                   guint     index)
{
  GPtrArray *group = r->group;
  TaskRec *head = g_ptr_array_index (group, index);

  for (guint i = index + 1; i < group->len; i++)
    {
      TaskRec *t = g_ptr_array_index (group, i);

      if (t->level <= head->level)
        break;
      if (!t->has_children)
        place_leaf (r, list, t, FALSE);
    }
}

/* Turns the tasks of one top-level task into a system. */
void
mspdi_finish_group (Reader *r)
{
  GPtrArray *group = r->group;
  TaskRec *top;
  g_autoptr(IkouSystem) system = NULL;
  StepList list = { NULL, FALSE, FALSE, 0 };
  guint explicit_id = 0;
  gboolean ikou_system;

  if (group->len == 0)
    return;
  list.steps = g_array_new (FALSE, TRUE, sizeof (IkouStep));
  top = g_ptr_array_index (group, 0);
  ikou_system = g_strcmp0 (top->values[F_ROLE], ROLE_SYSTEM) == 0;

  /* Parents: the nearest earlier task of a lower level. */
  for (guint i = 1; i < group->len; i++)
    {
      TaskRec *t = g_ptr_array_index (group, i);
      int p = (int) i - 1;

      while (p > 0 && ((TaskRec *) g_ptr_array_index (group, p))->level >= t->level)
        p--;
      t->parent = p == 0 ? -1 : p;
      ((TaskRec *) g_ptr_array_index (group, p))->has_children = TRUE;
    }

  system = ikou_system_new (0, top->name);
  read_system_values (r, top, system, &explicit_id);
  apply_deadline (r, top, system);

  if (group->len == 1 && !ikou_system)
    {
      /* A task on its own: one step made from its own dates. */
      place_leaf (r, &list, top, TRUE);
      steps_into_system (r, top, &list, system);
    }
  for (guint i = 1; i < group->len; i++)
    {
      TaskRec *t = g_ptr_array_index (group, i);

      if (t->parent != -1)
        continue;
      if (g_strcmp0 (t->values[F_ROLE], ROLE_STEP) == 0 || t->has_children)
        {
          IkouStep *step;

          /* A step of its own: close what came before. */
          steps_into_system (r, top, &list, system);
          step = current_step (&list, TRUE);
          apply_step_values (r, t, step);
          step->note = g_strdup (t->notes);
          if (t->deadline != IKOU_DAY_NONE)
            mspdi_report (r, t->line, _("task “%s”: only a top-level task’s deadline is kept; this "
                                        "one is not."), t->name);
          place_descendants (r, &list, i);
          steps_into_system (r, top, &list, system);
        }
      else
        place_leaf (r, &list, t, FALSE);
    }
  steps_into_system (r, top, &list, system);
  g_array_unref (list.steps);

  g_ptr_array_add (r->systems, g_steal_pointer (&system));
  g_array_append_val (r->explicit_ids, explicit_id);
  g_ptr_array_set_size (group, 0);
}

/* Hosts: the resources that are hosts (with a kind, or named by a
 * task), then the hosts tasks name that no resource is.  Rewrites the
 * provisional host ids of the systems and steps. */
void
mspdi_resolve_hosts (Reader   *r,
                     IkouPlan *plan)
{
  g_autofree guint *map = g_new0 (guint, r->host_refs->len + 1);
  g_autoptr(GHashTable) by_uid = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ref_uids = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ref_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) others = g_string_new (NULL);
  guint n_others = 0;

  for (guint i = 0; i < r->host_refs->len; i++)
    {
      HostRef *ref = g_ptr_array_index (r->host_refs, i);

      if (ref->uid != 0)
        g_hash_table_add (ref_uids, GUINT_TO_POINTER (ref->uid));
      if (ref->name != NULL)
        g_hash_table_add (ref_names, ref->name);
    }

  for (guint i = 0; i < r->resources->len; i++)
    {
      ResRec *res = g_ptr_array_index (r->resources, i);
      g_autoptr(IkouHost) host = NULL;
      IkouHostKind kind;
      int k = -1;

      if (res->kind == NULL &&
          !(res->name != NULL && g_hash_table_contains (ref_names, res->name)) &&
          !(res->uid != 0 && g_hash_table_contains (ref_uids, GUINT_TO_POINTER (res->uid))))
        {
          if (n_others++ < 5)
            g_string_append_printf (others, "%s“%s”", others->len > 0 ? "、" : "", res->name);
          continue;
        }
      if (res->kind != NULL)
        {
          k = words_lookup (mspdi_host_kind_words, IKOU_N_HOST_KINDS, res->kind,
                            ikou_host_kind_id_at);
          if (k < 0)
            mspdi_report (r, res->line, _("resource “%s”: “%s” is not a kind of host; the kind is "
                                          "guessed from the name."),
                          res->name != NULL ? res->name : "", res->kind);
        }
      kind = k >= 0 ? (IkouHostKind) k : ikou_host_kind_guess (res->name);
      host = ikou_host_new_full (res->uid != 0 && ikou_plan_lookup_host (plan, res->uid) == NULL
                                 ? res->uid : 0, res->name, kind,
                                 res->from, res->until, res->notes, res->cost);
      ikou_plan_add_host (plan, host);
      if (res->uid != 0 && !g_hash_table_contains (by_uid, GUINT_TO_POINTER (res->uid)))
        g_hash_table_insert (by_uid, GUINT_TO_POINTER (res->uid),
                             GUINT_TO_POINTER (ikou_host_get_id (host)));
      if (ikou_host_get_name (host) != NULL &&
          !g_hash_table_contains (by_name, (gpointer) ikou_host_get_name (host)))
        g_hash_table_insert (by_name, (gpointer) ikou_host_get_name (host),
                             GUINT_TO_POINTER (ikou_host_get_id (host)));
    }

  if (n_others > 0)
    mspdi_report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                                     "%u resource (a person or material, not a host) is not "
                                     "kept: %s%s.",
                                     "%u resources (people or material, not hosts) are not "
                                     "kept: %s%s.",
                                     n_others),
                  n_others, others->str, n_others > 5 ? "…" : "");

  for (guint i = 0; i < r->host_refs->len; i++)
    {
      HostRef *ref = g_ptr_array_index (r->host_refs, i);
      gpointer id = NULL;

      if (ref->uid != 0)
        id = g_hash_table_lookup (by_uid, GUINT_TO_POINTER (ref->uid));
      if (id == NULL && ref->name != NULL)
        id = g_hash_table_lookup (by_name, ref->name);
      if (id == NULL && ref->name != NULL)
        {
          g_autoptr(IkouHost) host = ikou_host_new (0, ref->name, ikou_host_kind_guess (ref->name));

          ikou_plan_add_host (plan, host);
          id = GUINT_TO_POINTER (ikou_host_get_id (host));
          g_hash_table_insert (by_name, (gpointer) ikou_host_get_name (host), id);
        }
      map[i + 1] = GPOINTER_TO_UINT (id);
    }

  for (guint i = 0; i < r->systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (r->systems, i);

      ikou_system_set_host (system, map[ikou_system_get_host (system)]);
      for (guint j = 0; j < ikou_system_get_n_steps (system); j++)
        {
          IkouStep step = { 0 };

          ikou_step_assign (&step, ikou_system_get_step (system, j));
          step.from_host = map[step.from_host];
          step.to_host = map[step.to_host];
          ikou_system_set_step (system, j, &step);
          g_free (step.note);
        }
    }
}

void
mspdi_report_totals (Reader *r)
{
  for (guint i = 0; i < r->unmapped_order->len; i++)
    {
      Unmapped *u = g_hash_table_lookup (r->unmapped, g_ptr_array_index (r->unmapped_order, i));

      mspdi_report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                                       "the custom field %s (on %u task or resource) is not "
                                       "one Ikou knows; its values are not kept.",
                                       "the custom field %s (on %u tasks or resources) is not one "
                                       "Ikou knows; its values are not kept.", u->count),
                    u->label, u->count);
    }
  if (r->n_orphans > 0)
    mspdi_report (r, r->first_orphan_line,
                  g_dngettext (GETTEXT_PACKAGE,
                               "%u task comes before any top-level task; it is not kept.",
                               "%u tasks come before any top-level task; they are not kept.",
                               r->n_orphans), r->n_orphans);
  if (r->n_links > 0)
    mspdi_report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                                     "%u link between tasks (with its lag) is not kept: an "
                                     "Ikou plan has dates, not dependencies.",
                                     "%u links between tasks (with their lags) are not kept: "
                                     "an Ikou plan has dates, not dependencies.", r->n_links),
                  r->n_links);
  if (r->n_assignments > 0)
    mspdi_report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                                     "%u resource assignment is not kept.",
                                     "%u resource assignments are not kept.", r->n_assignments),
                  r->n_assignments);
  if (r->n_timephased > 0)
    mspdi_report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                                     "%u block of timephased work (a split task, work per day) is "
                                     "not kept: only each task’s start and finish are.",
                                     "%u blocks of timephased work (split tasks, work per day) are "
                                     "not kept: only each task’s start and finish are.",
                                     r->n_timephased), r->n_timephased);
  if (r->n_calendars > 0)
    mspdi_report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                                     "%u working-time calendar is not kept: Ikou plans in days.",
                                     "%u working-time calendars are not kept: Ikou plans in days.",
                                     r->n_calendars), r->n_calendars);
}

