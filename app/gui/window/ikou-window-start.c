/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-window-private.h"

/* The start page lists the recent plans (the context's, in the settings)
 * under its buttons: a planner's first click is usually yesterday's plan. */

#define MAX_RECENT_ON_START 6

static GtkWidget *
recent_button (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (basename != NULL ? basename : uri);
  GtkWidget *where = gtk_label_new (folder);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), where);
  gtk_widget_set_visible (where, folder != NULL);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_widget_set_tooltip_text (button, uri);
  return button;
}

void
_ikou_window_rebuild_start_page (IkouWindow *self)
{
  g_auto(GStrv) recent = NULL;
  GtkWidget *child;
  GtkWidget *heading;
  guint n = 0;

  if (self->start_recent_box == NULL)
    return;
  while ((child = gtk_widget_get_first_child (self->start_recent_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->start_recent_box), child);

  if (self->settings != NULL)
    recent = g_settings_get_strv (self->settings, "recent-files");
  if (recent == NULL || recent[0] == NULL)
    {
      gtk_widget_set_visible (self->start_recent_box, FALSE);
      return;
    }

  heading = gtk_label_new (_("Recent Plans"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self->start_recent_box), heading);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_ON_START; i++, n++)
    gtk_box_append (GTK_BOX (self->start_recent_box), recent_button (recent[i]));
  gtk_widget_set_visible (self->start_recent_box, TRUE);
}
