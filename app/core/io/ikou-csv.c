/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ikou-atomic-file.h"
#include "ikou-csv.h"
#include "ikou-error.h"
#include "ikou-table.h"
#include "ikou-xml-util.h"

/* More cells than this in a row is not a plan table. */
#define MAX_CELLS 1024

static const char utf8_bom[] = "\xEF\xBB\xBF";

/* The 1-based line @offset is on, for messages about bytes. */
static guint
line_of (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* The text as UTF-8 (newly allocated, NUL-terminated, without a byte
 * order mark), or NULL with the error. */
static char *
decode (const char  *data,
        gsize        length,
        const char  *display_name,
        GError     **error)
{
  const char *end = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize read = 0, written = 0;
  char *text;

  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    {
      text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", &read, &written, &local_error);
      if (text == NULL)
        goto not_text;
      return text;
    }
  if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    {
      text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", &read, &written, &local_error);
      if (text == NULL)
        goto not_text;
      return text;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                   _("%s:%u: the file contains binary data, so it is not a CSV file."),
                   display_name, line_of (data, (const char *) memchr (data, '\0', length) - data));
      return NULL;
    }

  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    {
      /* A byte order mark says UTF-8: no guessing. */
      if (!g_utf8_validate_len (data + 3, length - 3, &end))
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                       _("%s:%u: the file says it is UTF-8 but is not (damaged or in "
                         "another encoding)."),
                       display_name, line_of (data, (gsize) (end - data)));
          return NULL;
        }
      return g_strndup (data + 3, length - 3);
    }

  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  /* What Excel on Japanese Windows saves. */
  text = g_convert (data, length, "UTF-8", "CP932", &read, &written, &local_error);
  if (text != NULL)
    return text;

not_text:
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
               _("%s:%u: the text is neither UTF-8 nor Shift_JIS (CP932); save the file "
                 "again as “CSV UTF-8” or “CSV”."),
               display_name, line_of (data, MIN (read, length)));
  return NULL;
}

typedef struct
{
  const char *p;
  const char *end;
  char        delimiter;
  guint       row;         /* of the record just read */
  GPtrArray  *cells;       /* char * */
} Parser;

/* Reads the next record into parser->cells.  FALSE at the end of the
 * text.  A quote left open is reported to @reader; the rest of the text
 * is then that cell. */
static gboolean
next_record (Parser          *parser,
             IkouTableReader *reader,
             gboolean        *too_wide)
{
  GString *cell = g_string_new (NULL);
  gboolean in_quotes = FALSE;
  gboolean quoted = FALSE;
  gboolean after_quote_reported = FALSE;
  const char *p = parser->p;

  g_ptr_array_set_size (parser->cells, 0);
  *too_wide = FALSE;
  if (p >= parser->end)
    {
      g_string_free (cell, TRUE);
      return FALSE;
    }
  parser->row++;

  while (p < parser->end)
    {
      char c = *p;

      if (in_quotes)
        {
          if (c == '"')
            {
              if (p + 1 < parser->end && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p += 2;
                  continue;
                }
              in_quotes = FALSE;
              p++;
              continue;
            }
          g_string_append_c (cell, c);
          p++;
          continue;
        }

      if (c == parser->delimiter || c == '\n' || c == '\r')
        {
          if (parser->cells->len < MAX_CELLS)
            g_ptr_array_add (parser->cells, g_strdup (cell->str));
          else
            *too_wide = TRUE;
          g_string_truncate (cell, 0);
          quoted = FALSE;
          p++;
          if (c == '\r' && p < parser->end && *p == '\n')
            p++;
          if (c != parser->delimiter)
            goto done;
          continue;
        }
      if (c == '"' && cell->len == 0 && !quoted)
        {
          in_quotes = quoted = TRUE;
          p++;
          continue;
        }
      if (quoted && !after_quote_reported && reader != NULL)
        {
          ikou_table_reader_add_problem (reader, parser->row, parser->cells->len + 1,
                                         _("text follows the closing quote of the cell; "
                                           "a quote inside a quoted cell is written twice (\"\")."));
          after_quote_reported = TRUE;
        }
      g_string_append_c (cell, c);
      p++;
    }

  /* The end of the text ends the last record. */
  if (in_quotes && reader != NULL)
    ikou_table_reader_add_problem (reader, parser->row, parser->cells->len + 1,
                                   _("a quoted cell is not closed: the file is incomplete or "
                                     "a quote is missing."));
  if (parser->cells->len < MAX_CELLS)
    g_ptr_array_add (parser->cells, g_strdup (cell->str));
  else
    *too_wide = TRUE;

done:
  parser->p = p;
  g_string_free (cell, TRUE);
  return TRUE;
}

/* Comma, or tab when the first line has tabs and no commas (Excel's
 * "Unicode text"). */
static char
guess_delimiter (const char *text)
{
  const char *eol = strpbrk (text, "\r\n");
  gsize len = eol ? (gsize) (eol - text) : strlen (text);

  if (memchr (text, '\t', len) != NULL && memchr (text, ',', len) == NULL)
    return '\t';
  return ',';
}

IkouPlan *
ikou_csv_read_data (const char    *data,
                    gsize          length,
                    const char    *display_name,
                    IkouSchedule  *schedule,
                    char        ***warnings,
                    GError       **error)
{
  g_autoptr(IkouTableReader) reader = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autofree char *text = NULL;
  Parser parser = { 0 };
  gboolean too_wide = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;
  if (length > IKOU_CSV_MAX_SIZE)
    {
      ikou_table_set_too_large (error, display_name, length, IKOU_CSV_MAX_SIZE);
      return NULL;
    }

  text = decode (data != NULL ? data : "", length, display_name, error);
  if (text == NULL)
    return NULL;

  cells = g_ptr_array_new_with_free_func (g_free);
  parser.p = text;
  parser.end = text + strlen (text);
  parser.delimiter = guess_delimiter (text);
  parser.cells = cells;

  if (!next_record (&parser, NULL, &too_wide) ||
      (cells->len == 1 && *(char *) cells->pdata[0] == '\0'))
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                   _("%s is empty: there is no header row."), display_name);
      return NULL;
    }
  if (too_wide)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("%s:1: the header row has more than %d columns, so this is not a plan "
                     "table."), display_name, MAX_CELLS);
      return NULL;
    }

  reader = ikou_table_reader_new (display_name, schedule);
  if (!ikou_table_reader_set_header (reader, 1, (const char **) cells->pdata, cells->len, error))
    return NULL;

  while (next_record (&parser, reader, &too_wide))
    {
      if (too_wide)
        {
          g_autofree char *message = g_strdup_printf (_("the row has more than %d cells."),
                                                      MAX_CELLS);

          ikou_table_reader_add_problem (reader, parser.row, 0, message);
        }
      ikou_table_reader_add_row (reader, parser.row, (const char **) cells->pdata, cells->len);
    }

  return ikou_table_reader_finish (reader, warnings, error);
}

static IkouPlan *
read_file_data (char          *data,
                gsize          length,
                const char    *display_name,
                IkouSchedule  *schedule,
                char        ***warnings,
                GError       **error)
{
  g_autofree char *owned = data;

  return ikou_csv_read_data (owned, length, display_name, schedule, warnings, error);
}

IkouPlan *
ikou_csv_read_file (const char    *path,
                    IkouSchedule  *schedule,
                    char        ***warnings,
                    GError       **error)
{
  return ikou_table_read_plan_file (path, IKOU_CSV_MAX_SIZE, read_file_data,
                                    schedule, warnings, error);
}

static void
append_cell (GString    *out,
             const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
ikou_csv_write_data (IkouPlan     *plan,
                     IkouSchedule *schedule,
                     gsize        *length)
{
  g_autoptr(IkouTableWriter) writer = NULL;
  GString *out;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);

  writer = ikou_table_writer_new (plan, schedule);
  out = g_string_sized_new (4096 + 400 * (gsize) ikou_plan_get_n_systems (plan));
  g_string_append (out, utf8_bom);
  for (int c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_cell (out, ikou_table_column_header ((IkouTableColumn) c));
    }
  g_string_append (out, "\r\n");

  while (ikou_table_writer_next (writer))
    {
      for (int c = 0; c < IKOU_TABLE_N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_cell (out, ikou_table_writer_get_text (writer, (IkouTableColumn) c));
        }
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
ikou_csv_write_file (IkouPlan      *plan,
                     IkouSchedule  *schedule,
                     const char    *path,
                     GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = ikou_csv_write_data (plan, schedule, &length);
  return ikou_atomic_file_set_contents (path, data, length, NULL, error);
}

gboolean
ikou_csv_sniff (const char *data,
                gsize       length)
{
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) cells = NULL;
  const char *eol;
  gsize len;
  guint known = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  eol = memchr (data, '\n', length);
  len = eol != NULL ? (gsize) (eol - data) : length;
  if (len == 0 || memchr (data, '\0', len) != NULL)
    return FALSE;
  line = g_strndup (data, len);
  if (g_utf8_validate (line, -1, NULL))
    text = g_steal_pointer (&line);
  else
    text = g_convert (line, -1, "UTF-8", "CP932", NULL, NULL, NULL);
  if (text == NULL)
    return FALSE;

  /* Two known columns: one ("name") could be anybody's table. */
  cells = g_strsplit_set (text, guess_delimiter (text) == '\t' ? "\t\r" : ",\r", -1);
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_strdelimit (cells[i], "\"", ' ');
      g_strstrip (cells[i]);
      if (ikou_table_column_lookup (cells[i]) >= 0 && ++known >= 2)
        return TRUE;
    }
  return FALSE;
}
