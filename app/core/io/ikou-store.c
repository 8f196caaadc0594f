/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-atomic-file.h"
#include "ikou-error.h"
#include "ikou-file.h"
#include "ikou-limits.h"
#include "ikou-store-private.h"

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
 *   "costs" below, so another schema change can be numbered around it.
 * - After the deadline (version 6, IKOU_STORE_VERSION_TRANSITIONAL): five
 *   columns more at the end of systems (the classified 特定移行支援 reason
 *   and the 経過措置); older files read them as NULL / 0 (the selects
 *   named *_v5_sql).  Marked "transitional" below. */
/*
 * The files: ikou-store-schema.c holds the tables of every version,
 * ikou-store-reader.c turns rows into the plan, ikou-store-writer.c the
 * plan into rows (and saves); this one opens and checks a file, holds the
 * error messages they share and the checksum. */

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

gboolean
store_set_corrupt (GError     **error,
                   const char  *display)
{
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
               _("“%s” is damaged or incomplete and cannot be opened."), display);
  return FALSE;
}

/* An SQLite failure while reading. */
gboolean
store_set_read_error (GError     **error,
                      const char  *display,
                      sqlite3     *db,
                      int          rc)
{
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  if (is_corruption (rc))
    return store_set_corrupt (error, display);

  g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not read “%s”: %s"), display,
               sys_errno != 0 ? g_strerror (sys_errno)
               : (rc & 0xff) == SQLITE_IOERR ? _("the file could not be read")
               : sqlite3_errstr (rc));
  return FALSE;
}

/* An SQLite failure while saving. */
gboolean
store_set_write_error (GError     **error,
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
/* The checksum ---------------------------------------------------------- */

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
int
store_compute_checksum (sqlite3  *db,
                        char    **out)
{
  RowSums sums = { { 0, 0 } };

  /* Every table but the checksum's own. */
  for (guint t = 0; t < STORE_N_TABLES; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", store_table_name (t));
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
  rc = store_compute_checksum (db, &actual);
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
    return store_set_corrupt (error, display);

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
    return store_set_read_error (error, display, db, rc);
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
    return store_set_corrupt (error, display);

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
    return store_set_read_error (error, display, db, rc);

  *out_version = version;
  return TRUE;
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
      store_set_read_error (error, display, db, rc);
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
    store_set_read_error (error, display, db, rc);
  else if (check_database (db, display, &version, error) &&
           (version < IKOU_STORE_VERSION_CHECKSUM ||
            (flags & IKOU_STORE_LOAD_IGNORE_CHECKSUM) ||
            verify_checksum (db, display, error)))
    plan = store_read_document (db, version, display, error);

  sqlite3_close (db); /* also ends the read transaction */
  return plan;
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
    rc = store_compute_checksum (db, &value);
  if (rc != SQLITE_OK)
    {
      store_set_read_error (error, display, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_close (db);
  return value;
}
