/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-file-store.h"
#include "ikou-plan-file.h"

struct _IkouFileStore
{
  GObject        parent_instance;
  GFile         *file;
  IkouFileStamp *stamp;  /* the file as last loaded or saved: not saved over when changed */
};

static void plan_store_iface_init (IkouPlanStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IkouFileStore, ikou_file_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (IKOU_TYPE_PLAN_STORE,
                                                      plan_store_iface_init))

static void
ikou_file_store_finalize (GObject *object)
{
  IkouFileStore *self = IKOU_FILE_STORE (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->stamp, ikou_file_stamp_free);

  G_OBJECT_CLASS (ikou_file_store_parent_class)->finalize (object);
}

static void
ikou_file_store_class_init (IkouFileStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_file_store_finalize;
}

static void
ikou_file_store_init (IkouFileStore *self)
{
}

/* Plans are local or mounted files (a Windows share is mounted): GIO
 * URIs without a path are refused with a sentence, not a crash. */
static char *
file_path (IkouFileStore  *self,
           GError        **error)
{
  char *path = g_file_get_path (self->file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("“%s” is not a local file; mount the share first."), uri);
    }
  return path;
}

static IkouPlan *
file_store_load (IkouPlanStore  *store,
                 GError        **error)
{
  IkouFileStore *self = IKOU_FILE_STORE (store);
  g_autofree char *path = file_path (self, error);
  IkouPlan *plan;

  if (path == NULL)
    return NULL;
  /* Stamped before it is read: a change meanwhile is found on saving. */
  g_clear_pointer (&self->stamp, ikou_file_stamp_free);
  self->stamp = ikou_file_stamp_new (path, NULL);
  plan = ikou_plan_file_load (path, error);
  if (plan == NULL)
    g_clear_pointer (&self->stamp, ikou_file_stamp_free);
  return plan;
}

static gboolean
file_store_save (IkouPlanStore  *store,
                 IkouPlan       *plan,
                 GError        **error)
{
  IkouFileStore *self = IKOU_FILE_STORE (store);
  g_autofree char *path = file_path (self, error);

  /* Never silently over what someone else saved since. */
  if (path == NULL || !ikou_plan_file_save_checked (plan, path, self->stamp, error))
    return FALSE;
  g_clear_pointer (&self->stamp, ikou_file_stamp_free);
  self->stamp = ikou_file_stamp_new (path, NULL);
  return TRUE;
}

static char *
file_store_get_display_name (IkouPlanStore *store)
{
  g_autofree char *base = g_file_get_basename (IKOU_FILE_STORE (store)->file);

  return g_filename_display_name (base);
}

static GFile *
file_store_get_file (IkouPlanStore *store)
{
  return IKOU_FILE_STORE (store)->file;
}

static void
plan_store_iface_init (IkouPlanStoreInterface *iface)
{
  iface->load = file_store_load;
  iface->save = file_store_save;
  iface->get_display_name = file_store_get_display_name;
  iface->get_file = file_store_get_file;
}

IkouFileStore *
ikou_file_store_new (GFile *file)
{
  IkouFileStore *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (IKOU_TYPE_FILE_STORE, NULL);
  self->file = g_object_ref (file);
  return self;
}

IkouFileStore *
ikou_file_store_new_for_path (const char *path)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  return ikou_file_store_new (file);
}

GFile *
ikou_file_store_get_file (IkouFileStore *self)
{
  g_return_val_if_fail (IKOU_IS_FILE_STORE (self), NULL);
  return self->file;
}
