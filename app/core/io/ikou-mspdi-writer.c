/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "ikou-atomic-file.h"
#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-mspdi-private.h"

/* The export: the plan as MSPDI, to memory or in pieces to a file. */

/* Output to memory, or to a file in pieces of about a megabyte. */
typedef struct
{
  GString *buf;
  int      fd;           /* -1: memory only */
  int      write_errno;  /* the first failed write */
} Out;

#define FLUSH_SIZE (1 << 20)

static void
out_flush (Out *o)
{
  gsize done = 0;

  if (o->fd < 0)
    return;
  while (done < o->buf->len && o->write_errno == 0)
    {
      gssize n = write (o->fd, o->buf->str + done, o->buf->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        o->write_errno = n < 0 ? errno : EIO;
      else
        done += (gsize) n;
    }
  g_string_truncate (o->buf, 0);
}

static inline void
out_raw (Out        *o,
         const char *text)
{
  g_string_append (o->buf, text);
}

/* Numbers and days without printf: an export writes millions. */
static void
out_uint (Out     *o,
          guint64  value)
{
  char digits[24];
  int n = 0;

  do
    digits[n++] = (char) ('0' + value % 10);
  while ((value /= 10) != 0);
  while (n > 0)
    g_string_append_c (o->buf, digits[--n]);
}

static void
out_digits (Out *o,
            int  value,
            int  width)
{
  char digits[8];

  for (int i = width - 1; i >= 0; i--, value /= 10)
    digits[i] = (char) ('0' + value % 10);
  g_string_append_len (o->buf, digits, width);
}

/* Text as XML character data: markup escaped, carriage returns kept,
 * anything XML 1.0 cannot hold (invalid UTF-8, control characters,
 * U+FFFE/U+FFFF) as U+FFFD. */
static void
out_text (Out        *o,
          const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&':
          g_string_append (o->buf, "&amp;");
          break;
        case '<':
          g_string_append (o->buf, "&lt;");
          break;
        case '>':
          g_string_append (o->buf, "&gt;");
          break;
        case '\r':
          g_string_append (o->buf, "&#13;");
          break;
        case '\t':
        case '\n':
          g_string_append_c (o->buf, (char) c);
          break;
        default:
          if (c < 0x20)
            g_string_append (o->buf, "\xEF\xBF\xBD");
          else if (c < 0x80)
            g_string_append_c (o->buf, (char) c);
          else
            {
              gunichar u = g_utf8_get_char (p);

              if (u == 0xFFFE || u == 0xFFFF)
                g_string_append (o->buf, "\xEF\xBF\xBD");
              else
                g_string_append_len (o->buf, p, g_utf8_next_char (p) - p);
            }
        }
    }
}

static void
out_element (Out        *o,
             const char *name,
             const char *text)
{
  if (text == NULL)
    return;
  g_string_append_c (o->buf, '<');
  g_string_append (o->buf, name);
  g_string_append_c (o->buf, '>');
  out_text (o, text);
  g_string_append (o->buf, "</");
  g_string_append (o->buf, name);
  g_string_append_c (o->buf, '>');
}

/* 2025-04-01T@time */
static void
out_day (Out        *o,
         int         y,
         int         m,
         int         d,
         const char *time)
{
  out_digits (o, y, 4);
  g_string_append_c (o->buf, '-');
  out_digits (o, m, 2);
  g_string_append_c (o->buf, '-');
  out_digits (o, d, 2);
  g_string_append_c (o->buf, 'T');
  g_string_append (o->buf, time);
}

/* A day at a time of day: 2025-04-01T09:00:00. */
static void
out_element_day (Out        *o,
                 const char *name,
                 IkouDay     day,
                 const char *time)
{
  int y, m, d;

  if (day == IKOU_DAY_NONE || !ikou_day_to_ymd (day, &y, &m, &d) || y < 1 || y > 9999)
    return;
  g_string_append_c (o->buf, '<');
  g_string_append (o->buf, name);
  g_string_append_c (o->buf, '>');
  out_day (o, y, m, d, time);
  g_string_append (o->buf, "</");
  g_string_append (o->buf, name);
  g_string_append_c (o->buf, '>');
}

static void
out_attribute_start (Out   *o,
                     Field  field)
{
  g_string_append (o->buf, "<ExtendedAttribute><FieldID>");
  g_string_append (o->buf, mspdi_fields[field].field_id);
  g_string_append (o->buf, "</FieldID><Value>");
}

static void
out_attribute (Out        *o,
               Field       field,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  out_attribute_start (o, field);
  out_text (o, value);
  out_raw (o, "</Value></ExtendedAttribute>");
}

static void
out_attribute_int (Out    *o,
                   Field   field,
                   gint64  value)
{
  out_attribute_start (o, field);
  if (value < 0)
    g_string_append_c (o->buf, '-');
  out_uint (o, value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value);
  out_raw (o, "</Value></ExtendedAttribute>");
}

static void
out_attribute_day (Out     *o,
                   Field    field,
                   IkouDay  day)
{
  int y, m, d;

  if (day == IKOU_DAY_NONE || !ikou_day_to_ymd (day, &y, &m, &d) || y < 1 || y > 9999)
    return;
  out_attribute_start (o, field);
  out_day (o, y, m, d, "00:00:00");
  out_raw (o, "</Value></ExtendedAttribute>");
}

typedef struct
{
  Out          *out;
  IkouPlan     *plan;
  IkouSchedule *schedule;
  guint         uid;       /* the last task UID (and ID) given */
  IkouDay       project_start;
} Writer;

static const char *
host_name (Writer *w,
           guint   id)
{
  IkouHost *host = id != 0 ? ikou_plan_lookup_host (w->plan, id) : NULL;

  return host != NULL ? ikou_host_get_name (host) : NULL;
}

static void
out_host_ref (Writer *w,
              Field   name_field,
              Field   id_field,
              guint   id)
{
  if (id == 0)
    return;
  out_attribute (w->out, name_field, host_name (w, id));
  out_attribute_int (w->out, id_field, id);
}

/* <Task> up to the dates.  Working time is 09:00–18:00 every day (the
 * calendar written below), so a day is 8 hours and the dates MS Project
 * shows are the plan's own. */
static void
out_task_start (Writer     *w,
                const char *name,
                const char *outline,
                int         level,
                IkouDay     start,
                IkouDay     finish,
                gboolean    milestone,
                gboolean    summary)
{
  Out *o = w->out;

  w->uid++;
  out_raw (o, "<Task><UID>");
  out_uint (o, w->uid);
  out_raw (o, "</UID><ID>");
  out_uint (o, w->uid);
  out_raw (o, "</ID>");
  out_element (o, "Name", name);
  out_raw (o, "<OutlineNumber>");
  out_raw (o, outline);
  out_raw (o, "</OutlineNumber><OutlineLevel>");
  out_uint (o, (guint64) level);
  out_raw (o, "</OutlineLevel>");
  if (start == IKOU_DAY_NONE)
    start = finish = w->project_start;
  out_element_day (o, "Start", start, "09:00:00");
  out_element_day (o, "Finish", finish, "09:00:00");
  /* Work and Milestone also when 0: Planner's importer reads a missing
   * one as a milestone. */
  out_raw (o, "<Duration>PT");
  out_uint (o, finish > start ? (guint64) (finish - start) * 8 : 0);
  out_raw (o, "H0M0S</Duration><Work>PT0H0M0S</Work>");
  out_raw (o, milestone ? "<Milestone>1</Milestone>" : "<Milestone>0</Milestone>");
  if (summary)
    out_raw (o, "<Summary>1</Summary>");
}

static void
out_milestone (Writer         *w,
               const IkouStep *step,
               IkouMilestone   m,
               const char     *outline,
               guint          *child)
{
  IkouDay day = ikou_step_get_milestone (step, m);
  g_autofree char *number = NULL;

  if (day == IKOU_DAY_NONE)
    return;
  number = g_strdup_printf ("%s.%u", outline, ++*child);
  out_task_start (w, mspdi_milestone_names[m], number, 3, day, day, TRUE, FALSE);
  if (step->done & IKOU_MILESTONE_FLAG (m))
    out_raw (w->out, "<PercentComplete>100</PercentComplete>");
  out_raw (w->out, "<ConstraintType>2</ConstraintType>");
  out_element_day (w->out, "ConstraintDate", day, "09:00:00");
  out_raw (w->out, "</Task>\n");
}

static void
step_span (const IkouStep *step,
           IkouDay        *first,
           IkouDay        *last)
{
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    {
      IkouDay day = ikou_step_get_milestone (step, m);

      if (day == IKOU_DAY_NONE)
        continue;
      if (*first == IKOU_DAY_NONE || day < *first)
        *first = day;
      if (*last == IKOU_DAY_NONE || day > *last)
        *last = day;
    }
}

static void
out_step (Writer         *w,
          const IkouStep *step,
          const char     *outline)
{
  Out *o = w->out;
  const char *from = host_name (w, step->from_host);
  const char *to = host_name (w, step->to_host);
  g_autofree char *name = NULL;
  IkouDay first = IKOU_DAY_NONE, last = IKOU_DAY_NONE;
  guint child = 0;

  step_span (step, &first, &last);
  if (from != NULL || to != NULL)
    name = g_strdup_printf ("%s → %s", from != NULL ? from : "", to != NULL ? to : "");
  else
    name = g_strdup ("移行");

  out_task_start (w, name, outline, 2, first, last, FALSE, first != IKOU_DAY_NONE);
  out_element (o, "Notes", step->note);
  out_attribute (o, F_ROLE, ROLE_STEP);
  out_host_ref (w, F_FROM, F_FROM_ID, step->from_host);
  out_host_ref (w, F_TO, F_TO_ID, step->to_host);
  if (step->budget_amount >= 0)
    out_attribute_int (o, F_AMOUNT, step->budget_amount);
  if (step->annual_cost >= 0)
    out_attribute_int (o, F_STEP_ANNUAL_COST, step->annual_cost);
  if (step->supplementary)
    out_attribute (o, F_SUPPLEMENTARY, "1");
  out_attribute (o, F_COMPLIANT, step->standard_compliant ? "1" : "0");
  if (step->arrangement != IKOU_ARRANGEMENT_NORMAL)
    out_attribute (o, F_ARRANGEMENT, mspdi_arrangement_words[step->arrangement].ja);
  out_raw (o, "</Task>\n");

  out_milestone (w, step, IKOU_MILESTONE_BUDGET, outline, &child);
  out_milestone (w, step, IKOU_MILESTONE_CONTRACT, outline, &child);
  if (step->contract_date != IKOU_DAY_NONE && step->cutover_date > step->contract_date)
    {
      g_autofree char *number = g_strdup_printf ("%s.%u", outline, ++child);
      guint both = IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT) |
                   IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);

      out_task_start (w, BUILD_NAME, number, 3, step->contract_date, step->cutover_date,
                      FALSE, FALSE);
      if ((step->done & both) == both)
        out_raw (o, "<PercentComplete>100</PercentComplete>");
      out_raw (o, "<ConstraintType>4</ConstraintType>");
      out_element_day (o, "ConstraintDate", step->contract_date, "09:00:00");
      out_raw (o, "</Task>\n");
    }
  out_milestone (w, step, IKOU_MILESTONE_CUTOVER, outline, &child);
}

static void
out_system (Writer     *w,
            IkouSystem *system,
            guint       index)
{
  Out *o = w->out;
  guint n_steps = ikou_system_get_n_steps (system);
  IkouDay first = IKOU_DAY_NONE, last = IKOU_DAY_NONE;
  IkouDay deadline = mspdi_applicable_deadline (system, w->schedule);
  IkouStatus status = ikou_system_get_status (system);
  char outline[16];

  for (guint i = 0; i < n_steps; i++)
    step_span (ikou_system_get_step (system, i), &first, &last);

  g_snprintf (outline, sizeof outline, "%u", index + 1);
  out_task_start (w, ikou_system_get_name (system), outline, 1, first, last, FALSE,
                  n_steps > 0);
  out_element_day (o, "Deadline", deadline, "18:00:00");
  out_element (o, "Notes", ikou_system_get_notes (system));
  out_attribute (o, F_ROLE, ROLE_SYSTEM);
  out_attribute_int (o, F_SYSTEM_ID, ikou_system_get_id (system));
  out_attribute (o, F_DEPARTMENT, ikou_system_get_department (system));
  out_attribute (o, F_VENDOR, ikou_system_get_vendor (system));
  out_attribute (o, F_OPERATION, ikou_system_get_operation (system));
  out_host_ref (w, F_HOST, F_HOST_ID, ikou_system_get_host (system));
  if ((guint) status < IKOU_N_STATUSES)
    out_attribute (o, F_STATUS, mspdi_status_words[status].ja);
  if (ikou_system_get_tokutei (system))
    out_attribute (o, F_TOKUTEI, "1");
  out_attribute_day (o, F_TOKUTEI_DEADLINE, ikou_system_get_tokutei_deadline (system));
  out_attribute (o, F_TOKUTEI_REASON, ikou_system_get_tokutei_reason (system));
  if (ikou_system_get_tokutei_reason_kind (system) != IKOU_TOKUTEI_REASON_UNKNOWN)
    out_attribute (o, F_TOKUTEI_REASON_KIND,
                   mspdi_tokutei_reason_words[ikou_system_get_tokutei_reason_kind (system)].ja);
  if (ikou_system_get_transitional (system))
    out_attribute (o, F_TRANSITIONAL, "1");
  out_attribute (o, F_TRANSITIONAL_FUNCTIONS, ikou_system_get_transitional_functions (system));
  out_attribute_day (o, F_TRANSITIONAL_COMPLETION, ikou_system_get_transitional_completion (system));
  out_attribute_day (o, F_TRANSITIONAL_NOTIFIED, ikou_system_get_transitional_notified (system));
  if (ikou_system_get_annual_cost (system) >= 0)
    out_attribute_int (o, F_ANNUAL_COST, ikou_system_get_annual_cost (system));
  out_raw (o, "</Task>\n");

  for (guint i = 0; i < n_steps; i++)
    {
      char step_outline[32];

      g_snprintf (step_outline, sizeof step_outline, "%u.%u", index + 1, i + 1);
      out_step (w, ikou_system_get_step (system, i), step_outline);
    }
}

static void
out_definitions (Out *o)
{
  out_raw (o, "<ExtendedAttributes>\n");
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_string_append_printf (o->buf,
                              "<ExtendedAttribute><FieldID>%s</FieldID><FieldName>%s</FieldName>"
                              "<CFType>%d</CFType>",
                              mspdi_fields[i].field_id, mspdi_fields[i].field_name,
                              mspdi_fields[i].type);
      out_element (o, "Alias", mspdi_fields[i].alias);
      out_raw (o, "</ExtendedAttribute>\n");
    }
  out_raw (o, "</ExtendedAttributes>\n");
}

static void
out_calendar (Out *o)
{
  out_raw (o, "<Calendars><Calendar><UID>1</UID><Name>標準</Name>"
              "<IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>"
              "<WeekDays>");
  for (int day = 1; day <= 7; day++)
    g_string_append_printf (o->buf,
                            "<WeekDay><DayType>%d</DayType><DayWorking>1</DayWorking>"
                            "<WorkingTimes><WorkingTime><FromTime>09:00:00</FromTime>"
                            "<ToTime>12:00:00</ToTime></WorkingTime><WorkingTime>"
                            "<FromTime>13:00:00</FromTime><ToTime>18:00:00</ToTime>"
                            "</WorkingTime></WorkingTimes></WeekDay>", day);
  out_raw (o, "</WeekDays></Calendar></Calendars>\n");
}

static void
out_resources (Writer *w)
{
  Out *o = w->out;
  guint n = ikou_plan_get_n_hosts (w->plan);

  out_raw (o, "<Resources>\n");
  for (guint i = 0; i < n; i++)
    {
      IkouHost *host = ikou_plan_get_host (w->plan, i);
      IkouHostKind kind = ikou_host_get_kind (host);

      g_string_append_printf (o->buf, "<Resource><UID>%u</UID><ID>%u</ID>",
                              ikou_host_get_id (host), i + 1);
      out_element (o, "Name", ikou_host_get_name (host));
      out_raw (o, "<Type>1</Type><IsNull>0</IsNull><MaxUnits>1.00</MaxUnits>");
      out_element_day (o, "AvailableFrom", ikou_host_get_available_from (host), "00:00:00");
      out_element_day (o, "AvailableTo", ikou_host_get_available_until (host), "23:59:00");
      out_element (o, "Notes", ikou_host_get_note (host));
      if ((guint) kind < IKOU_N_HOST_KINDS)
        out_attribute (o, F_HOST_KIND, mspdi_host_kind_words[kind].ja);
      if (ikou_host_get_annual_cost (host) >= 0)
        out_attribute_int (o, F_HOST_COST, ikou_host_get_annual_cost (host));
      out_raw (o, "</Resource>\n");
    }
  out_raw (o, "</Resources>\n");
}

static void
write_plan (IkouPlan     *plan,
            IkouSchedule *schedule,
            Out          *o)
{
  Writer w = { o, plan, schedule, 0, IKOU_DAY_NONE };
  guint n = ikou_plan_get_n_systems (plan);
  IkouDay first = IKOU_DAY_NONE, last = IKOU_DAY_NONE;
  const char *title = ikou_plan_get_title (plan);

  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);

      for (guint j = 0; j < ikou_system_get_n_steps (system); j++)
        step_span (ikou_system_get_step (system, j), &first, &last);
    }
  /* A plan without dates starts with the national schedule's year. */
  if (first == IKOU_DAY_NONE)
    first = last = ikou_fiscal_year_start (FALLBACK_DEADLINE_YEAR - 1);
  w.project_start = first;

  out_raw (o, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<Project xmlns=\"" MSPDI_NS "\">\n<SaveVersion>14</SaveVersion>");
  out_element (o, "Title", title);
  out_element (o, "Company", ikou_plan_get_organization (plan));
  out_raw (o, "<ScheduleFromStart>1</ScheduleFromStart>");
  out_element_day (o, "StartDate", first, "09:00:00");
  out_element_day (o, "FinishDate", last, "09:00:00");
  out_raw (o, "<FYStartDate>4</FYStartDate><CriticalSlackLimit>0</CriticalSlackLimit>"
              "<CurrencyDigits>0</CurrencyDigits><CurrencySymbol>¥</CurrencySymbol>"
              "<CurrencyCode>JPY</CurrencyCode><CurrencySymbolPosition>0</CurrencySymbolPosition>"
              "<CalendarUID>1</CalendarUID><DefaultStartTime>09:00:00</DefaultStartTime>"
              "<DefaultFinishTime>18:00:00</DefaultFinishTime><MinutesPerDay>480</MinutesPerDay>"
              "<MinutesPerWeek>3360</MinutesPerWeek><DaysPerMonth>30</DaysPerMonth>\n");
  out_definitions (o);
  out_calendar (o);

  /* The project summary task (UID 0) carries what the project header
   * has no element for. */
  out_raw (o, "<Tasks>\n<Task><UID>0</UID><ID>0</ID>");
  out_element (o, "Name", title != NULL ? title : "");
  out_raw (o, "<Type>1</Type><IsNull>0</IsNull><OutlineNumber>0</OutlineNumber>"
              "<OutlineLevel>0</OutlineLevel>");
  out_element_day (o, "Start", first, "09:00:00");
  out_element_day (o, "Finish", last, "09:00:00");
  out_raw (o, "<Milestone>0</Milestone><Summary>1</Summary>");
  out_element (o, "Notes", ikou_plan_get_description (plan));
  out_attribute (o, F_ORG_CODE, ikou_plan_get_org_code (plan));
  out_attribute (o, F_SCHEDULE_VERSION, ikou_plan_get_schedule_version (plan));
  out_attribute_int (o, F_NEXT_SYSTEM_ID, ikou_plan_next_system_id (plan));
  out_attribute_int (o, F_NEXT_HOST_ID, ikou_plan_next_host_id (plan));
  out_attribute_int (o, F_REFERENCE_FY, ikou_plan_get_reference_fy (plan));
  if (ikou_plan_get_reference_cost (plan) >= 0)
    out_attribute_int (o, F_REFERENCE_COST, ikou_plan_get_reference_cost (plan));
  out_raw (o, "</Task>\n");

  for (guint i = 0; i < n; i++)
    {
      out_system (&w, ikou_plan_get_system (plan, i), i);
      if (o->buf->len >= FLUSH_SIZE)
        out_flush (o);
    }
  out_raw (o, "</Tasks>\n");
  out_resources (&w);
  out_raw (o, "</Project>\n");
  out_flush (o);
}

static GPtrArray *
export_report (IkouPlan *plan)
{
  GPtrArray *mspdi_report = g_ptr_array_new_with_free_func (g_free);
  guint n = ikou_plan_get_n_scenarios (plan);

  if (n > 0)
    g_ptr_array_add (mspdi_report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The plan’s %u scenario is not written: "
                                                   "MS Project XML has no place for what-if "
                                                   "scenarios.",
                                                   "The plan’s %u scenarios are not written: "
                                                   "MS Project XML has no place for what-if "
                                                   "scenarios.", n), n));
  return mspdi_report;
}

char *
ikou_mspdi_write_data (IkouPlan      *plan,
                       IkouSchedule  *schedule,
                       GPtrArray    **out_report,
                       gsize         *length)
{
  Out o = { NULL, -1, 0 };

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);

  o.buf = g_string_sized_new (4096 + 2048 * ikou_plan_get_n_systems (plan));
  write_plan (plan, schedule, &o);
  if (out_report != NULL)
    *out_report = export_report (plan);
  if (length != NULL)
    *length = o.buf->len;
  return g_string_free (o.buf, FALSE);
}

gboolean
ikou_mspdi_write_file (IkouPlan      *plan,
                       IkouSchedule  *schedule,
                       const char    *path,
                       GPtrArray    **out_report,
                       GError       **error)
{
  g_autoptr(IkouAtomicFile) file = NULL;
  g_autofree char *name = NULL;
  Out o = { NULL, -1, 0 };

  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = ikou_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  o.fd = ikou_atomic_file_get_fd (file);
  o.buf = g_string_sized_new (FLUSH_SIZE + 65536);
  write_plan (plan, schedule, &o);
  g_string_free (o.buf, TRUE);
  if (o.write_errno != 0)
    {
      name = g_filename_display_name (path);
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not save %s: %s"), name,
                   g_strerror (o.write_errno));
      return FALSE;
    }
  if (!ikou_atomic_file_commit (file, error))
    return FALSE;

  if (out_report != NULL)
    *out_report = export_report (plan);
  return TRUE;
}
