/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-timeline-private.h"

/* The roadmap widget: a viewport-sized GtkScrollable that draws the
 * visible rows through IkouRenderer in snapshot; its drags, scrolling,
 * keys and findings are in ikou-timeline-*.c. */

static void ikou_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IkouTimeline, ikou_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      ikou_timeline_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_ERA_LABELS,
  PROP_HEADER_HEIGHT,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

/* Helpers ---------------------------------------------------------------- */

double
_ikou_timeline_scroll_x (IkouTimeline *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

double
_ikou_timeline_scroll_y (IkouTimeline *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static IkouColor
to_ikou_color (const GdkRGBA *rgba)
{
  IkouColor c = { rgba->red, rgba->green, rgba->blue, rgba->alpha };
  return c;
}

/* A day in the labels of the interface: R7.4.1 (2025-04-01) with the
 * era setting in Japanese, else 2025-04-01. */
char *
_ikou_timeline_format_day (IkouTimeline *self,
                           IkouDay       day)
{
  IkouLabels labels = ikou_labels_for_locale (self->era_labels);
  g_autofree char *label = NULL;
  g_autofree char *iso = NULL;

  if (day == IKOU_DAY_NONE)
    return g_strdup (_("no date"));
  label = ikou_day_label (day, labels);
  if (labels != IKOU_LABELS_ERA)
    return g_steal_pointer (&label);
  iso = ikou_day_format_iso (day);
  /* TRANSLATORS: a date in the Japanese era, then in the Western calendar. */
  return g_strdup_printf (_("%s (%s)"), label, iso);
}

IkouSystem *
_ikou_timeline_selected_system (IkouTimeline *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

void
_ikou_timeline_sync_selected (IkouTimeline *self)
{
  IkouSystem *system = _ikou_timeline_selected_system (self);
  guint id = system ? ikou_system_get_id (system) : 0;

  if (ikou_renderer_get_selected (self->renderer) != id)
    self->sel_step = -1;
  ikou_renderer_set_selected (self->renderer, id);
  ikou_renderer_set_selected_ids (self->renderer,
                                  self->multi != NULL ? ikou_selection_get_ids (self->multi) : NULL);
  ikou_renderer_set_selected_milestone (self->renderer, self->sel_step, self->sel_milestone);
  _ikou_timeline_update_actions (self);
}

/* Theme ------------------------------------------------------------------ */

static gboolean
lookup_color (GtkStyleContext *context,
              const char      *name,
              IkouColor       *out)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (context, name, &rgba))
    return FALSE;
  *out = to_ikou_color (&rgba);
  return TRUE;
}

static void
update_style (IkouTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  IkouRenderStyle style;
  GdkRGBA fg;
  IkouColor accent;
  double lum;
  double old_header = ikou_renderer_get_header_height (self->renderer);

  ikou_render_style_init_default (&style);

  gtk_style_context_get_color (context, &fg);
  style.foreground = to_ikou_color (&fg);
  style.dim_foreground = style.foreground;
  style.dim_foreground.alpha *= 0.7;
  lookup_color (context, "view_bg_color", &style.background);
  lookup_color (context, "view_fg_color", &style.foreground);
  if (!lookup_color (context, "headerbar_shade_color", &style.header_background))
    style.header_background = style.background;
  else
    {
      /* Shade over the view colour, like the list's header strip. */
      IkouColor shade = style.header_background;
      double a = shade.alpha;

      style.header_background.red = style.background.red * (1 - a) + shade.red * a;
      style.header_background.green = style.background.green * (1 - a) + shade.green * a;
      style.header_background.blue = style.background.blue * (1 - a) + shade.blue * a;
      style.header_background.alpha = 1;
    }
  if (lookup_color (context, "accent_bg_color", &accent))
    {
      style.today = accent;
      style.selection = accent;
      style.selection.alpha = 0.25;
    }
  lookup_color (context, "accent_color", &style.info);
  lookup_color (context, "error_color", &style.error);
  lookup_color (context, "error_color", &style.deadline);
  lookup_color (context, "warning_color", &style.warning);

  lum = 0.2126 * style.background.red + 0.7152 * style.background.green +
        0.0722 * style.background.blue;
  style.grid = style.foreground;
  style.grid.alpha = high_contrast ? 0.45 : 0.15;
  style.row_alternate = style.foreground;
  style.row_alternate.alpha = lum < 0.5 ? 0.05 : 0.035;
  style.phase = style.foreground;
  style.phase.alpha = lum < 0.5 ? 0.16 : 0.10;
  if (lum < 0.5)
    {
      /* Softer fills on a dark view; text on them picks its colour. */
      for (int k = 0; k < IKOU_N_HOST_KINDS; k++)
        {
          style.host_kind[k].red *= 0.78;
          style.host_kind[k].green *= 0.78;
          style.host_kind[k].blue *= 0.78;
        }
      style.build.red *= 0.85;
      style.build.green *= 0.85;
      style.build.blue *= 0.85;
    }
  /* High contrast: hatches tell the host kinds apart without colour. */
  style.patterns = high_contrast;
  style.era_labels = self->era_labels;

  if (font != NULL)
    {
      double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      double dpi = pango_cairo_context_get_resolution (pango);

      if (!pango_font_description_get_size_is_absolute (font))
        size = size * (dpi > 0 ? dpi : 96.0) / 72.0;
      if (size > 4)
        style.font_size = size * 0.92;
      if (pango_font_description_get_family (font) != NULL)
        {
          g_free (style.font_family);
          style.font_family = g_strdup (pango_font_description_get_family (font));
        }
    }

  ikou_renderer_set_style (self->renderer, &style);
  ikou_render_style_clear (&style);

  if (old_header != ikou_renderer_get_header_height (self->renderer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_HEIGHT]);
}

/* Actions are enabled only when they apply, so Esc and Alt+←/→ reach
 * the window when there is no drag or no selected milestone. */
void
_ikou_timeline_update_actions (IkouTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  IkouSystem *system = _ikou_timeline_selected_system (self);
  gboolean dragging = self->drag.kind != DRAG_NONE;
  gboolean movable = !dragging && !self->read_only && system != NULL && self->sel_step >= 0 &&
                     (guint) self->sel_step < _ikou_timeline_n_steps_of (self, system);
  IkouZoom zoom = ikou_renderer_get_zoom (self->renderer);

  gtk_widget_action_set_enabled (widget, "timeline.cancel-drag", dragging);
  gtk_widget_action_set_enabled (widget, "timeline.move-earlier", movable);
  gtk_widget_action_set_enabled (widget, "timeline.move-later", movable);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-in", zoom > IKOU_ZOOM_MONTH);
  gtk_widget_action_set_enabled (widget, "timeline.zoom-out", zoom + 1 < IKOU_N_ZOOMS);
}

/* Model signals ---------------------------------------------------------- */

static void
system_changed_cb (IkouTimeline *self,
                   IkouSystem   *system)
{
  IkouDay first, last;

  ikou_renderer_get_range (self->renderer, &first, &last);
  {
    IkouDay f = first, l = last;

    _ikou_timeline_widen_range_for_system (self, system, &f, &l, FALSE);
    if (f != first || l != last)
      {
        double old_x = _ikou_timeline_scroll_x (self);
        double shift = ikou_renderer_x_for_day (self->renderer, first);

        ikou_renderer_set_range (self->renderer, f, l);
        /* Keep the view where it was when the range grows to the left. */
        shift = ikou_renderer_x_for_day (self->renderer, first) - shift;
        _ikou_timeline_configure_hadjustment (self, old_x + shift);
        gtk_widget_queue_allocate (GTK_WIDGET (self));
        _ikou_timeline_redraw (self);
        return;
      }
  }
  /* A preview of the dragged system changes its row alone. */
  if (system == self->drag.system)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    _ikou_timeline_redraw (self);
}

static void
rows_changed_cb (IkouTimeline *self,
                 guint         position,
                 guint         removed,
                 guint         added,
                 GListModel   *model)
{
  _ikou_timeline_sync_selected (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  /* The list looks again at the dragged system after each preview: the
   * same row, drawn anew each frame. */
  if (removed == 1 && added == 1 && self->drag.system != NULL && position == self->drag.row &&
      g_list_model_get_n_items (model) > position)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position);

      if (item == G_OBJECT (self->drag.system))
        {
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return;
        }
    }
  _ikou_timeline_redraw (self);
}

static void
selection_changed_cb (IkouTimeline *self)
{
  _ikou_timeline_sync_selected (self);
  _ikou_timeline_redraw (self);
}

/* Drawing ---------------------------------------------------------------- */

void
_ikou_timeline_redraw (IkouTimeline *self)
{
  g_clear_pointer (&self->drag_view.node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The renderer's view of @bounds (in the widget's pixels), as a node. */
static void
append_view (IkouTimeline          *self,
             GtkSnapshot           *snapshot,
             const graphene_rect_t *bounds,
             int                    width,
             int                    height)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, bounds);

  ikou_renderer_draw (self->renderer, cr, _ikou_timeline_scroll_x (self),
                      _ikou_timeline_scroll_y (self), width, height);
  cairo_destroy (cr);
}

/* The view as two nodes: the body drawn anew and the header, drawn again
 * only when it shows something else. */
static void
append_body_and_header (IkouTimeline *self,
                        GtkSnapshot  *snapshot,
                        int           width,
                        int           height,
                        int           scale)
{
  double header_h = ikou_renderer_get_header_height (self->renderer);
  double scroll_x = _ikou_timeline_scroll_x (self);
  cairo_t *cr;
  guint64 stamp;

  if (header_h >= height)
    {
      append_view (self, snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height), width, height);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, header_h, width, height - header_h));
  ikou_renderer_draw_parts (self->renderer, cr, scroll_x, _ikou_timeline_scroll_y (self),
                            width, height, IKOU_RENDER_BODY);
  cairo_destroy (cr);

  /* After the body: its drawing may have found a new target for text. */
  stamp = ikou_renderer_get_header_stamp (self->renderer);
  if (self->header_view.node == NULL || self->header_view.stamp != stamp ||
      self->header_view.scroll_x != scroll_x || self->header_view.width != width ||
      self->header_view.scale != scale)
    {
      g_autoptr(GtkSnapshot) view = gtk_snapshot_new ();

      g_clear_pointer (&self->header_view.node, gsk_render_node_unref);
      cr = gtk_snapshot_append_cairo (view, &GRAPHENE_RECT_INIT (0, 0, width, header_h));
      ikou_renderer_draw_parts (self->renderer, cr, scroll_x, 0, width, header_h,
                                IKOU_RENDER_HEADER);
      cairo_destroy (cr);
      self->header_view.node = gtk_snapshot_free_to_node (g_steal_pointer (&view));
      self->header_view.stamp = stamp;
      self->header_view.scroll_x = scroll_x;
      self->header_view.width = width;
      self->header_view.scale = scale;
    }
  if (self->header_view.node != NULL)
    gtk_snapshot_append_node (snapshot, self->header_view.node);
}

/* Whether the view kept at the start of a drag shows everything but the
 * dragged row as it is now. */
static gboolean
drag_view_is_current (IkouTimeline *self,
                      int           width,
                      int           height,
                      int           scale)
{
  return self->drag_view.node != NULL &&
         self->drag_view.scroll_x == _ikou_timeline_scroll_x (self) &&
         self->drag_view.scroll_y == _ikou_timeline_scroll_y (self) &&
         self->drag_view.width == width && self->drag_view.height == height &&
         self->drag_view.scale == scale;
}

/* During a drag the moved bar is the only change: the rest of the view
 * is the node drawn at its first step, the same node every frame, so
 * GTK repaints the dragged row alone instead of the whole timeline.  The
 * row is drawn by the whole renderer clipped to whole pixels around it:
 * the same pixels as a full drawing, the background painted first. */
static gboolean
snapshot_drag (IkouTimeline *self,
               GtkSnapshot  *snapshot,
               int           width,
               int           height,
               int           scale)
{
  double header_h = ikou_renderer_get_header_height (self->renderer);
  double row_h = ikou_renderer_get_row_height (self->renderer);
  double top, bottom;

  if (self->drag.kind == DRAG_NONE || !self->drag.moved ||
      ikou_renderer_get_style (self->renderer)->background.alpha < 1)
    return FALSE;

  if (!drag_view_is_current (self, width, height, scale))
    {
      g_autoptr(GtkSnapshot) view = gtk_snapshot_new ();

      g_clear_pointer (&self->drag_view.node, gsk_render_node_unref);
      append_view (self, view, &GRAPHENE_RECT_INIT (0, 0, width, height), width, height);
      self->drag_view.node = gtk_snapshot_free_to_node (g_steal_pointer (&view));
      if (self->drag_view.node == NULL)
        return FALSE;
      self->drag_view.scroll_x = _ikou_timeline_scroll_x (self);
      self->drag_view.scroll_y = _ikou_timeline_scroll_y (self);
      self->drag_view.width = width;
      self->drag_view.height = height;
      self->drag_view.scale = scale;
      gtk_snapshot_append_node (snapshot, self->drag_view.node);
      return TRUE;
    }

  gtk_snapshot_append_node (snapshot, self->drag_view.node);
  top = header_h + self->drag.row * row_h - _ikou_timeline_scroll_y (self);
  bottom = top + row_h;
  top = MAX (floor (top), ceil (header_h));
  bottom = MIN (ceil (bottom), height);
  if (bottom > top)
    append_view (self, snapshot, &GRAPHENE_RECT_INIT (0, top, width, bottom - top), width, height);
  return TRUE;
}

/* GtkWidget -------------------------------------------------------------- */

static void
ikou_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IkouTimeline *self = IKOU_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (width <= 0 || height <= 0)
    return;

  /* The cairo node records in logical pixels; the renderer's mark
   * bitmaps must match the pixels it is rasterized to. */
  ikou_renderer_set_scale_factor (self->renderer, scale);
  if (!snapshot_drag (self, snapshot, width, height, scale))
    {
      g_clear_pointer (&self->drag_view.node, gsk_render_node_unref);
      append_body_and_header (self, snapshot, width, height, scale);
    }
  _ikou_timeline_snapshot_focus (self, snapshot, width, height);
}

static void
ikou_timeline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IkouTimeline *self = IKOU_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = (int) MIN (ikou_renderer_get_content_width (self->renderer), 1200);
    }
  else
    {
      double header = ikou_renderer_get_header_height (self->renderer);
      double rh = ikou_renderer_get_row_height (self->renderer);

      *minimum = (int) ceil (header + rh);
      *natural = (int) ceil (header + rh * MIN (ikou_renderer_get_n_rows (self->renderer), 12));
    }
  *natural = MAX (*natural, *minimum);
}

static void
ikou_timeline_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  IkouTimeline *self = IKOU_TIMELINE (widget);

  if (self->first_view_pending && self->plan != NULL && width > 0)
    {
      self->first_view_pending = FALSE;
      _ikou_timeline_show_first_view (self);
    }
  else
    _ikou_timeline_configure_hadjustment (self, gtk_adjustment_get_value (self->hadjustment));
  _ikou_timeline_configure_vadjustment (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->drag_popover)))
    gtk_popover_present (self->drag_popover);
}

static void
ikou_timeline_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ikou_timeline_parent_class)->css_changed (widget, change);

  update_style (IKOU_TIMELINE (widget));
  gtk_widget_queue_resize (widget);
}

static void
ikou_timeline_system_setting_changed (GtkWidget         *widget,
                                      GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (ikou_timeline_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_DPI ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      update_style (IKOU_TIMELINE (widget));
      gtk_widget_queue_resize (widget);
    }
}

/* GObject ---------------------------------------------------------------- */

static void
ikou_timeline_dispose (GObject *object)
{
  IkouTimeline *self = IKOU_TIMELINE (object);

  _ikou_timeline_drag_reset (self);
  if (self->drag_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->drag_popover));
      self->drag_popover = NULL;
      self->drag_label = NULL;
    }
  ikou_timeline_set_multi_selection (self, NULL);
  ikou_timeline_set_selection (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  ikou_timeline_set_plan (self, NULL);
  if (self->hadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->hadjustment, self);
      g_clear_object (&self->hadjustment);
    }
  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->vadjustment, self);
      g_clear_object (&self->vadjustment);
    }
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->findings_owner, g_ptr_array_unref);
  g_clear_object (&self->schedule);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->drag_view.node, gsk_render_node_unref);
  g_clear_pointer (&self->header_view.node, gsk_render_node_unref);

  G_OBJECT_CLASS (ikou_timeline_parent_class)->dispose (object);
}

static void
ikou_timeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IkouTimeline *self = IKOU_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_int (value, ikou_timeline_get_zoom (self));
      break;
    case PROP_ERA_LABELS:
      g_value_set_boolean (value, self->era_labels);
      break;
    case PROP_HEADER_HEIGHT:
      g_value_set_double (value, ikou_timeline_get_header_height (self));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_timeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IkouTimeline *self = IKOU_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      ikou_timeline_set_zoom (self, g_value_get_int (value));
      break;
    case PROP_ERA_LABELS:
      ikou_timeline_set_era_labels (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      _ikou_timeline_set_hadjustment (self, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      _ikou_timeline_set_vadjustment (self, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_timeline_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
ikou_timeline_class_init (IkouTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_timeline_dispose;
  object_class->get_property = ikou_timeline_get_property;
  object_class->set_property = ikou_timeline_set_property;

  widget_class->snapshot = ikou_timeline_snapshot;
  widget_class->measure = ikou_timeline_measure;
  widget_class->size_allocate = ikou_timeline_size_allocate;
  widget_class->css_changed = ikou_timeline_css_changed;
  widget_class->system_setting_changed = ikou_timeline_system_setting_changed;

  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, 0, IKOU_N_ZOOMS - 1, IKOU_ZOOM_MONTH,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERA_LABELS] =
    g_param_spec_boolean ("era-labels", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HEADER_HEIGHT] =
    g_param_spec_double ("header-height", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");


  _ikou_timeline_class_init_drag (klass);
  _ikou_timeline_class_init_scroll (widget_class);
  _ikou_timeline_class_init_keys (widget_class);

  gtk_widget_class_set_css_name (widget_class, "ikou-timeline");
}

static void
ikou_timeline_init (IkouTimeline *self)
{
  self->renderer = ikou_renderer_new ();
  self->findings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->today = ikou_day_today ();
  self->sel_step = -1;
  ikou_renderer_set_today (self->renderer, self->today);
  _ikou_timeline_update_range (self);

  _ikou_timeline_set_hadjustment (self, NULL);
  _ikou_timeline_set_vadjustment (self, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (_ikou_timeline_query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Migration roadmap"),
                                  -1);

  _ikou_timeline_init_drag (self);
  _ikou_timeline_init_scroll (self);

  _ikou_timeline_update_actions (self);
}

/* Public ----------------------------------------------------------------- */

GtkWidget *
ikou_timeline_new (void)
{
  return g_object_new (IKOU_TYPE_TIMELINE, NULL);
}

IkouRenderer *
ikou_timeline_get_renderer (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), NULL);

  return self->renderer;
}

void
ikou_timeline_set_plan (IkouTimeline *self,
                        IkouPlan     *plan)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (plan == NULL || IKOU_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->drag.kind != DRAG_NONE)
    _ikou_timeline_cancel_drag (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (self->renderer != NULL)
    {
      ikou_renderer_set_plan (self->renderer, plan);
      _ikou_timeline_update_range (self);
    }
  self->first_view_pending = plan != NULL;
  if (plan != NULL)
    {
      g_signal_connect_object (plan, "system-changed", G_CALLBACK (system_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "hosts-changed", G_CALLBACK (_ikou_timeline_redraw), self,
                               G_CONNECT_SWAPPED);
      if (self->selection == NULL)
        g_signal_connect_object (plan, "items-changed", G_CALLBACK (rows_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
view_changed_cb (IkouTimeline *self,
                 guint         system_id)
{
  IkouSystem *system = self->plan != NULL ? ikou_plan_lookup_system (self->plan, system_id) : NULL;

  /* Baseline edits come through the plan's ::system-changed already. */
  if (system != NULL && ikou_document_get_active_scenario (self->document) != NULL)
    system_changed_cb (self, system);
}

static void
sync_scenarios (IkouTimeline *self)
{
  IkouScenario *active = NULL;
  IkouScenario *compare = NULL;
  gboolean comparing = FALSE;

  if (self->document != NULL)
    {
      active = ikou_document_get_active_scenario (self->document);
      comparing = ikou_document_get_comparing (self->document);
      compare = ikou_document_get_compare_scenario (self->document);
    }
  if (self->drag.kind != DRAG_NONE)
    _ikou_timeline_cancel_drag (self);
  ikou_renderer_set_scenario (self->renderer, active);
  ikou_renderer_set_compare (self->renderer, comparing, compare);
  _ikou_timeline_update_range (self);
  _ikou_timeline_update_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _ikou_timeline_redraw (self);
}

void
ikou_timeline_set_document (IkouTimeline *self,
                            IkouDocument *document)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (document == NULL || IKOU_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->drag.kind != DRAG_NONE)
    _ikou_timeline_cancel_drag (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "view-changed", G_CALLBACK (view_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::active-scenario", G_CALLBACK (sync_scenarios),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::comparing", G_CALLBACK (sync_scenarios),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::compare-scenario", G_CALLBACK (sync_scenarios),
                               self, G_CONNECT_SWAPPED);
    }
  ikou_timeline_set_plan (self, document != NULL ? ikou_document_get_plan (document) : NULL);
  sync_scenarios (self);
}

void
ikou_timeline_set_schedule (IkouTimeline *self,
                            IkouSchedule *schedule)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule));

  g_set_object (&self->schedule, schedule);
  ikou_renderer_set_schedule (self->renderer, schedule);
  _ikou_timeline_update_range (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_HEIGHT]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ikou_timeline_set_selection (IkouTimeline       *self,
                             GtkSingleSelection *selection)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (selection == NULL || GTK_IS_SINGLE_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (self->renderer != NULL)
    ikou_renderer_set_rows (self->renderer, selection ? G_LIST_MODEL (selection) : NULL);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "items-changed", G_CALLBACK (rows_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "selection-changed",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::selected",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->renderer != NULL)
    {
      _ikou_timeline_sync_selected (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

void
ikou_timeline_set_read_only (IkouTimeline *self,
                             gboolean      read_only)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  if (self->read_only == !!read_only)
    return;
  self->read_only = !!read_only;
  if (self->renderer != NULL)
    _ikou_timeline_update_actions (self);
}

void
ikou_timeline_set_today (IkouTimeline *self,
                         IkouDay       today)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  self->today = today;
  ikou_renderer_set_today (self->renderer, today);
  _ikou_timeline_redraw (self);
}

void
ikou_timeline_set_zoom (IkouTimeline *self,
                        IkouZoom      zoom)
{
  double width;
  double centre_x;
  IkouDay centre;
  double fraction;
  double px_per_day;

  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail ((guint) zoom < IKOU_N_ZOOMS);

  if (ikou_renderer_get_zoom (self->renderer) == zoom)
    return;

  /* Keep the date at the centre of the view where it is. */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  centre_x = _ikou_timeline_scroll_x (self) + width / 2;
  px_per_day = ikou_renderer_get_px_per_day (self->renderer);
  centre = ikou_renderer_day_for_x (self->renderer, centre_x);
  fraction = (centre_x - ikou_renderer_x_for_day (self->renderer, centre)) / px_per_day;

  ikou_renderer_set_zoom (self->renderer, zoom);
  px_per_day = ikou_renderer_get_px_per_day (self->renderer);
  _ikou_timeline_configure_hadjustment (self, ikou_renderer_x_for_day (self->renderer, centre) +
                               fraction * px_per_day - width / 2);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _ikou_timeline_redraw (self);
  _ikou_timeline_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

IkouZoom
ikou_timeline_get_zoom (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), IKOU_ZOOM_MONTH);

  return ikou_renderer_get_zoom (self->renderer);
}

void
ikou_timeline_set_era_labels (IkouTimeline *self,
                              gboolean      era_labels)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  era_labels = !!era_labels;
  if (self->era_labels == era_labels)
    return;
  self->era_labels = era_labels;
  update_style (self);
  _ikou_timeline_redraw (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERA_LABELS]);
}

void
ikou_timeline_set_row_height (IkouTimeline *self,
                              double        row_height)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (row_height >= 4);

  ikou_renderer_set_row_height (self->renderer, row_height);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
ikou_timeline_get_header_height (IkouTimeline *self)
{
  g_return_val_if_fail (IKOU_IS_TIMELINE (self), 0);

  return ceil (ikou_renderer_get_header_height (self->renderer));
}

void
ikou_timeline_set_multi_selection (IkouTimeline  *self,
                                   IkouSelection *multi)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));
  g_return_if_fail (multi == NULL || IKOU_IS_SELECTION (multi));

  if (self->multi == multi)
    return;
  if (self->multi != NULL)
    g_signal_handlers_disconnect_by_data (self->multi, self);
  g_set_object (&self->multi, multi);
  if (multi != NULL)
    g_signal_connect_object (multi, "selection-changed",
                             G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->renderer != NULL)
    {
      _ikou_timeline_sync_selected (self);
      _ikou_timeline_redraw (self);
    }
}

void
ikou_timeline_select_milestone (IkouTimeline  *self,
                                guint          row,
                                int            step,
                                IkouMilestone  milestone)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, row);
  self->sel_step = step;
  self->sel_milestone = milestone;
  ikou_renderer_set_selected_milestone (self->renderer, step, milestone);
  _ikou_timeline_update_actions (self);
  _ikou_timeline_redraw (self);
}

gboolean
ikou_timeline_get_selected_milestone (IkouTimeline   *self,
                                      IkouSystem    **system,
                                      int            *step,
                                      IkouMilestone  *milestone)
{
  IkouSystem *selected;

  g_return_val_if_fail (IKOU_IS_TIMELINE (self), FALSE);

  selected = _ikou_timeline_selected_system (self);
  if (system)
    *system = selected;
  if (step)
    *step = selected ? self->sel_step : -1;
  if (milestone)
    *milestone = self->sel_milestone;
  return selected != NULL && self->sel_step >= 0;
}
