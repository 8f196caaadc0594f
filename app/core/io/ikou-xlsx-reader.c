/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <zip.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-table.h"
#include "ikou-xlsx-private.h"
#include "ikou-xml-util.h"

/* Columns past this are not read (a plan table has 26). */
#define MAX_COLUMNS 1024

static const IkouXmlErrorCodes xlsx_codes = {
  .not_xml = IKOU_ERROR_CORRUPT,
  .malformed = IKOU_ERROR_CORRUPT,
  .forbidden = IKOU_ERROR_CORRUPT,
  .invalid = IKOU_ERROR_CORRUPT,
};

typedef struct
{
  zip_t           *zip;
  const char      *display_name;
  gsize            total;      /* bytes unpacked so far */
  GPtrArray       *strings;    /* shared strings */
  gboolean         date1904;
  IkouTableReader *table;
  /* The row being read: the text of each column (reused from row to
   * row, so that a cell costs no allocation), n_cells of them set. */
  GPtrArray       *row_text;   /* of GString */
  guint            n_cells;
  GString         *value;
  GString         *scratch;    /* an attribute put together */
  GString         *scratch_v;  /* a value put together */
} Book;

static void
set_corrupt (GError    **error,
             const char *display_name,
             const char *part,
             const char *reason)
{
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_CORRUPT,
               _("%s is not a readable Excel workbook (%s: %s)."), display_name, part, reason);
}

/* The unpacked part @name, NULL (no error) when it is not there. */
static char *
read_part (Book        *book,
           const char  *name,
           gsize       *length,
           GError     **error)
{
  zip_stat_t st;
  zip_file_t *file;
  zip_int64_t index;
  char *data;
  gsize size, length_read = 0;

  index = zip_name_locate (book->zip, name, ZIP_FL_NOCASE);
  if (index < 0)
    return NULL;
  zip_stat_init (&st);
  if (zip_stat_index (book->zip, (zip_uint64_t) index, 0, &st) == 0 &&
      (st.valid & ZIP_STAT_SIZE) && st.size > IKOU_XLSX_MAX_ENTRY_SIZE)
    goto too_big;

  file = zip_fopen_index (book->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    {
      set_corrupt (error, book->display_name, name, zip_strerror (book->zip));
      return NULL;
    }
  /* The size the zip claims (checked above) saves the copies of growing;
   * what really comes out is counted below.  Unpacked straight into the
   * buffer, one byte kept for the final NUL. */
  size = ((st.valid & ZIP_STAT_SIZE) ? (gsize) st.size : 0) + 1;
  data = g_malloc (size);
  for (;;)
    {
      zip_int64_t got;

      if (size - length_read < 2)
        {
          size += MAX (size / 2, 65536);
          data = g_realloc (data, size);
        }
      got = zip_fread (file, data + length_read, MIN (size - length_read - 1, 1 << 20));
      if (got < 0)
        {
          set_corrupt (error, book->display_name, name, zip_file_strerror (file));
          zip_fclose (file);
          g_free (data);
          return NULL;
        }
      if (got == 0)
        break;
      /* The sizes in the zip may lie: count what comes out. */
      if (length_read + (gsize) got > IKOU_XLSX_MAX_ENTRY_SIZE ||
          book->total + (gsize) got > 2 * (gsize) IKOU_XLSX_MAX_ENTRY_SIZE)
        {
          zip_fclose (file);
          g_free (data);
          goto too_big;
        }
      length_read += (gsize) got;
      book->total += (gsize) got;
    }
  zip_fclose (file);
  *length = length_read;
  data[length_read] = '\0';
  return data;

too_big:
  g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
               _("%s unpacks to more than %d MB (%s), so it is not read: it may be a "
                 "zip bomb."), book->display_name, IKOU_XLSX_MAX_ENTRY_SIZE / (1024 * 1024), name);
  return NULL;
}

static char *
read_required_part (Book        *book,
                    const char  *name,
                    gsize       *length,
                    GError     **error)
{
  char *data = read_part (book, name, length, error);

  if (data == NULL && (error == NULL || *error == NULL))
    set_corrupt (error, book->display_name, name, _("the part is missing"));
  return data;
}

static IkouXmlStream *
part_stream (Book       *book,
             const char *name,
             const char *data,
             gsize       length)
{
  g_autofree char *display = g_strdup_printf ("%s (%s)", book->display_name, name);

  return ikou_xml_stream_new_for_data (data, length, display, &xlsx_codes, NULL);
}

/* A part being read: its unpacked text and the stream that reads it in
 * place, so the two go together. */
typedef struct
{
  char          *data;
  IkouXmlStream *stream;
} Part;

static void
part_clear (Part *part)
{
  g_clear_pointer (&part->stream, ikou_xml_stream_free);
  g_clear_pointer (&part->data, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Part, part_clear)

/* Unpacks the part @name (read_part(), or read_required_part() when
 * @required) and opens a stream on it; FALSE when there is none. */
static gboolean
part_open (Book        *book,
           const char  *name,
           gboolean     required,
           Part        *part,
           GError     **error)
{
  gsize length = 0;

  if (required)
    part->data = read_required_part (book, name, &length, error);
  else
    part->data = read_part (book, name, &length, error);
  if (part->data == NULL)
    return FALSE;
  part->stream = part_stream (book, name, part->data, length);
  return TRUE;
}

/* The next element of the part, or NULL at its end. */
static gboolean
part_next (Part     *part,
           xmlNode **node,
           GError  **error)
{
  return ikou_xml_stream_next_element (part->stream, node, NULL, error);
}

/* The target of the relationship @id (or of type ending in @type_suffix
 * when @id is NULL) in the .rels part @rels_name, resolved against
 * @base ("xl/"); NULL when there is none. */
static char *
find_relationship (Book        *book,
                   const char  *rels_name,
                   const char  *base,
                   const char  *id,
                   const char  *type_suffix,
                   GError     **error)
{
  g_auto(Part) part = { NULL, };
  xmlNode *node;

  if (!part_open (book, rels_name, FALSE, &part, error))
    return NULL;
  while (part_next (&part, &node, error) && node != NULL)
    {
      g_autofree char *rid = NULL;
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;

      if (!ikou_xml_is_element (node, "Relationship"))
        continue;
      rid = ikou_xml_get_attr (node, "Id");
      type = ikou_xml_get_attr (node, "Type");
      target = ikou_xml_get_attr (node, "Target");
      if (target == NULL)
        continue;
      if ((id != NULL && rid != NULL && g_str_equal (rid, id)) ||
          (id == NULL && type != NULL && g_str_has_suffix (type, type_suffix)))
        {
          if (target[0] == '/')
            return g_strdup (target + 1);
          return g_strconcat (base, target, NULL);
        }
    }
  return NULL;
}

/* The text below @node (as xmlNodeGetContent() gives it), appended to
 * @out without copies in between. */
static void
append_text (xmlNode *node,
             GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
          child->content != NULL)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        append_text (child, out);
    }
}

/* The value of the attribute @name (without namespace) of @node, NULL
 * when it has none.  Read in place; only a value of several pieces is
 * put together, in @scratch. */
static const char *
attr_value (xmlNode    *node,
            const char *name,
            GString    *scratch)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlNode *text = attr->children;
      xmlChar *value;

      if (attr->ns != NULL || strcmp ((const char *) attr->name, name) != 0)
        continue;
      if (text == NULL)
        return "";
      if (text->next == NULL && text->type == XML_TEXT_NODE && text->content != NULL)
        return (const char *) text->content;
      value = xmlNodeListGetString (node->doc, text, 1);
      g_string_assign (scratch, value != NULL ? (const char *) value : "");
      xmlFree (value);
      return scratch->str;
    }
  return NULL;
}

/* The text of a string item (<si> or <is>): its <t> elements, without
 * the phonetic readings (<rPh>) Japanese Excel adds. */
static void
append_item_text (xmlNode *node,
                  GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || ikou_xml_is_element (child, "rPh"))
        continue;
      if (ikou_xml_is_element (child, "t"))
        append_text (child, out);
      else
        append_item_text (child, out);
    }
}

static gboolean
read_shared_strings (Book        *book,
                     const char  *name,
                     GError     **error)
{
  g_auto(Part) part = { NULL, };
  xmlNode *node;

  if (!part_open (book, name, FALSE, &part, error))
    return error == NULL || *error == NULL; /* a workbook without strings */
  while (part_next (&part, &node, error))
    {
      GString *text;

      if (node == NULL)
        return TRUE;
      if (!ikou_xml_is_element (node, "si"))
        continue;
      node = ikou_xml_stream_expand (part.stream, error);
      if (node == NULL)
        return FALSE;
      text = g_string_new (NULL);
      append_item_text (node, text);
      g_ptr_array_add (book->strings, g_string_free (text, FALSE));
      if (!ikou_xml_stream_skip (part.stream, error))
        return FALSE;
    }
  return FALSE;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* "AB12" → column 27 (0-based), row 12; FALSE when it is not a reference. */
static gboolean
parse_ref (const char *ref,
           guint      *col,
           guint      *row)
{
  guint c = 0, r = 0;
  const char *p = ref;

  while (g_ascii_isalpha (*p) && p - ref < 3)
    c = c * 26 + (guint) (g_ascii_toupper (*p++) - 'A' + 1);
  if (c == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) && r < 10000000)
    r = r * 10 + (guint) (*p++ - '0');
  if (*p != '\0' || r == 0)
    return FALSE;
  *col = c - 1;
  *row = r;
  return TRUE;
}

/* An Excel date serial as an ISO date appended to @out; FALSE when out
 * of range. */
static gboolean
serial_to_iso (const char *text,
               gboolean    date1904,
               GString    *out)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  gint64 serial;
  IkouDay day;

  if (end == text || *end != '\0' || !(value >= 1 && value < 2958466))
    return FALSE;
  serial = (gint64) value;
  if (date1904)
    day = ikou_day_from_ymd (1904, 1, 1) + (IkouDay) serial;
  else if (serial == 60)
    return FALSE; /* 1900-02-29, which Excel counts and which never was */
  else if (serial < 60)
    day = ikou_day_from_ymd (1899, 12, 31) + (IkouDay) serial;
  else
    day = ikou_day_from_ymd (1899, 12, 30) + (IkouDay) serial;
  if (!ikou_day_is_valid (day))
    return FALSE;
  {
    g_autofree char *iso = ikou_day_format_iso (day);

    g_string_append (out, iso);
  }
  return TRUE;
}

/* A number as a spreadsheet shows it (12000 rather than 12000.0),
 * appended to @out. */
static void
append_number_text (const char *text,
                    GString    *out)
{
  const char *p = text + (*text == '-');
  char *end = NULL;
  double value;

  /* Nearly every number: a whole one, already as it is shown. */
  if (*p >= '1' && *p <= '9')
    {
      const char *q = p;

      while (*q >= '0' && *q <= '9')
        q++;
      if (*q == '\0' && q - p <= 15)
        {
          g_string_append (out, text);
          return;
        }
    }
  value = g_ascii_strtod (text, &end);
  /* In range before the cast: converting a double out of gint64's range
   * is undefined behaviour (a cell may say 1e96). */
  if (end != text && *end == '\0' && value > -1e15 && value < 1e15 &&
      value == (double) (gint64) value)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
  else
    g_string_append (out, text);
}

/* The text of the cell @c into @out (empty); FALSE when the cell gives
 * none. */
static gboolean
cell_value (Book    *book,
            xmlNode *c,
            guint    row,
            guint    col,
            GString *out)
{
  const char *type = attr_value (c, "t", book->scratch);
  xmlNode *v_node;
  const char *v;
  int column;

  if (type != NULL && strcmp (type, "inlineStr") == 0)
    {
      xmlNode *is = ikou_xml_first_child (c, "is");

      if (is != NULL)
        append_item_text (is, out);
      return TRUE;
    }
  v_node = ikou_xml_first_child (c, "v");
  if (v_node == NULL)
    return FALSE;
  /* The value in one piece (nearly always), else put together. */
  if (v_node->children != NULL && v_node->children->next == NULL &&
      v_node->children->type == XML_TEXT_NODE && v_node->children->content != NULL)
    v = (const char *) v_node->children->content;
  else
    {
      g_string_truncate (book->scratch_v, 0);
      append_text (v_node, book->scratch_v);
      v = book->scratch_v->str;
    }

  if (type != NULL && strcmp (type, "s") == 0)
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= book->strings->len)
        {
          ikou_table_reader_add_problem (book->table, row, col + 1,
                                         _("the cell refers to a text the workbook does not have."));
          return FALSE;
        }
      g_string_append (out, g_ptr_array_index (book->strings, index));
      return TRUE;
    }
  if (type != NULL && strcmp (type, "d") == 0)
    {
      g_string_append_len (out, v, (gssize) strnlen (v, 10));
      return TRUE;
    }
  if (type != NULL && (strcmp (type, "str") == 0 || strcmp (type, "e") == 0 ||
                       strcmp (type, "b") == 0))
    {
      g_string_append (out, v);
      return TRUE;
    }

  /* A number: a date serial in a date column. */
  column = ikou_table_reader_get_column (book->table, col);
  if (column >= 0 && ikou_table_column_kind ((IkouTableColumn) column) == IKOU_TABLE_VALUE_DATE)
    {
      if (!serial_to_iso (v, book->date1904, out))
        {
          g_autofree char *message = g_strdup_printf (_("%s is not a date Excel can show."), v);

          ikou_table_reader_add_problem (book->table, row, col + 1, message);
          return FALSE;
        }
      return TRUE;
    }
  append_number_text (v, out);
  return TRUE;
}

/* Sets the text of column @col of the row being read to @text (which
 * is taken in exchange for the one it had); the columns before it that
 * have no cell are empty. */
static void
set_cell (Book     *book,
          guint     col,
          GString **text)
{
  GString *old;

  while (book->row_text->len <= col)
    g_ptr_array_add (book->row_text, g_string_new (NULL));
  for (guint i = book->n_cells; i < col; i++)
    g_string_truncate (g_ptr_array_index (book->row_text, i), 0);
  old = g_ptr_array_index (book->row_text, col);
  book->row_text->pdata[col] = *text;
  *text = old;
  book->n_cells = MAX (book->n_cells, col + 1);
}

static void
flush_row (Book      *book,
           guint      row,
           gboolean  *have_header,
           GError   **error)
{
  const char *cells[MAX_COLUMNS];

  if (book->n_cells == 0 || row == 0)
    {
      book->n_cells = 0;
      return;
    }
  for (guint i = 0; i < book->n_cells; i++)
    cells[i] = ((GString *) g_ptr_array_index (book->row_text, i))->str;
  if (!*have_header)
    {
      if (ikou_table_reader_set_header (book->table, row, cells, book->n_cells, error))
        *have_header = TRUE;
    }
  else
    ikou_table_reader_add_row (book->table, row, cells, book->n_cells);
  book->n_cells = 0;
}

/* Reads the cell @c of the row @row into the row being read. */
static void
read_cell (Book     *book,
           xmlNode  *c,
           guint     row,
           guint    *next_col)
{
  const char *ref = attr_value (c, "r", book->scratch);
  guint col = *next_col, ref_row;

  if (ref != NULL && !parse_ref (ref, &col, &ref_row))
    col = *next_col;
  *next_col = col + 1;
  if (col >= MAX_COLUMNS)
    return;
  g_string_truncate (book->value, 0);
  if (cell_value (book, c, row, col, book->value))
    set_cell (book, col, &book->value);
}

static gboolean
read_sheet (Book        *book,
            const char  *name,
            GError     **error)
{
  g_auto(Part) part = { NULL, };
  gboolean have_header = FALSE;
  guint row = 0, next_col = 0;
  xmlNode *node;

  if (!part_open (book, name, TRUE, &part, error))
    return FALSE;
  /* The sheet is the last part read: the packed workbook can go. */
  g_clear_pointer (&book->zip, zip_discard);
  while (part_next (&part, &node, error))
    {
      if (node == NULL)
        {
          flush_row (book, row, &have_header, error);
          if (error != NULL && *error != NULL)
            return FALSE;
          if (!have_header)
            {
              g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                           _("%s: the sheet is empty: there is no header row."),
                           book->display_name);
              return FALSE;
            }
          return TRUE;
        }
      if (ikou_xml_is_element (node, "row"))
        {
          const char *r = attr_value (node, "r", book->scratch);
          guint64 number = 0;

          flush_row (book, row, &have_header, error);
          if (error != NULL && *error != NULL)
            return FALSE;
          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, 10000000, &number, NULL))
            row = (guint) number;
          else
            row++;
          next_col = 0;
          /* The whole row at once: a few steps of the stream per row
           * rather than per cell. */
          node = ikou_xml_stream_expand (part.stream, error);
          if (node == NULL)
            return FALSE;
          for (xmlNode *c = node->children; c != NULL; c = c->next)
            if (ikou_xml_is_element (c, "c"))
              read_cell (book, c, row, &next_col);
          if (!ikou_xml_stream_skip (part.stream, error))
            return FALSE;
        }
      else if (ikou_xml_is_element (node, "c"))
        {
          /* A cell outside a row, where a sloppy writer put it. */
          node = ikou_xml_stream_expand (part.stream, error);
          if (node == NULL)
            return FALSE;
          read_cell (book, node, row, &next_col);
          if (!ikou_xml_stream_skip (part.stream, error))
            return FALSE;
        }
    }
  return FALSE;
}

/* The path of the plan sheet: 計画 or Plan, else the first sheet. */
static char *
find_plan_sheet (Book        *book,
                 const char  *workbook_name,
                 GError     **error)
{
  g_auto(Part) part = { NULL, };
  g_autofree char *first_id = NULL;
  g_autofree char *plan_id = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *rels = NULL;
  g_autofree char *base = NULL;
  g_autofree char *strings = NULL;
  xmlNode *node;

  if (!part_open (book, workbook_name, TRUE, &part, error))
    return NULL;
  while (part_next (&part, &node, error) && node != NULL)
    {
      if (ikou_xml_is_element (node, "workbookPr"))
        {
          g_autofree char *d1904 = ikou_xml_get_attr (node, "date1904");

          book->date1904 = d1904 != NULL && (g_str_equal (d1904, "1") || g_str_equal (d1904, "true"));
        }
      else if (ikou_xml_is_element (node, "sheet"))
        {
          g_autofree char *name = ikou_xml_get_attr (node, "name");
          xmlChar *rid = xmlGetNsProp (node, BAD_CAST "id",
                                       BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");

          if (rid == NULL)
            continue;
          if (first_id == NULL)
            first_id = g_strdup ((const char *) rid);
          if (plan_id == NULL && name != NULL &&
              (g_str_equal (name, PLAN_SHEET) || g_ascii_strcasecmp (name, "Plan") == 0))
            plan_id = g_strdup ((const char *) rid);
          xmlFree (rid);
        }
    }
  if (error != NULL && *error != NULL)
    return NULL;
  if (first_id == NULL)
    {
      set_corrupt (error, book->display_name, workbook_name, _("the workbook has no sheet"));
      return NULL;
    }

  dir = g_path_get_dirname (workbook_name);
  base = g_str_equal (dir, ".") ? g_strdup ("") : g_strconcat (dir, "/", NULL);
  {
    g_autofree char *file = g_path_get_basename (workbook_name);

    rels = g_strdup_printf ("%s_rels/%s.rels", base, file);
  }
  strings = find_relationship (book, rels, base, NULL, "/sharedStrings", error);
  if (error != NULL && *error != NULL)
    return NULL;
  if (!read_shared_strings (book, strings ? strings : "xl/sharedStrings.xml", error))
    return NULL;
  {
    char *sheet = find_relationship (book, rels, base, plan_id ? plan_id : first_id, NULL, error);

    if (sheet == NULL && (error == NULL || *error == NULL))
      set_corrupt (error, book->display_name, rels, _("the sheet's part is not named"));
    return sheet;
  }
}

/* Reads the workbook in @data; with @take_data, @data was allocated
 * with g_malloc() and is freed as soon as the last part is unpacked. */
static IkouPlan *
read_workbook (char          *data,
               gsize          length,
               gboolean       take_data,
               const char    *display_name,
               IkouSchedule  *schedule,
               char        ***warnings,
               GError       **out_error)
{
  /* The steps below tell failure by the error, so there always is one. */
  g_autoptr(GError) local_error = NULL;
  GError **error = &local_error;
  g_autoptr(IkouTableReader) table = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autofree char *workbook_name = NULL;
  g_autofree char *sheet = NULL;
  zip_source_t *source;
  zip_error_t zerror;
  Book book = { 0 };
  IkouPlan *plan = NULL;

  if (warnings != NULL)
    *warnings = NULL;
  if (length > IKOU_XLSX_MAX_SIZE)
    {
      ikou_table_set_too_large (error, display_name, length, IKOU_XLSX_MAX_SIZE);
      g_propagate_error (out_error, g_steal_pointer (&local_error));
      if (take_data)
        g_free (data);
      return NULL;
    }

  zip_error_init (&zerror);
  /* GLib allocates with malloc(), so libzip may free() what it takes. */
  source = zip_source_buffer_create (length ? data : "", length, take_data && length, &zerror);
  book.zip = source ? zip_open_from_source (source, ZIP_RDONLY, &zerror) : NULL;
  if (take_data && length == 0)
    g_free (data);
  if (book.zip == NULL)
    {
      if (source != NULL)
        zip_source_free (source);
      else if (take_data && length > 0)
        g_free (data);
      zip_error_fini (&zerror);
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                   _("%s is not an Excel workbook (.xlsx): it is not a complete zip archive."),
                   display_name);
      g_propagate_error (out_error, g_steal_pointer (&local_error));
      return NULL;
    }
  zip_error_fini (&zerror);

  if (zip_get_num_entries (book.zip, 0) > IKOU_XLSX_MAX_ENTRIES)
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("%s holds more than %d parts, so it is not read."), display_name,
                   IKOU_XLSX_MAX_ENTRIES);
      goto out;
    }

  strings = g_ptr_array_new_with_free_func (g_free);
  table = ikou_table_reader_new (display_name, schedule);
  book.display_name = display_name;
  book.strings = strings;
  book.table = table;
  book.row_text = g_ptr_array_new_with_free_func (string_free);
  book.value = g_string_new (NULL);
  book.scratch = g_string_new (NULL);
  book.scratch_v = g_string_new (NULL);

  workbook_name = find_relationship (&book, "_rels/.rels", "", NULL, "/officeDocument", error);
  if (error != NULL && *error != NULL)
    goto out;
  if (workbook_name == NULL)
    {
      if (zip_name_locate (book.zip, "xl/workbook.xml", ZIP_FL_NOCASE) < 0)
        {
          g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_A_PLAN,
                       _("%s is a zip archive but not an Excel workbook (.xlsx)."), display_name);
          goto out;
        }
      workbook_name = g_strdup ("xl/workbook.xml");
    }
  sheet = find_plan_sheet (&book, workbook_name, error);
  if (sheet == NULL || !read_sheet (&book, sheet, error))
    goto out;
  /* The strings are no longer needed while the plan is built. */
  g_ptr_array_set_size (strings, 0);
  plan = ikou_table_reader_finish (table, warnings, error);

out:
  zip_discard (book.zip);
  g_clear_pointer (&book.row_text, g_ptr_array_unref);
  if (book.value != NULL)
    g_string_free (book.value, TRUE);
  if (book.scratch != NULL)
    g_string_free (book.scratch, TRUE);
  if (book.scratch_v != NULL)
    g_string_free (book.scratch_v, TRUE);
  if (local_error != NULL)
    g_propagate_error (out_error, g_steal_pointer (&local_error));
  return plan;
}

IkouPlan *
ikou_xlsx_read_data (const char    *data,
                     gsize          length,
                     const char    *display_name,
                     IkouSchedule  *schedule,
                     char        ***warnings,
                     GError       **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_workbook ((char *) data, length, FALSE, display_name, schedule, warnings, error);
}

/* The unpacked workbook is freed as soon as its last part is unpacked. */
static IkouPlan *
read_file_data (char          *data,
                gsize          length,
                const char    *display_name,
                IkouSchedule  *schedule,
                char        ***warnings,
                GError       **error)
{
  return read_workbook (data, length, TRUE, display_name, schedule, warnings, error);
}

IkouPlan *
ikou_xlsx_read_file (const char    *path,
                     IkouSchedule  *schedule,
                     char        ***warnings,
                     GError       **error)
{
  return ikou_table_read_plan_file (path, IKOU_XLSX_MAX_SIZE, read_file_data,
                                    schedule, warnings, error);
}
