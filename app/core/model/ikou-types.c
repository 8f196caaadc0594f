/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

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

static const IkouName tokutei_reasons[IKOU_N_TOKUTEI_REASONS] = {
  { "unknown", N_("Not classified") },
  { "mainframe", N_("Mainframe") },
  { "custom-built", N_("Custom-built system") },
  { "no-product", N_("No standard product or replacement vendor") },
  { "vendor-capacity", N_("Vendor capacity shortage") },
  { "other", N_("Other reason") },
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
  }                                                                           \
  const char *prefix##_id_at (int index)                                      \
  {                                                                           \
    return prefix##_to_string ((Type) index);                                 \
  }

DEFINE_NAMES (ikou_host_kind, IkouHostKind, host_kinds, IKOU_N_HOST_KINDS)
DEFINE_NAMES (ikou_arrangement, IkouArrangement, arrangements, IKOU_N_ARRANGEMENTS)
DEFINE_NAMES (ikou_status, IkouStatus, statuses, IKOU_N_STATUSES)
DEFINE_NAMES (ikou_tokutei_reason, IkouTokuteiReason, tokutei_reasons, IKOU_N_TOKUTEI_REASONS)
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

/* Words in host names, folded as guess_key() folds, in the order they are
 * tried: a Government Cloud is a cloud too, and 統合サーバ（クラウド） a
 * cloud before it is 統合. */
static const struct
{
  const char   *word;
  IkouHostKind  kind;
} host_kind_words[] = {
  { "ガバメントクラウド", IKOU_HOST_GOV_CLOUD },
  { "ガバクラ", IKOU_HOST_GOV_CLOUD },
  { "governmentcloud", IKOU_HOST_GOV_CLOUD },
  { "govcloud", IKOU_HOST_GOV_CLOUD },
  { "クラウド", IKOU_HOST_SHARED_CLOUD },
  { "cloud", IKOU_HOST_SHARED_CLOUD },
  { "個別", IKOU_HOST_ONPREM_DEDICATED },
  { "専用", IKOU_HOST_ONPREM_DEDICATED },
  { "dedicated", IKOU_HOST_ONPREM_DEDICATED },
  { "統合", IKOU_HOST_ONPREM_SHARED },
  { "共用", IKOU_HOST_ONPREM_SHARED },
  { "共同", IKOU_HOST_ONPREM_SHARED },
  { "shared", IKOU_HOST_ONPREM_SHARED },
};

/* NFKC (half-width カナ and full-width Latin to the usual forms), case
 * folded, without white space, '-', '_' and '・'. */
static char *
guess_key (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = normal != NULL ? g_utf8_casefold (normal, -1) : NULL;
  GString *key;

  if (folded == NULL)
    return NULL;
  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-' && c != '_' && c != 0x30FB /* ・ */)
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

IkouHostKind
ikou_host_kind_guess (const char *name)
{
  g_autofree char *key = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return IKOU_HOST_OTHER;
  key = guess_key (name);
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (host_kind_words); i++)
    if (strstr (key, host_kind_words[i].word) != NULL)
      return host_kind_words[i].kind;
  return IKOU_HOST_OTHER;
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
