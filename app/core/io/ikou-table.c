/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-error.h"
#include "ikou-table-private.h"
#include "ikou-xml-util.h"

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
const char * const table_host_kind_labels[IKOU_N_HOST_KINDS] = {
  "電算室内統合SV", "電算室内個別SV", "統合サーバ（クラウド）", "ガバメントクラウド", "その他",
};
const char * const table_host_kind_labels_en[IKOU_N_HOST_KINDS] = {
  "On-premises shared server", "On-premises dedicated server", "Shared cloud server",
  "Government Cloud", "Other",
};
const char * const table_status_labels[IKOU_N_STATUSES] = {
  "未着手", "作業中", "完了済み", "対象外",
};
const char * const table_status_labels_en[IKOU_N_STATUSES] = {
  "Not started", "In progress", "Done", "Not in scope",
};
const char * const table_arrangement_labels[IKOU_N_ARRANGEMENTS] = {
  "通常の契約", "債務負担行為", "長期継続契約", "準備行為",
};
const char * const table_arrangement_labels_en[IKOU_N_ARRANGEMENTS] = {
  "Normal contract", "Debt burden act", "Long-term continuing contract", "Preparatory act",
};
/* The 特定移行支援 reasons as the Digital Agency classifies them. */
const char * const table_tokutei_reason_labels[IKOU_N_TOKUTEI_REASONS] = {
  "未分類", "メインフレーム", "個別開発システム", "標準準拠製品・移行先事業者なし",
  "事業者のリソース逼迫", "その他",
};
const char * const table_tokutei_reason_labels_en[IKOU_N_TOKUTEI_REASONS] = {
  "Not classified", "Mainframe", "Custom-built system",
  "No standard product or replacement vendor", "Vendor capacity shortage", "Other reason",
};
const char * const table_milestone_labels[IKOU_N_MILESTONES] = {
  "予算要求", "契約・構築", "稼働",
};
const char * const table_milestone_labels_en[IKOU_N_MILESTONES] = {
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
char *
table_fold_key (const char *text)
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

static void
add_header_key (GHashTable *table,
                const char *name,
                int         column)
{
  char *key = table_fold_key (name);

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

  key = table_fold_key (header);
  if (key == NULL || *key == '\0')
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (header_table (), key)) - 1;
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

IkouPlan *
ikou_table_read_plan_file (const char           *path,
                           gsize                 max_size,
                           IkouTableDataReader   read_data,
                           IkouSchedule         *schedule,
                           char               ***warnings,
                           GError              **error)
{
  g_autofree char *name = NULL;
  char *data = NULL;
  gsize length;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;
  name = g_filename_display_name (path);
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_size)
    {
      ikou_table_set_too_large (error, name, (guint64) st.st_size, max_size);
      return NULL;
    }
  if (!ikou_xml_read_file_contents (path, &data, &length, error))
    return NULL;
  return read_data (data, length, name, schedule, warnings, error);
}
