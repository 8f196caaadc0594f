/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-gui-util.h"
#include "ikou-text-cell.h"

/* As GtkInscription's default min-chars. */
#define MIN_CHARS 3


typedef struct
{
  char              *text;
  PangoAttrList     *attrs;
  PangoLayout       *layout;   /* made when first drawn */
  const IkouCellMetrics *metrics;  /* of the font of the cell's style */
} IkouTextCellPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (IkouTextCell, ikou_text_cell, GTK_TYPE_WIDGET)

/* Metrics depend on the font, the language, the resolution and the font
 * options of a widget's Pango context, nothing else: one entry per
 * combination, kept for the process (a handful). */
static const IkouCellMetrics *
get_metrics (IkouTextCell *self)
{
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  if (priv->metrics == NULL)
    priv->metrics = ikou_cell_metrics_lookup (GTK_WIDGET (self));

  return priv->metrics;
}

/* The CSS's text attributes (gtk_widget_create_pango_layout() sets
 * them) with the cell's on top. */
static PangoLayout *
get_layout (IkouTextCell *self,
            int           width,
            int           height)
{
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  if (priv->layout == NULL)
    {
      PangoAttrList *css = NULL;

      priv->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), priv->text);
      pango_layout_set_wrap (priv->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (priv->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (priv->layout,
                                  gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                  ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      css = pango_layout_get_attributes (priv->layout);
      /* Most cells' style gives none: the cell's list, shared as it is,
       * costs no copy per cell. */
      if (css == NULL)
        pango_layout_set_attributes (priv->layout, priv->attrs);
      else if (priv->attrs != NULL)
        {
          g_autoptr(PangoAttrList) merged = pango_attr_list_copy (css);
          GSList *list = pango_attr_list_get_attributes (priv->attrs);

          for (GSList *l = list; l != NULL; l = l->next)
            pango_attr_list_change (merged, l->data);
          g_slist_free (list);
          pango_layout_set_attributes (priv->layout, merged);
        }
    }

  pango_layout_set_width (priv->layout, width * PANGO_SCALE);
  pango_layout_set_height (priv->layout, height * PANGO_SCALE);

  return priv->layout;
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

static void
ikou_text_cell_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ikou_text_cell_snapshot_text (IKOU_TEXT_CELL (widget), snapshot, 0, 0,
                                gtk_widget_get_width (widget),
                                gtk_widget_get_height (widget));
}

static void
ikou_text_cell_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  IkouTextCell *self = IKOU_TEXT_CELL (widget);
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  GTK_WIDGET_CLASS (ikou_text_cell_parent_class)->css_changed (widget, change);

  /* Font, text attributes: both come back from the new style when next
   * measured and drawn (GTK resizes and redraws for such changes). */
  priv->metrics = NULL;
  g_clear_object (&priv->layout);
}

static void
ikou_text_cell_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  IkouTextCell *self = IKOU_TEXT_CELL (widget);
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  GTK_WIDGET_CLASS (ikou_text_cell_parent_class)->direction_changed (widget, previous);
  g_clear_object (&priv->layout);
}

static void
ikou_text_cell_system_setting_changed (GtkWidget         *widget,
                                       GtkSystemSetting   setting)
{
  IkouTextCell *self = IKOU_TEXT_CELL (widget);
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  GTK_WIDGET_CLASS (ikou_text_cell_parent_class)->system_setting_changed (widget, setting);
  if (!ikou_system_setting_affects_text (setting))
    return;
  priv->metrics = NULL;
  g_clear_object (&priv->layout);
  gtk_widget_queue_resize (widget);
}

static void
ikou_text_cell_finalize (GObject *object)
{
  IkouTextCell *self = IKOU_TEXT_CELL (object);
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  g_clear_object (&priv->layout);
  g_clear_pointer (&priv->attrs, pango_attr_list_unref);
  g_free (priv->text);

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
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  g_return_if_fail (IKOU_IS_TEXT_CELL (self));

  if (g_strcmp0 (priv->text, text) == 0)
    return;

  g_free (priv->text);
  priv->text = g_strdup (text);
  if (priv->layout != NULL)
    pango_layout_set_text (priv->layout, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  /* The size does not depend on the text. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
ikou_text_cell_get_text (IkouTextCell *self)
{
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  g_return_val_if_fail (IKOU_IS_TEXT_CELL (self), NULL);

  return priv->text;
}

void
ikou_text_cell_set_attributes (IkouTextCell  *self,
                               PangoAttrList *attrs)
{
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  g_return_if_fail (IKOU_IS_TEXT_CELL (self));

  if (attrs != NULL)
    pango_attr_list_ref (attrs);
  g_clear_pointer (&priv->attrs, pango_attr_list_unref);
  priv->attrs = attrs;
  g_clear_object (&priv->layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
ikou_text_cell_get_line_height (IkouTextCell *self)
{
  const IkouCellMetrics *metrics;

  g_return_val_if_fail (IKOU_IS_TEXT_CELL (self), 0);

  metrics = get_metrics (self);
  return PANGO_PIXELS_CEIL (metrics->ascent + metrics->descent);
}

/* Where GtkInscription puts its text: at the left (start) edge,
 * centred vertically, at the top when cut. */
void
ikou_text_cell_snapshot_text (IkouTextCell *self,
                              GtkSnapshot  *snapshot,
                              int           x,
                              int           y,
                              int           width,
                              int           height)
{
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);
  GtkWidget *widget = GTK_WIDGET (self);
  int baseline = gtk_widget_get_allocated_baseline (widget);
  PangoLayout *layout;
  float text_y;

  g_return_if_fail (IKOU_IS_TEXT_CELL (self));

  if (priv->text == NULL || *priv->text == '\0' || width <= 0)
    return;

  layout = get_layout (self, width, height);
  if (baseline != -1)
    text_y = baseline - pango_layout_get_baseline (layout) / PANGO_SCALE;
  else if (pango_layout_is_ellipsized (layout))
    text_y = y;
  else
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      text_y = y + MAX (0.f, floorf ((height - logical.height) * 0.5f));
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x, text_y, layout);
  gtk_snapshot_pop (snapshot);
}
