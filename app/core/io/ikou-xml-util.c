/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "ikou-calendar.h"
#include "ikou-core-resources.h"
#include "ikou-file.h"
#include "ikou-xml-util.h"

/* libxml2 2.12 made the structured error const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError IkouXmlError;
#else
typedef xmlError IkouXmlError;
#endif

#define RESOURCE_PREFIX "/jp/ikou/Ikou/core/"

/* Safety options: no network, keep line numbers above 65535.  Never
 * XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD, DTDATTR,
 * DTDVALID or XINCLUDE. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

static void
ensure_libxml (void)
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

static void
set_error_at_line (GError       **error,
                   IkouErrorCode  code,
                   const char    *display_name,
                   int            line,
                   const char    *message)
{
  if (line > 0)
    g_set_error (error, IKOU_ERROR, code, _("%s, line %d: %s"), display_name, line, message);
  else
    g_set_error (error, IKOU_ERROR, code, _("%s: %s"), display_name, message);
}

void
ikou_xml_set_error (GError        **error,
                    IkouErrorCode   code,
                    const char     *display_name,
                    xmlNode        *node,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_error_at_line (error, code, display_name, ikou_xml_node_line (node), message);
}

/* libxml2's messages end with a newline and sometimes repeat the line. */
static char *
clean_libxml_message (const char *message)
{
  char *copy;

  if (message == NULL || *message == '\0')
    return g_strdup (_("unknown error"));

  copy = g_strstrip (g_strdup (message));
  return copy;
}

/* libxml2 raises a few errors with no parser at hand (a failed encoding
 * conversion): they go to the thread's handler, which would print them.
 * Around each call into libxml2 that handler is the parse's own. */
typedef struct
{
  xmlStructuredErrorFunc  func;
  void                   *data;
  xmlGenericErrorFunc     generic_func;
  void                   *generic_data;
} ErrorScope;

/* A few messages are only printed, never raised ("xmlParseChunk: encoder
 * error", after the structured error that says what failed). */
static void
ignore_generic_error (void       *data,
                      const char *format,
                      ...)
{
}

static void
error_scope_enter (ErrorScope             *scope,
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

static void
error_scope_leave (ErrorScope *scope)
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

  state->message = clean_libxml_message (error->message);
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

static gboolean
looks_like_xml (const char *data,
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

  if (data == NULL || !looks_like_xml (data, length))
    {
      set_error_at_line (error, codes->not_xml, display_name, 0,
                         _("this is not an XML file."));
      return NULL;
    }
  if (length > G_MAXINT)
    {
      set_error_at_line (error, codes->malformed, display_name, 0,
                         _("the file is too large to read."));
      return NULL;
    }

  ensure_libxml ();

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

  error_scope_enter (&scope, (xmlStructuredErrorFunc) on_parse_error, ctxt);
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, NULL, PARSE_OPTIONS);
  error_scope_leave (&scope);

  if (state.doctype)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      set_error_at_line (error, codes->forbidden, display_name, state.doctype_line,
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
      set_error_at_line (error, codes->malformed, display_name, state.line, message);
    }
  else if (xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      set_error_at_line (error, codes->not_xml, display_name, 0,
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
      state->message = clean_libxml_message (error->message);
      state->line = line;
    }
  else if (state->unplaced == NULL)
    {
      state->unplaced = clean_libxml_message (error->message);
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

static xmlRelaxNG *
get_schema (const char *name)
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

  ensure_libxml ();
  schema = get_schema (schema_name);

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
  set_error_at_line (error, code, display_name, state.line, message);
  valid_state_clear (&state);

  return FALSE;
}

/* Streaming */

/* The prolog scanner looks at what comes before the root element as the
 * bytes go to libxml2, and ends the input right before a <!DOCTYPE, so
 * that libxml2 never reads a declaration, let alone an entity: the same
 * guarantee as on_internal_subset() gives ikou_xml_parse().  It follows
 * UTF-8 (and the encodings that share ASCII's bytes) and UTF-16; in
 * anything else it gives up at once, and the reader's DOCUMENT_TYPE node
 * (its first) is refused instead: libxml2 has then read the declaration,
 * but loaded nothing (no NOENT, no DTDLOAD, no network), and no content
 * has been walked. */

typedef enum
{
  PROLOG_START,          /* nothing seen: the encoding is not known yet */
  PROLOG_MISC,           /* between the declaration, comments and PIs */
  PROLOG_LT,             /* after '<' */
  PROLOG_BANG,           /* after "<!", matching "DOCTYPE" */
  PROLOG_COMMENT_OPEN,   /* after "<!-" */
  PROLOG_COMMENT,
  PROLOG_COMMENT_DASH,   /* after '-' in a comment */
  PROLOG_COMMENT_DASHES, /* after "--" in a comment */
  PROLOG_PI,
  PROLOG_PI_END,         /* after '?' in a PI */
  /* The scan is over: */
  PROLOG_DONE,           /* the root element (or something else) starts */
  PROLOG_DOCTYPE,        /* a DOCTYPE: nothing more goes to libxml2 */
} PrologState;

typedef struct
{
  PrologState state;
  guint       width;      /* bytes per code unit: 1, or 2 for UTF-16 */
  gboolean    big_endian;
  int         carry;      /* the first byte of a UTF-16 unit split between reads, or -1 */
  guint       matched;    /* letters of "DOCTYPE" matched */
  int         line;
  int         lt_line;    /* the line and input offset of the last '<' */
  guint64     lt_offset;
} Prolog;

static void
prolog_unit (Prolog   *p,
             gunichar  c,
             guint64   offset)
{
  static const char doctype[] = "DOCTYPE";

  if (c == '\n')
    p->line++;

  switch (p->state)
    {
    case PROLOG_MISC:
      if (c == '<')
        {
          p->state = PROLOG_LT;
          p->lt_line = p->line;
          p->lt_offset = offset;
        }
      else if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
        p->state = PROLOG_DONE;
      break;

    case PROLOG_LT:
      p->state = c == '?' ? PROLOG_PI : c == '!' ? PROLOG_BANG : PROLOG_DONE;
      p->matched = 0;
      break;

    case PROLOG_BANG:
      if (p->matched == 0 && c == '-')
        p->state = PROLOG_COMMENT_OPEN;
      else if (c == (gunichar) doctype[p->matched])
        {
          if (++p->matched == sizeof doctype - 1)
            p->state = PROLOG_DOCTYPE;
        }
      else
        p->state = PROLOG_DONE;
      break;

    case PROLOG_COMMENT_OPEN:
      p->state = c == '-' ? PROLOG_COMMENT : PROLOG_DONE;
      break;

    case PROLOG_COMMENT:
      if (c == '-')
        p->state = PROLOG_COMMENT_DASH;
      break;

    case PROLOG_COMMENT_DASH:
      p->state = c == '-' ? PROLOG_COMMENT_DASHES : PROLOG_COMMENT;
      break;

    case PROLOG_COMMENT_DASHES:
      if (c == '>')
        p->state = PROLOG_MISC;
      else if (c != '-')
        p->state = PROLOG_COMMENT;
      break;

    case PROLOG_PI:
      if (c == '?')
        p->state = PROLOG_PI_END;
      break;

    case PROLOG_PI_END:
      if (c == '>')
        p->state = PROLOG_MISC;
      else if (c != '?')
        p->state = PROLOG_PI;
      break;

    case PROLOG_START:
    case PROLOG_DONE:
    case PROLOG_DOCTYPE:
    default:
      break;
    }
}

/* The encoding, from the first bytes (libxml2 decides the same way);
 * returns the length of a byte order mark to step over. */
static gsize
prolog_start (Prolog       *p,
              const guchar *b,
              gsize         n)
{
  p->state = PROLOG_MISC;
  p->width = 1;
  p->big_endian = FALSE;
  p->carry = -1;
  p->line = 1;

  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
    return 3;
  if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
    {
      p->width = 2;
      return 2;
    }
  if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
    {
      p->width = 2;
      p->big_endian = TRUE;
      return 2;
    }
  if (n >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0)
    p->width = 2;
  else if (n >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?')
    {
      p->width = 2;
      p->big_endian = TRUE;
    }

  return 0;
}

/* Scans @n bytes that start at @offset of the input; returns how many of
 * them may go to libxml2: all, or those before a DOCTYPE. */
static gsize
prolog_feed (Prolog       *p,
             const guchar *b,
             gsize         n,
             guint64       offset)
{
  gsize i = 0;

  if (p->state == PROLOG_START)
    i = prolog_start (p, b, n);

  for (; i < n && p->state < PROLOG_DONE; i++)
    {
      if (p->width == 1)
        prolog_unit (p, b[i], offset + i);
      else if (p->carry < 0)
        p->carry = b[i];
      else
        {
          guint first = (guint) p->carry;
          gunichar c = p->big_endian ? (first << 8) | b[i] : ((guint) b[i] << 8) | first;

          p->carry = -1;
          /* The unit started a byte earlier, perhaps in the previous read. */
          prolog_unit (p, c, offset + i - 1);
        }
    }

  if (p->state == PROLOG_DOCTYPE)
    return p->lt_offset > offset ? (gsize) (p->lt_offset - offset) : 0;

  return n;
}

/* What libxml2 reads from: memory, or a file read as it goes (with its
 * first bytes read ahead to see whether it is XML at all). */
typedef struct
{
  const guchar *data;     /* the data, or the bytes read ahead of the file */
  gsize         length;
  gsize         pos;
  guchar       *head;     /* owns what was read ahead */
  int           fd;       /* -1 for data */
  gboolean      eof;      /* the file has been read to its end */
  int           read_errno;
  guint64       offset;   /* bytes given to libxml2 so far */
  gboolean      cut;      /* a DOCTYPE: the input ended before it */
  Prolog        prolog;
} Source;

#define HEAD_SIZE 65536

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

static gssize
read_fully (int     fd,
            guchar *buffer,
            gsize   size)
{
  gsize done = 0;

  while (done < size)
    {
      gssize n = read (fd, buffer + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += (gsize) n;
    }

  return (gssize) done;
}

static int
source_read (void *context,
             char *buffer,
             int   len)
{
  Source *source = context;
  gsize n = 0, allowed;

  if (source->cut || len <= 0)
    return 0;

  if (source->pos < source->length)
    {
      n = MIN ((gsize) len, source->length - source->pos);
      memcpy (buffer, source->data + source->pos, n);
      source->pos += n;
    }
  else if (source->fd >= 0 && !source->eof)
    {
      gssize got = read_fully (source->fd, (guchar *) buffer, (gsize) len);

      /* A read error ends the input; it is reported as such. */
      if (got <= 0)
        {
          if (got < 0)
            source->read_errno = errno;
          source->eof = TRUE;
          return 0;
        }
      n = (gsize) got;
    }

  if (source->prolog.state >= PROLOG_DONE)
    return (int) n;

  allowed = prolog_feed (&source->prolog, (const guchar *) buffer, n, source->offset);
  source->offset += allowed;
  if (allowed < n)
    source->cut = TRUE;

  return (int) allowed;
}

struct _IkouXmlStream
{
  xmlTextReader           *reader;
  Source                   source;
  char                    *display_name;
  char                    *schema_name;
  const IkouXmlErrorCodes *codes;
  gboolean                 started;
  gboolean                 root_seen;
  gboolean                 positioned;     /* skip() left the reader on an unread node */
  int                      positioned_ret;
  char                    *message;        /* the first error libxml2 reported */
  int                      line;
  gboolean                 message_schema; /* … was the schema's */
  gboolean                 message_vague;  /* … only said "failed to validate attributes" */
  char                    *damage;         /* the first error that was not the schema's */
  int                      damage_line;
  GError                  *error;          /* the stream's error, once it has one */
  gboolean                 error_schema;
};

static void
on_stream_error (void         *user_data,
                 IkouXmlError *error)
{
  IkouXmlStream *self = user_data;
  gboolean schema = error->domain == XML_FROM_RELAXNGV;
  xmlNode *current = self->reader != NULL ? xmlTextReaderCurrentNode (self->reader) : NULL;
  int line = 0;

  if (error->level < XML_ERR_ERROR)
    return;
  if (!schema && self->damage == NULL)
    {
      self->damage = clean_libxml_message (error->message);
      self->damage_line = error->line;
    }
  /* The validator says "Element host failed to validate attributes" and
   * only then which attribute: the second is worth the place. */
  if (self->message != NULL &&
      !(self->message_vague && schema && self->message_schema))
    return;

  if (schema && error->code == XML_RELAXNG_ERR_TEXTWRONG && current != NULL)
    {
      /* The streaming validator does not know the element's name (it says
       * " TODO "): the reader is on the text, inside the element. */
      xmlNode *element = current->type == XML_ELEMENT_NODE ? current : current->parent;

      if (element != NULL && element->type == XML_ELEMENT_NODE)
        {
          g_free (self->message);
          self->message = g_strdup_printf ("Did not expect text in element %s content",
                                           (const char *) element->name);
          self->line = ikou_xml_node_line (element);
          self->message_schema = TRUE;
          self->message_vague = FALSE;
          return;
        }
    }

  if (schema)
    {
      /* Some schema errors (a missing attribute) come with neither a node
       * nor a line: the reader is on the element they are about. */
      if (error->node != NULL && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
        line = ikou_xml_node_line (error->node);
      if (line <= 0)
        line = error->line;
      if (line <= 0)
        line = ikou_xml_node_line (current);
      if (line <= 0)
        line = self->line;
    }
  else
    {
      line = error->line;
    }

  g_free (self->message);
  self->message = clean_libxml_message (error->message);
  self->line = line;
  self->message_schema = schema;
  self->message_vague = schema && error->code == XML_RELAXNG_ERR_ATTRVALID;
}

static void
stream_set_error (IkouXmlStream *self,
                  IkouErrorCode  code,
                  int            line,
                  const char    *message,
                  gboolean       schema)
{
  set_error_at_line (&self->error, code, self->display_name, line, message);
  self->error_schema = schema;
}

/* Turns what went wrong in the last libxml2 call (@ret is what it
 * returned, < 0 for a failure) into the stream's error. */
static gboolean
stream_check (IkouXmlStream *self,
              int            ret)
{
  g_autofree char *message = NULL;

  if (self->error != NULL)
    return FALSE;

  /* libxml2 saw nothing after the DOCTYPE; but what it saw before comes
   * first, as in ikou_xml_parse() (the end of the input right at the
   * DOCTYPE is on its line). */
  if (self->source.prolog.state == PROLOG_DOCTYPE &&
      !(self->damage != NULL && self->damage_line > 0 &&
        self->damage_line < self->source.prolog.lt_line))
    {
      stream_set_error (self, self->codes->forbidden, self->source.prolog.lt_line,
                        _("the file contains a document type declaration (DOCTYPE). "
                          "Ikou refuses it, because it could be used to read other "
                          "files or to exhaust memory."), FALSE);
    }
  else if (self->source.read_errno != 0)
    {
      g_set_error (&self->error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not read %s: %s"),
                   self->display_name, g_strerror (self->source.read_errno));
    }
  else if (self->message != NULL && self->message_schema)
    {
      message = g_strdup_printf (_("the content does not follow the file format (%s)."),
                                 self->message);
      stream_set_error (self, self->codes->invalid, self->line, message, TRUE);
    }
  else if (self->message != NULL || ret < 0)
    {
      message = g_strdup_printf (_("the XML is damaged or incomplete (%s)."),
                                 self->message != NULL ? self->message : _("unknown error"));
      stream_set_error (self, self->codes->malformed, self->line, message, FALSE);
    }
  else if (self->reader != NULL && self->schema_name != NULL &&
           xmlTextReaderIsValid (self->reader) == 0)
    {
      /* The validator failed without a word. */
      message = g_strdup_printf (_("the content does not follow the file format (%s)."),
                                 _("unknown error"));
      stream_set_error (self, self->codes->invalid,
                        ikou_xml_node_line (xmlTextReaderCurrentNode (self->reader)),
                        message, TRUE);
    }

  return self->error == NULL;
}

static gboolean
stream_failed (IkouXmlStream  *self,
               GError        **error)
{
  if (self->error == NULL)
    return FALSE;

  g_propagate_error (error, g_error_copy (self->error));
  return TRUE;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;

  if (length >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    p += 3;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;

  return p == end;
}

static gboolean
stream_start (IkouXmlStream *self)
{
  Source *source = &self->source;
  xmlRelaxNG *schema;
  ErrorScope scope;

  self->started = TRUE;

  /* A file that starts with more white space than was read ahead is
   * left to libxml2. */
  if (!looks_like_xml ((const char *) source->data, source->length) &&
      !(source->fd >= 0 && !source->eof && is_blank ((const char *) source->data,
                                                     source->length)))
    {
      stream_set_error (self, self->codes->not_xml, 0, _("this is not an XML file."), FALSE);
      return FALSE;
    }

  ensure_libxml ();
  schema = self->schema_name != NULL ? get_schema (self->schema_name) : NULL;

  error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
  self->reader = xmlReaderForIO (source_read, NULL, source, NULL, NULL, PARSE_OPTIONS);
  error_scope_leave (&scope);
  if (self->reader == NULL)
    g_error ("Out of memory creating an XML reader");

  /* Errors go to this stream only, never to the process-wide handler;
   * set before the schema so that the validator's errors come here too. */
  xmlTextReaderSetStructuredErrorHandler (self->reader, on_stream_error, self);
  if (schema != NULL && xmlTextReaderRelaxNGSetSchema (self->reader, schema) != 0)
    g_error ("Could not give the schema %s to the XML reader", self->schema_name);

  return stream_check (self, 0);
}

static IkouXmlStream *
stream_new (const char              *display_name,
            const IkouXmlErrorCodes *codes,
            const char              *schema_name)
{
  IkouXmlStream *self = g_new0 (IkouXmlStream, 1);

  self->display_name = g_strdup (display_name);
  self->schema_name = g_strdup (schema_name);
  self->codes = codes;
  self->source.fd = -1;

  return self;
}

IkouXmlStream *
ikou_xml_stream_new_for_data (const char              *data,
                              gsize                    length,
                              const char              *display_name,
                              const IkouXmlErrorCodes *codes,
                              const char              *schema_name)
{
  IkouXmlStream *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (codes != NULL, NULL);

  self = stream_new (display_name, codes, schema_name);
  self->source.data = (const guchar *) data;
  self->source.length = data != NULL ? length : 0;

  return self;
}

static void
set_read_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, IKOU_ERROR, saved_errno == ENOENT ? IKOU_ERROR_NOT_FOUND : IKOU_ERROR_IO,
               _("Could not read %s: %s"), name, g_strerror (saved_errno));
}

IkouXmlStream *
ikou_xml_stream_new_for_file (const char               *path,
                              const IkouXmlErrorCodes  *codes,
                              const char               *schema_name,
                              GError                  **error)
{
  g_autofree char *name = NULL;
  IkouXmlStream *self;
  gssize got;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (codes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = ikou_file_open_regular (path, error);
  if (fd < 0)
    return NULL;

  name = g_filename_display_name (path);
  self = stream_new (name, codes, schema_name);
  self->source.fd = fd;
  self->source.head = g_malloc (HEAD_SIZE);
  got = read_fully (fd, self->source.head, HEAD_SIZE);
  if (got < 0)
    {
      set_read_error (error, path, errno);
      ikou_xml_stream_free (self);
      return NULL;
    }
  self->source.data = self->source.head;
  self->source.length = (gsize) got;
  self->source.eof = got < HEAD_SIZE;

  return self;
}

void
ikou_xml_stream_free (IkouXmlStream *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->reader, xmlFreeTextReader);
  if (self->source.fd >= 0)
    close (self->source.fd);
  g_free (self->source.head);
  g_free (self->display_name);
  g_free (self->schema_name);
  g_free (self->message);
  g_free (self->damage);
  g_clear_error (&self->error);
  g_free (self);
}

const char *
ikou_xml_stream_get_display_name (IkouXmlStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display_name;
}

gboolean
ikou_xml_stream_next_element (IkouXmlStream  *self,
                              xmlNode       **out_element,
                              int            *out_depth,
                              GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_element != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_element = NULL;
  if (out_depth != NULL)
    *out_depth = -1;

  if (!self->started)
    stream_start (self);
  if (stream_failed (self, error))
    return FALSE;

  for (;;)
    {
      gboolean root;
      int ret, type;

      if (self->positioned)
        {
          ret = self->positioned_ret;
          self->positioned = FALSE;
        }
      else
        {
          ErrorScope scope;

          error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
          ret = xmlTextReaderRead (self->reader);
          error_scope_leave (&scope);
        }

      type = ret == 1 ? xmlTextReaderNodeType (self->reader) : -1;
      root = type == XML_READER_TYPE_ELEMENT && !self->root_seen &&
             xmlTextReaderDepth (self->reader) == 0;

      if (!stream_check (self, ret) && !(root && self->error_schema))
        {
          stream_failed (self, error);
          return FALSE;
        }

      if (ret == 0)
        {
          if (self->root_seen)
            return TRUE;
          stream_set_error (self, self->codes->not_xml, 0, _("the file has no root element."),
                            FALSE);
          stream_failed (self, error);
          return FALSE;
        }

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          /* Only when the prolog scanner could not follow the encoding. */
          self->source.prolog.state = PROLOG_DOCTYPE;
          self->source.prolog.lt_line = 0;
          stream_check (self, ret);
          stream_failed (self, error);
          return FALSE;
        }

      if (type == XML_READER_TYPE_ELEMENT)
        {
          self->root_seen = TRUE;
          *out_element = xmlTextReaderCurrentNode (self->reader);
          if (out_depth != NULL)
            *out_depth = xmlTextReaderDepth (self->reader);
          return TRUE;
        }
    }
}

/* The first text below @node that is not UTF-8.  The reader parses with
 * libxml2's push parser, which lets an overlong sequence through in a
 * CDATA section (where ikou_xml_parse() says "not proper UTF-8"). */
static xmlNode *
find_bad_text (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *bad;

      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
          child->content != NULL &&
          !g_utf8_validate ((const char *) child->content, -1, NULL))
        return child;
      /* libxml2 limits nesting to 256 levels. */
      if (child->type == XML_ELEMENT_NODE && (bad = find_bad_text (child)) != NULL)
        return bad;
    }

  return NULL;
}

xmlNode *
ikou_xml_stream_expand (IkouXmlStream  *self,
                        GError        **error)
{
  ErrorScope scope;
  xmlNode *node, *bad;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (stream_failed (self, error))
    return NULL;
  g_return_val_if_fail (self->reader != NULL && !self->positioned, NULL);

  error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
  node = xmlTextReaderExpand (self->reader);
  error_scope_leave (&scope);
  if (!stream_check (self, node != NULL ? 1 : -1))
    {
      stream_failed (self, error);
      return NULL;
    }

  bad = find_bad_text (node);
  if (bad != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("the XML is damaged or incomplete (%s)."),
                         "Input is not proper UTF-8");

      stream_set_error (self, self->codes->malformed, ikou_xml_node_line (bad), message, FALSE);
      stream_failed (self, error);
      return NULL;
    }

  return node;
}

gboolean
ikou_xml_stream_skip (IkouXmlStream  *self,
                      GError        **error)
{
  ErrorScope scope;
  int ret;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stream_failed (self, error))
    return FALSE;
  g_return_val_if_fail (self->reader != NULL && !self->positioned, FALSE);

  error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
  ret = xmlTextReaderNext (self->reader);
  error_scope_leave (&scope);
  if (!stream_check (self, ret))
    {
      stream_failed (self, error);
      return FALSE;
    }

  self->positioned = TRUE;
  self->positioned_ret = ret;
  return TRUE;
}

void
ikou_xml_stream_fail (IkouXmlStream  *self,
                      GError        **error)
{
  g_autofree char *message = NULL;
  int ret = 1;

  g_return_if_fail (self != NULL);

  /* Nobody to tell; or the error already says the file is damaged (or
   * is not XML, or could not be read, or has a DOCTYPE). */
  if (error == NULL || *error == NULL || self->reader == NULL ||
      (self->error != NULL && !self->error_schema))
    return;

  /* Read on (as little in memory as before); what the validator says
   * from now on does not matter. */
  while (ret == 1 && self->damage == NULL && self->source.read_errno == 0)
    {
      ErrorScope scope;

      error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
      ret = xmlTextReaderRead (self->reader);
      error_scope_leave (&scope);
    }

  if (self->source.read_errno != 0)
    {
      g_clear_error (error);
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO, _("Could not read %s: %s"),
                   self->display_name, g_strerror (self->source.read_errno));
    }
  else if (self->damage != NULL || ret < 0)
    {
      message = g_strdup_printf (_("the XML is damaged or incomplete (%s)."),
                                 self->damage != NULL ? self->damage : _("unknown error"));
      g_clear_error (error);
      set_error_at_line (error, self->codes->malformed, self->display_name,
                         self->damage != NULL ? self->damage_line : 0, message);
    }
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

static void
set_attr_error (GError        **error,
                IkouErrorCode   code,
                const char     *display_name,
                xmlNode        *node,
                const char     *name,
                const char     *value,
                const char     *expected)
{
  ikou_xml_set_error (error, code, display_name, node,
                      _("the attribute %s=\"%s\" is not %s."), name, value, expected);
}

gboolean
ikou_xml_get_date_attr (xmlNode        *node,
                        const char     *name,
                        const char     *display_name,
                        IkouErrorCode   code,
                        IkouDay        *out_day,
                        GError        **error)
{
  g_autofree char *value = ikou_xml_get_attr (node, name);
  IkouDay day = IKOU_DAY_NONE;

  if (value != NULL && !ikou_parse_iso_date (value, &day))
    {
      set_attr_error (error, code, display_name, node, name, value,
                      _("a valid date (YYYY-MM-DD)"));
      return FALSE;
    }

  *out_day = day;
  return TRUE;
}

gboolean
ikou_xml_get_uint_attr (xmlNode        *node,
                        const char     *name,
                        guint           fallback,
                        const char     *display_name,
                        IkouErrorCode   code,
                        guint          *out_value,
                        GError        **error)
{
  g_autofree char *value = ikou_xml_get_attr (node, name);
  guint64 number;

  if (value == NULL)
    {
      *out_value = fallback;
      return TRUE;
    }

  if (!g_ascii_isdigit (value[0]) ||
      !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &number, NULL))
    {
      set_attr_error (error, code, display_name, node, name, value, _("a whole number"));
      return FALSE;
    }

  *out_value = (guint) number;
  return TRUE;
}

gboolean
ikou_xml_get_int64_attr (xmlNode        *node,
                         const char     *name,
                         gint64          fallback,
                         const char     *display_name,
                         IkouErrorCode   code,
                         gint64         *out_value,
                         GError        **error)
{
  g_autofree char *value = ikou_xml_get_attr (node, name);
  gint64 number;

  if (value == NULL)
    {
      *out_value = fallback;
      return TRUE;
    }

  if (!(g_ascii_isdigit (value[0]) || (value[0] == '-' && g_ascii_isdigit (value[1]))) ||
      !g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
    {
      set_attr_error (error, code, display_name, node, name, value, _("a whole number"));
      return FALSE;
    }

  *out_value = number;
  return TRUE;
}

gboolean
ikou_xml_get_bool_attr (xmlNode        *node,
                        const char     *name,
                        gboolean        fallback,
                        const char     *display_name,
                        IkouErrorCode   code,
                        gboolean       *out_value,
                        GError        **error)
{
  g_autofree char *value = ikou_xml_get_attr (node, name);

  if (value == NULL)
    *out_value = fallback;
  else if (g_str_equal (value, "true") || g_str_equal (value, "1"))
    *out_value = TRUE;
  else if (g_str_equal (value, "false") || g_str_equal (value, "0"))
    *out_value = FALSE;
  else
    {
      set_attr_error (error, code, display_name, node, name, value, _("true or false"));
      return FALSE;
    }

  return TRUE;
}

/* Writing */

struct _IkouXmlWriter
{
  xmlBuffer       *buffer;
  xmlTextWriter   *writer;
};

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* Returns @text itself when it can be written as is, else a repaired copy
 * stored in @repaired. */
static const char *
xml_safe_text (const char  *text,
               char       **repaired)
{
  const char *p;
  gboolean clean;
  GString *out;
  g_autofree char *valid = NULL;

  *repaired = NULL;
  clean = g_utf8_validate (text, -1, NULL);
  if (clean)
    for (p = text; *p != '\0' && clean; p = g_utf8_next_char (p))
      clean = is_xml_char (g_utf8_get_char (p));
  if (clean)
    return text;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, is_xml_char (c) ? c : 0xFFFD);
    }
  *repaired = g_string_free (out, FALSE);

  return *repaired;
}

IkouXmlWriter *
ikou_xml_writer_new (void)
{
  IkouXmlWriter *self = g_new0 (IkouXmlWriter, 1);

  ensure_libxml ();

  self->buffer = xmlBufferCreate ();
  self->writer = xmlNewTextWriterMemory (self->buffer, 0);
  if (self->buffer == NULL || self->writer == NULL)
    g_error ("Out of memory creating an XML writer");

  xmlTextWriterSetIndent (self->writer, 1);
  xmlTextWriterSetIndentString (self->writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (self->writer, "1.0", "UTF-8", NULL);

  return self;
}

void
ikou_xml_writer_free (IkouXmlWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->writer, xmlFreeTextWriter);
  g_clear_pointer (&self->buffer, xmlBufferFree);
  g_free (self);
}

void
ikou_xml_writer_start (IkouXmlWriter *self,
                       const char    *element)
{
  g_return_if_fail (self != NULL && element != NULL);
  xmlTextWriterStartElement (self->writer, BAD_CAST element);
}

void
ikou_xml_writer_end (IkouXmlWriter *self)
{
  g_return_if_fail (self != NULL);
  xmlTextWriterEndElement (self->writer);
}

void
ikou_xml_writer_attr (IkouXmlWriter *self,
                      const char    *name,
                      const char    *value)
{
  g_autofree char *repaired = NULL;

  g_return_if_fail (self != NULL && name != NULL);

  if (value == NULL)
    return;
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST name,
                               BAD_CAST xml_safe_text (value, &repaired));
}

void
ikou_xml_writer_attr_date (IkouXmlWriter *self,
                           const char    *name,
                           IkouDay        day)
{
  g_autofree char *text = NULL;

  /* Nothing for "no date" (and nothing for a day no calendar has). */
  if (!ikou_day_to_ymd (day, NULL, NULL, NULL))
    return;
  text = ikou_day_format_iso (day);
  ikou_xml_writer_attr (self, name, text);
}

void
ikou_xml_writer_attr_uint (IkouXmlWriter *self,
                           const char    *name,
                           guint          value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%u", value);
  ikou_xml_writer_attr (self, name, text);
}

void
ikou_xml_writer_attr_int64 (IkouXmlWriter *self,
                            const char    *name,
                            gint64         value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  ikou_xml_writer_attr (self, name, text);
}

void
ikou_xml_writer_attr_bool (IkouXmlWriter *self,
                           const char    *name,
                           gboolean       value)
{
  ikou_xml_writer_attr (self, name, value ? "true" : "false");
}

void
ikou_xml_writer_element (IkouXmlWriter *self,
                         const char    *element,
                         const char    *text)
{
  g_autofree char *repaired = NULL;

  g_return_if_fail (self != NULL && element != NULL);

  if (text == NULL)
    return;
  xmlTextWriterWriteElement (self->writer, BAD_CAST element,
                             BAD_CAST xml_safe_text (text, &repaired));
}

void
ikou_xml_writer_text (IkouXmlWriter *self,
                      const char    *text)
{
  g_autofree char *repaired = NULL;

  g_return_if_fail (self != NULL && text != NULL);
  xmlTextWriterWriteString (self->writer, BAD_CAST xml_safe_text (text, &repaired));
}

void
ikou_xml_writer_comment (IkouXmlWriter *self,
                         const char    *text)
{
  g_autofree char *repaired = NULL;
  g_autofree char *safe = NULL;

  g_return_if_fail (self != NULL && text != NULL);

  /* "--" may not appear inside a comment. */
  safe = g_strdup (xml_safe_text (text, &repaired));
  for (char *p = strstr (safe, "--"); p != NULL; p = strstr (p, "--"))
    p[1] = ' ';
  xmlTextWriterWriteComment (self->writer, BAD_CAST safe);
}

char *
ikou_xml_writer_finish (IkouXmlWriter *self,
                        gsize         *length)
{
  char *result;

  g_return_val_if_fail (self != NULL, NULL);

  xmlTextWriterEndDocument (self->writer);
  /* Freeing the writer flushes it into the buffer. */
  g_clear_pointer (&self->writer, xmlFreeTextWriter);

  /* A text file ends with a newline (the writer stops after the root). */
  if (xmlBufferLength (self->buffer) == 0 ||
      xmlBufferContent (self->buffer)[xmlBufferLength (self->buffer) - 1] != '\n')
    xmlBufferCCat (self->buffer, "\n");

  result = g_strndup ((const char *) xmlBufferContent (self->buffer),
                      (gsize) xmlBufferLength (self->buffer));
  if (length != NULL)
    *length = (gsize) xmlBufferLength (self->buffer);

  ikou_xml_writer_free (self);
  return result;
}
