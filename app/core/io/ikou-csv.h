/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"
#include "ikou-schedule.h"

G_BEGIN_DECLS

/* The largest CSV file read (bytes). */
#define IKOU_CSV_MAX_SIZE (256 * 1024 * 1024)

/*
 * The plan as CSV (the table of ikou-table.h), as Excel reads and writes
 * it.  Reading takes UTF-8 with or without a byte order mark, UTF-16 with
 * one, and Shift_JIS/CP932 (what Excel on Japanese Windows saves),
 * detected from the content; CRLF, LF or CR line ends; commas or tabs;
 * RFC 4180 quoting (commas, quotes and line breaks inside quotes).
 * Every problem is reported as "file:row:column: reason", all of them in
 * one IKOU_ERROR_INVALID_INPUT, and then no plan is returned.  Rows are
 * numbered as a spreadsheet shows them: the header is row 1, and a line
 * break inside quotes does not start a new row.
 *
 * Writing gives UTF-8 with a byte order mark and CRLF line ends, so that
 * Japanese Excel opens it without mojibake, and ISO dates (2025-04-01).
 *
 * @schedule names the operations; NULL loads the default one.  @warnings
 * (may be NULL) receives the warnings (unknown columns), NULL-terminated.
 */
IkouPlan *ikou_csv_read_file  (const char    *path,
                               IkouSchedule  *schedule,
                               char        ***warnings,
                               GError       **error);
IkouPlan *ikou_csv_read_data  (const char    *data,
                               gsize          length,
                               const char    *display_name,
                               IkouSchedule  *schedule,
                               char        ***warnings,
                               GError       **error);
char     *ikou_csv_write_data (IkouPlan      *plan,
                               IkouSchedule  *schedule,
                               gsize         *length);
/* Atomic: a temporary file renamed over @path. */
gboolean  ikou_csv_write_file (IkouPlan      *plan,
                               IkouSchedule  *schedule,
                               const char    *path,
                               GError       **error);
/* Whether @data (the first bytes of a file) starts like a plan table: a
 * first line naming at least one known column. */
gboolean  ikou_csv_sniff      (const char    *data,
                               gsize          length);

G_END_DECLS
