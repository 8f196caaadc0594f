/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers shared by the core tests. */

/* How many entries a folder has (hidden ones too). */
guint ikou_test_count_entries (const char *dir_path);
/* Removes a folder of plain files (asserting each removal). */
void  ikou_test_remove_tree   (const char *dir_path);

G_END_DECLS
