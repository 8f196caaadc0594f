/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-atomic-file.h"
#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-mspdi.h"
#include "ikou-xml-util.h"

#define MSPDI_NS "http://schemas.microsoft.com/project"

/* R7年度末, when no schedule is given. */
#define FALLBACK_DEADLINE_YEAR 2026

/* Custom fields.  The FieldIDs are MS Project's own numbers for the
 * task's Text1…, Flag1…, Date1…, Number1… and the resource's Text1; the
 * aliases are what MS Project shows as column titles.  On import a
 * field is found by its alias (Japanese or English), never by its
 * number alone: another tool's Text2 may hold anything. */
typedef enum
{
  F_ROLE,
  F_DEPARTMENT,
  F_VENDOR,
  F_OPERATION,
  F_HOST,
  F_STATUS,
  F_TOKUTEI_REASON,
  F_FROM,
  F_TO,
  F_ARRANGEMENT,
  F_ORG_CODE,
  F_SCHEDULE_VERSION,
  F_TOKUTEI,
  F_SUPPLEMENTARY,
  F_COMPLIANT,
  F_TOKUTEI_DEADLINE,
  F_AMOUNT,
  F_SYSTEM_ID,
  F_HOST_ID,
  F_FROM_ID,
  F_TO_ID,
  F_NEXT_SYSTEM_ID,
  F_NEXT_HOST_ID,
  F_ANNUAL_COST,
  F_STEP_ANNUAL_COST,
  F_REFERENCE_COST,
  F_REFERENCE_FY,
  F_HOST_KIND, /* the resource fields, from here on */
  F_HOST_COST,
  N_FIELDS
} Field;

typedef enum
{
  CF_DATE = 1,
  CF_FLAG = 4,
  CF_NUMBER = 5,
  CF_TEXT = 7,
} CfType;

typedef struct
{
  const char *field_id;
  const char *field_name;
  CfType      type;
  const char *alias;     /* written */
  const char *alias_en;  /* also read */
  const char *alias_alt; /* also read, may be NULL */
} FieldInfo;

static const FieldInfo fields[N_FIELDS] = {
  [F_ROLE] = { "188743731", "Text1", CF_TEXT, "Ikou区分", "Ikou role", NULL },
  [F_DEPARTMENT] = { "188743734", "Text2", CF_TEXT, "所管課", "Department", "担当課" },
  [F_VENDOR] = { "188743737", "Text3", CF_TEXT, "ベンダー", "Vendor", "事業者" },
  [F_OPERATION] = { "188743740", "Text4", CF_TEXT, "業務", "Operation", "標準化対象業務" },
  [F_HOST] = { "188743743", "Text5", CF_TEXT, "現行", "Host today", "現行サーバ" },
  [F_STATUS] = { "188743746", "Text6", CF_TEXT, "状態", "Status", "進捗" },
  [F_TOKUTEI_REASON] = { "188743747", "Text7", CF_TEXT, "特定移行支援の理由", "Tokutei reason", NULL },
  [F_FROM] = { "188743748", "Text8", CF_TEXT, "移行元", "From host", NULL },
  [F_TO] = { "188743749", "Text9", CF_TEXT, "移行先", "To host", NULL },
  [F_ARRANGEMENT] = { "188743750", "Text10", CF_TEXT, "契約形態", "Arrangement", NULL },
  [F_ORG_CODE] = { "188743997", "Text11", CF_TEXT, "団体コード", "Organization code", NULL },
  [F_SCHEDULE_VERSION] = { "188743998", "Text12", CF_TEXT, "国の工程表の版", "Schedule version", NULL },
  [F_TOKUTEI] = { "188743752", "Flag1", CF_FLAG, "特定移行支援", "Tokutei", NULL },
  [F_SUPPLEMENTARY] = { "188743753", "Flag2", CF_FLAG, "補正予算", "Supplementary budget", NULL },
  [F_COMPLIANT] = { "188743754", "Flag3", CF_FLAG, "標準準拠", "Standard-compliant", NULL },
  [F_TOKUTEI_DEADLINE] = { "188743945", "Date1", CF_DATE, "特定移行支援の期限", "Tokutei deadline", NULL },
  [F_AMOUNT] = { "188743767", "Number1", CF_NUMBER, "予算額（千円）", "Budget (thousand yen)", "予算額" },
  [F_SYSTEM_ID] = { "188743768", "Number2", CF_NUMBER, "システムID", "System id", NULL },
  [F_HOST_ID] = { "188743769", "Number3", CF_NUMBER, "現行ホストID", "Host today id", NULL },
  [F_FROM_ID] = { "188743770", "Number4", CF_NUMBER, "移行元ホストID", "From host id", NULL },
  [F_TO_ID] = { "188743771", "Number5", CF_NUMBER, "移行先ホストID", "To host id", NULL },
  [F_NEXT_SYSTEM_ID] = { "188743982", "Number6", CF_NUMBER, "次のシステムID", "Next system id", NULL },
  [F_NEXT_HOST_ID] = { "188743983", "Number7", CF_NUMBER, "次のホストID", "Next host id", NULL },
  [F_ANNUAL_COST] = { "188743984", "Number8", CF_NUMBER, "運用経費（千円／年）",
                      "Running cost (thousand yen a year)", "運用経費" },
  [F_STEP_ANNUAL_COST] = { "188743985", "Number9", CF_NUMBER, "移行後の運用経費（千円／年）",
                           "Running cost after cut-over (thousand yen a year)", "移行後の運用経費" },
  [F_REFERENCE_COST] = { "188743986", "Number10", CF_NUMBER, "基準年度の運用経費（千円）",
                         "Reference running cost (thousand yen)", NULL },
  [F_REFERENCE_FY] = { "188743987", "Number11", CF_NUMBER, "基準年度", "Reference fiscal year", NULL },
  [F_HOST_KIND] = { "205520904", "Text1", CF_TEXT, "種別", "Host kind", "移行先の種別" },
  [F_HOST_COST] = { "205521008", "Number1", CF_NUMBER, "年間経費（千円）",
                    "Annual cost (thousand yen)", "年間経費" },
};

#define IS_RESOURCE_FIELD(f) ((f) >= F_HOST_KIND)

/* Ids above this from a file are not taken (the plan counts on from
 * them). */
#define MAX_FILE_ID 1000000000

#define ROLE_SYSTEM "system"
#define ROLE_STEP "step"

/* Values written in Japanese (the words 総務省 and the city use), read
 * also as Ikou's stable ids and in English. */
typedef struct
{
  const char *ja;
  const char *en;
} Words;

static const Words status_words[IKOU_N_STATUSES] = {
  { "未着手", "Not started" },
  { "作業中", "In progress" },
  { "完了済み", "Done" },
  { "対象外", "Not in scope" },
};

static const Words arrangement_words[IKOU_N_ARRANGEMENTS] = {
  { "通常", "Normal contract" },
  { "債務負担行為", "Debt burden act" },
  { "長期継続契約", "Long-term continuing contract" },
  { "準備行為", "Preparatory act" },
};

static const Words host_kind_words[IKOU_N_HOST_KINDS] = {
  { "電算室内統合SV", "On-premises shared server" },
  { "電算室内個別SV", "On-premises dedicated server" },
  { "統合サーバ（クラウド）", "Shared cloud server" },
  { "ガバメントクラウド", "Government Cloud" },
  { "その他", "Other" },
};

/* Task names of the milestones and the build period. */
static const char *milestone_names[IKOU_N_MILESTONES] = { "予算要求", "契約", "稼働" };
#define BUILD_NAME "構築"

/* For the report. */
static const char *milestone_words[IKOU_N_MILESTONES] = {
  N_("budget request"), N_("contract"), N_("cut-over")
};

static int
words_lookup (const Words *words,
              guint        n,
              const char  *value,
              const char *(*to_string) (int))
{
  g_autofree char *text = NULL;

  if (value == NULL)
    return -1;
  /* What Ikou writes, without normalizing. */
  for (guint i = 0; i < n; i++)
    if (g_str_equal (value, words[i].ja))
      return (int) i;
  text = g_strstrip (g_utf8_normalize (value, -1, G_NORMALIZE_NFKC));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *ja = g_utf8_normalize (words[i].ja, -1, G_NORMALIZE_NFKC);

      if (g_str_equal (text, ja) || g_ascii_strcasecmp (text, words[i].en) == 0 ||
          g_str_equal (text, to_string ((int) i)))
        return (int) i;
    }
  return -1;
}

static const char *
status_id (int i)
{
  return ikou_status_to_string ((IkouStatus) i);
}

static const char *
arrangement_id (int i)
{
  return ikou_arrangement_to_string ((IkouArrangement) i);
}

static const char *
host_kind_id (int i)
{
  return ikou_host_kind_to_string ((IkouHostKind) i);
}

static IkouDay
national_deadline (IkouSchedule *schedule)
{
  IkouDay day = schedule != NULL ? ikou_schedule_get_deadline (schedule) : IKOU_DAY_NONE;

  return day != IKOU_DAY_NONE ? day : ikou_fiscal_year_end (FALLBACK_DEADLINE_YEAR - 1);
}

/* The deadline the checker holds a system to: its approved 特定移行支援
 * deadline, else the national one for a standardized operation. */
static IkouDay
applicable_deadline (IkouSystem   *system,
                     IkouSchedule *schedule)
{
  const char *operation = ikou_system_get_operation (system);

  if (ikou_system_get_tokutei (system) &&
      ikou_system_get_tokutei_deadline (system) != IKOU_DAY_NONE)
    return ikou_system_get_tokutei_deadline (system);
  if (operation != NULL &&
      (schedule == NULL || ikou_schedule_lookup_operation (schedule, operation) != NULL))
    return national_deadline (schedule);
  return IKOU_DAY_NONE;
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

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
  g_string_append (o->buf, fields[field].field_id);
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
  out_task_start (w, milestone_names[m], number, 3, day, day, TRUE, FALSE);
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
    out_attribute (o, F_ARRANGEMENT, arrangement_words[step->arrangement].ja);
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
  IkouDay deadline = applicable_deadline (system, w->schedule);
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
    out_attribute (o, F_STATUS, status_words[status].ja);
  if (ikou_system_get_tokutei (system))
    out_attribute (o, F_TOKUTEI, "1");
  out_attribute_day (o, F_TOKUTEI_DEADLINE, ikou_system_get_tokutei_deadline (system));
  out_attribute (o, F_TOKUTEI_REASON, ikou_system_get_tokutei_reason (system));
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
                              fields[i].field_id, fields[i].field_name, fields[i].type);
      out_element (o, "Alias", fields[i].alias);
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
        out_attribute (o, F_HOST_KIND, host_kind_words[kind].ja);
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
  GPtrArray *report = g_ptr_array_new_with_free_func (g_free);
  guint n = ikou_plan_get_n_scenarios (plan);

  if (n > 0)
    g_ptr_array_add (report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The plan’s %u scenario is not written: "
                                                   "MS Project XML has no place for what-if "
                                                   "scenarios.",
                                                   "The plan’s %u scenarios are not written: "
                                                   "MS Project XML has no place for what-if "
                                                   "scenarios.", n), n));
  return report;
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

/* ------------------------------------------------------------------ */
/* Reading                                                              */

static const IkouXmlErrorCodes mspdi_codes = {
  IKOU_ERROR_NOT_A_PLAN,
  IKOU_ERROR_CORRUPT,
  IKOU_ERROR_INVALID_INPUT,
  IKOU_ERROR_INVALID_INPUT,
};

typedef struct
{
  int       line;
  char     *name;
  int       level;
  guint     uid;
  gboolean  has_uid;
  IkouDay   start;
  IkouDay   finish;
  gboolean  milestone;
  gboolean  summary;
  int       percent;     /* -1 when not given */
  IkouDay   deadline;
  char     *notes;
  char     *values[N_FIELDS];
  int       parent;      /* index in the group, -1 for the top task */
  gboolean  has_children;
} TaskRec;

static void
task_rec_free (TaskRec *t)
{
  g_free (t->name);
  g_free (t->notes);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (t->values[i]);
  g_free (t);
}

typedef struct
{
  guint     uid;
  char     *name;
} HostRef;

typedef struct
{
  int       line;
  guint     uid;
  char     *name;
  char     *kind;
  IkouDay   from;
  IkouDay   until;
  char     *notes;
  gint64    cost;
} ResRec;

static void
res_rec_free (ResRec *r)
{
  g_free (r->name);
  g_free (r->kind);
  g_free (r->notes);
  g_free (r);
}

typedef struct
{
  char  *label;   /* "Alias (Text5)" */
  guint  count;
} Unmapped;

typedef struct
{
  const char   *name;       /* display name */
  IkouSchedule *schedule;
  IkouDay       national;
  GPtrArray    *report;
  GHashTable   *field_map;  /* FieldID → Field + 1 */
  GHashTable   *field_label;/* FieldID → label for the report */
  GHashTable   *unmapped;   /* FieldID → Unmapped */
  GPtrArray    *unmapped_order;
  GPtrArray    *group;      /* TaskRec of the system being read */
  GPtrArray    *systems;    /* IkouSystem, host ids provisional */
  GArray       *explicit_ids; /* system id from the file, 0 none */
  GPtrArray    *host_refs;  /* HostRef; provisional host id = index + 1 */
  GHashTable   *host_ref_index;
  GPtrArray    *resources;
  guint         n_tasks;
  guint         n_links;
  guint         n_timephased;
  guint         n_assignments;
  guint         n_calendars;
  guint         n_orphans;
  int           first_orphan_line;
  gboolean      summary_seen;
  char         *title;
  char         *project_name;
  char         *company;
  char         *description;
  char         *org_code;
  char         *schedule_version;
  guint         next_system_id;
  guint         next_host_id;
  int           reference_fy;   /* -1: not given */
  gint64        reference_cost; /* -1: unknown */
} Reader;

static void G_GNUC_PRINTF (3, 4)
report (Reader     *r,
        int         line,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_ptr_array_add (r->report, g_strdup_printf (_("%s, line %d: %s"), r->name, line, message));
  else
    g_ptr_array_add (r->report, g_strdup_printf (_("%s: %s"), r->name, message));
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *child = ikou_xml_first_child (node, name);

  return child != NULL ? ikou_xml_get_text (child) : NULL;
}

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *out)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  return g_ascii_string_to_unsigned (copy, 10, 0, max, out, NULL);
}

/* A number as MS Project writes it (also "12000.00", "-1"); whole only. */
static gboolean
parse_number (const char *text,
              gint64     *out)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return FALSE;
  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || value != value || value < -1e15 || value > 1e15 ||
      value != (double) (gint64) value)
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

static gboolean
parse_flag (const char *text,
            gboolean   *out)
{
  static const char *yes[] = { "1", "true", "yes", "はい", "○", "〇" };
  static const char *no[] = { "0", "false", "no", "いいえ", "×", "" };
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (copy, yes[i]) == 0)
      return *out = TRUE, TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (copy, no[i]) == 0)
      return *out = FALSE, TRUE;
  return FALSE;
}

/* The day of an xsd:dateTime (2025-04-01T09:00:00), or of a bare date. */
static gboolean
parse_day (const char *text,
           IkouDay    *out)
{
  char day[11];
  const char *p;

  if (text == NULL)
    return FALSE;
  for (p = text; g_ascii_isspace (*p); p++)
    ;
  if (strlen (p) < 10 || (p[10] != '\0' && p[10] != 'T' && !g_ascii_isspace (p[10])))
    return FALSE;
  memcpy (day, p, 10);
  day[10] = '\0';
  return ikou_parse_iso_date (day, out);
}

/* PT8H0M0S, PT0H0M0S, P3D…: whether every number in it is zero. */
static gboolean
duration_is_zero (const char *text)
{
  gboolean digit = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p >= '1' && *p <= '9')
        return FALSE;
      if (*p == '0')
        digit = TRUE;
    }
  return digit;
}

static gboolean
alias_matches (const char *alias,
               const char *name)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (alias == NULL || name == NULL)
    return FALSE;
  na = g_strstrip (g_utf8_normalize (alias, -1, G_NORMALIZE_NFKC));
  nb = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  a = g_utf8_casefold (na, -1);
  b = g_utf8_casefold (nb, -1);
  return g_str_equal (a, b);
}

/* <ExtendedAttributes>: which of the file's fields are Ikou's. */
static void
read_definitions (Reader  *r,
                  xmlNode *node)
{
  for (xmlNode *def = ikou_xml_first_child (node, "ExtendedAttribute");
       def != NULL;
       def = ikou_xml_next_sibling (def, "ExtendedAttribute"))
    {
      g_autofree char *id = child_text (def, "FieldID");
      g_autofree char *field_name = child_text (def, "FieldName");
      g_autofree char *alias = child_text (def, "Alias");
      const char *label = alias != NULL && *alias != '\0' ? alias : field_name;
      gboolean resource;

      if (id == NULL)
        continue;
      g_strstrip (id);
      /* Resource fields are numbered from 205520000, tasks' below. */
      resource = g_str_has_prefix (id, "2055");
      for (guint f = 0; f < N_FIELDS; f++)
        {
          if (IS_RESOURCE_FIELD (f) != resource)
            continue;
          if (alias_matches (label, fields[f].alias) ||
              alias_matches (label, fields[f].alias_en) ||
              alias_matches (label, fields[f].alias_alt))
            {
              g_hash_table_replace (r->field_map, g_strdup (id), GUINT_TO_POINTER (f + 1));
              break;
            }
        }
      if (label != NULL && field_name != NULL && g_strcmp0 (label, field_name) != 0)
        g_hash_table_replace (r->field_label, g_strdup (id),
                              g_strdup_printf ("“%s” (%s)", label, field_name));
      else if (label != NULL)
        g_hash_table_replace (r->field_label, g_strdup (id), g_strdup_printf ("“%s”", label));
    }
}

static void
note_unmapped (Reader     *r,
               const char *field_id)
{
  Unmapped *u = g_hash_table_lookup (r->unmapped, field_id);

  if (u == NULL)
    {
      const char *label = g_hash_table_lookup (r->field_label, field_id);

      u = g_new0 (Unmapped, 1);
      u->label = label != NULL ? g_strdup (label) : g_strdup_printf ("FieldID %s", field_id);
      g_hash_table_insert (r->unmapped, g_strdup (field_id), u);
      g_ptr_array_add (r->unmapped_order, g_strdup (field_id));
    }
  u->count++;
}

/* One extended attribute value of a task or resource. */
static void
read_value (Reader   *r,
            xmlNode  *ea,
            char    **values)
{
  g_autofree char *id = child_text (ea, "FieldID");
  g_autofree char *value = NULL;
  guint f;

  if (id == NULL)
    return;
  g_strstrip (id);
  f = GPOINTER_TO_UINT (g_hash_table_lookup (r->field_map, id));
  value = child_text (ea, "Value");
  if (f == 0)
    {
      if (value != NULL && *value != '\0')
        note_unmapped (r, id);
      return;
    }
  g_free (values[f - 1]);
  values[f - 1] = g_steal_pointer (&value);
}

static void
read_values (Reader   *r,
             xmlNode  *node,
             char    **values)
{
  for (xmlNode *ea = ikou_xml_first_child (node, "ExtendedAttribute");
       ea != NULL;
       ea = ikou_xml_next_sibling (ea, "ExtendedAttribute"))
    read_value (r, ea, values);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
read_task (Reader   *r,
           xmlNode  *node,
           TaskRec **out)
{
  /* The elements read, in one pass over the task's children (a national
   * plan has 400,000 tasks). */
  enum { NAME, IS_NULL, LEVEL, NUMBER, UID, START, FINISH, DURATION, MILESTONE, SUMMARY,
         PERCENT, DEADLINE, NOTES, N_ELEMENTS };
  static const char * const names[N_ELEMENTS] = {
    "Name", "IsNull", "OutlineLevel", "OutlineNumber", "UID", "Start", "Finish", "Duration",
    "Milestone", "Summary", "PercentComplete", "Deadline", "Notes"
  };
  char *text[N_ELEMENTS] = { NULL };
  TaskRec *t;
  guint64 value;
  gboolean flag;

  t = g_new0 (TaskRec, 1);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *element = (const char *) child->name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal (element, "ExtendedAttribute"))
        {
          read_value (r, child, t->values);
          continue;
        }
      if (g_str_equal (element, "PredecessorLink"))
        {
          r->n_links++;
          continue;
        }
      if (g_str_equal (element, "TimephasedData"))
        {
          r->n_timephased++;
          continue;
        }
      for (guint i = 0; i < N_ELEMENTS; i++)
        if (text[i] == NULL && g_str_equal (element, names[i]))
          {
            text[i] = ikou_xml_get_text (child);
            break;
          }
    }
  t->notes = g_steal_pointer (&text[NOTES]);

  /* Blank rows: MS Project writes them as null tasks, others without a
   * name.  Ikou's own systems and steps and the project summary task are
   * kept even without one. */
  if ((parse_flag (text[IS_NULL], &flag) && flag) ||
      (is_blank (text[NAME]) && t->values[F_ROLE] == NULL &&
       !(parse_uint (text[LEVEL], 1000, &value) && value == 0)))
    {
      for (guint i = 0; i < N_ELEMENTS; i++)
        g_free (text[i]);
      task_rec_free (t);
      *out = NULL;
      return TRUE;
    }

  t->name = text[NAME] != NULL ? g_steal_pointer (&text[NAME]) : g_strdup ("");
  t->line = ikou_xml_node_line (node);
  t->percent = -1;
  t->parent = -1;
  if (parse_uint (text[LEVEL], 1000, &value))
    t->level = (int) value;
  else if (text[NUMBER] != NULL && *g_strstrip (text[NUMBER]) != '\0')
    {
      t->level = g_str_equal (text[NUMBER], "0") ? 0 : 1;
      for (const char *p = text[NUMBER]; *p != '\0'; p++)
        t->level += *p == '.';
    }
  else
    t->level = 1;
  t->has_uid = parse_uint (text[UID], G_MAXUINT, &value);
  t->uid = t->has_uid ? (guint) value : 0;
  if (text[START] != NULL && !parse_day (text[START], &t->start))
    report (r, t->line, _("task “%s”: the start “%s” is not a date; it is not kept."),
            t->name, text[START]);
  if (text[FINISH] != NULL && !parse_day (text[FINISH], &t->finish))
    report (r, t->line, _("task “%s”: the finish “%s” is not a date; it is not kept."),
            t->name, text[FINISH]);
  if (t->finish == IKOU_DAY_NONE)
    t->finish = t->start;
  if (t->start == IKOU_DAY_NONE)
    t->start = t->finish;
  if (text[MILESTONE] != NULL && parse_flag (text[MILESTONE], &flag))
    t->milestone = flag;
  else
    t->milestone = (text[DURATION] != NULL && duration_is_zero (text[DURATION])) ||
                   (t->start != IKOU_DAY_NONE && t->start == t->finish && text[DURATION] == NULL);
  t->summary = text[SUMMARY] != NULL && parse_flag (text[SUMMARY], &flag) && flag;
  if (parse_uint (text[PERCENT], 100, &value))
    t->percent = (int) value;
  if (text[DEADLINE] != NULL && !parse_day (text[DEADLINE], &t->deadline))
    report (r, t->line, _("task “%s”: the deadline “%s” is not a date; it is not kept."),
            t->name, text[DEADLINE]);
  if (t->notes != NULL && *t->notes == '\0')
    g_clear_pointer (&t->notes, g_free);

  for (guint i = 0; i < N_ELEMENTS; i++)
    g_free (text[i]);
  *out = t;
  return TRUE;
}

/* A provisional host id for a reference by resource UID and name. */
static guint
host_ref (Reader     *r,
          const char *name,
          const char *uid_text)
{
  g_autofree char *key = NULL;
  guint64 uid = 0;
  gint64 number = 0;
  gpointer index;

  if ((name == NULL || *name == '\0') && uid_text == NULL)
    return 0;
  if (uid_text != NULL && !parse_number (uid_text, &number))
    number = 0;
  uid = number > 0 && number <= MAX_FILE_ID ? (guint64) number : 0;
  if ((name == NULL || *name == '\0') && uid == 0)
    return 0;

  key = g_strdup_printf ("%u\n%s", (guint) uid, name != NULL ? name : "");
  if (g_hash_table_lookup_extended (r->host_ref_index, key, NULL, &index))
    return GPOINTER_TO_UINT (index);

  {
    HostRef *ref = g_new0 (HostRef, 1);

    ref->uid = (guint) uid;
    ref->name = g_strdup (name != NULL && *name != '\0' ? name : NULL);
    g_ptr_array_add (r->host_refs, ref);
    g_hash_table_insert (r->host_ref_index, g_steal_pointer (&key),
                         GUINT_TO_POINTER (r->host_refs->len));
    return r->host_refs->len;
  }
}

typedef enum
{
  KIND_UNKNOWN,
  KIND_BUDGET,
  KIND_CONTRACT,
  KIND_BUILD,
  KIND_CUTOVER,
} LeafKind;

static gboolean
name_has_any (const char        *folded,
              const char * const words[])
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* What a subtask is by its name, in Japanese or English. */
static LeafKind
classify (const char *name,
          gboolean    milestone)
{
  static const char * const budget[] = { "予算", "budget", NULL };
  static const char * const cutover[] = { "稼働", "稼動", "切替", "切り替え", "本番", "運用開始",
                                          "go-live", "go live", "golive", "cut-over",
                                          "cutover", "cut over", "launch", NULL };
  static const char * const contract[] = { "契約", "発注", "調達", "contract", "procure",
                                           "award", NULL };
  static const char * const build[] = { "構築", "開発", "導入", "build", "construct",
                                        "implement", "develop", NULL };
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  /* The names Ikou writes, without normalizing. */
  if (g_str_equal (name, milestone_names[IKOU_MILESTONE_BUDGET]))
    return KIND_BUDGET;
  if (g_str_equal (name, milestone_names[IKOU_MILESTONE_CONTRACT]))
    return milestone ? KIND_CONTRACT : KIND_BUILD;
  if (g_str_equal (name, BUILD_NAME))
    return KIND_BUILD;
  if (g_str_equal (name, milestone_names[IKOU_MILESTONE_CUTOVER]))
    return KIND_CUTOVER;

  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normal, -1);
  if (name_has_any (folded, budget))
    return KIND_BUDGET;
  if (name_has_any (folded, cutover))
    return KIND_CUTOVER;
  /* 「契約・構築」: a milestone is the contract, a period the build. */
  if (milestone && name_has_any (folded, contract))
    return KIND_CONTRACT;
  if (name_has_any (folded, build))
    return KIND_BUILD;
  if (name_has_any (folded, contract))
    return milestone ? KIND_CONTRACT : KIND_BUILD;
  return KIND_UNKNOWN;
}

typedef struct
{
  GArray   *steps;      /* IkouStep */
  gboolean  open;       /* the last step takes more milestones */
  /* Of the last step: */
  gboolean  has_build;  /* a build period was placed */
  guint     tentative;  /* IKOU_MILESTONE_FLAG()s that only the build period gave */
} StepList;

static IkouStep *
current_step (StepList *list,
              gboolean  fresh)
{
  if (fresh || !list->open || list->steps->len == 0)
    {
      IkouStep step = { 0 };

      step.budget_amount = -1;
      step.annual_cost = -1;
      g_array_append_val (list->steps, step);
      list->open = TRUE;
      list->has_build = FALSE;
      list->tentative = 0;
    }
  return &g_array_index (list->steps, IkouStep, list->steps->len - 1);
}

static IkouDay *
slot (IkouStep      *step,
      IkouMilestone  m)
{
  switch (m)
    {
    case IKOU_MILESTONE_BUDGET:
      return &step->budget_date;
    case IKOU_MILESTONE_CONTRACT:
      return &step->contract_date;
    case IKOU_MILESTONE_CUTOVER:
    case IKOU_N_MILESTONES:
    default:
      return &step->cutover_date;
    }
}

/* Whether the step has @m from a milestone (not only from a build). */
static gboolean
has_milestone (StepList      *list,
               IkouStep      *step,
               IkouMilestone  m)
{
  return *slot (step, m) != IKOU_DAY_NONE && (list->tentative & IKOU_MILESTONE_FLAG (m)) == 0;
}

static void
put_milestone (StepList      *list,
               IkouMilestone  m,
               IkouDay        day,
               gboolean       done)
{
  IkouStep *step = current_step (list, FALSE);
  gboolean later = FALSE;

  for (guint n = m + 1; n < IKOU_N_MILESTONES; n++)
    later |= has_milestone (list, step, n);

  /* A second milestone of the same kind on another day, or one that
   * comes after a later kind: the next step. */
  if ((has_milestone (list, step, m) && *slot (step, m) != day) || later)
    step = current_step (list, TRUE);
  *slot (step, m) = day;
  list->tentative &= ~IKOU_MILESTONE_FLAG (m);
  if (done)
    step->done |= IKOU_MILESTONE_FLAG (m);
}

static void     apply_step_values (Reader   *r,
                                   TaskRec  *t,
                                   IkouStep *step);
static gboolean has_step_values   (TaskRec  *t);

/* One subtask into the steps: by its name, else by its place. */
static void
place_leaf (Reader   *r,
            StepList *list,
            TaskRec  *t,
            gboolean  top)
{
  LeafKind kind = classify (t->name, t->milestone);
  gboolean done = t->percent >= 100;
  IkouStep *step;

  if (t->start == IKOU_DAY_NONE)
    {
      /* A top-level task without dates is a system without steps. */
      if (!top)
        report (r, t->line, _("task “%s” has no date: it is not kept."), t->name);
      return;
    }
  if (t->notes != NULL && !top)
    {
      IkouStep *last = current_step (list, FALSE);
      char *note = last->note != NULL ? g_strdup_printf ("%s\n%s: %s", last->note, t->name, t->notes)
                                      : g_strdup_printf ("%s: %s", t->name, t->notes);

      g_free (last->note);
      last->note = note;
    }
  if (t->deadline != IKOU_DAY_NONE && !top)
    report (r, t->line, _("task “%s”: only a top-level task’s deadline is kept; this one "
                          "is not."), t->name);

  if (t->milestone || kind == KIND_BUDGET || kind == KIND_CUTOVER)
    {
      IkouMilestone m;

      switch (kind)
        {
        case KIND_BUDGET:
          m = IKOU_MILESTONE_BUDGET;
          break;
        case KIND_CONTRACT:
        case KIND_BUILD:
          m = IKOU_MILESTONE_CONTRACT;
          break;
        case KIND_CUTOVER:
          m = IKOU_MILESTONE_CUTOVER;
          break;
        case KIND_UNKNOWN:
        default:
          /* By position: the kind after the last one given. */
          step = current_step (list, FALSE);
          if (has_milestone (list, step, IKOU_MILESTONE_CUTOVER))
            m = IKOU_MILESTONE_BUDGET;
          else if (has_milestone (list, step, IKOU_MILESTONE_CONTRACT))
            m = IKOU_MILESTONE_CUTOVER;
          else if (has_milestone (list, step, IKOU_MILESTONE_BUDGET))
            m = IKOU_MILESTONE_CONTRACT;
          else
            m = IKOU_MILESTONE_BUDGET;
          report (r, t->line, _("milestone “%s” is not named as a budget request, contract "
                                "or cut-over; by its position it is taken as the %s."),
                  t->name, _(milestone_words[m]));
          break;
        }
      put_milestone (list, m, t->start, done);
      if (has_step_values (t))
        apply_step_values (r, t, current_step (list, FALSE));
      return;
    }

  /* A period: the build, from contract to cut-over.  Milestones of the
   * step say the dates better when it has them. */
  step = current_step (list, FALSE);
  if (list->has_build)
    step = current_step (list, TRUE);
  if (kind == KIND_UNKNOWN)
    report (r, t->line, _("task “%s” is not named as a build; by its position it is taken "
                          "as the build period (contract → cut-over)."), t->name);
  list->has_build = TRUE;
  if (step->contract_date == IKOU_DAY_NONE)
    {
      step->contract_date = t->start;
      list->tentative |= IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT);
    }
  if (step->cutover_date == IKOU_DAY_NONE)
    {
      step->cutover_date = t->finish;
      list->tentative |= IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
    }
  if (done)
    step->done |= IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CONTRACT) |
                  IKOU_MILESTONE_FLAG (IKOU_MILESTONE_CUTOVER);
  if (has_step_values (t))
    apply_step_values (r, t, step);
}

/* The step fields of a step task (Ikou's own, or any summary task that
 * carries them). */
static void
apply_step_values (Reader   *r,
                   TaskRec  *t,
                   IkouStep *step)
{
  gint64 amount;
  gboolean flag;
  int arrangement;

  if (t->values[F_FROM] != NULL || t->values[F_FROM_ID] != NULL)
    step->from_host = host_ref (r, t->values[F_FROM], t->values[F_FROM_ID]);
  if (t->values[F_TO] != NULL || t->values[F_TO_ID] != NULL)
    step->to_host = host_ref (r, t->values[F_TO], t->values[F_TO_ID]);
  if (t->values[F_AMOUNT] != NULL)
    {
      if (parse_number (t->values[F_AMOUNT], &amount) && amount >= -1)
        step->budget_amount = amount;
      else
        report (r, t->line, _("task “%s”: the budget “%s” is not a whole number of "
                              "thousand yen; it is not kept."),
                t->name, t->values[F_AMOUNT]);
    }
  if (t->values[F_STEP_ANNUAL_COST] != NULL)
    {
      if (!parse_number (t->values[F_STEP_ANNUAL_COST], &amount) || amount < 0)
        report (r, t->line, _("task “%s”: the running cost “%s” is not a whole number of "
                              "thousand yen; it is not kept."),
                t->name, t->values[F_STEP_ANNUAL_COST]);
      else
        step->annual_cost = amount; /* checked against the cut-over in steps_into_system() */
    }
  if (t->values[F_SUPPLEMENTARY] != NULL && parse_flag (t->values[F_SUPPLEMENTARY], &flag))
    step->supplementary = flag;
  if (t->values[F_COMPLIANT] != NULL && parse_flag (t->values[F_COMPLIANT], &flag))
    step->standard_compliant = flag;
  if (t->values[F_ARRANGEMENT] != NULL)
    {
      arrangement = words_lookup (arrangement_words, IKOU_N_ARRANGEMENTS,
                                  t->values[F_ARRANGEMENT], arrangement_id);
      if (arrangement >= 0)
        step->arrangement = (IkouArrangement) arrangement;
      else
        report (r, t->line, _("task “%s”: “%s” is not a contract arrangement; it is not "
                              "kept."), t->name, t->values[F_ARRANGEMENT]);
    }
}

static gboolean
has_step_values (TaskRec *t)
{
  static const Field step_fields[] = { F_FROM, F_FROM_ID, F_TO, F_TO_ID, F_AMOUNT,
                                       F_STEP_ANNUAL_COST, F_SUPPLEMENTARY, F_COMPLIANT,
                                       F_ARRANGEMENT };

  for (guint i = 0; i < G_N_ELEMENTS (step_fields); i++)
    if (t->values[step_fields[i]] != NULL)
      return TRUE;
  return FALSE;
}

static void
read_system_values (Reader     *r,
                    TaskRec    *t,
                    IkouSystem *system,
                    guint      *explicit_id)
{
  gint64 number;
  gboolean flag;
  IkouDay day;
  int status;
  const char *operation = t->values[F_OPERATION];

  if (t->values[F_SYSTEM_ID] != NULL && parse_number (t->values[F_SYSTEM_ID], &number) &&
      number > 0 && number <= MAX_FILE_ID)
    *explicit_id = (guint) number;
  ikou_system_set_department (system, t->values[F_DEPARTMENT]);
  ikou_system_set_vendor (system, t->values[F_VENDOR]);
  if (operation != NULL && *operation != '\0' && r->schedule != NULL &&
      ikou_schedule_lookup_operation (r->schedule, operation) == NULL)
    {
      const char *found = NULL;

      /* Its name, in any form the schedule gives. */
      for (guint i = 0; found == NULL && i < ikou_schedule_get_n_operations (r->schedule); i++)
        {
          const IkouOperation *op = ikou_schedule_get_operation (r->schedule, i);

          if (alias_matches (operation, op->name) || alias_matches (operation, op->name_en))
            found = op->id;
        }
      if (found == NULL)
        report (r, t->line, _("task “%s”: “%s” is not a standardized operation of the "
                              "national schedule; it is not kept."), t->name, operation);
      operation = found;
    }
  ikou_system_set_operation (system, operation);
  ikou_system_set_host (system, host_ref (r, t->values[F_HOST], t->values[F_HOST_ID]));

  if (t->values[F_STATUS] != NULL)
    {
      status = words_lookup (status_words, IKOU_N_STATUSES, t->values[F_STATUS], status_id);
      if (status >= 0)
        ikou_system_set_status (system, (IkouStatus) status);
      else
        report (r, t->line, _("task “%s”: “%s” is not a status; it is not kept."),
                t->name, t->values[F_STATUS]);
    }
  else if (t->percent >= 100)
    ikou_system_set_status (system, IKOU_STATUS_DONE);
  else if (t->percent > 0)
    ikou_system_set_status (system, IKOU_STATUS_IN_PROGRESS);

  if (t->values[F_TOKUTEI] != NULL && parse_flag (t->values[F_TOKUTEI], &flag))
    ikou_system_set_tokutei (system, flag);
  if (t->values[F_TOKUTEI_DEADLINE] != NULL)
    {
      if (parse_day (t->values[F_TOKUTEI_DEADLINE], &day))
        ikou_system_set_tokutei_deadline (system, day);
      else
        report (r, t->line, _("task “%s”: the 特定移行支援 deadline “%s” is not a date; it "
                              "is not kept."), t->name, t->values[F_TOKUTEI_DEADLINE]);
    }
  ikou_system_set_tokutei_reason (system, t->values[F_TOKUTEI_REASON]);
  if (t->values[F_ANNUAL_COST] != NULL)
    {
      if (parse_number (t->values[F_ANNUAL_COST], &number) && number >= 0)
        ikou_system_set_annual_cost (system, number);
      else
        report (r, t->line, _("task “%s”: the running cost “%s” is not a whole number of "
                              "thousand yen; it is not kept."), t->name, t->values[F_ANNUAL_COST]);
    }
  ikou_system_set_notes (system, t->notes);
}

/* A deadline set in the other tool: a later one than the national
 * deadline is an approved 特定移行支援 deadline. */
static void
apply_deadline (Reader     *r,
                TaskRec    *t,
                IkouSystem *system)
{
  char *text;

  if (t->deadline == IKOU_DAY_NONE ||
      t->deadline == applicable_deadline (system, r->schedule) ||
      t->deadline == r->national)
    return;

  if (t->deadline > r->national)
    {
      ikou_system_set_tokutei (system, TRUE);
      ikou_system_set_tokutei_deadline (system, t->deadline);
      return;
    }
  text = ikou_day_format_iso (t->deadline);
  report (r, t->line, _("task “%s”: the deadline %s is before the national deadline, so it "
                        "is not an approved 特定移行支援 deadline; it is not kept."),
          t->name, text);
  g_free (text);
}

static void
steps_into_system (Reader     *r,
                   TaskRec    *top,
                   StepList   *list,
                   IkouSystem *system)
{
  for (guint i = 0; i < list->steps->len; i++)
    {
      IkouStep *step = &g_array_index (list->steps, IkouStep, i);

      if (step->annual_cost >= 0 && step->cutover_date == IKOU_DAY_NONE)
        {
          report (r, top->line, _("task “%s”: a running cost after the cut-over needs a "
                                  "cut-over; it is not kept."), top->name);
          step->annual_cost = -1;
        }
      ikou_system_insert_step (system, G_MAXUINT, step);
      g_clear_pointer (&step->note, g_free);
    }
  g_array_set_size (list->steps, 0);
  list->open = FALSE;
}

/* The leaves below group[index]: the tasks after it of a deeper level. */
static void
place_descendants (Reader   *r,
                   StepList *list,
                   guint     index)
{
  GPtrArray *group = r->group;
  TaskRec *head = g_ptr_array_index (group, index);

  for (guint i = index + 1; i < group->len; i++)
    {
      TaskRec *t = g_ptr_array_index (group, i);

      if (t->level <= head->level)
        break;
      if (!t->has_children)
        place_leaf (r, list, t, FALSE);
    }
}

/* Turns the tasks of one top-level task into a system. */
static void
finish_group (Reader *r)
{
  GPtrArray *group = r->group;
  TaskRec *top;
  g_autoptr(IkouSystem) system = NULL;
  StepList list = { NULL, FALSE, FALSE, 0 };
  guint explicit_id = 0;
  gboolean ikou_system;

  if (group->len == 0)
    return;
  list.steps = g_array_new (FALSE, TRUE, sizeof (IkouStep));
  top = g_ptr_array_index (group, 0);
  ikou_system = g_strcmp0 (top->values[F_ROLE], ROLE_SYSTEM) == 0;

  /* Parents: the nearest earlier task of a lower level. */
  for (guint i = 1; i < group->len; i++)
    {
      TaskRec *t = g_ptr_array_index (group, i);
      int p = (int) i - 1;

      while (p > 0 && ((TaskRec *) g_ptr_array_index (group, p))->level >= t->level)
        p--;
      t->parent = p == 0 ? -1 : p;
      ((TaskRec *) g_ptr_array_index (group, p))->has_children = TRUE;
    }

  system = ikou_system_new (0, top->name);
  read_system_values (r, top, system, &explicit_id);
  apply_deadline (r, top, system);

  if (group->len == 1 && !ikou_system)
    {
      /* A task on its own: one step made from its own dates. */
      place_leaf (r, &list, top, TRUE);
      steps_into_system (r, top, &list, system);
    }
  for (guint i = 1; i < group->len; i++)
    {
      TaskRec *t = g_ptr_array_index (group, i);

      if (t->parent != -1)
        continue;
      if (g_strcmp0 (t->values[F_ROLE], ROLE_STEP) == 0 || t->has_children)
        {
          IkouStep *step;

          /* A step of its own: close what came before. */
          steps_into_system (r, top, &list, system);
          step = current_step (&list, TRUE);
          apply_step_values (r, t, step);
          step->note = g_strdup (t->notes);
          if (t->deadline != IKOU_DAY_NONE)
            report (r, t->line, _("task “%s”: only a top-level task’s deadline is kept; this "
                                  "one is not."), t->name);
          place_descendants (r, &list, i);
          steps_into_system (r, top, &list, system);
        }
      else
        place_leaf (r, &list, t, FALSE);
    }
  steps_into_system (r, top, &list, system);
  g_array_unref (list.steps);

  g_ptr_array_add (r->systems, g_steal_pointer (&system));
  g_array_append_val (r->explicit_ids, explicit_id);
  g_ptr_array_set_size (group, 0);
}

/* The reference running cost on the project summary task: a cost
 * without its fiscal year, or a bad value, is reported and not kept. */
static void
read_reference_cost (Reader  *r,
                     TaskRec *t)
{
  const char *fy_text = t->values[F_REFERENCE_FY];
  const char *cost_text = t->values[F_REFERENCE_COST];
  gint64 fy = -1, cost = -1;

  if (fy_text != NULL &&
      !(parse_number (fy_text, &fy) && fy >= IKOU_PLAN_MIN_FY && fy <= IKOU_PLAN_MAX_FY))
    {
      report (r, t->line, _("the reference fiscal year “%s” is not a year; it is not kept."),
              fy_text);
      fy = -1;
    }
  if (cost_text != NULL && !(parse_number (cost_text, &cost) && cost >= 0))
    {
      report (r, t->line, _("the reference running cost “%s” is not a whole number of "
                            "thousand yen; it is not kept."), cost_text);
      cost = -1;
    }
  if (cost >= 0 && fy < 0)
    {
      if (fy_text == NULL)
        report (r, t->line, _("the reference running cost has no fiscal year; it is not kept."));
      cost = -1;
    }
  r->reference_fy = (int) fy;
  r->reference_cost = cost;
}

static void
handle_task (Reader  *r,
             TaskRec *t)
{
  /* The project summary task. */
  if (t->level <= 0)
    {
      if (!r->summary_seen)
        {
          gint64 number;

          r->summary_seen = TRUE;
          r->description = g_strdup (t->notes);
          r->org_code = g_strdup (t->values[F_ORG_CODE]);
          r->schedule_version = g_strdup (t->values[F_SCHEDULE_VERSION]);
          if (parse_number (t->values[F_NEXT_SYSTEM_ID], &number) && number > 0 &&
              number <= MAX_FILE_ID)
            r->next_system_id = (guint) number;
          if (parse_number (t->values[F_NEXT_HOST_ID], &number) && number > 0 &&
              number <= MAX_FILE_ID)
            r->next_host_id = (guint) number;
          read_reference_cost (r, t);
        }
      task_rec_free (t);
      return;
    }

  if (t->level == 1)
    finish_group (r);
  else if (r->group->len == 0)
    {
      if (r->n_orphans++ == 0)
        r->first_orphan_line = t->line;
      task_rec_free (t);
      return;
    }
  g_ptr_array_add (r->group, t);
}

static void
read_resource (Reader  *r,
               xmlNode *node)
{
  g_autofree char *uid = child_text (node, "UID");
  g_autofree char *is_null = child_text (node, "IsNull");
  g_autofree char *from = child_text (node, "AvailableFrom");
  g_autofree char *until = child_text (node, "AvailableTo");
  char *values[N_FIELDS] = { NULL };
  ResRec *res;
  guint64 value;
  gboolean flag;

  res = g_new0 (ResRec, 1);
  res->line = ikou_xml_node_line (node);
  res->name = child_text (node, "Name");
  read_values (r, node, values);
  res->kind = g_steal_pointer (&values[F_HOST_KIND]);
  res->cost = -1;
  if (values[F_HOST_COST] != NULL &&
      !(parse_number (values[F_HOST_COST], &res->cost) && res->cost >= 0))
    {
      report (r, res->line, _("resource “%s”: the annual cost “%s” is not a whole number of "
                              "thousand yen; it is not kept."),
              res->name != NULL ? res->name : "", values[F_HOST_COST]);
      res->cost = -1;
    }
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (values[i]);
  /* Blank rows, and MS Project's unnamed resource 0; an Ikou host is
   * kept even without a name. */
  if ((parse_flag (is_null, &flag) && flag) || (is_blank (res->name) && res->kind == NULL))
    {
      res_rec_free (res);
      return;
    }
  if (parse_uint (uid, MAX_FILE_ID, &value))
    res->uid = (guint) value;

  /* Also the first availability period, as some tools write only that. */
  if (from == NULL && until == NULL)
    {
      xmlNode *periods = ikou_xml_first_child (node, "AvailabilityPeriods");
      xmlNode *period = ikou_xml_first_child (periods, "AvailabilityPeriod");

      if (period != NULL)
        {
          from = child_text (period, "AvailableFrom");
          until = child_text (period, "AvailableTo");
        }
    }
  /* MS Project writes "no limit" as 1984-01-01 and 2049-12-31. */
  if (from != NULL && parse_day (from, &res->from) &&
      res->from <= ikou_day_from_ymd (1984, 1, 1))
    res->from = IKOU_DAY_NONE;
  if (until != NULL && parse_day (until, &res->until) &&
      res->until >= ikou_day_from_ymd (2049, 12, 31))
    res->until = IKOU_DAY_NONE;
  res->notes = child_text (node, "Notes");

  g_ptr_array_add (r->resources, res);
}

static IkouHostKind
guess_host_kind (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  if (name == NULL)
    return IKOU_HOST_OTHER;
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normal, -1);

  if (strstr (folded, "ガバメントクラウド") != NULL || strstr (folded, "ガバクラ") != NULL ||
      strstr (folded, "government cloud") != NULL)
    return IKOU_HOST_GOV_CLOUD;
  if (strstr (folded, "クラウド") != NULL || strstr (folded, "cloud") != NULL)
    return IKOU_HOST_SHARED_CLOUD;
  return IKOU_HOST_OTHER;
}

/* Hosts: the resources that are hosts (with a kind, or named by a
 * task), then the hosts tasks name that no resource is.  Rewrites the
 * provisional host ids of the systems and steps. */
static void
resolve_hosts (Reader   *r,
               IkouPlan *plan)
{
  g_autofree guint *map = g_new0 (guint, r->host_refs->len + 1);
  g_autoptr(GHashTable) by_uid = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ref_uids = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ref_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) others = g_string_new (NULL);
  guint n_others = 0;

  for (guint i = 0; i < r->host_refs->len; i++)
    {
      HostRef *ref = g_ptr_array_index (r->host_refs, i);

      if (ref->uid != 0)
        g_hash_table_add (ref_uids, GUINT_TO_POINTER (ref->uid));
      if (ref->name != NULL)
        g_hash_table_add (ref_names, ref->name);
    }

  for (guint i = 0; i < r->resources->len; i++)
    {
      ResRec *res = g_ptr_array_index (r->resources, i);
      g_autoptr(IkouHost) host = NULL;
      IkouHostKind kind;
      int k = -1;

      if (res->kind == NULL &&
          !(res->name != NULL && g_hash_table_contains (ref_names, res->name)) &&
          !(res->uid != 0 && g_hash_table_contains (ref_uids, GUINT_TO_POINTER (res->uid))))
        {
          if (n_others++ < 5)
            g_string_append_printf (others, "%s“%s”", others->len > 0 ? "、" : "", res->name);
          continue;
        }
      if (res->kind != NULL)
        {
          k = words_lookup (host_kind_words, IKOU_N_HOST_KINDS, res->kind, host_kind_id);
          if (k < 0)
            report (r, res->line, _("resource “%s”: “%s” is not a kind of host; the kind is "
                                    "guessed from the name."),
                    res->name != NULL ? res->name : "", res->kind);
        }
      kind = k >= 0 ? (IkouHostKind) k : guess_host_kind (res->name);
      host = ikou_host_new (res->uid != 0 && ikou_plan_lookup_host (plan, res->uid) == NULL
                            ? res->uid : 0, res->name, kind);
      ikou_host_set_available_from (host, res->from);
      ikou_host_set_available_until (host, res->until);
      ikou_host_set_note (host, res->notes);
      ikou_host_set_annual_cost (host, res->cost);
      ikou_plan_add_host (plan, host);
      if (res->uid != 0 && !g_hash_table_contains (by_uid, GUINT_TO_POINTER (res->uid)))
        g_hash_table_insert (by_uid, GUINT_TO_POINTER (res->uid),
                             GUINT_TO_POINTER (ikou_host_get_id (host)));
      if (ikou_host_get_name (host) != NULL &&
          !g_hash_table_contains (by_name, (gpointer) ikou_host_get_name (host)))
        g_hash_table_insert (by_name, (gpointer) ikou_host_get_name (host),
                             GUINT_TO_POINTER (ikou_host_get_id (host)));
    }

  if (n_others > 0)
    report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                               "%u resource (a person or material, not a host) is not kept: %s%s.",
                               "%u resources (people or material, not hosts) are not kept: %s%s.",
                               n_others),
            n_others, others->str, n_others > 5 ? "…" : "");

  for (guint i = 0; i < r->host_refs->len; i++)
    {
      HostRef *ref = g_ptr_array_index (r->host_refs, i);
      gpointer id = NULL;

      if (ref->uid != 0)
        id = g_hash_table_lookup (by_uid, GUINT_TO_POINTER (ref->uid));
      if (id == NULL && ref->name != NULL)
        id = g_hash_table_lookup (by_name, ref->name);
      if (id == NULL && ref->name != NULL)
        {
          g_autoptr(IkouHost) host = ikou_host_new (0, ref->name, guess_host_kind (ref->name));

          ikou_plan_add_host (plan, host);
          id = GUINT_TO_POINTER (ikou_host_get_id (host));
          g_hash_table_insert (by_name, (gpointer) ikou_host_get_name (host), id);
        }
      map[i + 1] = GPOINTER_TO_UINT (id);
    }

  for (guint i = 0; i < r->systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (r->systems, i);

      ikou_system_set_host (system, map[ikou_system_get_host (system)]);
      for (guint j = 0; j < ikou_system_get_n_steps (system); j++)
        {
          IkouStep step = { 0 };

          ikou_step_assign (&step, ikou_system_get_step (system, j));
          step.from_host = map[step.from_host];
          step.to_host = map[step.to_host];
          ikou_system_set_step (system, j, &step);
          g_free (step.note);
        }
    }
}

static void
report_totals (Reader *r)
{
  for (guint i = 0; i < r->unmapped_order->len; i++)
    {
      Unmapped *u = g_hash_table_lookup (r->unmapped, g_ptr_array_index (r->unmapped_order, i));

      report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                                 "the custom field %s (on %u task or resource) is not one Ikou "
                                 "knows; its values are not kept.",
                                 "the custom field %s (on %u tasks or resources) is not one "
                                 "Ikou knows; its values are not kept.", u->count),
              u->label, u->count);
    }
  if (r->n_orphans > 0)
    report (r, r->first_orphan_line,
            g_dngettext (GETTEXT_PACKAGE,
                         "%u task comes before any top-level task; it is not kept.",
                         "%u tasks come before any top-level task; they are not kept.",
                         r->n_orphans), r->n_orphans);
  if (r->n_links > 0)
    report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                               "%u link between tasks (with its lag) is not kept: an Ikou plan "
                               "has dates, not dependencies.",
                               "%u links between tasks (with their lags) are not kept: an Ikou "
                               "plan has dates, not dependencies.", r->n_links), r->n_links);
  if (r->n_assignments > 0)
    report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                               "%u resource assignment is not kept.",
                               "%u resource assignments are not kept.", r->n_assignments),
            r->n_assignments);
  if (r->n_timephased > 0)
    report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                               "%u block of timephased work (a split task, work per day) is "
                               "not kept: only each task’s start and finish are.",
                               "%u blocks of timephased work (split tasks, work per day) are "
                               "not kept: only each task’s start and finish are.",
                               r->n_timephased), r->n_timephased);
  if (r->n_calendars > 0)
    report (r, 0, g_dngettext (GETTEXT_PACKAGE,
                               "%u working-time calendar is not kept: Ikou plans in days.",
                               "%u working-time calendars are not kept: Ikou plans in days.",
                               r->n_calendars), r->n_calendars);
}

static gboolean
check_root (Reader   *r,
            xmlNode  *root,
            GError  **error)
{
  if (ikou_xml_is_element (root, "Project") &&
      (root->ns == NULL ||
       (root->ns->href != NULL &&
        g_str_has_prefix ((const char *) root->ns->href, MSPDI_NS))))
    return TRUE;

  ikou_xml_set_error (error, IKOU_ERROR_NOT_A_PLAN, r->name, root,
                      _("this is not MS Project XML (it starts with <%s>)."),
                      (const char *) root->name);
  return FALSE;
}

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->field_map, g_hash_table_unref);
  g_clear_pointer (&r->field_label, g_hash_table_unref);
  g_clear_pointer (&r->unmapped, g_hash_table_unref);
  g_clear_pointer (&r->unmapped_order, g_ptr_array_unref);
  g_clear_pointer (&r->group, g_ptr_array_unref);
  g_clear_pointer (&r->systems, g_ptr_array_unref);
  g_clear_pointer (&r->explicit_ids, g_array_unref);
  g_clear_pointer (&r->host_refs, g_ptr_array_unref);
  g_clear_pointer (&r->host_ref_index, g_hash_table_unref);
  g_clear_pointer (&r->resources, g_ptr_array_unref);
  g_clear_pointer (&r->report, g_ptr_array_unref);
  g_clear_pointer (&r->title, g_free);
  g_clear_pointer (&r->project_name, g_free);
  g_clear_pointer (&r->company, g_free);
  g_clear_pointer (&r->description, g_free);
  g_clear_pointer (&r->org_code, g_free);
  g_clear_pointer (&r->schedule_version, g_free);
}

static void
unmapped_free (Unmapped *u)
{
  g_free (u->label);
  g_free (u);
}

static void
host_ref_free (HostRef *ref)
{
  g_free (ref->name);
  g_free (ref);
}

static IkouPlan *
build_plan (Reader *r)
{
  g_autoptr(IkouPlan) plan = ikou_plan_new ();
  guint max_id = 0;

  ikou_plan_set_title (plan, r->title != NULL ? r->title : r->project_name);
  ikou_plan_set_organization (plan, r->company);
  ikou_plan_set_description (plan, r->description);
  ikou_plan_set_org_code (plan, r->org_code);
  ikou_plan_set_schedule_version (plan, r->schedule_version);
  if (r->reference_fy > 0)
    ikou_plan_set_reference_fy (plan, r->reference_fy);
  ikou_plan_set_reference_cost (plan, r->reference_cost);

  resolve_hosts (r, plan);

  /* Ids from the file where they are unique; the others after them. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < r->explicit_ids->len; i++)
      {
        guint *id = &g_array_index (r->explicit_ids, guint, i);

        if (*id != 0 && g_hash_table_contains (seen, GUINT_TO_POINTER (*id)))
          *id = 0;
        if (*id != 0)
          g_hash_table_add (seen, GUINT_TO_POINTER (*id));
        max_id = MAX (max_id, *id);
      }
  }

  ikou_plan_begin_bulk (plan);
  for (guint i = 0; i < r->systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (r->systems, i);
      guint id = g_array_index (r->explicit_ids, guint, i);
      g_autoptr(IkouSystem) placed = ikou_system_copy (system, id != 0 ? id : ++max_id);

      ikou_plan_add_system (plan, placed);
    }
  ikou_plan_end_bulk (plan);

  ikou_plan_set_next_ids (plan, r->next_system_id, r->next_host_id);
  return g_steal_pointer (&plan);
}

static IkouPlan *
read_stream (IkouXmlStream  *stream,
             IkouSchedule   *schedule,
             GPtrArray     **out_report,
             GError        **error)
{
  Reader r = { 0 };
  IkouPlan *plan = NULL;
  const char *section = NULL;
  xmlNode *node;
  int depth;
  gboolean ok;

  r.name = ikou_xml_stream_get_display_name (stream);
  r.schedule = schedule;
  r.national = national_deadline (schedule);
  r.reference_fy = -1;
  r.reference_cost = -1;

  if (!ikou_xml_stream_next_element (stream, &node, &depth, error))
    return NULL;
  if (!check_root (&r, node, error))
    {
      ikou_xml_stream_fail (stream, error);
      return NULL;
    }

  r.report = g_ptr_array_new_with_free_func (g_free);
  r.field_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.field_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.unmapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) unmapped_free);
  r.unmapped_order = g_ptr_array_new_with_free_func (g_free);
  r.group = g_ptr_array_new_with_free_func ((GDestroyNotify) task_rec_free);
  r.systems = g_ptr_array_new_with_free_func (g_object_unref);
  r.explicit_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  r.host_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) host_ref_free);
  r.host_ref_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.resources = g_ptr_array_new_with_free_func ((GDestroyNotify) res_rec_free);

  while ((ok = ikou_xml_stream_next_element (stream, &node, &depth, error)) && node != NULL)
    {
      xmlNode *full;

      if (depth == 1)
        {
          static const char * const sections[] = { "Tasks", "Resources", "Assignments",
                                                   "Calendars" };

          section = NULL;
          for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
            if (ikou_xml_is_element (node, sections[i]))
              section = sections[i];
          if (section != NULL)
            continue;  /* into its children */

          if (ikou_xml_is_element (node, "ExtendedAttributes") ||
              ikou_xml_is_element (node, "Title") || ikou_xml_is_element (node, "Name") ||
              ikou_xml_is_element (node, "Company"))
            {
              if ((full = ikou_xml_stream_expand (stream, error)) == NULL)
                {
                  ok = FALSE;
                  break;
                }
              /* The first of each, should a file repeat one. */
              if (ikou_xml_is_element (full, "ExtendedAttributes"))
                read_definitions (&r, full);
              else if (ikou_xml_is_element (full, "Title") && r.title == NULL)
                r.title = ikou_xml_get_text (full);
              else if (ikou_xml_is_element (full, "Name") && r.project_name == NULL)
                r.project_name = ikou_xml_get_text (full);
              else if (ikou_xml_is_element (full, "Company") && r.company == NULL)
                r.company = ikou_xml_get_text (full);
            }
        }
      else if (depth == 2 && section != NULL)
        {
          if ((full = ikou_xml_stream_expand (stream, error)) == NULL)
            {
              ok = FALSE;
              break;
            }
          if (g_str_equal (section, "Tasks") && ikou_xml_is_element (full, "Task"))
            {
              TaskRec *t = NULL;

              if (++r.n_tasks > IKOU_MSPDI_MAX_TASKS)
                {
                  ikou_xml_set_error (error, IKOU_ERROR_INVALID_INPUT, r.name, full,
                                      _("the file has more than %u tasks, more than Ikou "
                                        "reads."), (guint) IKOU_MSPDI_MAX_TASKS);
                  ok = FALSE;
                  break;
                }
              read_task (&r, full, &t);
              if (t != NULL)
                handle_task (&r, t);
            }
          else if (g_str_equal (section, "Resources") && ikou_xml_is_element (full, "Resource"))
            read_resource (&r, full);
          else if (g_str_equal (section, "Assignments") &&
                   ikou_xml_is_element (full, "Assignment"))
            {
              r.n_assignments++;
              for (xmlNode *c = ikou_xml_first_child (full, "TimephasedData"); c != NULL;
                   c = ikou_xml_next_sibling (c, "TimephasedData"))
                r.n_timephased++;
            }
          else if (g_str_equal (section, "Calendars") && ikou_xml_is_element (full, "Calendar"))
            r.n_calendars++;
        }

      if (!(ok = ikou_xml_stream_skip (stream, error)))
        break;
    }

  if (ok)
    {
      finish_group (&r);
      if (r.systems->len == 0)
        {
          ikou_xml_set_error (error, IKOU_ERROR_INVALID_INPUT, r.name, NULL,
                              _("the file has no tasks, so there is nothing to import."));
          ok = FALSE;
        }
    }
  if (!ok)
    {
      ikou_xml_stream_fail (stream, error);
      reader_clear (&r);
      return NULL;
    }

  /* Ikou's own calendar is what it writes, not something lost. */
  if (r.n_calendars == 1 && g_hash_table_size (r.field_map) > 0)
    r.n_calendars = 0;
  plan = build_plan (&r);
  report_totals (&r);
  if (out_report != NULL)
    *out_report = g_steal_pointer (&r.report);
  reader_clear (&r);
  return plan;
}

IkouPlan *
ikou_mspdi_read_data (const char    *data,
                      gsize          length,
                      const char    *display_name,
                      IkouSchedule  *schedule,
                      GPtrArray    **out_report,
                      GError       **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = ikou_xml_stream_new_for_data (data, length,
                                         display_name != NULL ? display_name : _("the file"),
                                         &mspdi_codes, NULL);
  return read_stream (stream, schedule, out_report, error);
}

IkouPlan *
ikou_mspdi_read_file (const char    *path,
                      IkouSchedule  *schedule,
                      GPtrArray    **out_report,
                      GError       **error)
{
  g_autoptr(IkouXmlStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = ikou_xml_stream_new_for_file (path, &mspdi_codes, NULL, error);
  if (stream == NULL)
    return NULL;
  return read_stream (stream, schedule, out_report, error);
}

static gboolean
sniff_stream (IkouXmlStream *stream)
{
  xmlNode *root = NULL;
  int depth;

  if (stream == NULL || !ikou_xml_stream_next_element (stream, &root, &depth, NULL) ||
      root == NULL)
    return FALSE;
  return ikou_xml_is_element (root, "Project") &&
         (root->ns == NULL ||
          (root->ns->href != NULL && g_str_has_prefix ((const char *) root->ns->href, MSPDI_NS)));
}

gboolean
ikou_mspdi_sniff_data (const char *data,
                       gsize       length)
{
  g_autoptr(IkouXmlStream) stream = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  stream = ikou_xml_stream_new_for_data (data, length, "sniff", &mspdi_codes, NULL);
  return sniff_stream (stream);
}

gboolean
ikou_mspdi_sniff_file (const char *path)
{
  g_autoptr(IkouXmlStream) stream = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  stream = ikou_xml_stream_new_for_file (path, &mspdi_codes, NULL, NULL);
  return sniff_stream (stream);
}
