/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-store-private.h"

/* The tables of every version.  A save creates those of
 * IKOU_STORE_VERSION; a load selects the current columns from a file of
 * any version, NULL (or the default) for a column its version did not
 * have, so the code that turns rows into the plan reads one layout. */

G_STATIC_ASSERT (IKOU_N_MILESTONES == 3); /* the CHECK on steps.done says 7 */

/* The columns of a step's plan, in the baseline's steps and in the steps
 * a scenario adds alike. */
#define STEP_PLAN_COLUMNS                                                     \
  "  budget_date        TEXT,\n"                                              \
  "  budget_amount      INTEGER, -- thousand yen; NULL when unknown\n"        \
  "  supplementary      INTEGER NOT NULL CHECK (supplementary IN (0, 1)),\n"  \
  "  contract_date      TEXT,\n"                                              \
  "  cutover_date       TEXT,\n"                                              \
  "  standard_compliant INTEGER NOT NULL CHECK (standard_compliant IN (0, 1)),\n" \
  "  arrangement        TEXT NOT NULL,\n"

const char store_schema_sql[] =
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
  "  annual_cost      INTEGER CHECK (annual_cost >= 0), -- costs (version 5): today, thousand yen a year; NULL unknown\n"
  "  tokutei_reason_kind     TEXT, -- transitional (version 6): the classified reason's id; NULL not classified\n"
  "  transitional            INTEGER NOT NULL DEFAULT 0 CHECK (transitional IN (0, 1)), -- transitional: functions still to come\n"
  "  transitional_functions  TEXT, -- transitional: what is still to come\n"
  "  transitional_completion TEXT, -- transitional: planned completion\n"
  "  transitional_notified   TEXT -- transitional: the day of the notification to the Digital Agency\n"
  ");\n"
  "CREATE TABLE steps (\n"
  "  id                 INTEGER PRIMARY KEY,\n"
  "  system_id          INTEGER NOT NULL REFERENCES systems (id) ON DELETE CASCADE,\n"
  "  position           INTEGER NOT NULL,\n"
  "  from_host_id       INTEGER REFERENCES hosts (id),\n"
  "  to_host_id         INTEGER REFERENCES hosts (id),\n"
  STEP_PLAN_COLUMNS
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
  STEP_PLAN_COLUMNS
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

const char store_insert_plan_sql[] =
  "INSERT INTO plan (id, organization, org_code, title, description, schedule_version,"
  " next_system_id, next_host_id, reference_fy, reference_cost)"
  " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char store_insert_host_sql[] =
  "INSERT INTO hosts (id, position, name, kind, available_from, available_until, note,"
  " annual_cost)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const char store_insert_system_sql[] =
  "INSERT INTO systems (id, position, name, department, vendor, operation, host_id,"
  " tokutei, tokutei_deadline, tokutei_reason, status, notes, annual_cost,"
  " tokutei_reason_kind, transitional, transitional_functions, transitional_completion,"
  " transitional_notified)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char store_insert_step_sql[] =
  "INSERT INTO steps (system_id, position, from_host_id, to_host_id, budget_date,"
  " budget_amount, supplementary, contract_date, cutover_date, standard_compliant,"
  " arrangement, done, note, annual_cost)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char store_insert_scenario_sql[] =
  "INSERT INTO scenarios (id, position, name, description) VALUES (?, ?, ?, ?)";
const char store_insert_override_sql[] =
  "INSERT INTO overrides (scenario_id, position, system_id, step, field, day, host_id,"
  " number, arrangement, orphaned)"
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char store_insert_added_step_sql[] =
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
#define SELECT_SYSTEMS(costs, transitional)                                   \
  "SELECT id, name, department, vendor, operation, host_id, tokutei, "        \
  "tokutei_deadline, tokutei_reason, status, notes, " costs ", "              \
  transitional " FROM systems ORDER BY position"
#define TRANSITIONAL_COLUMNS                                                  \
  "tokutei_reason_kind, transitional, transitional_functions, "               \
  "transitional_completion, transitional_notified"
#define NO_TRANSITIONAL "NULL, 0, NULL, NULL, NULL"
static const char select_systems_sql[] = SELECT_SYSTEMS ("annual_cost", TRANSITIONAL_COLUMNS);
static const char select_systems_v5_sql[] = SELECT_SYSTEMS ("annual_cost", NO_TRANSITIONAL);
static const char select_systems_v3_sql[] = SELECT_SYSTEMS ("NULL", NO_TRANSITIONAL);
#define STEP_COLUMNS                                                          \
  "from_host_id, to_host_id, budget_date, budget_amount, supplementary, "     \
  "contract_date, cutover_date, standard_compliant, arrangement, done, note, "
/* @owner: the columns before the step's, @costs: the last column. */
#define SELECT_STEPS(owner, costs, table, order)                              \
  "SELECT id, " owner ", " STEP_COLUMNS costs " FROM " table " ORDER BY " order
static const char select_steps_sql[] =
  SELECT_STEPS ("system_id", "annual_cost", "steps", "system_id, position");
static const char select_steps_v3_sql[] =
  SELECT_STEPS ("system_id", "NULL", "steps", "system_id, position");
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
  SELECT_STEPS ("scenario_id, system_id", "annual_cost", "added_steps",
                "scenario_id, system_id, position, id");
static const char select_added_steps_v3_sql[] =
  SELECT_STEPS ("scenario_id, system_id", "NULL", "added_steps",
                "scenario_id, system_id, position, id");

static const char * const table_names[STORE_N_TABLES] = {
  "plan", "hosts", "systems", "steps", "scenarios", "overrides", "added_steps",
};

const char *
store_table_name (StoreTable table)
{
  g_assert ((guint) table < STORE_N_TABLES);
  return table_names[table];
}

const char *
store_select_sql (StoreTable table,
                  int        version)
{
  gboolean costs = version >= IKOU_STORE_VERSION_COSTS;

  switch (table)
    {
    case STORE_PLAN:
      return costs ? select_plan_sql : version >= 2 ? select_plan_v3_sql : select_plan_v1_sql;
    case STORE_HOSTS:
      return costs ? select_hosts_sql : select_hosts_v3_sql;
    case STORE_SYSTEMS:
      return version >= IKOU_STORE_VERSION_TRANSITIONAL ? select_systems_sql
             : costs ? select_systems_v5_sql : select_systems_v3_sql;
    case STORE_STEPS:
      return costs ? select_steps_sql : select_steps_v3_sql;
    case STORE_SCENARIOS:
      return select_scenarios_sql;
    case STORE_OVERRIDES:
      return version >= 3 ? select_overrides_sql : select_overrides_v2_sql;
    case STORE_ADDED_STEPS:
      /* Versions 1 and 2 have no added steps: the caller does not ask. */
      return costs ? select_added_steps_sql : select_added_steps_v3_sql;
    case STORE_N_TABLES:
    default:
      g_assert_not_reached ();
    }
}
