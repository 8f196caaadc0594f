/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>

#include "ikou-finding.h"
#include "ikou-mark-painter.h"
#include "ikou-render-util.h"

/* A mark drawn once into a bitmap for raster targets (see
 * ikou_mark_painter_begin()): one per milestone × ring (none, or the worst
 * finding's severity) × selected or not, and one finding marker per
 * severity; each in up to four variants with the mark's centre on a
 * pixel corner or a pixel centre in x and in y. */
#define N_RINGS (IKOU_N_SEVERITIES + 1)
#define N_MILESTONE_SPRITES (IKOU_N_MILESTONES * N_RINGS * 2)
#define N_GHOST_SPRITES IKOU_N_MILESTONES   /* a compared plan's hollow marks */
#define N_SPRITES (N_MILESTONE_SPRITES + IKOU_N_SEVERITIES + N_GHOST_SPRITES)
#define N_SPRITE_PHASES 4
#define MAX_SPRITE_PX 256

typedef struct
{
  cairo_pattern_t *pattern;   /* NULL until first used */
  int              anchor_x;  /* pixel of the sprite under the mark's centre */
  int              anchor_y;  /* (plus half a pixel in a half-pixel phase) */
  int              width;
  int              height;
} Sprite;



struct _IkouMarkPainter
{
  GObject          parent_instance;

  IkouRenderStyle  style;
  double           row_height;
  cairo_pattern_t *hatch[IKOU_N_HOST_KINDS];

  /* Mark sprites: valid for the scales they were made at; dropped when
   * the style, the row height (the mark size) or the scale changes. */
  double           scale_factor;     /* rasterized later at this scale */
  gboolean         use_sprites;      /* this draw places marks from sprites */
  double           sprite_user_x;    /* user unit → sprite pixels */
  double           sprite_user_y;
  double           sprite_dev_x;     /* cairo device unit → pixels */
  double           sprite_dev_y;
  double           sprite_off_x;     /* the target's device offset, in pixels */
  double           sprite_off_y;
  Sprite           sprites[N_SPRITES * N_SPRITE_PHASES];
};

G_DEFINE_FINAL_TYPE (IkouMarkPainter, ikou_mark_painter, G_TYPE_OBJECT)

static void
clear_sprites (IkouMarkPainter *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->sprites); i++)
    g_clear_pointer (&self->sprites[i].pattern, cairo_pattern_destroy);
}

static void
clear_hatches (IkouMarkPainter *self)
{
  for (guint i = 0; i < IKOU_N_HOST_KINDS; i++)
    g_clear_pointer (&self->hatch[i], cairo_pattern_destroy);
}

static void
ikou_mark_painter_finalize (GObject *object)
{
  IkouMarkPainter *self = IKOU_MARK_PAINTER (object);

  clear_sprites (self);
  clear_hatches (self);
  ikou_render_style_clear (&self->style);

  G_OBJECT_CLASS (ikou_mark_painter_parent_class)->finalize (object);
}

static void
ikou_mark_painter_class_init (IkouMarkPainterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_mark_painter_finalize;
}

static void
ikou_mark_painter_init (IkouMarkPainter *self)
{
  self->row_height = 28.0;
  self->scale_factor = 1.0;
  ikou_render_style_init_default (&self->style);
}

IkouMarkPainter *
ikou_mark_painter_new (void)
{
  return g_object_new (IKOU_TYPE_MARK_PAINTER, NULL);
}

static void
rebuild_hatches (IkouMarkPainter *self)
{
  const double t = 6.0;

  for (guint kind = 0; kind < IKOU_N_HOST_KINDS; kind++)
    {
      cairo_surface_t *tile;
      cairo_t *cr;

      g_clear_pointer (&self->hatch[kind], cairo_pattern_destroy);

      /* A recording surface keeps the hatch as vectors in PDF and SVG. */
      tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                             &(cairo_rectangle_t) { 0, 0, t, t });
      cr = cairo_create (tile);
      ikou_render_set_source_alpha (cr, &self->style.foreground, 0.45);
      cairo_set_line_width (cr, 0.8);
      switch ((IkouHostKind) kind)
        {
        case IKOU_HOST_ONPREM_SHARED:      /* ／ */
          cairo_move_to (cr, -1, t + 1);
          cairo_line_to (cr, t + 1, -1);
          cairo_stroke (cr);
          break;
        case IKOU_HOST_ONPREM_DEDICATED:   /* ✕ */
          cairo_move_to (cr, -1, t + 1);
          cairo_line_to (cr, t + 1, -1);
          cairo_move_to (cr, -1, -1);
          cairo_line_to (cr, t + 1, t + 1);
          cairo_stroke (cr);
          break;
        case IKOU_HOST_SHARED_CLOUD:       /* dots */
          cairo_arc (cr, t / 2, t / 2, 0.9, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case IKOU_HOST_GOV_CLOUD:          /* ― */
          cairo_move_to (cr, 0, t / 2);
          cairo_line_to (cr, t, t / 2);
          cairo_stroke (cr);
          break;
        case IKOU_HOST_OTHER:              /* ＼ */
        case IKOU_N_HOST_KINDS:
        default:
          cairo_move_to (cr, -1, -1);
          cairo_line_to (cr, t + 1, t + 1);
          cairo_stroke (cr);
          break;
        }
      cairo_destroy (cr);
      self->hatch[kind] = cairo_pattern_create_for_surface (tile);
      cairo_pattern_set_extend (self->hatch[kind], CAIRO_EXTEND_REPEAT);
      cairo_surface_destroy (tile);
    }
}


static const IkouColor *
severity_color (IkouMarkPainter *self,
                int              severity)
{
  switch (severity)
    {
    case IKOU_SEVERITY_ERROR:
      return &self->style.error;
    case IKOU_SEVERITY_WARNING:
      return &self->style.warning;
    default:
      return &self->style.info;
    }
}


static double
mark_size (IkouMarkPainter *self)
{
  return MIN (self->row_height * 0.62, MAX (self->style.font_size * 1.35, 8.0));
}


/* The radius of the finding marker at a row's start. */
static double
finding_radius (IkouMarkPainter *self)
{
  return MIN (mark_size (self) / 2, self->row_height * 0.28);
}


static void
path_star (cairo_t *cr,
           double   cx,
           double   cy,
           double   r)
{
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + i * G_PI / 5;
      double rr = (i % 2 == 0) ? r * 1.15 : r * 0.5;

      if (i == 0)
        cairo_move_to (cr, cx + rr * cos (a), cy + rr * sin (a) + r * 0.1);
      else
        cairo_line_to (cr, cx + rr * cos (a), cy + rr * sin (a) + r * 0.1);
    }
  cairo_close_path (cr);
}

static void
path_milestone (cairo_t      *cr,
                IkouMilestone milestone,
                double        cx,
                double        cy,
                double        r)
{
  cairo_new_path (cr);
  switch (milestone)
    {
    case IKOU_MILESTONE_BUDGET:
      path_star (cr, cx, cy, r);
      break;
    case IKOU_MILESTONE_CONTRACT:
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r, cy);
      cairo_line_to (cr, cx, cy + r);
      cairo_line_to (cr, cx - r, cy);
      cairo_close_path (cr);
      break;
    case IKOU_MILESTONE_CUTOVER:
    case IKOU_N_MILESTONES:
    default:
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r * 1.05, cy + r * 0.8);
      cairo_line_to (cr, cx - r * 1.05, cy + r * 0.8);
      cairo_close_path (cr);
      break;
    }
}

/* @milestone's shape filled with @fill and outlined with @line, each at
 * a share of its own alpha. */
static void
paint_milestone (cairo_t         *cr,
                 IkouMilestone    milestone,
                 double           cx,
                 double           cy,
                 double           r,
                 const IkouColor *fill,
                 double           fill_alpha,
                 const IkouColor *line,
                 double           line_alpha,
                 double           line_width)
{
  path_milestone (cr, milestone, cx, cy, r);
  ikou_render_set_source_alpha (cr, fill, fill_alpha);
  cairo_fill_preserve (cr);
  ikou_render_set_source_alpha (cr, line, line_alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_finding_shape (IkouMarkPainter *self,
                    cairo_t         *cr,
                    int              severity,
                    double           cx,
                    double           cy,
                    double           r)
{
  /* Different shapes per severity so a B/W copy still tells them apart. */
  cairo_new_path (cr);
  ikou_render_set_source (cr, severity_color (self, severity));
  switch (severity)
    {
    case IKOU_SEVERITY_ERROR:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      ikou_render_set_source (cr, &self->style.background);
      cairo_rectangle (cr, cx - r * 0.14, cy - r * 0.62, r * 0.28, r * 0.75);
      cairo_rectangle (cr, cx - r * 0.14, cy + r * 0.3, r * 0.28, r * 0.28);
      cairo_fill (cr);
      break;
    case IKOU_SEVERITY_WARNING:
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r * 1.1, cy + r * 0.85);
      cairo_line_to (cr, cx - r * 1.1, cy + r * 0.85);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    default:
      cairo_set_line_width (cr, MAX (1.0, r / 3));
      cairo_arc (cr, cx, cy, r * 0.8, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    }
}


/* The finding and selection rings around a milestone (@ring: the worst
 * severity of its findings, or -1), then the mark itself. */
static void
draw_mark (IkouMarkPainter *self,
           cairo_t         *cr,
           IkouMilestone    milestone,
           int              ring,
           gboolean         selected,
           double           cx,
           double           cy,
           double           r)
{
  if (ring >= 0)
    {
      ikou_render_set_source (cr, severity_color (self, ring));
      cairo_set_line_width (cr, 2.0);
      cairo_arc (cr, cx, cy, r + 2.5, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  if (selected)
    {
      IkouColor sel = self->style.selection;

      sel.alpha = 1.0;
      ikou_render_set_source (cr, &sel);
      cairo_set_line_width (cr, 2.5);
      cairo_arc (cr, cx, cy, r + 4.5, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  ikou_mark_painter_draw_milestone_shape (self, cr, milestone, cx, cy, r);
}

/* Mark sprites ------------------------------------------------------------
 *
 * Anti-aliased shapes and arc strokes cost pixman far more than copying
 * pixels: on raster targets each kind of mark is drawn once into an image
 * at the target's resolution and then copied onto whole pixels (a plain
 * OVER blit).  The mark's centre lands on the nearest half pixel (the
 * sprite comes in a corner- and a centre-anchored variant per axis), so
 * it is never more than a quarter of a pixel off. */

static guint
milestone_sprite (IkouMilestone milestone,
                  int           ring,
                  gboolean      selected)
{
  return ((guint) milestone * N_RINGS + (guint) (ring + 1)) * 2 + (selected ? 1 : 0);
}

static guint
finding_sprite (int severity)
{
  return N_MILESTONE_SPRITES + (guint) severity;
}

static guint
ghost_sprite (IkouMilestone milestone)
{
  return N_MILESTONE_SPRITES + IKOU_N_SEVERITIES + (guint) milestone;
}

/* The ring and the selection of milestone sprite @index. */
static int
sprite_ring (guint index)
{
  return (int) (index / 2 % N_RINGS) - 1;
}

static gboolean
sprite_selected (guint index)
{
  return index % 2 == 1;
}

/* A milestone of the compared plan: hollow, in its colour. */
static void
draw_ghost_mark (IkouMarkPainter *self,
                 cairo_t         *cr,
                 IkouMilestone    milestone,
                 double           cx,
                 double           cy,
                 double           r)
{
  paint_milestone (cr, milestone, cx, cy, r, &self->style.background, 0.6,
                   &self->style.milestone[milestone], 0.9, 1.25);
}

/* Whether this draw places marks from sprites, and at which scale: the
 * target must be raster and the user space an unrotated, unmirrored
 * scale of its pixels.  The scale comes from the context (the CTM), the
 * target (its device scale) and the scale factor (a GTK snapshot is
 * recorded at 1 and rasterized later). */
void
ikou_mark_painter_begin (IkouMarkPainter *self,
                         cairo_t         *cr,
                         gboolean         pixel_snap)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  double ux = 1, uy = 0, vx = 0, vy = 1;
  double dev_x, dev_y, off_x, off_y;
  double user_x, user_y;

  g_return_if_fail (IKOU_IS_MARK_PAINTER (self));

  self->use_sprites = FALSE;
  if (!pixel_snap)
    return;

  cairo_user_to_device_distance (cr, &ux, &uy);
  cairo_user_to_device_distance (cr, &vx, &vy);
  if (uy != 0 || vx != 0 || !(ux > 0) || !(vy > 0))
    return;
  cairo_surface_get_device_scale (target, &dev_x, &dev_y);
  cairo_surface_get_device_offset (target, &off_x, &off_y);
  dev_x *= self->scale_factor;
  dev_y *= self->scale_factor;
  user_x = ux * dev_x;
  user_y = vy * dev_y;

  /* A mark hundreds of pixels wide (a huge zoom): draw the shapes. */
  if ((mark_size (self) + 16) * MAX (user_x, user_y) > MAX_SPRITE_PX)
    return;

  if (user_x != self->sprite_user_x || user_y != self->sprite_user_y ||
      dev_x != self->sprite_dev_x || dev_y != self->sprite_dev_y)
    {
      clear_sprites (self);
      self->sprite_user_x = user_x;
      self->sprite_user_y = user_y;
      self->sprite_dev_x = dev_x;
      self->sprite_dev_y = dev_y;
    }
  self->sprite_off_x = off_x * self->scale_factor;
  self->sprite_off_y = off_y * self->scale_factor;
  self->use_sprites = TRUE;
}

/* The radius of the mark of sprite @index. */
static double
mark_radius (IkouMarkPainter *self,
             guint            index)
{
  if (index >= N_MILESTONE_SPRITES && index < N_MILESTONE_SPRITES + IKOU_N_SEVERITIES)
    return finding_radius (self);
  return mark_size (self) / 2;
}

/* The mark of sprite @index, drawn at (@cx, @cy) with radius @r. */
static void
draw_sprite_mark (IkouMarkPainter *self,
                  cairo_t         *cr,
                  guint            index,
                  double           cx,
                  double           cy,
                  double           r)
{
  if (index < N_MILESTONE_SPRITES)
    draw_mark (self, cr, index / (2 * N_RINGS), sprite_ring (index), sprite_selected (index),
               cx, cy, r);
  else if (index < N_MILESTONE_SPRITES + IKOU_N_SEVERITIES)
    draw_finding_shape (self, cr, index - N_MILESTONE_SPRITES, cx, cy, r);
  else
    draw_ghost_mark (self, cr, index - N_MILESTONE_SPRITES - IKOU_N_SEVERITIES, cx, cy, r);
}

static Sprite *
get_sprite (IkouMarkPainter *self,
            guint            index,
            guint            phase)
{
  Sprite *sprite = &self->sprites[index * N_SPRITE_PHASES + phase];
  cairo_surface_t *surface;
  cairo_t *scr;
  double r, extent;

  if (sprite->pattern != NULL)
    return sprite;

  r = mark_radius (self, index);
  /* How far the drawing reaches from the centre, in user units. */
  if (index < N_MILESTONE_SPRITES)
    {
      extent = 1.25 * r + MAX (0.75, r / 8) / 2;    /* the ★'s tips and outline */
      if (sprite_ring (index) >= 0)
        extent = MAX (extent, r + 2.5 + 1.0);
      if (sprite_selected (index))
        extent = MAX (extent, r + 4.5 + 1.25);
    }
  else if (index < N_MILESTONE_SPRITES + IKOU_N_SEVERITIES)
    extent = MAX (1.1 * r, 0.8 * r + MAX (1.0, r / 3) / 2);
  else
    extent = 1.25 * r + 1.0;
  extent += 1.0;   /* anti-aliasing */

  sprite->anchor_x = (int) ceil (extent * self->sprite_user_x);
  sprite->anchor_y = (int) ceil (extent * self->sprite_user_y);
  sprite->width = 2 * sprite->anchor_x + 1;
  sprite->height = 2 * sprite->anchor_y + 1;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sprite->width, sprite->height);
  scr = cairo_create (surface);
  cairo_translate (scr, sprite->anchor_x + 0.5 * (phase & 1), sprite->anchor_y + 0.5 * (phase >> 1));
  cairo_scale (scr, self->sprite_user_x, self->sprite_user_y);
  draw_sprite_mark (self, scr, index, 0, 0, r);
  cairo_destroy (scr);

  /* One sprite pixel per target pixel once placed in device units. */
  cairo_surface_set_device_scale (surface, self->sprite_dev_x, self->sprite_dev_y);
  sprite->pattern = cairo_pattern_create_for_surface (surface);
  cairo_surface_destroy (surface);
  return sprite;
}

/* Copies sprite @index with its mark's centre at (@x, @y), user space,
 * moved to the nearest half pixel.  Placed with an identity CTM so that
 * the source maps onto the target's pixels exactly (no rounding in a
 * product of inverse scales): pixman then copies instead of sampling. */
static void
place_sprite (IkouMarkPainter *self,
              cairo_t         *cr,
              guint            index,
              double           x,
              double           y)
{
  cairo_matrix_t ctm, matrix;
  const Sprite *sprite;
  double qx, qy, fx, fy;
  double left, top;

  cairo_user_to_device (cr, &x, &y);
  qx = round (2 * (x * self->sprite_dev_x + self->sprite_off_x)) / 2;
  qy = round (2 * (y * self->sprite_dev_y + self->sprite_off_y)) / 2;
  fx = floor (qx);
  fy = floor (qy);
  sprite = get_sprite (self, index, (qx > fx ? 1 : 0) | (qy > fy ? 2 : 0));
  left = (fx - sprite->anchor_x - self->sprite_off_x) / self->sprite_dev_x;
  top = (fy - sprite->anchor_y - self->sprite_off_y) / self->sprite_dev_y;

  cairo_get_matrix (cr, &ctm);
  cairo_identity_matrix (cr);
  cairo_matrix_init_translate (&matrix, -left, -top);
  cairo_pattern_set_matrix (sprite->pattern, &matrix);
  cairo_set_source (cr, sprite->pattern);
  cairo_rectangle (cr, left, top, sprite->width / self->sprite_dev_x,
                   sprite->height / self->sprite_dev_y);
  cairo_fill (cr);
  cairo_set_matrix (cr, &ctm);
}

/* Mark @index (the sprite index numbers every kind of mark) centred at
 * (@x, @y): its sprite when this draw uses them, else drawn. */
static void
place_mark (IkouMarkPainter *self,
            cairo_t         *cr,
            guint            index,
            double           x,
            double           y)
{
  if (self->use_sprites)
    place_sprite (self, cr, index, x, y);
  else
    draw_sprite_mark (self, cr, index, x, y, mark_radius (self, index));
}


void
ikou_mark_painter_fill_host (IkouMarkPainter *self,
                             cairo_t         *cr,
                             IkouHostKind     kind,
                             double           x0,
                             double           y0,
                             double           x1,
                             double           y1)
{
  g_return_if_fail (IKOU_IS_MARK_PAINTER (self));
  g_return_if_fail ((guint) kind < IKOU_N_HOST_KINDS);

  ikou_render_path_box (cr, ikou_mark_painter_wants_pixel_snap (cr), x0, y0, x1, y1);
  ikou_render_set_source (cr, &self->style.host_kind[kind]);
  if (self->style.patterns && self->hatch[kind] != NULL)
    {
      cairo_fill_preserve (cr);
      cairo_set_source (cr, self->hatch[kind]);
    }
  cairo_fill (cr);
}

/* On a raster target (the window, PNG) rectangles on whole device pixels
 * take pixman's fast path instead of the anti-aliasing rasterizer: about
 * half the cost of a frame.  Vector targets (PDF, SVG, printing) keep
 * the exact positions. */
gboolean
ikou_mark_painter_wants_pixel_snap (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return FALSE;
    default:
      return TRUE;
    }
}

void
ikou_mark_painter_set_style (IkouMarkPainter       *self,
                             const IkouRenderStyle *style)
{
  g_return_if_fail (IKOU_IS_MARK_PAINTER (self));
  g_return_if_fail (style != NULL);

  ikou_render_style_copy (&self->style, style);
  clear_hatches (self);
  if (self->style.patterns)
    rebuild_hatches (self);
  clear_sprites (self);
}

void
ikou_mark_painter_set_row_height (IkouMarkPainter *self,
                                  double           row_height)
{
  g_return_if_fail (IKOU_IS_MARK_PAINTER (self));

  if (self->row_height != row_height)
    clear_sprites (self);
  self->row_height = row_height;
}

void
ikou_mark_painter_set_scale_factor (IkouMarkPainter *self,
                                    double           scale_factor)
{
  g_return_if_fail (IKOU_IS_MARK_PAINTER (self));
  g_return_if_fail (scale_factor > 0);

  /* The sprites follow in the next begin(). */
  self->scale_factor = scale_factor;
}

double
ikou_mark_painter_get_mark_size (IkouMarkPainter *self)
{
  g_return_val_if_fail (IKOU_IS_MARK_PAINTER (self), 0);

  return mark_size (self);
}

double
ikou_mark_painter_get_finding_radius (IkouMarkPainter *self)
{
  g_return_val_if_fail (IKOU_IS_MARK_PAINTER (self), 0);

  return finding_radius (self);
}

double
ikou_mark_painter_get_finding_marker_width (IkouMarkPainter *self)
{
  g_return_val_if_fail (IKOU_IS_MARK_PAINTER (self), 0);

  return finding_radius (self) * 2 + 6;
}

gboolean
ikou_mark_painter_uses_sprites (IkouMarkPainter *self)
{
  g_return_val_if_fail (IKOU_IS_MARK_PAINTER (self), FALSE);

  return self->use_sprites;
}

cairo_pattern_t *
ikou_mark_painter_get_hatch (IkouMarkPainter *self,
                             IkouHostKind     kind)
{
  g_return_val_if_fail (IKOU_IS_MARK_PAINTER (self), NULL);
  g_return_val_if_fail ((guint) kind < IKOU_N_HOST_KINDS, NULL);

  return self->style.patterns ? self->hatch[kind] : NULL;
}

void
ikou_mark_painter_draw_milestone (IkouMarkPainter *self,
                                  cairo_t         *cr,
                                  IkouMilestone    milestone,
                                  int              ring,
                                  gboolean         selected,
                                  double           x,
                                  double           y)
{
  place_mark (self, cr, milestone_sprite (milestone, ring, selected), x, y);
}

void
ikou_mark_painter_draw_finding (IkouMarkPainter *self,
                                cairo_t         *cr,
                                int              severity,
                                double           x,
                                double           y)
{
  place_mark (self, cr, finding_sprite (severity), x, y);
}

void
ikou_mark_painter_draw_ghost (IkouMarkPainter *self,
                              cairo_t         *cr,
                              IkouMilestone    milestone,
                              double           x,
                              double           y)
{
  place_mark (self, cr, ghost_sprite (milestone), x, y);
}

void
ikou_mark_painter_draw_milestone_shape (IkouMarkPainter *self,
                                        cairo_t         *cr,
                                        IkouMilestone    milestone,
                                        double           cx,
                                        double           cy,
                                        double           r)
{
  g_return_if_fail (IKOU_IS_MARK_PAINTER (self));

  paint_milestone (cr, milestone, cx, cy, r, &self->style.milestone[milestone], 1.0,
                   &self->style.foreground, 0.85, MAX (0.75, r / 8));
}

void
ikou_mark_painter_draw_finding_shape (IkouMarkPainter *self,
                                      cairo_t         *cr,
                                      int              severity,
                                      double           cx,
                                      double           cy,
                                      double           r)
{
  g_return_if_fail (IKOU_IS_MARK_PAINTER (self));

  draw_finding_shape (self, cr, severity, cx, cy, r);
}

/* 経過措置: filled with the background, outlined in the foreground at
 * the line width in use. */
void
ikou_mark_painter_draw_transitional (IkouMarkPainter *self,
                                     cairo_t         *cr,
                                     double           x,
                                     double           cy,
                                     double           r)
{
  g_return_if_fail (IKOU_IS_MARK_PAINTER (self));

  cairo_move_to (cr, x, cy - r);
  cairo_line_to (cr, x + r * 1.5, cy);
  cairo_line_to (cr, x, cy + r);
  cairo_close_path (cr);
  ikou_render_set_source (cr, &self->style.background);
  cairo_fill_preserve (cr);
  ikou_render_set_source (cr, &self->style.foreground);
  cairo_stroke (cr);
}
