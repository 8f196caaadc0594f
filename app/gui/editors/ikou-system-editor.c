/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-date-entry.h"
#include "ikou-error.h"
#include "ikou-gui-util.h"
#include "ikou-step-row.h"
#include "ikou-system-editor.h"

struct _IkouSystemEditor
{
  GtkWidget       parent_instance;

  IkouPlan       *plan;
  IkouSchedule   *schedule;
  IkouHistory    *history;
  IkouDocument   *document;        /* when set, steps are read and edited through it */
  IkouSystem     *system;

  /* Template children */
  GtkStack       *stack;
  GtkScrolledWindow *scroller;
  GtkLabel       *scenario_label;
  GtkWidget      *system_grid;
  GtkWidget      *tokutei_grid;
  GtkEntry       *name_entry;
  GtkEntry       *department_entry;
  GtkEntry       *vendor_entry;
  GtkDropDown    *operation_dropdown;
  GtkDropDown    *host_dropdown;
  GtkDropDown    *status_dropdown;
  GtkSwitch      *tokutei_switch;
  GtkWidget      *tokutei_deadline_label;
  IkouDateEntry  *tokutei_deadline_entry;
  GtkWidget      *tokutei_reason_label;
  GtkEntry       *tokutei_reason_entry;
  GtkWidget      *tokutei_kind_label;
  GtkDropDown    *tokutei_kind_dropdown;
  GtkWidget      *transitional_grid;
  GtkSwitch      *transitional_switch;
  GtkWidget      *transitional_functions_label;
  GtkEntry       *transitional_functions_entry;
  GtkWidget      *transitional_completion_label;
  IkouDateEntry  *transitional_completion_entry;
  GtkWidget      *transitional_notified_label;
  IkouDateEntry  *transitional_notified_entry;
  GtkTextView    *notes_view;
  GtkWidget      *add_step_button;
  GtkWidget      *no_steps_label;
  GtkBox         *steps_box;
  GtkSizeGroup   *label_group;

  GtkStringList  *host_names;      /* "None", then the plan's hosts */
  GArray         *host_ids;        /* guint, parallel to host_names */
  GtkStringList  *operation_names; /* "None", the schedule's operations, an unknown one */
  GPtrArray      *operation_ids;   /* char *, parallel; NULL for "None" */
  GPtrArray      *steps;           /* IkouStepRow, borrowed: owned by steps_box */
  char           *notes_synced;    /* the notes last put in the view */

  guint           updating;        /* > 0 while widgets are set from the model */
  int             labels;          /* IkouLabels of the date fields, -1 not set */
};

G_DEFINE_FINAL_TYPE (IkouSystemEditor, ikou_system_editor, GTK_TYPE_WIDGET)

static void refresh (IkouSystemEditor *self,
                     gboolean          force);

/* Model → widgets helpers */

static const char *
operation_display_name (const IkouOperation *op)
{
  if (ikou_locale_is_japanese () || op->name_en == NULL)
    return op->name;
  return op->name_en;
}

static guint
host_position (IkouSystemEditor *self,
               guint             host_id)
{
  for (guint i = 0; i < self->host_ids->len; i++)
    if (g_array_index (self->host_ids, guint, i) == host_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
set_dropdown (GtkDropDown *dropdown,
              guint        position)
{
  if (gtk_drop_down_get_selected (dropdown) != position)
    gtk_drop_down_set_selected (dropdown, position);
}

static void
rebuild_hosts (IkouSystemEditor *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = self->plan != NULL ? ikou_plan_get_n_hosts (self->plan) : 0;
  guint none = 0;

  self->updating++;
  g_array_set_size (self->host_ids, 0);
  g_ptr_array_add (names, (gpointer) C_("host", "None"));
  g_array_append_val (self->host_ids, none);
  for (guint i = 0; i < n; i++)
    {
      IkouHost *host = ikou_plan_get_host (self->plan, i);
      guint id = ikou_host_get_id (host);
      const char *name = ikou_host_get_name (host);

      g_ptr_array_add (names, (gpointer) (name != NULL && *name ? name : _("(unnamed host)")));
      g_array_append_val (self->host_ids, id);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->host_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->host_names)),
                          (const char * const *) names->pdata);
  self->updating--;
}

/* "None", the schedule's operations and, if the system names an
 * operation the schedule does not know, that id as it is. */
static void
rebuild_operations (IkouSystemEditor *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *current = self->system != NULL ? ikou_system_get_operation (self->system) : NULL;
  guint n = self->schedule != NULL ? ikou_schedule_get_n_operations (self->schedule) : 0;
  gboolean known = current == NULL;

  self->updating++;
  g_ptr_array_set_size (self->operation_ids, 0);
  g_ptr_array_add (names, (gpointer) C_("operation", "None"));
  g_ptr_array_add (self->operation_ids, NULL);
  for (guint i = 0; i < n; i++)
    {
      const IkouOperation *op = ikou_schedule_get_operation (self->schedule, i);

      g_ptr_array_add (names, (gpointer) operation_display_name (op));
      g_ptr_array_add (self->operation_ids, g_strdup (op->id));
      if (g_strcmp0 (op->id, current) == 0)
        known = TRUE;
    }
  if (!known)
    {
      g_ptr_array_add (names, (gpointer) current);
      g_ptr_array_add (self->operation_ids, g_strdup (current));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->operation_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->operation_names)),
                          (const char * const *) names->pdata);
  self->updating--;
}

static guint
operation_position (IkouSystemEditor *self,
                    const char       *id)
{
  for (guint i = 0; i < self->operation_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->operation_ids, i), id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Widgets → model */

static gboolean
can_edit (IkouSystemEditor *self)
{
  return self->updating == 0 && self->system != NULL && self->history != NULL;
}

static void
apply_system_value (IkouSystemEditor *self,
                    const char       *property,
                    const GValue     *value)
{
  if (!can_edit (self))
    return;
  ikou_history_set_system_property (self->history, self->system, property, value);
  /* Show what the model took even when nothing changed ("  A " → "A"). */
  refresh (self, TRUE);
}

static void
apply_system_string (IkouSystemEditor *self,
                     const char       *property,
                     const char       *text)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);
  apply_system_value (self, property, &value);
}

static void
on_text_entry_apply (GtkEntry         *entry,
                     IkouSystemEditor *self)
{
  const char *property = g_object_get_data (G_OBJECT (entry), "ikou-property");
  const char *synced = g_object_get_data (G_OBJECT (entry), "ikou-synced");

  if (!can_edit (self))
    return;
  /* Leaving an untouched field is not an edit. */
  if (g_strcmp0 (synced, gtk_editable_get_text (GTK_EDITABLE (entry))) == 0)
    return;
  apply_system_string (self, property, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_text_entry_leave (GtkEventControllerFocus *controller,
                     IkouSystemEditor        *self)
{
  on_text_entry_apply (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))),
                       self);
}

static void
connect_text_entry (IkouSystemEditor *self,
                    GtkEntry         *entry,
                    const char       *property)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (entry), "ikou-property", (gpointer) property);
  g_signal_connect (entry, "activate", G_CALLBACK (on_text_entry_apply), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_text_entry_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
  ikou_entry_restore_on_escape (GTK_WIDGET (entry));
}

static void
on_notes_leave (GtkEventControllerFocus *controller,
                IkouSystemEditor        *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!can_edit (self))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, self->notes_synced) == 0)
    return;
  apply_system_string (self, "notes", text);
}

/* Esc in the notes puts back what the plan holds. */
static gboolean
on_notes_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      IkouSystemEditor      *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, self->notes_synced ? self->notes_synced : "") == 0)
    return FALSE;
  gtk_text_buffer_set_text (buffer, self->notes_synced ? self->notes_synced : "", -1);
  return TRUE;
}

static void
on_operation_selected (GtkDropDown      *dropdown,
                       GParamSpec       *pspec,
                       IkouSystemEditor *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self) || position >= self->operation_ids->len)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, g_ptr_array_index (self->operation_ids, position));
  apply_system_value (self, "operation", &value);
}

static void
on_host_selected (GtkDropDown      *dropdown,
                  GParamSpec       *pspec,
                  IkouSystemEditor *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self) || position >= self->host_ids->len)
    return;
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, g_array_index (self->host_ids, guint, position));
  apply_system_value (self, "host", &value);
}

/* The system property a widget edits is kept on it ("ikou-property"). */

/* A drop-down of an enumeration: its position is the value. */
static void
on_enum_selected (GtkDropDown      *dropdown,
                  GParamSpec       *pspec,
                  IkouSystemEditor *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self) || position >= g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)))
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int) position);
  apply_system_value (self, g_object_get_data (G_OBJECT (dropdown), "ikou-property"), &value);
}

static void
on_switch_active (GtkSwitch        *sw,
                  GParamSpec       *pspec,
                  IkouSystemEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self))
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (sw));
  apply_system_value (self, g_object_get_data (G_OBJECT (sw), "ikou-property"), &value);
}

static void
on_system_day_applied (IkouDateEntry    *entry,
                       int               day,
                       IkouSystemEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self))
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, day);
  apply_system_value (self, g_object_get_data (G_OBJECT (entry), "ikou-property"), &value);
}

static void
connect_system_widget (IkouSystemEditor *self,
                       GObject          *widget,
                       const char       *property,
                       const char       *signal,
                       GCallback         callback)
{
  g_object_set_data (widget, "ikou-property", (gpointer) property);
  g_signal_connect (widget, signal, callback, self);
}

/* Steps */

/* The steps as shown: the document's active scenario, else the plan. */
static guint
n_steps_shown (IkouSystemEditor *self)
{
  return self->document != NULL ? ikou_document_get_n_steps (self->document, self->system)
                                : ikou_system_get_n_steps (self->system);
}

static IkouStep *
dup_step (IkouSystemEditor *self,
          guint             index)
{
  return self->document != NULL ? ikou_document_dup_step (self->document, self->system, index)
                                : ikou_step_copy (ikou_system_get_step (self->system, index));
}

static IkouScenario *
active_scenario (IkouSystemEditor *self)
{
  return self->document != NULL ? ikou_document_get_active_scenario (self->document) : NULL;
}

/* The steps' rows say what the user changed; the edit goes to the
 * document (its active scenario) or the history while the row still
 * shows one of the steps. */

static gboolean
row_can_edit (IkouSystemEditor *self,
              IkouStepRow      *row)
{
  return can_edit (self) && ikou_step_row_get_index (row) < n_steps_shown (self);
}

static void
on_row_edited (IkouStepRow      *row,
               const IkouStep   *step,
               IkouSystemEditor *self)
{
  guint index = ikou_step_row_get_index (row);

  if (!row_can_edit (self, row))
    return;
  if (self->document != NULL)
    ikou_document_set_step (self->document, self->system, index, step);
  else
    ikou_history_set_step (self->history, self->system, index, step);
  refresh (self, TRUE);
}

static const IkouOverrideField row_fields[] = {
  IKOU_OVERRIDE_BUDGET_DATE, IKOU_OVERRIDE_CONTRACT_DATE, IKOU_OVERRIDE_CUTOVER_DATE,
  IKOU_OVERRIDE_FROM_HOST, IKOU_OVERRIDE_TO_HOST, IKOU_OVERRIDE_AMOUNT,
  IKOU_OVERRIDE_SUPPLEMENTARY, IKOU_OVERRIDE_STANDARD_COMPLIANT, IKOU_OVERRIDE_ARRANGEMENT,
  IKOU_OVERRIDE_ANNUAL_COST, IKOU_OVERRIDE_DROPPED,
};

static void
on_row_revert (IkouStepRow      *row,
               IkouSystemEditor *self)
{
  guint index = ikou_step_row_get_index (row);

  if (!row_can_edit (self, row) || self->document == NULL)
    return;
  ikou_history_begin (self->history, _("Back to the baseline"));
  for (guint i = 0; i < G_N_ELEMENTS (row_fields); i++)
    if (ikou_document_is_overridden (self->document, self->system, index, row_fields[i], NULL))
      ikou_document_revert_field (self->document, self->system, index, row_fields[i]);
  ikou_history_end (self->history);
  refresh (self, TRUE);
}

static void
on_row_duplicate (IkouStepRow      *row,
                  IkouSystemEditor *self)
{
  guint index = ikou_step_row_get_index (row);
  g_autoptr(IkouStep) step = NULL;

  if (!row_can_edit (self, row))
    return;
  step = dup_step (self, index);
  step->done = 0;
  ikou_history_begin (self->history, _("Duplicate step"));
  if (self->document != NULL)
    ikou_document_insert_step (self->document, self->system, index + 1, step);
  else
    ikou_history_insert_step (self->history, self->system, index + 1, step);
  ikou_history_end (self->history);
  refresh (self, TRUE);
}

static void
on_row_remove (IkouStepRow      *row,
               IkouSystemEditor *self)
{
  guint index = ikou_step_row_get_index (row);

  if (!row_can_edit (self, row))
    return;
  if (self->document != NULL)
    ikou_document_remove_step (self->document, self->system, index);
  else
    ikou_history_remove_step (self->history, self->system, index);
  refresh (self, TRUE);
}

static void
on_add_step_clicked (GtkButton        *button,
                     IkouSystemEditor *self)
{
  g_autoptr(IkouStep) step = ikou_step_new ();
  guint n;

  if (!can_edit (self))
    return;

  /* The new step starts where the system ends up so far. */
  n = n_steps_shown (self);
  step->from_host = ikou_system_get_target_host (self->system);
  if (n > 0)
    {
      g_autoptr(IkouStep) last = dup_step (self, n - 1);

      if (last->to_host != 0)
        step->from_host = last->to_host;
    }
  if (self->document != NULL)
    ikou_document_insert_step (self->document, self->system, n, step);
  else
    ikou_history_insert_step (self->history, self->system, n, step);
  refresh (self, TRUE);

  if (n < self->steps->len)
    ikou_step_row_focus_destination (g_ptr_array_index (self->steps, n));
}

static IkouStepRow *
step_row_new (IkouSystemEditor *self)
{
  GtkWidget *row = ikou_step_row_new (G_LIST_MODEL (self->host_names), self->host_ids,
                                      self->label_group);

  g_signal_connect (row, "edited", G_CALLBACK (on_row_edited), self);
  g_signal_connect (row, "revert", G_CALLBACK (on_row_revert), self);
  g_signal_connect (row, "duplicate", G_CALLBACK (on_row_duplicate), self);
  g_signal_connect (row, "remove", G_CALLBACK (on_row_remove), self);
  return IKOU_STEP_ROW (row);
}

static const char *
host_name (IkouSystemEditor *self,
           guint             id)
{
  IkouHost *host = id != 0 ? ikou_plan_lookup_host (self->plan, id) : NULL;

  if (host == NULL)
    return "?";
  return ikou_host_get_name (host) ? ikou_host_get_name (host) : _("(unnamed host)");
}

/* What the baseline has where the active scenario differs, as one line
 * under the step: "Baseline: cut-over 2026-07-01, target host …". */
static void
step_row_update_scenario (IkouSystemEditor *self,
                          IkouStepRow      *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint index = ikou_step_row_get_index (row);
  gboolean added = self->document != NULL &&
                   ikou_document_is_added_step (self->document, self->system, index);

  for (guint i = 0; i < G_N_ELEMENTS (row_fields); i++)
    {
      gint64 value = 0;
      gboolean overridden = self->document != NULL &&
                            ikou_document_is_overridden (self->document, self->system, index,
                                                         row_fields[i], &value);

      ikou_step_row_set_overridden (row, row_fields[i], overridden);
      if (overridden && row_fields[i] != IKOU_OVERRIDE_DROPPED)
        {
          IkouOverride o = { ikou_system_get_id (self->system), index, row_fields[i], value };
          g_autofree char *described = ikou_override_describe_value (&o, self->plan);

          if (text->len > 0)
            g_string_append (text, _("; "));
          g_string_append (text, described);
        }
    }

  if (added)
    g_string_assign (text, _("Added by this scenario; the baseline does not have this step."));
  else if (text->len > 0)
    {
      /* Translators: under a step edited in a scenario: the baseline's values */
      char *line = g_strdup_printf (_("Baseline: %s"), text->str);

      g_string_assign (text, line);
      g_free (line);
    }
  ikou_step_row_set_baseline (row, text->str, !added && text->len > 0);
}

static void
step_row_update (IkouSystemEditor *self,
                 IkouStepRow      *row,
                 guint             index,
                 gboolean          force)
{
  g_autoptr(IkouStep) step = dup_step (self, index);
  g_autofree char *description = NULL;

  if (step->from_host != 0 || step->to_host != 0)
    /* Translators: from-host → to-host. */
    description = g_strdup_printf (_("%s → %s"), host_name (self, step->from_host),
                                   host_name (self, step->to_host));
  ikou_step_row_set_step (row, index, step, description, force);
  step_row_update_scenario (self, row);
}

/* GTK 4.8 leaves a focused entry's cursor blinking when the entry turns
 * insensitive ("GtkText - did not receive a focus-out event"): hand the
 * focus to @fallback first (an undo can switch 特定移行支援 off while
 * the deadline is being typed). */
static void
set_sensitive_keeping_focus (GtkWidget *widget,
                             gboolean   sensitive,
                             GtkWidget *fallback)
{
  if (!sensitive && (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0)
    gtk_widget_grab_focus (fallback);
  gtk_widget_set_sensitive (widget, sensitive);
}

/* Makes the step widgets match the model.  With @force every field is
 * set from the model; otherwise text the user is typing is kept unless
 * its own value changed in the model. */
static void
refresh (IkouSystemEditor *self,
         gboolean          force)
{
  guint n_steps;
  const char *notes;
  IkouStatus status;
  gboolean tokutei, transitional;

  if (self->system == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating++;
  gtk_stack_set_visible_child_name (self->stack, "editor");

  ikou_entry_sync (self->name_entry, ikou_system_get_name (self->system), force);
  ikou_entry_sync (self->department_entry, ikou_system_get_department (self->system), force);
  ikou_entry_sync (self->vendor_entry, ikou_system_get_vendor (self->system), force);

  if (operation_position (self, ikou_system_get_operation (self->system)) == GTK_INVALID_LIST_POSITION)
    rebuild_operations (self);
  set_dropdown (self->operation_dropdown,
                operation_position (self, ikou_system_get_operation (self->system)));
  set_dropdown (self->host_dropdown, host_position (self, ikou_system_get_host (self->system)));
  status = ikou_system_get_status (self->system);
  set_dropdown (self->status_dropdown, status < IKOU_N_STATUSES ? (guint) status : 0);

  tokutei = ikou_system_get_tokutei (self->system);
  gtk_switch_set_active (self->tokutei_switch, tokutei);
  ikou_date_entry_set_day (self->tokutei_deadline_entry,
                           ikou_system_get_tokutei_deadline (self->system));
  ikou_entry_sync (self->tokutei_reason_entry, ikou_system_get_tokutei_reason (self->system), force);
  gtk_widget_set_sensitive (self->tokutei_deadline_label, tokutei);
  set_sensitive_keeping_focus (GTK_WIDGET (self->tokutei_deadline_entry), tokutei,
                               GTK_WIDGET (self->tokutei_switch));
  gtk_widget_set_sensitive (self->tokutei_reason_label, tokutei);
  set_sensitive_keeping_focus (GTK_WIDGET (self->tokutei_reason_entry), tokutei,
                               GTK_WIDGET (self->tokutei_switch));
  set_dropdown (self->tokutei_kind_dropdown, ikou_system_get_tokutei_reason_kind (self->system));
  gtk_widget_set_sensitive (self->tokutei_kind_label, tokutei);
  set_sensitive_keeping_focus (GTK_WIDGET (self->tokutei_kind_dropdown), tokutei,
                               GTK_WIDGET (self->tokutei_switch));

  transitional = ikou_system_get_transitional (self->system);
  gtk_switch_set_active (self->transitional_switch, transitional);
  ikou_entry_sync (self->transitional_functions_entry,
              ikou_system_get_transitional_functions (self->system), force);
  ikou_date_entry_set_day (self->transitional_completion_entry,
                           ikou_system_get_transitional_completion (self->system));
  ikou_date_entry_set_day (self->transitional_notified_entry,
                           ikou_system_get_transitional_notified (self->system));
  gtk_widget_set_sensitive (self->transitional_functions_label, transitional);
  gtk_widget_set_sensitive (self->transitional_completion_label, transitional);
  gtk_widget_set_sensitive (self->transitional_notified_label, transitional);
  set_sensitive_keeping_focus (GTK_WIDGET (self->transitional_functions_entry), transitional,
                               GTK_WIDGET (self->transitional_switch));
  set_sensitive_keeping_focus (GTK_WIDGET (self->transitional_completion_entry), transitional,
                               GTK_WIDGET (self->transitional_switch));
  set_sensitive_keeping_focus (GTK_WIDGET (self->transitional_notified_entry), transitional,
                               GTK_WIDGET (self->transitional_switch));

  notes = ikou_system_get_notes (self->system);
  if (notes == NULL)
    notes = "";
  if (force || g_strcmp0 (notes, self->notes_synced) != 0)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes, -1);
      g_free (self->notes_synced);
      self->notes_synced = g_strdup (notes);
    }

  /* Where edits go while a scenario is shown: steps to the scenario; the
   * system's own fields are the baseline's and wait for it. */
  if (active_scenario (self) != NULL)
    {
      g_autofree char *banner =
        /* Translators: the editor while a scenario is shown */
        g_strdup_printf (_("Showing the scenario “%s”: changes to the steps go into this scenario only. The system's own fields belong to the baseline."),
                         ikou_scenario_get_name (active_scenario (self)));

      gtk_label_set_text (self->scenario_label, banner);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scenario_label), active_scenario (self) != NULL);
  gtk_widget_set_sensitive (self->system_grid, active_scenario (self) == NULL);
  gtk_widget_set_sensitive (self->tokutei_grid, active_scenario (self) == NULL);
  gtk_widget_set_sensitive (self->transitional_grid, active_scenario (self) == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_view), active_scenario (self) == NULL);

  /* Steps: as many rows as steps, each showing its step. */
  n_steps = n_steps_shown (self);
  while (self->steps->len > n_steps)
    gtk_box_remove (self->steps_box, g_ptr_array_steal_index (self->steps, self->steps->len - 1));
  while (self->steps->len < n_steps)
    {
      IkouStepRow *row = step_row_new (self);

      g_ptr_array_add (self->steps, row);
      gtk_box_append (self->steps_box, GTK_WIDGET (row));
      if (self->labels >= 0)
        ikou_date_entries_set_labels (GTK_WIDGET (row), (IkouLabels) self->labels);
      force = TRUE;
    }
  for (guint i = 0; i < n_steps; i++)
    step_row_update (self, g_ptr_array_index (self->steps, i), i, force);
  gtk_widget_set_visible (self->no_steps_label, n_steps == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), n_steps > 0);

  self->updating--;
}

void
ikou_system_editor_set_era_labels (IkouSystemEditor *self,
                                   gboolean          era_labels)
{
  g_return_if_fail (IKOU_IS_SYSTEM_EDITOR (self));

  self->labels = (int) ikou_labels_for_locale (era_labels);
  ikou_date_entries_set_labels (GTK_WIDGET (self), (IkouLabels) self->labels);
}

/* Signals from the model */

static void
on_system_changed (IkouSystem       *system,
                   IkouSystemEditor *self)
{
  refresh (self, FALSE);
}

static void
on_hosts_changed (IkouPlan         *plan,
                  IkouSystemEditor *self)
{
  rebuild_hosts (self);
  refresh (self, FALSE);
}

static void
on_plan_items_changed (GListModel       *model,
                       guint             position,
                       guint             removed,
                       guint             added,
                       IkouSystemEditor *self)
{
  /* The system was removed (it may come back by undo: the window
   * selects it again then). */
  if (self->system != NULL && removed > 0 &&
      ikou_plan_lookup_system (self->plan, ikou_system_get_id (self->system)) != self->system)
    ikou_system_editor_set_system (self, NULL);
}

/* GObject */

static void
disconnect_system (IkouSystemEditor *self)
{
  if (self->system != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->system, self);
      g_clear_object (&self->system);
    }
}

static void
disconnect_plan (IkouSystemEditor *self)
{
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->plan, self);
      g_clear_object (&self->plan);
    }
}

static void
ikou_system_editor_dispose (GObject *object)
{
  IkouSystemEditor *self = IKOU_SYSTEM_EDITOR (object);

  /* No edits from focus changes while the widgets go away. */
  self->updating++;
  disconnect_system (self);
  disconnect_plan (self);
  g_clear_object (&self->schedule);
  g_clear_object (&self->history);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  if (self->steps != NULL)
    g_ptr_array_set_size (self->steps, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), IKOU_TYPE_SYSTEM_EDITOR);

  G_OBJECT_CLASS (ikou_system_editor_parent_class)->dispose (object);
}

static void
ikou_system_editor_finalize (GObject *object)
{
  IkouSystemEditor *self = IKOU_SYSTEM_EDITOR (object);

  g_clear_object (&self->host_names);
  g_clear_object (&self->operation_names);
  g_array_unref (self->host_ids);
  g_ptr_array_unref (self->operation_ids);
  g_ptr_array_unref (self->steps);
  g_free (self->notes_synced);

  G_OBJECT_CLASS (ikou_system_editor_parent_class)->finalize (object);
}

static void
ikou_system_editor_class_init (IkouSystemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_system_editor_dispose;
  object_class->finalize = ikou_system_editor_finalize;

  g_type_ensure (IKOU_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/ikou/Ikou/ikou-system-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, scenario_label);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, system_grid);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, tokutei_grid);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, department_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, vendor_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, operation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, host_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, tokutei_switch);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, tokutei_deadline_label);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, tokutei_deadline_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, tokutei_reason_label);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, tokutei_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, tokutei_kind_label);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, tokutei_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, transitional_grid);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, transitional_switch);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, transitional_functions_label);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, transitional_functions_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, transitional_completion_label);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, transitional_completion_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, transitional_notified_label);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, transitional_notified_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, add_step_button);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, no_steps_label);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, steps_box);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, label_group);
  gtk_widget_class_bind_template_callback (widget_class, on_operation_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_host_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_step_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ikou-system-editor");
}

static void
ikou_system_editor_init (IkouSystemEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

  self->host_names = gtk_string_list_new (NULL);
  self->host_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->operation_names = gtk_string_list_new (NULL);
  self->operation_ids = g_ptr_array_new_with_free_func (g_free);
  self->steps = g_ptr_array_new ();
  self->labels = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating++;
  rebuild_hosts (self);
  rebuild_operations (self);
  gtk_drop_down_set_model (self->host_dropdown, G_LIST_MODEL (self->host_names));
  gtk_drop_down_set_model (self->operation_dropdown, G_LIST_MODEL (self->operation_names));
  gtk_drop_down_set_expression (self->operation_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  for (guint i = 0; i < IKOU_N_STATUSES; i++)
    gtk_string_list_append (statuses, ikou_status_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  for (guint i = 0; i < IKOU_N_TOKUTEI_REASONS; i++)
    gtk_string_list_append (reasons, ikou_tokutei_reason_label (i));
  gtk_drop_down_set_model (self->tokutei_kind_dropdown, G_LIST_MODEL (reasons));
  self->updating--;

  connect_text_entry (self, self->name_entry, "name");
  connect_text_entry (self, self->department_entry, "department");
  connect_text_entry (self, self->vendor_entry, "vendor");
  connect_text_entry (self, self->tokutei_reason_entry, "tokutei-reason");
  connect_system_widget (self, G_OBJECT (self->status_dropdown), "status",
                         "notify::selected", G_CALLBACK (on_enum_selected));
  connect_system_widget (self, G_OBJECT (self->tokutei_switch), "tokutei",
                         "notify::active", G_CALLBACK (on_switch_active));
  connect_system_widget (self, G_OBJECT (self->tokutei_deadline_entry), "tokutei-deadline",
                         "day-applied", G_CALLBACK (on_system_day_applied));
  connect_system_widget (self, G_OBJECT (self->tokutei_kind_dropdown), "tokutei-reason-kind",
                         "notify::selected", G_CALLBACK (on_enum_selected));
  connect_system_widget (self, G_OBJECT (self->transitional_switch), "transitional",
                         "notify::active", G_CALLBACK (on_switch_active));
  connect_text_entry (self, self->transitional_functions_entry, "transitional-functions");
  connect_system_widget (self, G_OBJECT (self->transitional_completion_entry),
                         "transitional-completion", "day-applied",
                         G_CALLBACK (on_system_day_applied));
  connect_system_widget (self, G_OBJECT (self->transitional_notified_entry),
                         "transitional-notified", "day-applied",
                         G_CALLBACK (on_system_day_applied));

  refresh (self, TRUE);
}

GtkWidget *
ikou_system_editor_new (void)
{
  return g_object_new (IKOU_TYPE_SYSTEM_EDITOR, NULL);
}

void
ikou_system_editor_set_context (IkouSystemEditor *self,
                                IkouPlan         *plan,
                                IkouSchedule     *schedule,
                                IkouHistory      *history)
{
  g_return_if_fail (IKOU_IS_SYSTEM_EDITOR (self));
  g_return_if_fail (plan == NULL || IKOU_IS_PLAN (plan));
  g_return_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule));
  g_return_if_fail (history == NULL || IKOU_IS_HISTORY (history));
  g_return_if_fail (history == NULL || ikou_history_get_plan (history) == plan);

  ikou_system_editor_set_system (self, NULL);

  disconnect_plan (self);
  if (plan != NULL)
    {
      self->plan = g_object_ref (plan);
      g_signal_connect (plan, "hosts-changed", G_CALLBACK (on_hosts_changed), self);
      g_signal_connect (plan, "items-changed", G_CALLBACK (on_plan_items_changed), self);
    }
  g_set_object (&self->schedule, schedule);
  g_set_object (&self->history, history);

  rebuild_hosts (self);
  rebuild_operations (self);
  refresh (self, TRUE);
}

static void
on_view_changed (IkouDocument     *document,
                 guint             system_id,
                 IkouSystemEditor *self)
{
  /* Scenario edits do not touch the system object: follow them here. */
  if (self->system != NULL && ikou_system_get_id (self->system) == system_id &&
      ikou_document_get_active_scenario (document) != NULL)
    refresh (self, FALSE);
}

static void
on_active_scenario (IkouDocument     *document,
                    GParamSpec       *pspec,
                    IkouSystemEditor *self)
{
  refresh (self, TRUE);
}

void
ikou_system_editor_set_document (IkouSystemEditor *self,
                                 IkouDocument     *document)
{
  g_return_if_fail (IKOU_IS_SYSTEM_EDITOR (self));
  g_return_if_fail (document == NULL || IKOU_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect (document, "view-changed", G_CALLBACK (on_view_changed), self);
      g_signal_connect (document, "notify::active-scenario", G_CALLBACK (on_active_scenario), self);
    }
  ikou_system_editor_set_context (self,
                                  document != NULL ? ikou_document_get_plan (document) : NULL,
                                  document != NULL ? ikou_document_get_schedule (document) : NULL,
                                  document != NULL ? ikou_document_get_history (document) : NULL);
}

void
ikou_system_editor_set_system (IkouSystemEditor *self,
                               IkouSystem       *system)
{
  g_return_if_fail (IKOU_IS_SYSTEM_EDITOR (self));
  g_return_if_fail (system == NULL || IKOU_IS_SYSTEM (system));
  g_return_if_fail (system == NULL ||
                    (self->plan != NULL &&
                     ikou_plan_lookup_system (self->plan, ikou_system_get_id (system)) == system));

  if (self->system == system)
    return;

  disconnect_system (self);
  if (system != NULL)
    {
      self->system = g_object_ref (system);
      g_signal_connect (system, "changed", G_CALLBACK (on_system_changed), self);
    }

  /* A new system: forget the rows of the old one entirely. */
  self->updating++;
  while (self->steps->len > 0)
    gtk_box_remove (self->steps_box, g_ptr_array_steal_index (self->steps, self->steps->len - 1));
  self->updating--;

  rebuild_operations (self);
  refresh (self, TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

IkouSystem *
ikou_system_editor_get_system (IkouSystemEditor *self)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM_EDITOR (self), NULL);
  return self->system;
}

IkouDateEntry *
ikou_system_editor_get_step_date_entry (IkouSystemEditor *self,
                                        guint             index,
                                        IkouMilestone     milestone)
{
  g_return_val_if_fail (IKOU_IS_SYSTEM_EDITOR (self), NULL);
  g_return_val_if_fail (milestone < IKOU_N_MILESTONES, NULL);

  if (index >= self->steps->len)
    return NULL;
  return ikou_step_row_get_date_entry (g_ptr_array_index (self->steps, index), milestone);
}
