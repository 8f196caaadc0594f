/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ikou-calendar.h"
#include "ikou-document.h"
#include "ikou-types.h"

G_BEGIN_DECLS

/* Small helpers the window, the findings panel and the editors share. */

/* G_DEFINE_FINAL_TYPE_WITH_CODE for a GListModel of @item_type items:
 * its interface is @t_n_get_n_items and @t_n_get_item, which the file
 * defines before this. */
#define IKOU_DEFINE_FINAL_LIST_MODEL(TN, t_n, T_P, item_type)                \
  static GType                                                               \
  t_n##_get_item_type (GListModel *model)                                    \
  {                                                                          \
    return item_type;                                                        \
  }                                                                          \
                                                                             \
  static void                                                                \
  t_n##_list_model_init (GListModelInterface *iface)                         \
  {                                                                          \
    iface->get_item_type = t_n##_get_item_type;                              \
    iface->get_n_items = t_n##_get_n_items;                                  \
    iface->get_item = t_n##_get_item;                                        \
  }                                                                          \
                                                                             \
  G_DEFINE_FINAL_TYPE_WITH_CODE (TN, t_n, T_P,                               \
                                 G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,   \
                                                        t_n##_list_model_init))

/* The style class that colours a finding of @severity: "error",
 * "warning" or "info" (static string). */
const char    *ikou_severity_css_class        (IkouSeverity severity);
/* The symbolic icon of a finding of @severity (static string). */
const char    *ikou_severity_icon_name        (IkouSeverity severity);
/* Attributes tagging text as Japanese (ja-JP) so Pango picks Japanese
 * glyph forms and one font: for cells that show the plan's text.  One
 * shared list, owned by this module: do not modify or unref it. */
PangoAttrList *ikou_japanese_text_attributes  (void);

/* The metrics a one-line list cell lays out with (Pango units). */
typedef struct
{
  int char_width;  /* the wider of Pango's approximate character and digit widths */
  int ascent;
  int descent;
  /* A context with the settings of the widgets' contexts, which nothing
   * changes: layouts made with it can be shared by all those widgets. */
  PangoContext *context;
} IkouCellMetrics;

/* The metrics of @widget's font, from a cache of the process shared by
 * every widget whose Pango context has the same font, language,
 * resolution, font options, font map and direction.
 * pango_context_get_metrics() shapes a sample text each time it is
 * called; a list redraws dozens of cells a frame and builds hundreds at
 * once.  The result lives as long as the process. */
const IkouCellMetrics *ikou_cell_metrics_lookup (GtkWidget *widget);
/* Whether a change of @setting (GtkWidget::system_setting_changed) can
 * change how text is laid out: the DPI, the default font, fontconfig.  Not
 * the icon theme, which GTK announces once at start-up to every widget. */
gboolean ikou_system_setting_affects_text (GtkSystemSetting setting);
/* Scrolls the nearest GtkScrolledWindow around @widget so that @widget
 * (typically a message that has just appeared under a field) is in
 * view, once it has been laid out (it waits a few frames at most).
 * Does nothing when @widget is not in a scrolled window. */
void           ikou_widget_reveal_later       (GtkWidget   *widget);
/* @chosen (from a save file chooser) with @suffix (".ikou", ".pdf", …)
 * added when its name lacks it, compared without case.  The chooser
 * asked about replacing the name the planner typed, not the one with the
 * suffix: a file that exists under the new name is an IKOU_ERROR_IO,
 * never overwritten without asking. */
GFile         *ikou_file_with_suffix          (GFile       *chosen,
                                               const char  *suffix,
                                               GError     **error);
/* For a GtkFileChooserNative's ::response: the file chosen, NULL when
 * none was.  The chooser is destroyed, and cleared from *@kept (where
 * its owner keeps the one it shows) when it is that one. */
GFile         *ikou_file_chooser_finish       (GtkNativeDialog       *native,
                                               int                    response,
                                               GtkFileChooserNative **kept);
/* The answers to a question about unsaved changes: @close_id (what
 * Escape answers), "discard" (destructive) and @keep_id (suggested, the
 * default). */
void           ikou_message_dialog_add_discard_responses (AdwMessageDialog *dialog,
                                                          const char       *close_id,
                                                          const char       *close_label,
                                                          const char       *keep_id,
                                                          const char       *keep_label);

/* Tooltips that wrap at words.  GTK 4.8 wraps a one-line tooltip at as
 * many average Latin character widths as the text has characters, so
 * Japanese text (each character twice as wide) wraps in the middle of
 * words, down to a character per line.  These show @text in a label of
 * their own that wraps only past about 60 columns (a Japanese character
 * counts two), at spaces and where Japanese allows a line break. */
GtkWidget     *ikou_tooltip_label_new         (const char  *text);
/* For query-tooltip handlers: gtk_tooltip_set_text() with that label. */
void           ikou_tooltip_set_text          (GtkTooltip  *tooltip,
                                               const char  *text);
/* gtk_widget_set_tooltip_text() shown through that label. */
void           ikou_widget_set_tooltip        (GtkWidget   *widget,
                                               const char  *text);
/* Every widget at or below @root whose tooltip is its tooltip-text (as
 * templates set it) shows it through that label; once per widget. */
void           ikou_tooltips_fix              (GtkWidget   *root);

/* Esc in @entry (a GtkEditable) puts back the text it held when it got
 * the focus or was last applied with Enter, and keeps the focus there.
 * With nothing to put back, Esc goes on to the widgets around it (the
 * window takes the focus back to the list).  Whatever text
 * @entry holds when it gets the focus is the text to put back. */
void           ikou_entry_restore_on_escape   (GtkWidget   *entry);
/* Sets @entry's text to @value when the model changed since the last
 * sync (or @force), so that a refresh for an unrelated change does not
 * wipe what the user is typing.  The value last synced is kept on the
 * entry as "ikou-synced". */
void           ikou_entry_sync                (GtkEntry    *entry,
                                               const char  *value,
                                               gboolean     force);
/* Every IkouDateEntry at or below @root shows its day with @labels
 * (the planner's 西暦/和暦 setting; ikou_date_entry_set_labels()). */
void           ikou_date_entries_set_labels   (GtkWidget   *root,
                                               IkouLabels   labels);

/* Calls @func (@data) once, when the main loop is next idle at @priority,
 * unless a call is already queued in *@id: for work that many changes in
 * a row ask for and that is done once after them.  *@id holds the source
 * until it runs and is 0 again before @func is called, so
 * g_clear_handle_id (@id, g_source_remove) cancels it (in dispose). */
void           ikou_idle_once                 (guint               *id,
                                               int                  priority,
                                               GSourceOnceFunc      func,
                                               gpointer             data);

/* Makes @owner follow @document instead of the document in *@slot: drops
 * every handler of @owner on the old document and on its plan, keeps a
 * reference to @document in *@slot, and connects @callback, called with
 * @owner alone, to each of @document_signals and @plan_signals (of its
 * plan; either NULL-terminated, or NULL).  @document NULL just lets go
 * (for dispose).  FALSE, doing nothing, when *@slot is @document. */
gboolean       ikou_follow_document           (IkouDocument       **slot,
                                               IkouDocument        *document,
                                               gpointer             owner,
                                               GCallback            callback,
                                               const char * const  *document_signals,
                                               const char * const  *plan_signals);

G_END_DECLS
