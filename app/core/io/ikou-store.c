/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ikou-atomic-file.h"
#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-file.h"
#include "ikou-limits.h"
#include "ikou-store.h"

/* The native document is one SQLite 3 file.
 *
 * - PRAGMA application_id = 'IKOU' tells an Ikou plan from any other SQLite
 *   database; PRAGMA user_version = IKOU_STORE_VERSION is the schema version.
 * - Dates are ISO text ('2025-04-01') or NULL, enumerations their stable
 *   string ids, so the file reads well in the sqlite3 command-line tool.
 * - A save never writes into the existing file: it builds a complete new
 *   database beside it and renames it over the old one.  The document is a
 *   rollback-journal database (never WAL: plans live on Windows shares);
 *   while the private temporary file is being built its journal is kept in
 *   memory, since a failed or interrupted build is thrown away anyway.
 * - A load opens the file read-only and checks everything it reads, so a
 *   damaged or hand-edited file is an error naming the table and row, never
 *   a half-read plan.
 * - Versions (see ikou-store.h): a file of any version up to
 *   IKOU_STORE_VERSION is read as it is, never upgraded in place; a save
 *   always writes the current version.  Version 1 had no next-id columns
 *   in the plan row: its counters follow from the highest ids.  Versions 1
 *   and 2 had no added_steps table and overrides of dates and to-host only
 *   (no number, arrangement or orphaned columns).
 * - The checksum (version 4, IKOU_STORE_VERSION_CHECKSUM): one table more,
 *   compared on load.
 * - Costs (version 5, IKOU_STORE_VERSION_COSTS): one nullable column more
 *   at the end of plan (reference_fy, reference_cost), hosts, systems,
 *   steps and added_steps (annual_cost); older files read them as NULL
 *   (the selects named *_v3_sql).  Everything of version 5 is marked
 *   "costs" below, so another schema change can be numbered around it. */

/* 'IKOU' in ASCII. */
#define IKOU_STORE_APPLICATION_ID 0x494B4F55

/* The longest piece of a bad value quoted back in an error message. */
#define QUOTE_MAX_CHARS 40

#define ALL_DONE_BITS (IKOU_MILESTONE_FLAG (IKOU_N_MILESTONES) - 1)
G_STATIC_ASSERT (IKOU_N_MILESTONES == 3); /* the CHECK on steps.done says 7 */

static const char schema_sql[] =
  "CREATE TABLE plan (\n"
  "  id               INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  organization     TEXT,\n"
  "  org_code         TEXT,\n"
  "  title            TEXT,\n"
  "  description      TEXT,\n"
  "  schedule_version TEXT,\n"
  "  -- The ids the plan hands out next (since version 2); NULL: one past\n"
  "  -- the highest in use.\n"
  "  next_system_id   INTEGER CHECK (next_system_id > 0),\n"
  "  next_host_id     INTEGER CHECK (next_host_id > 0),\n"
  "  -- Costs (since version 5): the running cost of the reference fiscal\n"
  "  -- year, thousand yen a year; NULL: FY2018, unknown.\n"
  "  reference_fy     INTEGER CHECK (reference_fy BETWEEN 1900 AND 2199),\n"
  "  reference_cost   INTEGER CHECK (reference_cost >= 0)\n"
  ");\n"
  "CREATE TABLE hosts (\n"
  "  id              INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  position        INTEGER NOT NULL UNIQUE,\n"
  "  name            TEXT,\n"
  "  kind            TEXT NOT NULL,\n"
  "  available_from  TEXT,\n"
  "  available_until TEXT,\n"
  "  note            TEXT,\n"
  "  annual_cost     INTEGER CHECK (annual_cost >= 0) -- costs (version 5): thousand yen a year; NULL unknown\n"
  ");\n"
  "CREATE TABLE systems (\n"
  "  id               INTEGER PRIMARY KEY CHECK (id > 0),\n"
  "  position         INTEGER NOT NULL UNIQUE,\n"
  "  name             TEXT,\n"
  "  department       TEXT,\n"
  "  vendor           TEXT,\n"
  "  operation        TEXT,\n"
  "  host_id          INTEGER REFERENCES hosts (id),\n"
  "  tokutei          INTEGER NOT NULL CHECK (tokutei IN (0, 1)),\n"
  "  tokutei_deadline TEXT,\n"
  "  tokutei_reason   TEXT,\n"
  "  status           TEXT NOT NULL,\n"
  "  notes            TEXT,\n"
  "  annual_cost      INTEGER CHECK (annual_cost >= 0) -- costs (version 5): today, thousand yen a year; NULL unknown\n"
  ");\n"
  "CREATE TABLE steps (\n"
  "  id                 INTEGER PRIMARY KEY,\n"
  "  system_id          INTEGER NOT NULL REFERENCES systems (id) ON DELETE CASCADE,\n"
  "  position           INTEGER NOT NULL,\n"
  "  from_host_id       INTEGER REFERENCES hosts (id),\n"
  "  to_host_id         INTEGER REFERENCES hosts (id),\n"
  "  budget_date        TEXT,\n"
  "  budget_amount      INTEGER, -- thousand yen; NULL when unknown\n"
  "  supplementary      INTEGER NOT NULL CHECK (supplementary IN (0, 1)),\n"
  "  contract_date      TEXT,\n"
  "  cutover_date       TEXT,\n"
  "  standard_compliant INTEGER NOT NULL CHECK (standard_compliant IN (0, 1)),\n"
  "  arrangement        TEXT NOT NULL,\n"
  "  done               INTEGER NOT NULL CHECK (done BETWEEN 0 AND 7), -- 1 budget, 2 contract, 4 cut-over\n"
  "  note               TEXT,\n"
  "  annual_cost        INTEGER CHECK (annual_cost >= 0), -- costs (version 5): after the cut-over, thousand yen a year; NULL unknown\n"
  "  UNIQUE (system_id, position)\n"
  ");\n"
  "CREATE TABLE scenarios (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  position    INTEGER NOT NULL UNIQUE,\n"
  "  name        TEXT,\n"
  "  description TEXT\n"
  ");\n"
  "CREATE TABLE overrides (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,\n"
  "  position    INTEGER NOT NULL,\n"
  "  system_id   INTEGER NOT NULL,\n"
  "  step        INTEGER NOT NULL CHECK (step >= 0),\n"
  "  field       TEXT NOT NULL,\n"
  "  -- The value, in the column of the field's kind (the others NULL):\n"
  "  day         TEXT,    -- the date fields; NULL: no date\n"
  "  host_id     INTEGER, -- to-host, from-host; NULL: no host (a removed one is kept)\n"
  "  number      INTEGER, -- amount (thousand yen; NULL when unknown), and the flags\n"
  "                       -- standard-compliant, supplementary, dropped (0 or 1)\n"
  "  arrangement TEXT,    -- arrangement\n"
  "  -- 1: the override of a baseline step that was removed (kept, applies to\n"
  "  -- nothing; an orphan may repeat the system, step and field of another).\n"
  "  orphaned    INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),\n"
  "  UNIQUE (scenario_id, position)\n"
  ");\n"
  "CREATE UNIQUE INDEX overrides_step_field\n"
  "  ON overrides (scenario_id, system_id, step, field) WHERE orphaned = 0;\n"
  "-- Steps a scenario adds after a system's baseline steps.  No foreign keys\n"
  "-- to systems or hosts: a scenario keeps its edits of removed ones.\n"
  "CREATE TABLE added_steps (\n"
  "  id                 INTEGER PRIMARY KEY,\n"
  "  scenario_id        INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,\n"
  "  system_id          INTEGER NOT NULL CHECK (system_id > 0),\n"
  "  position           INTEGER NOT NULL,\n"
  "  from_host_id       INTEGER CHECK (from_host_id > 0),\n"
  "  to_host_id         INTEGER CHECK (to_host_id > 0),\n"
  "  budget_date        TEXT,\n"
  "  budget_amount      INTEGER, -- thousand yen; NULL when unknown\n"
  "  supplementary      INTEGER NOT NULL CHECK (supplementary IN (0, 1)),\n"
  "  contract_date      TEXT,\n"
  "  cutover_date       TEXT,\n"
  "  standard_compliant INTEGER NOT NULL CHECK (standard_compliant IN (0, 1)),\n"
  "  arrangement        TEXT NOT NULL,\n"
  "  done               INTEGER NOT NULL CHECK (done BETWEEN 0 AND 7),\n"
  "  note               TEXT,\n"
  "  annual_cost        INTEGER CHECK (annual_cost >= 0), -- costs (version 5)\n"
  "  UNIQUE (scenario_id, system_id, position)\n"
  ");\n"
  "-- A checksum of every row of the tables above (since version 4).\n"
  "CREATE TABLE checksum (\n"
  "  id    INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  value TEXT NOT NULL\n"
  ");\n";

static const char insert_plan_sql[] =
  "INSERT INTO plan (id, organization, org_code, title, description, schedule_version,"
  " next_system_id, next_host_id, reference_fy, reference_cost)"
  " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char insert_host_sql[] =
  "INSERT INTO hosts (id, position, name, kind, available_from, available_until, note,"
  " annual_cost)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char insert_system_sql[] =
  "INSERT INTO systems (id, position, name, department, vendor, operation, host_id,"
  " tokutei, tokutei_deadline, tokutei_reason, status, notes, annual_cost)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char insert_step_sql[] =
  "INSERT INTO steps (system_id, position, from_host_id, to_host_id, budget_date,"
  " budget_amount, supplementary, contract_date, cutover_date, standard_compliant,"
  " arrangement, done, note, annual_cost)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char insert_scenario_sql[] =
  "INSERT INTO scenarios (id, position, name, description) VALUES (?, ?, ?, ?)";
static const char insert_override_sql[] =
  "INSERT INTO overrides (scenario_id, position, system_id, step, field, day, host_id,"
  " number, arrangement, orphaned)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char insert_added_step_sql[] =
  "INSERT INTO added_steps (scenario_id, system_id, position, from_host_id, to_host_id,"
  " budget_date, budget_amount, supplementary, contract_date, cutover_date,"
  " standard_compliant, arrangement, done, note, annual_cost)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/* The selects that read costs (version 5) take COSTS (the column names)
 * or NO_COSTS (NULLs: a file of version 3 or older) as their last
 * columns. */
#define SELECT_PLAN(next_ids, costs)                                          \
  "SELECT id, organization, org_code, title, description, schedule_version, " \
  next_ids ", " costs " FROM plan"
static const char select_plan_sql[] =
  SELECT_PLAN ("next_system_id, next_host_id", "reference_fy, reference_cost");
static const char select_plan_v3_sql[] =
  SELECT_PLAN ("next_system_id, next_host_id", "NULL, NULL");
/* Version 1: no next ids. */
static const char select_plan_v1_sql[] = SELECT_PLAN ("NULL, NULL", "NULL, NULL");
#define SELECT_HOSTS(costs)                                                   \
  "SELECT id, name, kind, available_from, available_until, note, " costs      \
  " FROM hosts ORDER BY position"
static const char select_hosts_sql[] = SELECT_HOSTS ("annual_cost");
static const char select_hosts_v3_sql[] = SELECT_HOSTS ("NULL");
#define SELECT_SYSTEMS(costs)                                                 \
  "SELECT id, name, department, vendor, operation, host_id, tokutei, "        \
  "tokutei_deadline, tokutei_reason, status, notes, " costs                   \
  " FROM systems ORDER BY position"
static const char select_systems_sql[] = SELECT_SYSTEMS ("annual_cost");
static const char select_systems_v3_sql[] = SELECT_SYSTEMS ("NULL");
#define STEP_COLUMNS                                                          \
  "from_host_id, to_host_id, budget_date, budget_amount, supplementary, "     \
  "contract_date, cutover_date, standard_compliant, arrangement, done, note, "
static const char select_steps_sql[] =
  "SELECT id, system_id, " STEP_COLUMNS "annual_cost"
  " FROM steps ORDER BY system_id, position";
static const char select_steps_v3_sql[] =
  "SELECT id, system_id, " STEP_COLUMNS "NULL"
  " FROM steps ORDER BY system_id, position";
static const char select_scenarios_sql[] =
  "SELECT id, name, description FROM scenarios ORDER BY position";
static const char select_overrides_sql[] =
  "SELECT id, scenario_id, system_id, step, field, day, host_id, number, arrangement, orphaned"
  " FROM overrides ORDER BY scenario_id, position";
/* Versions 1 and 2: dates and to-host only, no orphans (same columns). */
static const char select_overrides_v2_sql[] =
  "SELECT id, scenario_id, system_id, step, field, day, host_id, NULL, NULL, 0"
  " FROM overrides ORDER BY scenario_id, position";
static const char select_added_steps_sql[] =
  "SELECT id, scenario_id, system_id, " STEP_COLUMNS "annual_cost"
  " FROM added_steps ORDER BY scenario_id, system_id, position, id";
static const char select_added_steps_v3_sql[] =
  "SELECT id, scenario_id, system_id, " STEP_COLUMNS "NULL"
  " FROM added_steps ORDER BY scenario_id, system_id, position, id";

/* Errors ---------------------------------------------------------------- */

/* Reading a file whose header says it is an Ikou plan, anything but a
 * failure of the system (I/O, memory, locks) means its content is bad. */
static gboolean
is_corruption (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_NOMEM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
    case SQLITE_FULL:
    case SQLITE_INTERRUPT:
      return FALSE;
    default:
      return TRUE;
    }
}

static gboolean
set_corrupt (GError     **error,
             const char  *display)
{
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
               _("“%s” is damaged or incomplete and cannot be opened."), display);
  return FALSE;
}

/* An SQLite failure while reading. */
static gboolean
set_read_error (GError     **error,
                const char  *display,
                sqlite3     *db,
                int          rc)
{
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  if (is_corruption (rc))
    return set_corrupt (error, display);

  g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not read “%s”: %s"), display,
               sys_errno != 0 ? g_strerror (sys_errno)
               : (rc & 0xff) == SQLITE_IOERR ? _("the file could not be read")
               : sqlite3_errstr (rc));
  return FALSE;
}

/* An SQLite failure while saving. */
static gboolean
set_write_error (GError     **error,
                 const char  *display,
                 sqlite3     *db,
                 int          rc)
{
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  const char *reason;

  /* SQLite's own texts are English; the system's are translated. */
  if ((rc & 0xff) == SQLITE_FULL)
    reason = g_strerror (ENOSPC);
  else if (sys_errno != 0)
    reason = g_strerror (sys_errno);
  else if ((rc & 0xff) == SQLITE_IOERR)
    reason = _("the file could not be written");
  else if (db != NULL)
    reason = sqlite3_errmsg (db);
  else
    reason = sqlite3_errstr (rc);

  g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not save “%s”: %s"), display, reason);
  return FALSE;
}

/* Loading: reading checked values out of a row ------------------------- */

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

/* The checksum ---------------------------------------------------------- */

/* The tables the checksum covers. */
static const char * const checksum_tables[] = {
  "plan", "hosts", "systems", "steps", "scenarios", "overrides", "added_steps",
};

/* The checksum is the sum, in two 64-bit lanes, of a hash of every row
 * (its table, then each value as its type, length and bytes), so it does
 * not depend on the order rows are visited.  A save computes it over the
 * rows it has just written (read back from SQLite's page cache, inside
 * its transaction), a load over what it finds: both see the values as
 * SQLite stores them.  A damage check, not a signature. */
typedef struct
{
  guint64 a;
  guint64 b;
} Lanes;

typedef struct
{
  Lanes sum;
} RowSums;

#define LANE_A_PRIME G_GUINT64_CONSTANT (0x100000001b3)
#define LANE_B_PRIME G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

static inline void
lanes_feed (Lanes        *h,
            const guint8 *bytes,
            gsize         n)
{
  guint64 a = h->a, b = h->b;
  gsize i = 0;

  /* Eight bytes at a time (little-endian words), then the rest. */
  for (; i + 8 <= n; i += 8)
    {
      guint64 w;

      memcpy (&w, bytes + i, 8);
      w = GUINT64_FROM_LE (w);
      a = (a ^ w) * LANE_A_PRIME;
      a ^= a >> 29;
      b = (b ^ w) * LANE_B_PRIME;
      b ^= b >> 31;
    }
  for (; i < n; i++)
    {
      a = (a ^ bytes[i]) * LANE_A_PRIME;
      b = (b ^ bytes[i]) * LANE_B_PRIME;
    }
  h->a = a;
  h->b = b;
}

static inline guint64
lane_final (guint64 x)
{
  /* splitmix64's finalizer: every input bit reaches every output bit. */
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

static void
lanes_feed_value (Lanes         *h,
                  sqlite3_value *value)
{
  guint8 type = (guint8) sqlite3_value_type (value);
  guint64 word;

  lanes_feed (h, &type, 1);
  switch (type)
    {
    case SQLITE_INTEGER:
      word = GUINT64_TO_LE ((guint64) sqlite3_value_int64 (value));
      lanes_feed (h, (const guint8 *) &word, sizeof word);
      break;
    case SQLITE_FLOAT:
      {
        double d = sqlite3_value_double (value);

        memcpy (&word, &d, sizeof word);
        word = GUINT64_TO_LE (word);
        lanes_feed (h, (const guint8 *) &word, sizeof word);
      }
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      {
        const guint8 *bytes = type == SQLITE_TEXT ? sqlite3_value_text (value)
                                                  : sqlite3_value_blob (value);
        int length = sqlite3_value_bytes (value);

        word = GUINT64_TO_LE ((guint64) length);
        lanes_feed (h, (const guint8 *) &word, sizeof word);
        if (length > 0)
          lanes_feed (h, bytes, (gsize) length);
      }
      break;
    case SQLITE_NULL:
    default:
      break;
    }
}

static void
row_start (Lanes *h,
           guint  table)
{
  guint8 mark = (guint8) table;

  h->a = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  h->b = G_GUINT64_CONSTANT (0x84222325cbf29ce4);
  lanes_feed (h, &mark, 1);
}

static void
row_add (RowSums *sums,
         Lanes   *h)
{
  sums->sum.a += lane_final (h->a);
  sums->sum.b += lane_final (h->b);
}

static char *
sums_to_string (const RowSums *sums)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x",
                          sums->sum.a, sums->sum.b);
}

/* Reads every row of the covered tables back. */
static int
compute_checksum (sqlite3  *db,
                  char    **out)
{
  RowSums sums = { { 0, 0 } };

  for (guint t = 0; t < G_N_ELEMENTS (checksum_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", checksum_tables[t]);
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return rc;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (stmt);
          Lanes h;

          row_start (&h, t);
          for (int c = 0; c < n; c++)
            lanes_feed_value (&h, sqlite3_column_value (stmt, c));
          row_add (&sums, &h);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return rc;
    }

  *out = sums_to_string (&sums);
  return SQLITE_OK;
}

/* Compares the stored checksum with the content (version 4 and later). */
static gboolean
verify_checksum (sqlite3     *db,
                 const char  *display,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *actual = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT value FROM checksum WHERE id = 1", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    stored = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  /* When the content cannot even be read through (a text over the
   * limits, a missing table, a damaged page), the reader says what and
   * where. */
  rc = compute_checksum (db, &actual);
  if (rc != SQLITE_OK)
    return TRUE;

  if (stored == NULL || g_ascii_strcasecmp (stored, actual) != 0)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_CHECKSUM,
                   _("“%s” was changed or damaged outside Ikou: its content does not match the checksum it was saved with."),
                   display);
      return FALSE;
    }
  return TRUE;
}

/* Loading: the file ----------------------------------------------------- */

/* Looks at the file before SQLite does, so that a missing file, a text
 * file and a damaged SQLite file each get their own message (SQLite would
 * call an empty file an empty database, and a text file "not a database"). */
static gboolean
check_header (const char  *path,
              const char  *display,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  guint32 application_id;
  gssize n_read = 0;
  int saved_errno;
  int fd;

  fd = ikou_file_open_regular (path, error);
  if (fd < 0)
    return FALSE;

  while ((gsize) n_read < sizeof header)
    {
      gssize n = read (fd, header + n_read, sizeof header - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          g_close (fd, NULL);
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                       _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      n_read += n;
    }
  g_close (fd, NULL);

  if ((gsize) n_read < sizeof magic || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                   _("“%s” is not an Ikou plan."), display);
      return FALSE;
    }
  if ((gsize) n_read < sizeof header)
    return set_corrupt (error, display);

  /* The same test as PRAGMA application_id, made before SQLite opens the
   * file: SQLite never touches another program's database. */
  memcpy (&application_id, header + 68, sizeof application_id);
  if (GUINT32_FROM_BE (application_id) != IKOU_STORE_APPLICATION_ID)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                   _("“%s” is not an Ikou plan: it is a database of another program."), display);
      return FALSE;
    }

  /* Ikou never writes a WAL database; one was changed by another program.
   * Reading it would create -wal and -shm files beside the plan. */
  if (header[18] != 1 || header[19] != 1)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
                   _("“%s” was changed by another program into a form Ikou cannot open (SQLite write-ahead log)."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
pragma_int (sqlite3     *db,
            const char  *sql,
            const char  *display,
            int         *out,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return set_read_error (error, display, db, rc);
  return TRUE;
}

/* Is it an Ikou plan this version can read, and is it whole?  Gives its
 * schema version. */
static gboolean
check_database (sqlite3     *db,
                const char  *display,
                int         *out_version,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int application_id;
  int version;
  int rc;

  if (!pragma_int (db, "PRAGMA application_id", display, &application_id, error))
    return FALSE;
  if (application_id != IKOU_STORE_APPLICATION_ID)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                   _("“%s” is not an Ikou plan: it is a database of another program."), display);
      return FALSE;
    }

  if (!pragma_int (db, "PRAGMA user_version", display, &version, error))
    return FALSE;
  if (version > IKOU_STORE_VERSION)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Ikou (file format %d; this version reads up to %d). Update Ikou to open it."),
                   display, version, IKOU_STORE_VERSION);
      return FALSE;
    }
  if (version < 1)
    return set_corrupt (error, display);

  /* quick_check reads every page: it finds truncation and damaged b-trees
   * that the SELECTs below might happen not to touch. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          rc = g_strcmp0 (result, "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return set_read_error (error, display, db, rc);

  *out_version = version;
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
    set_read_error (error, display, db, rc);
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
  return set_read_error (r->error, r->display, sqlite3_db_handle (r->stmt), rc);
}

/* The plan row: its text fields into @plan; the next ids (0 when the
 * file has none) are applied by the caller once the plan is complete. */
static gboolean
read_plan_row (sqlite3     *db,
               int          version,
               IkouPlan    *plan,
               guint       *out_next_system_id,
               guint       *out_next_host_id,
               const char  *display,
               GError     **error)
{
  Reader r = { display, "plan", NULL, 0, error };
  const char *text[5];
  gint64 next_ids[2] = { 0, 0 };
  gint64 reference[2] = { 0, -1 }; /* fiscal year, cost */
  int rc;
  guint id;

  r.stmt = prepare_select (db, version >= IKOU_STORE_VERSION_COSTS ? select_plan_sql
                               : version >= 2 ? select_plan_v3_sql : select_plan_v1_sql,
                           r.table, display, error);
  if (r.stmt == NULL)
    return FALSE;

  rc = sqlite3_step (r.stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (r.stmt);
      if (rc != SQLITE_DONE)
        return set_read_error (error, display, db, rc);
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
  if (version >= 2)
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
  *out_next_system_id = (guint) next_ids[0];
  *out_next_host_id = (guint) next_ids[1];

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

static gboolean
read_hosts (sqlite3     *db,
            int          version,
            IkouPlan    *plan,
            const char  *display,
            GError     **error)
{
  Reader r = { display, "hosts", NULL, 0, error };
  gboolean ok = FALSE;
  int rc;

  r.stmt = prepare_select (db, version >= IKOU_STORE_VERSION_COSTS ? select_hosts_sql
                               : select_hosts_v3_sql,
                           r.table, display, error);
  if (r.stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (r.stmt)) == SQLITE_ROW)
    {
      g_autoptr(IkouHost) host = NULL;
      const char *name, *kind_text, *note;
      IkouDay from, until;
      IkouHostKind kind;
      gint64 annual_cost;
      guint id;

      if (!read_row_id (&r, &id) ||
          !read_text (&r, 1, &name) ||
          !read_required_text (&r, 2, &kind_text) ||
          !read_day (&r, 3, &from) ||
          !read_day (&r, 4, &until) ||
          !read_text (&r, 5, &note) ||
          !read_int (&r, 6, 0, G_MAXINT64, TRUE, -1, &annual_cost))
        goto out;
      if (!ikou_host_kind_from_string (kind_text, &kind))
        {
          unknown_value (&r, 2, kind_text);
          goto out;
        }
      if (ikou_plan_lookup_host (plan, id) != NULL)
        {
          duplicate_row (&r);
          goto out;
        }

      host = ikou_host_new (id, name, kind);
      ikou_host_set_available_from (host, from);
      ikou_host_set_available_until (host, until);
      ikou_host_set_note (host, note);
      ikou_host_set_annual_cost (host, annual_cost);
      ikou_plan_add_host (plan, host);
    }
  ok = finish_select (&r, rc);

out:
  sqlite3_finalize (r.stmt);
  return ok;
}

/* Reads the systems into @systems (display order) and @by_id, not yet
 * into the plan: their steps are added first, while nobody listens. */
static gboolean
read_systems (sqlite3     *db,
              int          version,
              IkouPlan    *plan,
              GPtrArray   *systems,
              GHashTable  *by_id,
              const char  *display,
              GError     **error)
{
  Reader r = { display, "systems", NULL, 0, error };
  gboolean ok = FALSE;
  int rc;

  r.stmt = prepare_select (db, version >= IKOU_STORE_VERSION_COSTS ? select_systems_sql
                               : select_systems_v3_sql,
                           r.table, display, error);
  if (r.stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (r.stmt)) == SQLITE_ROW)
    {
      IkouSystem *system;
      const char *name, *department, *vendor, *operation, *reason, *status_text, *notes;
      IkouDay deadline;
      IkouStatus status;
      gboolean tokutei;
      gint64 annual_cost;
      guint id, host;

      if (!read_row_id (&r, &id) ||
          !read_text (&r, 1, &name) ||
          !read_text (&r, 2, &department) ||
          !read_text (&r, 3, &vendor) ||
          !read_text (&r, 4, &operation) ||
          !read_host_ref (&r, 5, plan, &host) ||
          !read_bool (&r, 6, &tokutei) ||
          !read_day (&r, 7, &deadline) ||
          !read_text (&r, 8, &reason) ||
          !read_required_text (&r, 9, &status_text) ||
          !read_text (&r, 10, &notes) ||
          !read_int (&r, 11, 0, G_MAXINT64, TRUE, -1, &annual_cost))
        goto out;
      if (!ikou_status_from_string (status_text, &status))
        {
          unknown_value (&r, 9, status_text);
          goto out;
        }
      if (g_hash_table_contains (by_id, GUINT_TO_POINTER (id)))
        {
          duplicate_row (&r);
          goto out;
        }

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
      g_ptr_array_add (systems, system);
      g_hash_table_insert (by_id, GUINT_TO_POINTER (id), system);
    }
  ok = finish_select (&r, rc);

out:
  sqlite3_finalize (r.stmt);
  return ok;
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
      !read_int (r, col + 9, 0, ALL_DONE_BITS, FALSE, 0, &done) ||
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
read_steps (sqlite3     *db,
            int          version,
            IkouPlan    *plan,
            GHashTable  *systems_by_id,
            const char  *display,
            GError     **error)
{
  Reader r = { display, "steps", NULL, 0, error };
  gboolean ok = FALSE;
  int rc;

  r.stmt = prepare_select (db, version >= IKOU_STORE_VERSION_COSTS ? select_steps_sql
                               : select_steps_v3_sql,
                           r.table, display, error);
  if (r.stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (r.stmt)) == SQLITE_ROW)
    {
      IkouStep step = { 0, };
      IkouSystem *system;
      gint64 system_id;
      guint id;

      if (!read_row_id (&r, &id) ||
          !read_int (&r, 1, G_MININT64, G_MAXINT64, FALSE, 0, &system_id))
        goto out;
      system = system_id >= 1 && system_id <= G_MAXUINT
               ? g_hash_table_lookup (systems_by_id, GUINT_TO_POINTER ((guint) system_id))
               : NULL;
      if (system == NULL)
        {
          missing_parent (&r, "systems", system_id);
          goto out;
        }

      if (!read_step_columns (&r, 2, plan, &step))
        goto out;
      ikou_system_insert_step (system, G_MAXUINT, &step); /* copies the note */
    }
  ok = finish_select (&r, rc);

out:
  sqlite3_finalize (r.stmt);
  return ok;
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

/* The steps scenarios add (version 3), into the scenarios of @by_id. */
static gboolean
read_added_steps (sqlite3     *db,
                  int          version,
                  GHashTable  *by_id,
                  const char  *display,
                  GError     **error)
{
  Reader r = { display, "added_steps", NULL, 0, error };
  gboolean ok = FALSE;
  int rc;

  r.stmt = prepare_select (db, version >= IKOU_STORE_VERSION_COSTS ? select_added_steps_sql
                               : select_added_steps_v3_sql,
                           r.table, display, error);
  if (r.stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (r.stmt)) == SQLITE_ROW)
    {
      IkouStep step = { 0, };
      IkouScenario *scenario;
      gint64 scenario_id, system_id;
      guint id;

      if (!read_row_id (&r, &id) ||
          !read_int (&r, 1, G_MININT64, G_MAXINT64, FALSE, 0, &scenario_id))
        goto out;
      scenario = scenario_id >= 1 && scenario_id <= G_MAXUINT
                 ? g_hash_table_lookup (by_id, GUINT_TO_POINTER ((guint) scenario_id))
                 : NULL;
      if (scenario == NULL)
        {
          missing_parent (&r, "scenarios", scenario_id);
          goto out;
        }
      /* The system may have been removed since: not looked up. */
      if (!read_int (&r, 2, 1, G_MAXUINT, FALSE, 0, &system_id) ||
          !read_step_columns (&r, 3, NULL, &step))
        goto out;
      ikou_scenario_insert_added_step (scenario, (guint) system_id, G_MAXUINT, &step);
    }
  ok = finish_select (&r, rc);

out:
  sqlite3_finalize (r.stmt);
  return ok;
}

static gboolean
read_scenarios (sqlite3     *db,
                int          version,
                IkouPlan    *plan,
                const char  *display,
                GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
  Reader r = { display, "scenarios", NULL, 0, error };
  int rc;

  r.stmt = prepare_select (db, select_scenarios_sql, r.table, display, error);
  if (r.stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (r.stmt)) == SQLITE_ROW)
    {
      IkouScenario *scenario;
      const char *name, *description;
      guint id;

      if (!read_row_id (&r, &id) ||
          !read_text (&r, 1, &name) ||
          !read_text (&r, 2, &description))
        goto fail;
      if (g_hash_table_contains (by_id, GUINT_TO_POINTER (id)))
        {
          duplicate_row (&r);
          goto fail;
        }

      scenario = ikou_scenario_new (name);
      ikou_scenario_set_description (scenario, description);
      g_hash_table_insert (by_id, GUINT_TO_POINTER (id), scenario);
      g_ptr_array_add (scenarios, scenario);
    }
  if (!finish_select (&r, rc))
    goto fail;
  sqlite3_finalize (r.stmt);

  r.table = "overrides";
  r.stmt = prepare_select (db, version >= 3 ? select_overrides_sql : select_overrides_v2_sql,
                           r.table, display, error);
  if (r.stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (r.stmt)) == SQLITE_ROW)
    {
      IkouScenario *scenario;
      IkouOverrideField field;
      const char *field_text;
      gint64 scenario_id, system_id, step, value = 0;
      gboolean orphaned;
      guint id, n_before;

      if (!read_row_id (&r, &id) ||
          !read_int (&r, 1, G_MININT64, G_MAXINT64, FALSE, 0, &scenario_id))
        goto fail;
      scenario = scenario_id >= 1 && scenario_id <= G_MAXUINT
                 ? g_hash_table_lookup (by_id, GUINT_TO_POINTER ((guint) scenario_id))
                 : NULL;
      if (scenario == NULL)
        {
          missing_parent (&r, "scenarios", scenario_id);
          goto fail;
        }
      if (!read_int (&r, 2, 0, G_MAXUINT, FALSE, 0, &system_id) ||
          !read_int (&r, 3, 0, G_MAXUINT, FALSE, 0, &step) ||
          !read_required_text (&r, 4, &field_text))
        goto fail;
      if (!ikou_override_field_from_string (field_text, &field))
        {
          unknown_value (&r, 4, field_text);
          goto fail;
        }

      if (version < 3 && field != IKOU_OVERRIDE_TO_HOST &&
          ikou_override_field_get_value_kind (field) != IKOU_OVERRIDE_VALUE_DAY)
        {
          /* Versions 1 and 2 had no other fields. */
          unknown_value (&r, 4, field_text);
          goto fail;
        }
      if (!read_override_value (&r, field, &value) ||
          !read_bool (&r, 9, &orphaned))
        goto fail;

      if (orphaned)
        {
          IkouOverride orphan = { (guint) system_id, (guint) step, field, value };

          ikou_scenario_add_orphan (scenario, &orphan);
          continue;
        }
      /* set_override() replaces an existing (system, step, field): a
       * duplicate row would silently replace an earlier one. */
      n_before = ikou_scenario_get_n_overrides (scenario);
      ikou_scenario_set_override (scenario, (guint) system_id, (guint) step, field, value);
      if (ikou_scenario_get_n_overrides (scenario) == n_before)
        {
          duplicate_row (&r);
          goto fail;
        }
    }
  if (!finish_select (&r, rc))
    goto fail;
  sqlite3_finalize (r.stmt);
  r.stmt = NULL;

  if (version >= 3 && !read_added_steps (db, version, by_id, display, error))
    return FALSE;

  for (guint i = 0; i < scenarios->len; i++)
    ikou_plan_add_scenario (plan, g_ptr_array_index (scenarios, i));
  return TRUE;

fail:
  sqlite3_finalize (r.stmt);
  return FALSE;
}

static IkouPlan *
read_document (sqlite3     *db,
               int          version,
               const char  *display,
               GError     **error)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  g_autoptr(GPtrArray) systems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) systems_by_id = g_hash_table_new (NULL, NULL);
  guint next_system_id = 0, next_host_id = 0;

  if (!read_plan_row (db, version, plan, &next_system_id, &next_host_id, display, error) ||
      !read_hosts (db, version, plan, display, error) ||
      !read_systems (db, version, plan, systems, systems_by_id, display, error) ||
      !read_steps (db, version, plan, systems_by_id, display, error) ||
      !read_scenarios (db, version, plan, display, error))
    return NULL;

  ikou_plan_begin_bulk (plan);
  for (guint i = 0; i < systems->len; i++)
    ikou_plan_add_system (plan, g_ptr_array_index (systems, i));
  ikou_plan_end_bulk (plan);

  /* After the ids in use: a (hand-edited) counter below them is ignored. */
  ikou_plan_set_next_ids (plan, next_system_id, next_host_id);

  if (!ikou_limits_check_plan (plan, display, error))
    return NULL;
  return g_steal_pointer (&plan);
}

IkouPlan *
ikou_store_load (const char  *path,
                 GError     **error)
{
  return ikou_store_load_full (path, IKOU_STORE_LOAD_DEFAULT, error);
}

IkouPlan *
ikou_store_load_full (const char          *path,
                      IkouStoreLoadFlags   flags,
                      GError             **error)
{
  g_autofree char *display = NULL;
  IkouPlan *plan = NULL;
  sqlite3 *db = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (!check_header (path, display, error))
    return NULL;
  /* Opening a plan also tidies up after saves that were interrupted. */
  ikou_atomic_file_sweep (path);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_read_error (error, display, db, rc);
      sqlite3_close (db);
      return NULL;
    }

  /* No text over the limits is ever read into memory (a 600 MB note). */
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, IKOU_LIMIT_TEXT_BYTES);

  /* The file comes from outside: a crafted schema must not run code. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_busy_timeout (db, 5000);

  /* One read transaction: every SELECT sees the same file even if another
   * program writes to it meanwhile. */
  rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    set_read_error (error, display, db, rc);
  else if (check_database (db, display, &version, error) &&
           (version < IKOU_STORE_VERSION_CHECKSUM ||
            (flags & IKOU_STORE_LOAD_IGNORE_CHECKSUM) ||
            verify_checksum (db, display, error)))
    plan = read_document (db, version, display, error);

  sqlite3_close (db); /* also ends the read transaction */
  return plan;
}

/* Saving ---------------------------------------------------------------- */

typedef struct
{
  sqlite3       *db;
  IkouPlan      *plan;
  const char    *display;
  GError       **error;
  sqlite3_stmt  *host;
  sqlite3_stmt  *system;
  sqlite3_stmt  *step;
  sqlite3_stmt  *scenario;
  sqlite3_stmt  *override;
  sqlite3_stmt  *added_step;
  /* The host, system or scenario being written, for error messages. */
  const char    *item_name;
  guint          item_id;
  gboolean       no_checksum;  /* ikou_store_save_without_checksum() */
} Writer;

static void
set_item (Writer     *w,
          const char *name,
          guint       id)
{
  w->item_name = name;
  w->item_id = id;
}

/* The current item as a message names it: its name, or its id. */
static char *
describe_item (Writer *w)
{
  if (w->item_name != NULL && *w->item_name != '\0')
    return g_strdup (w->item_name);
  return g_strdup_printf ("#%u", w->item_id);
}

/* The model holds something no file may contain (a program error
 * elsewhere, but the planner's work must not be lost silently). */
static gboolean
invalid_in_model (Writer     *w,
                  const char *field)
{
  g_autofree char *what = describe_item (w);
  g_autofree char *reason =
    g_strdup_printf (_("“%s” has an invalid value in “%s”"), what, field);

  g_set_error (w->error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not save “%s”: %s"),
               w->display, reason);
  return FALSE;
}

static gboolean
unknown_host_in_model (Writer *w,
                       guint   host_id)
{
  g_autofree char *what = describe_item (w);
  g_autofree char *reason =
    g_strdup_printf (_("“%s” refers to host %u, which is not in the plan"), what, host_id);

  g_set_error (w->error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not save “%s”: %s"),
               w->display, reason);
  return FALSE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static gboolean
bind_day (Writer       *w,
          sqlite3_stmt *stmt,
          int           index,
          gint64        day,
          const char   *field)
{
  if (day == IKOU_DAY_NONE)
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (day < G_MININT32 || day > G_MAXINT32 || !ikou_day_is_valid ((IkouDay) day))
    return invalid_in_model (w, field);

  sqlite3_bind_text (stmt, index, ikou_day_format_iso ((IkouDay) day), -1, g_free);
  return TRUE;
}

/* An id, 0 for NULL. */
static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static gboolean
bind_host_ref (Writer       *w,
               sqlite3_stmt *stmt,
               int           index,
               guint         host_id)
{
  if (host_id == 0)
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (ikou_plan_lookup_host (w->plan, host_id) == NULL)
    return unknown_host_in_model (w, host_id);

  sqlite3_bind_int64 (stmt, index, host_id);
  return TRUE;
}

/* Runs a bound INSERT and makes it ready for the next row. */
static gboolean
run (Writer       *w,
     sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_write_error (w->error, w->display, w->db, rc);
  return TRUE;
}

static gboolean
exec (Writer     *w,
      const char *sql)
{
  int rc = sqlite3_exec (w->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_write_error (w->error, w->display, w->db, rc);
  return TRUE;
}

static gboolean
prepare (Writer        *w,
         const char    *sql,
         sqlite3_stmt **stmt)
{
  int rc = sqlite3_prepare_v3 (w->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);

  if (rc != SQLITE_OK)
    return set_write_error (w->error, w->display, w->db, rc);
  return TRUE;
}

/* Costs: thousand yen, -1 (unknown) as NULL. */
static void
bind_cost (sqlite3_stmt *stmt,
           int           index,
           gint64        cost)
{
  if (cost < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, cost);
}

static gboolean
write_plan_row (Writer *w)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!prepare (w, insert_plan_sql, &stmt))
    return FALSE;
  bind_text (stmt, 1, ikou_plan_get_organization (w->plan));
  bind_text (stmt, 2, ikou_plan_get_org_code (w->plan));
  bind_text (stmt, 3, ikou_plan_get_title (w->plan));
  bind_text (stmt, 4, ikou_plan_get_description (w->plan));
  bind_text (stmt, 5, ikou_plan_get_schedule_version (w->plan));
  /* Always written, even when they only follow from the ids. */
  sqlite3_bind_int64 (stmt, 6, ikou_plan_next_system_id (w->plan));
  sqlite3_bind_int64 (stmt, 7, ikou_plan_next_host_id (w->plan));
  sqlite3_bind_int (stmt, 8, ikou_plan_get_reference_fy (w->plan));
  bind_cost (stmt, 9, ikou_plan_get_reference_cost (w->plan));
  ok = run (w, stmt);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
write_hosts (Writer *w)
{
  guint n = ikou_plan_get_n_hosts (w->plan);
  sqlite3_stmt *stmt = w->host;

  for (guint i = 0; i < n; i++)
    {
      IkouHost *host = ikou_plan_get_host (w->plan, i);
      IkouHostKind kind = ikou_host_get_kind (host);

      set_item (w, ikou_host_get_name (host), ikou_host_get_id (host));
      if ((guint) kind >= IKOU_N_HOST_KINDS)
        return invalid_in_model (w, "kind");

      sqlite3_bind_int64 (stmt, 1, ikou_host_get_id (host));
      sqlite3_bind_int64 (stmt, 2, i);
      bind_text (stmt, 3, ikou_host_get_name (host));
      sqlite3_bind_text (stmt, 4, ikou_host_kind_to_string (kind), -1, SQLITE_STATIC);
      if (!bind_day (w, stmt, 5, ikou_host_get_available_from (host), "available_from") ||
          !bind_day (w, stmt, 6, ikou_host_get_available_until (host), "available_until"))
        return FALSE;
      bind_text (stmt, 7, ikou_host_get_note (host));
      bind_cost (stmt, 8, ikou_host_get_annual_cost (host));
      if (!run (w, stmt))
        return FALSE;
    }
  return TRUE;
}

/* The step columns from @index on, in the order of the steps table
 * (from_host_id … note).  With @check_hosts, host ids must name hosts of
 * the plan; a scenario's step may name a removed one. */
static gboolean
bind_step_columns (Writer         *w,
                   sqlite3_stmt   *stmt,
                   int             index,
                   const IkouStep *step,
                   gboolean        check_hosts)
{
  if ((guint) step->arrangement >= IKOU_N_ARRANGEMENTS)
    return invalid_in_model (w, "arrangement");
  if ((step->done & ~ALL_DONE_BITS) != 0)
    return invalid_in_model (w, "done");
  if (step->annual_cost < -1)
    return invalid_in_model (w, "annual_cost");

  if (check_hosts)
    {
      if (!bind_host_ref (w, stmt, index, step->from_host) ||
          !bind_host_ref (w, stmt, index + 1, step->to_host))
        return FALSE;
    }
  else
    {
      bind_id_or_null (stmt, index, step->from_host);
      bind_id_or_null (stmt, index + 1, step->to_host);
    }
  if (!bind_day (w, stmt, index + 2, step->budget_date, "budget_date"))
    return FALSE;
  if (step->budget_amount == -1)
    sqlite3_bind_null (stmt, index + 3);
  else
    sqlite3_bind_int64 (stmt, index + 3, step->budget_amount);
  sqlite3_bind_int (stmt, index + 4, step->supplementary ? 1 : 0);
  if (!bind_day (w, stmt, index + 5, step->contract_date, "contract_date") ||
      !bind_day (w, stmt, index + 6, step->cutover_date, "cutover_date"))
    return FALSE;
  sqlite3_bind_int (stmt, index + 7, step->standard_compliant ? 1 : 0);
  sqlite3_bind_text (stmt, index + 8, ikou_arrangement_to_string (step->arrangement), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, index + 9, step->done);
  bind_text (stmt, index + 10, step->note);
  /* Costs: a running cost after a cut-over the step does not have
   * applies to nothing; the reader refuses it, so it is not written. */
  bind_cost (stmt, index + 11, step->cutover_date != IKOU_DAY_NONE ? step->annual_cost : -1);
  return TRUE;
}

static gboolean
write_steps (Writer     *w,
             IkouSystem *system)
{
  guint n = ikou_system_get_n_steps (system);
  sqlite3_stmt *stmt = w->step;

  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ikou_system_get_id (system));
      sqlite3_bind_int64 (stmt, 2, i);
      if (!bind_step_columns (w, stmt, 3, ikou_system_get_step (system, i), TRUE) ||
          !run (w, stmt))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_systems (Writer *w)
{
  guint n = ikou_plan_get_n_systems (w->plan);
  sqlite3_stmt *stmt = w->system;

  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (w->plan, i);
      IkouStatus status = ikou_system_get_status (system);

      set_item (w, ikou_system_get_name (system), ikou_system_get_id (system));
      if ((guint) status >= IKOU_N_STATUSES)
        return invalid_in_model (w, "status");

      sqlite3_bind_int64 (stmt, 1, ikou_system_get_id (system));
      sqlite3_bind_int64 (stmt, 2, i);
      bind_text (stmt, 3, ikou_system_get_name (system));
      bind_text (stmt, 4, ikou_system_get_department (system));
      bind_text (stmt, 5, ikou_system_get_vendor (system));
      bind_text (stmt, 6, ikou_system_get_operation (system));
      if (!bind_host_ref (w, stmt, 7, ikou_system_get_host (system)))
        return FALSE;
      sqlite3_bind_int (stmt, 8, ikou_system_get_tokutei (system) ? 1 : 0);
      if (!bind_day (w, stmt, 9, ikou_system_get_tokutei_deadline (system), "tokutei_deadline"))
        return FALSE;
      bind_text (stmt, 10, ikou_system_get_tokutei_reason (system));
      sqlite3_bind_text (stmt, 11, ikou_status_to_string (status), -1, SQLITE_STATIC);
      bind_text (stmt, 12, ikou_system_get_notes (system));
      bind_cost (stmt, 13, ikou_system_get_annual_cost (system));
      if (!run (w, stmt) || !write_steps (w, system))
        return FALSE;
    }
  return TRUE;
}

/* One row of overrides: the value goes into the column of its field's
 * kind (see the schema), the others are NULL. */
static gboolean
write_override (Writer             *w,
                guint               scenario_id,
                guint               position,
                const IkouOverride *o,
                gboolean            orphaned)
{
  sqlite3_stmt *stmt = w->override;

  if ((guint) o->field >= IKOU_N_OVERRIDE_FIELDS)
    return invalid_in_model (w, "field");

  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, o->system_id);
  sqlite3_bind_int64 (stmt, 4, o->step);
  sqlite3_bind_text (stmt, 5, ikou_override_field_to_string (o->field), -1, SQLITE_STATIC);
  for (int col = 6; col <= 9; col++)
    sqlite3_bind_null (stmt, col);

  switch (ikou_override_field_get_value_kind (o->field))
    {
    case IKOU_OVERRIDE_VALUE_DAY:
      if (!bind_day (w, stmt, 6, o->value, "day"))
        return FALSE;
      break;
    case IKOU_OVERRIDE_VALUE_HOST:
      /* Not checked against the hosts: a scenario may keep naming a host
       * removed after it was made, as the model does. */
      if (o->value < 0 || o->value > G_MAXUINT)
        return invalid_in_model (w, "host_id");
      bind_id_or_null (stmt, 7, o->value);
      break;
    case IKOU_OVERRIDE_VALUE_AMOUNT:
      if (o->value != -1)
        sqlite3_bind_int64 (stmt, 8, o->value);
      break;
    case IKOU_OVERRIDE_VALUE_FLAG:
      if (o->value != 0 && o->value != 1)
        return invalid_in_model (w, "number");
      sqlite3_bind_int64 (stmt, 8, o->value);
      break;
    case IKOU_OVERRIDE_VALUE_ARRANGEMENT:
    default:
      if (o->value < 0 || o->value >= IKOU_N_ARRANGEMENTS)
        return invalid_in_model (w, "arrangement");
      sqlite3_bind_text (stmt, 9, ikou_arrangement_to_string ((IkouArrangement) o->value), -1,
                         SQLITE_STATIC);
      break;
    }
  sqlite3_bind_int (stmt, 10, orphaned ? 1 : 0);
  return run (w, stmt);
}

/* Orphans and added steps, system by system, in their order. */
static gboolean
write_scenario_systems (Writer       *w,
                        IkouScenario *scenario,
                        guint         scenario_id,
                        guint         position)
{
  g_autoptr(GArray) ids = ikou_scenario_get_system_ids (scenario);

  for (guint i = 0; i < ids->len; i++)
    {
      guint system_id = g_array_index (ids, guint, i);

      for (guint j = 0; j < ikou_scenario_get_n_orphans (scenario, system_id); j++)
        if (!write_override (w, scenario_id, position++,
                             ikou_scenario_get_orphan (scenario, system_id, j), TRUE))
          return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      guint system_id = g_array_index (ids, guint, i);

      for (guint j = 0; j < ikou_scenario_get_n_added_steps (scenario, system_id); j++)
        {
          sqlite3_stmt *stmt = w->added_step;

          if (system_id == 0)
            return invalid_in_model (w, "system_id");
          sqlite3_bind_int64 (stmt, 1, scenario_id);
          sqlite3_bind_int64 (stmt, 2, system_id);
          sqlite3_bind_int64 (stmt, 3, j);
          if (!bind_step_columns (w, stmt, 4,
                                  ikou_scenario_get_added_step (scenario, system_id, j), FALSE) ||
              !run (w, stmt))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_scenarios (Writer *w)
{
  guint n = ikou_plan_get_n_scenarios (w->plan);

  for (guint i = 0; i < n; i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (w->plan, i);
      guint n_overrides = ikou_scenario_get_n_overrides (scenario);

      set_item (w, ikou_scenario_get_name (scenario), i + 1);
      sqlite3_bind_int64 (w->scenario, 1, i + 1);
      sqlite3_bind_int64 (w->scenario, 2, i);
      bind_text (w->scenario, 3, ikou_scenario_get_name (scenario));
      bind_text (w->scenario, 4, ikou_scenario_get_description (scenario));
      if (!run (w, w->scenario))
        return FALSE;

      for (guint j = 0; j < n_overrides; j++)
        if (!write_override (w, i + 1, j, ikou_scenario_get_override (scenario, j), FALSE))
          return FALSE;
      if (!write_scenario_systems (w, scenario, i + 1, n_overrides))
        return FALSE;
    }
  return TRUE;
}

/* Over what was written, inside the transaction. */
static gboolean
write_checksum (Writer *w)
{
  g_autofree char *value = NULL;
  g_autofree char *sql = NULL;
  int rc;

  rc = compute_checksum (w->db, &value);
  if (rc != SQLITE_OK)
    return set_write_error (w->error, w->display, w->db, rc);
  sql = g_strdup_printf ("INSERT INTO checksum (id, value) VALUES (1, '%s')", value);
  return exec (w, sql);
}

static gboolean
write_document (Writer *w)
{
  g_autofree char *pragmas = NULL;

  /* Connection settings, outside the transaction.  The journal of this
   * private file is in memory and nothing is synced until the end: the
   * file only becomes the document once complete, closed and synced. */
  if (!exec (w, "PRAGMA foreign_keys = ON;"
                "PRAGMA journal_mode = MEMORY;"
                "PRAGMA synchronous = OFF;"
                "PRAGMA locking_mode = EXCLUSIVE;"
                "PRAGMA cache_size = -65536;"))
    return FALSE;

  if (!exec (w, "BEGIN IMMEDIATE") || !exec (w, schema_sql))
    return FALSE;

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             IKOU_STORE_APPLICATION_ID, IKOU_STORE_VERSION);
  if (!exec (w, pragmas))
    return FALSE;

  if (!prepare (w, insert_host_sql, &w->host) ||
      !prepare (w, insert_system_sql, &w->system) ||
      !prepare (w, insert_step_sql, &w->step) ||
      !prepare (w, insert_scenario_sql, &w->scenario) ||
      !prepare (w, insert_override_sql, &w->override) ||
      !prepare (w, insert_added_step_sql, &w->added_step))
    return FALSE;

  if (!write_plan_row (w) ||
      !write_hosts (w) ||
      !write_systems (w) ||
      !write_scenarios (w) ||
      (!w->no_checksum && !write_checksum (w)))
    return FALSE;

  return exec (w, "COMMIT");
}

static void
writer_finalize_statements (Writer *w)
{
  g_clear_pointer (&w->host, sqlite3_finalize);
  g_clear_pointer (&w->system, sqlite3_finalize);
  g_clear_pointer (&w->step, sqlite3_finalize);
  g_clear_pointer (&w->scenario, sqlite3_finalize);
  g_clear_pointer (&w->override, sqlite3_finalize);
  g_clear_pointer (&w->added_step, sqlite3_finalize);
}

static gboolean save (IkouPlan            *plan,
                      const char          *path,
                      const IkouFileStamp *expected,
                      gboolean             no_checksum,
                      GError             **error);

gboolean
ikou_store_save (IkouPlan    *plan,
                 const char  *path,
                 GError     **error)
{
  return ikou_store_save_checked (plan, path, NULL, error);
}

gboolean
ikou_store_save_checked (IkouPlan            *plan,
                         const char          *path,
                         const IkouFileStamp *expected,
                         GError             **error)
{
  return save (plan, path, expected, FALSE, error);
}

gboolean
ikou_store_save_without_checksum (IkouPlan    *plan,
                                  const char  *path,
                                  GError     **error)
{
  return save (plan, path, NULL, TRUE, error);
}

static gboolean
save (IkouPlan            *plan,
      const char          *path,
      const IkouFileStamp *expected,
      gboolean             no_checksum,
      GError             **error)
{
  g_autoptr(IkouAtomicFile) file = NULL;
  g_autofree char *display = NULL;
  Writer w = { NULL, };
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  w.no_checksum = no_checksum;
  display = g_filename_display_name (path);
  w.plan = plan;
  w.display = display;
  w.error = error;

  file = ikou_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  ikou_atomic_file_set_expected (file, expected);

  rc = sqlite3_open_v2 (ikou_atomic_file_get_temp_path (file), &w.db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    set_write_error (error, display, w.db, rc);
  else
    ok = write_document (&w);

  writer_finalize_statements (&w);
  if (w.db != NULL)
    {
      if (!ok)
        sqlite3_exec (w.db, "ROLLBACK", NULL, NULL, NULL);
      rc = sqlite3_close (w.db);
      if (rc != SQLITE_OK && ok)
        ok = set_write_error (error, display, NULL, rc);
    }

  return ok && ikou_atomic_file_commit (file, error);
}

char *
ikou_store_compute_checksum (const char  *path,
                             GError     **error)
{
  g_autofree char *display = NULL;
  char *value = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  if (!check_header (path, display, error))
    return NULL;
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = compute_checksum (db, &value);
  if (rc != SQLITE_OK)
    {
      set_read_error (error, display, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_close (db);
  return value;
}
