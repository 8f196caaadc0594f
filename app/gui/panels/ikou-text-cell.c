/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include "ikou-gui-util.h"
#include "ikou-text-cell.h"

/* As GtkInscription's default min-chars. */
#define MIN_CHARS 3


typedef struct
{
  char              *text;
  PangoAttrList     *attrs;
  PangoLayout       *layout;   /* when drawn: shared, or the cell's own */
  int                layout_width;
  int                layout_height;
  const IkouCellMetrics *metrics;  /* of the font of the cell's style */
  PangoAttrList     *css_attrs;  /* of the style, once asked */
  guint              css_attrs_known : 1;
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

/* Shared layouts.  A list shows the same department, operation, host or
 * date in many rows, and a scrolling list binds new rows every frame:
 * cells that show the same text with the same font, attributes and size
 * use one layout, laid out (shaped, cut) once.  A shared layout is never
 * changed; cells keep a reference to theirs, so the table can be emptied
 * at any time. */

/* Entries before the table is emptied: more than the distinct texts of
 * a few screens of rows (a tall window shows about 40 rows of 6 cells),
 * and a megabyte or two of layouts at most. */
#define SHARED_LAYOUTS_MAX 1024

typedef struct
{
  const IkouCellMetrics *metrics;
  PangoAttrList         *attrs;
  int                    width;
  int                    height;
  const char            *text;  /* owned by the layout */
} LayoutKey;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->text) ^ g_direct_hash (key->metrics) ^ g_direct_hash (key->attrs)
         ^ ((guint) key->width * 31u) ^ ((guint) key->height << 16);
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *ka = a, *kb = b;

  return ka->metrics == kb->metrics && ka->attrs == kb->attrs && ka->width == kb->width
         && ka->height == kb->height && strcmp (ka->text, kb->text) == 0;
}

static PangoLayout *
new_layout (PangoContext  *context,
            const char    *text,
            PangoAttrList *attrs,
            gboolean       rtl,
            int            width,
            int            height)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_height (layout, height * PANGO_SCALE);

  return layout;
}

/* A shared layout of @text, made with the metrics' context (the same
 * settings as the cell's own). */
static PangoLayout *
lookup_shared_layout (const IkouCellMetrics *metrics,
                      const char            *text,
                      PangoAttrList         *attrs,
                      gboolean               rtl,
                      int                    width,
                      int                    height)
{
  static GHashTable *shared;
  LayoutKey key = { metrics, attrs, width, height, text };
  LayoutKey *new_key;
  PangoLayout *layout;

  if (shared == NULL)
    shared = g_hash_table_new_full (layout_key_hash, layout_key_equal, g_free, g_object_unref);

  layout = g_hash_table_lookup (shared, &key);
  if (layout != NULL)
    return g_object_ref (layout);

  if (g_hash_table_size (shared) >= SHARED_LAYOUTS_MAX)
    g_hash_table_remove_all (shared);

  /* The direction is the context's: part of the metrics' key. */
  layout = new_layout (metrics->context, text, attrs, rtl, width, height);
  new_key = g_memdup2 (&key, sizeof key);
  new_key->text = pango_layout_get_text (layout);
  g_hash_table_insert (shared, new_key, g_object_ref (layout));

  return layout;
}

/* The CSS's text attributes (gtk_widget_create_pango_layout() sets
 * them, most cells' style gives none) with the cell's on top. */
static PangoLayout *
get_layout (IkouTextCell *self,
            int           width,
            int           height)
{
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (priv->layout != NULL && priv->layout_width == width && priv->layout_height == height)
    return priv->layout;
  g_clear_object (&priv->layout);
  priv->layout_width = width;
  priv->layout_height = height;

  if (!priv->css_attrs_known)
    {
      g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (widget, NULL);
      PangoAttrList *css = pango_layout_get_attributes (probe);

      priv->css_attrs = css != NULL ? pango_attr_list_ref (css) : NULL;
      priv->css_attrs_known = TRUE;
    }

  if (priv->css_attrs == NULL)
    priv->layout = lookup_shared_layout (get_metrics (self), priv->text, priv->attrs, rtl,
                                         width, height);
  else
    {
      g_autoptr(PangoAttrList) merged = pango_attr_list_copy (priv->css_attrs);
      GSList *list = priv->attrs != NULL ? pango_attr_list_get_attributes (priv->attrs) : NULL;

      for (GSList *l = list; l != NULL; l = l->next)
        pango_attr_list_change (merged, l->data);
      g_slist_free (list);
      priv->layout = new_layout (gtk_widget_get_pango_context (widget), priv->text, merged, rtl,
                                 width, height);
    }

  return priv->layout;
}

/* Drops what the style gave: it comes back when next drawn. */
static void
forget_style (IkouTextCell *self)
{
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  priv->metrics = NULL;
  g_clear_pointer (&priv->css_attrs, pango_attr_list_unref);
  priv->css_attrs_known = FALSE;
  g_clear_object (&priv->layout);
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

  GTK_WIDGET_CLASS (ikou_text_cell_parent_class)->css_changed (widget, change);

  /* Font, text attributes: both come back from the new style when next
   * measured and drawn (GTK resizes and redraws for such changes). */
  forget_style (self);
}

static void
ikou_text_cell_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  IkouTextCell *self = IKOU_TEXT_CELL (widget);

  GTK_WIDGET_CLASS (ikou_text_cell_parent_class)->direction_changed (widget, previous);
  /* The direction is one of the context's settings. */
  forget_style (self);
}

static void
ikou_text_cell_system_setting_changed (GtkWidget         *widget,
                                       GtkSystemSetting   setting)
{
  IkouTextCell *self = IKOU_TEXT_CELL (widget);

  GTK_WIDGET_CLASS (ikou_text_cell_parent_class)->system_setting_changed (widget, setting);
  if (!ikou_system_setting_affects_text (setting))
    return;
  forget_style (self);
  gtk_widget_queue_resize (widget);
}

static void
ikou_text_cell_finalize (GObject *object)
{
  IkouTextCell *self = IKOU_TEXT_CELL (object);
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  g_clear_object (&priv->layout);
  g_clear_pointer (&priv->attrs, pango_attr_list_unref);
  g_clear_pointer (&priv->css_attrs, pango_attr_list_unref);
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
  g_clear_object (&priv->layout);
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

PangoLayout *
ikou_text_cell_get_layout (IkouTextCell *self)
{
  IkouTextCellPrivate *priv = ikou_text_cell_get_instance_private (self);

  g_return_val_if_fail (IKOU_IS_TEXT_CELL (self), NULL);

  return priv->layout;
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
