/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-gui-util.h"
#include "ikou-text-cell.h"

/* As GtkInscription's default min-chars. */
#define MIN_CHARS 3


struct _IkouTextCell
{
  GtkWidget          parent_instance;

  char              *text;
  PangoAttrList     *attrs;
  PangoLayout       *layout;   /* made when first drawn */
  const IkouCellMetrics *metrics;  /* of the font of the cell's style */
};

G_DEFINE_FINAL_TYPE (IkouTextCell, ikou_text_cell, GTK_TYPE_WIDGET)

/* Metrics depend on the font, the language, the resolution and the font
 * options of a widget's Pango context, nothing else: one entry per
 * combination, kept for the process (a handful). */
static const IkouCellMetrics *
get_metrics (IkouTextCell *self)
{
  if (self->metrics == NULL)
    self->metrics = ikou_cell_metrics_lookup (GTK_WIDGET (self));

  return self->metrics;
}

/* The CSS's text attributes (gtk_widget_create_pango_layout() sets
 * them) with the cell's on top. */
static PangoLayout *
get_layout (IkouTextCell *self)
{
  if (self->layout == NULL)
    {
      PangoAttrList *css = NULL;

      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (self->layout,
                                  gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                  ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      css = pango_layout_get_attributes (self->layout);
      if (self->attrs != NULL)
        {
          g_autoptr(PangoAttrList) merged = css != NULL ? pango_attr_list_copy (css)
                                                        : pango_attr_list_new ();
          GSList *list = pango_attr_list_get_attributes (self->attrs);

          for (GSList *l = list; l != NULL; l = l->next)
            pango_attr_list_change (merged, l->data);
          g_slist_free (list);
          pango_layout_set_attributes (self->layout, merged);
        }
    }

  pango_layout_set_width (self->layout, gtk_widget_get_width (GTK_WIDGET (self)) * PANGO_SCALE);
  pango_layout_set_height (self->layout, gtk_widget_get_height (GTK_WIDGET (self)) * PANGO_SCALE);

  return self->layout;
}

static void
ikou_text_cell_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  const IkouCellMetrics *metrics = get_metrics (IKOU_TEXT_CELL (widget));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (MIN_CHARS * metrics->char_width);
      return;
    }

  *minimum = *natural = PANGO_PIXELS_CEIL (metrics->ascent + metrics->descent);
  *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (metrics->ascent);
}

/* Where GtkInscription puts its text: at the left (start) edge,
 * centred vertically, at the top when cut. */
static void
ikou_text_cell_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  IkouTextCell *self = IKOU_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int baseline = gtk_widget_get_allocated_baseline (widget);
  PangoLayout *layout;
  float y;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  layout = get_layout (self);
  if (baseline != -1)
    y = baseline - pango_layout_get_baseline (layout) / PANGO_SCALE;
  else if (pango_layout_is_ellipsized (layout))
    y = 0.f;
  else
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      y = MAX (0.f, floorf ((height - logical.height) * 0.5f));
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, y, layout);
  gtk_snapshot_pop (snapshot);
}

static void
ikou_text_cell_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  IkouTextCell *self = IKOU_TEXT_CELL (widget);

  GTK_WIDGET_CLASS (ikou_text_cell_parent_class)->css_changed (widget, change);

  /* Font, text attributes: both come back from the new style when next
   * measured and drawn (GTK resizes and redraws for such changes). */
  self->metrics = NULL;
  g_clear_object (&self->layout);
}

static void
ikou_text_cell_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  IkouTextCell *self = IKOU_TEXT_CELL (widget);

  GTK_WIDGET_CLASS (ikou_text_cell_parent_class)->direction_changed (widget, previous);
  g_clear_object (&self->layout);
}

static void
ikou_text_cell_system_setting_changed (GtkWidget         *widget,
                                       GtkSystemSetting   setting)
{
  IkouTextCell *self = IKOU_TEXT_CELL (widget);

  GTK_WIDGET_CLASS (ikou_text_cell_parent_class)->system_setting_changed (widget, setting);
  if (!ikou_system_setting_affects_text (setting))
    return;
  self->metrics = NULL;
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static void
ikou_text_cell_finalize (GObject *object)
{
  IkouTextCell *self = IKOU_TEXT_CELL (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_free (self->text);

  G_OBJECT_CLASS (ikou_text_cell_parent_class)->finalize (object);
}

static void
ikou_text_cell_class_init (IkouTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ikou_text_cell_finalize;
  widget_class->measure = ikou_text_cell_measure;
  widget_class->snapshot = ikou_text_cell_snapshot;
  widget_class->css_changed = ikou_text_cell_css_changed;
  widget_class->direction_changed = ikou_text_cell_direction_changed;
  widget_class->system_setting_changed = ikou_text_cell_system_setting_changed;

  /* Styled as GTK's labels and inscriptions (.dim-label, the cells'
   * fonts). */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
ikou_text_cell_init (IkouTextCell *self)
{
}

GtkWidget *
ikou_text_cell_new (void)
{
  return g_object_new (IKOU_TYPE_TEXT_CELL, NULL);
}

void
ikou_text_cell_set_text (IkouTextCell *self,
                         const char   *text)
{
  g_return_if_fail (IKOU_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  /* The size does not depend on the text. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
ikou_text_cell_get_text (IkouTextCell *self)
{
  g_return_val_if_fail (IKOU_IS_TEXT_CELL (self), NULL);

  return self->text;
}

void
ikou_text_cell_set_attributes (IkouTextCell  *self,
                               PangoAttrList *attrs)
{
  g_return_if_fail (IKOU_IS_TEXT_CELL (self));

  if (attrs != NULL)
    pango_attr_list_ref (attrs);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  self->attrs = attrs;
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
