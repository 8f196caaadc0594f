/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-plan-file.h"
#include "ikou-error.h"
#include "ikou-shared-plan.h"

struct _IkouSharedPlan
{
  char          *path;
  IkouLock      *lock;   /* NULL when read-only */
  IkouFileStamp *stamp;  /* what was opened or last saved */
  gboolean       read_only;
};

IkouSharedPlan *
ikou_shared_plan_open (const char         *path,
                     IkouSharedPlanFlags   flags,
                     IkouPlan          **out_plan,
                     IkouLockOwner     **out_owner,
                     GError            **error)
{
  g_autoptr(IkouSharedPlan) self = NULL;
  g_autoptr(IkouPlan) plan = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (out_plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (IkouSharedPlan, 1);
  self->path = g_strdup (path);
  self->read_only = (flags & IKOU_SHARED_PLAN_READ_ONLY) != 0;

  if (!self->read_only)
    {
      self->lock = ikou_lock_acquire (path, (flags & IKOU_SHARED_PLAN_FORCE) != 0,
                                      out_owner, error);
      if (self->lock == NULL)
        return NULL;
    }

  /* Stamped before it is read; read again if it changed meanwhile. */
  for (guint round = 0; ; round++)
    {
      g_clear_pointer (&self->stamp, ikou_file_stamp_free);
      g_clear_object (&plan);
      self->stamp = ikou_file_stamp_new (path, error);
      if (self->stamp == NULL)
        return NULL;
      plan = ikou_plan_file_load (path, error);
      if (plan == NULL)
        return NULL;
      if (round == 2 || ikou_file_stamp_unchanged (self->stamp, path))
        break;
    }

  *out_plan = g_steal_pointer (&plan);
  return g_steal_pointer (&self);
}

const char *
ikou_shared_plan_get_path (IkouSharedPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
ikou_shared_plan_is_read_only (IkouSharedPlan *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->read_only;
}

gboolean
ikou_shared_plan_changed_on_disk (IkouSharedPlan *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !ikou_file_stamp_unchanged (self->stamp, self->path);
}

gboolean
ikou_shared_plan_save (IkouSharedPlan  *self,
                     IkouPlan      *plan,
                     gboolean       force,
                     GError       **error)
{
  g_autofree char *display = NULL;
  IkouFileStamp *stamp;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (self->path);
  if (self->read_only)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED,
                   _("“%s” was opened read-only. Save it under another name."), display);
      return FALSE;
    }
  if (!force && !ikou_lock_is_held (self->lock))
    {
      g_autoptr(IkouLockOwner) owner = ikou_lock_query (self->path);
      g_autofree char *who = owner != NULL ? ikou_lock_owner_describe (owner) : NULL;

      if (who != NULL)
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED,
                       _("“%s” is open by %s. Open it read-only, or ask them to close it."),
                       display, who);
          return FALSE;
        }
    }

  if (!ikou_plan_file_save_checked (plan, self->path, force ? NULL : self->stamp, error))
    return FALSE;

  /* What is there now is ours: the reference for the next save. */
  stamp = ikou_file_stamp_new (self->path, NULL);
  if (stamp != NULL)
    {
      ikou_file_stamp_free (self->stamp);
      self->stamp = stamp;
    }
  return TRUE;
}

void
ikou_shared_plan_refresh_lock (IkouSharedPlan *self)
{
  g_return_if_fail (self != NULL);

  if (self->lock != NULL)
    ikou_lock_refresh (self->lock);
}

void
ikou_shared_plan_close (IkouSharedPlan *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->lock, ikou_lock_release);
  g_clear_pointer (&self->stamp, ikou_file_stamp_free);
  g_free (self->path);
  g_free (self);
}
