/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-calendar.h"
#include "ikou-types.h"

G_BEGIN_DECLS

#define IKOU_TYPE_FINDING (ikou_finding_get_type ())

/* Stable rule ids, as in DESIGN.md.  Tools rely on these strings. */
#define IKOU_RULE_DEADLINE_MISSED            "deadline.missed"
#define IKOU_RULE_DEADLINE_NO_PLAN           "deadline.no-plan"
#define IKOU_RULE_DEADLINE_AT_RISK           "deadline.at-risk"
#define IKOU_RULE_TOKUTEI_BEYOND_LIMIT       "tokutei.beyond-limit"
#define IKOU_RULE_TARGET_NOT_GOV_CLOUD       "target.not-gov-cloud"
#define IKOU_RULE_BUDGET_MISSING_REQUEST     "budget.missing-request"
#define IKOU_RULE_BUDGET_BEFORE_APPROPRIATION "budget.contract-before-appropriation"
#define IKOU_RULE_ORDER_CONTRACT_BEFORE_REQUEST "order.contract-before-request"
#define IKOU_RULE_ORDER_CUTOVER_BEFORE_CONTRACT "order.cutover-before-contract"
#define IKOU_RULE_HOST_NOT_READY             "host.not-ready"
#define IKOU_RULE_HOST_EXPIRES_FIRST         "host.expires-first"
#define IKOU_RULE_SPEC_BUILD_BEFORE_SPEC     "spec.build-before-spec"
#define IKOU_RULE_STATUS_OVERDUE             "status.overdue"
#define IKOU_RULE_SCENARIO_ORPHANED          "scenario.orphaned-edit"

/**
 * IkouFinding:
 *
 * One result of the checker.  @rule points to a static string (one of
 * the IKOU_RULE_* ids).  @step is the step index or -1 for the system
 * as a whole; @milestone is the milestone the finding is about, or -1.
 * The message is built on demand (ikou_finding_get_message()) so a
 * national check does not format 50,000 sentences nobody reads.
 */
struct _IkouFinding
{
  const char   *rule;
  IkouSeverity  severity;
  guint         system_id;
  int           step;
  int           milestone;   /* IkouMilestone, or -1 */
  IkouDay       date;        /* the date that breaks the rule; NONE if none */
  IkouDay       deadline;    /* the limit it breaks; NONE if none */
  char         *system_name;
  char         *detail;      /* host or operation name used by the message; may be NULL */
  char         *message;     /* cache, use ikou_finding_get_message() */
};

GType        ikou_finding_get_type    (void) G_GNUC_CONST;
IkouFinding *ikou_finding_copy        (const IkouFinding *finding);
void         ikou_finding_free        (IkouFinding       *finding);
/* A sentence in the user's language (gettext), cached.  Its dates are
 * written for a reader without a setting (the command line): ISO with
 * the era beside it in Japanese (2026-04-01 (R8.4.1)), ISO in English. */
const char  *ikou_finding_get_message (IkouFinding       *finding);
/* The same sentence with its dates in @labels (the window's and the
 * PDF's 西暦/和暦 setting); newly allocated, not cached. */
char        *ikou_finding_format_message (const IkouFinding *finding,
                                          IkouLabels         labels);

/* Every rule id the checker has (the IKOU_RULE_* strings), in the order
 * of the README's table; NULL-terminated. */
const char * const *ikou_rule_get_ids   (void);
/* A short title of @rule in the user's language (期限超過, "Deadline
 * missed"), for the findings panel, tooltips and the PDF; ids stay in
 * JSON and on the command line.  An unknown id is returned as it is. */
const char  *ikou_rule_get_title      (const char        *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouFinding, ikou_finding_free)

G_END_DECLS
