/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-date-entry.h"
#include "ikou-error.h"
#include "ikou-gui-util.h"
#include "ikou-system-editor.h"

typedef struct _StepRow StepRow;

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
  GtkTextView    *notes_view;
  GtkWidget      *add_step_button;
  GtkWidget      *no_steps_label;
  GtkBox         *steps_box;
  GtkSizeGroup   *label_group;

  GtkStringList  *host_names;      /* "None", then the plan's hosts */
  GArray         *host_ids;        /* guint, parallel to host_names */
  GtkStringList  *operation_names; /* "None", the schedule's operations, an unknown one */
  GPtrArray      *operation_ids;   /* char *, parallel; NULL for "None" */
  GPtrArray      *steps;           /* StepRow, borrowed: owned by their widgets */
  char           *notes_synced;    /* the notes last put in the view */

  guint           updating;        /* > 0 while widgets are set from the model */
};

struct _StepRow
{
  IkouSystemEditor *editor;
  guint             index;

  GtkWidget        *group;
  GtkDropDown      *from;
  GtkDropDown      *to;
  IkouDateEntry    *dates[IKOU_N_MILESTONES];
  GtkEntry         *amount;
  GtkWidget        *amount_error;
  GtkEntry         *cost;        /* the running cost after the cut-over, 千円/年 */
  GtkWidget        *cost_error;
  GtkSwitch        *supplementary;
  GtkSwitch        *standard;
  GtkDropDown      *arrangement;
  GtkCheckButton   *done[IKOU_N_MILESTONES];
  GtkEntry         *note;
  GtkLabel         *baseline;  /* what the baseline has where the scenario differs */
  GtkWidget        *revert;    /* back to the baseline */
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

/* Sets @entry's text to @value when the model changed since the last
 * sync (or @force), so that a refresh for an unrelated change does not
 * wipe what the user is typing. */
static void
sync_entry (GtkEntry   *entry,
            const char *value,
            gboolean    force)
{
  const char *synced = g_object_get_data (G_OBJECT (entry), "ikou-synced");
  gboolean was_synced = g_object_get_data (G_OBJECT (entry), "ikou-has-synced") != NULL;

  if (value == NULL)
    value = "";
  if (!force && was_synced && g_strcmp0 (synced, value) == 0)
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), value);
  g_object_set_data_full (G_OBJECT (entry), "ikou-synced", g_strdup (value), g_free);
  g_object_set_data (G_OBJECT (entry), "ikou-has-synced", GINT_TO_POINTER (1));
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

static void
on_status_selected (GtkDropDown      *dropdown,
                    GParamSpec       *pspec,
                    IkouSystemEditor *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self) || position >= IKOU_N_STATUSES)
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int) position);
  apply_system_value (self, "status", &value);
}

static void
on_tokutei_active (GtkSwitch        *sw,
                   GParamSpec       *pspec,
                   IkouSystemEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self))
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (sw));
  apply_system_value (self, "tokutei", &value);
}

static void
on_tokutei_deadline_applied (IkouDateEntry    *entry,
                             int               day,
                             IkouSystemEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self))
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, day);
  apply_system_value (self, "tokutei-deadline", &value);
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

static gboolean
step_row_can_edit (StepRow *row)
{
  return can_edit (row->editor) && row->index < n_steps_shown (row->editor);
}

/* A copy of the row's step as shown, to change and commit. */
static IkouStep *
step_row_copy (StepRow *row)
{
  return dup_step (row->editor, row->index);
}

static void
step_row_commit (StepRow  *row,
                 IkouStep *step)
{
  IkouSystemEditor *self = row->editor;

  if (self->document != NULL)
    ikou_document_set_step (self->document, self->system, row->index, step);
  else
    ikou_history_set_step (self->history, self->system, row->index, step);
  refresh (self, TRUE);
}

static const IkouOverrideField row_fields[] = {
  IKOU_OVERRIDE_BUDGET_DATE, IKOU_OVERRIDE_CONTRACT_DATE, IKOU_OVERRIDE_CUTOVER_DATE,
  IKOU_OVERRIDE_FROM_HOST, IKOU_OVERRIDE_TO_HOST, IKOU_OVERRIDE_AMOUNT,
  IKOU_OVERRIDE_SUPPLEMENTARY, IKOU_OVERRIDE_STANDARD_COMPLIANT, IKOU_OVERRIDE_ARRANGEMENT,
  IKOU_OVERRIDE_ANNUAL_COST, IKOU_OVERRIDE_DROPPED,
};

static void
on_step_revert (GtkButton *button,
                StepRow   *row)
{
  IkouSystemEditor *self = row->editor;

  if (!step_row_can_edit (row) || self->document == NULL)
    return;
  ikou_history_begin (self->history, _("Back to the baseline"));
  for (guint i = 0; i < G_N_ELEMENTS (row_fields); i++)
    if (ikou_document_is_overridden (self->document, self->system, row->index, row_fields[i], NULL))
      ikou_document_revert_field (self->document, self->system, row->index, row_fields[i]);
  ikou_history_end (self->history);
  refresh (self, TRUE);
}

static void
on_step_host_selected (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       StepRow     *row)
{
  IkouSystemEditor *self = row->editor;
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(IkouStep) step = NULL;
  guint id;

  if (!step_row_can_edit (row) || position >= self->host_ids->len)
    return;
  id = g_array_index (self->host_ids, guint, position);
  step = step_row_copy (row);
  if (dropdown == row->from)
    step->from_host = id;
  else
    step->to_host = id;
  step_row_commit (row, step);
}

static void
on_step_date_applied (IkouDateEntry *entry,
                      int            day,
                      StepRow       *row)
{
  g_autoptr(IkouStep) step = NULL;

  if (!step_row_can_edit (row))
    return;
  step = step_row_copy (row);
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    if (row->dates[m] == entry)
      ikou_step_set_milestone (step, m, day);
  step_row_commit (row, step);
}

/* Amounts in 千円: digits (full-width too), optional thousands
 * separators; empty means unknown (-1). */
static gboolean
parse_amount (const char  *text,
              gint64      *out_amount,
              GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  guint64 amount;

  if (normal == NULL)
    normal = g_strdup ("?");
  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || g_unichar_isspace (c))
        continue;
      g_string_append_unichar (digits, c);
    }

  if (digits->len == 0)
    {
      *out_amount = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64 / 1000, &amount, NULL))
    {
      g_set_error (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                   _("“%s” is not an amount in thousands of yen (digits only, e.g. 12,000)"),
                   text);
      return FALSE;
    }
  *out_amount = (gint64) amount;
  return TRUE;
}

/* An amount entry and the message under it (the budget amount, the
 * running cost after the cut-over). */
static void
show_amount_error (GtkEntry   *entry,
                   GtkWidget  *label,
                   const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_label_set_text (GTK_LABEL (label), message);
      ikou_widget_reveal_later (label);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
  gtk_widget_set_visible (label, message != NULL);
}

static void
on_step_amount_apply (GtkEntry *entry,
                      StepRow  *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouStep) step = NULL;
  gboolean cost = entry == row->cost;
  GtkWidget *label = cost ? row->cost_error : row->amount_error;
  gint64 amount;

  if (!step_row_can_edit (row))
    return;
  if (!parse_amount (gtk_editable_get_text (GTK_EDITABLE (entry)), &amount, &error))
    {
      show_amount_error (entry, label, error->message);
      return;
    }
  show_amount_error (entry, label, NULL);
  step = step_row_copy (row);
  if (cost)
    step->annual_cost = amount;
  else
    step->budget_amount = amount;
  step_row_commit (row, step);
}

static void
on_step_amount_leave (GtkEventControllerFocus *controller,
                      StepRow                 *row)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  on_step_amount_apply (GTK_ENTRY (entry), row);
}

/* An amount entry (digits, 1,234, full-width) with its message below. */
static GtkWidget *
amount_field_new (StepRow    *row,
                  GtkEntry  **out_entry,
                  GtkWidget **out_error)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *error = gtk_label_new (NULL);

  gtk_entry_set_input_purpose (entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 12);
  gtk_entry_set_alignment (entry, 1.0);
  gtk_widget_set_halign (GTK_WIDGET (entry), GTK_ALIGN_START);
  gtk_entry_set_placeholder_text (entry, _("unknown"));
  g_signal_connect (entry, "activate", G_CALLBACK (on_step_amount_apply), row);
  g_signal_connect (focus, "leave", G_CALLBACK (on_step_amount_leave), row);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (entry));
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (error), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);
  *out_entry = entry;
  *out_error = error;
  return box;
}

static void
on_step_switch_active (GtkSwitch  *sw,
                       GParamSpec *pspec,
                       StepRow    *row)
{
  g_autoptr(IkouStep) step = NULL;

  if (!step_row_can_edit (row))
    return;
  step = step_row_copy (row);
  if (sw == row->supplementary)
    step->supplementary = gtk_switch_get_active (sw);
  else
    step->standard_compliant = gtk_switch_get_active (sw);
  step_row_commit (row, step);
}

static void
on_step_arrangement_selected (GtkDropDown *dropdown,
                              GParamSpec  *pspec,
                              StepRow     *row)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(IkouStep) step = NULL;

  if (!step_row_can_edit (row) || position >= IKOU_N_ARRANGEMENTS)
    return;
  step = step_row_copy (row);
  step->arrangement = position;
  step_row_commit (row, step);
}

static void
on_step_done_toggled (GtkCheckButton *check,
                      StepRow        *row)
{
  g_autoptr(IkouStep) step = NULL;

  if (!step_row_can_edit (row))
    return;
  step = step_row_copy (row);
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    {
      if (row->done[m] != check)
        continue;
      if (gtk_check_button_get_active (check))
        step->done |= IKOU_MILESTONE_FLAG (m);
      else
        step->done &= ~IKOU_MILESTONE_FLAG (m);
    }
  step_row_commit (row, step);
}

static void
on_step_note_apply (GtkEntry *entry,
                    StepRow  *row)
{
  g_autoptr(IkouStep) step = NULL;
  g_autofree char *text = NULL;

  if (!step_row_can_edit (row))
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  step = step_row_copy (row);
  if (g_strcmp0 (step->note ? step->note : "", text) == 0)
    return;
  g_free (step->note);
  step->note = *text ? g_steal_pointer (&text) : NULL;
  step_row_commit (row, step);
}

static void
on_step_note_leave (GtkEventControllerFocus *controller,
                    StepRow                 *row)
{
  on_step_note_apply (row->note, row);
}

static void
on_step_duplicate (GtkButton *button,
                   StepRow   *row)
{
  IkouSystemEditor *self = row->editor;
  g_autoptr(IkouStep) step = NULL;

  if (!step_row_can_edit (row))
    return;
  step = step_row_copy (row);
  step->done = 0;
  ikou_history_begin (self->history, _("Duplicate step"));
  if (self->document != NULL)
    ikou_document_insert_step (self->document, self->system, row->index + 1, step);
  else
    ikou_history_insert_step (self->history, self->system, row->index + 1, step);
  ikou_history_end (self->history);
  refresh (self, TRUE);
}

static void
on_step_remove (GtkButton *button,
                StepRow   *row)
{
  IkouSystemEditor *self = row->editor;

  if (!step_row_can_edit (row))
    return;
  if (self->document != NULL)
    ikou_document_remove_step (self->document, self->system, row->index);
  else
    ikou_history_remove_step (self->history, self->system, row->index);
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
    {
      StepRow *row = g_ptr_array_index (self->steps, n);

      gtk_widget_grab_focus (GTK_WIDGET (row->to));
    }
}

/* Building a step's widgets */

static void
step_row_free (StepRow *row)
{
  g_free (row);
}

static GtkWidget *
field_label (const char *text,
             GtkWidget  *mnemonic_widget,
             gboolean    top)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  if (mnemonic_widget != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  if (top)
    {
      /* Fields with a message under them: line up with the entry. */
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 8);
    }
  return label;
}

static void
grid_add (GtkGrid      *grid,
          GtkSizeGroup *label_group,
          int          *row,
          GtkWidget    *label,
          GtkWidget    *field)
{
  gtk_size_group_add_widget (label_group, label);
  gtk_grid_attach (grid, label, 0, *row, 1, 1);
  gtk_grid_attach (grid, field, 1, *row, 1, 1);
  gtk_widget_set_hexpand (field, TRUE);
  (*row)++;
}

static GtkWidget *
switch_field (GtkSwitch **out_switch)
{
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_halign (sw, GTK_ALIGN_START);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  *out_switch = GTK_SWITCH (sw);
  return sw;
}

static StepRow *
step_row_new (IkouSystemEditor *self,
              guint             index)
{
  static const char *date_labels[IKOU_N_MILESTONES] = {
    N_("_Budget request"), N_("C_ontract and build"), N_("_Cut-over"),
  };
  StepRow *row = g_new0 (StepRow, 1);
  g_autoptr(GtkStringList) arrangements = gtk_string_list_new (NULL);
  GtkEventController *focus;
  GtkWidget *suffix, *button, *card, *box, *done_box, *widget;
  GtkGrid *grid;
  int r = 0;

  row->editor = self;
  row->index = index;

  row->group = adw_preferences_group_new ();
  g_object_set_data_full (G_OBJECT (row->group), "ikou-step-row", row,
                          (GDestroyNotify) step_row_free);

  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  ikou_widget_set_tooltip (button, _("Duplicate this step"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_step_duplicate), row);
  gtk_box_append (GTK_BOX (suffix), button);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  ikou_widget_set_tooltip (button, _("Remove this step"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_step_remove), row);
  gtk_box_append (GTK_BOX (suffix), button);
  row->revert = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_tooltip_text (row->revert, _("Back to the baseline's values for this step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->revert), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the baseline"), -1);
  gtk_widget_add_css_class (row->revert, "flat");
  gtk_widget_set_visible (row->revert, FALSE);
  g_signal_connect (row->revert, "clicked", G_CALLBACK (on_step_revert), row);
  gtk_box_prepend (GTK_BOX (suffix), row->revert);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (row->group), suffix);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (row->group), card);

  row->baseline = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (row->baseline, TRUE);
  gtk_label_set_xalign (row->baseline, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row->baseline), "baseline-values");
  gtk_widget_set_margin_start (GTK_WIDGET (row->baseline), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (row->baseline), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (row->baseline), 8);
  gtk_widget_set_visible (GTK_WIDGET (row->baseline), FALSE);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (row->baseline));

  grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (grid, 12);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 12);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (grid));

  /* From and to */
  row->from = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->host_names)), NULL));
  g_signal_connect (row->from, "notify::selected", G_CALLBACK (on_step_host_selected), row);
  grid_add (grid, self->label_group, &r, field_label (_("_From"), GTK_WIDGET (row->from), FALSE), GTK_WIDGET (row->from));
  row->to = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->host_names)), NULL));
  g_signal_connect (row->to, "notify::selected", G_CALLBACK (on_step_host_selected), row);
  grid_add (grid, self->label_group, &r, field_label (_("_To"), GTK_WIDGET (row->to), FALSE), GTK_WIDGET (row->to));

  /* Budget request: date, amount, 補正予算 */
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    {
      row->dates[m] = IKOU_DATE_ENTRY (ikou_date_entry_new ());
      g_signal_connect (row->dates[m], "day-applied", G_CALLBACK (on_step_date_applied), row);
    }
  grid_add (grid, self->label_group, &r,
            field_label (_(date_labels[IKOU_MILESTONE_BUDGET]),
                         GTK_WIDGET (ikou_date_entry_get_entry (row->dates[IKOU_MILESTONE_BUDGET])),
                         TRUE),
            GTK_WIDGET (row->dates[IKOU_MILESTONE_BUDGET]));

  box = amount_field_new (row, &row->amount, &row->amount_error);
  grid_add (grid, self->label_group, &r, field_label (_("_Amount (¥1,000)"), GTK_WIDGET (row->amount), TRUE), box);

  widget = switch_field (&row->supplementary);
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_step_switch_active), row);
  grid_add (grid, self->label_group, &r, field_label (_("Su_pplementary budget"), widget, FALSE), widget);

  /* Contract and cut-over */
  grid_add (grid, self->label_group, &r,
            field_label (_(date_labels[IKOU_MILESTONE_CONTRACT]),
                         GTK_WIDGET (ikou_date_entry_get_entry (row->dates[IKOU_MILESTONE_CONTRACT])),
                         TRUE),
            GTK_WIDGET (row->dates[IKOU_MILESTONE_CONTRACT]));
  grid_add (grid, self->label_group, &r,
            field_label (_(date_labels[IKOU_MILESTONE_CUTOVER]),
                         GTK_WIDGET (ikou_date_entry_get_entry (row->dates[IKOU_MILESTONE_CUTOVER])),
                         TRUE),
            GTK_WIDGET (row->dates[IKOU_MILESTONE_CUTOVER]));
  box = amount_field_new (row, &row->cost, &row->cost_error);
  ikou_widget_set_tooltip (GTK_WIDGET (row->cost),
                           _("The system's running cost a year from the cut-over on; empty: unchanged"));
  grid_add (grid, self->label_group, &r,
            field_label (_("Running cost after cut-over (¥1,000/yr)"), GTK_WIDGET (row->cost), TRUE), box);

  widget = switch_field (&row->standard);
  ikou_widget_set_tooltip (widget, _("The new system follows the national standard specification"));
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_step_switch_active), row);
  grid_add (grid, self->label_group, &r, field_label (_("_Standard-compliant"), widget, FALSE), widget);

  for (guint i = 0; i < IKOU_N_ARRANGEMENTS; i++)
    gtk_string_list_append (arrangements, ikou_arrangement_label (i));
  row->arrangement = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&arrangements)), NULL));
  g_signal_connect (row->arrangement, "notify::selected", G_CALLBACK (on_step_arrangement_selected), row);
  grid_add (grid, self->label_group, &r, field_label (_("Arra_ngement"), GTK_WIDGET (row->arrangement), FALSE),
            GTK_WIDGET (row->arrangement));

  done_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    {
      row->done[m] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (ikou_milestone_label (m)));
      g_signal_connect (row->done[m], "toggled", G_CALLBACK (on_step_done_toggled), row);
      gtk_box_append (GTK_BOX (done_box), GTK_WIDGET (row->done[m]));
    }
  widget = field_label (_("Completed"), NULL, TRUE);
  gtk_widget_set_margin_top (widget, 4);
  grid_add (grid, self->label_group, &r, widget, done_box);

  row->note = GTK_ENTRY (gtk_entry_new ());
  g_signal_connect (row->note, "activate", G_CALLBACK (on_step_note_apply), row);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_step_note_leave), row);
  gtk_widget_add_controller (GTK_WIDGET (row->note), focus);
  grid_add (grid, self->label_group, &r, field_label (_("Not_e"), GTK_WIDGET (row->note), FALSE), GTK_WIDGET (row->note));

  return row;
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

/* 48000 → "48,000" (how amounts in 千円 are written in budget papers). */
static char *
format_amount (gint64 amount)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
  GString *s = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

/* What the baseline has where the active scenario differs, as one line
 * under the step: "Baseline: cut-over 2026-07-01, target host …". */
static void
step_row_update_scenario (StepRow *row)
{
  IkouSystemEditor *self = row->editor;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean added = self->document != NULL &&
                   ikou_document_is_added_step (self->document, self->system, row->index);
  GtkWidget *field_widgets[G_N_ELEMENTS (row_fields)] = {
    GTK_WIDGET (row->dates[IKOU_MILESTONE_BUDGET]), GTK_WIDGET (row->dates[IKOU_MILESTONE_CONTRACT]),
    GTK_WIDGET (row->dates[IKOU_MILESTONE_CUTOVER]), GTK_WIDGET (row->from), GTK_WIDGET (row->to),
    GTK_WIDGET (row->amount), GTK_WIDGET (row->supplementary), GTK_WIDGET (row->standard),
    GTK_WIDGET (row->arrangement), GTK_WIDGET (row->cost), NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (row_fields); i++)
    {
      gint64 value = 0;
      gboolean overridden = self->document != NULL &&
                            ikou_document_is_overridden (self->document, self->system, row->index,
                                                         row_fields[i], &value);

      if (field_widgets[i] != NULL)
        {
          if (overridden)
            gtk_widget_add_css_class (field_widgets[i], "overridden");
          else
            gtk_widget_remove_css_class (field_widgets[i], "overridden");
        }
      if (overridden && row_fields[i] != IKOU_OVERRIDE_DROPPED)
        {
          IkouOverride o = { ikou_system_get_id (self->system), row->index, row_fields[i], value };
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
  gtk_label_set_text (row->baseline, text->str);
  gtk_widget_set_visible (GTK_WIDGET (row->baseline), text->len > 0);
  gtk_widget_set_visible (row->revert, !added && text->len > 0);
}

static void
step_row_update (StepRow  *row,
                 gboolean  force)
{
  IkouSystemEditor *self = row->editor;
  g_autoptr(IkouStep) owned = dup_step (self, row->index);
  const IkouStep *step = owned;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *cost = NULL;

  /* Translators: the title of the n-th migration step of a system. */
  title = g_strdup_printf (_("Step %u"), row->index + 1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (row->group), title);
  if (step->from_host != 0 || step->to_host != 0)
    /* Translators: from-host → to-host. */
    description = g_strdup_printf (_("%s → %s"), host_name (self, step->from_host),
                                   host_name (self, step->to_host));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (row->group), description);

  set_dropdown (row->from, host_position (self, step->from_host));
  set_dropdown (row->to, host_position (self, step->to_host));
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    {
      ikou_date_entry_set_day (row->dates[m], ikou_step_get_milestone (step, m));
      if (gtk_check_button_get_active (row->done[m]) != !!(step->done & IKOU_MILESTONE_FLAG (m)))
        gtk_check_button_set_active (row->done[m], !!(step->done & IKOU_MILESTONE_FLAG (m)));
    }
  if (step->budget_amount >= 0)
    amount = format_amount (step->budget_amount);
  if (force || gtk_widget_get_visible (row->amount_error) == FALSE)
    {
      if (force)
        show_amount_error (row->amount, row->amount_error, NULL);
      sync_entry (row->amount, amount, force);
    }
  /* A running cost "after the cut-over" needs one. */
  if (step->annual_cost >= 0)
    cost = format_amount (step->annual_cost);
  if (force || gtk_widget_get_visible (row->cost_error) == FALSE)
    {
      if (force)
        show_amount_error (row->cost, row->cost_error, NULL);
      sync_entry (row->cost, cost, force);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (row->cost), step->cutover_date != IKOU_DAY_NONE);
  gtk_switch_set_active (row->supplementary, step->supplementary);
  gtk_switch_set_active (row->standard, step->standard_compliant);
  set_dropdown (row->arrangement, step->arrangement);
  sync_entry (row->note, step->note, force);
  step_row_update_scenario (row);
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
  gboolean tokutei;

  if (self->system == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating++;
  gtk_stack_set_visible_child_name (self->stack, "editor");

  sync_entry (self->name_entry, ikou_system_get_name (self->system), force);
  sync_entry (self->department_entry, ikou_system_get_department (self->system), force);
  sync_entry (self->vendor_entry, ikou_system_get_vendor (self->system), force);

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
  sync_entry (self->tokutei_reason_entry, ikou_system_get_tokutei_reason (self->system), force);
  gtk_widget_set_sensitive (self->tokutei_deadline_label, tokutei);
  set_sensitive_keeping_focus (GTK_WIDGET (self->tokutei_deadline_entry), tokutei,
                               GTK_WIDGET (self->tokutei_switch));
  gtk_widget_set_sensitive (self->tokutei_reason_label, tokutei);
  set_sensitive_keeping_focus (GTK_WIDGET (self->tokutei_reason_entry), tokutei,
                               GTK_WIDGET (self->tokutei_switch));

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
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_view), active_scenario (self) == NULL);

  /* Steps: as many rows as steps, each showing its step. */
  n_steps = n_steps_shown (self);
  while (self->steps->len > n_steps)
    {
      StepRow *row = g_ptr_array_steal_index (self->steps, self->steps->len - 1);

      gtk_box_remove (self->steps_box, row->group);
    }
  while (self->steps->len < n_steps)
    {
      StepRow *row = step_row_new (self, self->steps->len);

      g_ptr_array_add (self->steps, row);
      gtk_box_append (self->steps_box, row->group);
      force = TRUE;
    }
  for (guint i = 0; i < n_steps; i++)
    step_row_update (g_ptr_array_index (self->steps, i), force);
  gtk_widget_set_visible (self->no_steps_label, n_steps == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), n_steps > 0);

  self->updating--;
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
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, add_step_button);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, no_steps_label);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, steps_box);
  gtk_widget_class_bind_template_child (widget_class, IkouSystemEditor, label_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ikou-system-editor");
}

static void
ikou_system_editor_init (IkouSystemEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkEventController *focus;

  self->host_names = gtk_string_list_new (NULL);
  self->host_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->operation_names = gtk_string_list_new (NULL);
  self->operation_ids = g_ptr_array_new_with_free_func (g_free);
  self->steps = g_ptr_array_new ();

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
  self->updating--;

  connect_text_entry (self, self->name_entry, "name");
  connect_text_entry (self, self->department_entry, "department");
  connect_text_entry (self, self->vendor_entry, "vendor");
  connect_text_entry (self, self->tokutei_reason_entry, "tokutei-reason");
  g_signal_connect (self->operation_dropdown, "notify::selected",
                    G_CALLBACK (on_operation_selected), self);
  g_signal_connect (self->host_dropdown, "notify::selected", G_CALLBACK (on_host_selected), self);
  g_signal_connect (self->status_dropdown, "notify::selected", G_CALLBACK (on_status_selected), self);
  g_signal_connect (self->tokutei_switch, "notify::active", G_CALLBACK (on_tokutei_active), self);
  g_signal_connect (self->tokutei_deadline_entry, "day-applied",
                    G_CALLBACK (on_tokutei_deadline_applied), self);
  g_signal_connect (self->add_step_button, "clicked", G_CALLBACK (on_add_step_clicked), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_notes_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);

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
    {
      StepRow *row = g_ptr_array_steal_index (self->steps, self->steps->len - 1);

      gtk_box_remove (self->steps_box, row->group);
    }
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
  StepRow *row;

  g_return_val_if_fail (IKOU_IS_SYSTEM_EDITOR (self), NULL);
  g_return_val_if_fail (milestone < IKOU_N_MILESTONES, NULL);

  if (index >= self->steps->len)
    return NULL;
  row = g_ptr_array_index (self->steps, index);
  return row->dates[milestone];
}
