/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ikou-types.h"

G_BEGIN_DECLS

/* IkouDateEntry: a date field for what planners type (R7.4.1, 令和7年4月,
 * 2025/4/1, full-width digits; see ikou_parse_date()).  It shows the
 * model's date as 2025-04-01 with the date in 和暦 next to it.  When the
 * user activates the entry or leaves it, valid text emits ::day-applied
 * (an empty field means "no date", IKOU_DAY_NONE); invalid text marks
 * the entry with the "error" style class and shows the reason under it,
 * emits nothing, and the previous day stays.  The entry never changes
 * its own day: the owner applies the day to the model and calls
 * ikou_date_entry_set_day() with what the model holds.  Shared by the
 * system and host editors and the export dialog.
 *
 * With "month-only" set the field holds a month: it shows 2025-04 with
 * 令和7年4月 beside it, accepts everything ikou_parse_date() accepts
 * (R7年4月, 2025/4, 2025-04, and whole dates: 令和7年4月1日 or 2025-04-15
 * mean April 2025) and its day is always the first of the month, in
 * ::day-applied and in ikou_date_entry_get_day(). */

#define IKOU_TYPE_DATE_ENTRY (ikou_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (IkouDateEntry, ikou_date_entry, IKOU, DATE_ENTRY, GtkWidget)

GtkWidget  *ikou_date_entry_new             (void);
IkouDay     ikou_date_entry_get_day         (IkouDateEntry *self);
/* Shows @day (in month mode, its month: the day held is the first of
 * it).  While the user's invalid text is on show and @day is the day
 * already held, the text and the error are kept. */
void        ikou_date_entry_set_day         (IkouDateEntry *self,
                                             IkouDay        day);
gboolean    ikou_date_entry_get_month_only  (IkouDateEntry *self);
/* Switches month mode; a day already held becomes the first of its month. */
void        ikou_date_entry_set_month_only  (IkouDateEntry *self,
                                             gboolean       month_only);
/* Parses the text now, as activating the entry does. */
void        ikou_date_entry_apply           (IkouDateEntry *self);
/* The message shown under the field, or NULL when the text is valid. */
const char *ikou_date_entry_get_error       (IkouDateEntry *self);
GtkEntry   *ikou_date_entry_get_entry       (IkouDateEntry *self);
GtkLabel   *ikou_date_entry_get_error_label (IkouDateEntry *self);
GtkLabel   *ikou_date_entry_get_era_label   (IkouDateEntry *self);

G_END_DECLS
