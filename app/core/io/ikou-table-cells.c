/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-table-private.h"

/* A cell's text without the spaces (ASCII or U+3000) around it. */
char *
table_strip_cell (const char *text)
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
char *
table_shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  glong len;

  g_strdelimit (valid, "\r\n\t", ' ');
  len = g_utf8_strlen (valid, -1);
  if (len > 40)
    return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (valid, 40) - valid), valid);
  return g_steal_pointer (&valid);
}

static gboolean
key_matches (const char *key,
             const char *name)
{
  g_autofree char *other = table_fold_key (name);

  return other != NULL && g_str_equal (key, other);
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

static void
add_operation_key (GHashTable *table,
                   const char *text,
                   const char *id)
{
  char *key;

  if (text == NULL)
    return;
  key = table_fold_key (text);
  if (key == NULL || *key == '\0' || g_hash_table_contains (table, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (table, key, (gpointer) id);
}

/* Every form an operation goes by: its id, its names, and for
 * 「住民基本台帳（住民記録）」 also 住民基本台帳 and 住民記録. */
void
table_index_operations (IkouTableReader *self)
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

/* The current row's cell of @column, stripped ("" when absent). */
char *
table_cell (IkouTableReader *self,
            IkouTableColumn  column)
{
  int index = self->index_of[column];

  if (index < 0 || (guint) index >= self->n_row_cells || self->cells[index] == NULL)
    return g_strdup ("");
  return table_strip_cell (self->cells[index]);
}

gboolean
table_parse_flag (IkouTableReader *self,
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
  key = table_fold_key (text);
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
    g_autofree char *shown = table_shown_text (text);

    table_problem (self, column,
                   _("“%s” is neither yes (○, 1, はい, yes) nor no (empty, ×, 0, いいえ, no)."),
                   shown);
  }
  return FALSE;
}

gboolean
table_parse_day (IkouTableReader *self,
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
  table_problem (self, column, "%s", error->message);
  return FALSE;
}

gboolean
table_parse_amount (IkouTableReader *self,
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
    g_autofree char *shown = table_shown_text (text);

    table_problem (self, column,
                   _("“%s” is not an amount in thousand yen (a whole number such as 12,000)."),
                   shown);
  }
  return FALSE;
}

gboolean
table_parse_choice (IkouTableReader    *self,
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
  key = table_fold_key (text);
  found = key != NULL ? lookup_label (key, labels, labels_en, to_string, n) : -1;
  if (found >= 0)
    {
      *out = found;
      return TRUE;
    }

  for (int i = 0; i < n; i++)
    g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", labels[i]);
  shown = table_shown_text (text);
  /* Translators: the second %s lists the values allowed */
  table_problem (self, column, _("“%s” is not one of %s."), shown, allowed->str);
  return FALSE;
}

gboolean
table_parse_host_kind (IkouTableReader *self,
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
    if (g_str_equal (text, table_host_kind_labels[i]))
      {
        *out = i;
        return TRUE;
      }
  /* Besides the labels, words planners use for the kinds. */
  key = table_fold_key (text);
  if (key != NULL && (strstr (key, "ガバメントクラウド") || strstr (key, "ガバクラ")))
    {
      *out = IKOU_HOST_GOV_CLOUD;
      return TRUE;
    }
  return table_parse_choice (self, column, text, table_host_kind_labels,
                             table_host_kind_labels_en, ikou_host_kind_id_at, IKOU_N_HOST_KINDS,
                             out);
}

gboolean
table_parse_done (IkouTableReader *self,
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
        if (g_str_equal (parts[i], table_milestone_labels[m]))
          break;
      if (m < IKOU_N_MILESTONES)
        {
          *out |= IKOU_MILESTONE_FLAG (m);
          continue;
        }
      key = table_fold_key (parts[i]);
      m = key != NULL ? lookup_label (key, table_milestone_labels, table_milestone_labels_en,
                                      ikou_milestone_id_at, IKOU_N_MILESTONES) : -1;
      for (int s = 0; m < 0 && key != NULL && s < IKOU_N_MILESTONES; s++)
        if (key_matches (key, short_forms[s]))
          m = s;
      if (m < 0 && key != NULL && key_matches (key, "構築"))
        m = IKOU_MILESTONE_CONTRACT;
      if (m < 0)
        {
          g_autofree char *shown = table_shown_text (parts[i]);

          table_problem (self, column, _("“%s” is not a milestone (予算要求, 契約・構築, 稼働)."),
                         shown);
          return FALSE;
        }
      *out |= IKOU_MILESTONE_FLAG (m);
    }
  return TRUE;
}

gboolean
table_parse_operation (IkouTableReader *self,
                       const char      *text,
                       char           **out)
{
  g_autofree char *key = NULL;
  const char *id;

  *out = NULL;
  if (*text == '\0')
    return TRUE;
  key = table_fold_key (text);
  id = key != NULL ? g_hash_table_lookup (self->operations, key) : NULL;
  if (id != NULL)
    {
      *out = g_strdup (id);
      return TRUE;
    }
  {
    g_autofree char *shown = table_shown_text (text);

    table_problem (self, IKOU_TABLE_OPERATION,
                   _("“%s” is not one of the standardized operations of the national schedule "
                     "(leave it empty for a system outside them)."), shown);
  }
  return FALSE;
}
