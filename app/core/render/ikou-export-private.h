/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-export.h"

G_BEGIN_DECLS

/* IkouExportJob spans ikou-export.c (options, range, pagination and
 * drawing of the pages) and ikou-export-write.c (files and the command
 * line); this is what the second reads of a paginated job. */

const IkouExportOptions *_ikou_export_job_get_options     (IkouExportJob *self);
const char              *_ikou_export_job_get_title       (IkouExportJob *self);
double                   _ikou_export_job_get_page_width  (IkouExportJob *self);
double                   _ikou_export_job_get_page_height (IkouExportJob *self);
/* Paginates for the options' paper. */
void                     _ikou_export_job_paginate_for_paper (IkouExportJob *self);

G_END_DECLS
