/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <zip.h>

#include "fuzz-common.h"
#include "ikou-xlsx.h"

static const char rels[] =
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char book_rels[] =
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
static const char book[] =
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"計画\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char strings[] =
  "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<si><t>システム名</t></si><si><t>稼働日</t></si><si><t>業務</t></si><si><t>移行先</t></si>"
  "<si><r><t>戸籍</t></r><rPh><t>コセキ</t></rPh></si></sst>";

static void
add_part (zip_t      *zip,
          const char *name,
          const void *data,
          size_t      size)
{
  zip_int64_t index = zip_file_add (zip, name, zip_source_buffer (zip, data, size, 0), 0);

  zip_set_file_compression (zip, (zip_uint64_t) index, ZIP_CM_STORE, 0);
}

/* Anything that is not a zip is taken for the sheet of a workbook made
 * around it, so that the fuzzer reaches the sheet reader without having
 * to get a zip's checksums right. */
static GBytes *
wrap_sheet (const uint8_t *data,
            size_t         size)
{
  zip_source_t *source = zip_source_buffer_create (NULL, 0, 0, NULL);
  zip_t *zip;
  zip_stat_t st;
  GByteArray *out = g_byte_array_new ();
  guint8 buffer[65536];
  zip_int64_t got;

  zip_source_keep (source);
  zip = zip_open_from_source (source, ZIP_TRUNCATE, NULL);
  add_part (zip, "_rels/.rels", rels, strlen (rels));
  add_part (zip, "xl/_rels/workbook.xml.rels", book_rels, strlen (book_rels));
  add_part (zip, "xl/workbook.xml", book, strlen (book));
  add_part (zip, "xl/sharedStrings.xml", strings, strlen (strings));
  add_part (zip, "xl/worksheets/sheet1.xml", data, size);
  if (zip_close (zip) != 0)
    abort ();
  zip_source_stat (source, &st);
  zip_source_open (source);
  while ((got = zip_source_read (source, buffer, sizeof buffer)) > 0)
    g_byte_array_append (out, buffer, (guint) got);
  zip_source_close (source);
  zip_source_free (source);
  return g_byte_array_free_to_bytes (out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) wrapped = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (size < 2 || data[0] != 'P' || data[1] != 'K')
    {
      wrapped = wrap_sheet (data, size);
      data = g_bytes_get_data (wrapped, &size);
    }
  plan = ikou_xlsx_read_data ((const char *) data, size, "fuzz.xlsx", fuzz_get_schedule (), NULL, &error);

  if (!fuzz_check_outcome (plan, error, "fuzz.xlsx", FALSE))
    return 0;

  /* What a workbook gave is a table that reads back the same. */
  fuzz_check_table_round_trip (plan);

  return 0;
}
