/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-table.h"

G_BEGIN_DECLS

/* The plan table inside, for its own files only: ikou-table.c (the
 * columns, their headers, the words of values, what the containers
 * share), ikou-table-cells.c (what a cell of the row being read says),
 * ikou-table-reader.c (rows into a plan) and ikou-table-writer.c (a plan
 * into rows). */

/* The labels written into files: fixed Japanese, whatever the locale;
 * the English ones are read too. */
extern const char * const table_host_kind_labels[IKOU_N_HOST_KINDS];
extern const char * const table_host_kind_labels_en[IKOU_N_HOST_KINDS];
extern const char * const table_status_labels[IKOU_N_STATUSES];
extern const char * const table_status_labels_en[IKOU_N_STATUSES];
extern const char * const table_arrangement_labels[IKOU_N_ARRANGEMENTS];
extern const char * const table_arrangement_labels_en[IKOU_N_ARRANGEMENTS];
extern const char * const table_tokutei_reason_labels[IKOU_N_TOKUTEI_REASONS];
extern const char * const table_tokutei_reason_labels_en[IKOU_N_TOKUTEI_REASONS];
extern const char * const table_milestone_labels[IKOU_N_MILESTONES];
extern const char * const table_milestone_labels_en[IKOU_N_MILESTONES];

/* A key for comparing what planners type (NFKC, case folded, without
 * spaces and separators); NULL for text that is not UTF-8. */
G_GNUC_INTERNAL
char     *table_fold_key         (const char      *text);

/* Reading ------------------------------------------------------------ */

struct _IkouTableReader
{
  char         *display_name;
  IkouSchedule *schedule;
  GHashTable   *operations;   /* table_fold_key → operation id */
  int          *column_of;    /* per cell index */
  char        **header_text;  /* per cell index, as written */
  guint         n_cells;
  int           index_of[IKOU_TABLE_N_COLUMNS];
  gboolean      has_header;
  GArray       *problems;     /* Problem, the first MAX_KEPT_PROBLEMS */
  guint         n_problems;
  GPtrArray    *warnings;     /* char * */
  GPtrArray    *hosts;        /* HostRec */
  GHashTable   *host_index;   /* name → index + 1 */
  GPtrArray    *systems;      /* SystemRec */
  GHashTable   *system_index; /* key → SystemRec */
  /* The row being read. */
  guint         row;
  const char  **cells;
  guint         n_row_cells;
};

/* A problem with the current row's cell of @column (ikou-table-reader.c). */
G_GNUC_INTERNAL
void      table_problem          (IkouTableReader *self,
                                  IkouTableColumn  column,
                                  const char      *format,
                                  ...) G_GNUC_PRINTF (3, 4);

/* The cells (ikou-table-cells.c).  A cell's text without the spaces
 * around it; a text as a message shows it (valid UTF-8, one line, not
 * too long). */
G_GNUC_INTERNAL
char     *table_strip_cell       (const char      *text);
G_GNUC_INTERNAL
char     *table_shown_text       (const char      *text);
/* Fills @self->operations from its schedule. */
G_GNUC_INTERNAL
void      table_index_operations (IkouTableReader *self);
/* The current row's cell of @column, stripped ("" when absent). */
G_GNUC_INTERNAL
char     *table_cell             (IkouTableReader *self,
                                  IkouTableColumn  column);
/* The value of a cell's @text; FALSE after a problem with it.  An empty
 * text is no value (FALSE, IKOU_DAY_NONE, -1, no milestone, NULL). */
G_GNUC_INTERNAL
gboolean  table_parse_flag       (IkouTableReader *self,
                                  IkouTableColumn  column,
                                  const char      *text,
                                  gboolean        *out);
G_GNUC_INTERNAL
gboolean  table_parse_day        (IkouTableReader *self,
                                  IkouTableColumn  column,
                                  const char      *text,
                                  IkouDay         *out);
G_GNUC_INTERNAL
gboolean  table_parse_amount     (IkouTableReader *self,
                                  IkouTableColumn  column,
                                  const char      *text,
                                  gint64          *out);
/* One of @n values by their labels or ids (@to_string). */
G_GNUC_INTERNAL
gboolean  table_parse_choice     (IkouTableReader    *self,
                                  IkouTableColumn     column,
                                  const char         *text,
                                  const char * const *labels,
                                  const char * const *labels_en,
                                  const char       *(*to_string) (int),
                                  int                 n,
                                  int                *out);
G_GNUC_INTERNAL
gboolean  table_parse_host_kind  (IkouTableReader *self,
                                  IkouTableColumn  column,
                                  const char      *text,
                                  int             *out);
/* The milestones done, as IKOU_MILESTONE_FLAG()s. */
G_GNUC_INTERNAL
gboolean  table_parse_done       (IkouTableReader *self,
                                  IkouTableColumn  column,
                                  const char      *text,
                                  guint           *out);
/* An operation's id, by any form of its name. */
G_GNUC_INTERNAL
gboolean  table_parse_operation  (IkouTableReader *self,
                                  const char      *text,
                                  char           **out);

G_END_DECLS
