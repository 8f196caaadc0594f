/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-file-store.h"
#include "ikou-gui-util.h"
#include "ikou-plan-rows.h"
#include "ikou-system-editor.h"
#include "ikou-timeline.h"
#include "ikou-standing-button.h"
#include "ikou-window-private.h"

G_DEFINE_FINAL_TYPE (IkouWindow, ikou_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_COMPARING,
  PROP_ZOOM,
  PROP_SHOW_FINDINGS,
  PROP_SHOW_EDITOR,
  PROP_ERA_LABELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const zoom_names[IKOU_N_ZOOMS] = { "month", "quarter", "fiscal-year" };

static void ikou_window_update_title (IkouWindow *self);

/* Small helpers */

static IkouZoom
zoom_from_name (const char *name)
{
  for (guint i = 0; i < IKOU_N_ZOOMS; i++)
    if (g_strcmp0 (zoom_names[i], name) == 0)
      return i;
  return IKOU_ZOOM_QUARTER;
}

/* Checking */

static void
update_findings_button (IkouWindow *self)
{
  guint n_errors = self->document != NULL ? ikou_document_get_n_errors (self->document) : 0;
  guint n_warnings = self->document != NULL ? ikou_document_get_n_warnings (self->document) : 0;
  g_autofree char *errors = g_strdup_printf ("%u", n_errors);
  g_autofree char *warnings = g_strdup_printf ("%u", n_warnings);
  g_autofree char *tooltip = NULL;
  g_autofree char *error_part = NULL;
  g_autofree char *warning_part = NULL;

  gtk_label_set_label (self->findings_error_label, errors);
  gtk_label_set_label (self->findings_warning_label, warnings);

  error_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                             n_errors), n_errors);
  warning_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                               n_warnings), n_warnings);
  /* Translators: the findings button's tooltip: "3 errors, 2 warnings" */
  tooltip = g_strdup_printf (_("%s, %s"), error_part, warning_part);
  gtk_widget_set_tooltip_text (self->findings_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  if (n_errors > 0)
    gtk_widget_add_css_class (self->findings_button, "error");
  else
    gtk_widget_remove_css_class (self->findings_button, "error");
}

void
_ikou_window_recheck_all (IkouWindow *self)
{
  if (self->document != NULL)
    ikou_document_recheck_all (self->document);
}

/* Every system was re-checked (a new plan, a host edit, another
 * scenario): the views take the document's findings again. */
static void
findings_reset_cb (IkouWindow *self)
{
  GPtrArray *by_system = ikou_document_get_findings_by_system (self->document);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  update_findings_button (self);
  ikou_findings_panel_set_findings_by_system (self->findings_panel, by_system);
  if (self->timeline != NULL)
    ikou_timeline_set_findings_by_system (IKOU_TIMELINE (self->timeline), by_system);
  _ikou_window_list_findings_reset (self);
}

/* One system was re-checked: the views replace its findings alone. */
static void
system_findings_changed_cb (IkouWindow   *self,
                            guint         position,
                            guint         system_id,
                            IkouDocument *document)
{
  GPtrArray *findings = g_ptr_array_index (ikou_document_get_findings_by_system (document), position);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  ikou_findings_panel_set_system_findings (self->findings_panel, position, findings);
  if (self->timeline != NULL)
    ikou_timeline_set_system_findings (IKOU_TIMELINE (self->timeline), system_id, findings);
  _ikou_window_list_update_findings (self, ikou_plan_get_system (self->plan, position));
  update_findings_button (self);
}

/* Plan signals */

static void
plan_changed_cb (IkouWindow *self,
                 IkouPlan   *plan)
{
  /* Once for a transaction of many edits, after it. */
  ikou_idle_once (&self->catch_up_idle_id, G_PRIORITY_DEFAULT_IDLE,
                  (GSourceOnceFunc) _ikou_window_update_catch_up, self);
  /* A later edit makes "Undo" on the deletion toast mean something else. */
  if (self->delete_toast != NULL && !self->deleting)
    adw_toast_dismiss (self->delete_toast);

  _ikou_window_autosave_queue (self);

  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

/* A system looks different where the window looks: its row follows. */
static void
view_changed_cb (IkouWindow *self,
                 guint       system_id)
{
  _ikou_window_list_queue_refresh (self, system_id);
}

static void
plan_hosts_changed_cb (IkouWindow *self,
                       IkouPlan   *plan)
{
  _ikou_window_list_update_cells (self, FALSE);
}

static void
active_scenario_changed_cb (IkouWindow *self)
{
  IkouScenario *active = ikou_document_get_active_scenario (self->document);

  _ikou_window_sync_scenarios (self);
  if (self->system_editor != NULL)
    ikou_system_editor_set_system (IKOU_SYSTEM_EDITOR (self->system_editor),
                                   _ikou_window_get_selected_system (self));
  if (active != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "scenario");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "scenario");
  _ikou_window_list_update_cells (self, FALSE);
  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

static void
history_notify_cb (IkouWindow  *self,
                   GParamSpec  *pspec,
                   IkouHistory *history)
{
  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

static void
selection_changed_cb (IkouWindow         *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  IkouSystem *system = _ikou_window_get_selected_system (self);

  /* A system kept against the search goes once it is not selected. */
  if (self->kept_system != NULL && self->kept_system != system)
    _ikou_window_list_queue_refresh (self, ikou_system_get_id (self->kept_system));

  if (self->system_editor != NULL)
    ikou_system_editor_set_system (IKOU_SYSTEM_EDITOR (self->system_editor), system);
  _ikou_window_actions_update (self);
}

static void
step_edited_cb (IkouTimeline   *timeline,
                IkouSystem     *system,
                guint           index,
                const IkouStep *old_step,
                IkouWindow     *self)
{
  /* The document recorded the drag; the rows it moved can follow. */
  if (self->pending_rows != NULL)
    _ikou_window_list_queue_pass (self);
}

static void
finding_activated_cb (IkouWindow        *self,
                      const IkouFinding *finding,
                      IkouFindingsPanel *panel)
{
  IkouDay day = finding->date != IKOU_DAY_NONE ? finding->date : finding->deadline;

  ikou_window_select_system (self, finding->system_id);
  if (day != IKOU_DAY_NONE && self->timeline != NULL)
    ikou_timeline_scroll_to_day (IKOU_TIMELINE (self->timeline), day);
}

static void
today_changed_cb (IkouWindow *self)
{
  if (self->timeline != NULL)
    ikou_timeline_set_today (IKOU_TIMELINE (self->timeline), ikou_document_get_today (self->document));
  _ikou_window_list_update_cells (self, FALSE);
  _ikou_window_update_catch_up (self);
}

static void
difference_activated_cb (IkouWindow *self,
                         guint       system_id,
                         int         day)
{
  ikou_window_select_system (self, system_id);
  if (day != IKOU_DAY_NONE && self->timeline != NULL)
    ikou_timeline_scroll_to_day (IKOU_TIMELINE (self->timeline), day);
}

static void
comparing_changed_cb (IkouWindow *self)
{
  gboolean comparing = ikou_document_get_comparing (self->document);

  gtk_revealer_set_reveal_child (self->differences_revealer, comparing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARING]);
  _ikou_window_actions_update (self);
}

/* Title */

static void
ikou_window_update_title (IkouWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  const char *plan_title = NULL;
  gboolean dirty = ikou_window_get_dirty (self);

  if (self->plan == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Ikou"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Ikou"));
      return;
    }

  plan_title = ikou_plan_get_title (self->plan);
  if (ikou_document_get_file (self->document) != NULL)
    {
      GFile *file = ikou_document_get_file (self->document);
      g_autofree char *basename = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *parent_name = parent ? g_file_get_parse_name (parent) : NULL;

      title = g_strdup (plan_title && *plan_title ? plan_title : basename);
      subtitle = g_strdup_printf ("%s%s — %s", dirty ? "• " : "", basename,
                                  parent_name ? parent_name : "");
    }
  else
    {
      title = g_strdup (plan_title && *plan_title ? plan_title : _("Untitled Plan"));
      subtitle = g_strdup_printf ("%s%s", dirty ? "• " : "", _("Not saved"));
    }

  /* Which plan is shown: the window title says so while a scenario is. */
  if (ikou_document_get_active_scenario (self->document) != NULL)
    {
      char *with_scenario =
        /* Translators: window title while a scenario is shown: plan, scenario */
        g_strdup_printf (_("%s — scenario “%s”"), title,
                         ikou_scenario_get_name (ikou_document_get_active_scenario (self->document)));

      g_free (title);
      title = with_scenario;
    }

  if (_ikou_window_shared_is_read_only (self))
    {
      /* Translators: window subtitle of a plan opened read-only: "Read-only — plan.ikou — folder" */
      char *read_only = g_strdup_printf (_("Read-only — %s"), subtitle);

      g_free (subtitle);
      subtitle = read_only;
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window title, "<plan> – Ikou" */
  window_title = g_strdup_printf (_("%s%s – Ikou"), dirty ? "• " : "", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
_ikou_window_update_title (IkouWindow *self)
{
  ikou_window_update_title (self);
}

/* Documents */

static void
disconnect_document (IkouWindow *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
}

void
ikou_window_set_document (IkouWindow *self,
                          IkouPlan   *plan,
                          GFile      *file,
                          gboolean    recovered)
{
  g_autoptr(IkouDocument) document = NULL;

  g_return_if_fail (IKOU_IS_WINDOW (self));
  g_return_if_fail (IKOU_IS_PLAN (plan));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  document = ikou_document_new (plan, self->schedule);
  if (file != NULL)
    {
      g_autoptr(IkouFileStore) store = ikou_file_store_new (file);

      ikou_document_set_store (document, IKOU_PLAN_STORE (store));
    }
  ikou_window_take_document (self, g_steal_pointer (&document), recovered);
  if (file != NULL)
    _ikou_window_shared_adopt (self, file);
}

void
ikou_window_take_document (IkouWindow   *self,
                           IkouDocument *document,
                           gboolean      recovered)
{
  g_autoptr(IkouDocument) old_document = NULL;
  g_autoptr(IkouPlan) old_plan = NULL;
  g_autoptr(IkouHistory) old_history = NULL;
  IkouPlan *plan;
  guint stack_ms, banner_ms;

  g_return_if_fail (IKOU_IS_WINDOW (self));
  g_return_if_fail (IKOU_IS_DOCUMENT (document));

  disconnect_document (self);
  old_document = g_steal_pointer (&self->document);
  old_plan = g_steal_pointer (&self->plan);
  old_history = g_steal_pointer (&self->history);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  self->document = document;
  plan = ikou_document_get_plan (document);
  self->plan = g_object_ref (plan);
  self->history = g_object_ref (ikou_document_get_history (document));
  self->recovered = recovered;
  self->autosaved_serial = recovered ? G_MAXUINT64 : ikou_document_get_change_serial (document);

  g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "hosts-changed", G_CALLBACK (plan_hosts_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "scenarios-changed", G_CALLBACK (_ikou_window_sync_scenarios),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (history_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (history_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::dirty", G_CALLBACK (history_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "view-changed", G_CALLBACK (view_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "findings-reset", G_CALLBACK (findings_reset_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "system-findings-changed",
                           G_CALLBACK (system_findings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::active-scenario",
                           G_CALLBACK (active_scenario_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::comparing",
                           G_CALLBACK (comparing_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::store",
                           G_CALLBACK (ikou_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::today",
                           G_CALLBACK (today_changed_cb), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->kept_system);
  g_clear_pointer (&self->pending_rows, g_hash_table_unref);

  /* Findings first, so the first rows bound already show them. */
  findings_reset_cb (self);
  ikou_plan_rows_set_model (IKOU_PLAN_ROWS (self->rows), G_LIST_MODEL (plan));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (self->timeline != NULL)
    {
      IkouTimeline *timeline = IKOU_TIMELINE (self->timeline);

      ikou_timeline_set_schedule (timeline, self->schedule);
      ikou_timeline_set_today (timeline, ikou_document_get_today (document));
      ikou_timeline_set_document (timeline, document);
      ikou_timeline_set_findings_by_system (timeline,
                                            ikou_document_get_findings_by_system (document));
    }

  if (self->system_editor != NULL)
    {
      ikou_system_editor_set_document (IKOU_SYSTEM_EDITOR (self->system_editor), document);
      ikou_system_editor_set_system (IKOU_SYSTEM_EDITOR (self->system_editor), NULL);
    }
  if (self->differences_panel != NULL)
    ikou_differences_panel_set_document (IKOU_DIFFERENCES_PANEL (self->differences_panel),
                                         document);
  _ikou_window_costs_set_document (self, document);
  ikou_standing_button_set_document (IKOU_STANDING_BUTTON (self->standing_button), document);
  _ikou_window_selection_set_document (self, document);

  /* A plan opened appears at once, with its banner: no crossfade from the
   * start page, no banner sliding in.  (Those transitions kept a window
   * opened with a plan busy for half a second more than its first frame,
   * on a thin client a frame of software rendering every 16 ms.) */
  stack_ms = gtk_stack_get_transition_duration (self->stack);
  banner_ms = gtk_revealer_get_transition_duration (self->catch_up_revealer);
  gtk_stack_set_transition_duration (self->stack, 0);
  gtk_revealer_set_transition_duration (self->catch_up_revealer, 0);

  gtk_stack_set_visible_child_name (self->stack, "plan");
  _ikou_window_sync_scenarios (self);
  active_scenario_changed_cb (self);
  comparing_changed_cb (self);
  self->catch_up_dismissed = FALSE;
  _ikou_window_update_catch_up (self);

  gtk_stack_set_transition_duration (self->stack, stack_ms);
  gtk_revealer_set_transition_duration (self->catch_up_revealer, banner_ms);
}

gboolean
ikou_window_has_document (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);

  return self->plan != NULL;
}

gboolean
ikou_window_get_dirty (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);

  if (self->plan == NULL || self->history == NULL)
    return FALSE;

  return self->recovered || ikou_history_get_dirty (self->history);
}

GFile *
ikou_window_get_file (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->document != NULL ? ikou_document_get_file (self->document) : NULL;
}

IkouDocument *
ikou_window_get_document (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->document;
}

IkouPlan *
ikou_window_get_plan (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->plan;
}

IkouHistory *
ikou_window_get_history (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->history;
}

GtkSingleSelection *
ikou_window_get_selection (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->selection;
}

GPtrArray *
ikou_window_get_findings (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  _ikou_window_flush_checks (self);
  return self->findings;
}

IkouDay
ikou_window_get_today (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), IKOU_DAY_NONE);

  return self->document != NULL ? ikou_document_get_today (self->document) : ikou_day_today ();
}

/* View state */

void
_ikou_window_set_zoom (IkouWindow *self,
                       const char *zoom)
{
  IkouZoom value = zoom_from_name (zoom);

  if (g_strcmp0 (self->zoom, zoom_names[value]) == 0)
    return;

  g_free (self->zoom);
  self->zoom = g_strdup (zoom_names[value]);

  if (self->timeline != NULL)
    ikou_timeline_set_zoom (IKOU_TIMELINE (self->timeline), value);
  if (self->settings != NULL)
    g_settings_set_enum (self->settings, "zoom", value);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
set_show_findings (IkouWindow *self,
                   gboolean    show)
{
  show = !!show;
  if (self->show_findings == show)
    return;

  self->show_findings = show;
  gtk_revealer_set_reveal_child (self->findings_revealer, show);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "show-findings", show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_FINDINGS]);
}

static void
set_show_editor (IkouWindow *self,
                 gboolean    show)
{
  show = !!show;
  if (self->show_editor == show)
    return;

  self->show_editor = show;
  gtk_revealer_set_reveal_child (self->editor_revealer, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EDITOR]);
}

static void
set_era_labels (IkouWindow *self,
                gboolean    era_labels)
{
  era_labels = !!era_labels;
  if (self->era_labels == era_labels)
    return;

  self->era_labels = era_labels;
  if (self->standing_button != NULL)
    ikou_standing_button_set_era_labels (IKOU_STANDING_BUTTON (self->standing_button), era_labels);
  if (self->system_editor != NULL)
    ikou_system_editor_set_era_labels (IKOU_SYSTEM_EDITOR (self->system_editor), era_labels);
  if (self->timeline != NULL)
    {
      ikou_timeline_set_era_labels (IKOU_TIMELINE (self->timeline), era_labels);
      _ikou_window_sync_row_geometry (self);
    }
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "era-labels", era_labels);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERA_LABELS]);
}

static void
save_window_state (IkouWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (self->plan != NULL)
    g_settings_set_int (self->settings, "list-width",
                        CLAMP (gtk_paned_get_position (self->paned), 200, 4000));
}

static void
restore_window_state (IkouWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "list-width"));
}

/* Closing */

static gboolean
close_idle_cb (gpointer user_data)
{
  IkouWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Closes the window once the dialog asking about it is gone: destroying a
 * dialog's parent while the dialog is still answering leaves it with a
 * dangling parent. */
void
_ikou_window_close_later (IkouWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   IkouWindow       *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    _ikou_window_close_later (self);
  else if (g_strcmp0 (response, "save") == 0)
    _ikou_window_shared_save (self, TRUE);
}

static gboolean
ikou_window_close_request (GtkWindow *window)
{
  IkouWindow *self = IKOU_WINDOW (window);

  if (ikou_window_get_dirty (self) && !self->close_confirmed)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"),
                                                           _("The plan has changes that are not "
                                                             "saved. Changes that are not saved "
                                                             "are lost.")));
      ikou_message_dialog_add_discard_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"));
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  save_window_state (self);
  /* Closed cleanly (saved or discarded): the recovery copy has done its job. */
  _ikou_window_remove_recovery (self);

  return GTK_WINDOW_CLASS (ikou_window_parent_class)->close_request (window);
}

/* First frame */

static void
after_paint_cb (IkouWindow    *self,
                GdkFrameClock *frame_clock)
{
  
  if (self->plan == NULL)
    return;

  g_clear_signal_handler (&self->after_paint_id, frame_clock);

  /* The CSS and fonts are final now: correct the strip above the list if
   * the first measurement was taken before they were. */
  _ikou_window_sync_row_geometry (self);

  if (self->context != NULL)
    ikou_context_first_frame (self->context);
}

static void
ikou_window_map (GtkWidget *widget)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  GdkFrameClock *frame_clock;

  _ikou_window_sync_row_geometry (self);

  GTK_WIDGET_CLASS (ikou_window_parent_class)->map (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  if (frame_clock != NULL && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect_object (frame_clock, "after-paint",
                                                    G_CALLBACK (after_paint_cb), self,
                                                    G_CONNECT_SWAPPED);
}

static void
ikou_window_unmap (GtkWidget *widget)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  if (frame_clock != NULL)
    {
      g_clear_signal_handler (&self->after_paint_id, frame_clock);
      g_clear_signal_handler (&self->scroll_after_paint_id, frame_clock);
    }
  self->after_paint_id = 0;
  self->scroll_after_paint_id = 0;

  GTK_WIDGET_CLASS (ikou_window_parent_class)->unmap (widget);
}

static void
font_settings_changed_cb (IkouWindow *self,
                          GParamSpec *pspec,
                          GObject    *object)
{
  _ikou_window_sync_row_geometry (self);
}

/* GObject */

/* What the window takes from the shared context: settings, the
 * schedule.  Called by ikou_window_new(). */
static void
ikou_window_attach_context (IkouWindow  *self,
                            IkouContext *context)
{
  const GError *schedule_error = NULL;

  g_set_object (&self->context, context);
  g_set_object (&self->settings, ikou_context_get_settings (context));
  g_set_object (&self->schedule, ikou_context_get_schedule (context, &schedule_error));

  if (self->schedule == NULL && schedule_error != NULL)
    {
      /* Plans still open and edit; only the checking is missing. */
      AdwToast *toast = adw_toast_new (schedule_error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  if (self->settings != NULL)
    {
      IkouZoom zoom = CLAMP (g_settings_get_enum (self->settings, "zoom"), 0, IKOU_N_ZOOMS - 1);

      _ikou_window_set_zoom (self, zoom_names[zoom]);
      set_era_labels (self, g_settings_get_boolean (self->settings, "era-labels"));
      set_show_findings (self, g_settings_get_boolean (self->settings, "show-findings"));
      _ikou_window_costs_attach_settings (self);
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (_ikou_window_rebuild_recent_menu), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->timeline != NULL)
    {
      ikou_timeline_set_zoom (IKOU_TIMELINE (self->timeline), zoom_from_name (self->zoom));
      ikou_timeline_set_era_labels (IKOU_TIMELINE (self->timeline), self->era_labels);
      ikou_timeline_set_schedule (IKOU_TIMELINE (self->timeline), self->schedule);
    }

  restore_window_state (self);
  _ikou_window_view_attach (self);
  _ikou_window_rebuild_recent_menu (self);
  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

static void
ikou_window_dispose (GObject *object)
{
  IkouWindow *self = IKOU_WINDOW (object);

  g_clear_handle_id (&self->autosave_debounce_id, g_source_remove);
  g_clear_handle_id (&self->autosave_periodic_id, g_source_remove);
  g_clear_handle_id (&self->rows_idle_id, g_source_remove);
  g_clear_handle_id (&self->catch_up_idle_id, g_source_remove);
  g_clear_pointer (&self->pending_rows, g_hash_table_unref);
  g_clear_object (&self->kept_system);
  disconnect_document (self);
  _ikou_window_shared_dispose (self);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  _ikou_window_selection_dispose (self);
  if (self->timeline != NULL)
    ikou_timeline_set_selection (IKOU_TIMELINE (self->timeline), NULL);

  /* Taking the list apart changes its sorter (the sorted column goes
   * first), which would re-sort the rows and move the selection while
   * the window is half disposed: stop sorting while it is whole. */
  if (self->sort_model != NULL)
    gtk_sort_list_model_set_sorter (self->sort_model, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), IKOU_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_object (&self->history);
  g_clear_object (&self->plan);
  g_clear_object (&self->document);
  g_clear_object (&self->schedule);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_object (&self->scenario_names);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (ikou_window_parent_class)->dispose (object);
}

static void
ikou_window_finalize (GObject *object)
{
  IkouWindow *self = IKOU_WINDOW (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->recovery_id, g_free);
  g_clear_pointer (&self->zoom, g_free);

  G_OBJECT_CLASS (ikou_window_parent_class)->finalize (object);
}

static void
ikou_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IkouWindow *self = IKOU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPARING:
      g_value_set_boolean (value, self->document != NULL &&
                                  ikou_document_get_comparing (self->document));
      break;
    case PROP_ZOOM:
      g_value_set_string (value, self->zoom);
      break;
    case PROP_SHOW_FINDINGS:
      g_value_set_boolean (value, self->show_findings);
      break;
    case PROP_SHOW_EDITOR:
      g_value_set_boolean (value, self->show_editor);
      break;
    case PROP_ERA_LABELS:
      g_value_set_boolean (value, self->era_labels);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IkouWindow *self = IKOU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPARING:
      if (self->document != NULL)
        ikou_document_set_compare (self->document, g_value_get_boolean (value),
                                   ikou_document_get_compare_scenario (self->document));
      break;
    case PROP_ZOOM:
      _ikou_window_set_zoom (self, g_value_get_string (value));
      break;
    case PROP_SHOW_FINDINGS:
      set_show_findings (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_EDITOR:
      set_show_editor (self, g_value_get_boolean (value));
      break;
    case PROP_ERA_LABELS:
      set_era_labels (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The shortcuts window (Ctrl+?, win.show-help-overlay) is built the
 * first time it is asked for.  At GtkApplication's own place for it
 * (gtk/help-overlay.ui) every new window would parse it at once: about
 * 20 ms of start-up on a thin client, for a window most sessions never
 * open.  The accelerator is set by IkouApplication. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *help = gtk_application_window_get_help_overlay (window);

  if (help == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/jp/ikou/Ikou/ikou-shortcuts.ui");

      help = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, help);
    }
  gtk_window_present (GTK_WINDOW (help));
}

static void
ikou_window_class_init (IkouWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ikou_window_dispose;
  object_class->finalize = ikou_window_finalize;
  object_class->get_property = ikou_window_get_property;
  object_class->set_property = ikou_window_set_property;

  widget_class->map = ikou_window_map;
  widget_class->unmap = ikou_window_unmap;
  window_class->close_request = ikou_window_close_request;

  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE, rw);
  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL, "quarter", rw);
  properties[PROP_SHOW_FINDINGS] =
    g_param_spec_boolean ("show-findings", NULL, NULL, FALSE, rw);
  properties[PROP_SHOW_EDITOR] =
    g_param_spec_boolean ("show-editor", NULL, NULL, FALSE, rw);
  properties[PROP_ERA_LABELS] =
    g_param_spec_boolean ("era-labels", NULL, NULL, TRUE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  _ikou_window_class_costs_init (klass);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  g_type_ensure (IKOU_TYPE_FINDINGS_PANEL);
  g_type_ensure (IKOU_TYPE_DIFFERENCES_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/ikou/Ikou/ikou-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, start_recent_box);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_error_icon);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_error_label);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_warning_icon);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_warning_label);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, today_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, editor_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, list_spacer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, systems_view);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, timeline_scroller);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, editor_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, scenario_box);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, compare_menu);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, differences_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, cost_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, cost_panel);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, catch_up_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, catch_up_label);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, differences_panel);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, difference_activated_cb);

  _ikou_window_class_actions_init (klass);
  _ikou_window_class_catch_up_init (klass);
  _ikou_window_class_shared_init (klass);
  _ikou_window_class_selection_init (klass);
  _ikou_window_class_list_init (klass);
  _ikou_window_class_view_init (klass);
}

static void
ikou_window_init (IkouWindow *self)
{
  /* Before the template: its buttons read the property actions' state. */
  self->zoom = g_strdup ("quarter");
  self->era_labels = TRUE;
  self->cells = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  _ikou_window_list_init (self);

  self->timeline = ikou_timeline_new ();
  gtk_widget_set_hexpand (self->timeline, TRUE);
  gtk_widget_set_vexpand (self->timeline, TRUE);
  gtk_scrolled_window_set_child (self->timeline_scroller, self->timeline);
  /* After the scrolled window has given the timeline its own adjustments:
   * the vertical one is the list's, so both scroll as one. */
  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (self->timeline),
                                  gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->systems_view)));
  ikou_timeline_set_selection (IKOU_TIMELINE (self->timeline), self->selection);
  ikou_timeline_set_row_height (IKOU_TIMELINE (self->timeline), IKOU_WINDOW_ROW_HEIGHT);
  g_signal_connect_object (self->timeline, "step-edited", G_CALLBACK (step_edited_cb), self, 0);

  g_signal_connect_object (self->timeline, "notify::header-height",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  _ikou_window_costs_init (self);

  self->system_editor = ikou_system_editor_new ();
  gtk_scrolled_window_set_child (self->editor_scroller, self->system_editor);
  ikou_system_editor_set_era_labels (IKOU_SYSTEM_EDITOR (self->system_editor), self->era_labels);

  self->standing_button = ikou_standing_button_new ();
  adw_header_bar_pack_start (self->header_bar, self->standing_button);
  _ikou_window_selection_init (self);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  self->scenario_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (self->scenario_names));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->systems_view));

  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);

  _ikou_window_autosave_init (self);
  _ikou_window_shared_init (self);

  _ikou_window_keys_init (self);
  _ikou_window_view_init (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

IkouWindow *
ikou_window_new (GtkApplication *application,
                 IkouContext    *context)
{
  IkouWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (IKOU_IS_CONTEXT (context), NULL);

  self = g_object_new (IKOU_TYPE_WINDOW, "application", application, NULL);
  ikou_window_attach_context (self, context);
  return self;
}
