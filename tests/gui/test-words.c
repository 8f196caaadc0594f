/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ikou-application.h"
#include "ikou-calendar.h"
#include "ikou-i18n.h"
#include "ikou-finding.h"
#include "ikou-finding-list.h"
#include "ikou-findings-panel.h"
#include "ikou-gui-util.h"
#include "ikou-text-cell.h"
#include "ikou-window.h"
#include "gui-test.h"
#include "ikou-gui-test-util.h"

/* Words in the window under Xvfb, through public API only: the findings
 * panel shows rule titles (never ids), counts with plural forms and
 * dates by the 西暦/和暦 setting; the shortcuts window opens without a
 * GTK warning (gtk_test_init() makes warnings fatal); tooltips wrap at
 * words.  Screenshots: tests/artifacts/words-<lang>-*.png in the build.
 *
 * Run with --ikou-lang=ja for the Japanese interface (LANGUAGE=ja). */

static const char *lang = "en";

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of every inscription, text cell (the panel's cells) and label
 * below @root. */
static void
collect_texts (GtkWidget *root,
               GPtrArray *texts)
{
  if (GTK_IS_INSCRIPTION (root) && gtk_inscription_get_text (GTK_INSCRIPTION (root)) != NULL)
    g_ptr_array_add (texts, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (root)));
  if (IKOU_IS_TEXT_CELL (root) && ikou_text_cell_get_text (IKOU_TEXT_CELL (root)) != NULL)
    g_ptr_array_add (texts, (gpointer) ikou_text_cell_get_text (IKOU_TEXT_CELL (root)));
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
is_iso_day (const char *text)
{
  return g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0);
}

static gboolean
is_era_day (const char *text)
{
  return g_regex_match_simple ("^[RH][0-9]+\\.[0-9]+\\.[0-9]+$", text, 0, 0);
}

/* How many cells look like a day of each kind. */
static void
count_days (GPtrArray *texts,
            guint     *iso,
            guint     *era)
{
  *iso = *era = 0;
  for (guint i = 0; i < texts->len; i++)
    {
      if (is_iso_day (g_ptr_array_index (texts, i)))
        (*iso)++;
      if (is_era_day (g_ptr_array_index (texts, i)))
        (*era)++;
    }
}

static void
test_findings_panel (void)
{
  IkouWindow *window = gui_test_open_sample_window_sized (1600, 1000);
  IkouFindingsPanel *panel;
  const IkouFinding *first;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char * const *ids = ikou_rule_get_ids ();
  g_autofree char *description = NULL;
  guint n_errors = 0;
  guint iso, era;

  g_object_set (window, "show-findings", TRUE, "era-labels", TRUE, NULL);
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 10);
  panel = IKOU_FINDINGS_PANEL (find_widget (GTK_WIDGET (window), IKOU_TYPE_FINDINGS_PANEL));
  g_assert_nonnull (panel);
  /* The window hands its setting to the panel. */
  g_assert_true (ikou_findings_panel_get_era_labels (panel));

  first = ikou_findings_panel_get_finding (panel, 0);
  g_assert_nonnull (first);
  collect_texts (GTK_WIDGET (panel), texts);

  /* The first row's rule by its title; no id anywhere. */
  g_assert_true (g_ptr_array_find_with_equal_func (texts, ikou_rule_get_title (first->rule), g_str_equal, NULL));
  for (guint i = 0; i < texts->len; i++)
    for (guint r = 0; ids[r] != NULL; r++)
      if (strstr (g_ptr_array_index (texts, i), ids[r]) != NULL)
        g_error ("the findings panel shows the rule id %s", ids[r]);

  /* Counts as phrases with plural forms: "52 errors", 「エラー 52 件」. */
  n_errors = ikou_finding_list_get_count (IKOU_FINDING_LIST (ikou_findings_panel_get_model (panel)),
                                          IKOU_SEVERITY_ERROR);
  g_assert_cmpuint (n_errors, >, 1);
  {
    g_autofree char *errors = ikou_severity_count_label (IKOU_SEVERITY_ERROR, n_errors);
    g_autofree char *expected = g_strcmp0 (lang, "ja") == 0
                                ? g_strdup_printf ("エラー %u 件", n_errors)
                                : g_strdup_printf ("%u errors", n_errors);
    g_autofree char *one = ikou_severity_count_label (IKOU_SEVERITY_WARNING, 1);

    g_assert_cmpstr (errors, ==, expected);
    g_assert_true (g_ptr_array_find_with_equal_func (texts, expected, g_str_equal, NULL));
    g_assert_cmpstr (one, ==, g_strcmp0 (lang, "ja") == 0 ? "警告 1 件" : "1 warning");
  }

  /* Dates by the setting: 和暦 in Japanese, ISO in English. */
  count_days (texts, &iso, &era);
  if (g_strcmp0 (lang, "ja") == 0)
    {
      g_assert_cmpuint (era, >, 0);
      g_assert_cmpuint (iso, ==, 0);
    }
  else
    {
      g_assert_cmpuint (iso, >, 0);
      g_assert_cmpuint (era, ==, 0);
    }
  gui_test_save_screenshot (GTK_WIDGET (window), "words", "findings");

  g_object_set (window, "era-labels", FALSE, NULL);
  g_assert_false (ikou_findings_panel_get_era_labels (panel));
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 5);
  g_ptr_array_set_size (texts, 0);
  collect_texts (GTK_WIDGET (panel), texts);
  count_days (texts, &iso, &era);
  g_assert_cmpuint (iso, >, 0);
  g_assert_cmpuint (era, ==, 0);

  /* The tooltip of the rule and message cells: title, then the sentence. */
  description = ikou_findings_panel_describe (panel, first);
  g_assert_true (g_str_has_prefix (description, ikou_rule_get_title (first->rule)));
  g_assert_nonnull (strchr (description, '\n'));
  if (g_strcmp0 (lang, "ja") == 0)
    g_assert_null (strstr (description, "手順"));

  gui_test_close_window (window);
}

/* Ctrl+? opens the shortcuts window; a GTK warning would abort here. */
static void
test_help_overlay (void)
{
  IkouWindow *window = gui_test_open_sample_window_sized (1600, 1000);
  GtkWindow *help;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  help = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (help);
  ikou_gui_test_wait_frames (GTK_WIDGET (help), 5);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help)));
  gui_test_save_screenshot (GTK_WIDGET (help), "words", "shortcuts");
  gtk_window_close (help);
  gui_test_close_window (window);
}

/* The height of @label laid out at its natural width, in lines. */
static int
label_lines (GtkWidget *label)
{
  g_autoptr(GtkWidget) one_line = NULL;
  GtkRequisition natural, single;

  g_object_ref_sink (label);
  gtk_widget_get_preferred_size (label, NULL, &natural);
  one_line = g_object_ref_sink (gtk_label_new ("Ag漢"));
  gtk_widget_get_preferred_size (one_line, NULL, &single);
  g_object_unref (label);
  return (natural.height + single.height / 2) / single.height;
}

static void
test_tooltip_label (void)
{
  const char *short_texts[] = { "システムを追加", "後期高齢システム", "Add System",
                                "最後の工程の後に工程を追加します", "Add a step after the last one" };
  g_autoptr(GString) long_text = g_string_new (NULL);
  GtkWidget *label;
  GtkRequisition natural;

  /* A short tooltip is one line, in Japanese too. */
  for (guint i = 0; i < G_N_ELEMENTS (short_texts); i++)
    g_assert_cmpint (label_lines (ikou_tooltip_label_new (short_texts[i])), ==, 1);

  /* A long one wraps, at a readable width. */
  for (guint i = 0; i < 12; i++)
    g_string_append (long_text, "工程1：稼働 2022-10-01 を過ぎていますが、完了になっていません。");
  label = ikou_tooltip_label_new (long_text->str);
  g_assert_cmpint (label_lines (label), >, 3);
  label = g_object_ref_sink (ikou_tooltip_label_new (long_text->str));
  gtk_widget_get_preferred_size (label, NULL, &natural);
  g_assert_cmpint (natural.width, <, 900);
  g_object_unref (label);
}

int
main (int   argc,
      char *argv[])
{
  lang = gui_test_init (&argc, &argv, "words", "2026-12-02");

  g_test_add_func ("/words/findings-panel", test_findings_panel);
  g_test_add_func ("/words/help-overlay", test_help_overlay);
  g_test_add_func ("/words/tooltip-label", test_tooltip_label);

  return gui_test_run ();
}
