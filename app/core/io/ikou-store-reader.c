/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-limits.h"
#include "ikou-store-private.h"

/* Loading: the rows of an open, checked file into a plan.  Every value is
 * checked as it is read, so a damaged or hand-edited file is an error
 * naming the table, the row and the column, never a half-read plan. */

/* The longest piece of a bad value quoted back in an error message. */
#define QUOTE_MAX_CHARS 40

typedef struct
{
  const char    *display;  /* the file, for messages */
  const char    *table;
  sqlite3_stmt  *stmt;
  sqlite3_int64  row;      /* the id of the current row, for messages */
  GError       **error;
} Reader;

static char *
quote_value (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= QUOTE_MAX_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, QUOTE_MAX_CHARS);
  return g_strconcat (start, "…", NULL);
}

static gboolean
bad_value (Reader *r,
           int     col)
{
  g_set_error (r->error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
               _("“%s” is damaged: row %lld of table “%s” has an invalid value in column “%s”."),
               r->display, (long long) r->row, r->table, sqlite3_column_name (r->stmt, col));
  return FALSE;
}

static gboolean
unknown_value (Reader     *r,
               int         col,
               const char *text)
{
  g_autofree char *quoted = quote_value (text);

  g_set_error (r->error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
               _("“%s” is damaged: row %lld of table “%s” has an unknown value “%s” in column “%s”."),
               r->display, (long long) r->row, r->table, quoted,
               sqlite3_column_name (r->stmt, col));
  return FALSE;
}

static gboolean
missing_host (Reader        *r,
              sqlite3_int64  host_id)
{
  g_set_error (r->error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
               _("“%s” is damaged: row %lld of table “%s” refers to host %lld, which does not exist."),
               r->display, (long long) r->row, r->table, (long long) host_id);
  return FALSE;
}

static gboolean
missing_parent (Reader        *r,
                const char    *parent_table,
                sqlite3_int64  parent_id)
{
  g_set_error (r->error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
               _("“%s” is damaged: row %lld of table “%s” refers to row %lld of table “%s”, which does not exist."),
               r->display, (long long) r->row, r->table, (long long) parent_id, parent_table);
  return FALSE;
}

static gboolean
duplicate_row (Reader *r)
{
  g_set_error (r->error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
               _("“%s” is damaged: row %lld of table “%s” repeats an earlier row."),
               r->display, (long long) r->row, r->table);
  return FALSE;
}

/* Text or NULL; valid UTF-8 without NUL bytes.  The result belongs to the
 * statement and lives until the next step. */
static gboolean
read_text (Reader      *r,
           int          col,
           const char **out)
{
  const char *text;
  int type = sqlite3_column_type (r->stmt, col);

  *out = NULL;
  if (type == SQLITE_NULL)
    return TRUE;
  if (type != SQLITE_TEXT)
    return bad_value (r, col);

  text = (const char *) sqlite3_column_text (r->stmt, col);
  if (text == NULL || !g_utf8_validate_len (text, sqlite3_column_bytes (r->stmt, col), NULL))
    return bad_value (r, col);

  *out = text;
  return TRUE;
}

static gboolean
read_required_text (Reader      *r,
                    int          col,
                    const char **out)
{
  if (!read_text (r, col, out))
    return FALSE;
  if (*out == NULL)
    return bad_value (r, col);
  return TRUE;
}

/* An integer in [min, max]; NULL gives @if_null when @nullable. */
static gboolean
read_int (Reader   *r,
          int       col,
          gint64    min,
          gint64    max,
          gboolean  nullable,
          gint64    if_null,
          gint64   *out)
{
  int type = sqlite3_column_type (r->stmt, col);
  gint64 value;

  if (type == SQLITE_NULL && nullable)
    {
      *out = if_null;
      return TRUE;
    }
  if (type != SQLITE_INTEGER)
    return bad_value (r, col);

  value = sqlite3_column_int64 (r->stmt, col);
  if (value < min || value > max)
    return bad_value (r, col);

  *out = value;
  return TRUE;
}

static gboolean
read_bool (Reader   *r,
           int       col,
           gboolean *out)
{
  gint64 value = 0;

  if (!read_int (r, col, 0, 1, FALSE, 0, &value))
    return FALSE;
  *out = value != 0;
  return TRUE;
}

/* ISO text or NULL (no date). */
static gboolean
read_day (Reader  *r,
          int      col,
          IkouDay *out)
{
  const char *text;

  *out = IKOU_DAY_NONE;
  if (!read_text (r, col, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!ikou_parse_iso_date (text, out))
    {
      g_autofree char *quoted = quote_value (text);

      g_set_error (r->error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
                   _("“%s” is damaged: row %lld of table “%s” has an impossible date “%s” in column “%s”."),
                   r->display, (long long) r->row, r->table, quoted,
                   sqlite3_column_name (r->stmt, col));
      return FALSE;
    }
  return TRUE;
}

/* A host id or NULL (no host); the host must be in @plan.  Without
 * @plan (a scenario's step, which may name a host removed since), any
 * id will do. */
static gboolean
read_host_ref (Reader   *r,
               int       col,
               IkouPlan *plan,
               guint    *out)
{
  gint64 value = 0;

  if (!read_int (r, col, G_MININT64, G_MAXINT64, TRUE, 0, &value))
    return FALSE;
  if (plan == NULL && (value < 0 || value > G_MAXUINT))
    return bad_value (r, col);
  if (value != 0 && plan != NULL &&
      (value < 1 || value > G_MAXUINT || ikou_plan_lookup_host (plan, (guint) value) == NULL))
    return missing_host (r, value);

  *out = (guint) value;
  return TRUE;
}

/* Starts a row: its id column (always column 0) must be a positive 32-bit id. */
static gboolean
read_row_id (Reader *r,
             guint  *out)
{
  gint64 id = 0;

  r->row = sqlite3_column_int64 (r->stmt, 0);
  if (!read_int (r, 0, 1, G_MAXUINT, FALSE, 0, &id))
    return FALSE;
  *out = (guint) id;
  return TRUE;
}

/* A SELECT on one table; if the table or a column is missing, the file
 * (which says it is an Ikou plan of a version we read) is damaged. */
static sqlite3_stmt *
prepare_select (sqlite3     *db,
                const char  *sql,
                const char  *table,
                const char  *display,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    return stmt;

  sqlite3_finalize (stmt);
  if ((rc & 0xff) == SQLITE_ERROR)
    g_set_error (error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
                 _("“%s” is damaged: the table “%s” is missing or incomplete."), display, table);
  else
    store_set_read_error (error, display, db, rc);
  return NULL;
}

/* Finishes a SELECT loop: @rc is the last sqlite3_step() result. */
static gboolean
finish_select (Reader *r,
               int     rc)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  /* SQLITE_LIMIT_LENGTH: refused before SQLite reads the value in. */
  if ((rc & 0xff) == SQLITE_TOOBIG)
    {
      g_set_error (r->error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("“%s”: a text in table “%s” after row %lld is longer than %u characters, the most Ikou accepts."),
                   r->display, r->table, (long long) r->row, IKOU_LIMIT_LONG_TEXT);
      return FALSE;
    }
  return store_set_read_error (r->error, r->display, sqlite3_db_handle (r->stmt), rc);
}

/* What a load builds, handed from table to table. */
typedef struct
{
  int         version;
  IkouPlan   *plan;
  guint       next_system_id;   /* 0: not in the file */
  guint       next_host_id;
  GPtrArray  *systems;          /* in display order, not yet in the plan */
  GHashTable *systems_by_id;
  GPtrArray  *scenarios;        /* in order, not yet in the plan */
  GHashTable *scenarios_by_id;  /* holds them */
} Load;

/* The plan row: its text fields into the plan; the next ids (0 when the
 * file has none) are applied once the plan is complete. */
static gboolean
read_plan_row (sqlite3     *db,
               Load        *load,
               const char  *display,
               GError     **error)
{
  Reader r = { display, store_table_name (STORE_PLAN), NULL, 0, error };
  IkouPlan *plan = load->plan;
  const char *text[5];
  gint64 next_ids[2] = { 0, 0 };
  gint64 reference[2] = { 0, -1 }; /* fiscal year, cost */
  int rc;
  guint id;

  r.stmt = prepare_select (db, store_select_sql (STORE_PLAN, load->version), r.table, display,
                           error);
  if (r.stmt == NULL)
    return FALSE;

  rc = sqlite3_step (r.stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (r.stmt);
      if (rc != SQLITE_DONE)
        return store_set_read_error (error, display, db, rc);
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
                   _("“%s” is damaged: the table “%s” is missing or incomplete."), display, r.table);
      return FALSE;
    }

  if (!read_row_id (&r, &id))
    goto out;
  if (id != 1)
    {
      bad_value (&r, 0);
      goto out;
    }
  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    if (!read_text (&r, (int) i + 1, &text[i]))
      goto out;
  if (load->version >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (next_ids); i++)
      if (!read_int (&r, (int) (G_N_ELEMENTS (text) + 1 + i), 1, G_MAXUINT, TRUE, 0,
                     &next_ids[i]))
        goto out;
  /* Costs: a reference cost needs its year. */
  if (!read_int (&r, 8, IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY, TRUE, 0, &reference[0]) ||
      !read_int (&r, 9, 0, G_MAXINT64, TRUE, -1, &reference[1]))
    goto out;
  if (reference[0] == 0 && reference[1] != -1)
    {
      bad_value (&r, 8);
      goto out;
    }

  ikou_plan_set_organization (plan, text[0]);
  ikou_plan_set_org_code (plan, text[1]);
  ikou_plan_set_title (plan, text[2]);
  ikou_plan_set_description (plan, text[3]);
  ikou_plan_set_schedule_version (plan, text[4]);
  if (reference[0] != 0)
    ikou_plan_set_reference_fy (plan, (int) reference[0]);
  ikou_plan_set_reference_cost (plan, reference[1]);
  load->next_system_id = (guint) next_ids[0];
  load->next_host_id = (guint) next_ids[1];

  rc = sqlite3_step (r.stmt);
  if (rc == SQLITE_ROW)
    {
      r.row = sqlite3_column_int64 (r.stmt, 0);
      duplicate_row (&r);
      goto out;
    }
  if (!finish_select (&r, rc))
    goto out;

  sqlite3_finalize (r.stmt);
  return TRUE;

out:
  sqlite3_finalize (r.stmt);
  return FALSE;
}

/* One row of a table into @load; its id (column 0) has been read. */
typedef gboolean (*ReadRow) (Reader *r,
                             guint   id,
                             Load   *load);

/* Every row of @table, in the order its SELECT gives. */
static gboolean
read_table (sqlite3     *db,
            StoreTable   table,
            ReadRow      read_row,
            Load        *load,
            const char  *display,
            GError     **error)
{
  Reader r = { display, store_table_name (table), NULL, 0, error };
  gboolean ok = FALSE;
  int rc;

  r.stmt = prepare_select (db, store_select_sql (table, load->version), r.table, display, error);
  if (r.stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (r.stmt)) == SQLITE_ROW)
    {
      guint id;

      if (!read_row_id (&r, &id) || !read_row (&r, id, load))
        goto out;
    }
  ok = finish_select (&r, rc);

out:
  sqlite3_finalize (r.stmt);
  return ok;
}

/* Column @col names a row of @parent_table: the object @by_id has for it. */
static gboolean
read_parent (Reader      *r,
             int          col,
             GHashTable  *by_id,
             const char  *parent_table,
             gpointer    *out)
{
  gint64 id = 0;

  if (!read_int (r, col, G_MININT64, G_MAXINT64, FALSE, 0, &id))
    return FALSE;
  *out = id >= 1 && id <= G_MAXUINT ? g_hash_table_lookup (by_id, GUINT_TO_POINTER ((guint) id))
                                    : NULL;
  if (*out == NULL)
    return missing_parent (r, parent_table, id);
  return TRUE;
}

static gboolean
read_host (Reader *r,
           guint   id,
           Load   *load)
{
  g_autoptr(IkouHost) host = NULL;
  const char *name, *kind_text, *note;
  IkouDay from, until;
  IkouHostKind kind;
  gint64 annual_cost;

  if (!read_text (r, 1, &name) ||
      !read_required_text (r, 2, &kind_text) ||
      !read_day (r, 3, &from) ||
      !read_day (r, 4, &until) ||
      !read_text (r, 5, &note) ||
      !read_int (r, 6, 0, G_MAXINT64, TRUE, -1, &annual_cost))
    return FALSE;
  if (!ikou_host_kind_from_string (kind_text, &kind))
    return unknown_value (r, 2, kind_text);
  if (ikou_plan_lookup_host (load->plan, id) != NULL)
    return duplicate_row (r);

  host = ikou_host_new_full (id, name, kind, from, until, note, annual_cost);
  ikou_plan_add_host (load->plan, host);
  return TRUE;
}

/* A system goes into load->systems, not yet into the plan: its steps are
 * added first, while nobody listens. */
static gboolean
read_system (Reader *r,
             guint   id,
             Load   *load)
{
  IkouSystem *system;
  const char *name, *department, *vendor, *operation, *reason, *status_text, *notes;
  const char *reason_kind_text, *functions;
  IkouTokuteiReason reason_kind = IKOU_TOKUTEI_REASON_UNKNOWN;
  IkouDay deadline, completion, notified;
  IkouStatus status;
  gboolean tokutei, transitional;
  gint64 annual_cost;
  guint host;

  if (!read_text (r, 1, &name) ||
      !read_text (r, 2, &department) ||
      !read_text (r, 3, &vendor) ||
      !read_text (r, 4, &operation) ||
      !read_host_ref (r, 5, load->plan, &host) ||
      !read_bool (r, 6, &tokutei) ||
      !read_day (r, 7, &deadline) ||
      !read_text (r, 8, &reason) ||
      !read_required_text (r, 9, &status_text) ||
      !read_text (r, 10, &notes) ||
      !read_int (r, 11, 0, G_MAXINT64, TRUE, -1, &annual_cost) ||
      !read_text (r, 12, &reason_kind_text) ||
      !read_bool (r, 13, &transitional) ||
      !read_text (r, 14, &functions) ||
      !read_day (r, 15, &completion) ||
      !read_day (r, 16, &notified))
    return FALSE;
  if (!ikou_status_from_string (status_text, &status))
    return unknown_value (r, 9, status_text);
  /* Transitional: "unknown" is written as NULL, so it is refused too. */
  if (reason_kind_text != NULL &&
      (!ikou_tokutei_reason_from_string (reason_kind_text, &reason_kind) ||
       reason_kind == IKOU_TOKUTEI_REASON_UNKNOWN))
    return unknown_value (r, 12, reason_kind_text);
  if (g_hash_table_contains (load->systems_by_id, GUINT_TO_POINTER (id)))
    return duplicate_row (r);

  system = ikou_system_new (id, name);
  ikou_system_set_department (system, department);
  ikou_system_set_vendor (system, vendor);
  ikou_system_set_operation (system, operation);
  ikou_system_set_host (system, host);
  ikou_system_set_tokutei (system, tokutei);
  ikou_system_set_tokutei_deadline (system, deadline);
  ikou_system_set_tokutei_reason (system, reason);
  ikou_system_set_status (system, status);
  ikou_system_set_notes (system, notes);
  ikou_system_set_annual_cost (system, annual_cost);
  ikou_system_set_tokutei_reason_kind (system, reason_kind);
  ikou_system_set_transitional (system, transitional);
  ikou_system_set_transitional_functions (system, functions);
  ikou_system_set_transitional_completion (system, completion);
  ikou_system_set_transitional_notified (system, notified);
  g_ptr_array_add (load->systems, system);
  g_hash_table_insert (load->systems_by_id, GUINT_TO_POINTER (id), system);
  return TRUE;
}

/* The step columns from @col on, in the order of the steps table
 * (from_host_id … note, then annual_cost).  Host ids are checked against
 * @plan, unless it is NULL.  The note belongs to the statement, like
 * read_text()'s. */
static gboolean
read_step_columns (Reader   *r,
                   int       col,
                   IkouPlan *plan,
                   IkouStep *step)
{
  const char *arrangement_text, *note;
  gint64 done;

  if (!read_host_ref (r, col, plan, &step->from_host) ||
      !read_host_ref (r, col + 1, plan, &step->to_host) ||
      !read_day (r, col + 2, &step->budget_date) ||
      !read_int (r, col + 3, G_MININT64, G_MAXINT64, TRUE, -1, &step->budget_amount) ||
      !read_bool (r, col + 4, &step->supplementary) ||
      !read_day (r, col + 5, &step->contract_date) ||
      !read_day (r, col + 6, &step->cutover_date) ||
      !read_bool (r, col + 7, &step->standard_compliant) ||
      !read_required_text (r, col + 8, &arrangement_text) ||
      !read_int (r, col + 9, 0, IKOU_STORE_ALL_DONE_BITS, FALSE, 0, &done) ||
      !read_text (r, col + 10, &note) ||
      !read_int (r, col + 11, 0, G_MAXINT64, TRUE, -1, &step->annual_cost))
    return FALSE;
  if (!ikou_arrangement_from_string (arrangement_text, &step->arrangement))
    return unknown_value (r, col + 8, arrangement_text);
  /* Costs: a running cost "after the cut-over" needs a cut-over. */
  if (step->annual_cost != -1 && step->cutover_date == IKOU_DAY_NONE)
    return bad_value (r, col + 11);
  step->done = (guint) done;
  step->note = (char *) note;
  return TRUE;
}

static gboolean
read_step (Reader *r,
           guint   id,
           Load   *load)
{
  IkouStep step = { 0, };
  gpointer system;

  if (!read_parent (r, 1, load->systems_by_id, "systems", &system) ||
      !read_step_columns (r, 2, load->plan, &step))
    return FALSE;
  ikou_system_insert_step (system, G_MAXUINT, &step); /* copies the note */
  return TRUE;
}

static gboolean
read_scenario (Reader *r,
               guint   id,
               Load   *load)
{
  IkouScenario *scenario;
  const char *name, *description;

  if (!read_text (r, 1, &name) ||
      !read_text (r, 2, &description))
    return FALSE;
  if (g_hash_table_contains (load->scenarios_by_id, GUINT_TO_POINTER (id)))
    return duplicate_row (r);

  scenario = ikou_scenario_new (name);
  ikou_scenario_set_description (scenario, description);
  g_hash_table_insert (load->scenarios_by_id, GUINT_TO_POINTER (id), scenario);
  g_ptr_array_add (load->scenarios, scenario);
  return TRUE;
}

/* The value of an override of @field: in the column of the field's kind
 * (day, host_id, number, arrangement: 5 to 8), the others NULL. */
static gboolean
read_override_value (Reader            *r,
                     IkouOverrideField  field,
                     gint64            *value)
{
  IkouOverrideValueKind kind = ikou_override_field_get_value_kind (field);
  int value_col = kind == IKOU_OVERRIDE_VALUE_DAY ? 5
                  : kind == IKOU_OVERRIDE_VALUE_HOST ? 6
                  : kind == IKOU_OVERRIDE_VALUE_ARRANGEMENT ? 8 : 7;
  const char *text;
  IkouArrangement arrangement;
  IkouDay day;

  for (int col = 5; col <= 8; col++)
    if (col != value_col && sqlite3_column_type (r->stmt, col) != SQLITE_NULL)
      return bad_value (r, col);

  switch (kind)
    {
    case IKOU_OVERRIDE_VALUE_DAY:
      if (!read_day (r, 5, &day))
        return FALSE;
      *value = day;
      return TRUE;
    case IKOU_OVERRIDE_VALUE_HOST:
      /* A scenario may name a host that was removed later: the value is
       * kept as it was, like the model keeps it. */
      return read_int (r, 6, 1, G_MAXUINT, TRUE, 0, value);
    case IKOU_OVERRIDE_VALUE_AMOUNT:
      /* A running cost (costs, version 4) is never negative. */
      return read_int (r, 7, field == IKOU_OVERRIDE_ANNUAL_COST ? 0 : G_MININT64, G_MAXINT64,
                       TRUE, -1, value);
    case IKOU_OVERRIDE_VALUE_FLAG:
      return read_int (r, 7, 0, 1, FALSE, 0, value);
    case IKOU_OVERRIDE_VALUE_ARRANGEMENT:
    default:
      if (!read_required_text (r, 8, &text))
        return FALSE;
      if (!ikou_arrangement_from_string (text, &arrangement))
        return unknown_value (r, 8, text);
      *value = arrangement;
      return TRUE;
    }
}

static gboolean
read_override (Reader *r,
               guint   id,
               Load   *load)
{
  gpointer scenario;
  IkouOverrideField field;
  const char *field_text;
  gint64 system_id, step, value = 0;
  gboolean orphaned;
  guint n_before;

  if (!read_parent (r, 1, load->scenarios_by_id, "scenarios", &scenario) ||
      !read_int (r, 2, 0, G_MAXUINT, FALSE, 0, &system_id) ||
      !read_int (r, 3, 0, G_MAXUINT, FALSE, 0, &step) ||
      !read_required_text (r, 4, &field_text))
    return FALSE;
  if (!ikou_override_field_from_string (field_text, &field))
    return unknown_value (r, 4, field_text);
  /* Versions 1 and 2 had no other fields. */
  if (load->version < 3 && field != IKOU_OVERRIDE_TO_HOST &&
      ikou_override_field_get_value_kind (field) != IKOU_OVERRIDE_VALUE_DAY)
    return unknown_value (r, 4, field_text);
  if (!read_override_value (r, field, &value) ||
      !read_bool (r, 9, &orphaned))
    return FALSE;

  if (orphaned)
    {
      IkouOverride orphan = { (guint) system_id, (guint) step, field, value };

      ikou_scenario_add_orphan (scenario, &orphan);
      return TRUE;
    }
  /* set_override() replaces an existing (system, step, field): a
   * duplicate row would silently replace an earlier one. */
  n_before = ikou_scenario_get_n_overrides (scenario);
  ikou_scenario_set_override (scenario, (guint) system_id, (guint) step, field, value);
  if (ikou_scenario_get_n_overrides (scenario) == n_before)
    return duplicate_row (r);
  return TRUE;
}

/* A step a scenario adds (version 3). */
static gboolean
read_added_step (Reader *r,
                 guint   id,
                 Load   *load)
{
  IkouStep step = { 0, };
  gpointer scenario;
  gint64 system_id;

  /* The system may have been removed since: not looked up. */
  if (!read_parent (r, 1, load->scenarios_by_id, "scenarios", &scenario) ||
      !read_int (r, 2, 1, G_MAXUINT, FALSE, 0, &system_id) ||
      !read_step_columns (r, 3, NULL, &step))
    return FALSE;
  ikou_scenario_insert_added_step (scenario, (guint) system_id, G_MAXUINT, &step);
  return TRUE;
}

IkouPlan *
store_read_document (sqlite3     *db,
                     int          version,
                     const char  *display,
                     GError     **error)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(GPtrArray) systems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) systems_by_id = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
  g_autoptr(GHashTable) scenarios_by_id =
    g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  Load load = { version, plan, 0, 0, systems, systems_by_id, scenarios, scenarios_by_id };

  if (!read_plan_row (db, &load, display, error) ||
      !read_table (db, STORE_HOSTS, read_host, &load, display, error) ||
      !read_table (db, STORE_SYSTEMS, read_system, &load, display, error) ||
      !read_table (db, STORE_STEPS, read_step, &load, display, error) ||
      !read_table (db, STORE_SCENARIOS, read_scenario, &load, display, error) ||
      !read_table (db, STORE_OVERRIDES, read_override, &load, display, error) ||
      (version >= 3 &&
       !read_table (db, STORE_ADDED_STEPS, read_added_step, &load, display, error)))
    return NULL;

  for (guint i = 0; i < scenarios->len; i++)
    ikou_plan_add_scenario (plan, g_ptr_array_index (scenarios, i));

  ikou_plan_begin_bulk (plan);
  for (guint i = 0; i < systems->len; i++)
    ikou_plan_add_system (plan, g_ptr_array_index (systems, i));
  ikou_plan_end_bulk (plan);

  /* After the ids in use: a (hand-edited) counter below them is ignored. */
  ikou_plan_set_next_ids (plan, load.next_system_id, load.next_host_id);

  if (!ikou_limits_check_plan (plan, display, error))
    return NULL;
  return g_steal_pointer (&plan);
}
