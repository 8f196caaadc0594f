/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "ikou-calendar.h"
#include "ikou-csv.h"
#include "ikou-error.h"
#include "ikou-store.h"
#include "ikou-xlsx.h"
#include "ikou-test-util.h"

static IkouSchedule *schedule;
static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* The sample as the table holds it (the CSV is its fingerprint). */
static IkouPlan *
sample_table_plan (char **csv)
{
  g_autofree char *path = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), "data", "samples",
                                            "koriyama.ikou", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) sample = ikou_store_load (path, &error);
  g_autofree char *data = NULL;
  gsize length;
  IkouPlan *plan;

  g_assert_no_error (error);
  data = ikou_csv_write_data (sample, schedule, &length);
  plan = ikou_csv_read_data (data, length, "sample.csv", schedule, NULL, &error);
  g_assert_no_error (error);
  if (csv != NULL)
    *csv = g_steal_pointer (&data);
  return plan;
}

static char *
read_entry (const char *path,
            const char *name)
{
  zip_t *zip = zip_open (path, ZIP_RDONLY, NULL);
  zip_file_t *file;
  zip_stat_t st;
  char *data;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, name, 0, &st), ==, 0);
  data = g_malloc0 (st.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (file);
  zip_discard (zip);
  return data;
}

/* A workbook made of @parts (name, content, …, NULL). */
static GBytes *
make_zip (const char *first_name,
          ...)
{
  g_autofree char *path = tmp_path ("made.zip");
  const char *name = first_name;
  zip_t *zip;
  va_list args;
  char *data = NULL;
  gsize length = 0;

  g_unlink (path);
  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, NULL);
  g_assert_nonnull (zip);
  va_start (args, first_name);
  while (name != NULL)
    {
      const char *content = va_arg (args, const char *);
      zip_source_t *source = zip_source_buffer (zip, content, strlen (content), 0);

      g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8), >=, 0);
      name = va_arg (args, const char *);
    }
  va_end (args);
  g_assert_cmpint (zip_close (zip), ==, 0);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_unlink (path);
  return g_bytes_new_take (data, length);
}

static IkouPlan *
read_bytes (GBytes  *bytes,
            GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return ikou_xlsx_read_data (data, length, "book.xlsx", schedule, NULL, error);
}

#define RELS_ROOT \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define RELS_BOOK \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/plan.xml\"/>" \
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
#define WORKBOOK(pr) \
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" pr \
  "<sheets><sheet name=\"メモ\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"計画\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"
#define STRINGS \
  "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\">" \
  "<si><t>システム名</t></si>" \
  "<si><r><t>稼働</t></r><r><t>日</t></r></si>" \
  "<si><t>戸籍システム</t><rPh sb=\"0\" eb=\"2\"><t>コセキ</t></rPh></si>" \
  "<si><t xml:space=\"preserve\">標準準拠</t></si></sst>"
#define SHEET(rows) \
  "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" \
  rows "</sheetData></worksheet>"
#define HEADER_ROW \
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c>" \
  "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"inlineStr\"><is><t>予算額（千円）</t></is></c></row>"

static void
test_handmade (void)
{
  /* Shared strings (rich text, phonetic readings), inline strings,
   * numbers, booleans, a date serial, a sheet named 計画 that is not the
   * first, a workbook in the 1904 date system. */
  g_autoptr(GBytes) bytes = make_zip (
    "_rels/.rels", RELS_ROOT,
    "xl/_rels/workbook.xml.rels", RELS_BOOK,
    "xl/workbook.xml", WORKBOOK (""),
    "xl/sharedStrings.xml", STRINGS,
    "xl/worksheets/sheet1.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
    "xl/worksheets/plan.xml", SHEET (HEADER_ROW
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"C3\" s=\"1\"><v>45748</v></c>"
      "<c r=\"D3\" t=\"b\"><v>1</v></c><c r=\"E3\"><v>12000</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>住民記録システム</t></is></c>"
      "<c r=\"C4\" t=\"str\"><v>R7.4.1</v></c><c r=\"D4\" t=\"b\"><v>0</v></c></row>"
      /* Cells without a reference: each the next in its row. */
      "<row r=\"5\"><c t=\"inlineStr\"><is><t>税務システム</t></is></c>"
      "<c r=\"C5\"><v>45748</v></c><c t=\"b\"><v>1</v></c><c><v>500</v></c></row>"),
    NULL);
  g_autoptr(GBytes) bytes1904 = make_zip (
    "_rels/.rels", RELS_ROOT,
    "xl/_rels/workbook.xml.rels", RELS_BOOK,
    "xl/workbook.xml", WORKBOOK ("<workbookPr date1904=\"1\"/>"),
    "xl/sharedStrings.xml", STRINGS,
    "xl/worksheets/sheet1.xml", SHEET (""),
    "xl/worksheets/plan.xml", SHEET (HEADER_ROW
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"C2\"><v>44286</v></c></row>"),
    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = read_bytes (bytes, &error);
  g_autoptr(IkouPlan) plan1904 = NULL;
  const IkouStep *step;

  g_assert_no_error (error);
  g_assert_cmpuint (ikou_plan_get_n_systems (plan), ==, 3);
  g_assert_cmpstr (ikou_system_get_name (ikou_plan_get_system (plan, 0)), ==, "戸籍システム");
  step = ikou_system_get_step (ikou_plan_get_system (plan, 0), 0);
  g_assert_cmpint (step->cutover_date, ==, ikou_day_from_ymd (2025, 4, 1));
  g_assert_true (step->standard_compliant);
  g_assert_cmpint (step->budget_amount, ==, 12000);
  step = ikou_system_get_step (ikou_plan_get_system (plan, 1), 0);
  g_assert_cmpint (step->cutover_date, ==, ikou_day_from_ymd (2025, 4, 1));
  g_assert_false (step->standard_compliant);
  g_assert_cmpstr (ikou_system_get_name (ikou_plan_get_system (plan, 2)), ==, "税務システム");
  step = ikou_system_get_step (ikou_plan_get_system (plan, 2), 0);
  g_assert_cmpint (step->cutover_date, ==, ikou_day_from_ymd (2025, 4, 1));
  g_assert_true (step->standard_compliant);
  g_assert_cmpint (step->budget_amount, ==, 500);

  plan1904 = read_bytes (bytes1904, &error);
  g_assert_no_error (error);
  step = ikou_system_get_step (ikou_plan_get_system (plan1904, 0), 0);
  g_assert_cmpint (step->cutover_date, ==, ikou_day_from_ymd (2025, 4, 1));
}

static void
test_round_trip (void)
{
  g_autofree char *csv = NULL;
  g_autoptr(IkouPlan) plan = sample_table_plan (&csv);
  g_autofree char *path = tmp_path ("plan.xlsx");
  g_autofree char *only = tmp_path ("only-plan.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) again = NULL;
  g_autoptr(IkouPlan) again_only = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *book = NULL;
  g_autofree char *roadmap = NULL;
  g_autofree char *plan_sheet = NULL;
  g_autofree char *strings = NULL;

  g_assert_true (ikou_xlsx_write_file (plan, schedule, path, &error));
  g_assert_no_error (error);
  again = ikou_xlsx_read_file (path, schedule, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  ikou_test_assert_plans_equal (plan, again);

  g_assert_true (ikou_xlsx_write_sheets (plan, schedule, IKOU_XLSX_SHEET_PLAN, only, &error));
  again_only = ikou_xlsx_read_file (only, schedule, NULL, &error);
  g_assert_no_error (error);
  ikou_test_assert_plans_equal (plan, again_only);

  /* The workbook as the issue describes it. */
  book = read_entry (path, "xl/workbook.xml");
  ikou_test_assert_contains (book, "name=\"計画\"", "name=\"ロードマップ\"",
                             "_xlnm._FilterDatabase", NULL);
  plan_sheet = read_entry (path, "xl/worksheets/sheet1.xml");
  ikou_test_assert_contains (plan_sheet, "<autoFilter ref=\"A1:AI18\"/>", "state=\"frozen\"",
                             "<dimension ref=\"A1:AI18\"/>",
                             /* 2020-10-01 as an Excel date, and its cell
                              * styled as one. */
                             "<v>44105</v>",
                             /* Texts are shared strings; a row's first
                              * cell says where it is, the cells that
                              * follow it directly do not. */
                             "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>", "</c><c t=\"s\"><v>",
                             NULL);
  strings = read_entry (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, ikou_system_get_name (ikou_plan_get_system (plan, 0))));
  g_assert_null (strstr (plan_sheet, ikou_system_get_name (ikou_plan_get_system (plan, 0))));
  roadmap = read_entry (path, "xl/worksheets/sheet2.xml");
  ikou_test_assert_contains (roadmap, "R7年度末", "R2年度（2020）", "★", "◆", "▲",
                             "paperSize=\"8\"", "orientation=\"landscape\"", NULL);
  g_unlink (path);
  g_unlink (only);
}

/* Workbooks LibreOffice Calc wrote: from the sample's CSV, and from
 * Ikou's own workbook opened and saved again. */
static void
test_libreoffice (void)
{
  const char *files[] = { "koriyama-libreoffice.xlsx", "koriyama-libreoffice-resaved.xlsx" };
  g_autoptr(IkouPlan) expected = sample_table_plan (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (IKOU_TEST_DATADIR, files[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(IkouPlan) plan = ikou_xlsx_read_file (path, schedule, NULL, &error);

      g_assert_no_error (error);
      ikou_test_assert_plans_equal (expected, plan);
    }
}

static void
assert_fails (GBytes        *bytes,
              IkouErrorCode  code,
              const char    *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = read_bytes (bytes, &error);

  g_assert_null (plan);
  g_assert_error (error, IKOU_ERROR, (int) code);
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("“%s” not in “%s”", part, error->message);
}

/* Plan sheets refused with @code, saying @part. */
static const struct
{
  const char    *sheet;
  IkouErrorCode  code;
  const char    *part;
} bad_sheets[] = {
  { "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet/>",
    IKOU_ERROR_CORRUPT, "DOCTYPE" },
  /* A shared string that is not there. */
  { SHEET (HEADER_ROW "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row>"),
    IKOU_ERROR_INVALID_INPUT, "book.xlsx:2:1: " },
  { SHEET (HEADER_ROW "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c>"
           "<c r=\"C2\"><v>-5</v></c></row>"
           "<row r=\"7\"><c r=\"A7\" t=\"s\"><v>2</v></c>"
           "<c r=\"C7\" t=\"str\"><v>R7.2.30</v></c></row>"),
    IKOU_ERROR_INVALID_INPUT, "book.xlsx:7:3: 稼働日: “R7.2.30”" },
  /* A number far outside any amount (and outside a 64-bit integer: it
   * must not be converted to one to find out). */
  { SHEET (HEADER_ROW "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c>"
           "<c r=\"E2\"><v>1.66667e+96</v></c></row>"),
    IKOU_ERROR_INVALID_INPUT, "book.xlsx:2:5: " },
};

static void
test_bad_inputs (void)
{
  g_autofree char *path = tmp_path ("good.xlsx");
  g_autoptr(IkouPlan) plan = sample_table_plan (NULL);
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("システム名\nA\n", strlen ("システム名\nA\n"));
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) no_book = make_zip ("hello.txt", "hello", NULL);
  g_autoptr(GBytes) empty_sheet = NULL;
  g_autoptr(GBytes) no_sheet = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (ikou_xlsx_write_file (plan, schedule, path, NULL));
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  good = g_bytes_new (data, length);
  truncated = g_bytes_new (data, length / 2);
  g_unlink (path);

  assert_fails (text, IKOU_ERROR_NOT_A_PLAN, "not an Excel workbook");
  assert_fails (truncated, IKOU_ERROR_NOT_A_PLAN, "not a complete zip");
  assert_fails (no_book, IKOU_ERROR_NOT_A_PLAN, "not an Excel workbook");

  /* A whole workbook but for its plan sheet. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_sheets); i++)
    {
      g_autoptr(GBytes) book = make_zip ("_rels/.rels", RELS_ROOT,
                                         "xl/_rels/workbook.xml.rels", RELS_BOOK,
                                         "xl/workbook.xml", WORKBOOK (""),
                                         "xl/sharedStrings.xml", STRINGS,
                                         "xl/worksheets/plan.xml", bad_sheets[i].sheet, NULL);

      assert_fails (book, bad_sheets[i].code, bad_sheets[i].part);
    }

  empty_sheet = make_zip ("_rels/.rels", RELS_ROOT, "xl/_rels/workbook.xml.rels", RELS_BOOK,
                          "xl/workbook.xml", WORKBOOK (""), "xl/worksheets/plan.xml", SHEET (""),
                          NULL);
  assert_fails (empty_sheet, IKOU_ERROR_NOT_A_PLAN, "no header row");

  no_sheet = make_zip ("_rels/.rels", RELS_ROOT, "xl/_rels/workbook.xml.rels", RELS_BOOK,
                       "xl/workbook.xml", WORKBOOK (""), NULL);
  assert_fails (no_sheet, IKOU_ERROR_CORRUPT, "xl/worksheets/plan.xml");

  /* Still the good one. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IkouPlan) back = read_bytes (good, &error);

    g_assert_no_error (error);
    ikou_test_assert_plans_equal (plan, back);
  }
}

/* A part whose header promises more than the limit is refused before it
 * is unpacked. */
static void
test_zip_bomb (void)
{
  g_autoptr(GBytes) bytes = make_zip ("_rels/.rels", RELS_ROOT,
                                      "xl/_rels/workbook.xml.rels", RELS_BOOK,
                                      "xl/workbook.xml", WORKBOOK (""),
                                      "xl/worksheets/plan.xml", SHEET (HEADER_ROW), NULL);
  gsize length = g_bytes_get_size (bytes);
  guchar *data = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
  g_autoptr(GBytes) lying = NULL;
  guint patched = 0;

  /* Every central directory entry of plan.xml says 3 GB unpacked. */
  for (gsize i = 0; i + 46 < length; i++)
    {
      if (memcmp (data + i, "PK\x01\x02", 4) == 0 &&
          memcmp (data + i + 46, "xl/worksheets/plan.xml", 22) == 0)
        {
          data[i + 24] = 0x00;
          data[i + 25] = 0x00;
          data[i + 26] = 0x00;
          data[i + 27] = 0xC0;
          patched++;
        }
    }
  g_assert_cmpuint (patched, ==, 1);
  lying = g_bytes_new_take (data, length);
  assert_fails (lying, IKOU_ERROR_INVALID_INPUT, "zip bomb");
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 b[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

/* A zip of @n empty stored parts, written by hand (libzip takes minutes
 * to write ten thousand parts). */
static GBytes *
make_many_parts (guint n)
{
  GByteArray *out = g_byte_array_new ();
  GByteArray *central = g_byte_array_new ();
  guint32 central_offset;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%05u", i);
      guint32 offset = out->len;

      put32 (out, 0x04034b50);
      put16 (out, 10); put16 (out, 0); put16 (out, 0); put16 (out, 0); put16 (out, 0);
      put32 (out, 0); put32 (out, 0); put32 (out, 0);
      put16 (out, strlen (name)); put16 (out, 0);
      g_byte_array_append (out, (const guint8 *) name, strlen (name));

      put32 (central, 0x02014b50);
      put16 (central, 20); put16 (central, 10); put16 (central, 0); put16 (central, 0);
      put16 (central, 0); put16 (central, 0);
      put32 (central, 0); put32 (central, 0); put32 (central, 0);
      put16 (central, strlen (name)); put16 (central, 0); put16 (central, 0);
      put16 (central, 0); put16 (central, 0); put32 (central, 0); put32 (central, offset);
      g_byte_array_append (central, (const guint8 *) name, strlen (name));
    }
  central_offset = out->len;
  g_byte_array_append (out, central->data, central->len);
  put32 (out, 0x06054b50);
  put16 (out, 0); put16 (out, 0); put16 (out, n); put16 (out, n);
  put32 (out, central->len); put32 (out, central_offset); put16 (out, 0);
  g_byte_array_unref (central);
  return g_byte_array_free_to_bytes (out);
}

static void
test_too_many_parts (void)
{
  g_autoptr(GBytes) many = make_many_parts (IKOU_XLSX_MAX_ENTRIES + 1);

  assert_fails (many, IKOU_ERROR_INVALID_INPUT, "more than 10000 parts");
}

static void
test_describe (void)
{
  g_autoptr(IkouPlan) plan = sample_table_plan (NULL);
  g_autofree char *text = ikou_xlsx_describe (plan, schedule);

  g_assert_cmpstr (text, ==, "The roadmap sheet will hold 17 systems × 72 months (R2年度–R7年度).");
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  schedule = ikou_test_load_schedule ();
  tmpdir = g_dir_make_tmp ("ikou-xlsx-XXXXXX", NULL);

  g_test_add_func ("/xlsx/handmade", test_handmade);
  g_test_add_func ("/xlsx/round-trip", test_round_trip);
  g_test_add_func ("/xlsx/libreoffice", test_libreoffice);
  g_test_add_func ("/xlsx/bad-inputs", test_bad_inputs);
  g_test_add_func ("/xlsx/zip-bomb", test_zip_bomb);
  g_test_add_func ("/xlsx/too-many-parts", test_too_many_parts);
  g_test_add_func ("/xlsx/describe", test_describe);

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  g_clear_object (&schedule);
  return status;
}
