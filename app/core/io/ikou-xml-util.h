/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "ikou-error.h"
#include "ikou-types.h"

G_BEGIN_DECLS

/*
 * The one safe way Ikou reads and writes XML.
 *
 * Reading never touches the network, never loads a DTD and never
 * substitutes entities; a document with a DOCTYPE declaration is refused
 * outright (that is where XXE and "billion laughs" live, and no Ikou format
 * uses one).  libxml2's messages are collected per parse, never printed.
 * Every error is an IKOU_ERROR whose message names the file and the line:
 * "plan.xml, line 12: …".
 */

/* Which IkouErrorCode each kind of problem gets: a schedule reader says
 * INVALID_SCHEDULE for everything, a plan reader tells a file that is not
 * XML from a damaged one. */
typedef struct
{
  IkouErrorCode not_xml;   /* empty, or does not start like XML at all */
  IkouErrorCode malformed; /* not well-formed: broken or truncated */
  IkouErrorCode forbidden; /* a DOCTYPE (entities, external subsets) */
  IkouErrorCode invalid;   /* fails its RELAX NG schema */
} IkouXmlErrorCodes;

/* Parses @data (of @length bytes) into a document; free it with
 * xmlFreeDoc().  @display_name names the data in messages (a file name). */
xmlDoc     *ikou_xml_parse              (const char              *data,
                                         gsize                    length,
                                         const char              *display_name,
                                         const IkouXmlErrorCodes *codes,
                                         GError                 **error);

/* Validates @doc against the RELAX NG schema compiled into the core
 * library as /jp/ikou/Ikou/core/@schema_name (e.g. "ikou-plan.rng").
 * The first problem becomes @code with its line.  Parsed schemas are
 * cached for the life of the process. */
gboolean    ikou_xml_validate           (xmlDoc                  *doc,
                                         const char              *schema_name,
                                         const char              *display_name,
                                         IkouErrorCode            code,
                                         GError                 **error);

/*
 * Streaming: a document read element by element (libxml2's xmlTextReader)
 * and validated against a compiled-in RELAX NG schema as it goes, so that
 * memory does not grow with the file: only the element being looked at
 * is in memory, and what has been passed is freed.  The same safety and
 * the same errors as ikou_xml_parse() followed by ikou_xml_validate(): a
 * DOCTYPE is refused before libxml2 reads it, and every error names the
 * file and (nearly always) the line.  The first error ends the stream
 * (see ikou_xml_stream_fail()).
 */
typedef struct _IkouXmlStream IkouXmlStream;

/* Reads @data (of @length bytes), which must stay valid until the stream
 * is freed.  A NULL @schema_name reads without validation (for formats of
 * other programs, checked by their reader).  Problems with the data are reported by the first call to
 * ikou_xml_stream_next_element(). */
IkouXmlStream *ikou_xml_stream_new_for_data     (const char               *data,
                                                 gsize                     length,
                                                 const char               *display_name,
                                                 const IkouXmlErrorCodes  *codes,
                                                 const char               *schema_name);
/* Opens @path for reading (not read into memory at once); failing to open
 * it is IKOU_ERROR_NOT_FOUND or IKOU_ERROR_IO naming @path, and so is a
 * failure to read it later. */
IkouXmlStream *ikou_xml_stream_new_for_file     (const char               *path,
                                                 const IkouXmlErrorCodes  *codes,
                                                 const char               *schema_name,
                                                 GError                  **error);
void           ikou_xml_stream_free             (IkouXmlStream            *stream);
const char    *ikou_xml_stream_get_display_name (IkouXmlStream            *stream);

/* Moves to the next element in document order (into the children of the
 * previous one, unless it was skipped) and returns it with its attributes
 * but not necessarily its children, and its depth (0 for the root).
 * Returns TRUE with *@out_element NULL at the end of a complete, valid
 * document, and FALSE with @error set on the first problem.  The root is
 * returned even when its start tag breaks the schema, so that the caller
 * can first tell a document of another kind or a newer format; that error
 * then comes with the next call.  The element stays valid until the next
 * call to ikou_xml_stream_next_element() or ikou_xml_stream_skip(). */
gboolean       ikou_xml_stream_next_element     (IkouXmlStream            *stream,
                                                 xmlNode                 **out_element,
                                                 int                      *out_depth,
                                                 GError                  **error);
/* Reads the rest of the current element so that its whole subtree is
 * there (not yet validated below the element's start tag: that happens
 * in ikou_xml_stream_skip()). */
xmlNode       *ikou_xml_stream_expand           (IkouXmlStream            *stream,
                                                 GError                  **error);
/* Moves past the current element and its content, validating it and
 * freeing it; the next ikou_xml_stream_next_element() returns what
 * follows it.  FALSE with @error when the rest of the element (or what
 * libxml2 read ahead) is broken or breaks the schema. */
gboolean       ikou_xml_stream_skip             (IkouXmlStream            *stream,
                                                 GError                  **error);
/* Call when giving up on the document because of *@error (from the stream
 * or the caller's own checks): reads the rest of the file only to see
 * whether it is damaged, and if so makes that the error instead.  A
 * damaged or incomplete file is reported as such wherever the damage is,
 * as by ikou_xml_parse(), before what the content says. */
void           ikou_xml_stream_fail             (IkouXmlStream            *stream,
                                                 GError                  **error);

/* Reads a whole file; a failure is IKOU_ERROR_IO naming @path. */
gboolean    ikou_xml_read_file_contents (const char              *path,
                                         char                   **contents,
                                         gsize                   *length,
                                         GError                 **error);

/* Sets @error to "@display_name, line N: <message>" (or
 * "@display_name: <message>" when @node is NULL). */
void        ikou_xml_set_error          (GError                 **error,
                                         IkouErrorCode            code,
                                         const char              *display_name,
                                         xmlNode                 *node,
                                         const char              *format,
                                         ...) G_GNUC_PRINTF (5, 6);
/* The line @node starts on (also beyond 65535), 0 if unknown. */
int         ikou_xml_node_line          (xmlNode                 *node);
/* "@display_name, line @line: @message", or "@display_name: @message"
 * when @line is 0; newly allocated.  The form of every error above, for
 * readers that report more than errors. */
char       *ikou_xml_at_line            (const char              *display_name,
                                         int                      line,
                                         const char              *message);
/* The same with the message made from @format and @args. */
char       *ikou_xml_at_line_valist     (const char              *display_name,
                                         int                      line,
                                         const char              *format,
                                         va_list                  args) G_GNUC_PRINTF (3, 0);

/* Reading helpers.  Element children are matched by local name and
 * skip text, comments and processing instructions. */
gboolean    ikou_xml_is_element         (xmlNode                 *node,
                                         const char              *name);
xmlNode    *ikou_xml_first_child        (xmlNode                 *parent,
                                         const char              *name);
xmlNode    *ikou_xml_next_sibling       (xmlNode                 *node,
                                         const char              *name);
/* The attribute's value (newly allocated), or NULL when it is absent. */
char       *ikou_xml_get_attr           (xmlNode                 *node,
                                         const char              *name);
/* The text content of @node (newly allocated, "" when empty). */
char       *ikou_xml_get_text           (xmlNode                 *node);
/* The text of the first child element @name, or NULL when there is none. */
char       *ikou_xml_get_child_text     (xmlNode                 *parent,
                                         const char              *name);
/* @root's format="N" (newly allocated) when it is a number above
 * @newest, otherwise NULL.  A file in a newer format is refused before
 * the schema, which it need not follow; a format that is not a number is
 * left to the schema to explain. */
char       *ikou_xml_newer_format       (xmlNode                 *root,
                                         guint                    newest);

/* Typed attributes.  An absent attribute gives the type's default and
 * succeeds; a malformed one is @code naming the file, the line, the
 * value and what it should have been (the type's @expected).  Each
 * type's parser takes the text (NULL when absent) and a pointer to the
 * type in the comment below, which it writes only when it succeeds. */
typedef gboolean (*IkouXmlAttrParser) (const char *text,
                                       gpointer    out_value);
typedef struct
{
  IkouXmlAttrParser  parse;
  const char        *expected;   /* untranslated */
} IkouXmlAttrType;

extern const IkouXmlAttrType ikou_xml_attr_date;    /* IkouDay: IKOU_DAY_NONE */
extern const IkouXmlAttrType ikou_xml_attr_uint;    /* guint: 0 */
extern const IkouXmlAttrType ikou_xml_attr_int64;   /* gint64: -1 (unknown) */
extern const IkouXmlAttrType ikou_xml_attr_bool;    /* gboolean: FALSE */

gboolean    ikou_xml_get_typed_attr     (xmlNode                 *node,
                                         const char              *name,
                                         const IkouXmlAttrType   *type,
                                         const char              *display_name,
                                         IkouErrorCode            code,
                                         gpointer                 out_value,
                                         GError                 **error);

/*
 * Writing: an indented (two spaces), UTF-8 document built in memory with
 * libxml2's xmlTextWriter, so escaping is libxml2's.  Text that cannot
 * appear in XML 1.0 (invalid UTF-8, control characters) is written as
 * U+FFFD rather than producing a file nobody can read back.
 */
typedef struct _IkouXmlWriter IkouXmlWriter;

IkouXmlWriter *ikou_xml_writer_new        (void);
void           ikou_xml_writer_free       (IkouXmlWriter *writer);
void           ikou_xml_writer_start      (IkouXmlWriter *writer,
                                           const char    *element);
void           ikou_xml_writer_end        (IkouXmlWriter *writer);
/* Attributes of the element just started; a NULL value writes nothing. */
void           ikou_xml_writer_attr       (IkouXmlWriter *writer,
                                           const char    *name,
                                           const char    *value);
/* YYYY-MM-DD; writes nothing for IKOU_DAY_NONE (or an impossible day). */
void           ikou_xml_writer_attr_date  (IkouXmlWriter *writer,
                                           const char    *name,
                                           IkouDay        day);
void           ikou_xml_writer_attr_uint  (IkouXmlWriter *writer,
                                           const char    *name,
                                           guint          value);
void           ikou_xml_writer_attr_int64 (IkouXmlWriter *writer,
                                           const char    *name,
                                           gint64         value);
void           ikou_xml_writer_attr_bool  (IkouXmlWriter *writer,
                                           const char    *name,
                                           gboolean       value);
/* <element>text</element>; a NULL text writes nothing. */
void           ikou_xml_writer_element    (IkouXmlWriter *writer,
                                           const char    *element,
                                           const char    *text);
/* Text inside the element started last. */
void           ikou_xml_writer_text       (IkouXmlWriter *writer,
                                           const char    *text);
void           ikou_xml_writer_comment    (IkouXmlWriter *writer,
                                           const char    *text);
/* Ends the document and returns it (NUL-terminated, newly allocated);
 * frees @writer. */
char          *ikou_xml_writer_finish     (IkouXmlWriter *writer,
                                           gsize         *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouXmlWriter, ikou_xml_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkouXmlStream, ikou_xml_stream_free)

G_END_DECLS
