/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-cost-chart.h"
#include "ikou-error.h"
#include "ikou-export.h"
#include "ikou-export-private.h"
#include "ikou-finding.h"
#include "ikou-renderer.h"

#define DEFAULT_DPI 150.0
#define MAX_DPI 1200.0
#define MAX_YEARS 60

static const PaperMetrics paper_metrics[IKOU_N_PAPERS] = {
  [IKOU_PAPER_A3] = { 24.0, 8.0, 16.0, 16.0, 36.0, 6.0 },
  [IKOU_PAPER_A4] = { 20.0, 7.0, 13.0, 14.0, 30.0, 5.0 },
};

G_DEFINE_FINAL_TYPE (IkouExportJob, ikou_export_job, G_TYPE_OBJECT)


/* Options ---------------------------------------------------------------- */

void
ikou_export_options_init (IkouExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = IKOU_EXPORT_PDF;
  options->paper = IKOU_PAPER_A3;
  options->portrait = FALSE;
  options->from = IKOU_DAY_NONE;
  options->to = IKOU_DAY_NONE;
  options->dpi = DEFAULT_DPI;
  options->today = IKOU_DAY_NONE;
}

gboolean
ikou_export_paper_size (IkouPaper  paper,
                        gboolean   portrait,
                        double    *width_pt,
                        double    *height_pt)
{
  /* ISO 216 in points: 297 × 420 mm and 210 × 297 mm. */
  double short_side, long_side;

  switch (paper)
    {
    case IKOU_PAPER_A3:
      short_side = 841.89;
      long_side = 1190.55;
      break;
    case IKOU_PAPER_A4:
      short_side = 595.28;
      long_side = 841.89;
      break;
    case IKOU_N_PAPERS:
    default:
      return FALSE;
    }
  if (width_pt)
    *width_pt = portrait ? short_side : long_side;
  if (height_pt)
    *height_pt = portrait ? long_side : short_side;
  return TRUE;
}

gboolean
ikou_export_paper_from_string (const char  *text,
                               IkouPaper   *paper,
                               GError     **error)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (text != NULL && g_ascii_strcasecmp (text, "a3") == 0)
    *paper = IKOU_PAPER_A3;
  else if (text != NULL && g_ascii_strcasecmp (text, "a4") == 0)
    *paper = IKOU_PAPER_A4;
  else
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("Unknown paper size “%s”: use a3 or a4."), text ? text : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
ikou_export_costs_from_string (const char       *text,
                               IkouExportCosts  *costs,
                               GError          **error)
{
  static const char *const names[IKOU_N_EXPORT_COSTS] = { "none", "every-page", "page" };

  g_return_val_if_fail (text != NULL && costs != NULL, FALSE);

  for (guint i = 0; i < IKOU_N_EXPORT_COSTS; i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *costs = i;
        return TRUE;
      }
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
               /* Translators: do not translate the values none, every-page, page */
               _("--costs “%s” is not known: use none, every-page (the costs under the roadmap "
                 "on every page) or page (a page of their own)."), text);
  return FALSE;
}

gboolean
ikou_export_format_from_path (const char        *path,
                              IkouExportFormat  *format,
                              GError           **error)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL)
    {
      if (g_ascii_strcasecmp (dot, ".pdf") == 0)
        {
          *format = IKOU_EXPORT_PDF;
          return TRUE;
        }
      if (g_ascii_strcasecmp (dot, ".png") == 0)
        {
          *format = IKOU_EXPORT_PNG;
          return TRUE;
        }
      if (g_ascii_strcasecmp (dot, ".svg") == 0)
        {
          *format = IKOU_EXPORT_SVG;
          return TRUE;
        }
    }
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
               _("Cannot tell the export format from “%s”: the name must end in .pdf, .png or .svg."),
               path);
  return FALSE;
}

/* Range ------------------------------------------------------------------ */

static void
note_day (IkouDay  day,
          IkouDay *min,
          IkouDay *max)
{
  if (day == IKOU_DAY_NONE)
    return;
  if (*min == IKOU_DAY_NONE || day < *min)
    *min = day;
  if (*max == IKOU_DAY_NONE || day > *max)
    *max = day;
}

/* The fiscal years the plan's dates span, with the deadline in view. */
static void
plan_span (IkouExportJob *self,
           IkouDay        today,
           IkouDay       *first,
           IkouDay       *last)
{
  IkouDay min = IKOU_DAY_NONE, max = IKOU_DAY_NONE;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IkouSystem) system = g_list_model_get_item (G_LIST_MODEL (self->plan), i);
      guint n_steps = ikou_scenario_get_n_steps (self->scenario, system);

      for (guint s = 0; s < n_steps; s++)
        {
          IkouStep st;

          ikou_scenario_get_step (self->scenario, system, s, &st, NULL);
          note_day (st.budget_date, &min, &max);
          note_day (st.contract_date, &min, &max);
          note_day (st.cutover_date, &min, &max);
        }
      /* The day after, like the deadline below: the tick stays off the frame. */
      if (ikou_system_get_tokutei (system) &&
          ikou_system_get_tokutei_deadline (system) != IKOU_DAY_NONE)
        note_day (ikou_system_get_tokutei_deadline (system) + 1, &min, &max);
    }
  /* The deadline and the fiscal year after it, so the R7年度末 line is
   * not on the frame and a late cut-over shows beside it. */
  if (self->schedule != NULL && ikou_schedule_get_deadline (self->schedule) != IKOU_DAY_NONE)
    note_day (ikou_schedule_get_deadline (self->schedule) + 1, &min, &max);
  if (min == IKOU_DAY_NONE)
    note_day (today, &min, &max);

  *first = ikou_fiscal_year_start (ikou_fiscal_year (min));
  *last = ikou_fiscal_year_end (ikou_fiscal_year (max));
}

static char *
format_month (IkouDay day)
{
  int y, m, d;

  if (!ikou_day_to_ymd (day, &y, &m, &d))
    return g_strdup ("?");
  return g_strdup_printf ("%04d-%02d", y, m);
}

static gboolean
compute_range (IkouExportJob  *self,
               GError        **error)
{
  IkouDay span_first, span_last;
  IkouDay first, last;
  IkouDay today = self->options.today;

  if (self->options.from != IKOU_DAY_NONE && self->options.to != IKOU_DAY_NONE &&
      ikou_day_month_start (self->options.to) < ikou_day_month_start (self->options.from))
    {
      g_autofree char *from = format_month (self->options.from);
      g_autofree char *to = format_month (self->options.to);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("The export range is reversed: it ends in %s, before it starts in %s."),
                   to, from);
      return FALSE;
    }

  plan_span (self, today, &span_first, &span_last);
  first = self->options.from != IKOU_DAY_NONE ? ikou_day_month_start (self->options.from) : span_first;
  if (self->options.to != IKOU_DAY_NONE)
    last = ikou_day_add_months (ikou_day_month_start (self->options.to), 1) - 1;
  else
    last = span_last;

  if (first == IKOU_DAY_NONE || last == IKOU_DAY_NONE || last < first)
    {
      g_autofree char *from = format_month (first);
      g_autofree char *to = format_month (last);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("The export range from %s to %s holds no month: choose a start before its end."),
                   from, to);
      return FALSE;
    }
  if (ikou_day_get_year (last) - ikou_day_get_year (first) > MAX_YEARS)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("The export range is longer than %d years: choose a shorter one."),
                   MAX_YEARS);
      return FALSE;
    }

  self->first = first;
  self->last = last;
  return TRUE;
}

/* Object ----------------------------------------------------------------- */

static void
ikou_export_job_dispose (GObject *object)
{
  IkouExportJob *self = IKOU_EXPORT_JOB (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->plan);
  g_clear_object (&self->scenario);
  g_clear_object (&self->compare);
  g_clear_object (&self->costs);
  g_clear_object (&self->schedule);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (ikou_export_job_parent_class)->dispose (object);
}

static void
ikou_export_job_finalize (GObject *object)
{
  IkouExportJob *self = IKOU_EXPORT_JOB (object);

  g_free (self->title);
  _ikou_export_job_summary_reset (self);
  g_clear_pointer (&self->summary_row_h, g_array_unref);
  g_clear_pointer (&self->summary_starts, g_array_unref);

  G_OBJECT_CLASS (ikou_export_job_parent_class)->finalize (object);
}

static void
ikou_export_job_class_init (IkouExportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ikou_export_job_dispose;
  object_class->finalize = ikou_export_job_finalize;
}

static void
ikou_export_job_init (IkouExportJob *self)
{
  self->summary_row_h = g_array_new (FALSE, FALSE, sizeof (double));
  self->summary_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

IkouExportJob *
ikou_export_job_new (IkouPlan                *plan,
                     IkouScenario            *scenario,
                     IkouSchedule            *schedule,
                     const IkouExportOptions *options,
                     GError                 **error)
{
  g_autoptr(IkouExportJob) self = NULL;
  IkouRenderStyle style;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((guint) options->format >= IKOU_N_EXPORT_FORMATS)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("Unknown export format: use PDF, PNG or SVG."));
      return NULL;
    }
  if ((guint) options->costs >= IKOU_N_EXPORT_COSTS)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("Unknown choice for the costs: none, every page or a page of their own."));
      return NULL;
    }
  if ((guint) options->paper >= IKOU_N_PAPERS)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("Unknown paper size: use A3 or A4."));
      return NULL;
    }
  if (options->format == IKOU_EXPORT_PNG && options->dpi > MAX_DPI)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   _("A resolution of %.0f dpi is too high: use at most %.0f dpi."),
                   options->dpi, MAX_DPI);
      return NULL;
    }

  self = g_object_new (IKOU_TYPE_EXPORT_JOB, NULL);
  self->plan = g_object_ref (plan);
  self->scenario = scenario ? g_object_ref (scenario) : NULL;
  self->schedule = schedule ? g_object_ref (schedule) : NULL;
  self->options = *options;
  self->options.title = NULL;
  if (self->options.dpi <= 0)
    self->options.dpi = DEFAULT_DPI;
  if (self->options.today == IKOU_DAY_NONE)
    self->options.today = ikou_day_today ();
  if (options->title != NULL && *options->title != '\0')
    self->title = g_strdup (options->title);
  else if (ikou_plan_get_title (plan) != NULL && *ikou_plan_get_title (plan) != '\0')
    self->title = g_strdup (ikou_plan_get_title (plan));
  else
    self->title = g_strdup (_("Migration roadmap"));
  self->metrics = paper_metrics[options->paper];
  self->labels = ikou_labels_for_locale (options->era_labels);

  if (!compute_range (self, error))
    return NULL;

  self->renderer = ikou_renderer_new ();
  ikou_render_style_init_default (&style);
  g_free (style.font_family);
  style.font_family = g_strdup (IKOU_EXPORT_FONT_FAMILY);
  style.font_size = self->metrics.font_size;
  style.patterns = TRUE;   /* meetings photocopy in black and white */
  style.era_labels = options->era_labels;
  style.row_alternate.alpha = 0.05;
  ikou_renderer_set_style (self->renderer, &style);
  ikou_render_style_clear (&style);
  ikou_renderer_set_plan (self->renderer, plan);
  ikou_renderer_set_schedule (self->renderer, schedule);
  ikou_renderer_set_scenario (self->renderer, scenario);
  ikou_renderer_set_today (self->renderer, self->options.today);
  ikou_renderer_set_range (self->renderer, self->first, self->last);
  ikou_renderer_set_row_height (self->renderer, self->metrics.row_height);

  return g_steal_pointer (&self);
}

void
ikou_export_job_set_compare (IkouExportJob *self,
                             gboolean       comparing,
                             IkouScenario  *scenario)
{
  g_return_if_fail (IKOU_IS_EXPORT_JOB (self));
  g_return_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario));

  if (!comparing)
    scenario = NULL;
  self->comparing = comparing;
  g_set_object (&self->compare, scenario);
  ikou_renderer_set_compare (self->renderer, comparing, scenario);
  g_clear_object (&self->costs);
}

/* The costs of the fiscal years drawn, for the plan exported and, in
 * compare mode, the compared one. */
void
_ikou_export_job_ensure_costs (IkouExportJob *self)
{
  IkouRenderStyle style = { 0 };
  int first_fy, last_fy;
  IkouBudget *compare = NULL;

  if (self->options.costs == IKOU_EXPORT_COSTS_NONE || self->costs != NULL)
    return;

  first_fy = CLAMP (ikou_fiscal_year (self->first), IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY);
  last_fy = CLAMP (ikou_fiscal_year (self->last), first_fy, IKOU_PLAN_MAX_FY);
  if (self->comparing)
    compare = ikou_budget_compute (self->plan, self->compare, first_fy, last_fy);
  self->costs = ikou_cost_chart_new ();
  ikou_cost_chart_set_budgets (self->costs,
                               ikou_budget_compute (self->plan, self->scenario, first_fy, last_fy),
                               compare);
  ikou_cost_chart_set_names (self->costs,
                             self->scenario ? ikou_scenario_get_name (self->scenario)
                                            : _("Baseline plan"),
                             !self->comparing ? NULL
                             : self->compare ? ikou_scenario_get_name (self->compare)
                                             : _("Baseline plan"));
  ikou_render_style_copy (&style, ikou_renderer_get_style (self->renderer));
  style.font_size = self->metrics.font_size;
  ikou_cost_chart_set_style (self->costs, &style);
  ikou_render_style_clear (&style);
}

GListModel *
ikou_export_copy_rows (GListModel *rows)
{
  GListStore *store;
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);

  n = g_list_model_get_n_items (rows);
  store = g_list_store_new (g_list_model_get_item_type (rows));
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (rows, i));
  /* One splice: one items-changed for 34,592 rows. */
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

GPtrArray *
ikou_export_copy_findings (GPtrArray *findings)
{
  GPtrArray *copy;

  copy = g_ptr_array_new_full (findings != NULL ? findings->len : 0,
                               (GDestroyNotify) ikou_finding_free);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    g_ptr_array_add (copy, ikou_finding_copy (g_ptr_array_index (findings, i)));
  return copy;
}

void
ikou_export_job_set_rows (IkouExportJob *self,
                          GListModel    *rows)
{
  g_return_if_fail (IKOU_IS_EXPORT_JOB (self));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));

  g_set_object (&self->rows, rows);
  ikou_renderer_set_rows (self->renderer, rows);
  self->paginated = FALSE;
  _ikou_export_job_summary_reset (self);
}

static void
count_findings (IkouExportJob *self)
{
  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; self->findings && i < self->findings->len; i++)
    {
      const IkouFinding *f = g_ptr_array_index (self->findings, i);

      if ((guint) f->severity < IKOU_N_SEVERITIES)
        self->counts[f->severity]++;
    }
}

void
ikou_export_job_set_findings (IkouExportJob *self,
                              GPtrArray     *findings)
{
  g_return_if_fail (IKOU_IS_EXPORT_JOB (self));

  if (findings != NULL)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
  self->findings_set = findings != NULL;
  self->paginated = FALSE;
  _ikou_export_job_summary_reset (self);
}

static void
ensure_findings (IkouExportJob *self)
{
  if (self->findings == NULL)
    {
      if (self->schedule != NULL)
        self->findings = ikou_check_plan (self->plan, self->scenario, self->schedule,
                                          self->options.today, NULL);
      else
        self->findings = g_ptr_array_new ();
      count_findings (self);
      ikou_renderer_set_findings (self->renderer, self->findings);
    }
  else if (self->findings_set)
    {
      /* Set from outside: hand it to the renderer once. */
      self->findings_set = FALSE;
      count_findings (self);
      ikou_renderer_set_findings (self->renderer, self->findings);
    }
}

void
ikou_export_job_get_range (IkouExportJob *self,
                           IkouDay       *first,
                           IkouDay       *last)
{
  g_return_if_fail (IKOU_IS_EXPORT_JOB (self));

  if (first)
    *first = self->first;
  if (last)
    *last = self->last;
}

GListModel *
_ikou_export_job_rows (IkouExportJob *self)
{
  return self->rows ? self->rows : G_LIST_MODEL (self->plan);
}

/* Text helpers ----------------------------------------------------------- */

PangoFontDescription *
_ikou_export_make_font (double   size,
                        gboolean bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, IKOU_EXPORT_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

PangoContext *
_ikou_export_make_context (cairo_t *cr)
{
  PangoContext *context;
  cairo_font_options_t *options;

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  return context;
}

double
_ikou_export_text_height (PangoContext *context,
                          double        size,
                          gboolean      bold)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = _ikou_export_make_font (size, bold);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "年度Rg", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  pango_font_description_free (font);
  return (double) logical.height / PANGO_SCALE;
}


/* Draws @text in one line with its top at @y, ellipsized to @width
 * (when > 0), returns its width. */
double
_ikou_export_draw_text (cairo_t                    *cr,
                        PangoLayout                *layout,
                        const PangoFontDescription *font,
                        const char                 *text,
                        double                      x,
                        double                      y,
                        double                      width,
                        Align                       align)
{
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  if (align == ALIGN_RIGHT)
    x -= (double) logical.width / PANGO_SCALE;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  return (double) logical.width / PANGO_SCALE;
}

/* Pagination ------------------------------------------------------------- */

/* The row pages for @width_pt × @height_pt; the summary's are started. */
static void
paginate_rows (IkouExportJob *self,
               double         width_pt,
               double         height_pt)
{
  PangoContext *context;
  const PaperMetrics *pm;
  double content_w;
  double body_h;
  guint n_rows;

  ensure_findings (self);
  pm = &self->metrics;
  context = _ikou_export_make_context (NULL);

  self->paginated = FALSE;
  self->page_w = width_pt;
  self->page_h = height_pt;
  content_w = width_pt - 2 * pm->margin;
  self->title_h = ceil (_ikou_export_text_height (context, pm->title_size, TRUE) +
                        _ikou_export_text_height (context, pm->font_size + 1, FALSE) + 4);
  self->legend_h = ikou_renderer_draw_legend (self->renderer, NULL, 0, 0, content_w);
  self->header_h = ikou_renderer_get_header_height (self->renderer);
  self->list_w = floor (content_w * 0.40);

  /* The time axis fills the width left of the list columns. */
  {
    IkouDay first, last;
    double timeline_w = content_w - self->list_w;

    ikou_renderer_get_range (self->renderer, &first, &last);
    ikou_renderer_set_px_per_day (self->renderer, timeline_w / (double) (last - first + 1));
  }

  body_h = height_pt - 2 * pm->margin - self->title_h - pm->gap - self->header_h - 2 * pm->gap -
           self->legend_h;
  /* The costs under the roadmap take a band of the page; on a page of
   * their own, one more page. */
  _ikou_export_job_ensure_costs (self);
  self->cost_h = 0;
  if (self->options.costs == IKOU_EXPORT_COSTS_EVERY_PAGE)
    {
      self->cost_h = floor (CLAMP (body_h * 0.3, 7 * pm->font_size, 16 * pm->font_size));
      body_h = MAX (body_h - self->cost_h - pm->gap, pm->row_height);
    }
  self->n_cost_pages = self->options.costs == IKOU_EXPORT_COSTS_PAGE ? 1 : 0;
  n_rows = g_list_model_get_n_items (_ikou_export_job_rows (self));
  /* A plan that fits one page fills it: taller rows, up to a limit so a
   * plan of three systems does not draw three bands. */
  self->row_h = pm->row_height;
  if (n_rows > 0 && n_rows * pm->row_height < body_h)
    self->row_h = MAX (pm->row_height, MIN (pm->max_row_height, floor (body_h / n_rows)));
  ikou_renderer_set_row_height (self->renderer, self->row_h);
  self->rows_per_page = (guint) MAX (1, floor (body_h / self->row_h));
  self->n_row_pages = MAX (1, (n_rows + self->rows_per_page - 1) / self->rows_per_page);

  _ikou_export_job_summary_begin (self, context, height_pt);
  g_object_unref (context);
}

guint
ikou_export_job_paginate (IkouExportJob *self,
                          double         width_pt,
                          double         height_pt)
{
  g_return_val_if_fail (IKOU_IS_EXPORT_JOB (self), 1);
  g_return_val_if_fail (width_pt > 0 && height_pt > 0, 1);

  if (self->paginated && self->page_w == width_pt && self->page_h == height_pt)
    return self->n_row_pages + self->n_cost_pages + self->n_summary_pages;

  /* A pagination in steps for this paper goes on where it is. */
  if (self->summary_layout == NULL || self->page_w != width_pt || self->page_h != height_pt)
    paginate_rows (self, width_pt, height_pt);
  _ikou_export_job_summary_step (self, G_MAXUINT);
  self->paginated = TRUE;
  return self->n_row_pages + self->n_cost_pages + self->n_summary_pages;
}

gboolean
ikou_export_job_paginate_step (IkouExportJob *self,
                               guint          n_findings)
{
  g_return_val_if_fail (IKOU_IS_EXPORT_JOB (self), TRUE);

  if (self->paginated)
    return TRUE;

  if (self->summary_layout == NULL)
    {
      double w, h;

      ikou_export_paper_size (self->options.paper, self->options.portrait, &w, &h);
      paginate_rows (self, w, h);
    }
  self->paginated = _ikou_export_job_summary_step (self, MAX (n_findings, 1));
  return self->paginated;
}

void
_ikou_export_job_paginate_for_paper (IkouExportJob *self)
{
  double w, h;

  ikou_export_paper_size (self->options.paper, self->options.portrait, &w, &h);
  ikou_export_job_paginate (self, w, h);
}

guint
ikou_export_job_get_n_pages (IkouExportJob *self)
{
  g_return_val_if_fail (IKOU_IS_EXPORT_JOB (self), 1);

  if (!self->paginated)
    _ikou_export_job_paginate_for_paper (self);
  return self->n_row_pages + self->n_cost_pages + self->n_summary_pages;
}

gboolean
ikou_export_job_get_page_rows (IkouExportJob *self,
                               guint          page,
                               guint         *first_row,
                               guint         *n_rows)
{
  guint total;
  guint first = 0, n = 0;

  g_return_val_if_fail (IKOU_IS_EXPORT_JOB (self), FALSE);

  if (!self->paginated)
    _ikou_export_job_paginate_for_paper (self);
  if (page >= self->n_row_pages + self->n_cost_pages + self->n_summary_pages)
    return FALSE;
  if (page < self->n_row_pages)
    {
      total = g_list_model_get_n_items (_ikou_export_job_rows (self));
      first = MIN (page * self->rows_per_page, total);
      n = MIN (self->rows_per_page, total - first);
    }
  if (first_row)
    *first_row = first;
  if (n_rows)
    *n_rows = n;
  return TRUE;
}
