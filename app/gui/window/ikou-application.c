/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-application.h"
#include "ikou-gui-util.h"
#include "ikou-i18n.h"
#include "ikou-context.h"
#include "ikou-file.h"
#include "ikou-gsk.h"
#include "ikou-resources.h"
#include "ikou-store.h"
#include "ikou-window.h"

struct _IkouApplication
{
  AdwApplication  parent_instance;

  IkouContext    *context;
  guint           recovery_offered : 1;
  guint           first_frame_reported : 1;
};

G_DEFINE_FINAL_TYPE (IkouApplication, ikou_application, ADW_TYPE_APPLICATION)

/* Start-up timing for $IKOU_DEBUG_STARTUP: when ikou_gui_main() was
 * entered, and how old the process was then (exec, dynamic linking). */
static gint64 gui_main_time;
static double process_age_at_main_ms = -1;

static double
read_process_age_ms (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  const char *p;
  unsigned long long start_ticks = 0;
  double up = 0;
  long ticks_per_s = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL)
      || ticks_per_s <= 0)
    return -1;

  /* Field 22 (starttime); the command name in field 2 may hold spaces,
   * so count from the closing parenthesis (field 3 follows it). */
  p = strrchr (stat, ')');
  if (p == NULL)
    return -1;
  p++;
  for (int field = 3; field < 22 && *p != '\0'; )
    {
      while (*p == ' ')
        p++;
      while (*p != ' ' && *p != '\0')
        p++;
      field++;
    }
  start_ticks = g_ascii_strtoull (p, NULL, 10);
  up = g_ascii_strtod (uptime, NULL);

  return (up - (double) start_ticks / (double) ticks_per_s) * 1000.0;
}

/* Recovery copies */

static gboolean
recovery_owner_is_alive (const char *ikou_path)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *base = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *boot_id = NULL;
  g_autofree char *own_boot_id = NULL;
  gint64 pid;

  base = g_strndup (ikou_path, strlen (ikou_path) - strlen (".ikou"));
  info_path = g_strconcat (base, ".ini", NULL);

  if (!g_key_file_load_from_file (keyfile, info_path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  pid = g_key_file_get_int64 (keyfile, "Recovery", "pid", NULL);
  boot_id = g_key_file_get_string (keyfile, "Recovery", "boot-id", NULL);
  own_boot_id = ikou_file_get_boot_id ();

  if (pid <= 0)
    return FALSE;
  if (boot_id != NULL && own_boot_id != NULL && g_strcmp0 (boot_id, own_boot_id) != 0)
    return FALSE;
  if (pid == getpid ())
    return TRUE;

  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

GPtrArray *
ikou_application_find_orphaned_recovery (void)
{
  g_autofree char *dir_path = ikou_context_get_recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return found;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".ikou"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      if (!recovery_owner_is_alive (path))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }

  return found;
}

static void
remove_recovery_files (const char *ikou_path)
{
  g_autofree char *base = g_strndup (ikou_path, strlen (ikou_path) - strlen (".ikou"));
  g_autofree char *info_path = g_strconcat (base, ".ini", NULL);

  g_remove (ikou_path);
  g_remove (info_path);
}

static GFile *
recovery_original_file (const char *ikou_path)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *base = g_strndup (ikou_path, strlen (ikou_path) - strlen (".ikou"));
  g_autofree char *info_path = g_strconcat (base, ".ini", NULL);
  g_autofree char *uri = NULL;

  if (!g_key_file_load_from_file (keyfile, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;

  uri = g_key_file_get_string (keyfile, "Recovery", "uri", NULL);
  if (uri == NULL || *uri == '\0')
    return NULL;

  return g_file_new_for_uri (uri);
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  g_autoptr(GPtrArray) paths = user_data;
  IkouApplication *self = IKOU_APPLICATION (g_application_get_default ());
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < paths->len; i++)
        remove_recovery_files (g_ptr_array_index (paths, i));
      return;
    }

  if (g_strcmp0 (response, "recover") != 0 || self == NULL)
    return;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(IkouPlan) plan = ikou_store_load (path, &error);
      g_autoptr(GFile) original = NULL;
      IkouWindow *window;

      if (plan == NULL)
        {
          g_warning ("Could not read the recovery copy %s: %s", path, error->message);
          continue;
        }

      original = recovery_original_file (path);

      if (IKOU_IS_WINDOW (parent) && !ikou_window_has_document (IKOU_WINDOW (parent)))
        window = IKOU_WINDOW (parent);
      else
        window = ikou_window_new (GTK_APPLICATION (self), self->context);

      ikou_window_set_document (window, plan, original, TRUE);
      /* The window writes its own copy before the old one goes, so a
       * second crash still finds the changes. */
      if (ikou_window_autosave (window, &error))
        remove_recovery_files (path);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
offer_recovery (IkouApplication *self,
                GtkWindow       *parent)
{
  g_autoptr(GPtrArray) paths = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->recovery_offered || g_getenv ("IKOU_NO_RECOVERY") != NULL)
    return;
  self->recovery_offered = TRUE;

  paths = ikou_application_find_orphaned_recovery ();
  if (paths->len == 0)
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Ikou closed before the changes to a plan were saved. "
                                       "A recovery copy of %u plan was kept.",
                                       "Ikou closed before the changes to some plans were saved. "
                                       "Recovery copies of %u plans were kept.",
                                       paths->len),
                          paths->len);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Recover Unsaved Changes?"), body));
  ikou_message_dialog_add_discard_responses (dialog, "later", _("_Later"),
                                             "recover", _("_Recover"));
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb),
                    g_steal_pointer (&paths));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Start-up timing */

void
ikou_application_mark_first_frame (IkouApplication *self)
{
  const char *debug = g_getenv ("IKOU_DEBUG_STARTUP");
  double since_main;

  g_return_if_fail (IKOU_IS_APPLICATION (self));

  if (self->first_frame_reported || debug == NULL)
    return;
  self->first_frame_reported = TRUE;

  since_main = (g_get_monotonic_time () - gui_main_time) / 1000.0;
  if (process_age_at_main_ms >= 0)
    g_printerr ("ikou: first frame %.1f ms after start (%.1f ms in ikou_gui_main)\n",
                process_age_at_main_ms + since_main, since_main);
  else
    g_printerr ("ikou: first frame %.1f ms after ikou_gui_main\n", since_main);

  if (g_str_equal (debug, "quit"))
    g_application_quit (G_APPLICATION (self));
}

/* Actions */

static void
ikou_application_new_window (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  IkouApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (ikou_window_new (GTK_APPLICATION (self), self->context)));
}

static void
ikou_application_about (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  IkouApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "Ikou developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Ikou"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Ikou developers"),
                        "developers", developers,
                        "comments", _("Plan how the city's business systems move to the shared "
                                      "cloud or the Government Cloud, and check the plan against "
                                      "the national standardization schedule."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2025 Ikou developers",
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
ikou_application_quit_action (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  IkouApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing asks about unsaved changes, window by window; the
   * application quits when the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new-window", ikou_application_new_window },
  { "about", ikou_application_about },
  { "quit", ikou_application_quit_action },
};

/* GApplication */

static void
ikou_application_startup (GApplication *application)
{
  IkouApplication *self = IKOU_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  g_autofree char *renderer = NULL;

  G_APPLICATION_CLASS (ikou_application_parent_class)->startup (application);

  /* Before the first window is realized: cairo on software OpenGL. */
  renderer = ikou_gsk_choose_renderer (gdk_display_get_default ());
  if (g_getenv ("IKOU_DEBUG_STARTUP") != NULL)
    g_printerr ("ikou: renderer %s\n", renderer);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window",
                                         new_window_accels);
  /* GtkApplication sets this one only for a gtk/help-overlay.ui resource;
   * Ikou's is built on demand (ikou-window.c). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_overlay_accels);

  gtk_window_set_default_icon_name (APP_ID);

  /* GTK and libadwaita add their icon folders during start-up, and GTK
   * announces each change of the icon theme from an idle: to every
   * widget, which restyled, re-measured and repainted the whole window in
   * the frame after its first one (about 40 ms of a thin client's CPU).
   * Run what start-up left pending while there is no window yet; a few
   * rounds at most, in case a source keeps itself ready. */
  for (guint i = 0; i < 32 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Template tooltips wrap at words (see ikou_tooltips_fix()). */
static void
ikou_application_window_added (GtkApplication *application,
                               GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (ikou_application_parent_class)->window_added (application, window);
  ikou_tooltips_fix (GTK_WIDGET (window));
}

static void
ikou_application_activate (GApplication *application)
{
  IkouApplication *self = IKOU_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ikou_window_new (GTK_APPLICATION (self), self->context));

  gtk_window_present (window);
  offer_recovery (self, window);
}

static IkouWindow *
find_window_for_file (IkouApplication *self,
                      GFile           *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *open_file;

      if (!IKOU_IS_WINDOW (l->data))
        continue;
      open_file = ikou_window_get_file (l->data);
      if (open_file != NULL && g_file_equal (open_file, file))
        return l->data;
    }

  return NULL;
}

static void
ikou_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  IkouApplication *self = IKOU_APPLICATION (application);
  GtkWindow *last = NULL;

  for (int i = 0; i < n_files; i++)
    {
      IkouWindow *window = find_window_for_file (self, files[i]);

      if (window == NULL)
        {
          GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

          if (IKOU_IS_WINDOW (active) && !ikou_window_has_document (IKOU_WINDOW (active)))
            window = IKOU_WINDOW (active);
          else
            window = ikou_window_new (GTK_APPLICATION (self), self->context);
          ikou_window_open (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
      last = GTK_WINDOW (window);
    }

  if (last != NULL)
    offer_recovery (self, last);
}

static void
ikou_application_dispose (GObject *object)
{
  IkouApplication *self = IKOU_APPLICATION (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (ikou_application_parent_class)->dispose (object);
}

static void
ikou_application_class_init (IkouApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ikou_application_dispose;
  GTK_APPLICATION_CLASS (klass)->window_added = ikou_application_window_added;
  app_class->startup = ikou_application_startup;
  app_class->activate = ikou_application_activate;
  app_class->open = ikou_application_open;

  /* The window templates, style.css, the help overlay and the icons. */
  ikou_register_resource ();
}

static void
ikou_application_init (IkouApplication *self)
{
  self->context = ikou_context_new ();
  g_signal_connect_object (self->context, "first-frame",
                           G_CALLBACK (ikou_application_mark_first_frame), self, G_CONNECT_SWAPPED);
}

IkouContext *
ikou_application_get_context (IkouApplication *self)
{
  g_return_val_if_fail (IKOU_IS_APPLICATION (self), NULL);
  return self->context;
}

IkouApplication *
ikou_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (IKOU_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/jp/ikou/Ikou",
                       NULL);
}

int
ikou_gui_main (int    argc,
               char **argv)
{
  g_autoptr(IkouApplication) app = NULL;
  GApplicationFlags flags = G_APPLICATION_DEFAULT_FLAGS;

  gui_main_time = g_get_monotonic_time ();
  if (g_getenv ("IKOU_DEBUG_STARTUP") != NULL)
    {
      process_age_at_main_ms = read_process_age_ms ();
      /* Measure a cold start, never a hand-over to a running instance. */
      flags |= G_APPLICATION_NON_UNIQUE;
    }

  ikou_i18n_init ();
  g_set_application_name (_("Ikou"));

  app = ikou_application_new (flags);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
