/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-document.h"
#include "ikou-window.h"
#include "ikou-differences-panel.h"
#include "ikou-findings-panel.h"
#include "ikou-renderer.h"
#include "ikou-schedule.h"
#include "ikou-selection.h"

G_BEGIN_DECLS

typedef struct _IkouWindowShared IkouWindowShared;

/* Every row of the systems list and of the timeline is this tall (px).
 * ui/style.css fixes the list's cells to the same height. */
#define IKOU_WINDOW_ROW_HEIGHT 32

/* The list's columns, in display order. */
typedef enum
{
  IKOU_COLUMN_NAME,
  IKOU_COLUMN_DEPARTMENT,
  IKOU_COLUMN_OPERATION,
  IKOU_COLUMN_HOSTS,
  IKOU_COLUMN_NEXT_MILESTONE,
  IKOU_COLUMN_FINDINGS,
  IKOU_N_COLUMNS
} IkouColumn;

struct _IkouWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwHeaderBar       *header_bar;
  AdwWindowTitle     *window_title;
  GtkMenuButton      *primary_menu_button;
  GMenu              *recent_menu;
  GtkWidget          *start_recent_box;  /* the start page's recent plans */
  GtkWidget          *findings_button;
  GtkWidget          *findings_error_icon;
  GtkLabel           *findings_error_label;
  GtkWidget          *findings_warning_icon;
  GtkLabel           *findings_warning_label;
  GtkWidget          *zoom_box;
  GtkWidget          *today_button;
  GtkWidget          *editor_button;
  GtkWidget          *export_button;
  GtkWidget          *save_button;
  GtkWidget          *add_button;
  GtkWidget          *undo_button;
  GtkWidget          *redo_button;
  GtkStack           *stack;
  AdwStatusPage      *status_page;
  GtkPaned           *paned;
  GtkWidget          *list_box;
  GtkWidget          *list_spacer;
  GtkSearchEntry     *search_entry;
  GtkScrolledWindow  *list_scroller;
  GtkColumnView      *systems_view;
  GtkScrolledWindow  *timeline_scroller;
  GtkRevealer        *editor_revealer;
  GtkScrolledWindow  *editor_scroller;
  GtkRevealer        *findings_revealer;
  /* The roadmap above, and below it the box of the panels (findings,
   * differences, costs), shown while one is revealed. */
  GtkPaned           *findings_paned;
  GtkWidget          *bottom_box;
  IkouFindingsPanel  *findings_panel;

  /* Built in code */
  GtkWidget          *timeline;        /* IkouTimeline */
  GtkWidget          *system_editor;   /* IkouSystemEditor */
  GtkWidget          *bulk_editor;     /* IkouBulkEditor, for several systems */
  GtkStack           *editor_stack;    /* one of the two editors */
  GtkColumnViewColumn *columns[IKOU_N_COLUMNS];
  GtkCustomFilter    *filter;
  GListModel         *rows;            /* the plan, plus a row refresh per edited system */
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;       /* the current system */
  IkouSelection      *multi;           /* every selected system, over selection */
  char               *search_key;      /* casefolded search text, or NULL */
  IkouSystem         *kept_system;     /* selected, edited out of the search: shown until deselected */
  GPtrArray          *cells;           /* IkouSystemCell *, the list's live cells */

  /* The document: the plan, its history, file, scenarios and findings
   * (plan and history are the document's, kept here for brevity). */
  IkouDocument       *document;
  IkouPlan           *plan;
  IkouHistory        *history;
  IkouSchedule       *schedule;
  gboolean            recovered;       /* unsaved changes from a recovery copy */
  GPtrArray          *findings;        /* flat copy for export and tests; NULL after a change */
  GHashTable         *pending_rows;    /* ids whose list row must be re-sorted and re-filtered */
  guint               rows_idle_id;
  GtkWidget          *scenario_box;
  GtkDropDown        *scenario_dropdown;
  GtkStringList      *scenario_names;   /* "基準計画", then the plan's scenarios */
  gboolean            syncing_scenarios;
  GMenu              *compare_menu;
  GtkRevealer        *differences_revealer;
  GtkWidget          *standing_button;   /* where the plan stands today */
  GtkRevealer        *catch_up_revealer;
  GtkLabel           *catch_up_label;
  gboolean            catch_up_dismissed;
  guint               catch_up_idle_id;
  GtkWidget          *differences_panel;  /* IkouDifferencesPanel */
  GtkRevealer        *cost_revealer;
  GtkWidget          *cost_panel;         /* IkouCostPanel */
  GtkColumnViewColumn *cost_column;       /* the systems' costs, hidden by default */

  /* View state */
  char               *zoom;            /* "month", "quarter", "fiscal-year" */
  gboolean            show_findings;
  gboolean            show_editor;
  gboolean            era_labels;
  double              list_header_height;

  /* Autosave */
  char               *recovery_id;
  guint               autosave_debounce_id;
  guint               autosave_periodic_id;
  guint64             autosaved_serial;

  /* Undo of a deletion from its toast */
  AdwToast           *delete_toast;
  gboolean            deleting;        /* a deletion is under way: its toast stays */

  /* The lock, read-only state, changes on disk (ikou-window-shared.c) */
  IkouWindowShared   *shared;

  IkouContext        *context;
  GSettings          *settings;        /* may be NULL without the schema */
  GtkFileChooserNative *chooser;
  gboolean            close_confirmed;
  gulong              after_paint_id;
  gulong              scroll_after_paint_id; /* keeps the selected row in view after a re-sort */

  /* Keyboard (ikou-window-keys.c) */
  GtkWidget          *main_focus;      /* systems_view or timeline: where Esc goes back to */

  /* Reading (ikou-window-view.c) */
  GtkWidget          *legend_button;
  GtkWidget          *legend_area;
  GtkWidget          *columns_button;
  GSimpleActionGroup *column_actions;  /* the window's "columns" group (borrowed) */
  gboolean            findings_height_pending;
};

/* ikou-window-actions.c */
void _ikou_window_class_actions_init (IkouWindowClass *klass);
void _ikou_window_actions_update     (IkouWindow      *self);
void _ikou_window_export_plan        (IkouWindow      *self,
                                      GFile           *chosen);
void _ikou_window_save_as            (IkouWindow      *self,
                                      gboolean         close_after);
void _ikou_window_show_error         (IkouWindow      *self,
                                      const char      *heading,
                                      const GError    *error);
void _ikou_window_rebuild_recent_menu(IkouWindow      *self);
/* ikou-window-start.c: the start page's list of recent plans. */
void _ikou_window_rebuild_start_page (IkouWindow      *self);

/* ikou-window-scenarios.c */
void _ikou_window_class_scenario_actions_init (IkouWindowClass *klass);
void _ikou_window_scenario_actions_update     (IkouWindow      *self);
/* Asks, then makes the shown scenario the baseline. */
void _ikou_window_adopt_scenario              (IkouWindow      *self);

/* ikou-window-catch-up.c */
void _ikou_window_class_catch_up_init (IkouWindowClass *klass);
/* The banner follows the plan: shown while milestones before today are
 * not marked done. */
void _ikou_window_update_catch_up     (IkouWindow      *self);
void _ikou_window_review_catch_up     (IkouWindow      *self);

/* ikou-window-shared.c */
void     _ikou_window_class_shared_init     (IkouWindowClass *klass);
void     _ikou_window_shared_init           (IkouWindow      *self);
void     _ikou_window_shared_dispose        (IkouWindow      *self);
/* Opens a .ikou plan: takes its lock, or asks when someone else has it
 * open (read-only, anyway, cancel); a checksum mismatch offers read-only.
 * In this window when it is empty, else in a new one. */
void     _ikou_window_shared_open           (IkouWindow      *self,
                                             GFile           *file);
/* As _ikou_window_shared_open() without asking: a plan someone else has
 * open is IKOU_ERROR_LOCKED, a checksum mismatch IKOU_ERROR_CHECKSUM. */
gboolean _ikou_window_shared_load           (IkouWindow      *self,
                                             GFile           *file,
                                             GError         **error);
/* A document of @file that was not read from it (a recovered copy):
 * takes its lock, or shows it read-only when someone else has it open. */
void     _ikou_window_shared_adopt          (IkouWindow      *self,
                                             GFile           *file);
gboolean _ikou_window_shared_is_read_only   (IkouWindow      *self);
/* Disables every edit and Save while read-only. */
void     _ikou_window_shared_actions_update (IkouWindow      *self);
/* Save (Ctrl+S, or before closing): read-only or untitled asks where; a
 * plan someone else saved meanwhile, or opened anyway, is asked about. */
void     _ikou_window_shared_save           (IkouWindow      *self,
                                             gboolean         close_after);
/* Refuses to write over the plan opened read-only, or over another plan
 * someone else has open. */
gboolean _ikou_window_shared_check_target   (IkouWindow      *self,
                                             GFile           *file,
                                             GError         **error);
/* After a save to @file: its lock, its monitor, editable. */
void     _ikou_window_shared_saved          (IkouWindow      *self,
                                             GFile           *file);
/* Shows the reload banner when the file changed on disk. */
void     _ikou_window_shared_check_disk     (IkouWindow      *self);

/* ikou-window-keys.c */
void _ikou_window_keys_init          (IkouWindow      *self);
/* The focus back to the list or the roadmap, whichever had it last. */
void _ikou_window_focus_main         (IkouWindow      *self);

/* ikou-window-view.c: the legend, the panes, the list's columns. */
void _ikou_window_class_view_init    (IkouWindowClass *klass);
void _ikou_window_view_init          (IkouWindow      *self);
/* Applies the settings (columns shown, the findings pane's height). */
void _ikou_window_view_attach        (IkouWindow      *self);
/* Keeps the findings pane's height in the settings. */
void _ikou_window_view_save          (IkouWindow      *self);
/* ikou-window-costs.c: the cost panel under the roadmap and the list's
 * cost column. */
void _ikou_window_class_costs_init   (IkouWindowClass *klass);
void _ikou_window_costs_init         (IkouWindow      *self);
/* The panel and the column are shown as the settings remember. */
void _ikou_window_costs_attach_settings (IkouWindow   *self);
void _ikou_window_costs_set_document (IkouWindow   *self,
                                      IkouDocument *document);

/* ikou-window-autosave.c: the recovery copy of a dirty plan. */
void _ikou_window_autosave_init      (IkouWindow      *self);
/* A change: the copy is written a little after the last one. */
void _ikou_window_autosave_queue     (IkouWindow      *self);

/* ikou-window.c */
void _ikou_window_update_title       (IkouWindow      *self);
/* Closes the window once the dialog asking about it is gone. */
void _ikou_window_close_later        (IkouWindow      *self);
/* ikou-window-selection.c */
void _ikou_window_class_selection_init   (IkouWindowClass *klass);
void _ikou_window_selection_init         (IkouWindow      *self);
void _ikou_window_selection_set_document (IkouWindow      *self,
                                          IkouDocument    *document);
void _ikou_window_selection_dispose      (IkouWindow      *self);
/* (transfer full): the selected systems shown in the list, in row order. */
GPtrArray *_ikou_window_dup_selected_systems (IkouWindow  *self);
/* Clears the search and selects those of @systems in the plan. */
void      _ikou_window_select_systems       (IkouWindow  *self,
                                             GPtrArray   *systems);
gboolean  _ikou_window_select_matching      (IkouWindow          *self,
                                             const char * const  *filters,
                                             GError             **error);
/* Each one undo step in the scenario on show, with a toast to undo. */
gboolean  _ikou_window_shift_selection      (IkouWindow          *self,
                                             int                  months,
                                             IkouShiftMilestones  which,
                                             GError             **error);
gboolean  _ikou_window_retarget_selection   (IkouWindow          *self,
                                             guint                host_id,
                                             GError             **error);
guint     _ikou_window_mark_selection_done  (IkouWindow          *self);

/* ikou-window-list.c: the systems list (columns, cells, sorting, the
 * search) and the row refreshes after edits. */
void _ikou_window_class_list_init    (IkouWindowClass *klass);
/* Makes the columns and the models under the list (self->selection). */
void _ikou_window_list_init          (IkouWindow      *self);
/* The cells in existence show their systems again (all columns, or the
 * findings column only). */
void _ikou_window_list_update_cells  (IkouWindow      *self,
                                      gboolean         findings_only);
/* The findings cells of @system show its findings again. */
void _ikou_window_list_update_findings (IkouWindow    *self,
                                        IkouSystem    *system);
/* After every system was re-checked. */
void _ikou_window_list_findings_reset (IkouWindow     *self);
/* The list re-sorts and re-filters @system_id's row in the next pass,
 * just before the next frame. */
void _ikou_window_list_queue_refresh (IkouWindow      *self,
                                      guint            system_id);
void _ikou_window_list_queue_pass    (IkouWindow      *self);
void _ikou_window_keep_selected_in_view (IkouWindow      *self);
void _ikou_window_set_zoom           (IkouWindow      *self,
                                      const char      *zoom);
void _ikou_window_recheck_all        (IkouWindow      *self);
/* Runs the document's queued re-checks and the list updates now, and
 * builds self->findings, the flat copy of all findings, which then stays
 * valid until the next change (tests, saving, export, printing). */
void _ikou_window_flush_checks       (IkouWindow      *self);
/* The scenario drop-down follows the plan's scenarios and the active one. */
void _ikou_window_sync_scenarios     (IkouWindow      *self);
void _ikou_window_sync_row_geometry  (IkouWindow      *self);
void _ikou_window_remove_recovery    (IkouWindow      *self);
IkouSystem *_ikou_window_get_selected_system (IkouWindow *self);
/* Reads .ikou (store) or .xml (XML reader) by the file's name. */
IkouPlan   *_ikou_window_read_plan          (GFile      *file,
                                             GError    **error);

G_END_DECLS
