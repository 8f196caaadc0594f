/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "ikou-calendar.h"
#include "ikou-core-resources.h"
#include "ikou-file.h"
#include "ikou-xml-util-private.h"

#define RESOURCE_PREFIX "/jp/ikou/Ikou/core/"

void
xml_ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* Errors */

int
ikou_xml_node_line (xmlNode *node)
{
  long line;

  if (node == NULL)
    return 0;
  line = xmlGetLineNo (node);
  return line > 0 && line <= G_MAXINT ? (int) line : 0;
}

char *
ikou_xml_at_line (const char *display_name,
                  int         line,
                  const char *message)
{
  if (line > 0)
    return g_strdup_printf (_("%s, line %d: %s"), display_name, line, message);
  return g_strdup_printf (_("%s: %s"), display_name, message);
}

char *
ikou_xml_at_line_valist (const char *display_name,
                         int         line,
                         const char *format,
                         va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  return ikou_xml_at_line (display_name, line, message);
}

void
xml_set_error_at_line (GError       **error,
                       IkouErrorCode  code,
                       const char    *display_name,
                       int            line,
                       const char    *message)
{
  g_autofree char *text = ikou_xml_at_line (display_name, line, message);

  g_set_error_literal (error, IKOU_ERROR, code, text);
}

void
ikou_xml_set_error (GError        **error,
                    IkouErrorCode   code,
                    const char     *display_name,
                    xmlNode        *node,
                    const char     *format,
                    ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = ikou_xml_at_line_valist (display_name, ikou_xml_node_line (node), format, args);
  va_end (args);
  g_set_error_literal (error, IKOU_ERROR, code, text);
}

/* libxml2's messages end with a newline and sometimes repeat the line. */
char *
xml_clean_message (const char *message)
{
  char *copy;

  if (message == NULL || *message == '\0')
    return g_strdup (_("unknown error"));

  copy = g_strstrip (g_strdup (message));
  return copy;
}

/* A few messages are only printed, never raised ("xmlParseChunk: encoder
 * error", after the structured error that says what failed). */
static void
ignore_generic_error (void       *data,
                      const char *format,
                      ...)
{
}

void
xml_error_scope_enter (ErrorScope             *scope,
                       xmlStructuredErrorFunc  func,
                       void                   *data)
{
  scope->func = xmlStructuredError;
  scope->data = xmlStructuredErrorContext;
  scope->generic_func = xmlGenericError;
  scope->generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (data, func);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
}

void
xml_error_scope_leave (ErrorScope *scope)
{
  xmlSetStructuredErrorFunc (scope->data, scope->func);
  xmlSetGenericErrorFunc (scope->generic_data, scope->generic_func);
}

/* Parsing */

typedef struct
{
  char     *message;       /* the first error */
  int       line;
  gboolean  doctype;       /* a DOCTYPE was seen: refused */
  int       doctype_line;
} ParseState;

static void
on_parse_error (void         *user_data,
                IkouXmlError *error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (error->level < XML_ERR_ERROR || state->message != NULL || state->doctype)
    return;

  state->message = xml_clean_message (error->message);
  state->line = error->line;
}

/* Called for every <!DOCTYPE …>, before its internal subset is read: stop
 * right here, so no entity is ever declared, let alone expanded, and no
 * external subset is even named to the loader. */
static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  ParseState *state = ctxt->_private;

  state->doctype = TRUE;
  state->doctype_line = ctxt->input != NULL ? ctxt->input->line : 0;
  xmlStopParser (ctxt);
}

gboolean
xml_looks_like_xml (const char *data,
                    gsize       length)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;

  /* UTF-16 with a byte order mark: let libxml2 decide. */
  if (length >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE)))
    return TRUE;
  if (length >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    p += 3;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;

  return p < end && *p == '<';
}

xmlDoc *
ikou_xml_parse (const char               *data,
                gsize                     length,
                const char               *display_name,
                const IkouXmlErrorCodes  *codes,
                GError                  **error)
{
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  ParseState state = { NULL, 0, FALSE, 0 };
  ErrorScope scope;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (codes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL || !xml_looks_like_xml (data, length))
    {
      xml_set_error_at_line (error, codes->not_xml, display_name, 0,
                             _("this is not an XML file."));
      return NULL;
    }
  if (length > G_MAXINT)
    {
      xml_set_error_at_line (error, codes->malformed, display_name, 0,
                             _("the file is too large to read."));
      return NULL;
    }

  xml_ensure_libxml ();

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL || ctxt->sax == NULL)
    g_error ("Out of memory creating an XML parser");

  /* Errors go to this parse only: the context's structured handler,
   * never the process-wide one. */
  ctxt->_private = &state;
  ctxt->sax->initialized = XML_SAX2_MAGIC;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->externalSubset = NULL;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;

  xml_error_scope_enter (&scope, (xmlStructuredErrorFunc) on_parse_error, ctxt);
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, NULL, PARSE_OPTIONS);
  xml_error_scope_leave (&scope);

  if (state.doctype)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      xml_set_error_at_line (error, codes->forbidden, display_name, state.doctype_line,
                             _("the file contains a document type declaration (DOCTYPE). "
                               "Ikou refuses it, because it could be used to read other "
                               "files or to exhaust memory."));
    }
  else if (doc == NULL || !ctxt->wellFormed || state.message != NULL)
    {
      g_autofree char *message = NULL;

      g_clear_pointer (&doc, xmlFreeDoc);
      message = g_strdup_printf (_("the XML is damaged or incomplete (%s)."),
                                 state.message != NULL ? state.message : _("unknown error"));
      xml_set_error_at_line (error, codes->malformed, display_name, state.line, message);
    }
  else if (xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      xml_set_error_at_line (error, codes->not_xml, display_name, 0,
                             _("the file has no root element."));
    }

  g_free (state.message);
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  return doc;
}

/* Validation */

typedef struct
{
  char    *message;  /* the first error that has a line */
  int      line;
  char    *unplaced; /* the first error without one */
  xmlNode *current;  /* the node the push validator is at, if any */
} ValidState;

static void
on_valid_error (void         *user_data,
                IkouXmlError *error)
{
  ValidState *state = user_data;
  int line = 0;

  if (error->level < XML_ERR_ERROR || state->message != NULL)
    return;

  if (error->node != NULL && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    line = ikou_xml_node_line (error->node);
  if (line <= 0)
    line = error->line;
  if (line <= 0)
    line = ikou_xml_node_line (state->current);

  if (line > 0)
    {
      state->message = xml_clean_message (error->message);
      state->line = line;
    }
  else if (state->unplaced == NULL)
    {
      state->unplaced = xml_clean_message (error->message);
    }
}

static void
valid_state_clear (ValidState *state)
{
  g_clear_pointer (&state->message, g_free);
  g_clear_pointer (&state->unplaced, g_free);
}

static G_LOCK_DEFINE (schemas);
static GHashTable *schemas; /* name → xmlRelaxNG, never freed */

xmlRelaxNG *
xml_get_schema (const char *name)
{
  xmlRelaxNG *schema;

  G_LOCK (schemas);

  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  schema = g_hash_table_lookup (schemas, name);
  if (schema == NULL)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      xmlRelaxNGParserCtxt *pctxt;
      ValidState state = { NULL, 0, NULL, NULL };
      gsize size;
      const char *buffer;

      /* Going through the resource object also makes sure the static
       * library's resource section is linked in. */
      bytes = g_resource_lookup_data (ikou_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes == NULL)
        g_error ("Schema %s is not compiled in: %s", path, local_error->message);

      buffer = g_bytes_get_data (bytes, &size);
      pctxt = xmlRelaxNGNewMemParserCtxt (buffer, (int) size);
      xmlRelaxNGSetParserStructuredErrors (pctxt, on_valid_error, &state);
      schema = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);

      /* A broken built-in schema is a bug in Ikou, not the user's file. */
      if (schema == NULL)
        g_error ("Schema %s does not compile: line %d: %s", path, state.line,
                 state.message != NULL ? state.message :
                 state.unplaced != NULL ? state.unplaced : "unknown error");
      valid_state_clear (&state);

      g_hash_table_insert (schemas, g_strdup (name), schema);
    }

  G_UNLOCK (schemas);

  return schema;
}

/* Validates the children of @parent the way libxml2's streaming reader
 * does, element by element, so that every error is raised while we know
 * the node (the whole-document validator reports some errors, such as a
 * missing attribute, with no node and so no line).  Stops at the first
 * error. */
static gboolean
push_validate (xmlRelaxNGValidCtxt *vctxt,
               xmlDoc              *doc,
               xmlNode             *parent,
               ValidState          *state)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      int ret;

      if (node->type == XML_ELEMENT_NODE)
        {
          state->current = node;
          ret = xmlRelaxNGValidatePushElement (vctxt, doc, node);
          if (ret == 0)
            {
              /* Not streamable: this element is validated as a tree. */
              if (xmlRelaxNGValidateFullElement (vctxt, doc, node) != 1)
                return FALSE;
              continue;
            }
          if (ret != 1 || !push_validate (vctxt, doc, node, state))
            return FALSE;
          state->current = node;
          if (xmlRelaxNGValidatePopElement (vctxt, doc, node) != 1)
            return FALSE;
        }
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          state->current = parent;
          if (xmlRelaxNGValidatePushCData (vctxt, node->content,
                                           xmlStrlen (node->content)) != 1)
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
ikou_xml_validate (xmlDoc         *doc,
                   const char     *schema_name,
                   const char     *display_name,
                   IkouErrorCode   code,
                   GError        **error)
{
  xmlRelaxNG *schema;
  xmlRelaxNGValidCtxt *vctxt;
  ValidState state = { NULL, 0, NULL, NULL };
  g_autofree char *message = NULL;
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (schema_name != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  xml_ensure_libxml ();
  schema = xml_get_schema (schema_name);

  /* The whole-document validator decides. */
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  if (vctxt == NULL)
    g_error ("Out of memory creating a RELAX NG validator");
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_valid_error, &state);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (result == 0)
    {
      valid_state_clear (&state);
      return TRUE;
    }

  /* Only to explain a failure: find the first error with its line. */
  if (state.message == NULL)
    {
      ValidState located = { NULL, 0, NULL, NULL };

      vctxt = xmlRelaxNGNewValidCtxt (schema);
      if (vctxt == NULL)
        g_error ("Out of memory creating a RELAX NG validator");
      xmlRelaxNGSetValidStructuredErrors (vctxt, on_valid_error, &located);
      push_validate (vctxt, doc, (xmlNode *) doc, &located);
      xmlRelaxNGFreeValidCtxt (vctxt);

      if (located.message != NULL)
        {
          valid_state_clear (&state);
          state = located;
        }
      else
        {
          valid_state_clear (&located);
        }
    }

  message = g_strdup_printf (_("the content does not follow the file format (%s)."),
                             state.message != NULL ? state.message :
                             state.unplaced != NULL ? state.unplaced : _("unknown error"));
  xml_set_error_at_line (error, code, display_name, state.line, message);
  valid_state_clear (&state);

  return FALSE;
}


gboolean
ikou_xml_read_file_contents (const char  *path,
                             char       **contents,
                             gsize       *length,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  if (!ikou_file_check_regular (path, error))
    return FALSE;
  if (!g_file_get_contents (path, contents, length, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, IKOU_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? IKOU_ERROR_NOT_FOUND : IKOU_ERROR_IO,
                   _("Could not read %s: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Reading helpers */

gboolean
ikou_xml_is_element (xmlNode    *node,
                     const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         (name == NULL || xmlStrcmp (node->name, BAD_CAST name) == 0);
}

xmlNode *
ikou_xml_next_sibling (xmlNode    *node,
                       const char *name)
{
  if (node == NULL)
    return NULL;

  for (node = node->next; node != NULL; node = node->next)
    if (ikou_xml_is_element (node, name))
      return node;

  return NULL;
}

xmlNode *
ikou_xml_first_child (xmlNode    *parent,
                      const char *name)
{
  xmlNode *node;

  if (parent == NULL)
    return NULL;

  for (node = parent->children; node != NULL; node = node->next)
    if (ikou_xml_is_element (node, name))
      return node;

  return NULL;
}

char *
ikou_xml_get_attr (xmlNode    *node,
                   const char *name)
{
  xmlChar *value;
  char *copy;

  g_return_val_if_fail (node != NULL, NULL);

  value = xmlGetNoNsProp (node, BAD_CAST name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

char *
ikou_xml_get_text (xmlNode *node)
{
  xmlChar *value;
  char *copy;

  g_return_val_if_fail (node != NULL, NULL);

  value = xmlNodeGetContent (node);
  copy = g_strdup (value != NULL ? (const char *) value : "");
  xmlFree (value);

  return copy;
}

char *
ikou_xml_get_child_text (xmlNode    *parent,
                         const char *name)
{
  xmlNode *child = ikou_xml_first_child (parent, name);

  return child != NULL ? ikou_xml_get_text (child) : NULL;
}

char *
ikou_xml_newer_format (xmlNode *root,
                       guint    newest)
{
  g_autofree char *format = ikou_xml_get_attr (root, "format");
  gboolean digits = format != NULL && *format != '\0';
  guint64 value;

  for (const char *p = format; digits && *p != '\0'; p++)
    digits = g_ascii_isdigit (*p);
  if (digits && (!g_ascii_string_to_unsigned (format, 10, 0, G_MAXUINT, &value, NULL) ||
                 value > newest))
    return g_steal_pointer (&format);
  return NULL;
}

/* The typed attributes: each parser is given the attribute's text, or
 * NULL when it is absent, and writes the value (or the default) only
 * when it succeeds.  Each is an IkouXmlAttrParser itself (calling a cast
 * function pointer is undefined behaviour): its first line gives the
 * out pointer its type. */

static gboolean
parse_date (const char *text,
            gpointer    out_value)
{
  IkouDay *out_day = out_value;
  IkouDay day = IKOU_DAY_NONE;

  if (text != NULL && !ikou_parse_iso_date (text, &day))
    return FALSE;

  *out_day = day;
  return TRUE;
}

static gboolean
parse_uint (const char *text,
            gpointer    out_value)
{
  guint *out_uint = out_value;
  guint64 number = 0;

  if (text != NULL &&
      (!g_ascii_isdigit (text[0]) ||
       !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &number, NULL)))
    return FALSE;

  *out_uint = (guint) number;
  return TRUE;
}

static gboolean
parse_int64 (const char *text,
             gpointer    out_value)
{
  gint64 *out_int64 = out_value;
  gint64 number = -1;

  if (text != NULL &&
      (!(g_ascii_isdigit (text[0]) || (text[0] == '-' && g_ascii_isdigit (text[1]))) ||
       !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL)))
    return FALSE;

  *out_int64 = number;
  return TRUE;
}

static gboolean
parse_bool (const char *text,
            gpointer    out_value)
{
  gboolean *out_bool = out_value;

  if (text == NULL || g_str_equal (text, "false") || g_str_equal (text, "0"))
    *out_bool = FALSE;
  else if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *out_bool = TRUE;
  else
    return FALSE;

  return TRUE;
}

const IkouXmlAttrType ikou_xml_attr_date =
  { parse_date, N_("a valid date (YYYY-MM-DD)") };
const IkouXmlAttrType ikou_xml_attr_uint =
  { parse_uint, N_("a whole number") };
const IkouXmlAttrType ikou_xml_attr_int64 =
  { parse_int64, N_("a whole number") };
const IkouXmlAttrType ikou_xml_attr_bool =
  { parse_bool, N_("true or false") };

gboolean
ikou_xml_get_typed_attr (xmlNode                *node,
                         const char             *name,
                         const IkouXmlAttrType  *type,
                         const char             *display_name,
                         IkouErrorCode           code,
                         gpointer                out_value,
                         GError                **error)
{
  g_autofree char *value = ikou_xml_get_attr (node, name);

  if (!type->parse (value, out_value))
    {
      ikou_xml_set_error (error, code, display_name, node,
                          _("the attribute %s=\"%s\" is not %s."), name, value,
                          _(type->expected));
      return FALSE;
    }

  return TRUE;
}

