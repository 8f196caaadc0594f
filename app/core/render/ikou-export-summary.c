/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-export-private.h"
#include "ikou-finding.h"

/* The findings summary after the roadmap pages: a table of every finding
 * (severity, system, rule, date, message), its rows as tall as their
 * wrapped text, paginated in steps so the export dialog stays live. */

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
                    GHashTable    *wrapped[N_SUMMARY_COLUMNS],
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
      gpointer known;
      double text_h;

      if (c == SUMMARY_DATE || fits_one_line (texts[c], width, pm->font_size))
        continue;
      /* The same text in the same column wraps the same: laid out once. */
      if (g_hash_table_lookup_extended (wrapped[c], texts[c], NULL, &known))
        text_h = *(double *) known;
      else
        {
          double *value = g_new (double, 1);

          *value = text_h = wrap_text (layout, texts[c], width);
          g_hash_table_insert (wrapped[c], g_strdup (texts[c]), value);
        }
      h = MAX (h, ceil (text_h + 3));
    }
  return h;
}

void
_ikou_export_job_summary_reset (IkouExportJob *self)
{
  g_clear_object (&self->summary_layout);
  for (int c = 0; c < N_SUMMARY_COLUMNS; c++)
    g_clear_pointer (&self->summary_wrapped[c], g_hash_table_unref);
}

/* Starts splitting the findings into summary pages by their wrapped
 * heights; summary_step() measures them. */
void
_ikou_export_job_summary_begin (IkouExportJob *self,
                                PangoContext  *context,
                                double         height_pt)
{
  const PaperMetrics *pm = &self->metrics;
  PangoFontDescription *font = _ikou_export_make_font (pm->font_size, FALSE);
  guint n_findings = self->findings ? self->findings->len : 0;
  guint zero = 0;

  _ikou_export_job_summary_reset (self);
  self->summary_layout = pango_layout_new (context);
  pango_layout_set_font_description (self->summary_layout, font);
  pango_font_description_free (font);
  for (int c = 0; c < N_SUMMARY_COLUMNS; c++)
    self->summary_wrapped[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* A heading, the counts and the column titles, then the findings. */
  self->summary_line_h = ceil (_ikou_export_text_height (context, pm->font_size, FALSE) + 3);
  self->summary_room = height_pt - 2 * pm->margin - self->title_h - pm->gap - 4 * self->summary_line_h;
  self->summary_used = 0;
  self->summary_done = 0;

  g_array_set_size (self->summary_row_h, n_findings);
  g_array_set_size (self->summary_starts, 0);
  g_array_append_val (self->summary_starts, zero);
  self->n_summary_pages = 0;
}

/* Measures up to @n_findings more findings; TRUE when all are. */
gboolean
_ikou_export_job_summary_step (IkouExportJob *self,
                               guint          n_findings)
{
  guint total = self->findings ? self->findings->len : 0;
  guint end = self->summary_done + MIN (n_findings, total - self->summary_done);

  for (guint i = self->summary_done; i < end; i++)
    {
      double h = summary_row_height (self, self->summary_layout, self->summary_wrapped,
                                     g_ptr_array_index (self->findings, i));

      /* A finding taller than a page still gets a page of its own. */
      h = MIN (h, MAX (self->summary_room, self->summary_line_h));
      g_array_index (self->summary_row_h, double, i) = h;
      if (self->summary_used > 0 && self->summary_used + h > self->summary_room)
        {
          g_array_append_val (self->summary_starts, i);
          self->summary_used = 0;
        }
      self->summary_used += h;
    }
  self->summary_done = end;
  if (end < total)
    return FALSE;

  self->n_summary_pages = self->summary_starts->len;
  _ikou_export_job_summary_reset (self);
  return TRUE;
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
  _ikou_export_set_color (cr, c);
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


void
_ikou_export_job_draw_summary_page (IkouExportJob *self,
                                    cairo_t       *cr,
                                    PangoLayout   *layout,
                                    guint          summary_page)
{
  const PaperMetrics *pm = &self->metrics;
  IkouRenderStyle style;
  PangoFontDescription *font = _ikou_export_make_font (pm->font_size, FALSE);
  PangoFontDescription *heading = _ikou_export_make_font (pm->font_size + 3, TRUE);
  double x = pm->margin;
  double w = self->page_w - 2 * pm->margin;
  double y = pm->margin + self->title_h + pm->gap;
  double lh = self->summary_line_h;
  double th = _ikou_export_text_height (pango_layout_get_context (layout), pm->font_size, FALSE);
  guint n_findings = self->findings ? self->findings->len : 0;
  guint first = g_array_index (self->summary_starts, guint, summary_page);
  guint last = summary_page + 1 < self->summary_starts->len
               ? g_array_index (self->summary_starts, guint, summary_page + 1) : n_findings;
  double cols[N_SUMMARY_COLUMNS + 1];
  const char *col_title[N_SUMMARY_COLUMNS];

  ikou_render_style_init_default (&style);

  _ikou_export_set_color (cr, &style.foreground);
  _ikou_export_draw_text (cr, layout, heading, _("Findings"), x, y, 0, ALIGN_LEFT);
  y += 1.5 * lh;

  /* Counts per severity, each with its marker. */
  {
    double cx = x;

    for (int s = 0; s < IKOU_N_SEVERITIES; s++)
      {
        g_autofree char *label = g_strdup_printf (_("%s: %u"), ikou_severity_label (s),
                                                  self->counts[s]);

        draw_severity_mark (cr, &style, s, cx + th / 3, y + th / 2, th / 3);
        _ikou_export_set_color (cr, &style.foreground);
        cx += th;
        cx += _ikou_export_draw_text (cr, layout, font, label, cx, y, 0, ALIGN_LEFT) + 2 * th;
      }
    y += 1.5 * lh;
  }

  if (n_findings == 0)
    {
      _ikou_export_set_color (cr, &style.dim_foreground);
      _ikou_export_draw_text (cr, layout, font, _("No findings."), x, y, 0, ALIGN_LEFT);
      goto out;
    }

  summary_columns (self, cols);
  col_title[SUMMARY_SEVERITY] = _("Severity");
  col_title[SUMMARY_SYSTEM] = _("System");
  col_title[SUMMARY_RULE] = _("Rule");
  col_title[SUMMARY_DATE] = _("Date");
  col_title[SUMMARY_MESSAGE] = _("Message");

  _ikou_export_set_color (cr, &style.header_background);
  cairo_rectangle (cr, x, y, w, lh);
  cairo_fill (cr);
  _ikou_export_set_color (cr, &style.foreground);
  for (int c = 0; c < N_SUMMARY_COLUMNS; c++)
    _ikou_export_draw_text (cr, layout, font, col_title[c], cols[c] + 2, y + (lh - th) / 2,
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
          _ikou_export_set_color (cr, &style.row_alternate);
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
          _ikou_export_set_color (cr, c == SUMMARY_RULE || c == SUMMARY_DATE ? &style.dim_foreground
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

