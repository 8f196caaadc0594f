/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-document.h"
#include "ikou-error.h"

/* The worst severity and the number of findings of a system, packed in
 * one hash table value. */
#define SUMMARY_PACK(severity, count) ((((guint) (severity)) << 24) | ((count) & 0xffffff))
#define SUMMARY_SEVERITY(packed)     ((IkouSeverity) ((packed) >> 24))
#define SUMMARY_COUNT(packed)        ((packed) & 0xffffff)

/* The years a shift may reach: those a planner can type. */
#define SHIFT_MIN_YEAR 1900
#define SHIFT_MAX_YEAR 2200

struct _IkouDocument
{
  GObject        parent_instance;

  IkouPlan      *plan;
  IkouHistory   *history;
  IkouSchedule  *schedule;
  IkouPlanStore *store;
  IkouDay        today;
  guint64        change_serial;

  IkouScenario  *active;
  IkouScenario  *compare;
  gboolean       comparing;

  /* Findings of the active scenario: per plan position the system's
   * array (NULL = none; replaced, never changed), each system id's
   * position + 1, each id's packed summary, and the counts. */
  GPtrArray     *system_findings;
  GPtrArray     *removed_findings; /* the active scenario's edits of removed systems */
  GHashTable    *positions;
  GHashTable    *summary;
  guint          n_errors;
  guint          n_warnings;
  guint          n_infos;
  GHashTable    *pending;       /* system ids waiting for a re-check */
  GPtrArray     *scratch;       /* empty: the findings of the next re-check */
  guint          recheck_id;

  /* A drag in progress. */
  IkouSystem        *preview_system;
  guint              preview_index;
  IkouStep          *preview_old;    /* baseline step before the drag */
  IkouScenario      *preview_scenario;
  IkouScenarioEdits *preview_before; /* the scenario's edits before the drag */
};

G_DEFINE_FINAL_TYPE (IkouDocument, ikou_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_HISTORY,
  PROP_SCHEDULE,
  PROP_STORE,
  PROP_TODAY,
  PROP_ACTIVE_SCENARIO,
  PROP_COMPARE_SCENARIO,
  PROP_COMPARING,
  PROP_DIRTY,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_INFOS,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  VIEW_CHANGED,
  FINDINGS_RESET,
  SYSTEM_FINDINGS_CHANGED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static IkouDay
today_from_environment (void)
{
  const char *text = g_getenv ("IKOU_TODAY");
  IkouDay day = IKOU_DAY_NONE;

  /* Tests and screenshots pin the date the checker and the today line use. */
  if (text != NULL && !ikou_parse_iso_date (text, &day))
    g_warning ("IKOU_TODAY=%s is not a date (YYYY-MM-DD); using today", text);

  return day != IKOU_DAY_NONE ? day : ikou_day_today ();
}

/* Findings ------------------------------------------------------------------ */

static void
unref_findings (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static void
count_findings (IkouDocument *self,
                GPtrArray    *findings,
                int           sign)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const IkouFinding *finding = g_ptr_array_index (findings, i);

      switch (finding->severity)
        {
        case IKOU_SEVERITY_ERROR:
          self->n_errors += sign;
          break;
        case IKOU_SEVERITY_WARNING:
          self->n_warnings += sign;
          break;
        case IKOU_SEVERITY_INFO:
        case IKOU_N_SEVERITIES:
        default:
          self->n_infos += sign;
          break;
        }
    }
}

static void
set_summary (IkouDocument *self,
             guint         system_id,
             GPtrArray    *findings)
{
  IkouSeverity worst = IKOU_N_SEVERITIES;

  if (findings == NULL || findings->len == 0)
    {
      g_hash_table_remove (self->summary, GUINT_TO_POINTER (system_id));
      return;
    }
  for (guint i = 0; i < findings->len; i++)
    worst = MIN (worst, ((const IkouFinding *) g_ptr_array_index (findings, i))->severity);
  g_hash_table_insert (self->summary, GUINT_TO_POINTER (system_id),
                       GUINT_TO_POINTER (SUMMARY_PACK (worst, findings->len)));
}

static void
notify_counts (IkouDocument *self,
               guint         errors,
               guint         warnings,
               guint         infos)
{
  if (errors != self->n_errors)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  if (warnings != self->n_warnings)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
  if (infos != self->n_infos)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INFOS]);
}

static gboolean
system_position (IkouDocument *self,
                 guint         system_id,
                 guint        *position)
{
  guint stored = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions,
                                                        GUINT_TO_POINTER (system_id)));

  if (stored == 0 || stored > ikou_plan_get_n_systems (self->plan) ||
      ikou_system_get_id (ikou_plan_get_system (self->plan, stored - 1)) != system_id)
    return FALSE;
  *position = stored - 1;
  return TRUE;
}

void
ikou_document_recheck_all (IkouDocument *self)
{
  guint errors, warnings, infos;
  GPtrArray *scratch = NULL;
  guint n;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  /* A full check covers whatever single systems were waiting. */
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  g_hash_table_remove_all (self->pending);

  errors = self->n_errors;
  warnings = self->n_warnings;
  infos = self->n_infos;
  self->n_errors = self->n_warnings = self->n_infos = 0;
  g_hash_table_remove_all (self->positions);
  g_hash_table_remove_all (self->summary);
  g_ptr_array_set_size (self->system_findings, 0);

  n = ikou_plan_get_n_systems (self->plan);
  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (self->plan, i);
      guint id = ikou_system_get_id (system);
      GPtrArray *findings = NULL;

      g_hash_table_insert (self->positions, GUINT_TO_POINTER (id), GUINT_TO_POINTER (i + 1));
      if (self->schedule != NULL)
        {
          /* Most systems have no findings: one scratch array serves them all. */
          if (scratch == NULL)
            scratch = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
          ikou_check_system_into (self->plan, system, self->active, self->schedule,
                                  self->today, NULL, scratch);
          if (scratch->len > 0)
            findings = g_steal_pointer (&scratch);
        }
      g_ptr_array_add (self->system_findings, findings);
      count_findings (self, findings, +1);
      set_summary (self, id, findings);
    }
  g_clear_pointer (&scratch, g_ptr_array_unref);

  /* Reported, not lost: edits of systems no longer in the plan. */
  g_ptr_array_set_size (self->removed_findings, 0);
  if (self->active != NULL)
    ikou_check_removed_systems_into (self->plan, self->active, self->removed_findings);
  count_findings (self, self->removed_findings, +1);

  g_signal_emit (self, signals[FINDINGS_RESET], 0);
  notify_counts (self, errors, warnings, infos);
}

/* Re-checks one system; tells the views when its findings changed. */
static void
recheck_system (IkouDocument *self,
                guint         system_id)
{
  GPtrArray *findings, *old;
  guint errors, warnings, infos;
  guint position;

  if (!system_position (self, system_id, &position))
    return;

  /* Most systems have no findings: one scratch array serves them all. */
  if (self->scratch == NULL)
    self->scratch = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  if (self->schedule != NULL)
    ikou_check_system_into (self->plan, ikou_plan_get_system (self->plan, position),
                            self->active, self->schedule, self->today, NULL, self->scratch);
  findings = self->scratch->len > 0 ? g_steal_pointer (&self->scratch) : NULL;

  old = g_ptr_array_index (self->system_findings, position);
  if (old == NULL && findings == NULL)
    return;

  errors = self->n_errors;
  warnings = self->n_warnings;
  infos = self->n_infos;
  self->system_findings->pdata[position] = findings;
  count_findings (self, old, -1);
  count_findings (self, findings, +1);
  set_summary (self, system_id, findings);
  g_signal_emit (self, signals[SYSTEM_FINDINGS_CHANGED], 0, position, system_id);
  g_clear_pointer (&old, g_ptr_array_unref);
  notify_counts (self, errors, warnings, infos);
}

void
ikou_document_flush (IkouDocument *self)
{
  g_autoptr(GHashTable) pending = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  if (g_hash_table_size (self->pending) == 0)
    return;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_hash_table_new (NULL, NULL);
  /* The counts are told once, however many systems were waiting. */
  g_object_freeze_notify (G_OBJECT (self));
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    recheck_system (self, GPOINTER_TO_UINT (key));
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
recheck_cb (gpointer user_data)
{
  IkouDocument *self = user_data;

  self->recheck_id = 0;
  ikou_document_flush (self);
  return G_SOURCE_REMOVE;
}

static void
queue_recheck (IkouDocument *self,
               guint         system_id)
{
  g_hash_table_add (self->pending, GUINT_TO_POINTER (system_id));
  /* Once per frame at most: before GTK's layout and paint. */
  if (self->recheck_id == 0)
    self->recheck_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, recheck_cb, self, NULL);
}

/* Signals of the model ------------------------------------------------------ */

static void
bump_serial (IkouDocument *self)
{
  self->change_serial++;
}

/* One edit, or every system a transaction changed: each is re-checked
 * once, at the next flush. */
static void
plan_systems_changed_cb (IkouDocument *self,
                         GPtrArray    *systems)
{
  for (guint i = 0; i < systems->len; i++)
    {
      guint id = ikou_system_get_id (g_ptr_array_index (systems, i));

      queue_recheck (self, id);
      g_signal_emit (self, signals[VIEW_CHANGED], 0, id);
    }
}

static void
plan_items_changed_cb (IkouDocument *self,
                       guint         position,
                       guint         removed,
                       guint         added)
{
  ikou_document_recheck_all (self);
}

static void
plan_hosts_changed_cb (IkouDocument *self)
{
  ikou_document_recheck_all (self);
}

static void
scenario_systems_changed_cb (IkouDocument *self,
                             GArray       *ids)
{
  gboolean removed = FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      guint system_id = g_array_index (ids, guint, i);
      guint position;

      if (!system_position (self, system_id, &position))
        {
          removed = TRUE;
          continue;
        }
      queue_recheck (self, system_id);
      g_signal_emit (self, signals[VIEW_CHANGED], 0, system_id);
    }

  /* An edit of a removed system (an undo) changes only what is reported. */
  if (removed)
    {
      guint errors = self->n_errors, warnings = self->n_warnings, infos = self->n_infos;

      count_findings (self, self->removed_findings, -1);
      g_ptr_array_set_size (self->removed_findings, 0);
      ikou_check_removed_systems_into (self->plan, self->active, self->removed_findings);
      count_findings (self, self->removed_findings, +1);
      notify_counts (self, errors, warnings, infos);
    }
}

static gboolean
plan_has_scenario (IkouPlan     *plan,
                   IkouScenario *scenario)
{
  for (guint i = 0; i < ikou_plan_get_n_scenarios (plan); i++)
    if (ikou_plan_get_scenario (plan, i) == scenario)
      return TRUE;
  return FALSE;
}

static void
plan_scenarios_changed_cb (IkouDocument *self)
{
  /* An undo can take away the scenario on show. */
  if (self->active != NULL && !plan_has_scenario (self->plan, self->active))
    ikou_document_set_active_scenario (self, NULL);
  if (self->compare != NULL && !plan_has_scenario (self->plan, self->compare))
    ikou_document_set_compare (self, FALSE, NULL);
}

static void
history_notify_dirty_cb (IkouDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
plan_notify_title_cb (IkouDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* GObject ------------------------------------------------------------------- */

static void
ikou_document_constructed (GObject *object)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  G_OBJECT_CLASS (ikou_document_parent_class)->constructed (object);

  if (self->plan == NULL)
    self->plan = ikou_plan_new ();
  self->history = ikou_history_new (self->plan);

  g_signal_connect_object (self->plan, "systems-changed",
                           G_CALLBACK (plan_systems_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "items-changed",
                           G_CALLBACK (plan_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "hosts-changed",
                           G_CALLBACK (plan_hosts_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "scenarios-changed",
                           G_CALLBACK (plan_scenarios_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "changed",
                           G_CALLBACK (bump_serial), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::title",
                           G_CALLBACK (plan_notify_title_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::dirty",
                           G_CALLBACK (history_notify_dirty_cb), self, G_CONNECT_SWAPPED);

  ikou_document_recheck_all (self);
}

static void
clear_preview (IkouDocument *self)
{
  g_clear_object (&self->preview_system);
  g_clear_pointer (&self->preview_old, ikou_step_free);
  g_clear_object (&self->preview_scenario);
  g_clear_pointer (&self->preview_before, ikou_scenario_edits_free);
}

static void
ikou_document_dispose (GObject *object)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  clear_preview (self);
  if (self->active != NULL)
    g_signal_handlers_disconnect_by_data (self->active, self);
  g_clear_object (&self->active);
  g_clear_object (&self->compare);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->schedule);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ikou_document_parent_class)->dispose (object);
}

static void
ikou_document_finalize (GObject *object)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  g_ptr_array_unref (self->system_findings);
  g_ptr_array_unref (self->removed_findings);
  g_hash_table_unref (self->positions);
  g_hash_table_unref (self->summary);
  g_hash_table_unref (self->pending);
  g_clear_pointer (&self->scratch, g_ptr_array_unref);

  G_OBJECT_CLASS (ikou_document_parent_class)->finalize (object);
}

static void
ikou_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TODAY:
      g_value_set_int (value, self->today);
      break;
    case PROP_ACTIVE_SCENARIO:
      g_value_set_object (value, self->active);
      break;
    case PROP_COMPARE_SCENARIO:
      g_value_set_object (value, self->compare);
      break;
    case PROP_COMPARING:
      g_value_set_boolean (value, self->comparing);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, ikou_document_get_dirty (self));
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case PROP_N_INFOS:
      g_value_set_uint (value, self->n_infos);
      break;
    case PROP_TITLE:
      g_value_take_string (value, ikou_document_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_document_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_SCHEDULE:
      self->schedule = g_value_dup_object (value);
      break;
    case PROP_STORE:
      ikou_document_set_store (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      ikou_document_set_today (self, g_value_get_int (value));
      break;
    case PROP_ACTIVE_SCENARIO:
      ikou_document_set_active_scenario (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_document_class_init (IkouDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ikou_document_constructed;
  object_class->dispose = ikou_document_dispose;
  object_class->finalize = ikou_document_finalize;
  object_class->get_property = ikou_document_get_property;
  object_class->set_property = ikou_document_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, IKOU_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, IKOU_TYPE_HISTORY, ro);
  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL, IKOU_TYPE_SCHEDULE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IKOU_TYPE_PLAN_STORE, rw);
  properties[PROP_TODAY] =
    g_param_spec_int ("today", NULL, NULL, 0, G_MAXINT32, 0, rw);
  properties[PROP_ACTIVE_SCENARIO] =
    g_param_spec_object ("active-scenario", NULL, NULL, IKOU_TYPE_SCENARIO, rw);
  properties[PROP_COMPARE_SCENARIO] =
    g_param_spec_object ("compare-scenario", NULL, NULL, IKOU_TYPE_SCENARIO, ro);
  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE, ro);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_INFOS] =
    g_param_spec_uint ("n-infos", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[VIEW_CHANGED] =
    g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[FINDINGS_RESET] =
    g_signal_new ("findings-reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SYSTEM_FINDINGS_CHANGED] =
    g_signal_new ("system-findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ikou_document_init (IkouDocument *self)
{
  self->today = today_from_environment ();
  self->system_findings = g_ptr_array_new_with_free_func (unref_findings);
  self->removed_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  self->positions = g_hash_table_new (NULL, NULL);
  self->summary = g_hash_table_new (NULL, NULL);
  self->pending = g_hash_table_new (NULL, NULL);
}

/* Public --------------------------------------------------------------------- */

IkouDocument *
ikou_document_new (IkouPlan     *plan,
                   IkouSchedule *schedule)
{
  g_return_val_if_fail (plan == NULL || IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);

  return g_object_new (IKOU_TYPE_DOCUMENT, "plan", plan, "schedule", schedule, NULL);
}

IkouDocument *
ikou_document_load (IkouPlanStore  *store,
                    IkouSchedule   *schedule,
                    GError        **error)
{
  g_autoptr(IkouPlan) plan = NULL;
  IkouDocument *self;

  g_return_val_if_fail (IKOU_IS_PLAN_STORE (store), NULL);

  plan = ikou_plan_store_load (store, error);
  if (plan == NULL)
    return NULL;
  self = ikou_document_new (plan, schedule);
  ikou_document_set_store (self, store);
  return self;
}

IkouPlan *
ikou_document_get_plan (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->plan;
}

IkouHistory *
ikou_document_get_history (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->history;
}

IkouSchedule *
ikou_document_get_schedule (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->schedule;
}

IkouPlanStore *
ikou_document_get_store (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->store;
}

GFile *
ikou_document_get_file (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->store != NULL ? ikou_plan_store_get_file (self->store) : NULL;
}

void
ikou_document_set_store (IkouDocument  *self,
                         IkouPlanStore *store)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (store == NULL || IKOU_IS_PLAN_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

char *
ikou_document_dup_title (IkouDocument *self)
{
  const char *title;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);

  title = ikou_plan_get_title (self->plan);
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (self->store != NULL)
    return ikou_plan_store_get_display_name (self->store);
  return g_strdup (_("Untitled plan"));
}

gboolean
ikou_document_get_dirty (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  return ikou_history_get_dirty (self->history);
}

gboolean
ikou_document_save (IkouDocument   *self,
                    IkouPlanStore  *store,
                    GError        **error)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (store == NULL || IKOU_IS_PLAN_STORE (store), FALSE);

  if (store == NULL)
    store = self->store;
  if (store == NULL)
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_IO,
                           _("This plan has not been saved yet: choose where to save it."));
      return FALSE;
    }
  if (!ikou_plan_store_save (store, self->plan, error))
    return FALSE;

  ikou_document_set_store (self, store);
  ikou_history_set_clean (self->history);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

guint64
ikou_document_get_change_serial (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  return self->change_serial;
}

IkouDay
ikou_document_get_today (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), IKOU_DAY_NONE);
  return self->today;
}

void
ikou_document_set_today (IkouDocument *self,
                         IkouDay       today)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  if (today == IKOU_DAY_NONE)
    today = today_from_environment ();
  if (self->today == today)
    return;
  self->today = today;
  ikou_document_recheck_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

/* Scenarios ------------------------------------------------------------------ */

IkouScenario *
ikou_document_get_active_scenario (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->active;
}

void
ikou_document_set_active_scenario (IkouDocument *self,
                                   IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));

  if (self->active == scenario)
    return;

  /* A drag belongs to what was shown. */
  ikou_document_cancel_preview (self);

  if (self->active != NULL)
    g_signal_handlers_disconnect_by_data (self->active, self);
  g_set_object (&self->active, scenario);
  if (scenario != NULL)
    g_signal_connect_object (scenario, "systems-changed",
                             G_CALLBACK (scenario_systems_changed_cb), self, G_CONNECT_SWAPPED);

  /* Comparing a scenario with itself shows nothing: compare with the
   * baseline instead. */
  if (self->comparing && self->compare == scenario)
    ikou_document_set_compare (self, TRUE, NULL);

  ikou_document_recheck_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_SCENARIO]);
}

gboolean
ikou_document_get_comparing (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  return self->comparing;
}

IkouScenario *
ikou_document_get_compare_scenario (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->compare;
}

void
ikou_document_set_compare (IkouDocument *self,
                           gboolean      comparing,
                           IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));

  if (!comparing)
    scenario = NULL;
  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->compare, scenario))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE_SCENARIO]);
  if (self->comparing != !!comparing)
    {
      self->comparing = !!comparing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARING]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
ikou_document_check_scenario_name (IkouDocument  *self,
                                   const char    *name,
                                   IkouScenario  *except,
                                   GError       **error)
{
  IkouScenario *other;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                           _("A scenario needs a name."));
      return FALSE;
    }
  if (!g_utf8_validate (stripped, -1, NULL) || g_utf8_strlen (stripped, -1) > 200)
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                           _("A scenario name is at most 200 characters of text."));
      return FALSE;
    }
  if (g_str_equal (stripped, "baseline") || g_str_equal (stripped, _("Baseline")))
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("“%s” is the name of the baseline; choose another name."), stripped);
      return FALSE;
    }
  other = ikou_plan_lookup_scenario (self->plan, stripped);
  if (other != NULL && other != except)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("There is already a scenario named “%s”."), stripped);
      return FALSE;
    }
  return TRUE;
}

IkouScenario *
ikou_document_add_scenario (IkouDocument  *self,
                            const char    *name,
                            IkouScenario  *from,
                            const char    *description,
                            GError       **error)
{
  g_autoptr(IkouScenario) scenario = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (from == NULL || IKOU_IS_SCENARIO (from), NULL);

  if (!ikou_document_check_scenario_name (self, name, NULL, error))
    return NULL;

  stripped = g_strstrip (g_strdup (name));
  scenario = from != NULL ? ikou_scenario_copy (from, stripped) : ikou_scenario_new (stripped);
  if (description != NULL)
    ikou_scenario_set_description (scenario, description);
  ikou_history_add_scenario (self->history, G_MAXUINT, scenario);
  return scenario;
}

gboolean
ikou_document_rename_scenario (IkouDocument  *self,
                               IkouScenario  *scenario,
                               const char    *name,
                               GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (IKOU_IS_SCENARIO (scenario), FALSE);

  if (!ikou_document_check_scenario_name (self, name, scenario, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);
  ikou_history_set_scenario_property (self->history, scenario, "name", &value);
  return TRUE;
}

void
ikou_document_describe_scenario (IkouDocument *self,
                                 IkouScenario *scenario,
                                 const char   *description)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, description != NULL && *description != '\0' ? description : NULL);
  ikou_history_set_scenario_property (self->history, scenario, "description", &value);
}

void
ikou_document_delete_scenario (IkouDocument *self,
                               IkouScenario *scenario)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SCENARIO (scenario));

  if (self->active == scenario)
    ikou_document_set_active_scenario (self, NULL);
  ikou_history_remove_scenario (self->history, scenario);
}

char *
ikou_document_dup_adopt_name (IkouDocument *self)
{
  g_autofree char *day = NULL;
  g_autofree char *base = NULL;
  char *name;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);

  day = ikou_day_format_iso (self->today);
  /* Translators: the scenario that keeps the old baseline after adopting
   * another scenario: "Baseline 2026-12-02" */
  base = g_strdup_printf (_("Baseline %s"), day);
  name = g_strdup (base);
  for (guint n = 2; ikou_plan_lookup_scenario (self->plan, name) != NULL; n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)", base, n);
    }
  return name;
}

/* The steps @scenario sees for @system, notes included. */
static GPtrArray *
dup_steps (IkouScenario *scenario,
           IkouSystem   *system)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_step_free);
  guint n = ikou_scenario_get_n_steps (scenario, system);

  for (guint i = 0; i < n; i++)
    {
      IkouStep st;
      IkouStepOrigin origin;
      IkouStep *copy;

      ikou_scenario_get_step (scenario, system, i, &st, &origin);
      copy = ikou_step_copy (&st);
      g_free (copy->note);
      copy->note = g_strdup (origin.added >= 0
                             ? ikou_scenario_get_added_step (scenario, ikou_system_get_id (system),
                                                             (guint) origin.added)->note
                             : ikou_system_get_step (system, (guint) origin.baseline)->note);
      g_ptr_array_add (steps, copy);
    }
  return steps;
}

/* Edits on top of @now that give back @before (adopting keeps the old
 * baseline this way). */
static void
edits_back_to (IkouScenario *keep,
               IkouSystem   *system,
               GPtrArray    *before,
               GPtrArray    *now)
{
  guint id = ikou_system_get_id (system);

  for (guint i = 0; i < now->len; i++)
    {
      const IkouStep *a = g_ptr_array_index (now, i);

      if (i >= before->len)
        {
          ikou_scenario_set_override (keep, id, i, IKOU_OVERRIDE_DROPPED, 1);
          continue;
        }
      for (guint f = 0; f < IKOU_N_OVERRIDE_FIELDS; f++)
        {
          gint64 old_value;

          if (f == IKOU_OVERRIDE_DROPPED)
            continue;
          old_value = ikou_override_field_get (g_ptr_array_index (before, i), f);
          if (old_value != ikou_override_field_get (a, f))
            ikou_scenario_set_override (keep, id, i, f, old_value);
        }
    }
  for (guint i = now->len; i < before->len; i++)
    ikou_scenario_insert_added_step (keep, id, G_MAXUINT, g_ptr_array_index (before, i));
}

/* The other scenarios' edits of @system follow its baseline steps when
 * @adopted, which leaves some of them out, becomes the baseline: edits
 * of a step left out become orphans, the later ones move down. */
static void
reindex_other_scenarios (IkouDocument *self,
                         IkouScenario *adopted,
                         IkouSystem   *system)
{
  guint id = ikou_system_get_id (system);
  guint n = ikou_system_get_n_steps (system);

  for (guint k = 0; k < ikou_plan_get_n_scenarios (self->plan); k++)
    {
      IkouScenario *other = ikou_plan_get_scenario (self->plan, k);
      g_autoptr(IkouScenarioEdits) before = NULL;

      if (other == adopted || !ikou_scenario_has_system (other, id))
        continue;
      before = ikou_scenario_save_edits (other, id);
      for (guint i = n; i > 0; i--)
        {
          gint64 dropped = 0;

          if (ikou_scenario_lookup_override (adopted, id, i - 1, IKOU_OVERRIDE_DROPPED, &dropped) &&
              dropped != 0)
            ikou_scenario_reindex_steps (other, id, i - 1, -1);
        }
      ikou_history_record_scenario_edits (self->history, other, id, before, NULL);
    }
}

IkouScenario *
ikou_document_adopt_scenario (IkouDocument  *self,
                              IkouScenario  *scenario,
                              const char    *keep_as,
                              GError       **error)
{
  g_autoptr(IkouScenario) keep = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *label = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *today = NULL;
  g_autofree char *description = NULL;
  guint position = 0;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (IKOU_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (keep_as != NULL, NULL);

  if (!ikou_document_check_scenario_name (self, keep_as, scenario, error))
    return NULL;
  for (guint i = 0; i < ikou_plan_get_n_scenarios (self->plan); i++)
    if (ikou_plan_get_scenario (self->plan, i) == scenario)
      position = i;

  stripped = g_strstrip (g_strdup (keep_as));
  keep = ikou_scenario_new (stripped);
  today = ikou_day_format_iso (self->today);
  /* Translators: description of the scenario that keeps the old baseline */
  description = g_strdup_printf (_("The baseline before “%s” was adopted on %s."),
                                 ikou_scenario_get_name (scenario), today);
  ikou_scenario_set_description (keep, description);

  /* Translators: undo label */
  label = g_strdup_printf (_("Adopt “%s”"), ikou_scenario_get_name (scenario));
  ikou_document_cancel_preview (self);
  if (self->active == scenario)
    ikou_document_set_active_scenario (self, NULL);

  ikou_history_begin (self->history, label);
  ids = ikou_scenario_get_system_ids (scenario);
  for (guint i = 0; i < ids->len; i++)
    {
      IkouSystem *system = ikou_plan_lookup_system (self->plan, g_array_index (ids, guint, i));
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) after = NULL;

      if (system == NULL)
        continue;
      before = dup_steps (NULL, system);
      after = dup_steps (scenario, system);
      reindex_other_scenarios (self, scenario, system);
      ikou_history_set_steps (self->history, system, after);
      edits_back_to (keep, system, before, after);
    }
  ikou_history_remove_scenario (self->history, scenario);
  ikou_history_add_scenario (self->history, position, keep);
  ikou_history_end (self->history);

  return keep;
}

/* Steps ---------------------------------------------------------------------- */

guint
ikou_document_get_n_steps (IkouDocument *self,
                           IkouSystem   *system)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), 0);
  return ikou_scenario_get_n_steps (self->active, system);
}

gboolean
ikou_document_get_step (IkouDocument *self,
                        IkouSystem   *system,
                        guint         index,
                        IkouStep     *out)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), FALSE);
  return ikou_scenario_get_step (self->active, system, index, out, NULL);
}

IkouStep *
ikou_document_dup_step (IkouDocument *self,
                        IkouSystem   *system,
                        guint         index)
{
  IkouStep st;
  IkouStepOrigin origin;
  IkouStep *copy;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), NULL);

  if (!ikou_scenario_get_step (self->active, system, index, &st, &origin))
    return NULL;
  copy = ikou_step_copy (&st);
  copy->note = g_strdup (origin.added >= 0
                         ? ikou_scenario_get_added_step (self->active, ikou_system_get_id (system),
                                                         (guint) origin.added)->note
                         : ikou_system_get_step (system, (guint) origin.baseline)->note);
  return copy;
}

static const char *
edit_label (IkouDocument   *self,
            IkouSystem     *system,
            guint           index,
            const IkouStep *step)
{
  IkouStep old;

  if (!ikou_scenario_get_step (self->active, system, index, &old, NULL))
    return NULL;
  return ikou_history_describe_step_change (&old, step);
}

void
ikou_document_set_step (IkouDocument   *self,
                        IkouSystem     *system,
                        guint           index,
                        const IkouStep *step)
{
  g_autoptr(IkouScenarioEdits) before = NULL;
  guint id;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (step != NULL);
  g_return_if_fail (index < ikou_document_get_n_steps (self, system));

  if (self->active == NULL)
    {
      ikou_history_set_step (self->history, system, index, step);
      return;
    }

  id = ikou_system_get_id (system);
  before = ikou_scenario_save_edits (self->active, id);
  {
    const char *label = edit_label (self, system, index, step);

    ikou_scenario_edit_step (self->active, system, index, step);
    ikou_history_record_scenario_edits (self->history, self->active, id, before, label);
  }
}

void
ikou_document_insert_step (IkouDocument   *self,
                           IkouSystem     *system,
                           guint           index,
                           const IkouStep *step)
{
  g_autoptr(IkouScenarioEdits) before = NULL;
  guint id, n_view, n_added;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (step != NULL);

  if (self->active == NULL)
    {
      ikou_history_insert_step (self->history, system, index, step);
      return;
    }

  /* A scenario's own steps come after the baseline's. */
  id = ikou_system_get_id (system);
  n_view = ikou_scenario_get_n_steps (self->active, system);
  n_added = ikou_scenario_get_n_added_steps (self->active, id);
  index = MIN (index, n_view);
  before = ikou_scenario_save_edits (self->active, id);
  ikou_scenario_insert_added_step (self->active, id,
                                   index >= n_view - n_added ? index - (n_view - n_added) : 0,
                                   step);
  ikou_history_record_scenario_edits (self->history, self->active, id, before, _("Add step"));
}

void
ikou_document_remove_step (IkouDocument *self,
                           IkouSystem   *system,
                           guint         index)
{
  g_autoptr(IkouScenarioEdits) before = NULL;
  guint id;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (index < ikou_document_get_n_steps (self, system));

  if (self->active == NULL)
    {
      ikou_history_remove_step (self->history, system, index);
      return;
    }

  id = ikou_system_get_id (system);
  before = ikou_scenario_save_edits (self->active, id);
  ikou_scenario_drop_step (self->active, system, index);
  ikou_history_record_scenario_edits (self->history, self->active, id, before, _("Remove step"));
}

void
ikou_document_preview_step (IkouDocument   *self,
                            IkouSystem     *system,
                            guint           index,
                            const IkouStep *step)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (step != NULL);
  g_return_if_fail (index < ikou_document_get_n_steps (self, system));

  if (self->preview_system != NULL &&
      (self->preview_system != system || self->preview_index != index))
    ikou_document_commit_preview (self);

  if (self->preview_system == NULL)
    {
      self->preview_system = g_object_ref (system);
      self->preview_index = index;
      if (self->active == NULL)
        self->preview_old = ikou_step_copy (ikou_system_get_step (system, index));
      else
        {
          self->preview_scenario = g_object_ref (self->active);
          self->preview_before = ikou_scenario_save_edits (self->active,
                                                           ikou_system_get_id (system));
        }
    }

  if (self->preview_scenario == NULL)
    {
      /* The baseline's note and done bits stay as they are. */
      g_autoptr(IkouStep) copy = ikou_step_copy (step);

      g_free (copy->note);
      copy->note = g_strdup (ikou_system_get_step (system, index)->note);
      ikou_system_set_step (system, index, copy);
    }
  else
    ikou_scenario_edit_step (self->preview_scenario, system, index, step);
}

void
ikou_document_commit_preview (IkouDocument *self)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  if (self->preview_system == NULL)
    return;

  if (self->preview_scenario == NULL)
    {
      if (self->preview_index < ikou_system_get_n_steps (self->preview_system))
        ikou_history_record_step (self->history, self->preview_system, self->preview_index,
                                  self->preview_old);
    }
  else
    ikou_history_record_scenario_edits (self->history, self->preview_scenario,
                                        ikou_system_get_id (self->preview_system),
                                        self->preview_before, _("Move in scenario"));
  clear_preview (self);
}

void
ikou_document_cancel_preview (IkouDocument *self)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  if (self->preview_system == NULL)
    return;

  if (self->preview_scenario == NULL)
    {
      if (self->preview_index < ikou_system_get_n_steps (self->preview_system))
        ikou_system_set_step (self->preview_system, self->preview_index, self->preview_old);
    }
  else
    ikou_scenario_restore_edits (self->preview_scenario,
                                 ikou_system_get_id (self->preview_system),
                                 self->preview_before);
  clear_preview (self);
}

gboolean
ikou_document_is_overridden (IkouDocument      *self,
                             IkouSystem        *system,
                             guint              index,
                             IkouOverrideField  field,
                             gint64            *baseline_value)
{
  IkouStep st;
  IkouStepOrigin origin;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), FALSE);

  if (self->active == NULL ||
      !ikou_scenario_get_step (self->active, system, index, &st, &origin) ||
      origin.baseline < 0 ||
      !ikou_scenario_lookup_override (self->active, ikou_system_get_id (system),
                                      (guint) origin.baseline, field, NULL))
    return FALSE;

  if (baseline_value != NULL)
    *baseline_value = ikou_override_field_get (ikou_system_get_step (system, (guint) origin.baseline),
                                               field);
  return TRUE;
}

gboolean
ikou_document_is_added_step (IkouDocument *self,
                             IkouSystem   *system,
                             guint         index)
{
  IkouStep st;
  IkouStepOrigin origin;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);

  return self->active != NULL &&
         ikou_scenario_get_step (self->active, system, index, &st, &origin) &&
         origin.added >= 0;
}

void
ikou_document_revert_field (IkouDocument      *self,
                            IkouSystem        *system,
                            guint              index,
                            IkouOverrideField  field)
{
  g_autoptr(IkouScenarioEdits) before = NULL;
  IkouStep st;
  IkouStepOrigin origin;
  guint id;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (IKOU_IS_SYSTEM (system));

  if (self->active == NULL ||
      !ikou_scenario_get_step (self->active, system, index, &st, &origin) ||
      origin.baseline < 0)
    return;

  id = ikou_system_get_id (system);
  before = ikou_scenario_save_edits (self->active, id);
  ikou_scenario_remove_override (self->active, id, (guint) origin.baseline, field);
  ikou_history_record_scenario_edits (self->history, self->active, id, before,
                                      _("Back to the baseline"));
}

/* Many systems ---------------------------------------------------------------- */

static gboolean
shift_day (IkouDay     *day,
           int          months,
           IkouSystem  *system,
           GError     **error)
{
  IkouDay moved;
  int year;

  if (*day == IKOU_DAY_NONE)
    return TRUE;
  moved = ikou_day_add_months (*day, months);
  year = moved != IKOU_DAY_NONE ? ikou_day_get_year (moved) : 0;
  if (moved == IKOU_DAY_NONE || year < SHIFT_MIN_YEAR || year > SHIFT_MAX_YEAR)
    {
      g_autofree char *from = ikou_day_format_iso (*day);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_DATE,
                   _("Shifting “%s” by %d months would move %s out of the years %d to %d."),
                   ikou_system_get_name (system), months, from, SHIFT_MIN_YEAR, SHIFT_MAX_YEAR);
      return FALSE;
    }
  *day = moved;
  return TRUE;
}

static void
store_step (IkouDocument   *self,
            IkouScenario   *scenario,
            IkouSystem     *system,
            guint           index,
            const IkouStep *step)
{
  if (scenario == NULL)
    ikou_history_set_step (self->history, system, index, step);
  else
    ikou_scenario_edit_step (scenario, system, index, step);
}

/* Runs @edit on every system's steps as @scenario sees them, checking
 * all before changing any; one undo step. */
typedef gboolean (*StepsEdit) (GPtrArray   *steps,
                               IkouSystem  *system,
                               gpointer     data,
                               GError     **error);

static gboolean
edit_systems (IkouDocument  *self,
              IkouScenario  *scenario,
              GPtrArray     *systems,
              const char    *label,
              StepsEdit      edit,
              gpointer       data,
              GError       **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  /* The steps before, as values (their notes are the results'): what
   * changed is known without asking the scenario again. */
  g_autoptr(GArray) before_steps = g_array_new (FALSE, FALSE, sizeof (IkouStep));
  guint first_step = 0;

  for (guint i = 0; i < systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (systems, i);
      GPtrArray *steps = dup_steps (scenario, system);

      g_ptr_array_add (results, steps);
      for (guint s = 0; s < steps->len; s++)
        g_array_append_vals (before_steps, g_ptr_array_index (steps, s), 1);
      if (!edit (steps, system, data, error))
        return FALSE;
    }

  ikou_document_cancel_preview (self);
  /* The transaction makes one re-check and one ::view-changed per
   * system, not per step. */
  ikou_history_begin (self->history, label);
  for (guint i = 0; i < systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (systems, i);
      GPtrArray *steps = g_ptr_array_index (results, i);
      IkouScenarioEdits *before = NULL;
      guint id = ikou_system_get_id (system);
      gboolean changed = FALSE;

      if (scenario != NULL)
        before = ikou_scenario_save_edits (scenario, id);
      for (guint s = 0; s < steps->len; s++)
        {
          const IkouStep *current = &g_array_index (before_steps, IkouStep, first_step + s);

          if (!ikou_step_equal (current, g_ptr_array_index (steps, s)))
            {
              store_step (self, scenario, system, s, g_ptr_array_index (steps, s));
              changed = TRUE;
            }
        }
      first_step += steps->len;
      if (scenario != NULL && changed)
        ikou_history_take_scenario_edits (self->history, scenario, id,
                                          g_steal_pointer (&before), label);
      g_clear_pointer (&before, ikou_scenario_edits_free);
    }
  ikou_history_end (self->history);
  return TRUE;
}

typedef struct
{
  int                 months;
  IkouShiftMilestones which;
} ShiftData;

static gboolean
shift_steps (GPtrArray   *steps,
             IkouSystem  *system,
             gpointer     user_data,
             GError     **error)
{
  ShiftData *data = user_data;

  for (guint s = 0; s < steps->len; s++)
    {
      IkouStep *st = g_ptr_array_index (steps, s);

      if ((data->which == IKOU_SHIFT_ALL && !shift_day (&st->budget_date, data->months, system, error)) ||
          (data->which != IKOU_SHIFT_CUTOVER && !shift_day (&st->contract_date, data->months, system, error)) ||
          !shift_day (&st->cutover_date, data->months, system, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ikou_document_shift (IkouDocument         *self,
                     IkouScenario         *scenario,
                     GPtrArray            *systems,
                     int                   months,
                     IkouShiftMilestones   which,
                     GError              **error)
{
  ShiftData data = { months, which };
  g_autofree char *label = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (systems != NULL, FALSE);

  if (months == 0 || systems->len == 0)
    return TRUE;
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Shift %u system", "Shift %u systems",
                                        systems->len), systems->len);
  return edit_systems (self, scenario, systems, label, shift_steps, &data, error);
}

typedef struct
{
  guint host_id;
  int   standard_compliant;
} RetargetData;

static gboolean
retarget_steps (GPtrArray   *steps,
                IkouSystem  *system,
                gpointer     user_data,
                GError     **error)
{
  RetargetData *data = user_data;
  IkouStep *last;

  if (steps->len == 0)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("“%s” has no migration step to retarget."), ikou_system_get_name (system));
      return FALSE;
    }
  last = g_ptr_array_index (steps, steps->len - 1);
  last->to_host = data->host_id;
  if (data->standard_compliant >= 0)
    last->standard_compliant = data->standard_compliant != 0;
  return TRUE;
}

gboolean
ikou_document_retarget (IkouDocument  *self,
                        IkouScenario  *scenario,
                        GPtrArray     *systems,
                        guint          host_id,
                        int            standard_compliant,
                        GError       **error)
{
  RetargetData data = { host_id, standard_compliant };
  IkouHost *host;
  g_autofree char *label = NULL;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (systems != NULL, FALSE);

  host = ikou_plan_lookup_host (self->plan, host_id);
  if (host == NULL)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                   _("There is no host with the id %u in this plan."), host_id);
      return FALSE;
    }
  /* Translators: undo label: the host's name */
  label = g_strdup_printf (_("Retarget to “%s”"), ikou_host_get_name (host));
  return edit_systems (self, scenario, systems, label, retarget_steps, &data, error);
}

void
ikou_document_set_systems_property (IkouDocument *self,
                                    GPtrArray    *systems,
                                    const char   *property,
                                    const GValue *value)
{
  g_autofree char *label = NULL;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (systems != NULL);
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  if (systems->len == 0)
    return;
  ikou_document_cancel_preview (self);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Change %u system", "Change %u systems",
                                        systems->len), systems->len);
  ikou_history_begin (self->history, label);
  for (guint i = 0; i < systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (systems, i);
      g_auto(GValue) current = G_VALUE_INIT;

      g_value_init (&current, G_VALUE_TYPE (value));
      g_object_get_property (G_OBJECT (system), property, &current);
      if (g_param_values_cmp (g_object_class_find_property (G_OBJECT_GET_CLASS (system), property),
                              &current, value) != 0)
        ikou_history_set_system_property (self->history, system, property, value);
    }
  ikou_history_end (self->history);
}

GArray *
ikou_document_find_overdue_of (IkouDocument *self,
                               GPtrArray    *systems,
                               IkouDay       before)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) all = NULL;
  GArray *found;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (systems != NULL, NULL);

  for (guint i = 0; i < systems->len; i++)
    g_hash_table_add (ids, GUINT_TO_POINTER (ikou_system_get_id (g_ptr_array_index (systems, i))));
  all = ikou_document_find_overdue (self, before);
  found = g_array_new (FALSE, FALSE, sizeof (IkouMilestoneRef));
  for (guint i = 0; i < all->len; i++)
    {
      const IkouMilestoneRef *ref = &g_array_index (all, IkouMilestoneRef, i);

      if (g_hash_table_contains (ids, GUINT_TO_POINTER (ref->system_id)))
        g_array_append_vals (found, ref, 1);
    }
  return found;
}

/* Findings -------------------------------------------------------------------- */

guint
ikou_document_get_n_errors (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  return self->n_errors;
}

guint
ikou_document_get_n_warnings (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  return self->n_warnings;
}

guint
ikou_document_get_n_infos (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  return self->n_infos;
}

GPtrArray *
ikou_document_get_findings_by_system (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->system_findings;
}

GPtrArray *
ikou_document_get_system_findings (IkouDocument *self,
                                   IkouSystem   *system)
{
  guint position;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), NULL);

  if (!system_position (self, ikou_system_get_id (system), &position))
    return NULL;
  return g_ptr_array_index (self->system_findings, position);
}

gboolean
ikou_document_get_system_position (IkouDocument *self,
                                   guint         system_id,
                                   guint        *position)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);
  return system_position (self, system_id, position);
}

IkouSeverity
ikou_document_get_worst_severity (IkouDocument *self,
                                  guint         system_id,
                                  guint        *n_findings)
{
  guint packed;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), IKOU_N_SEVERITIES);

  packed = GPOINTER_TO_UINT (g_hash_table_lookup (self->summary, GUINT_TO_POINTER (system_id)));
  if (n_findings != NULL)
    *n_findings = packed != 0 ? SUMMARY_COUNT (packed) : 0;
  return packed != 0 ? SUMMARY_SEVERITY (packed) : IKOU_N_SEVERITIES;
}

GPtrArray *
ikou_document_copy_findings (IkouDocument *self)
{
  GPtrArray *all;
  guint n = 0;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);

  ikou_document_flush (self);
  for (guint i = 0; i < self->system_findings->len; i++)
    {
      GPtrArray *findings = g_ptr_array_index (self->system_findings, i);

      n += findings != NULL ? findings->len : 0;
    }
  all = g_ptr_array_new_full (n, (GDestroyNotify) ikou_finding_free);
  for (guint i = 0; i < self->system_findings->len; i++)
    {
      GPtrArray *findings = g_ptr_array_index (self->system_findings, i);

      for (guint j = 0; findings != NULL && j < findings->len; j++)
        g_ptr_array_add (all, ikou_finding_copy (g_ptr_array_index (findings, j)));
    }
  for (guint i = 0; i < self->removed_findings->len; i++)
    g_ptr_array_add (all, ikou_finding_copy (g_ptr_array_index (self->removed_findings, i)));
  return all;
}

/* Catching up ---------------------------------------------------------------- */

GArray *
ikou_document_find_overdue (IkouDocument *self,
                            IkouDay       before)
{
  GArray *found;
  guint n;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);

  if (before == IKOU_DAY_NONE)
    before = self->today;
  found = g_array_new (FALSE, FALSE, sizeof (IkouMilestoneRef));
  n = ikou_plan_get_n_systems (self->plan);
  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (self->plan, i);
      IkouStatus status = ikou_system_get_status (system);

      if (status == IKOU_STATUS_DONE || status == IKOU_STATUS_NOT_IN_SCOPE)
        continue;
      for (guint s = 0; s < ikou_system_get_n_steps (system); s++)
        {
          const IkouStep *step = ikou_system_get_step (system, s);

          for (int m = 0; m < IKOU_N_MILESTONES; m++)
            {
              IkouMilestoneRef ref = { ikou_system_get_id (system), s, m,
                                       ikou_step_get_milestone (step, m) };

              if (ref.day != IKOU_DAY_NONE && ref.day < before &&
                  (step->done & IKOU_MILESTONE_FLAG (m)) == 0)
                g_array_append_val (found, ref);
            }
        }
    }
  return found;
}

guint
ikou_document_mark_done (IkouDocument *self,
                         GArray       *milestones)
{
  g_autofree char *label = NULL;
  guint changed = 0;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (milestones != NULL, 0);

  ikou_document_cancel_preview (self);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mark %u milestone done",
                                        "Mark %u milestones done", milestones->len),
                           milestones->len);
  ikou_history_begin (self->history, label);
  for (guint i = 0; i < milestones->len; i++)
    {
      const IkouMilestoneRef *ref = &g_array_index (milestones, IkouMilestoneRef, i);
      IkouSystem *system = ikou_plan_lookup_system (self->plan, ref->system_id);
      g_autoptr(IkouStep) step = NULL;

      if (system == NULL || ref->step >= ikou_system_get_n_steps (system) ||
          (guint) ref->milestone >= IKOU_N_MILESTONES)
        continue;
      step = ikou_step_copy (ikou_system_get_step (system, ref->step));
      if (step->done & IKOU_MILESTONE_FLAG (ref->milestone))
        continue;
      step->done |= IKOU_MILESTONE_FLAG (ref->milestone);
      ikou_history_set_step (self->history, system, ref->step, step);
      changed++;
    }
  ikou_history_end (self->history);
  return changed;
}
