/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-file-store.h"
#include "ikou-lock.h"
#include "ikou-plan-file.h"
#include "ikou-system-editor.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"

/* A plan on a shared folder, as the window sees it (ikou-lock,
 * ikou-file-stamp through IkouFileStore):
 *
 * - opening takes the lock beside the plan; when another planner has it,
 *   a dialog says who and since when and offers to open it read-only or
 *   anyway; the lock is released when the window closes;
 * - a plan whose checksum does not match opens read-only, if asked;
 * - read-only, the window says so (banner, title) and every edit and
 *   Save are disabled; Save As still works and makes the copy editable;
 * - a save finds a plan someone else saved meanwhile and offers to save
 *   as another file, reload or overwrite; the window also notices such a
 *   change while open (a file monitor, and a look when it gets focus)
 *   and offers to reload. */

/* The lock is touched this often so it never looks stale (12 hours). */
#define LOCK_REFRESH_SECONDS (10 * 60)
/* Events of one save come in bursts: looked at once, after them. */
#define CHECK_DELAY_MS 300

struct _IkouWindowShared
{
  IkouLock     *lock;        /* NULL when read-only or not a file */
  gboolean      read_only;
  char         *reason;      /* the banner's sentence while read-only */
  gboolean      changed;     /* the file changed on disk since opened or saved */
  GFile        *file;        /* the file locked and watched, or NULL */
  GFileMonitor *monitor;
  guint         check_id;
  guint         refresh_id;
  GtkRevealer  *banner;
  GtkLabel     *banner_label;
  GtkWidget    *reload_button;
  GtkWidget    *save_as_button;
};

typedef enum
{
  OPEN_NORMAL,
  OPEN_ANYWAY,
  OPEN_READ_ONLY,
  OPEN_READ_ONLY_DAMAGED,
} OpenMode;

/* An open waiting for the planner's answer. */
typedef struct
{
  IkouWindow    *self;
  GFile         *file;
  char          *path;
  IkouLockOwner *owner;   /* who has it, when a dialog said so */
} OpenRequest;

static void
open_request_free (OpenRequest *req)
{
  g_object_unref (req->self);
  g_object_unref (req->file);
  g_free (req->path);
  g_clear_pointer (&req->owner, ikou_lock_owner_free);
  g_free (req);
}

/* "yamada", "PC-12", "2026-12-02 09:14" (local time). */
static char *
format_since (const IkouLockOwner *owner)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (owner->since);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

static char *
describe_owner (const IkouLockOwner *owner)
{
  g_autofree char *since = format_since (owner);

  /* Translators: who has a plan open: user, machine, since (date and time) */
  return g_strdup_printf (_("%s on %s since %s"), owner->user ? owner->user : "?",
                          owner->host ? owner->host : "?", since);
}

static IkouFileStore *
file_store (IkouWindow *self)
{
  IkouPlanStore *store = self->document != NULL ? ikou_document_get_store (self->document) : NULL;

  return IKOU_IS_FILE_STORE (store) ? IKOU_FILE_STORE (store) : NULL;
}

/* Banner and read-only state */

static GtkWidget *
banner_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* Made the first time it is shown: most windows never need it, and
 * their layout stays as it is. */
static void
ensure_banner (IkouWindow *self)
{
  IkouWindowShared *sh = self->shared;
  GtkWidget *box;

  if (sh->banner != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "ikou-banner");
  sh->banner_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (sh->banner_label, TRUE);
  gtk_label_set_xalign (sh->banner_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (sh->banner_label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (sh->banner_label));
  sh->reload_button = banner_button (_("_Reload"), "win.reload");
  gtk_widget_add_css_class (sh->reload_button, "suggested-action");
  gtk_box_append (GTK_BOX (box), sh->reload_button);
  sh->save_as_button = banner_button (_("Save _As…"), "win.save-as");
  gtk_box_append (GTK_BOX (box), sh->save_as_button);

  sh->banner = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (sh->banner, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (sh->banner, box);
  /* Above the catch-up banner. */
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->catch_up_revealer))),
                              GTK_WIDGET (sh->banner), NULL);
}

static void
update_banner (IkouWindow *self)
{
  IkouWindowShared *sh = self->shared;
  g_autofree char *text = NULL;

  if (sh->changed)
    text = g_strdup (ikou_window_get_dirty (self)
                     ? _("Someone else saved this plan after you opened it. Reload it to see their changes (yours are discarded), or save yours as another file.")
                     : _("Someone else saved this plan after you opened it. Reload it to see their changes."));
  else if (sh->read_only)
    text = g_strdup (sh->reason);

  if (text == NULL && sh->banner == NULL)
    return;
  ensure_banner (self);
  gtk_label_set_label (sh->banner_label, text != NULL ? text : "");
  gtk_widget_set_visible (sh->reload_button, sh->changed);
  gtk_widget_set_visible (sh->save_as_button, sh->read_only || (sh->changed && ikou_window_get_dirty (self)));
  gtk_revealer_set_reveal_child (sh->banner, text != NULL);
}

gboolean
_ikou_window_shared_is_read_only (IkouWindow *self)
{
  return self->shared != NULL && self->shared->read_only;
}

void
_ikou_window_shared_actions_update (IkouWindow *self)
{
  static const char * const edits[] = {
    "win.save", "win.undo", "win.redo", "win.add-system", "win.duplicate-system",
    "win.delete-system", "win.edit-hosts", "win.catch-up", "win.new-scenario",
    "win.duplicate-scenario", "win.rename-scenario", "win.describe-scenario",
    "win.delete-scenario", "win.adopt-scenario",
  };
  gboolean read_only = _ikou_window_shared_is_read_only (self);

  if (self->timeline != NULL)
    ikou_timeline_set_read_only (IKOU_TIMELINE (self->timeline), read_only);
  if (self->system_editor != NULL)
    gtk_widget_set_sensitive (self->system_editor, !read_only);
  if (!read_only)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i], FALSE);
}

static gboolean
refresh_lock_cb (gpointer user_data)
{
  IkouWindow *self = user_data;

  if (self->shared->lock != NULL)
    ikou_lock_refresh (self->shared->lock);
  return G_SOURCE_CONTINUE;
}

/* Whether the file changed on disk since it was opened or saved here:
 * the banner offers to reload. */
void
_ikou_window_shared_check_disk (IkouWindow *self)
{
  IkouFileStore *store = file_store (self);
  gboolean changed = store != NULL && ikou_file_store_changed_on_disk (store);

  if (changed != self->shared->changed)
    {
      self->shared->changed = changed;
      update_banner (self);
    }
}

static gboolean
check_cb (gpointer user_data)
{
  IkouWindow *self = user_data;

  self->shared->check_id = 0;
  _ikou_window_shared_check_disk (self);
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    IkouWindow        *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  g_clear_handle_id (&self->shared->check_id, g_source_remove);
  self->shared->check_id = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

/* A share's changes may not reach the monitor: look when the planner
 * comes back to the window. */
static void
active_changed_cb (IkouWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    _ikou_window_shared_check_disk (self);
}

static void
watch_file (IkouWindow *self,
            GFile      *file)
{
  IkouWindowShared *sh = self->shared;

  if (sh->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (sh->monitor, self);
      g_file_monitor_cancel (sh->monitor);
      g_clear_object (&sh->monitor);
    }
  g_clear_handle_id (&sh->check_id, g_source_remove);
  g_set_object (&sh->file, file);
  if (file == NULL)
    return;

  sh->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (sh->monitor != NULL)
    g_signal_connect (sh->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

/* The window now shows the plan of @file (or none) with @lock (taken). */
static void
attach (IkouWindow *self,
        GFile      *file,
        IkouLock   *lock,
        gboolean    read_only,
        const char *reason)
{
  IkouWindowShared *sh = self->shared;

  g_clear_pointer (&sh->lock, ikou_lock_release);
  g_clear_handle_id (&sh->refresh_id, g_source_remove);
  sh->lock = lock;
  if (lock != NULL)
    sh->refresh_id = g_timeout_add_seconds (LOCK_REFRESH_SECONDS, refresh_lock_cb, self);
  sh->read_only = read_only;
  g_free (sh->reason);
  sh->reason = g_strdup (reason);
  sh->changed = FALSE;
  watch_file (self, file);

  update_banner (self);
  _ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

/* Opening */

static char *
locked_reason (const IkouLockOwner *owner)
{
  g_autofree char *who = describe_owner (owner);

  /* Translators: the read-only banner; %s is "yamada on PC-12 since 2026-12-02 09:14" */
  return g_strdup_printf (_("Read-only: this plan is open by %s. To make changes, save a copy with Save As…"), who);
}

static void open_continue (OpenRequest *req,
                           OpenMode     mode);

/* Only the question about a plan open elsewhere offers "anyway";
 * read-only means read-only despite the checksum in the other. */
static void
open_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         OpenRequest      *req)
{
  gboolean locked = adw_message_dialog_has_response (dialog, "anyway");

  if (g_strcmp0 (response, "read-only") == 0)
    open_continue (req, locked ? OPEN_READ_ONLY : OPEN_READ_ONLY_DAMAGED);
  else if (g_strcmp0 (response, "anyway") == 0)
    open_continue (req, OPEN_ANYWAY);
  else
    open_request_free (req);
}

/* The question asked before opening a plan someone else has open
 * (@anyway: read-only, anyway or cancel, read-only suggested) or that was
 * changed outside Ikou (read-only or cancel, cancel the default). */
static void
present_open_dialog (OpenRequest *req,
                     const char  *heading,
                     const char  *body,
                     gboolean     anyway)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (req->self), heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (anyway)
    {
      adw_message_dialog_add_response (dialog, "anyway", _("Open _Anyway"));
      adw_message_dialog_set_response_appearance (dialog, "anyway", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "read-only", _("Open _Read-Only"));
  if (anyway)
    adw_message_dialog_set_response_appearance (dialog, "read-only", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, anyway ? "read-only" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (open_dialog_response_cb), req);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Someone else has it open": who, since when; read-only, anyway, cancel. */
static void
show_lock_dialog (OpenRequest *req)
{
  g_autofree char *name = g_file_get_basename (req->file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *since = format_since (req->owner);
  g_autofree char *body = NULL;

  /* Translators: plan file, user, machine, since (date and time) */
  body = g_strdup_printf (_("“%s” is open by %s on %s since %s.\n\n"
                            "Open it read-only to look at it, or open it anyway if you are sure "
                            "they are not changing it: otherwise one of you may overwrite the "
                            "other's changes."),
                          display, req->owner->user ? req->owner->user : "?",
                          req->owner->host ? req->owner->host : "?", since);
  present_open_dialog (req, _("Plan Already Open"), body, TRUE);
}

/* "Changed or damaged outside Ikou": read-only or cancel. */
static void
show_damaged_dialog (OpenRequest  *req,
                     const GError *error)
{
  g_autofree char *body = NULL;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("Open it read-only to look at it and save a copy you have checked, or cancel."));
  present_open_dialog (req, _("Plan Changed Outside Ikou"), body, FALSE);
}

static void
open_continue (OpenRequest *req,
               OpenMode     mode)
{
  IkouWindow *self = req->self;
  g_autoptr(IkouLock) lock = NULL;
  g_autoptr(IkouFileStore) store = NULL;
  g_autoptr(IkouDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gboolean read_only = mode == OPEN_READ_ONLY || mode == OPEN_READ_ONLY_DAMAGED;
  IkouWindow *target = self;

  if (mode == OPEN_READ_ONLY && req->owner != NULL)
    reason = locked_reason (req->owner);

  if (!read_only)
    {
      g_clear_pointer (&req->owner, ikou_lock_owner_free);
      lock = ikou_lock_acquire (req->path, mode == OPEN_ANYWAY, &req->owner, &error);
      if (lock == NULL && g_error_matches (error, IKOU_ERROR, IKOU_ERROR_LOCKED) && req->owner != NULL)
        {
          /* Taken by someone else since the first look. */
          show_lock_dialog (req);
          return;
        }
      if (lock == NULL)
        {
          /* A lock nobody can read yet, or a folder this planner may only
           * read: the plan is still worth looking at. */
          read_only = TRUE;
          if (g_error_matches (error, IKOU_ERROR, IKOU_ERROR_LOCKED))
            /* Translators: the read-only banner; %s is a sentence saying who has the plan */
            reason = g_strdup_printf (_("Read-only: %s To make changes, save a copy with Save As…"),
                                      error->message);
          else
            /* Translators: the read-only banner; %s says why the lock could not be written */
            reason = g_strdup_printf (_("Read-only: Ikou cannot write in the plan's folder (%s). To make changes, save a copy with Save As…"),
                                      error->message);
          g_clear_error (&error);
        }
    }

  store = ikou_file_store_new (req->file);
  if (mode == OPEN_READ_ONLY_DAMAGED)
    {
      ikou_file_store_set_load_flags (store, IKOU_STORE_LOAD_IGNORE_CHECKSUM);
      g_free (reason);
      reason = g_strdup (_("Read-only: this plan was changed or damaged outside Ikou. Check it, then save a copy with Save As…"));
    }
  document = ikou_document_load (IKOU_PLAN_STORE (store), self->schedule, &error);
  if (document == NULL)
    {
      g_clear_pointer (&lock, ikou_lock_release);
      if (g_error_matches (error, IKOU_ERROR, IKOU_ERROR_CHECKSUM) && mode != OPEN_READ_ONLY_DAMAGED)
        show_damaged_dialog (req, error);
      else
        {
          _ikou_window_show_error (self, _("Could Not Open the Plan"), error);
          open_request_free (req);
        }
      return;
    }

  if (self->plan != NULL && self->context != NULL)
    target = ikou_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->context);
  ikou_window_take_document (target, g_steal_pointer (&document), FALSE);
  attach (target, req->file, g_steal_pointer (&lock), read_only, reason);
  if (self->context != NULL)
    ikou_context_add_recent (self->context, req->file);
  gtk_window_present (GTK_WINDOW (target));
  open_request_free (req);
}

/* A window of this Ikou that already shows @file. */
static IkouWindow *
window_showing (IkouWindow *self,
                GFile      *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (IKOU_IS_WINDOW (l->data) && ikou_window_get_file (l->data) != NULL &&
        g_file_equal (ikou_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

void
_ikou_window_shared_open (IkouWindow *self,
                          GFile      *file)
{
  OpenRequest *req;
  IkouWindow *showing = window_showing (self, file);

  /* Its own lock: another window here would take it over and drop it. */
  if (showing != NULL)
    {
      gtk_window_present (GTK_WINDOW (showing));
      return;
    }

  req = g_new0 (OpenRequest, 1);
  req->self = g_object_ref (self);
  req->file = g_object_ref (file);
  req->path = g_file_get_path (file);
  req->owner = ikou_lock_query (req->path);
  if (req->owner != NULL)
    show_lock_dialog (req);
  else
    open_continue (req, OPEN_NORMAL);
}

gboolean
_ikou_window_shared_load (IkouWindow  *self,
                          GFile       *file,
                          GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(IkouLock) lock = NULL;
  g_autoptr(IkouFileStore) store = NULL;
  IkouDocument *document;

  lock = ikou_lock_acquire (path, FALSE, NULL, error);
  if (lock == NULL)
    return FALSE;
  store = ikou_file_store_new (file);
  document = ikou_document_load (IKOU_PLAN_STORE (store), self->schedule, error);
  if (document == NULL)
    return FALSE;
  ikou_window_take_document (self, document, FALSE);
  attach (self, file, g_steal_pointer (&lock), FALSE, NULL);
  return TRUE;
}

void
_ikou_window_shared_adopt (IkouWindow *self,
                           GFile      *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(IkouLockOwner) owner = NULL;
  g_autofree char *reason = NULL;
  IkouLock *lock = NULL;

  if (path != NULL)
    lock = ikou_lock_acquire (path, FALSE, &owner, NULL);
  if (lock == NULL && owner != NULL)
    reason = locked_reason (owner);
  attach (self, file, lock, reason != NULL, reason);
}

/* Saving */

gboolean
_ikou_window_shared_check_target (IkouWindow  *self,
                                  GFile       *file,
                                  GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = NULL;
  g_autoptr(IkouLockOwner) owner = NULL;
  GFile *current = ikou_window_get_file (self);

  if (path == NULL)
    return TRUE;
  display = g_filename_display_name (path);
  if (current != NULL && g_file_equal (current, file))
    {
      if (self->shared->read_only)
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED,
                       _("“%s” was opened read-only. Save it under another name."), display);
          return FALSE;
        }
      /* Held (or forced away, which the save asks about), or a document
       * that never took it (a recovered copy): then as another file. */
      if (self->shared->lock != NULL)
        return TRUE;
    }

  /* Save As over a plan someone else has open. */
  owner = ikou_lock_query (path);
  if (owner != NULL)
    {
      g_autofree char *who = describe_owner (owner);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED,
                   _("“%s” is open by %s. Save under another name, or ask them to close it."),
                   display, who);
      return FALSE;
    }
  return TRUE;
}

void
_ikou_window_shared_saved (IkouWindow *self,
                           GFile      *file)
{
  IkouWindowShared *sh = self->shared;
  g_autofree char *path = g_file_get_path (file);
  IkouLock *lock = NULL;

  /* Saved as another file: its lock instead of the old one's; editable. */
  if (sh->read_only || sh->lock == NULL || sh->file == NULL || !g_file_equal (file, sh->file))
    {
      if (path != NULL)
        lock = ikou_lock_acquire (path, FALSE, NULL, NULL);
      attach (self, file, lock, FALSE, NULL);
      return;
    }
  sh->changed = FALSE;
  update_banner (self);
}

static void save_checked (IkouWindow *self,
                          gboolean    close_after);

static void
reload (IkouWindow *self)
{
  IkouPlanStore *store = ikou_document_get_store (self->document);
  g_autoptr(GError) error = NULL;
  IkouDocument *document;

  g_object_ref (store);
  document = ikou_document_load (store, self->schedule, &error);
  g_object_unref (store);
  if (document == NULL)
    {
      _ikou_window_show_error (self, _("Could Not Reload the Plan"), error);
      return;
    }
  ikou_window_take_document (self, document, FALSE);
  _ikou_window_remove_recovery (self);
  self->shared->changed = FALSE;
  update_banner (self);
  _ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

static void
save_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         IkouWindow       *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ikou-close-after"));

  if (g_strcmp0 (response, "save-as") == 0)
    _ikou_window_save_as (self, close_after);
  else if (g_strcmp0 (response, "reload") == 0)
    reload (self);
  else if (g_strcmp0 (response, "overwrite") == 0)
    {
      IkouFileStore *store = file_store (self);

      if (store != NULL)
        ikou_file_store_forget_stamp (store);
      save_checked (self, close_after);
    }
  else if (g_strcmp0 (response, "save") == 0)
    save_checked (self, close_after);
}

static AdwMessageDialog *
save_dialog (IkouWindow *self,
             const char *heading,
             const char *body,
             gboolean    close_after)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "ikou-close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_dialog_response_cb), self, 0);
  return dialog;
}

/* "It changed on disk": save as another file, reload, overwrite. */
static void
show_changed_dialog (IkouWindow *self,
                     gboolean    close_after)
{
  g_autofree char *name = g_file_get_basename (ikou_window_get_file (self));
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("Someone else saved “%s” after you opened it. Save your changes as "
                            "another file, reload the plan (your changes are discarded), or "
                            "overwrite the other changes."), display);
  dialog = save_dialog (self, _("The Plan Changed on Disk"), body, close_after);
  adw_message_dialog_add_responses (dialog,
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Another planner opened it anyway and holds the lock now. */
static void
show_lock_lost_dialog (IkouWindow    *self,
                       IkouLockOwner *owner,
                       gboolean       close_after)
{
  g_autofree char *who = describe_owner (owner);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("%s opened this plan too, after you did. Save your changes as another "
                            "file, or save over the plan anyway."), who);
  dialog = save_dialog (self, _("Someone Else Opened the Plan"), body, close_after);
  adw_message_dialog_add_response (dialog, "save", _("_Save Anyway"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_DESTRUCTIVE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_checked (IkouWindow *self,
              gboolean    close_after)
{
  g_autoptr(GError) error = NULL;

  if (ikou_window_save_to_file (self, ikou_window_get_file (self), &error))
    {
      if (close_after)
        _ikou_window_close_later (self);
    }
  else if (g_error_matches (error, IKOU_ERROR, IKOU_ERROR_CHANGED_ON_DISK))
    show_changed_dialog (self, close_after);
  else
    _ikou_window_show_error (self, _("Could Not Save the Plan"), error);
}

void
_ikou_window_shared_save (IkouWindow *self,
                          gboolean    close_after)
{
  IkouWindowShared *sh = self->shared;

  if (self->plan == NULL)
    return;
  if (ikou_window_get_file (self) == NULL || sh->read_only)
    {
      _ikou_window_save_as (self, close_after);
      return;
    }
  if (sh->lock != NULL && !ikou_lock_is_held (sh->lock))
    {
      g_autofree char *path = g_file_get_path (ikou_window_get_file (self));
      g_autoptr(IkouLockOwner) owner = ikou_lock_query (path);

      if (owner != NULL)
        {
          show_lock_lost_dialog (self, owner, close_after);
          return;
        }
    }
  save_checked (self, close_after);
}

/* Actions and set-up */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);

  if (file_store (self) != NULL)
    reload (self);
}

void
_ikou_window_class_shared_init (IkouWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.reload", NULL, reload_action);
}

void
_ikou_window_shared_init (IkouWindow *self)
{
  self->shared = g_new0 (IkouWindowShared, 1);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
}

void
_ikou_window_shared_dispose (IkouWindow *self)
{
  IkouWindowShared *sh = self->shared;

  if (sh == NULL)
    return;
  watch_file (self, NULL);
  g_clear_handle_id (&sh->refresh_id, g_source_remove);
  /* Closed: the next planner may have it. */
  g_clear_pointer (&sh->lock, ikou_lock_release);
  g_clear_pointer (&sh->reason, g_free);
  g_clear_pointer (&self->shared, g_free);
}
