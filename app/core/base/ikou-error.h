/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKOU_ERROR (ikou_error_quark ())

/* Errors a user can cause.  The message is always a sentence that says
 * what is wrong and where (file, line, row), in the user's language. */
typedef enum
{
  IKOU_ERROR_INVALID_DATE,     /* text that is not a date, or an impossible one */
  IKOU_ERROR_INVALID_INPUT,    /* a value of the wrong form (unknown id, bad number, …) */
  IKOU_ERROR_NOT_A_PLAN,       /* a file that is not an Ikou plan */
  IKOU_ERROR_NEWER_VERSION,    /* a plan or schedule from a newer Ikou */
  IKOU_ERROR_CORRUPT,          /* a damaged or truncated file */
  IKOU_ERROR_INVALID_SCHEDULE, /* a national schedule file that fails its schema */
  IKOU_ERROR_NOT_FOUND,        /* a scenario, system or file that does not exist */
  IKOU_ERROR_IO,               /* could not read or write a file */
  IKOU_ERROR_INVALID_OPTION,   /* a command-line option with a wrong value */
  IKOU_ERROR_LOCKED,           /* someone else has the plan open (ikou-lock) */
  IKOU_ERROR_CHANGED_ON_DISK,  /* the file changed since it was opened (ikou-file-stamp) */
  IKOU_ERROR_CHECKSUM,         /* an .ikou whose content does not match its checksum */
} IkouErrorCode;

GQuark ikou_error_quark (void);

G_END_DECLS
