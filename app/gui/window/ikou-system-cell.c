/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-gui-util.h"
#include "ikou-system-cell.h"

/* Space between the findings icon and the text, and the icon's size
 * (GTK's normal icon size, as a GtkImage shows it) (px). */
#define ICON_SPACING 6
#define ICON_SIZE    16

struct _IkouSystemCell
{
  IkouTextCell          parent_instance;

  int                   severity;  /* shown by icon and colour, or -1 */
  gboolean              shows_severity;  /* room for the icon, shown or not */

  guint                 kind;
  IkouSystemCellUpdate  update;
  gpointer              user_data;
  IkouSystem           *system;
  gulong                changed_id;
};

G_DEFINE_FINAL_TYPE (IkouSystemCell, ikou_system_cell, IKOU_TYPE_TEXT_CELL)

/* The cell is a text cell (the same metrics, ellipsis and placement as
 * GtkInscription), not a box holding one, and it draws the findings icon
 * itself rather than holding a GtkImage: a 200-system plan makes 1,200
 * cells at start-up, and each widget less per cell is style, layout and
 * snapshot work less.  A scrolling list binds new rows every frame; an
 * icon shown or hidden as a child made GTK measure and lay out the list
 * again up to the window. */

static int
icon_width (IkouSystemCell *self)
{
  return self->severity >= 0 ? ICON_SIZE + ICON_SPACING : 0;
}

/* The text's size, with the icon's at its start. */
static void
ikou_system_cell_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GTK_WIDGET_CLASS (ikou_system_cell_parent_class)->measure (widget, orientation, for_size,
                                                             minimum, natural,
                                                             minimum_baseline, natural_baseline);
  /* The line is centred in the cell, which may be taller: no baseline. */
  *minimum_baseline = *natural_baseline = -1;

  if (!IKOU_SYSTEM_CELL (widget)->shows_severity)
    return;

  /* The same size with or without the icon: showing one only draws. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum += ICON_SIZE + ICON_SPACING;
      *natural += ICON_SIZE + ICON_SPACING;
    }
  else
    {
      *minimum = MAX (*minimum, ICON_SIZE);
      *natural = MAX (*natural, ICON_SIZE);
    }
}

/* The severity's symbolic icon in the text's colour, centred in the
 * height as a GtkImage places it. */
static void
snapshot_icon (IkouSystemCell *self,
               GtkSnapshot    *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  /* Foreground, error, warning, success: GTK's default icon palette
   * takes the last three from the theme's named colours. */
  static const char *const palette[] = { NULL, "error_color", "warning_color", "success_color" };
  GdkRGBA colors[G_N_ELEMENTS (palette)];

  icon = gtk_icon_theme_lookup_icon (theme, ikou_severity_icon_name (self->severity), NULL,
                                     ICON_SIZE, gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    GtkStyleContext *context = gtk_widget_get_style_context (widget);

    gtk_style_context_get_color (context, &colors[0]);
    for (guint i = 1; i < G_N_ELEMENTS (palette); i++)
      if (!gtk_style_context_lookup_color (context, palette[i], &colors[i]))
        colors[i] = colors[0];
  }
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (0, (gtk_widget_get_height (widget) - ICON_SIZE) / 2));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

/* The text in a line centred in the cell, after the icon. */
static void
ikou_system_cell_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  IkouSystemCell *self = IKOU_SYSTEM_CELL (widget);
  int x = icon_width (self);
  int line = ikou_text_cell_get_line_height (IKOU_TEXT_CELL (self));

  if (self->severity >= 0)
    snapshot_icon (self, snapshot);

  ikou_text_cell_snapshot_text (IKOU_TEXT_CELL (self), snapshot,
                                x, (gtk_widget_get_height (widget) - line) / 2,
                                gtk_widget_get_width (widget) - x, line);
}

/* The whole text as a tooltip, computed when asked:
 * gtk_widget_set_tooltip_text() asks the X server where the pointer is
 * (a round trip) each time the text changes, which made every row bound
 * while scrolling, and every refreshed row, cost milliseconds. */
static gboolean
ikou_system_cell_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  IkouSystemCell *self = IKOU_SYSTEM_CELL (widget);
  const char *text = ikou_text_cell_get_text (IKOU_TEXT_CELL (self));

  if (self->system == NULL || text == NULL || *text == '\0')
    return FALSE;

  ikou_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The icon is looked up when drawn: draw it again from the new theme. */
static void
ikou_system_cell_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (ikou_system_cell_parent_class)->system_setting_changed (widget, setting);
  if (setting == GTK_SYSTEM_SETTING_ICON_THEME && IKOU_SYSTEM_CELL (widget)->severity >= 0)
    gtk_widget_queue_draw (widget);
}

static void
system_changed_cb (IkouSystemCell *self)
{
  ikou_system_cell_update (self);
}

static void
ikou_system_cell_dispose (GObject *object)
{
  IkouSystemCell *self = IKOU_SYSTEM_CELL (object);

  if (self->system != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->system);
      g_clear_object (&self->system);
    }

  G_OBJECT_CLASS (ikou_system_cell_parent_class)->dispose (object);
}

static void
ikou_system_cell_class_init (IkouSystemCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_system_cell_dispose;
  widget_class->measure = ikou_system_cell_measure;
  widget_class->snapshot = ikou_system_cell_snapshot;
  widget_class->query_tooltip = ikou_system_cell_query_tooltip;
  widget_class->system_setting_changed = ikou_system_cell_system_setting_changed;

  gtk_widget_class_set_css_name (widget_class, "ikou-system-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

/* Built here, not from a template: a 200-system plan makes 1,200 cells
 * at start-up, and instantiating a template made each cell almost twice
 * as costly (about 55 µs of CPU against 30 µs for a cell holding a
 * GtkInscription, which this one no longer needs). */
static void
ikou_system_cell_init (IkouSystemCell *self)
{
  self->severity = -1;
  /* Shared by every cell (one list of attributes, not one per cell). */
  ikou_text_cell_set_attributes (IKOU_TEXT_CELL (self), ikou_japanese_text_attributes ());
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
ikou_system_cell_new (guint                kind,
                      gboolean             tooltip,
                      IkouSystemCellUpdate update,
                      gpointer             user_data)
{
  IkouSystemCell *self = g_object_new (IKOU_TYPE_SYSTEM_CELL, NULL);

  self->kind = kind;
  self->update = update;
  self->user_data = user_data;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), tooltip);
  return GTK_WIDGET (self);
}

void
ikou_system_cell_set_numeric (IkouSystemCell *self)
{
  static PangoAttrList *numeric;

  g_return_if_fail (IKOU_IS_SYSTEM_CELL (self));

  if (g_once_init_enter (&numeric))
    {
      PangoAttrList *list = pango_attr_list_copy (ikou_japanese_text_attributes ());

      /* What the "numeric" style class asks for: tabular digits. */
      pango_attr_list_insert (list, pango_attr_font_features_new ("tnum 1"));
      g_once_init_leave (&numeric, list);
    }
  ikou_text_cell_set_attributes (IKOU_TEXT_CELL (self), numeric);
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
}

guint
ikou_system_cell_get_kind (IkouSystemCell *self)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM_CELL (self), 0);
  return self->kind;
}

IkouSystem *
ikou_system_cell_get_system (IkouSystemCell *self)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM_CELL (self), NULL);
  return self->system;
}

void
ikou_system_cell_set_system (IkouSystemCell *self,
                             IkouSystem     *system)
{
  g_return_if_fail (IKOU_IS_SYSTEM_CELL (self));
  g_return_if_fail (system == NULL || IKOU_IS_SYSTEM (system));

  if (self->system == system)
    return;
  if (self->system != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->system);
      g_clear_object (&self->system);
    }
  if (system != NULL)
    {
      self->system = g_object_ref (system);
      self->changed_id = g_signal_connect_swapped (system, "changed",
                                                   G_CALLBACK (system_changed_cb), self);
      ikou_system_cell_update (self);
    }
}

void
ikou_system_cell_update (IkouSystemCell *self)
{
  g_return_if_fail (IKOU_IS_SYSTEM_CELL (self));

  if (self->system == NULL)
    return;
  if (self->update != NULL)
    self->update (self, self->user_data);
}

void
ikou_system_cell_set_severity (IkouSystemCell *self,
                               int             severity)
{
  g_return_if_fail (IKOU_IS_SYSTEM_CELL (self));
  g_return_if_fail (severity >= -1 && severity < IKOU_N_SEVERITIES);

  if (!self->shows_severity)
    {
      self->shows_severity = TRUE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }

  /* Most rows have no finding and keep none: no style change. */
  if (self->severity == severity)
    return;

  if (self->severity >= 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self), ikou_severity_css_class (self->severity));
  if (severity >= 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "ikou-cell-finding");
      gtk_widget_add_css_class (GTK_WIDGET (self), ikou_severity_css_class (severity));
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "ikou-cell-finding");
  self->severity = severity;
  /* Not a resize: the size does not depend on the icon. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
