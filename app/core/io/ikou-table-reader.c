/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-table-private.h"

/* At most this many problems are listed; the rest are counted. */
#define MAX_LISTED_PROBLEMS 100
/* … chosen (by place in the table) among the first this many. */
#define MAX_KEPT_PROBLEMS 10000

typedef struct
{
  guint  row;
  guint  column;
  guint  seq;
  char  *line;
} Problem;

typedef struct
{
  char   *name;
  int     kind;       /* -1 until a kind column says */
  IkouDay from;
  IkouDay until;
  gint64  cost;       /* 千円/年, -1 until a cost column says */
  guint   kind_row;   /* where kind/from/until/cost were said, for messages */
  guint   from_row;
  guint   until_row;
  guint   cost_row;
} HostRec;

typedef struct
{
  guint       first_row;
  char       *raw[IKOU_TABLE_N_COLUMNS]; /* the system columns as first given */
  guint       host;         /* HostRec index + 1 */
  IkouSystem *system;       /* the rest, as read (id 0: none given); its
                             * host is set when the plan is made */
  GArray     *steps;        /* IkouStep */
} SystemRec;


static void
host_rec_free (HostRec *rec)
{
  g_free (rec->name);
  g_free (rec);
}

static void
system_rec_free (SystemRec *rec)
{
  for (guint i = 0; i < IKOU_TABLE_N_COLUMNS; i++)
    g_free (rec->raw[i]);
  g_clear_object (&rec->system);
  g_array_unref (rec->steps);
  g_free (rec);
}

static void
clear_step (gpointer data)
{
  IkouStep *step = data;

  g_clear_pointer (&step->note, g_free);
}

static void
clear_problem (gpointer data)
{
  g_free (((Problem *) data)->line);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a, *pb = b;

  if (pa->row != pb->row)
    return pa->row < pb->row ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

IkouTableReader *
ikou_table_reader_new (const char   *display_name,
                       IkouSchedule *schedule)
{
  IkouTableReader *self;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);

  self = g_new0 (IkouTableReader, 1);
  self->display_name = g_strdup (display_name);
  self->schedule = ikou_table_ensure_schedule (schedule);
  table_index_operations (self);
  for (guint c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
    self->index_of[c] = -1;
  self->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (self->problems, clear_problem);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->hosts = g_ptr_array_new_with_free_func ((GDestroyNotify) host_rec_free);
  self->host_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->systems = g_ptr_array_new_with_free_func ((GDestroyNotify) system_rec_free);
  self->system_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
ikou_table_reader_free (IkouTableReader *self)
{
  if (self == NULL)
    return;

  g_free (self->display_name);
  g_clear_object (&self->schedule);
  g_hash_table_unref (self->operations);
  g_free (self->column_of);
  g_strfreev (self->header_text);
  g_array_unref (self->problems);
  g_ptr_array_unref (self->warnings);
  g_hash_table_unref (self->host_index);
  g_ptr_array_unref (self->hosts);
  g_hash_table_unref (self->system_index);
  g_ptr_array_unref (self->systems);
  g_free (self);
}

void
ikou_table_reader_add_problem (IkouTableReader *self,
                               guint            row,
                               guint            column,
                               const char      *message)
{
  Problem problem;

  g_return_if_fail (self != NULL);
  g_return_if_fail (message != NULL);

  self->n_problems++;
  if (self->problems->len >= MAX_KEPT_PROBLEMS)
    return;
  problem.row = row;
  problem.column = column;
  problem.seq = self->n_problems;
  if (row == 0)
    problem.line = g_strdup_printf ("%s: %s", self->display_name, message);
  else if (column == 0)
    problem.line = g_strdup_printf ("%s:%u: %s", self->display_name, row, message);
  else
    problem.line = g_strdup_printf ("%s:%u:%u: %s", self->display_name, row, column, message);
  g_array_append_val (self->problems, problem);
}

/* A problem with the current row's cell of @column. */
void
table_problem (IkouTableReader *self,
               IkouTableColumn  column,
               const char      *format,
               ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  int index = self->index_of[column];
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (index < 0)
    {
      ikou_table_reader_add_problem (self, self->row, 0, reason);
      return;
    }
  message = g_strdup_printf ("%s: %s", self->header_text[index], reason);
  ikou_table_reader_add_problem (self, self->row, (guint) index + 1, message);
}

gboolean
ikou_table_reader_set_header (IkouTableReader  *self,
                              guint             row,
                              const char      **cells,
                              guint             n_cells,
                              GError          **error)
{
  g_autoptr(GString) unknown = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->has_header, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->has_header = TRUE;
  self->n_cells = n_cells;
  self->column_of = g_new (int, MAX (n_cells, 1));
  self->header_text = g_new0 (char *, n_cells + 1);

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *text = table_strip_cell (cells[i]);
      int column = ikou_table_column_lookup (text);

      self->header_text[i] = table_shown_text (text);
      self->column_of[i] = column;
      if (column >= 0 && self->index_of[column] >= 0)
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                       _("%s:%u:%u: the column “%s” is there twice (also column %d)."),
                       self->display_name, row, i + 1, self->header_text[i],
                       self->index_of[column] + 1);
          return FALSE;
        }
      if (column >= 0)
        self->index_of[column] = (int) i;
      else if (*text != '\0')
        g_ptr_array_add (self->warnings,
                         g_strdup_printf (_("%s:%u:%u: the column “%s” is not known and was ignored."),
                                          self->display_name, row, i + 1,
                                          self->header_text[i]));
    }

  if (self->index_of[IKOU_TABLE_NAME] < 0 && self->index_of[IKOU_TABLE_ID] < 0)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("%s:%u: the first row names no column “%s” (system name), so this is "
                     "not a plan table."),
                   self->display_name, row, ikou_table_column_header (IKOU_TABLE_NAME));
      return FALSE;
    }
  return TRUE;
}

int
ikou_table_reader_get_column (IkouTableReader *self,
                              guint            index)
{
  g_return_val_if_fail (self != NULL, -1);

  if (!self->has_header || index >= self->n_cells)
    return -1;
  return self->column_of[index];
}

/* The host named @name (index + 1), created on first sight. */
static guint
host_for_name (IkouTableReader *self,
               const char      *name)
{
  HostRec *rec;
  guint index;

  if (*name == '\0')
    return 0;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->host_index, name));
  if (index != 0)
    return index;

  rec = g_new0 (HostRec, 1);
  rec->name = g_strdup (name);
  rec->kind = -1;
  rec->cost = -1;
  g_ptr_array_add (self->hosts, rec);
  index = self->hosts->len;
  g_hash_table_insert (self->host_index, rec->name, GUINT_TO_POINTER (index));
  return index;
}

/* Sets a host's attribute from a cell; a second, different value is a
 * problem naming the row of the first. */
static void
host_set_attr (IkouTableReader *self,
               IkouTableColumn  column,
               guint            host,
               int             *field,
               guint           *field_row,
               int              value,
               int              unset)
{
  HostRec *rec;

  if (value == unset)
    return;
  if (host == 0)
    {
      table_problem (self, column, _("there is no host for this to apply to."));
      return;
    }
  rec = g_ptr_array_index (self->hosts, host - 1);
  if (*field == unset)
    {
      *field = value;
      *field_row = self->row;
    }
  else if (*field != value)
    table_problem (self, column, _("the host “%s” was given another value in row %u."),
                   rec->name, *field_row);
}

static void
host_set_kind (IkouTableReader *self,
               IkouTableColumn  column,
               guint            host,
               const char      *text)
{
  int kind;
  HostRec *rec = host ? g_ptr_array_index (self->hosts, host - 1) : NULL;
  guint dummy_row = 0;
  int dummy = -1;

  if (!table_parse_host_kind (self, column, text, &kind))
    return;
  host_set_attr (self, column, host, rec ? &rec->kind : &dummy,
                 rec ? &rec->kind_row : &dummy_row, kind, -1);
}

static void
host_set_day (IkouTableReader *self,
              IkouTableColumn  column,
              guint            host,
              const char      *text,
              gboolean         until)
{
  IkouDay day;
  HostRec *rec = host ? g_ptr_array_index (self->hosts, host - 1) : NULL;
  guint dummy_row = 0;
  int dummy = IKOU_DAY_NONE;

  if (!table_parse_day (self, column, text, &day))
    return;
  if (rec == NULL)
    host_set_attr (self, column, 0, &dummy, &dummy_row, day, IKOU_DAY_NONE);
  else if (until)
    host_set_attr (self, column, host, &rec->until, &rec->until_row, day, IKOU_DAY_NONE);
  else
    host_set_attr (self, column, host, &rec->from, &rec->from_row, day, IKOU_DAY_NONE);
}

/* A host's annual running cost from a cell; like host_set_attr(). */
static void
host_set_cost (IkouTableReader *self,
               IkouTableColumn  column,
               guint            host,
               const char      *text)
{
  HostRec *rec;
  gint64 cost;

  if (!table_parse_amount (self, column, text, &cost) || cost < 0)
    return;
  if (host == 0)
    {
      table_problem (self, column, _("there is no host for this to apply to."));
      return;
    }
  rec = g_ptr_array_index (self->hosts, host - 1);
  if (rec->cost < 0)
    {
      rec->cost = cost;
      rec->cost_row = self->row;
    }
  else if (rec->cost != cost)
    table_problem (self, column, _("the host “%s” was given another value in row %u."),
                   rec->name, rec->cost_row);
}

/* Reads the system columns of the current row into @rec: all of them
 * for the system's first row, later only those left empty so far, and
 * a later value that differs from the first is a problem. */
static void
read_system_columns (IkouTableReader *self,
                     SystemRec       *rec,
                     gboolean         first)
{
  static const IkouTableColumn order[] = {
    IKOU_TABLE_NAME, IKOU_TABLE_DEPARTMENT, IKOU_TABLE_VENDOR, IKOU_TABLE_OPERATION,
    IKOU_TABLE_HOST, IKOU_TABLE_HOST_KIND, IKOU_TABLE_HOST_UNTIL, IKOU_TABLE_TOKUTEI,
    IKOU_TABLE_TOKUTEI_DEADLINE, IKOU_TABLE_TOKUTEI_REASON, IKOU_TABLE_STATUS,
    IKOU_TABLE_NOTES, IKOU_TABLE_ANNUAL_COST, IKOU_TABLE_HOST_COST,
    IKOU_TABLE_TOKUTEI_REASON_KIND, IKOU_TABLE_TRANSITIONAL, IKOU_TABLE_TRANSITIONAL_FUNCTIONS,
    IKOU_TABLE_TRANSITIONAL_COMPLETION, IKOU_TABLE_TRANSITIONAL_NOTIFIED,
  };

  IkouSystem *system = rec->system;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      IkouTableColumn c = order[i];
      g_autofree char *text = table_cell (self, c);
      g_autofree char *operation = NULL;
      gboolean flag;
      IkouDay day;
      gint64 amount;
      int value;

      if (*text == '\0')
        continue;
      if (!first && rec->raw[c] != NULL)
        {
          if (!g_str_equal (rec->raw[c], text))
            {
              g_autofree char *shown = table_shown_text (rec->raw[c]);

              table_problem (self, c, _("the same system says “%s” in row %u."), shown,
                             rec->first_row);
            }
          continue;
        }
      rec->raw[c] = g_strdup (text);

      switch (c)
        {
        case IKOU_TABLE_NAME:
          ikou_system_set_name (system, text);
          break;
        case IKOU_TABLE_DEPARTMENT:
          ikou_system_set_department (system, text);
          break;
        case IKOU_TABLE_VENDOR:
          ikou_system_set_vendor (system, text);
          break;
        case IKOU_TABLE_OPERATION:
          if (table_parse_operation (self, text, &operation))
            ikou_system_set_operation (system, operation);
          break;
        case IKOU_TABLE_HOST:
          rec->host = host_for_name (self, text);
          break;
        case IKOU_TABLE_HOST_KIND:
          host_set_kind (self, c, rec->host, text);
          break;
        case IKOU_TABLE_HOST_UNTIL:
          host_set_day (self, c, rec->host, text, TRUE);
          break;
        case IKOU_TABLE_TOKUTEI:
          if (table_parse_flag (self, c, text, &flag))
            ikou_system_set_tokutei (system, flag);
          break;
        case IKOU_TABLE_TOKUTEI_DEADLINE:
          if (table_parse_day (self, c, text, &day))
            ikou_system_set_tokutei_deadline (system, day);
          break;
        case IKOU_TABLE_TOKUTEI_REASON:
          ikou_system_set_tokutei_reason (system, text);
          break;
        case IKOU_TABLE_STATUS:
          if (table_parse_choice (self, c, text, table_status_labels, table_status_labels_en,
                                  ikou_status_id_at, IKOU_N_STATUSES, &value))
            ikou_system_set_status (system, (IkouStatus) value);
          break;
        case IKOU_TABLE_NOTES:
          ikou_system_set_notes (system, text);
          break;
        case IKOU_TABLE_ANNUAL_COST:
          if (table_parse_amount (self, c, text, &amount))
            ikou_system_set_annual_cost (system, amount);
          break;
        case IKOU_TABLE_HOST_COST:
          host_set_cost (self, c, rec->host, text);
          break;
        case IKOU_TABLE_TOKUTEI_REASON_KIND:
          if (table_parse_choice (self, c, text, table_tokutei_reason_labels,
                                  table_tokutei_reason_labels_en, ikou_tokutei_reason_id_at,
                                  IKOU_N_TOKUTEI_REASONS, &value))
            ikou_system_set_tokutei_reason_kind (system, (IkouTokuteiReason) value);
          break;
        case IKOU_TABLE_TRANSITIONAL:
          if (table_parse_flag (self, c, text, &flag))
            ikou_system_set_transitional (system, flag);
          break;
        case IKOU_TABLE_TRANSITIONAL_FUNCTIONS:
          ikou_system_set_transitional_functions (system, text);
          break;
        case IKOU_TABLE_TRANSITIONAL_COMPLETION:
          if (table_parse_day (self, c, text, &day))
            ikou_system_set_transitional_completion (system, day);
          break;
        case IKOU_TABLE_TRANSITIONAL_NOTIFIED:
          if (table_parse_day (self, c, text, &day))
            ikou_system_set_transitional_notified (system, day);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* The step of the current row; FALSE when its step columns are empty. */
static gboolean
read_step (IkouTableReader *self,
           IkouStep        *step)
{
  char *text[IKOU_TABLE_N_COLUMNS] = { NULL };
  gboolean any = FALSE;
  int value;

  memset (step, 0, sizeof *step);
  step->budget_amount = -1;
  step->annual_cost = -1;

  for (guint c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
    {
      if (!ikou_table_column_is_step ((IkouTableColumn) c))
        continue;
      text[c] = table_cell (self, c);
      any = any || *text[c] != '\0';
    }
  if (!any)
    goto out;

  step->from_host = host_for_name (self, text[IKOU_TABLE_FROM_HOST]);
  step->to_host = host_for_name (self, text[IKOU_TABLE_TO_HOST]);
  host_set_kind (self, IKOU_TABLE_TO_HOST_KIND, step->to_host, text[IKOU_TABLE_TO_HOST_KIND]);
  host_set_day (self, IKOU_TABLE_TO_HOST_FROM, step->to_host, text[IKOU_TABLE_TO_HOST_FROM], FALSE);
  host_set_cost (self, IKOU_TABLE_TO_HOST_COST, step->to_host, text[IKOU_TABLE_TO_HOST_COST]);
  table_parse_day (self, IKOU_TABLE_BUDGET_DATE, text[IKOU_TABLE_BUDGET_DATE], &step->budget_date);
  table_parse_amount (self, IKOU_TABLE_BUDGET_AMOUNT, text[IKOU_TABLE_BUDGET_AMOUNT],
                      &step->budget_amount);
  table_parse_flag (self, IKOU_TABLE_SUPPLEMENTARY, text[IKOU_TABLE_SUPPLEMENTARY],
                    &step->supplementary);
  table_parse_day (self, IKOU_TABLE_CONTRACT_DATE, text[IKOU_TABLE_CONTRACT_DATE],
                   &step->contract_date);
  table_parse_day (self, IKOU_TABLE_CUTOVER_DATE, text[IKOU_TABLE_CUTOVER_DATE],
                   &step->cutover_date);
  table_parse_flag (self, IKOU_TABLE_STANDARD, text[IKOU_TABLE_STANDARD],
                    &step->standard_compliant);
  if (*text[IKOU_TABLE_ARRANGEMENT] != '\0' &&
      table_parse_choice (self, IKOU_TABLE_ARRANGEMENT, text[IKOU_TABLE_ARRANGEMENT],
                          table_arrangement_labels, table_arrangement_labels_en,
                          ikou_arrangement_id_at, IKOU_N_ARRANGEMENTS, &value))
    step->arrangement = (IkouArrangement) value;
  table_parse_done (self, IKOU_TABLE_DONE, text[IKOU_TABLE_DONE], &step->done);
  if (table_parse_amount (self, IKOU_TABLE_STEP_ANNUAL_COST, text[IKOU_TABLE_STEP_ANNUAL_COST],
                          &step->annual_cost) &&
      step->annual_cost >= 0 && !ikou_day_is_valid (step->cutover_date) &&
      *text[IKOU_TABLE_CUTOVER_DATE] == '\0')
    table_problem (self, IKOU_TABLE_STEP_ANNUAL_COST,
                   _("a running cost after the cut-over needs a cut-over date (%s)."),
                   ikou_table_column_header (IKOU_TABLE_CUTOVER_DATE));
  if (*text[IKOU_TABLE_STEP_NOTE] != '\0')
    step->note = g_strdup (text[IKOU_TABLE_STEP_NOTE]);

out:
  for (guint c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
    g_free (text[c]);
  return any;
}

static gboolean
row_is_empty (IkouTableReader *self)
{
  for (guint i = 0; i < self->n_row_cells && i < self->n_cells; i++)
    {
      g_autofree char *text = NULL;

      if (self->column_of[i] < 0 || self->cells[i] == NULL)
        continue;
      text = table_strip_cell (self->cells[i]);
      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

void
ikou_table_reader_add_row (IkouTableReader  *self,
                           guint             row,
                           const char      **cells,
                           guint             n_cells)
{
  g_autofree char *id_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  SystemRec *rec;
  IkouStep step;
  guint64 id = 0;
  gboolean first = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->has_header);

  self->row = row;
  self->cells = cells;
  self->n_row_cells = n_cells;

  /* Spreadsheets keep blank rows; they say nothing. */
  if (row_is_empty (self))
    goto out;

  id_text = table_cell (self, IKOU_TABLE_ID);
  name = table_cell (self, IKOU_TABLE_NAME);
  if (*id_text != '\0')
    {
      const char *p = id_text;
      g_autofree char *norm = NULL;

      /* ASCII is its own NFKC: only other text needs normalizing. */
      while (*p != '\0' && (guchar) *p < 0x80)
        p++;
      if (*p == '\0')
        norm = g_strdup (id_text);
      else if (g_utf8_validate (id_text, -1, NULL))
        norm = g_utf8_normalize (id_text, -1, G_NORMALIZE_NFKC);

      if (norm == NULL || !g_ascii_string_to_unsigned (norm, 10, 1, G_MAXINT32, &id, NULL))
        {
          g_autofree char *shown = table_shown_text (id_text);

          table_problem (self, IKOU_TABLE_ID,
                         _("“%s” is not a system number (a whole number from 1)."), shown);
          goto out;
        }
      key = g_strdup_printf ("#%" G_GUINT64_FORMAT, id);
    }
  else if (*name != '\0')
    key = g_strconcat ("=", name, NULL);
  else
    {
      table_problem (self, IKOU_TABLE_NAME, _("the system has no name."));
      goto out;
    }

  rec = g_hash_table_lookup (self->system_index, key);
  if (rec == NULL)
    {
      if (*name == '\0')
        {
          table_problem (self, IKOU_TABLE_NAME, _("the system has no name."));
          goto out;
        }
      rec = g_new0 (SystemRec, 1);
      rec->first_row = row;
      rec->system = ikou_system_new ((guint) id, name);
      rec->steps = g_array_new (FALSE, TRUE, sizeof (IkouStep));
      g_array_set_clear_func (rec->steps, clear_step);
      g_ptr_array_add (self->systems, rec);
      g_hash_table_insert (self->system_index, g_steal_pointer (&key), rec);
      first = TRUE;
    }

  read_system_columns (self, rec, first);
  if (read_step (self, &step))
    g_array_append_val (rec->steps, step);

out:
  self->cells = NULL;
  self->n_row_cells = 0;
}

/* Gives host @index (1-based, 0: none) the next id unless it has one. */
static void
number_host (guint *host_id,
             guint  index,
             guint *n_hosts)
{
  if (index != 0 && host_id[index] == 0)
    host_id[index] = ++*n_hosts;
}

IkouPlan *
ikou_table_reader_finish (IkouTableReader   *self,
                          char            ***warnings,
                          GError           **error)
{
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree guint *host_id = NULL;
  g_autofree HostRec **by_id = NULL;
  guint n_hosts = 0;
  guint next_id = 1;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    {
      g_ptr_array_add (self->warnings, NULL);
      *warnings = (char **) g_ptr_array_steal (self->warnings, NULL);
    }

  if (self->n_problems == 0 && self->systems->len == 0)
    ikou_table_reader_add_problem (self, 0, 0, _("there is no system in the table."));
  if (self->n_problems > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      guint listed = MIN (self->problems->len, MAX_LISTED_PROBLEMS);

      /* In the order of the table, as the user will go through them. */
      g_array_sort (self->problems, compare_problems);
      for (guint i = 0; i < listed; i++)
        g_string_append_printf (list, "%s%s", i ? "\n" : "",
                                g_array_index (self->problems, Problem, i).line);
      if (self->n_problems > listed)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("and %u more problem.",
                                                             "and %u more problems.",
                                                             self->n_problems - listed),
                                                   self->n_problems - listed);

          g_string_append_printf (list, "\n%s: %s", self->display_name, more);
        }
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   ngettext ("%u problem; nothing was imported:\n%s",
                             "%u problems; nothing was imported:\n%s", self->n_problems),
                   self->n_problems, list->str);
      return NULL;
    }

  for (guint i = 0; i < self->systems->len; i++)
    {
      SystemRec *rec = g_ptr_array_index (self->systems, i);

      next_id = MAX (next_id, ikou_system_get_id (rec->system) + 1);
    }

  /* Host ids in the order the systems meet them, as the writer's rows
   * do, so that an exported table reads back with the same ids however
   * the rows were ordered in the file. */
  host_id = g_new0 (guint, self->hosts->len + 1);
  for (guint i = 0; i < self->systems->len; i++)
    {
      SystemRec *rec = g_ptr_array_index (self->systems, i);

      number_host (host_id, rec->host, &n_hosts);
      for (guint s = 0; s < rec->steps->len; s++)
        {
          IkouStep *step = &g_array_index (rec->steps, IkouStep, s);

          number_host (host_id, step->from_host, &n_hosts);
          number_host (host_id, step->to_host, &n_hosts);
        }
    }
  for (guint i = 1; i <= self->hosts->len; i++)
    number_host (host_id, i, &n_hosts);

  plan = ikou_plan_new ();
  ikou_plan_begin_bulk (plan);
  /* A system without a number takes the next one after the highest
   * given, in the order of the table. */
  ikou_plan_set_next_ids (plan, next_id, 0);
  by_id = g_new0 (HostRec *, n_hosts + 1);
  for (guint i = 1; i <= self->hosts->len; i++)
    by_id[host_id[i]] = g_ptr_array_index (self->hosts, i - 1);
  for (guint id = 1; id <= n_hosts; id++)
    {
      HostRec *rec = by_id[id];
      IkouHostKind kind;
      g_autoptr(IkouHost) host = NULL;

      kind = rec->kind >= 0 ? (IkouHostKind) rec->kind : ikou_host_kind_guess (rec->name);
      host = ikou_host_new_full (id, rec->name, kind, rec->from, rec->until, NULL, rec->cost);
      ikou_plan_add_host (plan, host);
    }
  for (guint i = 0; i < self->systems->len; i++)
    {
      SystemRec *rec = g_ptr_array_index (self->systems, i);
      IkouSystem *system = rec->system;

      ikou_system_set_host (system, host_id[rec->host]);
      for (guint s = 0; s < rec->steps->len; s++)
        {
          IkouStep *step = &g_array_index (rec->steps, IkouStep, s);

          step->from_host = host_id[step->from_host];
          step->to_host = host_id[step->to_host];
          ikou_system_insert_step (system, G_MAXUINT, step);
        }
      ikou_plan_add_system (plan, system);
    }
  ikou_plan_end_bulk (plan);

  return g_steal_pointer (&plan);
}
