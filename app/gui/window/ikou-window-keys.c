/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-window-private.h"

/* The window with the keyboard alone.  The list and the roadmap are the
 * two places a planner works in; the keys here go between them and the
 * system editor:
 *
 *   - Delete, Shift+Delete (and the keypad's Delete) in the list or the
 *     roadmap delete the selected system, with the toast that undoes it;
 *   - Tab goes from the list to the roadmap and on into the editor when
 *     it is shown; Shift+Tab goes back (the list goes back to the search
 *     field);
 *   - Esc in the editor (once a field has nothing left to put back) takes
 *     the focus back to the list or the roadmap, whichever had it last;
 *     hiding the editor (F9) while it has the focus does the same.
 *
 * The list (a GtkColumnView) keeps Tab among its rows and hands Delete to
 * the search field that captures typing, so both are taken in the
 * capture phase, before the list sees them. */

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *container)
{
  return widget != NULL && container != NULL &&
         (widget == container || gtk_widget_is_ancestor (widget, container));
}

static GtkWidget *
list_view_of (IkouWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->systems_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The list's row of the selected system takes the focus (the list
 * itself when nothing is selected). */
static void
focus_list (IkouWindow *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  GtkWidget *list_view = list_view_of (self);

  if (selected != GTK_INVALID_LIST_POSITION && list_view != NULL &&
      gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", selected) &&
      is_inside (gtk_root_get_focus (GTK_ROOT (self)), GTK_WIDGET (self->systems_view)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->systems_view));
}

void
_ikou_window_focus_main (IkouWindow *self)
{
  if (self->main_focus == self->timeline && self->timeline != NULL)
    gtk_widget_grab_focus (self->timeline);
  else
    focus_list (self);
}

static void
focus_widget_notify_cb (IkouWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (is_inside (focus, GTK_WIDGET (self->systems_view)))
    self->main_focus = GTK_WIDGET (self->systems_view);
  else if (focus != NULL && focus == self->timeline)
    self->main_focus = self->timeline;
}

static void
show_editor_notify_cb (IkouWindow *self)
{
  if (!self->show_editor &&
      is_inside (gtk_root_get_focus (GTK_ROOT (self)), GTK_WIDGET (self->editor_revealer)))
    _ikou_window_focus_main (self);
}

static gboolean
capture_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        IkouWindow            *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean in_list = is_inside (focus, GTK_WIDGET (self->systems_view));
  gboolean in_timeline = focus != NULL && focus == self->timeline;
  gboolean backward;

  if (self->plan == NULL || (!in_list && !in_timeline))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if ((mods & ~GDK_SHIFT_MASK) != 0)
        return FALSE;
      if (_ikou_window_get_selected_system (self) == NULL)
        gtk_widget_error_bell (GTK_WIDGET (self));
      else
        {
          guint position = gtk_single_selection_get_selected (self->selection);
          guint n;

          gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-system", NULL);
          /* The next system is selected, so Delete can go on down the list. */
          n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
          if (n > 0 && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
            gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
          if (in_list)
            focus_list (self);
        }
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if ((mods & ~GDK_SHIFT_MASK) != 0)
        return FALSE;
      backward = (mods & GDK_SHIFT_MASK) != 0 || keyval == GDK_KEY_ISO_Left_Tab;
      if (in_list)
        {
          if (backward)
            gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
          else
            gtk_widget_grab_focus (self->timeline);
          return TRUE;
        }
      if (backward)
        {
          focus_list (self);
          return TRUE;
        }
      if (self->show_editor)
        return gtk_widget_child_focus (GTK_WIDGET (self->editor_revealer), GTK_DIR_TAB_FORWARD);
      return FALSE;

    default:
      return FALSE;
    }
}

static gboolean
bubble_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       IkouWindow            *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (self->plan == NULL || !is_inside (focus, GTK_WIDGET (self->editor_revealer)))
    return FALSE;

  _ikou_window_focus_main (self);
  return TRUE;
}

void
_ikou_window_keys_init (IkouWindow *self)
{
  GtkEventController *controller;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "ikou-window-keys-capture");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (capture_key_pressed_cb),
                           self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "ikou-window-keys-bubble");
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (bubble_key_pressed_cb),
                           self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_notify_cb), NULL);
  g_signal_connect (self, "notify::show-editor", G_CALLBACK (show_editor_notify_cb), NULL);
}
