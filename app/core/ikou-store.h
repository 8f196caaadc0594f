/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"

G_BEGIN_DECLS

/* The schema version written to PRAGMA user_version. */
#define IKOU_STORE_VERSION 1

/* Reads a native .ikou (SQLite) plan.  A non-SQLite file, a database that
 * is not an Ikou plan, a plan from a newer version or a damaged file is
 * an IKOU_ERROR with a sentence naming the file; nothing is changed. */
IkouPlan *ikou_store_load (const char  *path,
                           GError     **error);
/* Writes @plan to @path atomically: into a temporary file beside it, in
 * one transaction, then renamed over @path.  A crash mid-save leaves the
 * old file intact. */
gboolean  ikou_store_save (IkouPlan    *plan,
                           const char  *path,
                           GError     **error);

G_END_DECLS
