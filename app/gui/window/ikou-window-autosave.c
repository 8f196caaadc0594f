/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-error.h"
#include "ikou-file.h"
#include "ikou-store.h"
#include "ikou-window-private.h"

/* Autosave and recovery: a dirty document is copied to the recovery
 * folder this long after the last change, and at least this often while
 * changes keep coming. */
#define AUTOSAVE_DEBOUNCE_MS 2000
#define AUTOSAVE_PERIOD_S    60

static char *
recovery_path (IkouWindow *self,
               const char *suffix)
{
  g_autofree char *dir = ikou_context_get_recovery_dir ();
  g_autofree char *name = g_strconcat (self->recovery_id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
ensure_recovery_id (IkouWindow *self)
{
  static guint counter;

  if (self->recovery_id != NULL)
    return;

  self->recovery_id = g_strdup_printf ("plan-%d-%" G_GINT64_FORMAT "-%u", (int) getpid (),
                                       g_get_real_time () / G_USEC_PER_SEC, ++counter);
}

gboolean
ikou_window_autosave (IkouWindow  *self,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *boot_id = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;

  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);

  if (self->plan == NULL || !ikou_window_get_dirty (self))
    return TRUE;

  ensure_recovery_id (self);
  dir = ikou_context_get_recovery_dir ();
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  path = recovery_path (self, ".ikou");
  if (!ikou_store_save (self->plan, path, error))
    return FALSE;

  /* Who the copy belongs to, so a running Ikou never offers another
   * running Ikou's copy, and what it is a copy of. */
  keyfile = g_key_file_new ();
  g_key_file_set_int64 (keyfile, "Recovery", "pid", getpid ());
  boot_id = ikou_file_get_boot_id ();
  if (boot_id != NULL)
    g_key_file_set_string (keyfile, "Recovery", "boot-id", boot_id);
  if (ikou_document_get_file (self->document) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (ikou_document_get_file (self->document));
      g_key_file_set_string (keyfile, "Recovery", "uri", uri);
    }
  if (ikou_plan_get_title (self->plan) != NULL)
    g_key_file_set_string (keyfile, "Recovery", "title", ikou_plan_get_title (self->plan));
  g_key_file_set_int64 (keyfile, "Recovery", "saved", g_get_real_time () / G_USEC_PER_SEC);

  info_path = recovery_path (self, ".ini");
  if (!g_key_file_save_to_file (keyfile, info_path, error))
    return FALSE;

  self->autosaved_serial = ikou_document_get_change_serial (self->document);
  return TRUE;
}

void
_ikou_window_remove_recovery (IkouWindow *self)
{
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;

  g_clear_handle_id (&self->autosave_debounce_id, g_source_remove);

  if (self->recovery_id == NULL)
    return;

  path = recovery_path (self, ".ikou");
  info_path = recovery_path (self, ".ini");
  g_remove (path);
  g_remove (info_path);
  if (self->document != NULL)
    self->autosaved_serial = ikou_document_get_change_serial (self->document);
}

static void
autosave_now (IkouWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL ||
      self->autosaved_serial == ikou_document_get_change_serial (self->document))
    return;

  if (!ikou_window_autosave (self, &error))
    g_warning ("Could not write the recovery copy: %s", error->message);
}

static gboolean
autosave_debounce_cb (gpointer user_data)
{
  IkouWindow *self = user_data;

  self->autosave_debounce_id = 0;
  autosave_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
autosave_periodic_cb (gpointer user_data)
{
  autosave_now (user_data);
  return G_SOURCE_CONTINUE;
}

void
_ikou_window_autosave_init (IkouWindow *self)
{
  self->autosave_periodic_id = g_timeout_add_seconds (AUTOSAVE_PERIOD_S, autosave_periodic_cb, self);
}

void
_ikou_window_autosave_queue (IkouWindow *self)
{
  g_clear_handle_id (&self->autosave_debounce_id, g_source_remove);
  self->autosave_debounce_id = g_timeout_add (AUTOSAVE_DEBOUNCE_MS, autosave_debounce_cb, self);
}
