/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "ikou-atomic-file.h"
#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-error.h"
#include "ikou-export.h"
#include "ikou-finding.h"
#include "ikou-renderer.h"

#define DEFAULT_DPI 150.0
#define MAX_DPI 1200.0
#define MAX_YEARS 60

/* Page furniture, in points. */
typedef struct
{
  double margin;
  double font_size;      /* timeline and list text */
  double title_size;
  double row_height;
  double max_row_height; /* a plan that fits one page gets rows up to this tall */
  double gap;
} PaperMetrics;

static const PaperMetrics paper_metrics[IKOU_N_PAPERS] = {
  [IKOU_PAPER_A3] = { 24.0, 8.0, 16.0, 16.0, 36.0, 6.0 },
  [IKOU_PAPER_A4] = { 20.0, 7.0, 13.0, 14.0, 30.0, 5.0 },
};

struct _IkouExportJob
{
  GObject            parent_instance;

  IkouPlan          *plan;
  IkouScenario      *scenario;
  gboolean           comparing;
  IkouScenario      *compare;
  IkouSchedule      *schedule;
  IkouExportOptions  options;
  char              *title;
  GListModel        *rows;
  GPtrArray         *findings;
  gboolean           findings_set;
  IkouDay            first;
  IkouDay            last;
  IkouRenderer      *renderer;
  PaperMetrics       metrics;
  IkouLabels         labels;         /* dates and fiscal years on the pages */
  guint              counts[IKOU_N_SEVERITIES];

  /* Pagination for page_w × page_h. */
  gboolean           paginated;
  double             page_w;
  double             page_h;
  double             title_h;
  double             legend_h;
  double             header_h;
  double             list_w;
  double             row_h;          /* the metrics' row height, taller for a small plan */
  guint              rows_per_page;
  guint              n_row_pages;
  guint              n_summary_pages;
  double             summary_line_h;
  GArray            *summary_row_h;  /* double per finding: wrapped lines + padding */
  GArray            *summary_starts; /* guint per summary page: its first finding */
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

static GListModel *
job_rows (IkouExportJob *self)
{
  return self->rows ? self->rows : G_LIST_MODEL (self->plan);
}

/* Text helpers ----------------------------------------------------------- */

static PangoFontDescription *
make_font (double   size,
           gboolean bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, IKOU_EXPORT_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

static PangoContext *
make_context (cairo_t *cr)
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

static double
text_height (PangoContext *context,
             double        size,
             gboolean      bold)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = make_font (size, bold);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "年度Rg", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  pango_font_description_free (font);
  return (double) logical.height / PANGO_SCALE;
}

typedef enum
{
  ALIGN_LEFT,
  ALIGN_RIGHT,
} Align;

/* Draws @text in one line with its top at @y, ellipsized to @width
 * (when > 0), returns its width. */
static double
draw_text (cairo_t                    *cr,
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

/* The findings summary ---------------------------------------------------- */

typedef enum
{
  SUMMARY_SEVERITY,
  SUMMARY_SYSTEM,
  SUMMARY_RULE,
  SUMMARY_DATE,
  SUMMARY_MESSAGE,
  N_SUMMARY_COLUMNS
} SummaryColumn;

/* The left edge of each column and, last, the right edge of the table. */
static void
summary_columns (IkouExportJob *self,
                 double         cols[N_SUMMARY_COLUMNS + 1])
{
  double x = self->metrics.margin;
  double w = self->page_w - 2 * self->metrics.margin;

  cols[SUMMARY_SEVERITY] = x;
  cols[SUMMARY_SYSTEM] = x + w * 0.07;
  cols[SUMMARY_RULE] = x + w * 0.23;
  cols[SUMMARY_DATE] = x + w * 0.38;
  cols[SUMMARY_MESSAGE] = x + w * 0.45;
  cols[N_SUMMARY_COLUMNS] = x + w;
}

/* Sets @layout to @text wrapped at words (and between Japanese
 * characters) to @width; returns its height. */
static double
wrap_text (PangoLayout *layout,
           const char  *text,
           double       width)
{
  PangoRectangle logical;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Whether @text surely fits one line of @width: no glyph of the export
 * font is wider than its size, so most cells are never laid out here. */
static gboolean
fits_one_line (const char *text,
               double      width,
               double      font_size)
{
  return text == NULL || g_utf8_strlen (text, -1) * font_size <= width;
}

static char *
summary_date (IkouExportJob     *self,
              const IkouFinding *f)
{
  return f->date != IKOU_DAY_NONE ? ikou_day_label (f->date, self->labels) : g_strdup ("—");
}

/* The cells that may wrap: system, rule title and message. */
static void
summary_texts (IkouExportJob *self,
               IkouFinding   *f,
               const char    *texts[N_SUMMARY_COLUMNS],
               char         **owned_message)
{
  *owned_message = ikou_finding_format_message (f, self->labels);
  texts[SUMMARY_SEVERITY] = ikou_severity_label (f->severity);
  texts[SUMMARY_SYSTEM] = f->system_name;
  texts[SUMMARY_RULE] = ikou_rule_get_title (f->rule);
  texts[SUMMARY_DATE] = NULL;
  texts[SUMMARY_MESSAGE] = *owned_message;
}

/* A finding's line height: its tallest wrapped cell, plus padding. */
static double
summary_row_height (IkouExportJob *self,
                    PangoLayout   *layout,
                    IkouFinding   *f)
{
  const PaperMetrics *pm = &self->metrics;
  double cols[N_SUMMARY_COLUMNS + 1];
  const char *texts[N_SUMMARY_COLUMNS];
  g_autofree char *message = NULL;
  double h = self->summary_line_h;

  summary_columns (self, cols);
  summary_texts (self, f, texts, &message);
  for (int c = SUMMARY_SYSTEM; c < N_SUMMARY_COLUMNS; c++)
    {
      double width = cols[c + 1] - cols[c] - 4;

      if (c == SUMMARY_DATE || fits_one_line (texts[c], width, pm->font_size))
        continue;
      h = MAX (h, ceil (wrap_text (layout, texts[c], width) + 3));
    }
  return h;
}

/* Splits the findings into summary pages by their wrapped heights. */
static void
paginate_summary (IkouExportJob *self,
                  PangoContext  *context,
                  double         height_pt)
{
  const PaperMetrics *pm = &self->metrics;
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = make_font (pm->font_size, FALSE);
  guint n_findings = self->findings ? self->findings->len : 0;
  double room;
  double used = 0;
  guint zero = 0;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* A heading, the counts and the column titles, then the findings. */
  self->summary_line_h = ceil (text_height (context, pm->font_size, FALSE) + 3);
  room = height_pt - 2 * pm->margin - self->title_h - pm->gap - 4 * self->summary_line_h;

  g_array_set_size (self->summary_row_h, n_findings);
  g_array_set_size (self->summary_starts, 0);
  g_array_append_val (self->summary_starts, zero);
  for (guint i = 0; i < n_findings; i++)
    {
      double h = summary_row_height (self, layout, g_ptr_array_index (self->findings, i));

      /* A finding taller than a page still gets a page of its own. */
      h = MIN (h, MAX (room, self->summary_line_h));
      g_array_index (self->summary_row_h, double, i) = h;
      if (used > 0 && used + h > room)
        {
          g_array_append_val (self->summary_starts, i);
          used = 0;
        }
      used += h;
    }
  self->n_summary_pages = self->summary_starts->len;
}

/* Pagination ------------------------------------------------------------- */

guint
ikou_export_job_paginate (IkouExportJob *self,
                          double         width_pt,
                          double         height_pt)
{
  PangoContext *context;
  const PaperMetrics *pm;
  double content_w;
  double body_h;
  guint n_rows;

  g_return_val_if_fail (IKOU_IS_EXPORT_JOB (self), 1);
  g_return_val_if_fail (width_pt > 0 && height_pt > 0, 1);

  if (self->paginated && self->page_w == width_pt && self->page_h == height_pt)
    return self->n_row_pages + self->n_summary_pages;

  ensure_findings (self);
  pm = &self->metrics;
  context = make_context (NULL);

  self->page_w = width_pt;
  self->page_h = height_pt;
  content_w = width_pt - 2 * pm->margin;
  self->title_h = ceil (text_height (context, pm->title_size, TRUE) +
                        text_height (context, pm->font_size + 1, FALSE) + 4);
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
  n_rows = g_list_model_get_n_items (job_rows (self));
  /* A plan that fits one page fills it: taller rows, up to a limit so a
   * plan of three systems does not draw three bands. */
  self->row_h = pm->row_height;
  if (n_rows > 0 && n_rows * pm->row_height < body_h)
    self->row_h = MAX (pm->row_height, MIN (pm->max_row_height, floor (body_h / n_rows)));
  ikou_renderer_set_row_height (self->renderer, self->row_h);
  self->rows_per_page = (guint) MAX (1, floor (body_h / self->row_h));
  self->n_row_pages = MAX (1, (n_rows + self->rows_per_page - 1) / self->rows_per_page);

  paginate_summary (self, context, height_pt);

  self->paginated = TRUE;
  g_object_unref (context);
  return self->n_row_pages + self->n_summary_pages;
}

static void
paginate_for_paper (IkouExportJob *self)
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
    paginate_for_paper (self);
  return self->n_row_pages + self->n_summary_pages;
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
    paginate_for_paper (self);
  if (page >= self->n_row_pages + self->n_summary_pages)
    return FALSE;
  if (page < self->n_row_pages)
    {
      total = g_list_model_get_n_items (job_rows (self));
      first = MIN (page * self->rows_per_page, total);
      n = MIN (self->rows_per_page, total - first);
    }
  if (first_row)
    *first_row = first;
  if (n_rows)
    *n_rows = n;
  return TRUE;
}

/* Drawing ---------------------------------------------------------------- */

static void
set_color (cairo_t         *cr,
           const IkouColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* 作成日 in 和暦 and 西暦 for Japanese readers, the ISO day in English. */
static char *
created_text (IkouExportJob *self)
{
  g_autofree char *iso = ikou_day_format_iso (self->options.today);
  g_autofree char *era = NULL;

  if (self->labels == IKOU_LABELS_ENGLISH)
    return g_strdup_printf (_("Created %s"), iso);
  era = ikou_day_format_era (self->options.today, IKOU_ERA_STYLE_LONG);
  return g_strdup_printf (_("Created %s (%s)"), era, iso);
}

static void
draw_title_block (IkouExportJob           *self,
                  cairo_t                 *cr,
                  PangoLayout             *layout,
                  const IkouRenderStyle   *style,
                  guint                    page,
                  guint                    n_pages)
{
  const PaperMetrics *pm = &self->metrics;
  double x = pm->margin;
  double right = self->page_w - pm->margin;
  double y = pm->margin;
  PangoFontDescription *title_font = make_font (pm->title_size, TRUE);
  PangoFontDescription *font = make_font (pm->font_size + 1, FALSE);
  g_autofree char *created = created_text (self);
  g_autofree char *page_label = g_strdup_printf (_("Page %u / %u"), page + 1, n_pages);
  g_autofree char *scenario = NULL;
  GString *line = g_string_new (NULL);
  double title_line_h = text_height (pango_layout_get_context (layout), pm->title_size, TRUE);
  double page_w;

  set_color (cr, &style->foreground);
  page_w = draw_text (cr, layout, font, page_label, right, y, 0, ALIGN_RIGHT);
  draw_text (cr, layout, font, created, right, y + title_line_h, 0, ALIGN_RIGHT);
  draw_text (cr, layout, title_font, self->title, x, y, right - x - page_w - 24, ALIGN_LEFT);

  if (ikou_plan_get_organization (self->plan) && *ikou_plan_get_organization (self->plan))
    g_string_append (line, ikou_plan_get_organization (self->plan));
  if (self->scenario != NULL)
    scenario = g_strdup_printf (_("Scenario: %s"), ikou_scenario_get_name (self->scenario));
  else
    scenario = g_strdup (_("Baseline plan"));
  if (self->comparing)
    {
      char *both =
        /* Translators: the title block in compare mode: the plan shown, the one drawn as ghosts */
        g_strdup_printf (_("%s (dashed: %s)"), scenario,
                         self->compare != NULL ? ikou_scenario_get_name (self->compare)
                                               : _("Baseline plan"));

      g_free (scenario);
      scenario = both;
    }
  if (line->len > 0)
    g_string_append (line, "　");
  g_string_append (line, scenario);
  set_color (cr, &style->dim_foreground);
  draw_text (cr, layout, font, line->str, x, y + title_line_h, (right - x) * 0.6, ALIGN_LEFT);

  set_color (cr, &style->grid);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, x, y + self->title_h);
  cairo_line_to (cr, right, y + self->title_h);
  cairo_stroke (cr);

  g_string_free (line, TRUE);
  pango_font_description_free (title_font);
  pango_font_description_free (font);
}

static guint
today_host_of (IkouSystem *system)
{
  guint host = ikou_system_get_host (system);

  if (host == 0 && ikou_system_get_n_steps (system) > 0)
    host = ikou_system_get_step (system, 0)->from_host;
  return host;
}

static const char *
host_name (IkouExportJob *self,
           guint          id)
{
  IkouHost *host = id ? ikou_plan_lookup_host (self->plan, id) : NULL;

  return host ? ikou_host_get_name (host) : "—";
}

static void
draw_row_page (IkouExportJob *self,
               cairo_t       *cr,
               PangoLayout   *layout,
               guint          page)
{
  const PaperMetrics *pm = &self->metrics;
  IkouRenderStyle style;
  PangoFontDescription *font = make_font (pm->font_size, FALSE);
  PangoFontDescription *bold = make_font (pm->font_size, TRUE);
  GListModel *rows = job_rows (self);
  double x0 = pm->margin;
  double y0 = pm->margin + self->title_h + pm->gap;
  double content_w = self->page_w - 2 * pm->margin;
  double rh = self->row_h;
  double col_w[3];
  const char *col_title[3];
  guint first, n;
  double table_h;
  double th;

  ikou_render_style_init_default (&style);
  ikou_export_job_get_page_rows (self, page, &first, &n);
  table_h = self->header_h + n * rh;
  col_w[0] = floor (self->list_w * 0.32);
  col_w[1] = floor (self->list_w * 0.19);
  col_w[2] = self->list_w - col_w[0] - col_w[1];
  col_title[0] = _("System");
  col_title[1] = _("Department");
  col_title[2] = _("Host today → target");
  th = text_height (pango_layout_get_context (layout), pm->font_size, FALSE);

  /* List columns: header cells, then one line per row. */
  cairo_rectangle (cr, x0, y0, self->list_w, self->header_h);
  set_color (cr, &style.header_background);
  cairo_fill (cr);
  {
    double cx = x0;

    for (int c = 0; c < 3; c++)
      {
        set_color (cr, &style.foreground);
        draw_text (cr, layout, bold, col_title[c], cx + 3, y0 + self->header_h - th - 3,
                   col_w[c] - 6, ALIGN_LEFT);
        cx += col_w[c];
      }
  }

  for (guint i = 0; i < n; i++)
    {
      guint row = first + i;
      g_autoptr(IkouSystem) system = g_list_model_get_item (rows, row);
      double y = y0 + self->header_h + i * rh;
      double ty = y + (rh - th) / 2;
      guint today_host, target_host;
      guint n_steps;
      g_autofree char *hosts = NULL;

      if (system == NULL)
        continue;
      if (row % 2 == 1)
        {
          cairo_rectangle (cr, x0, y, self->list_w, rh);
          set_color (cr, &style.row_alternate);
          cairo_fill (cr);
        }

      today_host = today_host_of (system);
      target_host = today_host;
      n_steps = ikou_scenario_get_n_steps (self->scenario, system);
      for (guint s = 0; s < n_steps; s++)
        {
          IkouStep st;

          ikou_scenario_get_step (self->scenario, system, s, &st, NULL);
          if (st.to_host != 0)
            target_host = st.to_host;
        }
      if (target_host != today_host)
        hosts = g_strdup_printf ("%s → %s", host_name (self, today_host),
                                 host_name (self, target_host));
      else
        hosts = g_strdup (host_name (self, today_host));

      set_color (cr, &style.foreground);
      draw_text (cr, layout, font, ikou_system_get_name (system), x0 + 3, ty, col_w[0] - 6,
                 ALIGN_LEFT);
      set_color (cr, &style.dim_foreground);
      draw_text (cr, layout, font, ikou_system_get_department (system), x0 + col_w[0] + 3, ty,
                 col_w[1] - 6, ALIGN_LEFT);
      draw_text (cr, layout, font, hosts, x0 + col_w[0] + col_w[1] + 3, ty, col_w[2] - 6,
                 ALIGN_LEFT);
    }

  /* Column rules and the frame. */
  set_color (cr, &style.grid);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x0 + col_w[0], y0);
  cairo_line_to (cr, x0 + col_w[0], y0 + table_h);
  cairo_move_to (cr, x0 + col_w[0] + col_w[1], y0);
  cairo_line_to (cr, x0 + col_w[0] + col_w[1], y0 + table_h);
  cairo_move_to (cr, x0, y0 + self->header_h);
  cairo_line_to (cr, x0 + self->list_w, y0 + self->header_h);
  cairo_stroke (cr);

  /* The timeline, through the same renderer as the window. */
  cairo_save (cr);
  cairo_translate (cr, x0 + self->list_w, y0);
  ikou_renderer_draw (self->renderer, cr, 0, first * rh, content_w - self->list_w, table_h);
  cairo_restore (cr);

  set_color (cr, &style.dim_foreground);
  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, x0, y0, content_w, table_h);
  cairo_move_to (cr, x0 + self->list_w, y0);
  cairo_line_to (cr, x0 + self->list_w, y0 + table_h);
  cairo_stroke (cr);

  /* The legend under the table (at the foot of a full page). */
  ikou_renderer_draw_legend (self->renderer, cr, x0, y0 + table_h + 2 * pm->gap, content_w);

  pango_font_description_free (font);
  pango_font_description_free (bold);
  ikou_render_style_clear (&style);
}

static void
draw_severity_mark (cairo_t               *cr,
                    const IkouRenderStyle *style,
                    int                    severity,
                    double                 cx,
                    double                 cy,
                    double                 r)
{
  const IkouColor *c = severity == IKOU_SEVERITY_ERROR ? &style->error :
                       severity == IKOU_SEVERITY_WARNING ? &style->warning : &style->info;

  cairo_new_path (cr);
  set_color (cr, c);
  if (severity == IKOU_SEVERITY_ERROR)
    {
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (severity == IKOU_SEVERITY_WARNING)
    {
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r * 1.1, cy + r * 0.85);
      cairo_line_to (cr, cx - r * 1.1, cy + r * 0.85);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_line_width (cr, 1.0);
      cairo_arc (cr, cx, cy, r * 0.8, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

static void
draw_summary_page (IkouExportJob *self,
                   cairo_t       *cr,
                   PangoLayout   *layout,
                   guint          summary_page)
{
  const PaperMetrics *pm = &self->metrics;
  IkouRenderStyle style;
  PangoFontDescription *font = make_font (pm->font_size, FALSE);
  PangoFontDescription *heading = make_font (pm->font_size + 3, TRUE);
  double x = pm->margin;
  double w = self->page_w - 2 * pm->margin;
  double y = pm->margin + self->title_h + pm->gap;
  double lh = self->summary_line_h;
  double th = text_height (pango_layout_get_context (layout), pm->font_size, FALSE);
  guint n_findings = self->findings ? self->findings->len : 0;
  guint first = g_array_index (self->summary_starts, guint, summary_page);
  guint last = summary_page + 1 < self->summary_starts->len
               ? g_array_index (self->summary_starts, guint, summary_page + 1) : n_findings;
  double cols[N_SUMMARY_COLUMNS + 1];
  const char *col_title[N_SUMMARY_COLUMNS];

  ikou_render_style_init_default (&style);

  set_color (cr, &style.foreground);
  draw_text (cr, layout, heading, _("Findings"), x, y, 0, ALIGN_LEFT);
  y += 1.5 * lh;

  /* Counts per severity, each with its marker. */
  {
    double cx = x;

    for (int s = 0; s < IKOU_N_SEVERITIES; s++)
      {
        g_autofree char *label = g_strdup_printf (_("%s: %u"), ikou_severity_label (s),
                                                  self->counts[s]);

        draw_severity_mark (cr, &style, s, cx + th / 3, y + th / 2, th / 3);
        set_color (cr, &style.foreground);
        cx += th;
        cx += draw_text (cr, layout, font, label, cx, y, 0, ALIGN_LEFT) + 2 * th;
      }
    y += 1.5 * lh;
  }

  if (n_findings == 0)
    {
      set_color (cr, &style.dim_foreground);
      draw_text (cr, layout, font, _("No findings."), x, y, 0, ALIGN_LEFT);
      goto out;
    }

  summary_columns (self, cols);
  col_title[SUMMARY_SEVERITY] = _("Severity");
  col_title[SUMMARY_SYSTEM] = _("System");
  col_title[SUMMARY_RULE] = _("Rule");
  col_title[SUMMARY_DATE] = _("Date");
  col_title[SUMMARY_MESSAGE] = _("Message");

  set_color (cr, &style.header_background);
  cairo_rectangle (cr, x, y, w, lh);
  cairo_fill (cr);
  set_color (cr, &style.foreground);
  for (int c = 0; c < N_SUMMARY_COLUMNS; c++)
    draw_text (cr, layout, font, col_title[c], cols[c] + 2, y + (lh - th) / 2,
               cols[c + 1] - cols[c] - 4, ALIGN_LEFT);
  y += lh;

  /* Long text wraps (the row grows) instead of being cut: a meeting
   * reads the whole sentence. */
  pango_layout_set_single_paragraph_mode (layout, FALSE);
  for (guint i = first; i < last; i++)
    {
      IkouFinding *f = g_ptr_array_index (self->findings, i);
      double rh = g_array_index (self->summary_row_h, double, i);
      const char *texts[N_SUMMARY_COLUMNS];
      g_autofree char *message = NULL;
      g_autofree char *date = summary_date (self, f);
      double ty = y + (lh - th) / 2;

      summary_texts (self, f, texts, &message);
      texts[SUMMARY_DATE] = date;
      if (i % 2 == 1)
        {
          set_color (cr, &style.row_alternate);
          cairo_rectangle (cr, x, y, w, rh);
          cairo_fill (cr);
        }
      draw_severity_mark (cr, &style, f->severity, cols[0] + th / 2, ty + th / 2, th / 3);

      cairo_save (cr);
      cairo_rectangle (cr, x, y, w, rh);
      cairo_clip (cr);
      for (int c = 0; c < N_SUMMARY_COLUMNS; c++)
        {
          double cx = cols[c] + 2;
          double width = cols[c + 1] - cols[c] - 4;

          if (c == SUMMARY_SEVERITY)
            {
              cx += th;
              width -= th;
            }
          set_color (cr, c == SUMMARY_RULE || c == SUMMARY_DATE ? &style.dim_foreground
                                                                 : &style.foreground);
          pango_layout_set_font_description (layout, font);
          wrap_text (layout, texts[c], width);
          cairo_move_to (cr, cx, ty);
          pango_cairo_show_layout (cr, layout);
          cairo_new_path (cr);
        }
      cairo_restore (cr);
      y += rh;
    }
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);

out:
  pango_font_description_free (font);
  pango_font_description_free (heading);
  ikou_render_style_clear (&style);
}

void
ikou_export_job_draw_page (IkouExportJob *self,
                           cairo_t       *cr,
                           guint          page,
                           double         width_pt,
                           double         height_pt)
{
  PangoContext *context;
  g_autoptr(PangoLayout) layout = NULL;
  IkouRenderStyle style;
  guint n_pages;

  g_return_if_fail (IKOU_IS_EXPORT_JOB (self));
  g_return_if_fail (cr != NULL);

  n_pages = ikou_export_job_paginate (self, width_pt, height_pt);
  g_return_if_fail (page < n_pages);

  context = make_context (cr);
  layout = pango_layout_new (context);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  ikou_render_style_init_default (&style);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width_pt, height_pt);
  set_color (cr, &style.background);
  cairo_fill (cr);

  draw_title_block (self, cr, layout, &style, page, n_pages);
  if (page < self->n_row_pages)
    draw_row_page (self, cr, layout, page);
  else
    draw_summary_page (self, cr, layout, page - self->n_row_pages);

  cairo_restore (cr);
  ikou_render_style_clear (&style);
  g_object_unref (context);
}

/* Writing ---------------------------------------------------------------- */

typedef struct
{
  FILE *file;
  int   saved_errno;
} WriteTarget;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteTarget *target = closure;

  if (target->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, target->file) != length)
    {
      target->saved_errno = errno ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* roadmap.png → roadmap-2.png for page 2 (1-based). */
static char *
page_path (const char *path,
           guint       page)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  const char *dot;

  if (page <= 1)
    return g_strdup (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    name = g_strdup_printf ("%.*s-%u%s", (int) (dot - base), base, page, dot);
  else
    name = g_strdup_printf ("%s-%u", base, page);
  return g_build_filename (dir, name, NULL);
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          err)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
               _("Could not write “%s”: %s."), display, g_strerror (err));
}

/* A stdio stream on @file's temporary file (its own descriptor: the
 * stream is closed before the file is committed). */
static FILE *
open_stream (IkouAtomicFile  *file,
             const char      *path,
             GError         **error)
{
  int fd = dup (ikou_atomic_file_get_fd (file));
  FILE *stream = fd >= 0 ? fdopen (fd, "wb") : NULL;

  if (stream == NULL)
    {
      int err = errno;

      if (fd >= 0)
        close (fd);
      set_io_error (error, path, err);
    }
  return stream;
}

static gboolean
close_temp (FILE        *file,
            WriteTarget *target,
            const char  *path,
            GError     **error)
{
  int err = target->saved_errno;

  /* The file is synced when committed. */
  if (fflush (file) != 0 && err == 0)
    err = errno;
  if (fclose (file) != 0 && err == 0)
    err = errno;
  if (err != 0)
    {
      set_io_error (error, path, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_surface (cairo_surface_t *surface,
               WriteTarget     *target,
               const char      *path,
               GError         **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (target->saved_errno != 0 || status == CAIRO_STATUS_WRITE_ERROR)
    set_io_error (error, path, target->saved_errno ? target->saved_errno : EIO);
  else
    g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not draw “%s”: %s."),
                 path, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
write_pdf (IkouExportJob *self,
           const char    *path,
           FILE          *file,
           GError       **error)
{
  WriteTarget target = { file, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages = ikou_export_job_get_n_pages (self);
  gboolean ok;

  surface = cairo_pdf_surface_create_for_stream (write_cb, &target, self->page_w, self->page_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ikou " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      ikou_export_job_draw_page (self, cr, page, self->page_w, self->page_h);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, &target, path, error);
  cairo_surface_destroy (surface);
  if (!ok)
    {
      fclose (file);
      return FALSE;
    }
  return close_temp (file, &target, path, error);
}

static gboolean
write_page_file (IkouExportJob *self,
                 guint          page,
                 const char    *path,
                 FILE          *file,
                 GError       **error)
{
  WriteTarget target = { file, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (self->options.format == IKOU_EXPORT_PNG)
    {
      double scale = self->options.dpi / 72.0;
      int w = (int) ceil (self->page_w * scale);
      int h = (int) ceil (self->page_h * scale);

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      ikou_export_job_draw_page (self, cr, page, self->page_w, self->page_h);
      cairo_destroy (cr);
      ok = check_surface (surface, &target, path, error);
      if (ok && cairo_surface_write_to_png_stream (surface, write_cb, &target) != CAIRO_STATUS_SUCCESS)
        {
          set_io_error (error, path, target.saved_errno ? target.saved_errno : EIO);
          ok = FALSE;
        }
      cairo_surface_destroy (surface);
    }
  else
    {
      surface = cairo_svg_surface_create_for_stream (write_cb, &target, self->page_w, self->page_h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      cr = cairo_create (surface);
      ikou_export_job_draw_page (self, cr, page, self->page_w, self->page_h);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      ok = check_surface (surface, &target, path, error);
      cairo_surface_destroy (surface);
    }

  if (!ok)
    {
      fclose (file);
      return FALSE;
    }
  return close_temp (file, &target, path, error);
}

gboolean
ikou_export_write (IkouExportJob  *self,
                   const char     *path,
                   GError        **error)
{
  g_autoptr(GPtrArray) files = NULL;   /* IkouAtomicFile *, one per page file */
  guint n_files;
  gboolean ok = TRUE;

  g_return_val_if_fail (IKOU_IS_EXPORT_JOB (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  paginate_for_paper (self);
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_atomic_file_free);
  n_files = self->options.format == IKOU_EXPORT_PDF ? 1 : ikou_export_job_get_n_pages (self);

  for (guint i = 0; ok && i < n_files; i++)
    {
      g_autofree char *target = page_path (path, i + 1);
      IkouAtomicFile *file;
      FILE *stream;

      file = ikou_atomic_file_new (target, error);
      if (file == NULL)
        {
          ok = FALSE;
          break;
        }
      g_ptr_array_add (files, file);
      stream = open_stream (file, target, error);
      if (stream == NULL)
        ok = FALSE;
      else if (self->options.format == IKOU_EXPORT_PDF)
        ok = write_pdf (self, target, stream, error);
      else
        ok = write_page_file (self, i, target, stream, error);
    }

  /* Only rename when every file is complete, so an error leaves the
   * previous export (if any) untouched and no partial file behind (the
   * files not committed are removed with the array). */
  for (guint i = 0; ok && i < files->len; i++)
    ok = ikou_atomic_file_commit (g_ptr_array_index (files, i), error);

  return ok;
}

/* Command line ----------------------------------------------------------- */

static gboolean
parse_cli_day (const char  *option,
               const char  *text,
               gboolean     month,
               IkouDay     *out,
               GError     **error)
{
  IkouDatePrecision precision;

  *out = IKOU_DAY_NONE;
  if (text == NULL)
    return TRUE;
  if (!ikou_parse_date (text, out, &precision, NULL))
    {
      if (month)
        g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                     _("%s “%s” is not a month: write it as 2025-04 (or in the Japanese era)."), option, text);
      else
        g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                     _("%s “%s” is not a date: write it as 2025-04-01."), option, text);
      return FALSE;
    }
  return TRUE;
}

gboolean
ikou_export_run_cli (IkouPlan                   *plan,
                     const IkouCliExportOptions *cli,
                     GError                    **error)
{
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(IkouExportJob) job = NULL;
  IkouScenario *scenario = NULL;
  IkouScenario *compare = NULL;
  IkouExportOptions options;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (cli != NULL && cli->output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ikou_export_options_init (&options);
  if (!ikou_export_format_from_path (cli->output, &options.format, error))
    return FALSE;
  if (cli->paper != NULL && !ikou_export_paper_from_string (cli->paper, &options.paper, error))
    return FALSE;
  options.portrait = cli->portrait;
  if (!parse_cli_day ("--from", cli->from, TRUE, &options.from, error) ||
      !parse_cli_day ("--to", cli->to, TRUE, &options.to, error) ||
      !parse_cli_day ("--today", cli->today, FALSE, &options.today, error))
    return FALSE;
  if (cli->dpi < 0 || (cli->dpi > 0 && options.format != IKOU_EXPORT_PNG))
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_OPTION,
                   cli->dpi < 0 ? _("--dpi must be a positive number, e.g. 150.")
                                : _("--dpi applies to PNG output only."));
      return FALSE;
    }
  if (cli->dpi > 0)
    options.dpi = cli->dpi;
  options.title = cli->title;
  if (cli->scenario != NULL)
    {
      scenario = ikou_plan_lookup_scenario (plan, cli->scenario);
      if (scenario == NULL)
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                       _("The plan has no scenario named “%s”."), cli->scenario);
          return FALSE;
        }
    }
  if (cli->compare != NULL && !g_str_equal (cli->compare, "baseline"))
    {
      compare = ikou_plan_lookup_scenario (plan, cli->compare);
      if (compare == NULL)
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                       _("The plan has no scenario named “%s”."), cli->compare);
          return FALSE;
        }
    }

  schedule = ikou_schedule_load_default (error);
  if (schedule == NULL)
    return FALSE;

  job = ikou_export_job_new (plan, scenario, schedule, &options, error);
  if (job == NULL)
    return FALSE;
  if (cli->compare != NULL)
    ikou_export_job_set_compare (job, TRUE, compare);
  return ikou_export_write (job, cli->output, error);
}
