/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan-store.h"

G_BEGIN_DECLS

#define IKOU_TYPE_FILE_STORE (ikou_file_store_get_type ())
G_DECLARE_FINAL_TYPE (IkouFileStore, ikou_file_store, IKOU, FILE_STORE, GObject)

/* A plan in a file: read by content (.ikou or Ikou XML, see
 * ikou-plan-file.h), written by its name (*.xml as XML, else .ikou). */
IkouFileStore *ikou_file_store_new      (GFile         *file);
IkouFileStore *ikou_file_store_new_for_path (const char *path);
GFile         *ikou_file_store_get_file (IkouFileStore *self);

G_END_DECLS
