/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-mspdi-private.h"

/* MS Project XML: what the export (ikou-mspdi-writer.c) and the import
 * (ikou-mspdi-reader.c, ikou-mspdi-map.c) share — the custom fields,
 * the words of values, the deadlines — and sniffing. */

const FieldInfo mspdi_fields[N_FIELDS] = {
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
  [F_TOKUTEI_REASON_KIND] = { "188743999", "Text13", CF_TEXT, "特定移行支援の理由区分",
                              "Tokutei reason kind", NULL },
  [F_TRANSITIONAL] = { "188743755", "Flag4", CF_FLAG, "経過措置", "Transitional", NULL },
  [F_TRANSITIONAL_FUNCTIONS] = { "188744000", "Text14", CF_TEXT, "経過措置の機能",
                                 "Transitional functions", NULL },
  [F_TRANSITIONAL_COMPLETION] = { "188743946", "Date2", CF_DATE, "経過措置の完了予定",
                                  "Transitional completion", NULL },
  [F_TRANSITIONAL_NOTIFIED] = { "188743947", "Date3", CF_DATE, "経過措置の届出日",
                                "Transitional notified", NULL },
  [F_HOST_KIND] = { "205520904", "Text1", CF_TEXT, "種別", "Host kind", "移行先の種別" },
  [F_HOST_COST] = { "205521008", "Number1", CF_NUMBER, "年間経費（千円）",
                    "Annual cost (thousand yen)", "年間経費" },
};

const Words mspdi_status_words[IKOU_N_STATUSES] = {
  { "未着手", "Not started" },
  { "作業中", "In progress" },
  { "完了済み", "Done" },
  { "対象外", "Not in scope" },
};

const Words mspdi_tokutei_reason_words[IKOU_N_TOKUTEI_REASONS] = {
  { "未分類", "Not classified" },
  { "メインフレーム", "Mainframe" },
  { "個別開発システム", "Custom-built system" },
  { "標準準拠製品・移行先事業者なし", "No standard product or replacement vendor" },
  { "事業者のリソース逼迫", "Vendor capacity shortage" },
  { "その他", "Other reason" },
};

const Words mspdi_arrangement_words[IKOU_N_ARRANGEMENTS] = {
  { "通常", "Normal contract" },
  { "債務負担行為", "Debt burden act" },
  { "長期継続契約", "Long-term continuing contract" },
  { "準備行為", "Preparatory act" },
};

const Words mspdi_host_kind_words[IKOU_N_HOST_KINDS] = {
  { "電算室内統合SV", "On-premises shared server" },
  { "電算室内個別SV", "On-premises dedicated server" },
  { "統合サーバ（クラウド）", "Shared cloud server" },
  { "ガバメントクラウド", "Government Cloud" },
  { "その他", "Other" },
};


const char * const mspdi_milestone_names[IKOU_N_MILESTONES] = { "予算要求", "契約", "稼働" };

const IkouXmlErrorCodes mspdi_codes = {
  IKOU_ERROR_NOT_A_PLAN,
  IKOU_ERROR_CORRUPT,
  IKOU_ERROR_INVALID_INPUT,
  IKOU_ERROR_INVALID_INPUT,
};

IkouDay
mspdi_national_deadline (IkouSchedule *schedule)
{
  IkouDay day = schedule != NULL ? ikou_schedule_get_deadline (schedule) : IKOU_DAY_NONE;

  return day != IKOU_DAY_NONE ? day : ikou_fiscal_year_end (FALLBACK_DEADLINE_YEAR - 1);
}

/* The deadline the checker holds a system to: its approved 特定移行支援
 * deadline, else the national one for a standardized operation. */
IkouDay
mspdi_applicable_deadline (IkouSystem   *system,
                           IkouSchedule *schedule)
{
  const char *operation = ikou_system_get_operation (system);

  if (ikou_system_get_tokutei (system) &&
      ikou_system_get_tokutei_deadline (system) != IKOU_DAY_NONE)
    return ikou_system_get_tokutei_deadline (system);
  if (operation != NULL &&
      (schedule == NULL || ikou_schedule_lookup_operation (schedule, operation) != NULL))
    return mspdi_national_deadline (schedule);
  return IKOU_DAY_NONE;
}

gboolean
mspdi_is_project (xmlNode *root)
{
  return ikou_xml_is_element (root, "Project") &&
         (root->ns == NULL ||
          (root->ns->href != NULL && g_str_has_prefix ((const char *) root->ns->href, MSPDI_NS)));
}

static gboolean
sniff_stream (IkouXmlStream *stream)
{
  xmlNode *root = NULL;
  int depth;

  if (stream == NULL || !ikou_xml_stream_next_element (stream, &root, &depth, NULL) ||
      root == NULL)
    return FALSE;
  return mspdi_is_project (root);
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
