/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <libxml/xmlwriter.h>

#include "ikou-calendar.h"
#include "ikou-xml-util-private.h"

/* IkouXmlWriter: deterministic output through libxml2's xmlTextWriter,
 * any text repaired into what XML 1.0 can hold. */

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

  xml_ensure_libxml ();

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
