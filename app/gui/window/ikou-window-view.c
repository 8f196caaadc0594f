/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ikou-gui-util.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"

/* Reading the plan in the window:
 *
 *   - the legend: a popover from the header bar drawing the same legend
 *     as the PDF (ikou_renderer_draw_legend() of the roadmap's renderer,
 *     so the marks and colours are those on screen);
 *   - the findings panel (and the differences panel) below the roadmap in
 *     a pane the planner resizes; its height is kept in the settings
 *     ("findings-height"), as the list's width is ("list-width");
 *   - the list's columns, chosen from a menu (the button beside the
 *     search field, or a right click on a column's title) and kept in the
 *     settings ("hidden-columns"). */

#define LEGEND_WIDTH 520
#define DEFAULT_FINDINGS_HEIGHT 300
#define MIN_FINDINGS_HEIGHT 100

/* The columns a planner may hide (the name always shows), by the ids the
 * settings and the "columns." actions use. */
static const struct
{
  IkouColumn  column;
  const char *id;
} optional_columns[] = {
  { IKOU_COLUMN_DEPARTMENT, "department" },
  { IKOU_COLUMN_OPERATION, "operation" },
  { IKOU_COLUMN_HOSTS, "hosts" },
  { IKOU_COLUMN_NEXT_MILESTONE, "next-milestone" },
  { IKOU_COLUMN_FINDINGS, "findings" },
};

/* Legend ----------------------------------------------------------------- */

static void
legend_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  IkouWindow *self = user_data;

  ikou_renderer_draw_legend (ikou_timeline_get_renderer (IKOU_TIMELINE (self->timeline)),
                             cr, 0, 0, width);
}

/* The legend's height at its width, measured on a scratch surface (the
 * renderer lays text out for a cairo context). */
static int
legend_height (IkouWindow *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double height;

  height = ikou_renderer_draw_legend (ikou_timeline_get_renderer (IKOU_TIMELINE (self->timeline)),
                                      cr, 0, 0, LEGEND_WIDTH);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return (int) ceil (height);
}

static void
legend_show_cb (IkouWindow *self)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->legend_area), legend_height (self));
  gtk_widget_queue_draw (self->legend_area);
}

/* The legend button shows with the plan (not on the start page). */
static void
stack_child_notify_cb (IkouWindow *self)
{
  if (self->legend_button == NULL)  /* not made yet */
    return;
  gtk_widget_set_visible (self->legend_button,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "plan") == 0);
}

static void
setup_legend (IkouWindow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (_("Legend"));

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);

  self->legend_area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->legend_area), LEGEND_WIDTH);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->legend_area), legend_draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend of the roadmap"),
                                  -1);
  gtk_box_append (GTK_BOX (box), self->legend_area);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (legend_show_cb), self, G_CONNECT_SWAPPED);

  self->legend_button = gtk_menu_button_new ();
  /* An icon: the header bar must fit a 1280-pixel screen in every language. */
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->legend_button), "view-list-bullet-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->legend_button), popover);
  ikou_widget_set_tooltip (self->legend_button, _("What the marks and colours of the roadmap mean"));
  adw_header_bar_pack_end (self->header_bar, self->legend_button);

  stack_child_notify_cb (self);
}

/* Panes ------------------------------------------------------------------ */

static int
wanted_findings_height (IkouWindow *self)
{
  return self->settings != NULL ? g_settings_get_int (self->settings, "findings-height")
                                : DEFAULT_FINDINGS_HEIGHT;
}

/* The findings panel at the height kept in the settings (the roadmap
 * keeps at least a quarter of the height), once the pane has a size. */
static void
apply_findings_height (IkouWindow *self)
{
  GtkPaned *paned = self->findings_paned;
  int height = gtk_widget_get_height (GTK_WIDGET (paned));

  if (!self->findings_height_pending || height <= 0 || !gtk_widget_get_visible (self->bottom_box))
    return;
  self->findings_height_pending = FALSE;
  gtk_paned_set_position (paned, MAX (height / 4, height - wanted_findings_height (self) - 1));
}

/* The pane's lower part shows while a panel in it is revealed or still
 * sliding away; hidden, the roadmap takes the whole height. */
static void
update_bottom_visible (IkouWindow *self)
{
  GtkRevealer *revealers[] = { self->findings_revealer, self->differences_revealer,
                               self->cost_revealer };
  gboolean show = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (revealers); i++)
    show |= gtk_revealer_get_reveal_child (revealers[i]) ||
            gtk_revealer_get_child_revealed (revealers[i]);
  if (show == gtk_widget_get_visible (self->bottom_box))
    return;
  gtk_widget_set_visible (self->bottom_box, show);
  if (show)
    {
      self->findings_height_pending = TRUE;
      apply_findings_height (self);
    }
}

void
_ikou_window_view_save (IkouWindow *self)
{
  GtkPaned *paned = self->findings_paned;
  int height = gtk_widget_get_height (GTK_WIDGET (paned));

  if (self->settings == NULL || self->plan == NULL)
    return;
  /* (The list's width is kept with the window's size, when it closes.) */
  if (gtk_widget_get_visible (self->bottom_box) && !self->findings_height_pending && height > 0)
    g_settings_set_int (self->settings, "findings-height",
                        CLAMP (height - gtk_paned_get_position (paned) - 1,
                               MIN_FINDINGS_HEIGHT, 4000));
}

static gboolean
close_request_cb (IkouWindow *self)
{
  _ikou_window_view_save (self);
  return FALSE;
}

/* Columns ---------------------------------------------------------------- */

static void
save_hidden_columns (IkouWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hidden = NULL;

  if (self->settings == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (optional_columns); i++)
    if (!gtk_column_view_column_get_visible (self->columns[optional_columns[i].column]))
      g_strv_builder_add (builder, optional_columns[i].id);
  hidden = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "hidden-columns", (const char * const *) hidden);
}

static void
column_action_change_state_cb (GSimpleAction *action,
                               GVariant      *state,
                               IkouWindow    *self)
{
  const char *name = g_action_get_name (G_ACTION (action));

  g_simple_action_set_state (action, state);
  for (guint i = 0; i < G_N_ELEMENTS (optional_columns); i++)
    if (g_str_equal (name, optional_columns[i].id))
      gtk_column_view_column_set_visible (self->columns[optional_columns[i].column],
                                          g_variant_get_boolean (state));
  save_hidden_columns (self);
}

static void
setup_columns (IkouWindow *self)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();
  GMenu *menu = g_menu_new ();
  GtkWidget *button;
  GtkWidget *row;
  GtkWidget *entry = GTK_WIDGET (self->search_entry);

  for (guint i = 0; i < G_N_ELEMENTS (optional_columns); i++)
    {
      GtkColumnViewColumn *column = self->columns[optional_columns[i].column];
      g_autoptr(GSimpleAction) action =
        g_simple_action_new_stateful (optional_columns[i].id, NULL, g_variant_new_boolean (TRUE));
      g_autofree char *detailed = g_strconcat ("columns.", optional_columns[i].id, NULL);

      g_signal_connect_object (action, "change-state", G_CALLBACK (column_action_change_state_cb),
                               self, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
      g_menu_append (menu, gtk_column_view_column_get_title (column), detailed);
    }
  /* The window keeps the group; the pointer is borrowed. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns", G_ACTION_GROUP (group));
  self->column_actions = group;
  g_object_unref (group);

  /* A right click on a column's title, too. */
  for (guint i = 0; i < IKOU_N_COLUMNS; i++)
    gtk_column_view_column_set_header_menu (self->columns[i], G_MENU_MODEL (menu));

  /* The button sits beside the search field, in the strip above the list. */
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (button, 4);
  ikou_widget_set_tooltip (button, _("Columns of the List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Columns of the List"),
                                  -1);
  self->columns_button = button;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (row, TRUE);
  g_object_ref (entry);
  gtk_box_remove (GTK_BOX (self->list_spacer), entry);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_box_append (GTK_BOX (row), entry);
  g_object_unref (entry);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (self->list_spacer), row);
  g_object_unref (menu);
}

static void
restore_columns (IkouWindow *self)
{
  g_auto(GStrv) hidden = NULL;

  if (self->settings == NULL)
    return;
  hidden = g_settings_get_strv (self->settings, "hidden-columns");
  for (guint i = 0; i < G_N_ELEMENTS (optional_columns); i++)
    {
      gboolean visible = !g_strv_contains ((const char * const *) hidden, optional_columns[i].id);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->column_actions),
                                                    optional_columns[i].id);

      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (visible));
      gtk_column_view_column_set_visible (self->columns[optional_columns[i].column], visible);
    }
}

/* Setup ------------------------------------------------------------------ */

/* The handlers of the stack and the panes, declared in ikou-window.ui. */
void
_ikou_window_class_view_init (IkouWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_paned);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, bottom_box);
  gtk_widget_class_bind_template_callback (widget_class, stack_child_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_bottom_visible);
  gtk_widget_class_bind_template_callback (widget_class, apply_findings_height);
}

void
_ikou_window_view_init (IkouWindow *self)
{
  setup_legend (self);
  setup_columns (self);

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  update_bottom_visible (self);
}

void
_ikou_window_view_attach (IkouWindow *self)
{
  restore_columns (self);
  self->findings_height_pending = TRUE;
  apply_findings_height (self);
}
