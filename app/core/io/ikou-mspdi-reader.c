/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-mspdi-private.h"

/* The import, first half: the stream of elements into small records
 * (tasks, resources, the project's own fields), one at a time, and the
 * plan built from them at the end.  What the records become is in
 * ikou-mspdi-map.c. */

static void
task_rec_free (TaskRec *t)
{
  g_free (t->name);
  g_free (t->notes);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (t->values[i]);
  g_free (t);
}

static void
res_rec_free (ResRec *r)
{
  g_free (r->name);
  g_free (r->kind);
  g_free (r->notes);
  g_free (r);
}

void
mspdi_report (Reader     *r,
              int         line,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (r->report, ikou_xml_at_line_valist (r->name, line, format, args));
  va_end (args);
}

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *out)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  return g_ascii_string_to_unsigned (copy, 10, 0, max, out, NULL);
}

/* A number as MS Project writes it (also "12000.00", "-1"); whole only. */
gboolean
mspdi_parse_number (const char *text,
                    gint64     *out)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return FALSE;
  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || value != value || value < -1e15 || value > 1e15 ||
      value != (double) (gint64) value)
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

gboolean
mspdi_parse_flag (const char *text,
                  gboolean   *out)
{
  static const char *yes[] = { "1", "true", "yes", "はい", "○", "〇" };
  static const char *no[] = { "0", "false", "no", "いいえ", "×", "" };
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (copy, yes[i]) == 0)
      return *out = TRUE, TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (copy, no[i]) == 0)
      return *out = FALSE, TRUE;
  return FALSE;
}

/* The day of an xsd:dateTime (2025-04-01T09:00:00), or of a bare date. */
gboolean
mspdi_parse_day (const char *text,
                 IkouDay    *out)
{
  char day[11];
  const char *p;

  if (text == NULL)
    return FALSE;
  for (p = text; g_ascii_isspace (*p); p++)
    ;
  if (strlen (p) < 10 || (p[10] != '\0' && p[10] != 'T' && !g_ascii_isspace (p[10])))
    return FALSE;
  memcpy (day, p, 10);
  day[10] = '\0';
  return ikou_parse_iso_date (day, out);
}

/* PT8H0M0S, PT0H0M0S, P3D…: whether every number in it is zero. */
static gboolean
duration_is_zero (const char *text)
{
  gboolean digit = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p >= '1' && *p <= '9')
        return FALSE;
      if (*p == '0')
        digit = TRUE;
    }
  return digit;
}

gboolean
mspdi_alias_matches (const char *alias,
                     const char *name)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (alias == NULL || name == NULL)
    return FALSE;
  na = g_strstrip (g_utf8_normalize (alias, -1, G_NORMALIZE_NFKC));
  nb = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  a = g_utf8_casefold (na, -1);
  b = g_utf8_casefold (nb, -1);
  return g_str_equal (a, b);
}

/* <ExtendedAttributes>: which of the file's fields are Ikou's. */
static void
read_definitions (Reader  *r,
                  xmlNode *node)
{
  for (xmlNode *def = ikou_xml_first_child (node, "ExtendedAttribute");
       def != NULL;
       def = ikou_xml_next_sibling (def, "ExtendedAttribute"))
    {
      g_autofree char *id = ikou_xml_get_child_text (def, "FieldID");
      g_autofree char *field_name = ikou_xml_get_child_text (def, "FieldName");
      g_autofree char *alias = ikou_xml_get_child_text (def, "Alias");
      const char *label = alias != NULL && *alias != '\0' ? alias : field_name;
      gboolean resource;

      if (id == NULL)
        continue;
      g_strstrip (id);
      /* Resource fields are numbered from 205520000, tasks' below. */
      resource = g_str_has_prefix (id, "2055");
      for (guint f = 0; f < N_FIELDS; f++)
        {
          if (IS_RESOURCE_FIELD (f) != resource)
            continue;
          if (mspdi_alias_matches (label, mspdi_fields[f].alias) ||
              mspdi_alias_matches (label, mspdi_fields[f].alias_en) ||
              mspdi_alias_matches (label, mspdi_fields[f].alias_alt))
            {
              g_hash_table_replace (r->field_map, g_strdup (id), GUINT_TO_POINTER (f + 1));
              break;
            }
        }
      if (label != NULL && field_name != NULL && g_strcmp0 (label, field_name) != 0)
        g_hash_table_replace (r->field_label, g_strdup (id),
                              g_strdup_printf ("“%s” (%s)", label, field_name));
      else if (label != NULL)
        g_hash_table_replace (r->field_label, g_strdup (id), g_strdup_printf ("“%s”", label));
    }
}

static void
note_unmapped (Reader     *r,
               const char *field_id)
{
  Unmapped *u = g_hash_table_lookup (r->unmapped, field_id);

  if (u == NULL)
    {
      const char *label = g_hash_table_lookup (r->field_label, field_id);

      u = g_new0 (Unmapped, 1);
      u->label = label != NULL ? g_strdup (label) : g_strdup_printf ("FieldID %s", field_id);
      g_hash_table_insert (r->unmapped, g_strdup (field_id), u);
      g_ptr_array_add (r->unmapped_order, g_strdup (field_id));
    }
  u->count++;
}

/* One extended attribute value of a task or resource. */
static void
read_value (Reader   *r,
            xmlNode  *ea,
            char    **values)
{
  g_autofree char *id = ikou_xml_get_child_text (ea, "FieldID");
  g_autofree char *value = NULL;
  guint f;

  if (id == NULL)
    return;
  g_strstrip (id);
  f = GPOINTER_TO_UINT (g_hash_table_lookup (r->field_map, id));
  value = ikou_xml_get_child_text (ea, "Value");
  if (f == 0)
    {
      if (value != NULL && *value != '\0')
        note_unmapped (r, id);
      return;
    }
  g_free (values[f - 1]);
  values[f - 1] = g_steal_pointer (&value);
}

static void
read_values (Reader   *r,
             xmlNode  *node,
             char    **values)
{
  for (xmlNode *ea = ikou_xml_first_child (node, "ExtendedAttribute");
       ea != NULL;
       ea = ikou_xml_next_sibling (ea, "ExtendedAttribute"))
    read_value (r, ea, values);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
read_task (Reader   *r,
           xmlNode  *node,
           TaskRec **out)
{
  /* The elements read, in one pass over the task's children (a national
   * plan has 400,000 tasks). */
  enum { NAME, IS_NULL, LEVEL, NUMBER, UID, START, FINISH, DURATION, MILESTONE, SUMMARY,
         PERCENT, DEADLINE, NOTES, N_ELEMENTS };
  static const char * const names[N_ELEMENTS] = {
    "Name", "IsNull", "OutlineLevel", "OutlineNumber", "UID", "Start", "Finish", "Duration",
    "Milestone", "Summary", "PercentComplete", "Deadline", "Notes"
  };
  char *text[N_ELEMENTS] = { NULL };
  TaskRec *t;
  guint64 value;
  gboolean flag;

  t = g_new0 (TaskRec, 1);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *element = (const char *) child->name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal (element, "ExtendedAttribute"))
        {
          read_value (r, child, t->values);
          continue;
        }
      if (g_str_equal (element, "PredecessorLink"))
        {
          r->n_links++;
          continue;
        }
      if (g_str_equal (element, "TimephasedData"))
        {
          r->n_timephased++;
          continue;
        }
      for (guint i = 0; i < N_ELEMENTS; i++)
        if (text[i] == NULL && g_str_equal (element, names[i]))
          {
            text[i] = ikou_xml_get_text (child);
            break;
          }
    }
  t->notes = g_steal_pointer (&text[NOTES]);

  /* Blank rows: MS Project writes them as null tasks, others without a
   * name.  Ikou's own systems and steps and the project summary task are
   * kept even without one. */
  if ((mspdi_parse_flag (text[IS_NULL], &flag) && flag) ||
      (is_blank (text[NAME]) && t->values[F_ROLE] == NULL &&
       !(parse_uint (text[LEVEL], 1000, &value) && value == 0)))
    {
      for (guint i = 0; i < N_ELEMENTS; i++)
        g_free (text[i]);
      task_rec_free (t);
      *out = NULL;
      return TRUE;
    }

  t->name = text[NAME] != NULL ? g_steal_pointer (&text[NAME]) : g_strdup ("");
  t->line = ikou_xml_node_line (node);
  t->percent = -1;
  t->parent = -1;
  if (parse_uint (text[LEVEL], 1000, &value))
    t->level = (int) value;
  else if (text[NUMBER] != NULL && *g_strstrip (text[NUMBER]) != '\0')
    {
      t->level = g_str_equal (text[NUMBER], "0") ? 0 : 1;
      for (const char *p = text[NUMBER]; *p != '\0'; p++)
        t->level += *p == '.';
    }
  else
    t->level = 1;
  t->has_uid = parse_uint (text[UID], G_MAXUINT, &value);
  t->uid = t->has_uid ? (guint) value : 0;
  if (text[START] != NULL && !mspdi_parse_day (text[START], &t->start))
    mspdi_report (r, t->line, _("task “%s”: the start “%s” is not a date; it is not kept."),
                  t->name, text[START]);
  if (text[FINISH] != NULL && !mspdi_parse_day (text[FINISH], &t->finish))
    mspdi_report (r, t->line, _("task “%s”: the finish “%s” is not a date; it is not kept."),
                  t->name, text[FINISH]);
  if (t->finish == IKOU_DAY_NONE)
    t->finish = t->start;
  if (t->start == IKOU_DAY_NONE)
    t->start = t->finish;
  if (text[MILESTONE] != NULL && mspdi_parse_flag (text[MILESTONE], &flag))
    t->milestone = flag;
  else
    t->milestone = (text[DURATION] != NULL && duration_is_zero (text[DURATION])) ||
                   (t->start != IKOU_DAY_NONE && t->start == t->finish && text[DURATION] == NULL);
  t->summary = text[SUMMARY] != NULL && mspdi_parse_flag (text[SUMMARY], &flag) && flag;
  if (parse_uint (text[PERCENT], 100, &value))
    t->percent = (int) value;
  if (text[DEADLINE] != NULL && !mspdi_parse_day (text[DEADLINE], &t->deadline))
    mspdi_report (r, t->line, _("task “%s”: the deadline “%s” is not a date; it is not kept."),
                  t->name, text[DEADLINE]);
  if (t->notes != NULL && *t->notes == '\0')
    g_clear_pointer (&t->notes, g_free);

  for (guint i = 0; i < N_ELEMENTS; i++)
    g_free (text[i]);
  *out = t;
  return TRUE;
}

/* The reference running cost on the project summary task: a cost
 * without its fiscal year, or a bad value, is reported and not kept. */
static void
read_reference_cost (Reader  *r,
                     TaskRec *t)
{
  const char *fy_text = t->values[F_REFERENCE_FY];
  const char *cost_text = t->values[F_REFERENCE_COST];
  gint64 fy = -1, cost = -1;

  if (fy_text != NULL &&
      !(mspdi_parse_number (fy_text, &fy) && fy >= IKOU_PLAN_MIN_FY && fy <= IKOU_PLAN_MAX_FY))
    {
      mspdi_report (r, t->line, _("the reference fiscal year “%s” is not a year; it is not kept."),
                    fy_text);
      fy = -1;
    }
  if (cost_text != NULL && !(mspdi_parse_number (cost_text, &cost) && cost >= 0))
    {
      mspdi_report (r, t->line, _("the reference running cost “%s” is not a whole number of "
                                  "thousand yen; it is not kept."), cost_text);
      cost = -1;
    }
  if (cost >= 0 && fy < 0)
    {
      if (fy_text == NULL)
        mspdi_report (r, t->line,
                      _("the reference running cost has no fiscal year; it is not kept."));
      cost = -1;
    }
  r->reference_fy = (int) fy;
  r->reference_cost = cost;
}

static void
handle_task (Reader  *r,
             TaskRec *t)
{
  /* The project summary task. */
  if (t->level <= 0)
    {
      if (!r->summary_seen)
        {
          gint64 number;

          r->summary_seen = TRUE;
          r->description = g_strdup (t->notes);
          r->org_code = g_strdup (t->values[F_ORG_CODE]);
          r->schedule_version = g_strdup (t->values[F_SCHEDULE_VERSION]);
          if (mspdi_parse_number (t->values[F_NEXT_SYSTEM_ID], &number) && number > 0 &&
              number <= MAX_FILE_ID)
            r->next_system_id = (guint) number;
          if (mspdi_parse_number (t->values[F_NEXT_HOST_ID], &number) && number > 0 &&
              number <= MAX_FILE_ID)
            r->next_host_id = (guint) number;
          read_reference_cost (r, t);
        }
      task_rec_free (t);
      return;
    }

  if (t->level == 1)
    mspdi_finish_group (r);
  else if (r->group->len == 0)
    {
      if (r->n_orphans++ == 0)
        r->first_orphan_line = t->line;
      task_rec_free (t);
      return;
    }
  g_ptr_array_add (r->group, t);
}

static void
read_resource (Reader  *r,
               xmlNode *node)
{
  g_autofree char *uid = ikou_xml_get_child_text (node, "UID");
  g_autofree char *is_null = ikou_xml_get_child_text (node, "IsNull");
  g_autofree char *from = ikou_xml_get_child_text (node, "AvailableFrom");
  g_autofree char *until = ikou_xml_get_child_text (node, "AvailableTo");
  char *values[N_FIELDS] = { NULL };
  ResRec *res;
  guint64 value;
  gboolean flag;

  res = g_new0 (ResRec, 1);
  res->line = ikou_xml_node_line (node);
  res->name = ikou_xml_get_child_text (node, "Name");
  read_values (r, node, values);
  res->kind = g_steal_pointer (&values[F_HOST_KIND]);
  res->cost = -1;
  if (values[F_HOST_COST] != NULL &&
      !(mspdi_parse_number (values[F_HOST_COST], &res->cost) && res->cost >= 0))
    {
      mspdi_report (r, res->line, _("resource “%s”: the annual cost “%s” is not a whole number of "
                                    "thousand yen; it is not kept."),
                    res->name != NULL ? res->name : "", values[F_HOST_COST]);
      res->cost = -1;
    }
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (values[i]);
  /* Blank rows, and MS Project's unnamed resource 0; an Ikou host is
   * kept even without a name. */
  if ((mspdi_parse_flag (is_null, &flag) && flag) || (is_blank (res->name) && res->kind == NULL))
    {
      res_rec_free (res);
      return;
    }
  if (parse_uint (uid, MAX_FILE_ID, &value))
    res->uid = (guint) value;

  /* Also the first availability period, as some tools write only that. */
  if (from == NULL && until == NULL)
    {
      xmlNode *periods = ikou_xml_first_child (node, "AvailabilityPeriods");
      xmlNode *period = ikou_xml_first_child (periods, "AvailabilityPeriod");

      if (period != NULL)
        {
          from = ikou_xml_get_child_text (period, "AvailableFrom");
          until = ikou_xml_get_child_text (period, "AvailableTo");
        }
    }
  /* MS Project writes "no limit" as 1984-01-01 and 2049-12-31. */
  if (from != NULL && mspdi_parse_day (from, &res->from) &&
      res->from <= ikou_day_from_ymd (1984, 1, 1))
    res->from = IKOU_DAY_NONE;
  if (until != NULL && mspdi_parse_day (until, &res->until) &&
      res->until >= ikou_day_from_ymd (2049, 12, 31))
    res->until = IKOU_DAY_NONE;
  res->notes = ikou_xml_get_child_text (node, "Notes");

  g_ptr_array_add (r->resources, res);
}

static gboolean
check_root (Reader   *r,
            xmlNode  *root,
            GError  **error)
{
  if (mspdi_is_project (root))
    return TRUE;

  ikou_xml_set_error (error, IKOU_ERROR_NOT_A_PLAN, r->name, root,
                      _("this is not MS Project XML (it starts with <%s>)."),
                      (const char *) root->name);
  return FALSE;
}

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->field_map, g_hash_table_unref);
  g_clear_pointer (&r->field_label, g_hash_table_unref);
  g_clear_pointer (&r->unmapped, g_hash_table_unref);
  g_clear_pointer (&r->unmapped_order, g_ptr_array_unref);
  g_clear_pointer (&r->group, g_ptr_array_unref);
  g_clear_pointer (&r->systems, g_ptr_array_unref);
  g_clear_pointer (&r->explicit_ids, g_array_unref);
  g_clear_pointer (&r->host_refs, g_ptr_array_unref);
  g_clear_pointer (&r->host_ref_index, g_hash_table_unref);
  g_clear_pointer (&r->resources, g_ptr_array_unref);
  g_clear_pointer (&r->report, g_ptr_array_unref);
  g_clear_pointer (&r->title, g_free);
  g_clear_pointer (&r->project_name, g_free);
  g_clear_pointer (&r->company, g_free);
  g_clear_pointer (&r->description, g_free);
  g_clear_pointer (&r->org_code, g_free);
  g_clear_pointer (&r->schedule_version, g_free);
}

static void
unmapped_free (Unmapped *u)
{
  g_free (u->label);
  g_free (u);
}

static void
host_ref_free (HostRef *ref)
{
  g_free (ref->name);
  g_free (ref);
}

static IkouPlan *
build_plan (Reader *r)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  guint max_id = 0;

  ikou_plan_set_title (plan, r->title != NULL ? r->title : r->project_name);
  ikou_plan_set_organization (plan, r->company);
  ikou_plan_set_description (plan, r->description);
  ikou_plan_set_org_code (plan, r->org_code);
  ikou_plan_set_schedule_version (plan, r->schedule_version);
  if (r->reference_fy > 0)
    ikou_plan_set_reference_fy (plan, r->reference_fy);
  ikou_plan_set_reference_cost (plan, r->reference_cost);

  mspdi_resolve_hosts (r, plan);

  /* Ids from the file where they are unique; the others after them. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < r->explicit_ids->len; i++)
      {
        guint *id = &g_array_index (r->explicit_ids, guint, i);

        if (*id != 0 && g_hash_table_contains (seen, GUINT_TO_POINTER (*id)))
          *id = 0;
        if (*id != 0)
          g_hash_table_add (seen, GUINT_TO_POINTER (*id));
        max_id = MAX (max_id, *id);
      }
  }

  ikou_plan_begin_bulk (plan);
  for (guint i = 0; i < r->systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (r->systems, i);
      guint id = g_array_index (r->explicit_ids, guint, i);
      g_autoptr(IkouSystem) placed = ikou_system_copy (system, id != 0 ? id : ++max_id);

      ikou_plan_add_system (plan, placed);
    }
  ikou_plan_end_bulk (plan);

  ikou_plan_set_next_ids (plan, r->next_system_id, r->next_host_id);
  return g_steal_pointer (&plan);
}

static IkouPlan *
read_stream (IkouXmlStream  *stream,
             IkouSchedule   *schedule,
             GPtrArray     **out_report,
             GError        **error)
{
  Reader r = { 0 };
  IkouPlan *plan = NULL;
  const char *section = NULL;
  xmlNode *node;
  int depth;
  gboolean ok;

  r.name = ikou_xml_stream_get_display_name (stream);
  r.schedule = schedule;
  r.national = mspdi_national_deadline (schedule);
  r.reference_fy = -1;
  r.reference_cost = -1;

  if (!ikou_xml_stream_next_element (stream, &node, &depth, error))
    return NULL;
  if (!check_root (&r, node, error))
    {
      ikou_xml_stream_fail (stream, error);
      return NULL;
    }

  r.report = g_ptr_array_new_with_free_func (g_free);
  r.field_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.field_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.unmapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) unmapped_free);
  r.unmapped_order = g_ptr_array_new_with_free_func (g_free);
  r.group = g_ptr_array_new_with_free_func ((GDestroyNotify) task_rec_free);
  r.systems = g_ptr_array_new_with_free_func (g_object_unref);
  r.explicit_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  r.host_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) host_ref_free);
  r.host_ref_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.resources = g_ptr_array_new_with_free_func ((GDestroyNotify) res_rec_free);

  while ((ok = ikou_xml_stream_next_element (stream, &node, &depth, error)) && node != NULL)
    {
      xmlNode *full;

      if (depth == 1)
        {
          static const char * const sections[] = { "Tasks", "Resources", "Assignments",
                                                   "Calendars" };

          section = NULL;
          for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
            if (ikou_xml_is_element (node, sections[i]))
              section = sections[i];
          if (section != NULL)
            continue;  /* into its children */

          if (ikou_xml_is_element (node, "ExtendedAttributes") ||
              ikou_xml_is_element (node, "Title") || ikou_xml_is_element (node, "Name") ||
              ikou_xml_is_element (node, "Company"))
            {
              if ((full = ikou_xml_stream_expand (stream, error)) == NULL)
                {
                  ok = FALSE;
                  break;
                }
              /* The first of each, should a file repeat one. */
              if (ikou_xml_is_element (full, "ExtendedAttributes"))
                read_definitions (&r, full);
              else if (ikou_xml_is_element (full, "Title") && r.title == NULL)
                r.title = ikou_xml_get_text (full);
              else if (ikou_xml_is_element (full, "Name") && r.project_name == NULL)
                r.project_name = ikou_xml_get_text (full);
              else if (ikou_xml_is_element (full, "Company") && r.company == NULL)
                r.company = ikou_xml_get_text (full);
            }
        }
      else if (depth == 2 && section != NULL)
        {
          if ((full = ikou_xml_stream_expand (stream, error)) == NULL)
            {
              ok = FALSE;
              break;
            }
          if (g_str_equal (section, "Tasks") && ikou_xml_is_element (full, "Task"))
            {
              TaskRec *t = NULL;

              if (++r.n_tasks > IKOU_MSPDI_MAX_TASKS)
                {
                  ikou_xml_set_error (error, IKOU_ERROR_INVALID_INPUT, r.name, full,
                                      _("the file has more than %u tasks, more than Ikou "
                                        "reads."), (guint) IKOU_MSPDI_MAX_TASKS);
                  ok = FALSE;
                  break;
                }
              read_task (&r, full, &t);
              if (t != NULL)
                handle_task (&r, t);
            }
          else if (g_str_equal (section, "Resources") && ikou_xml_is_element (full, "Resource"))
            read_resource (&r, full);
          else if (g_str_equal (section, "Assignments") &&
                   ikou_xml_is_element (full, "Assignment"))
            {
              r.n_assignments++;
              for (xmlNode *c = ikou_xml_first_child (full, "TimephasedData"); c != NULL;
                   c = ikou_xml_next_sibling (c, "TimephasedData"))
                r.n_timephased++;
            }
          else if (g_str_equal (section, "Calendars") && ikou_xml_is_element (full, "Calendar"))
            r.n_calendars++;
        }

      if (!(ok = ikou_xml_stream_skip (stream, error)))
        break;
    }

  if (ok)
    {
      mspdi_finish_group (&r);
      if (r.systems->len == 0)
        {
          ikou_xml_set_error (error, IKOU_ERROR_INVALID_INPUT, r.name, NULL,
                              _("the file has no tasks, so there is nothing to import."));
          ok = FALSE;
        }
    }
  if (!ok)
    {
      ikou_xml_stream_fail (stream, error);
      reader_clear (&r);
      return NULL;
    }

  /* Ikou's own calendar is what it writes, not something lost. */
  if (r.n_calendars == 1 && g_hash_table_size (r.field_map) > 0)
    r.n_calendars = 0;
  plan = build_plan (&r);
  mspdi_report_totals (&r);
  if (out_report != NULL)
    *out_report = g_steal_pointer (&r.report);
  reader_clear (&r);
  return plan;
}

IkouPlan *
ikou_mspdi_read_data (const char    *data,
                      gsize          length,
                      const char    *display_name,
                      IkouSchedule  *schedule,
                      GPtrArray    **out_report,
                      GError       **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = ikou_xml_stream_new_for_data (data, length,
                                         display_name != NULL ? display_name : _("the file"),
                                         &mspdi_codes, NULL);
  return read_stream (stream, schedule, out_report, error);
}

IkouPlan *
ikou_mspdi_read_file (const char    *path,
                      IkouSchedule  *schedule,
                      GPtrArray    **out_report,
                      GError       **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = ikou_xml_stream_new_for_file (path, &mspdi_codes, NULL, error);
  if (stream == NULL)
    return NULL;
  return read_stream (stream, schedule, out_report, error);
}

