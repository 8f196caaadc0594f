/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-file-store.h"
#include "ikou-plan-file.h"
#include "ikou-window-private.h"

/* Plans in and out of the window: opening (an .ikou plan is locked while
 * open, ikou-window-shared.c), importing other formats, saving. */

/* Whether saving goes back to @file: only an .ikou plan (by content:
 * a renamed file still is one); anything imported is saved as .ikou. */
static gboolean
is_native_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path != NULL && ikou_plan_file_sniff (path, NULL) == IKOU_PLAN_FILE_NATIVE;
}

IkouPlan *
_ikou_window_read_plan (GFile   *file,
                        GError **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("“%s” is not a local file; copy it to this computer first"), uri);
      return NULL;
    }

  return ikou_plan_file_load (path, error);
}

gboolean
ikou_window_load_file (IkouWindow  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(IkouPlan) plan = NULL;

  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->plan != NULL)
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                           _("This window already shows a plan"));
      return FALSE;
    }

  /* A plan saved back to its file: locked while open. */
  if (is_native_file (file))
    return _ikou_window_shared_load (self, file, error);

  plan = _ikou_window_read_plan (file, error);
  if (plan == NULL)
    return FALSE;

  /* XML is interchange: the document it becomes is saved as .ikou. */
  ikou_window_set_document (self, plan, is_native_file (file) ? file : NULL, FALSE);
  return TRUE;
}

void
ikou_window_open (IkouWindow *self,
                  GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  IkouWindow *target = self;

  g_return_if_fail (IKOU_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (is_native_file (file))
    {
      _ikou_window_shared_open (self, file);
      return;
    }

  plan = _ikou_window_read_plan (file, &error);
  if (plan == NULL)
    {
      _ikou_window_show_error (self, _("Could Not Open the Plan"), error);
      return;
    }

  if (self->plan != NULL && self->context != NULL)
    target = ikou_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->context);

  ikou_window_set_document (target, plan, is_native_file (file) ? file : NULL, FALSE);
  if (self->context != NULL)
    ikou_context_add_recent (self->context, file);
  gtk_window_present (GTK_WINDOW (target));
}

/* Imports a plan from another format (Ikou XML, a table, a project
 * file): a new, unsaved document; what could not be read is said. */
void
ikou_window_import (IkouWindow *self,
                    GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *path = NULL;
  IkouWindow *target = self;

  g_return_if_fail (IKOU_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, IKOU_ERROR, IKOU_ERROR_IO, _("Choose a folder on this computer"));
  else
    plan = ikou_plan_file_import (path, &warnings, &error);
  if (plan == NULL)
    {
      _ikou_window_show_error (self, _("Could Not Import the Plan"), error);
      return;
    }

  if (self->plan != NULL && self->context != NULL)
    target = ikou_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->context);
  /* Saving asks where: the imported file is never written back. */
  ikou_window_set_document (target, plan, NULL, FALSE);
  gtk_window_present (GTK_WINDOW (target));

  if (warnings != NULL && warnings[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", warnings);
      g_autoptr(GError) note = g_error_new_literal (IKOU_ERROR, IKOU_ERROR_INVALID_INPUT, joined);

      _ikou_window_show_error (target, _("Imported, With Notes"), note);
    }
}

gboolean
ikou_window_save_to_file (IkouWindow  *self,
                          GFile       *file,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->plan != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("“%s” is not a local file; save to a folder on this computer"), uri);
      return FALSE;
    }

  if (!_ikou_window_shared_check_target (self, file, error))
    return FALSE;
  /* Back to its own file through its own store, which knows what was
   * opened: never over what someone else saved meanwhile. */
  if (ikou_window_get_file (self) != NULL && g_file_equal (ikou_window_get_file (self), file))
    {
      if (!ikou_document_save (self->document, NULL, error))
        return FALSE;
    }
  else
    {
      g_autoptr(IkouFileStore) store = ikou_file_store_new (file);

      if (!ikou_document_save (self->document, IKOU_PLAN_STORE (store), error))
        return FALSE;
    }
  _ikou_window_shared_saved (self, file);

  self->recovered = FALSE;
  ikou_history_set_clean (self->history);
  _ikou_window_remove_recovery (self);

  if (self->context != NULL)
    ikou_context_add_recent (self->context, file);

  _ikou_window_update_title (self);
  _ikou_window_actions_update (self);
  return TRUE;
}
