/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ikou-store.h"

G_BEGIN_DECLS

/* The .ikou store inside, for its own files only: ikou-store.c (opening
 * and checking a file, errors, the checksum), ikou-store-schema.c (the
 * tables of every version: what a save creates, what a load selects),
 * ikou-store-reader.c (rows into the plan) and ikou-store-writer.c (the
 * plan into rows, the atomic save). */

/* 'IKOU' in ASCII. */
#define IKOU_STORE_APPLICATION_ID 0x494B4F55

#define IKOU_STORE_ALL_DONE_BITS (IKOU_MILESTONE_FLAG (IKOU_N_MILESTONES) - 1)

/* The tables, in the order a load reads them. */
typedef enum
{
  STORE_PLAN,
  STORE_HOSTS,
  STORE_SYSTEMS,
  STORE_STEPS,
  STORE_SCENARIOS,
  STORE_OVERRIDES,
  STORE_ADDED_STEPS,
  STORE_N_TABLES
} StoreTable;

/* ikou-store-schema.c: the tables of a save (IKOU_STORE_VERSION), and
 * one INSERT per table but plan's, its columns in the order of the
 * table. */
extern const char store_schema_sql[];
extern const char store_insert_plan_sql[];
extern const char store_insert_host_sql[];
extern const char store_insert_system_sql[];
extern const char store_insert_step_sql[];
extern const char store_insert_scenario_sql[];
extern const char store_insert_override_sql[];
extern const char store_insert_added_step_sql[];

/* The SELECT a load runs on @table of a file of @version: the columns of
 * the current version in its order, those an older version did not have
 * as NULL (or their default).  The row id is always column 0. */
G_GNUC_INTERNAL
const char *store_select_sql   (StoreTable   table,
                                int          version);
G_GNUC_INTERNAL
const char *store_table_name   (StoreTable   table);

/* ikou-store.c */
G_GNUC_INTERNAL
gboolean  store_set_corrupt     (GError     **error,
                                 const char  *display);
G_GNUC_INTERNAL
gboolean  store_set_read_error  (GError     **error,
                                 const char  *display,
                                 sqlite3     *db,
                                 int          rc);
G_GNUC_INTERNAL
gboolean  store_set_write_error (GError     **error,
                                 const char  *display,
                                 sqlite3     *db,
                                 int          rc);
/* The checksum of every row of the covered tables, as 32 hex digits. */
G_GNUC_INTERNAL
int       store_compute_checksum (sqlite3  *db,
                                  char    **out);

/* ikou-store-reader.c: the plan of an open, checked file of @version. */
G_GNUC_INTERNAL
IkouPlan *store_read_document   (sqlite3     *db,
                                 int          version,
                                 const char  *display,
                                 GError     **error);

G_END_DECLS
