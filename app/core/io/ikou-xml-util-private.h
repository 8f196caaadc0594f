/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "ikou-xml-util.h"

G_BEGIN_DECLS

/* The libxml2 layer inside, for its own files only: ikou-xml-util.c
 * (set-up, errors, parsing a document, validation, node accessors),
 * ikou-xml-util-stream.c (the streaming reader and its prolog scanner) and
 * ikou-xml-util-writer.c. */

/* libxml2 2.12 made the structured error const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError IkouXmlError;
#else
typedef xmlError IkouXmlError;
#endif

/* Safety options: no network, keep line numbers above 65535.  Never
 * XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD, DTDATTR,
 * DTDVALID or XINCLUDE. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

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

G_GNUC_INTERNAL
void         xml_ensure_libxml        (void);
G_GNUC_INTERNAL
void         xml_set_error_at_line    (GError                 **error,
                                       IkouErrorCode            code,
                                       const char              *display_name,
                                       int                      line,
                                       const char              *message);
G_GNUC_INTERNAL
char        *xml_clean_message        (const char              *message);
G_GNUC_INTERNAL
void         xml_error_scope_enter    (ErrorScope              *scope,
                                       xmlStructuredErrorFunc   func,
                                       void                    *data);
G_GNUC_INTERNAL
void         xml_error_scope_leave    (ErrorScope              *scope);
/* Whether @data starts (after a byte order mark and white space) with
 * '<', or is UTF-16 with a byte order mark. */
G_GNUC_INTERNAL
gboolean     xml_looks_like_xml       (const char              *data,
                                       gsize                    length);
/* The compiled RELAX NG schema of the resource @name, NULL if it has
 * none; compiled once, never freed. */
G_GNUC_INTERNAL
xmlRelaxNG  *xml_get_schema           (const char              *name);

G_END_DECLS
