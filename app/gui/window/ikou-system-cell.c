/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-gui-util.h"
#include "ikou-system-cell.h"

struct _IkouSystemCell
{
  GtkWidget             parent_instance;

  GtkWidget            *text;      /* GtkInscription */
  GtkWidget            *icon;      /* GtkImage, made for the first finding shown */
  int                   severity;  /* shown by icon and colour, or -1 */

  guint                 kind;
  IkouSystemCellUpdate  update;
  gpointer              user_data;
  IkouSystem           *system;
  gulong                changed_id;
};

G_DEFINE_FINAL_TYPE (IkouSystemCell, ikou_system_cell, GTK_TYPE_WIDGET)

/* The whole text as a tooltip, computed when asked:
 * gtk_widget_set_tooltip_text() asks the X server where the pointer is
 * (a round trip) each time the text changes, which made every row bound
 * while scrolling, and every refreshed row, cost milliseconds. */
static gboolean
text_query_tooltip_cb (IkouSystemCell *self,
                       int             x,
                       int             y,
                       gboolean        keyboard_mode,
                       GtkTooltip     *tooltip,
                       GtkWidget      *text)
{
  const char *shown = gtk_inscription_get_text (GTK_INSCRIPTION (self->text));

  if (self->system == NULL || shown == NULL || *shown == '\0')
    return FALSE;

  ikou_tooltip_set_text (tooltip, shown);
  return TRUE;
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
  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->text, gtk_widget_unparent);

  G_OBJECT_CLASS (ikou_system_cell_parent_class)->dispose (object);
}

static void
ikou_system_cell_class_init (IkouSystemCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_system_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ikou-system-cell");
}

/* Built here, not from a template: a 200-system plan makes 1,200 cells
 * at start-up, and instantiating a template made each cell almost twice
 * as costly as these few calls (about 55 µs of CPU against 30 µs). */
static void
ikou_system_cell_init (IkouSystemCell *self)
{
  GtkInscription *text = GTK_INSCRIPTION (gtk_inscription_new (NULL));

  self->severity = -1;
  self->text = GTK_WIDGET (text);
  gtk_inscription_set_text_overflow (text, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* Shared by every cell (one list of attributes, not one per cell). */
  gtk_inscription_set_attributes (text, ikou_japanese_text_attributes ());
  /* One line, whatever the row's height would hold. */
  gtk_inscription_set_min_lines (text, 1);
  gtk_inscription_set_nat_lines (text, 1);
  gtk_widget_set_hexpand (self->text, TRUE);
  gtk_widget_set_valign (self->text, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));
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
  if (tooltip)
    {
      gtk_widget_set_has_tooltip (self->text, TRUE);
      g_signal_connect_object (self->text, "query-tooltip", G_CALLBACK (text_query_tooltip_cb),
                               self, G_CONNECT_SWAPPED);
    }
  return GTK_WIDGET (self);
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
ikou_system_cell_set_text (IkouSystemCell *self,
                           const char     *text)
{
  g_return_if_fail (IKOU_IS_SYSTEM_CELL (self));
  gtk_inscription_set_text (GTK_INSCRIPTION (self->text), text);
}

const char *
ikou_system_cell_get_text (IkouSystemCell *self)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM_CELL (self), NULL);
  return gtk_inscription_get_text (GTK_INSCRIPTION (self->text));
}

void
ikou_system_cell_set_severity (IkouSystemCell *self,
                               int             severity)
{
  g_return_if_fail (IKOU_IS_SYSTEM_CELL (self));
  g_return_if_fail (severity >= -1 && severity < IKOU_N_SEVERITIES);

  /* Most rows have no finding and keep none: no style change. */
  if (self->severity == severity)
    return;

  if (self->severity >= 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self), ikou_severity_css_class (self->severity));
  self->severity = severity;

  if (severity < 0)
    {
      if (self->icon != NULL)
        gtk_widget_set_visible (self->icon, FALSE);
      return;
    }

  if (self->icon == NULL)
    {
      self->icon = gtk_image_new ();
      gtk_widget_insert_after (self->icon, GTK_WIDGET (self), NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self), "ikou-cell-finding");
      gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self), ikou_severity_css_class (severity));
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), ikou_severity_icon_name (severity));
  gtk_widget_set_visible (self->icon, TRUE);
}
