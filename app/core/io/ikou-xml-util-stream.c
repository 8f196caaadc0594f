/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "ikou-file.h"
#include "ikou-xml-util-private.h"

/* IkouXmlStream: a file or a buffer read element by element through
 * libxml2's xmlTextReader, behind the prolog scanner below. */

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
      self->damage = xml_clean_message (error->message);
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
  self->message = xml_clean_message (error->message);
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
  xml_set_error_at_line (&self->error, code, self->display_name, line, message);
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
  if (!xml_looks_like_xml ((const char *) source->data, source->length) &&
      !(source->fd >= 0 && !source->eof && is_blank ((const char *) source->data,
                                                     source->length)))
    {
      stream_set_error (self, self->codes->not_xml, 0, _("this is not an XML file."), FALSE);
      return FALSE;
    }

  xml_ensure_libxml ();
  schema = self->schema_name != NULL ? xml_get_schema (self->schema_name) : NULL;

  xml_error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
  self->reader = xmlReaderForIO (source_read, NULL, source, NULL, NULL, PARSE_OPTIONS);
  xml_error_scope_leave (&scope);
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

          xml_error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
          ret = xmlTextReaderRead (self->reader);
          xml_error_scope_leave (&scope);
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

  xml_error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
  node = xmlTextReaderExpand (self->reader);
  xml_error_scope_leave (&scope);
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

  xml_error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
  ret = xmlTextReaderNext (self->reader);
  xml_error_scope_leave (&scope);
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

      xml_error_scope_enter (&scope, (xmlStructuredErrorFunc) on_stream_error, self);
      ret = xmlTextReaderRead (self->reader);
      xml_error_scope_leave (&scope);
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
      xml_set_error_at_line (error, self->codes->malformed, self->display_name,
                             self->damage != NULL ? self->damage_line : 0, message);
    }
}
