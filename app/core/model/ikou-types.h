/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IkouDay:
 *
 * A calendar day as a Julian day number in GDate's counting
 * (0001-01-01 is day 1).  Whole days only, no time zone.
 * %IKOU_DAY_NONE (0) means "no date".
 */
typedef gint32 IkouDay;
#define IKOU_DAY_NONE 0

typedef struct _IkouHost     IkouHost;
typedef struct _IkouSystem   IkouSystem;
typedef struct _IkouPlan     IkouPlan;
typedef struct _IkouScenario IkouScenario;
typedef struct _IkouSchedule IkouSchedule;
typedef struct _IkouStep     IkouStep;
typedef struct _IkouFinding  IkouFinding;

typedef enum
{
  IKOU_HOST_ONPREM_SHARED,
  IKOU_HOST_ONPREM_DEDICATED,
  IKOU_HOST_SHARED_CLOUD,
  IKOU_HOST_GOV_CLOUD,
  IKOU_HOST_OTHER,
  IKOU_N_HOST_KINDS
} IkouHostKind;

typedef enum
{
  IKOU_ARRANGEMENT_NORMAL,
  IKOU_ARRANGEMENT_DEBT_BURDEN,  /* 債務負担行為 */
  IKOU_ARRANGEMENT_LONG_TERM,    /* 長期継続契約 */
  IKOU_ARRANGEMENT_PREPARATORY,  /* 準備行為 */
  IKOU_N_ARRANGEMENTS
} IkouArrangement;

/* The statuses 総務省 uses for progress reporting. */
typedef enum
{
  IKOU_STATUS_NOT_STARTED,  /* 未着手 */
  IKOU_STATUS_IN_PROGRESS,  /* 作業中 */
  IKOU_STATUS_DONE,         /* 完了済み */
  IKOU_STATUS_NOT_IN_SCOPE, /* 対象外 */
  IKOU_N_STATUSES
} IkouStatus;

/* Why a system is 特定移行支援, as the Digital Agency classifies the
 * reasons (shared/domain facts: mainframe, custom-built, no standard
 * product or replacement vendor, vendor capacity shortage). */
typedef enum
{
  IKOU_TOKUTEI_REASON_UNKNOWN,         /* not classified yet */
  IKOU_TOKUTEI_REASON_MAINFRAME,       /* メインフレーム */
  IKOU_TOKUTEI_REASON_CUSTOM_BUILT,    /* 個別開発（スクラッチ） */
  IKOU_TOKUTEI_REASON_NO_PRODUCT,      /* 標準準拠製品・移行先ベンダーがない */
  IKOU_TOKUTEI_REASON_VENDOR_CAPACITY, /* ベンダーのリソース逼迫 */
  IKOU_TOKUTEI_REASON_OTHER,
  IKOU_N_TOKUTEI_REASONS
} IkouTokuteiReason;

typedef enum
{
  IKOU_MILESTONE_BUDGET,
  IKOU_MILESTONE_CONTRACT,
  IKOU_MILESTONE_CUTOVER,
  IKOU_N_MILESTONES
} IkouMilestone;

#define IKOU_MILESTONE_FLAG(m) (1u << (m))

typedef enum
{
  IKOU_SEVERITY_ERROR,
  IKOU_SEVERITY_WARNING,
  IKOU_SEVERITY_INFO,
  IKOU_N_SEVERITIES
} IkouSeverity;

/* Stable identifiers used in files (XML, SQLite, JSON).  Never translated. */
const char   *ikou_host_kind_to_string     (IkouHostKind    kind);
gboolean      ikou_host_kind_from_string   (const char     *str,
                                            IkouHostKind   *kind);
const char   *ikou_host_kind_label         (IkouHostKind    kind);
const char   *ikou_arrangement_to_string   (IkouArrangement arrangement);
gboolean      ikou_arrangement_from_string (const char     *str,
                                            IkouArrangement *arrangement);
const char   *ikou_arrangement_label       (IkouArrangement arrangement);
const char   *ikou_status_to_string        (IkouStatus      status);
gboolean      ikou_status_from_string      (const char     *str,
                                            IkouStatus     *status);
const char   *ikou_status_label            (IkouStatus      status);
const char   *ikou_tokutei_reason_to_string   (IkouTokuteiReason  reason);
gboolean      ikou_tokutei_reason_from_string (const char        *str,
                                               IkouTokuteiReason *reason);
const char   *ikou_tokutei_reason_label      (IkouTokuteiReason  reason);
const char   *ikou_milestone_to_string     (IkouMilestone   milestone);
gboolean      ikou_milestone_from_string   (const char     *str,
                                            IkouMilestone  *milestone);
const char   *ikou_milestone_label         (IkouMilestone   milestone);
/* The same ids by index (0 … N − 1), for code that matches words against
 * several enumerations through one function pointer (the readers of
 * tables and MS Project files). */
const char   *ikou_host_kind_id_at         (int             index);
const char   *ikou_arrangement_id_at       (int             index);
const char   *ikou_status_id_at            (int             index);
const char   *ikou_tokutei_reason_id_at    (int             index);
const char   *ikou_milestone_id_at         (int             index);
const char   *ikou_severity_to_string      (IkouSeverity    severity);
const char   *ikou_severity_label          (IkouSeverity    severity);
/* "53 errors", "1 warning", "2 notes" (エラー 53 件) with the language's
 * plural forms; newly allocated. */
char         *ikou_severity_count_label    (IkouSeverity    severity,
                                            guint           count);

/* The kind a host probably is, from its name alone, for a host a file
 * names without a kind.  In this order: ガバメントクラウド, ガバクラ,
 * Government Cloud, GovCloud → IKOU_HOST_GOV_CLOUD; any other クラウド or
 * cloud (統合サーバ（クラウド）) → IKOU_HOST_SHARED_CLOUD; 個別, 専用,
 * dedicated → IKOU_HOST_ONPREM_DEDICATED; 統合, 共用, 共同, shared →
 * IKOU_HOST_ONPREM_SHARED; anything else (AWS, NULL) → IKOU_HOST_OTHER.
 * Full-width or half-width forms, case, spaces, '-', '_' and '・' do not
 * matter. */
IkouHostKind  ikou_host_kind_guess         (const char     *name);

/* Whether the interface speaks Japanese: the first of
 * g_get_language_names() (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) is "ja"
 * or a Japanese locale (ja_JP.UTF-8).  Data that comes in both languages
 * (the schedule's operation and phase names) is shown in Japanese then,
 * else in English.  Read each time: it follows the environment. */
gboolean      ikou_locale_is_japanese      (void);

G_END_DECLS
