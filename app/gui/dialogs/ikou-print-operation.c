/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-print-operation.h"

struct _IkouPrintOperation
{
  GtkPrintOperation  parent_instance;

  IkouExportJob     *job;
  double             page_width;   /* points, of the pages paginated */
  double             page_height;
};

G_DEFINE_FINAL_TYPE (IkouPrintOperation, ikou_print_operation, GTK_TYPE_PRINT_OPERATION)

GtkPageSetup *
ikou_print_operation_default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *a3 = gtk_paper_size_new (GTK_PAPER_NAME_A3);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a3);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_paper_size_free (a3);

  return setup;
}

/* The printable area is known only now (the planner may have chosen
 * another paper in the print dialog): paginate for it. */
static void
ikou_print_operation_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  IkouPrintOperation *self = IKOU_PRINT_OPERATION (operation);
  guint n_pages;

  self->page_width = gtk_print_context_get_width (context);
  self->page_height = gtk_print_context_get_height (context);

  if (self->page_width <= 0 || self->page_height <= 0)
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  n_pages = ikou_export_job_paginate (self->job, self->page_width, self->page_height);
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
ikou_print_operation_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page_nr)
{
  IkouPrintOperation *self = IKOU_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  g_return_if_fail (page_nr >= 0);

  /* The context is in points (the operation's unit), its origin at the
   * printable area's top left: the same user space as a PDF page. */
  ikou_export_job_draw_page (self->job, cr, (guint) page_nr, self->page_width, self->page_height);
}

static void
ikou_print_operation_dispose (GObject *object)
{
  IkouPrintOperation *self = IKOU_PRINT_OPERATION (object);

  g_clear_object (&self->job);

  G_OBJECT_CLASS (ikou_print_operation_parent_class)->dispose (object);
}

static void
ikou_print_operation_class_init (IkouPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = ikou_print_operation_dispose;
  operation_class->begin_print = ikou_print_operation_begin_print;
  operation_class->draw_page = ikou_print_operation_draw_page;
}

static void
ikou_print_operation_init (IkouPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = ikou_print_operation_default_page_setup ();

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
}

IkouPrintOperation *
ikou_print_operation_new (IkouPlan                *plan,
                          IkouScenario            *scenario,
                          IkouSchedule            *schedule,
                          GListModel              *rows,
                          GPtrArray               *findings,
                          const IkouExportOptions *options,
                          GError                 **error)
{
  g_autoptr(IkouPrintOperation) self = NULL;
  g_autoptr(IkouExportJob) job = NULL;
  IkouExportOptions job_options;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (rows == NULL || G_IS_LIST_MODEL (rows), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job_options = *options;
  job_options.format = IKOU_EXPORT_PDF;
  job = ikou_export_job_new (plan, scenario, schedule, &job_options, error);
  if (job == NULL)
    return NULL;

  /* Printing runs page by page from the main loop, also after the print
   * dialog has closed and the planner is editing again. */
  if (rows != NULL)
    {
      g_autoptr(GListModel) rows_copy = ikou_export_copy_rows (rows);

      ikou_export_job_set_rows (job, rows_copy);
    }
  if (findings != NULL)
    {
      g_autoptr(GPtrArray) findings_copy = ikou_export_copy_findings (findings);

      ikou_export_job_set_findings (job, findings_copy);
    }

  self = g_object_new (IKOU_TYPE_PRINT_OPERATION, NULL);
  self->job = g_steal_pointer (&job);

  if (options->title != NULL && *options->title != '\0')
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), options->title);
  else if (ikou_plan_get_title (plan) != NULL && *ikou_plan_get_title (plan) != '\0')
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), ikou_plan_get_title (plan));
  else
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Migration roadmap"));

  return g_steal_pointer (&self);
}

void
ikou_print_operation_set_compare (IkouPrintOperation *self,
                                  gboolean            comparing,
                                  IkouScenario       *scenario)
{
  g_return_if_fail (IKOU_IS_PRINT_OPERATION (self));

  ikou_export_job_set_compare (self->job, comparing, scenario);
}
