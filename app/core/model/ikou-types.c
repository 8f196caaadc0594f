/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-types.h"

typedef struct
{
  const char *id;
  const char *label; /* N_() marked, translated on use */
} IkouName;

static const IkouName host_kinds[IKOU_N_HOST_KINDS] = {
  { "onprem-shared", N_("On-premises shared server") },
  { "onprem-dedicated", N_("On-premises dedicated server") },
  { "shared-cloud", N_("Shared cloud server") },
  { "gov-cloud", N_("Government Cloud") },
  { "other", N_("Other") },
};

static const IkouName arrangements[IKOU_N_ARRANGEMENTS] = {
  { "normal", N_("Normal contract") },
  { "debt-burden", N_("Debt burden act") },
  { "long-term", N_("Long-term continuing contract") },
  { "preparatory", N_("Preparatory act") },
};

static const IkouName statuses[IKOU_N_STATUSES] = {
  { "not-started", N_("Not started") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
  { "not-in-scope", N_("Not in scope") },
};

static const IkouName milestones[IKOU_N_MILESTONES] = {
  { "budget", N_("Budget request") },
  { "contract", N_("Contract and build") },
  { "cutover", N_("Cut-over") },
};

static const IkouName severities[IKOU_N_SEVERITIES] = {
  { "error", N_("Error") },
  { "warning", N_("Warning") },
  { "info", N_("Information") },
};

static gboolean
lookup_name (const IkouName *names,
             guint           n_names,
             const char     *str,
             int            *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i].id, str))
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_NAMES(prefix, Type, table, N)                                  \
  const char *prefix##_to_string (Type value)                                 \
  {                                                                           \
    g_return_val_if_fail ((guint) value < N, NULL);                           \
    return table[value].id;                                                   \
  }                                                                           \
  gboolean prefix##_from_string (const char *str, Type *value)                \
  {                                                                           \
    int v;                                                                    \
    if (!lookup_name (table, N, str, &v))                                     \
      return FALSE;                                                           \
    *value = (Type) v;                                                        \
    return TRUE;                                                              \
  }                                                                           \
  const char *prefix##_label (Type value)                                     \
  {                                                                           \
    g_return_val_if_fail ((guint) value < N, NULL);                           \
    return _(table[value].label);                                             \
  }

DEFINE_NAMES (ikou_host_kind, IkouHostKind, host_kinds, IKOU_N_HOST_KINDS)
DEFINE_NAMES (ikou_arrangement, IkouArrangement, arrangements, IKOU_N_ARRANGEMENTS)
DEFINE_NAMES (ikou_status, IkouStatus, statuses, IKOU_N_STATUSES)
DEFINE_NAMES (ikou_milestone, IkouMilestone, milestones, IKOU_N_MILESTONES)

const char *
ikou_severity_to_string (IkouSeverity severity)
{
  g_return_val_if_fail ((guint) severity < IKOU_N_SEVERITIES, NULL);
  return severities[severity].id;
}

const char *
ikou_severity_label (IkouSeverity severity)
{
  g_return_val_if_fail ((guint) severity < IKOU_N_SEVERITIES, NULL);
  return _(severities[severity].label);
}

char *
ikou_severity_count_label (IkouSeverity severity,
                           guint        count)
{
  g_return_val_if_fail ((guint) severity < IKOU_N_SEVERITIES, NULL);

  switch (severity)
    {
    case IKOU_SEVERITY_ERROR:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", count),
                              count);
    case IKOU_SEVERITY_WARNING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", count),
                              count);
    case IKOU_SEVERITY_INFO:
    case IKOU_N_SEVERITIES:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", count),
                              count);
    }
}

gboolean
ikou_locale_is_japanese (void)
{
  const char * const *languages = g_get_language_names ();
  const char *first = languages[0];

  /* "ja", "ja_JP", "ja_JP.UTF-8", "ja@…", not "jam" (an ISO 639-3 code). */
  return first != NULL && g_str_has_prefix (first, "ja")
         && (first[2] == '\0' || first[2] == '_' || first[2] == '.' || first[2] == '@');
}
