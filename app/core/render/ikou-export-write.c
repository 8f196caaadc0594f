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

#include "ikou-atomic-file.h"
#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-error.h"
#include "ikou-export.h"
#include "ikou-export-private.h"
#include "ikou-finding.h"

/* Writing an export job's pages to files (one PDF, or a PNG or SVG per
 * page), each through an atomic file, and the export verb of the
 * command line. */

/* Writing ---------------------------------------------------------------- */

typedef struct
{
  FILE       *file;
  const char *path;         /* for messages */
  int         saved_errno;
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
check_surface (cairo_surface_t  *surface,
               WriteTarget      *target,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (target->saved_errno != 0 || status == CAIRO_STATUS_WRITE_ERROR)
    set_io_error (error, target->path, target->saved_errno ? target->saved_errno : EIO);
  else
    g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not draw “%s”: %s."),
                 target->path, cairo_status_to_string (status));
  return FALSE;
}

/* Ends drawing on a PDF or SVG surface (@cr too) and says whether every
 * page was written. */
static gboolean
finish_vector (cairo_surface_t  *surface,
               cairo_t          *cr,
               WriteTarget      *target,
               GError          **error)
{
  gboolean ok;

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, target, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* Closes the temporary file's stream: checked when what was drawn into
 * it (@drawn) was; the file is synced when committed. */
static gboolean
finish_file (WriteTarget  *target,
             gboolean      drawn,
             GError      **error)
{
  int err = target->saved_errno;

  if (!drawn)
    {
      fclose (target->file);
      return FALSE;
    }
  if (fflush (target->file) != 0 && err == 0)
    err = errno;
  if (fclose (target->file) != 0 && err == 0)
    err = errno;
  if (err != 0)
    {
      set_io_error (error, target->path, err);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pdf (IkouExportJob  *self,
           WriteTarget    *target,
           GError        **error)
{
  guint n_pages = ikou_export_job_get_n_pages (self);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_cb, target, self->page_w, self->page_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ikou " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      ikou_export_job_draw_page (self, cr, page, self->page_w, self->page_h);
      cairo_show_page (cr);
    }
  return finish_vector (surface, cr, target, error);
}

static gboolean
write_page_file (IkouExportJob  *self,
                 guint           page,
                 WriteTarget    *target,
                 GError        **error)
{
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
      ok = check_surface (surface, target, error);
      if (ok && cairo_surface_write_to_png_stream (surface, write_cb, target) != CAIRO_STATUS_SUCCESS)
        {
          set_io_error (error, target->path, target->saved_errno ? target->saved_errno : EIO);
          ok = FALSE;
        }
      cairo_surface_destroy (surface);
      return ok;
    }

  surface = cairo_svg_surface_create_for_stream (write_cb, target, self->page_w, self->page_h);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  ikou_export_job_draw_page (self, cr, page, self->page_w, self->page_h);
  return finish_vector (surface, cr, target, error);
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

  _ikou_export_job_paginate_for_paper (self);
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
      else
        {
          WriteTarget out = { stream, target, 0 };

          if (self->options.format == IKOU_EXPORT_PDF)
            ok = write_pdf (self, &out, error);
          else
            ok = write_page_file (self, i, &out, error);
          ok = finish_file (&out, ok, error);
        }
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
  if (cli->costs != NULL && !ikou_export_costs_from_string (cli->costs, &options.costs, error))
    return FALSE;
  options.title = cli->title;
  if (cli->scenario != NULL &&
      (scenario = ikou_plan_require_scenario (plan, cli->scenario, error)) == NULL)
    return FALSE;
  if (cli->compare != NULL && !g_str_equal (cli->compare, "baseline") &&
      (compare = ikou_plan_require_scenario (plan, cli->compare, error)) == NULL)
    return FALSE;

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
