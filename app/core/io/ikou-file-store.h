/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan-store.h"
#include "ikou-store.h"

G_BEGIN_DECLS

#define IKOU_TYPE_FILE_STORE (ikou_file_store_get_type ())
G_DECLARE_FINAL_TYPE (IkouFileStore, ikou_file_store, IKOU, FILE_STORE, GObject)

/* A plan in a file: read by content (.ikou or Ikou XML, see
 * ikou-plan-file.h), written by its name (*.xml as XML, else .ikou). */
IkouFileStore *ikou_file_store_new      (GFile         *file);
IkouFileStore *ikou_file_store_new_for_path (const char *path);
GFile         *ikou_file_store_get_file (IkouFileStore *self);
/* How a .ikou file is read (ikou_store_load_full()): the window opens a
 * plan whose checksum does not match read-only with
 * IKOU_STORE_LOAD_IGNORE_CHECKSUM. */
void           ikou_file_store_set_load_flags (IkouFileStore      *self,
                                               IkouStoreLoadFlags  flags);
/* Whether the file is no longer what was last loaded or saved through
 * this store (someone else saved it).  FALSE before any load or save. */
gboolean       ikou_file_store_changed_on_disk (IkouFileStore *self);
/* The next save writes over whatever the file is then ("overwrite"). */
void           ikou_file_store_forget_stamp   (IkouFileStore *self);

G_END_DECLS
