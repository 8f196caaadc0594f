/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-table.h"
#include "ikou-xml-util.h"

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
  const char         *header;     /* written, Japanese */
  const char         *header_en;
  IkouTableValueKind  kind;
  gboolean            step;
  const char         *aliases;    /* more names, '|'-separated */
} ColumnInfo;

static const ColumnInfo columns[IKOU_TABLE_N_COLUMNS] = {
  [IKOU_TABLE_NAME] = { "システム名", "System", IKOU_TABLE_VALUE_TEXT, FALSE,
                        "システム|名称|system name|name" },
  [IKOU_TABLE_DEPARTMENT] = { "所管課", "Department", IKOU_TABLE_VALUE_TEXT, FALSE,
                              "所管|担当課" },
  [IKOU_TABLE_VENDOR] = { "ベンダー", "Vendor", IKOU_TABLE_VALUE_TEXT, FALSE,
                          "ベンダ|事業者" },
  [IKOU_TABLE_OPERATION] = { "業務", "Operation", IKOU_TABLE_VALUE_TEXT, FALSE,
                             "標準化対象業務|standardized operation" },
  [IKOU_TABLE_HOST] = { "現行", "Current host", IKOU_TABLE_VALUE_TEXT, FALSE,
                        "現行の稼働場所|現在の稼働場所|稼働場所|host" },
  [IKOU_TABLE_FROM_HOST] = { "移行元", "From host", IKOU_TABLE_VALUE_TEXT, TRUE, "from" },
  [IKOU_TABLE_TO_HOST] = { "移行先", "To host", IKOU_TABLE_VALUE_TEXT, TRUE, "to|target" },
  [IKOU_TABLE_TO_HOST_KIND] = { "移行先の種別", "To host kind", IKOU_TABLE_VALUE_TEXT, TRUE,
                                "種別|target kind" },
  [IKOU_TABLE_BUDGET_DATE] = { "予算要求日", "Budget request", IKOU_TABLE_VALUE_DATE, TRUE,
                               "予算要求|budget request date|budget date" },
  [IKOU_TABLE_BUDGET_AMOUNT] = { "予算額（千円）", "Budget (thousand yen)",
                                 IKOU_TABLE_VALUE_AMOUNT, TRUE,
                                 "予算額|予算額千円|budget|budget amount|amount" },
  [IKOU_TABLE_SUPPLEMENTARY] = { "補正予算", "Supplementary budget", IKOU_TABLE_VALUE_FLAG, TRUE,
                                 "補正|supplementary" },
  [IKOU_TABLE_CONTRACT_DATE] = { "契約日", "Contract", IKOU_TABLE_VALUE_DATE, TRUE,
                                 "契約|契約・構築|契約構築|contract date" },
  [IKOU_TABLE_CUTOVER_DATE] = { "稼働日", "Cut-over", IKOU_TABLE_VALUE_DATE, TRUE,
                                "稼働|切替日|cut-over date|go-live" },
  [IKOU_TABLE_STANDARD] = { "標準準拠", "Standard compliant", IKOU_TABLE_VALUE_FLAG, TRUE,
                            "標準準拠システム|standard" },
  [IKOU_TABLE_ARRANGEMENT] = { "契約形態", "Arrangement", IKOU_TABLE_VALUE_TEXT, TRUE,
                               "contract type" },
  [IKOU_TABLE_TOKUTEI] = { "特定移行支援", "Tokutei", IKOU_TABLE_VALUE_FLAG, FALSE,
                           "特定移行支援システム|special migration support" },
  [IKOU_TABLE_TOKUTEI_DEADLINE] = { "特定移行支援の期限", "Tokutei deadline",
                                    IKOU_TABLE_VALUE_DATE, FALSE,
                                    "移行期限|special migration deadline" },
  [IKOU_TABLE_STATUS] = { "状態", "Status", IKOU_TABLE_VALUE_TEXT, FALSE, "進捗|progress" },
  [IKOU_TABLE_NOTES] = { "備考", "Notes", IKOU_TABLE_VALUE_TEXT, FALSE, "note|remarks" },
  [IKOU_TABLE_DONE] = { "完了", "Done", IKOU_TABLE_VALUE_TEXT, TRUE,
                        "完了した工程|済|milestones done" },
  [IKOU_TABLE_STEP_NOTE] = { "工程の備考", "Step note", IKOU_TABLE_VALUE_TEXT, TRUE,
                             "手順の備考|移行の備考" },
  [IKOU_TABLE_TOKUTEI_REASON] = { "特定移行支援の理由", "Tokutei reason",
                                  IKOU_TABLE_VALUE_TEXT, FALSE, "special migration reason" },
  [IKOU_TABLE_HOST_KIND] = { "現行の種別", "Current host kind", IKOU_TABLE_VALUE_TEXT, FALSE,
                             "host kind" },
  [IKOU_TABLE_HOST_UNTIL] = { "現行の利用期限", "Current host until", IKOU_TABLE_VALUE_DATE,
                              FALSE, "current host available until|host until" },
  [IKOU_TABLE_TO_HOST_FROM] = { "移行先の利用開始", "To host from", IKOU_TABLE_VALUE_DATE, TRUE,
                                "to host available from|target available from" },
  [IKOU_TABLE_ANNUAL_COST] = { "運用経費（千円／年）", "Running cost (thousand yen a year)",
                              IKOU_TABLE_VALUE_AMOUNT, FALSE,
                              "運用経費|年間運用経費|現行の運用経費|running cost" },
  [IKOU_TABLE_STEP_ANNUAL_COST] = { "移行後の運用経費（千円／年）",
                                    "Running cost after cut-over (thousand yen a year)",
                                    IKOU_TABLE_VALUE_AMOUNT, TRUE,
                                    "移行後の運用経費|running cost after cut-over" },
  [IKOU_TABLE_HOST_COST] = { "現行の年間経費（千円）", "Current host cost (thousand yen a year)",
                             IKOU_TABLE_VALUE_AMOUNT, FALSE,
                             "現行の年間経費|current host cost" },
  [IKOU_TABLE_TO_HOST_COST] = { "移行先の年間経費（千円）", "To host cost (thousand yen a year)",
                                IKOU_TABLE_VALUE_AMOUNT, TRUE,
                                "移行先の年間経費|to host cost" },
  [IKOU_TABLE_TOKUTEI_REASON_KIND] = { "特定移行支援の理由区分", "Tokutei reason kind",
                                       IKOU_TABLE_VALUE_TEXT, FALSE,
                                       "理由区分|special migration reason kind" },
  [IKOU_TABLE_TRANSITIONAL] = { "経過措置", "Transitional", IKOU_TABLE_VALUE_FLAG, FALSE,
                                "経過措置あり|functions still to come" },
  [IKOU_TABLE_TRANSITIONAL_FUNCTIONS] = { "経過措置の機能", "Transitional functions",
                                          IKOU_TABLE_VALUE_TEXT, FALSE,
                                          "経過措置の対象機能|functions to come" },
  [IKOU_TABLE_TRANSITIONAL_COMPLETION] = { "経過措置の完了予定", "Transitional completion",
                                           IKOU_TABLE_VALUE_DATE, FALSE,
                                           "実装完了予定|planned completion" },
  [IKOU_TABLE_TRANSITIONAL_NOTIFIED] = { "経過措置の届出日", "Transitional notified",
                                         IKOU_TABLE_VALUE_DATE, FALSE,
                                         "届出日|notified" },
  [IKOU_TABLE_ID] = { "ID", "ID", IKOU_TABLE_VALUE_TEXT, FALSE, "システムID|system id|番号" },
};

/* The labels written into files: fixed Japanese, whatever the locale. */
static const char * const host_kind_labels[IKOU_N_HOST_KINDS] = {
  "電算室内統合SV", "電算室内個別SV", "統合サーバ（クラウド）", "ガバメントクラウド", "その他",
};
static const char * const host_kind_labels_en[IKOU_N_HOST_KINDS] = {
  "On-premises shared server", "On-premises dedicated server", "Shared cloud server",
  "Government Cloud", "Other",
};
static const char * const status_labels[IKOU_N_STATUSES] = {
  "未着手", "作業中", "完了済み", "対象外",
};
static const char * const status_labels_en[IKOU_N_STATUSES] = {
  "Not started", "In progress", "Done", "Not in scope",
};
static const char * const arrangement_labels[IKOU_N_ARRANGEMENTS] = {
  "通常の契約", "債務負担行為", "長期継続契約", "準備行為",
};
static const char * const arrangement_labels_en[IKOU_N_ARRANGEMENTS] = {
  "Normal contract", "Debt burden act", "Long-term continuing contract", "Preparatory act",
};
/* The 特定移行支援 reasons as the Digital Agency classifies them. */
static const char * const tokutei_reason_labels[IKOU_N_TOKUTEI_REASONS] = {
  "未分類", "メインフレーム", "個別開発システム", "標準準拠製品・移行先事業者なし",
  "事業者のリソース逼迫", "その他",
};
static const char * const tokutei_reason_labels_en[IKOU_N_TOKUTEI_REASONS] = {
  "Not classified", "Mainframe", "Custom-built system",
  "No standard product or replacement vendor", "Vendor capacity shortage", "Other reason",
};
static const char * const milestone_labels[IKOU_N_MILESTONES] = {
  "予算要求", "契約・構築", "稼働",
};
static const char * const milestone_labels_en[IKOU_N_MILESTONES] = {
  "Budget request", "Contract and build", "Cut-over",
};

const char *
ikou_table_column_header (IkouTableColumn column)
{
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, NULL);
  return columns[column].header;
}

const char *
ikou_table_column_header_en (IkouTableColumn column)
{
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, NULL);
  return columns[column].header_en;
}

IkouTableValueKind
ikou_table_column_kind (IkouTableColumn column)
{
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, IKOU_TABLE_VALUE_TEXT);
  return columns[column].kind;
}

gboolean
ikou_table_column_is_step (IkouTableColumn column)
{
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, FALSE);
  return columns[column].step;
}

/* A key for comparing what planners type: NFKC (full-width to ASCII,
 * （） to ()), case folded, without spaces, '-', '_' and '・'.  NULL for
 * text that is not UTF-8. */
static char *
fold_key (const char *text)
{
  g_autofree char *norm = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (norm == NULL)
    return NULL;
  folded = g_utf8_casefold (norm, -1);
  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == '_' || c == 0x30FB /* ・ */)
        continue;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static gboolean
key_matches (const char *key,
             const char *name)
{
  g_autofree char *other = fold_key (name);

  return other != NULL && g_str_equal (key, other);
}

static void
add_header_key (GHashTable *table,
                const char *name,
                int         column)
{
  char *key = fold_key (name);

  /* The first column to claim a name keeps it. */
  if (g_hash_table_contains (table, key))
    g_free (key);
  else
    g_hash_table_insert (table, key, GINT_TO_POINTER (column + 1));
}

/* Every header name, folded → column + 1; built once. */
static GHashTable *
header_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (int c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
        {
          add_header_key (t, columns[c].header, c);
          add_header_key (t, columns[c].header_en, c);
        }
      for (int c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
        {
          g_auto(GStrv) aliases = g_strsplit (columns[c].aliases, "|", -1);

          for (guint i = 0; aliases[i] != NULL; i++)
            add_header_key (t, aliases[i], c);
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

int
ikou_table_column_lookup (const char *header)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (header != NULL, -1);

  key = fold_key (header);
  if (key == NULL || *key == '\0')
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (header_table (), key)) - 1;
}

/* @key matches the id, the label or the English label of one of @n
 * values: its index, else -1. */
static int
lookup_label (const char         *key,
              const char * const *labels,
              const char * const *labels_en,
              const char        *(*to_string) (int),
              int                 n)
{
  for (int i = 0; i < n; i++)
    {
      if (key_matches (key, labels[i]) || key_matches (key, labels_en[i]) ||
          key_matches (key, to_string (i)))
        return i;
    }
  return -1;
}

IkouSchedule *
ikou_table_ensure_schedule (IkouSchedule *schedule)
{
  g_autoptr(GError) error = NULL;
  IkouSchedule *loaded;

  if (schedule != NULL)
    return g_object_ref (schedule);
  loaded = ikou_schedule_load_default (&error);
  if (loaded == NULL)
    g_warning ("No schedule for operation names: %s", error->message);
  return loaded;
}

void
ikou_table_set_too_large (GError    **error,
                          const char *name,
                          guint64     size,
                          guint64     limit)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (limit);

  g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
               _("%s is too large to import (%s; at most %s)."), name, size_text, limit_text);
}

gboolean
ikou_table_read_file (const char  *path,
                      gsize        max_size,
                      char       **contents,
                      gsize       *length,
                      GError     **error)
{
  g_autofree char *name = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  name = g_filename_display_name (path);
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_size)
    {
      ikou_table_set_too_large (error, name, (guint64) st.st_size, max_size);
      return FALSE;
    }
  return ikou_xml_read_file_contents (path, contents, length, error);
}

/* Reading ------------------------------------------------------------ */

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
  guint       id;           /* 0: none given */
  guint       first_row;
  char       *raw[IKOU_TABLE_N_COLUMNS]; /* the system columns as first given */
  char       *name;
  char       *department;
  char       *vendor;
  char       *operation;
  guint       host;         /* HostRec index + 1 */
  gboolean    tokutei;
  IkouDay     tokutei_deadline;
  char       *tokutei_reason;
  IkouTokuteiReason tokutei_reason_kind;
  gboolean    transitional;
  char       *transitional_functions;
  IkouDay     transitional_completion;
  IkouDay     transitional_notified;
  IkouStatus  status;
  char       *notes;
  gint64      annual_cost;  /* 千円/年, -1 unknown */
  GArray     *steps;        /* IkouStep */
} SystemRec;

struct _IkouTableReader
{
  char         *display_name;
  IkouSchedule *schedule;
  GHashTable   *operations;   /* fold_key → operation id */
  int          *column_of;    /* per cell index */
  char        **header_text;  /* per cell index, as written */
  guint         n_cells;
  int           index_of[IKOU_TABLE_N_COLUMNS];
  gboolean      has_header;
  GArray       *problems;     /* Problem, the first MAX_KEPT_PROBLEMS */
  guint         n_problems;
  GPtrArray    *warnings;     /* char * */
  GPtrArray    *hosts;        /* HostRec */
  GHashTable   *host_index;   /* name → index + 1 */
  GPtrArray    *systems;      /* SystemRec */
  GHashTable   *system_index; /* key → SystemRec */
  /* The row being read. */
  guint         row;
  const char  **cells;
  guint         n_row_cells;
};

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
  g_free (rec->name);
  g_free (rec->department);
  g_free (rec->vendor);
  g_free (rec->operation);
  g_free (rec->tokutei_reason);
  g_free (rec->transitional_functions);
  g_free (rec->notes);
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
add_operation_key (GHashTable *table,
                   const char *text,
                   const char *id)
{
  char *key;

  if (text == NULL)
    return;
  key = fold_key (text);
  if (key == NULL || *key == '\0' || g_hash_table_contains (table, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (table, key, (gpointer) id);
}

/* Every form an operation goes by: its id, its names, and for
 * 「住民基本台帳（住民記録）」 also 住民基本台帳 and 住民記録. */
static void
index_operations (IkouTableReader *self)
{
  guint n = self->schedule ? ikou_schedule_get_n_operations (self->schedule) : 0;

  self->operations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          const IkouOperation *op = ikou_schedule_get_operation (self->schedule, i);
          g_autofree char *norm = NULL;
          char *open;

          if (pass == 0)
            {
              add_operation_key (self->operations, op->id, op->id);
              add_operation_key (self->operations, op->name, op->id);
              add_operation_key (self->operations, op->name_en, op->id);
              continue;
            }
          /* Short forms second, so that they never shadow a full name. */
          norm = g_utf8_normalize (op->name, -1, G_NORMALIZE_NFKC);
          open = norm ? strchr (norm, '(') : NULL;
          if (open != NULL && open > norm)
            {
              char *close = strchr (open, ')');

              if (close != NULL)
                {
                  *close = '\0';
                  add_operation_key (self->operations, open + 1, op->id);
                }
              *open = '\0';
              add_operation_key (self->operations, norm, op->id);
            }
        }
    }
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
  index_operations (self);
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

/* A cell's text without the spaces (ASCII or U+3000) around it. */
static char *
strip_cell (const char *text)
{
  const char *start = text;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = text + strlen (text);
  for (;;)
    {
      if (start < end && g_ascii_isspace (*start))
        start++;
      else if (end - start >= 3 && memcmp (start, "\xE3\x80\x80", 3) == 0)
        start += 3;
      else
        break;
    }
  for (;;)
    {
      if (end > start && g_ascii_isspace (end[-1]))
        end--;
      else if (end - start >= 3 && memcmp (end - 3, "\xE3\x80\x80", 3) == 0)
        end -= 3;
      else
        break;
    }
  return g_strndup (start, (gsize) (end - start));
}

/* The text shown in a message: valid UTF-8, one line, not too long. */
static char *
shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  glong len;

  g_strdelimit (valid, "\r\n\t", ' ');
  len = g_utf8_strlen (valid, -1);
  if (len > 40)
    return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (valid, 40) - valid), valid);
  return g_steal_pointer (&valid);
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

static void problem (IkouTableReader *self,
                     IkouTableColumn  column,
                     const char      *format,
                     ...) G_GNUC_PRINTF (3, 4);

/* A problem with the current row's cell of @column. */
static void
problem (IkouTableReader *self,
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
      g_autofree char *text = strip_cell (cells[i]);
      int column = ikou_table_column_lookup (text);

      self->header_text[i] = shown_text (text);
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
                   self->display_name, row, columns[IKOU_TABLE_NAME].header);
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

/* The current row's cell of @column, stripped ("" when absent). */
static char *
cell (IkouTableReader *self,
      IkouTableColumn  column)
{
  int index = self->index_of[column];

  if (index < 0 || (guint) index >= self->n_row_cells || self->cells[index] == NULL)
    return g_strdup ("");
  return strip_cell (self->cells[index]);
}

static gboolean
parse_flag (IkouTableReader *self,
            IkouTableColumn  column,
            const char      *text,
            gboolean        *out)
{
  static const char * const yes[] = { "○", "〇", "◯", "●", "✓", "✔", "1", "はい", "yes", "y",
                                      "true", "有", "あり", "有り", "対象", NULL };
  static const char * const no[] = { "×", "✕", "0", "いいえ", "no", "n", "false", "無", "なし",
                                     "無し", "-", "ー", "―", NULL };
  g_autofree char *key = NULL;

  *out = FALSE;
  if (*text == '\0')
    return TRUE;
  if (g_str_equal (text, yes[0]))
    {
      *out = TRUE;
      return TRUE;
    }
  key = fold_key (text);
  for (guint i = 0; key != NULL && yes[i] != NULL; i++)
    if (key_matches (key, yes[i]))
      {
        *out = TRUE;
        return TRUE;
      }
  for (guint i = 0; key != NULL && no[i] != NULL; i++)
    if (key_matches (key, no[i]))
      return TRUE;

  {
    g_autofree char *shown = shown_text (text);

    problem (self, column, _("“%s” is neither yes (○, 1, はい, yes) nor no (empty, ×, 0, いいえ, no)."),
             shown);
  }
  return FALSE;
}

static gboolean
parse_day (IkouTableReader *self,
           IkouTableColumn  column,
           const char      *text,
           IkouDay         *out)
{
  g_autoptr(GError) error = NULL;

  *out = IKOU_DAY_NONE;
  if (*text == '\0' || ikou_parse_iso_date (text, out))
    return TRUE;
  if (ikou_parse_date (text, out, NULL, &error))
    return TRUE;
  problem (self, column, "%s", error->message);
  return FALSE;
}

static gboolean
parse_amount (IkouTableReader *self,
              IkouTableColumn  column,
              const char      *text,
              gint64          *out)
{
  g_autofree char *norm = NULL;
  GString *digits;
  gboolean ok = TRUE;
  guint64 value = 0;

  *out = -1;
  if (*text == '\0')
    return TRUE;
  norm = g_utf8_validate (text, -1, NULL) ? g_utf8_normalize (text, -1, G_NORMALIZE_NFKC) : NULL;
  digits = g_string_new (NULL);
  for (const char *p = norm ? norm : ""; ok && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == ',' && digits->len > 0)
        continue;
      else if (*p == '.' && digits->len > 0 && strspn (p + 1, "0") == strlen (p + 1))
        break; /* 12000.0, as a spreadsheet may write a whole number */
      else
        ok = FALSE;
    }
  ok = ok && norm != NULL && digits->len > 0 && digits->len <= 15
       && g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL);
  g_string_free (digits, TRUE);
  if (ok)
    {
      *out = (gint64) value;
      return TRUE;
    }

  {
    g_autofree char *shown = shown_text (text);

    problem (self, column, _("“%s” is not an amount in thousand yen (a whole number such as 12,000)."),
             shown);
  }
  return FALSE;
}

static gboolean
parse_choice (IkouTableReader    *self,
              IkouTableColumn     column,
              const char         *text,
              const char * const *labels,
              const char * const *labels_en,
              const char       *(*to_string) (int),
              int                 n,
              int                *out)
{
  g_autofree char *key = NULL;
  g_autoptr(GString) allowed = g_string_new (NULL);
  g_autofree char *shown = NULL;
  int found;

  /* What this module writes comes back as it was: no folding needed. */
  for (int i = 0; i < n; i++)
    {
      if (g_str_equal (text, labels[i]) || g_str_equal (text, to_string (i)))
        {
          *out = i;
          return TRUE;
        }
    }
  key = fold_key (text);
  found = key != NULL ? lookup_label (key, labels, labels_en, to_string, n) : -1;
  if (found >= 0)
    {
      *out = found;
      return TRUE;
    }

  for (int i = 0; i < n; i++)
    g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", labels[i]);
  shown = shown_text (text);
  /* Translators: the second %s lists the values allowed */
  problem (self, column, _("“%s” is not one of %s."), shown, allowed->str);
  return FALSE;
}

static gboolean
parse_host_kind (IkouTableReader *self,
                 IkouTableColumn  column,
                 const char      *text,
                 int             *out)
{
  g_autofree char *key = NULL;

  *out = -1;
  if (*text == '\0')
    return TRUE;
  /* A label as this module writes it: no folding needed. */
  for (int i = 0; i < IKOU_N_HOST_KINDS; i++)
    if (g_str_equal (text, host_kind_labels[i]))
      {
        *out = i;
        return TRUE;
      }
  /* Besides the labels, words planners use for the kinds. */
  key = fold_key (text);
  if (key != NULL && (strstr (key, "ガバメントクラウド") || strstr (key, "ガバクラ")))
    {
      *out = IKOU_HOST_GOV_CLOUD;
      return TRUE;
    }
  return parse_choice (self, column, text, host_kind_labels, host_kind_labels_en,
                       ikou_host_kind_id_at, IKOU_N_HOST_KINDS, out);
}

static gboolean
parse_done (IkouTableReader *self,
            IkouTableColumn  column,
            const char      *text,
            guint           *out)
{
  static const char * const short_forms[IKOU_N_MILESTONES] = { "予算", "契約", "切替" };
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);

  *out = 0;
  /* 予算要求、契約・構築 / 予算要求,稼働 / 予算要求 稼働 … */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3001 || c == 0xFF0C || c == 0xFF1B || c == 0xFF0F || c == ';' ||
          c == '/' || g_unichar_isspace (c))
        c = ',';
      g_string_append_unichar (plain, c);
    }
  parts = g_strsplit (plain->str, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      int m;

      if (*parts[i] == '\0')
        continue;
      /* The labels as this module writes them: no folding needed. */
      for (m = 0; m < IKOU_N_MILESTONES; m++)
        if (g_str_equal (parts[i], milestone_labels[m]))
          break;
      if (m < IKOU_N_MILESTONES)
        {
          *out |= IKOU_MILESTONE_FLAG (m);
          continue;
        }
      key = fold_key (parts[i]);
      m = key != NULL ? lookup_label (key, milestone_labels, milestone_labels_en,
                                      ikou_milestone_id_at, IKOU_N_MILESTONES) : -1;
      for (int s = 0; m < 0 && key != NULL && s < IKOU_N_MILESTONES; s++)
        if (key_matches (key, short_forms[s]))
          m = s;
      if (m < 0 && key != NULL && key_matches (key, "構築"))
        m = IKOU_MILESTONE_CONTRACT;
      if (m < 0)
        {
          g_autofree char *shown = shown_text (parts[i]);

          problem (self, column, _("“%s” is not a milestone (予算要求, 契約・構築, 稼働)."), shown);
          return FALSE;
        }
      *out |= IKOU_MILESTONE_FLAG (m);
    }
  return TRUE;
}

static gboolean
parse_operation (IkouTableReader *self,
                 const char      *text,
                 char           **out)
{
  g_autofree char *key = NULL;
  const char *id;

  *out = NULL;
  if (*text == '\0')
    return TRUE;
  key = fold_key (text);
  id = key != NULL ? g_hash_table_lookup (self->operations, key) : NULL;
  if (id != NULL)
    {
      *out = g_strdup (id);
      return TRUE;
    }
  {
    g_autofree char *shown = shown_text (text);

    problem (self, IKOU_TABLE_OPERATION,
             _("“%s” is not one of the standardized operations of the national schedule "
               "(leave it empty for a system outside them)."), shown);
  }
  return FALSE;
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
      problem (self, column, _("there is no host for this to apply to."));
      return;
    }
  rec = g_ptr_array_index (self->hosts, host - 1);
  if (*field == unset)
    {
      *field = value;
      *field_row = self->row;
    }
  else if (*field != value)
    problem (self, column, _("the host “%s” was given another value in row %u."),
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

  if (!parse_host_kind (self, column, text, &kind))
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

  if (!parse_day (self, column, text, &day))
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

  if (!parse_amount (self, column, text, &cost) || cost < 0)
    return;
  if (host == 0)
    {
      problem (self, column, _("there is no host for this to apply to."));
      return;
    }
  rec = g_ptr_array_index (self->hosts, host - 1);
  if (rec->cost < 0)
    {
      rec->cost = cost;
      rec->cost_row = self->row;
    }
  else if (rec->cost != cost)
    problem (self, column, _("the host “%s” was given another value in row %u."),
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

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      IkouTableColumn c = order[i];
      g_autofree char *text = cell (self, c);
      int value;

      if (*text == '\0')
        continue;
      if (!first && rec->raw[c] != NULL)
        {
          if (!g_str_equal (rec->raw[c], text))
            {
              g_autofree char *shown = shown_text (rec->raw[c]);

              problem (self, c, _("the same system says “%s” in row %u."), shown,
                       rec->first_row);
            }
          continue;
        }
      rec->raw[c] = g_strdup (text);

      switch (c)
        {
        case IKOU_TABLE_NAME:
          g_free (rec->name);
          rec->name = g_strdup (text);
          break;
        case IKOU_TABLE_DEPARTMENT:
          rec->department = g_strdup (text);
          break;
        case IKOU_TABLE_VENDOR:
          rec->vendor = g_strdup (text);
          break;
        case IKOU_TABLE_OPERATION:
          parse_operation (self, text, &rec->operation);
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
          parse_flag (self, c, text, &rec->tokutei);
          break;
        case IKOU_TABLE_TOKUTEI_DEADLINE:
          parse_day (self, c, text, &rec->tokutei_deadline);
          break;
        case IKOU_TABLE_TOKUTEI_REASON:
          rec->tokutei_reason = g_strdup (text);
          break;
        case IKOU_TABLE_STATUS:
          if (parse_choice (self, c, text, status_labels, status_labels_en, ikou_status_id_at,
                            IKOU_N_STATUSES, &value))
            rec->status = (IkouStatus) value;
          break;
        case IKOU_TABLE_NOTES:
          rec->notes = g_strdup (text);
          break;
        case IKOU_TABLE_ANNUAL_COST:
          parse_amount (self, c, text, &rec->annual_cost);
          break;
        case IKOU_TABLE_HOST_COST:
          host_set_cost (self, c, rec->host, text);
          break;
        case IKOU_TABLE_TOKUTEI_REASON_KIND:
          if (parse_choice (self, c, text, tokutei_reason_labels, tokutei_reason_labels_en,
                            ikou_tokutei_reason_id_at, IKOU_N_TOKUTEI_REASONS, &value))
            rec->tokutei_reason_kind = (IkouTokuteiReason) value;
          break;
        case IKOU_TABLE_TRANSITIONAL:
          parse_flag (self, c, text, &rec->transitional);
          break;
        case IKOU_TABLE_TRANSITIONAL_FUNCTIONS:
          rec->transitional_functions = g_strdup (text);
          break;
        case IKOU_TABLE_TRANSITIONAL_COMPLETION:
          parse_day (self, c, text, &rec->transitional_completion);
          break;
        case IKOU_TABLE_TRANSITIONAL_NOTIFIED:
          parse_day (self, c, text, &rec->transitional_notified);
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
      if (!columns[c].step)
        continue;
      text[c] = cell (self, c);
      any = any || *text[c] != '\0';
    }
  if (!any)
    goto out;

  step->from_host = host_for_name (self, text[IKOU_TABLE_FROM_HOST]);
  step->to_host = host_for_name (self, text[IKOU_TABLE_TO_HOST]);
  host_set_kind (self, IKOU_TABLE_TO_HOST_KIND, step->to_host, text[IKOU_TABLE_TO_HOST_KIND]);
  host_set_day (self, IKOU_TABLE_TO_HOST_FROM, step->to_host, text[IKOU_TABLE_TO_HOST_FROM], FALSE);
  host_set_cost (self, IKOU_TABLE_TO_HOST_COST, step->to_host, text[IKOU_TABLE_TO_HOST_COST]);
  parse_day (self, IKOU_TABLE_BUDGET_DATE, text[IKOU_TABLE_BUDGET_DATE], &step->budget_date);
  parse_amount (self, IKOU_TABLE_BUDGET_AMOUNT, text[IKOU_TABLE_BUDGET_AMOUNT],
                &step->budget_amount);
  parse_flag (self, IKOU_TABLE_SUPPLEMENTARY, text[IKOU_TABLE_SUPPLEMENTARY],
              &step->supplementary);
  parse_day (self, IKOU_TABLE_CONTRACT_DATE, text[IKOU_TABLE_CONTRACT_DATE],
             &step->contract_date);
  parse_day (self, IKOU_TABLE_CUTOVER_DATE, text[IKOU_TABLE_CUTOVER_DATE], &step->cutover_date);
  parse_flag (self, IKOU_TABLE_STANDARD, text[IKOU_TABLE_STANDARD], &step->standard_compliant);
  if (*text[IKOU_TABLE_ARRANGEMENT] != '\0' &&
      parse_choice (self, IKOU_TABLE_ARRANGEMENT, text[IKOU_TABLE_ARRANGEMENT],
                    arrangement_labels, arrangement_labels_en, ikou_arrangement_id_at,
                    IKOU_N_ARRANGEMENTS, &value))
    step->arrangement = (IkouArrangement) value;
  parse_done (self, IKOU_TABLE_DONE, text[IKOU_TABLE_DONE], &step->done);
  if (parse_amount (self, IKOU_TABLE_STEP_ANNUAL_COST, text[IKOU_TABLE_STEP_ANNUAL_COST],
                    &step->annual_cost) &&
      step->annual_cost >= 0 && !ikou_day_is_valid (step->cutover_date) &&
      *text[IKOU_TABLE_CUTOVER_DATE] == '\0')
    problem (self, IKOU_TABLE_STEP_ANNUAL_COST,
             _("a running cost after the cut-over needs a cut-over date (%s)."),
             columns[IKOU_TABLE_CUTOVER_DATE].header);
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
      text = strip_cell (self->cells[i]);
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

  id_text = cell (self, IKOU_TABLE_ID);
  name = cell (self, IKOU_TABLE_NAME);
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
          g_autofree char *shown = shown_text (id_text);

          problem (self, IKOU_TABLE_ID, _("“%s” is not a system number (a whole number from 1)."),
                   shown);
          goto out;
        }
      key = g_strdup_printf ("#%" G_GUINT64_FORMAT, id);
    }
  else if (*name != '\0')
    key = g_strconcat ("=", name, NULL);
  else
    {
      problem (self, IKOU_TABLE_NAME, _("the system has no name."));
      goto out;
    }

  rec = g_hash_table_lookup (self->system_index, key);
  if (rec == NULL)
    {
      if (*name == '\0')
        {
          problem (self, IKOU_TABLE_NAME, _("the system has no name."));
          goto out;
        }
      rec = g_new0 (SystemRec, 1);
      rec->id = (guint) id;
      rec->annual_cost = -1;
      rec->first_row = row;
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

      next_id = MAX (next_id, rec->id + 1);
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
  by_id = g_new0 (HostRec *, n_hosts + 1);
  for (guint i = 1; i <= self->hosts->len; i++)
    by_id[host_id[i]] = g_ptr_array_index (self->hosts, i - 1);
  for (guint id = 1; id <= n_hosts; id++)
    {
      HostRec *rec = by_id[id];
      IkouHostKind kind;
      g_autoptr(IkouHost) host = NULL;

      kind = rec->kind >= 0 ? (IkouHostKind) rec->kind : ikou_host_kind_guess (rec->name);
      host = ikou_host_new (id, rec->name, kind);
      ikou_host_set_available_from (host, rec->from);
      ikou_host_set_available_until (host, rec->until);
      ikou_host_set_annual_cost (host, rec->cost);
      ikou_plan_add_host (plan, host);
    }
  for (guint i = 0; i < self->systems->len; i++)
    {
      SystemRec *rec = g_ptr_array_index (self->systems, i);
      g_autoptr(IkouSystem) system = ikou_system_new (rec->id ? rec->id : next_id++, rec->name);

      ikou_system_set_department (system, rec->department);
      ikou_system_set_vendor (system, rec->vendor);
      ikou_system_set_operation (system, rec->operation);
      ikou_system_set_host (system, host_id[rec->host]);
      ikou_system_set_tokutei (system, rec->tokutei);
      ikou_system_set_tokutei_deadline (system, rec->tokutei_deadline);
      ikou_system_set_tokutei_reason (system, rec->tokutei_reason);
      ikou_system_set_tokutei_reason_kind (system, rec->tokutei_reason_kind);
      ikou_system_set_transitional (system, rec->transitional);
      ikou_system_set_transitional_functions (system, rec->transitional_functions);
      ikou_system_set_transitional_completion (system, rec->transitional_completion);
      ikou_system_set_transitional_notified (system, rec->transitional_notified);
      ikou_system_set_status (system, rec->status);
      ikou_system_set_notes (system, rec->notes);
      ikou_system_set_annual_cost (system, rec->annual_cost);
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

/* Writing ------------------------------------------------------------ */

struct _IkouTableWriter
{
  IkouPlan     *plan;
  IkouSchedule *schedule;
  guint         system;     /* position of the next row's system */
  guint         step;       /* … and its step */
  char         *text[IKOU_TABLE_N_COLUMNS];
  IkouDay       day[IKOU_TABLE_N_COLUMNS];
  gint64        amount[IKOU_TABLE_N_COLUMNS];
};

IkouTableWriter *
ikou_table_writer_new (IkouPlan     *plan,
                       IkouSchedule *schedule)
{
  IkouTableWriter *self;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);

  self = g_new0 (IkouTableWriter, 1);
  self->plan = g_object_ref (plan);
  self->schedule = ikou_table_ensure_schedule (schedule);
  return self;
}

static void
clear_row (IkouTableWriter *self)
{
  for (guint c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
    {
      g_clear_pointer (&self->text[c], g_free);
      self->day[c] = IKOU_DAY_NONE;
      self->amount[c] = -1;
    }
}

void
ikou_table_writer_free (IkouTableWriter *self)
{
  if (self == NULL)
    return;

  clear_row (self);
  g_object_unref (self->plan);
  g_clear_object (&self->schedule);
  g_free (self);
}

static void
set_day (IkouTableWriter *self,
         IkouTableColumn  column,
         IkouDay          day)
{
  int y, m, d;

  if (!ikou_day_is_valid (day))
    return;
  self->day[column] = day;
  ikou_day_to_ymd (day, &y, &m, &d);
  if (y < 0 || y > 9999)
    {
      self->text[column] = ikou_day_format_iso (day);
      return;
    }
  /* As ikou_day_format_iso() writes it, without printf: a row has several. */
  {
    char iso[11] = {
      (char) ('0' + y / 1000), (char) ('0' + y / 100 % 10), (char) ('0' + y / 10 % 10),
      (char) ('0' + y % 10), '-', (char) ('0' + m / 10), (char) ('0' + m % 10), '-',
      (char) ('0' + d / 10), (char) ('0' + d % 10), '\0'
    };

    self->text[column] = g_strndup (iso, 10);
  }
}

static void
set_text (IkouTableWriter *self,
          IkouTableColumn  column,
          const char      *text)
{
  if (text != NULL)
    self->text[column] = g_strdup (text);
}

static void
set_amount (IkouTableWriter *self,
            IkouTableColumn  column,
            gint64           amount)
{
  char digits[24];
  int i = (int) sizeof digits - 1;

  if (amount < 0)
    return;
  self->amount[column] = amount;
  /* Without printf: a row has several. */
  digits[i] = '\0';
  do
    {
      digits[--i] = (char) ('0' + amount % 10);
      amount /= 10;
    }
  while (amount > 0);
  self->text[column] = g_strdup (digits + i);
}

static IkouHost *
lookup_host (IkouTableWriter *self,
             guint            id)
{
  return id != 0 ? ikou_plan_lookup_host (self->plan, id) : NULL;
}

static void
fill_step (IkouTableWriter *self,
           const IkouStep  *step)
{
  IkouHost *from = lookup_host (self, step->from_host);
  IkouHost *to = lookup_host (self, step->to_host);
  g_autoptr(GString) done = g_string_new (NULL);

  set_text (self, IKOU_TABLE_FROM_HOST, from ? ikou_host_get_name (from) : NULL);
  if (to != NULL)
    {
      set_text (self, IKOU_TABLE_TO_HOST, ikou_host_get_name (to));
      set_text (self, IKOU_TABLE_TO_HOST_KIND, host_kind_labels[ikou_host_get_kind (to)]);
      set_day (self, IKOU_TABLE_TO_HOST_FROM, ikou_host_get_available_from (to));
      set_amount (self, IKOU_TABLE_TO_HOST_COST, ikou_host_get_annual_cost (to));
    }
  set_day (self, IKOU_TABLE_BUDGET_DATE, step->budget_date);
  set_amount (self, IKOU_TABLE_BUDGET_AMOUNT, step->budget_amount);
  set_amount (self, IKOU_TABLE_STEP_ANNUAL_COST, step->annual_cost);
  set_text (self, IKOU_TABLE_SUPPLEMENTARY, step->supplementary ? "○" : NULL);
  set_day (self, IKOU_TABLE_CONTRACT_DATE, step->contract_date);
  set_day (self, IKOU_TABLE_CUTOVER_DATE, step->cutover_date);
  set_text (self, IKOU_TABLE_STANDARD, step->standard_compliant ? "○" : NULL);
  /* Always written: it also tells a step whose other cells are all
   * empty from a system without steps. */
  set_text (self, IKOU_TABLE_ARRANGEMENT, arrangement_labels[step->arrangement]);
  for (int m = 0; m < IKOU_N_MILESTONES; m++)
    if (step->done & IKOU_MILESTONE_FLAG (m))
      g_string_append_printf (done, "%s%s", done->len ? "、" : "", milestone_labels[m]);
  if (done->len > 0)
    set_text (self, IKOU_TABLE_DONE, done->str);
  set_text (self, IKOU_TABLE_STEP_NOTE, step->note);
}

gboolean
ikou_table_writer_next (IkouTableWriter *self)
{
  IkouSystem *system;
  IkouHost *host;
  const char *operation;
  guint n_steps;

  g_return_val_if_fail (self != NULL, FALSE);

  clear_row (self);
  if (self->system >= ikou_plan_get_n_systems (self->plan))
    return FALSE;

  system = ikou_plan_get_system (self->plan, self->system);
  n_steps = ikou_system_get_n_steps (system);

  self->text[IKOU_TABLE_ID] = g_strdup_printf ("%u", ikou_system_get_id (system));
  set_text (self, IKOU_TABLE_NAME, ikou_system_get_name (system));
  set_text (self, IKOU_TABLE_DEPARTMENT, ikou_system_get_department (system));
  set_text (self, IKOU_TABLE_VENDOR, ikou_system_get_vendor (system));
  operation = ikou_system_get_operation (system);
  if (operation != NULL)
    {
      const IkouOperation *op = self->schedule
                                ? ikou_schedule_lookup_operation (self->schedule, operation)
                                : NULL;

      set_text (self, IKOU_TABLE_OPERATION, op ? op->name : operation);
    }
  host = lookup_host (self, ikou_system_get_host (system));
  if (host != NULL)
    {
      set_text (self, IKOU_TABLE_HOST, ikou_host_get_name (host));
      set_text (self, IKOU_TABLE_HOST_KIND, host_kind_labels[ikou_host_get_kind (host)]);
      set_day (self, IKOU_TABLE_HOST_UNTIL, ikou_host_get_available_until (host));
      set_amount (self, IKOU_TABLE_HOST_COST, ikou_host_get_annual_cost (host));
    }
  set_text (self, IKOU_TABLE_TOKUTEI, ikou_system_get_tokutei (system) ? "○" : NULL);
  set_day (self, IKOU_TABLE_TOKUTEI_DEADLINE, ikou_system_get_tokutei_deadline (system));
  set_text (self, IKOU_TABLE_TOKUTEI_REASON, ikou_system_get_tokutei_reason (system));
  if (ikou_system_get_tokutei_reason_kind (system) != IKOU_TOKUTEI_REASON_UNKNOWN)
    set_text (self, IKOU_TABLE_TOKUTEI_REASON_KIND,
              tokutei_reason_labels[ikou_system_get_tokutei_reason_kind (system)]);
  set_text (self, IKOU_TABLE_TRANSITIONAL, ikou_system_get_transitional (system) ? "○" : NULL);
  set_text (self, IKOU_TABLE_TRANSITIONAL_FUNCTIONS,
            ikou_system_get_transitional_functions (system));
  set_day (self, IKOU_TABLE_TRANSITIONAL_COMPLETION,
           ikou_system_get_transitional_completion (system));
  set_day (self, IKOU_TABLE_TRANSITIONAL_NOTIFIED, ikou_system_get_transitional_notified (system));
  set_text (self, IKOU_TABLE_STATUS, status_labels[ikou_system_get_status (system)]);
  set_text (self, IKOU_TABLE_NOTES, ikou_system_get_notes (system));
  set_amount (self, IKOU_TABLE_ANNUAL_COST, ikou_system_get_annual_cost (system));

  if (self->step < n_steps)
    fill_step (self, ikou_system_get_step (system, self->step));

  if (self->step + 1 < n_steps)
    self->step++;
  else
    {
      self->system++;
      self->step = 0;
    }
  return TRUE;
}

const char *
ikou_table_writer_get_text (IkouTableWriter *self,
                            IkouTableColumn  column)
{
  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, "");

  return self->text[column] != NULL ? self->text[column] : "";
}

IkouDay
ikou_table_writer_get_day (IkouTableWriter *self,
                           IkouTableColumn  column)
{
  g_return_val_if_fail (self != NULL, IKOU_DAY_NONE);
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, IKOU_DAY_NONE);

  return self->day[column];
}

gint64
ikou_table_writer_get_amount (IkouTableWriter *self,
                              IkouTableColumn  column)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail ((guint) column < IKOU_TABLE_N_COLUMNS, -1);
  return self->amount[column];
}
