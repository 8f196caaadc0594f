/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-gui-util.h"
#include "ikou-step-row.h"

struct _IkouStepRow
{
  AdwPreferencesGroup parent_instance;

  /* Template widgets */
  GtkWidget      *revert;
  GtkWidget      *duplicate;
  GtkWidget      *remove;
  GtkLabel       *baseline;
  GtkGrid        *grid;
  GtkDropDown    *from;
  GtkDropDown    *to;
  GtkWidget      *budget_label;
  GtkWidget      *contract_label;
  GtkWidget      *cutover_label;
  IkouDateEntry  *budget_date;
  IkouDateEntry  *contract_date;
  IkouDateEntry  *cutover_date;
  GtkEntry       *amount;
  GtkWidget      *amount_error;
  GtkSwitch      *supplementary;
  GtkEntry       *cost;          /* the running cost after the cut-over, 千円/年 */
  GtkWidget      *cost_error;
  GtkSwitch      *standard;
  GtkDropDown    *arrangement;
  GtkCheckButton *budget_done;
  GtkCheckButton *contract_done;
  GtkCheckButton *cutover_done;
  GtkEntry       *note;

  IkouDateEntry  *dates[IKOU_N_MILESTONES];
  GtkCheckButton *done[IKOU_N_MILESTONES];
  GArray         *host_ids;      /* guint, the editor's */
  guint           index;
  IkouStep       *step;          /* as shown */
  guint           updating;      /* > 0 while the widgets are set from the step */
};

enum {
  EDITED,
  DUPLICATE,
  REMOVE,
  REVERT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IkouStepRow, ikou_step_row, ADW_TYPE_PREFERENCES_GROUP)

static guint
host_position (IkouStepRow *self,
               guint        host_id)
{
  for (guint i = 0; i < self->host_ids->len; i++)
    if (g_array_index (self->host_ids, guint, i) == host_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Widgets → step: a copy of the step as shown, changed, to the editor. */

static IkouStep *
copy_step (IkouStepRow *self)
{
  if (self->updating > 0 || self->step == NULL)
    return NULL;
  return ikou_step_copy (self->step);
}

static void
emit_edited (IkouStepRow *self,
             IkouStep    *step)
{
  g_signal_emit (self, signals[EDITED], 0, step);
}

static void
host_selected_cb (IkouStepRow *self,
                  GParamSpec  *pspec,
                  GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(IkouStep) step = NULL;
  guint id;

  if (position >= self->host_ids->len || (step = copy_step (self)) == NULL)
    return;
  id = g_array_index (self->host_ids, guint, position);
  if (dropdown == self->from)
    step->from_host = id;
  else
    step->to_host = id;
  emit_edited (self, step);
}

static void
date_applied_cb (IkouStepRow   *self,
                 int            day,
                 IkouDateEntry *entry)
{
  g_autoptr(IkouStep) step = copy_step (self);

  if (step == NULL)
    return;
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    if (self->dates[m] == entry)
      ikou_step_set_milestone (step, m, day);
  emit_edited (self, step);
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
amount_activate_cb (IkouStepRow *self,
                    GtkEntry    *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouStep) step = NULL;
  gboolean cost = entry == self->cost;
  GtkWidget *label = cost ? self->cost_error : self->amount_error;
  gint64 amount;

  if (self->updating > 0 || self->step == NULL)
    return;
  if (!parse_amount (gtk_editable_get_text (GTK_EDITABLE (entry)), &amount, &error))
    {
      show_amount_error (entry, label, error->message);
      return;
    }
  show_amount_error (entry, label, NULL);
  step = copy_step (self);
  if (cost)
    step->annual_cost = amount;
  else
    step->budget_amount = amount;
  emit_edited (self, step);
}

static void
amount_leave_cb (IkouStepRow             *self,
                 GtkEventControllerFocus *controller)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  amount_activate_cb (self, GTK_ENTRY (entry));
}

static void
switch_active_cb (IkouStepRow *self,
                  GParamSpec  *pspec,
                  GtkSwitch   *sw)
{
  g_autoptr(IkouStep) step = copy_step (self);

  if (step == NULL)
    return;
  if (sw == self->supplementary)
    step->supplementary = gtk_switch_get_active (sw);
  else
    step->standard_compliant = gtk_switch_get_active (sw);
  emit_edited (self, step);
}

static void
arrangement_selected_cb (IkouStepRow *self,
                         GParamSpec  *pspec,
                         GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(IkouStep) step = NULL;

  if (position >= IKOU_N_ARRANGEMENTS || (step = copy_step (self)) == NULL)
    return;
  step->arrangement = position;
  emit_edited (self, step);
}

static void
done_toggled_cb (IkouStepRow    *self,
                 GtkCheckButton *check)
{
  g_autoptr(IkouStep) step = copy_step (self);

  if (step == NULL)
    return;
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    {
      if (self->done[m] != check)
        continue;
      if (gtk_check_button_get_active (check))
        step->done |= IKOU_MILESTONE_FLAG (m);
      else
        step->done &= ~IKOU_MILESTONE_FLAG (m);
    }
  emit_edited (self, step);
}

static void
note_activate_cb (IkouStepRow *self,
                  GtkEntry    *entry)
{
  g_autoptr(IkouStep) step = copy_step (self);
  g_autofree char *text = NULL;

  if (step == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note))));
  if (g_strcmp0 (step->note ? step->note : "", text) == 0)
    return;
  g_free (step->note);
  step->note = *text ? g_steal_pointer (&text) : NULL;
  emit_edited (self, step);
}

static void
note_leave_cb (IkouStepRow             *self,
               GtkEventControllerFocus *controller)
{
  note_activate_cb (self, self->note);
}

static void
revert_clicked_cb (IkouStepRow *self)
{
  g_signal_emit (self, signals[REVERT], 0);
}

static void
duplicate_clicked_cb (IkouStepRow *self)
{
  g_signal_emit (self, signals[DUPLICATE], 0);
}

static void
remove_clicked_cb (IkouStepRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* GObject */

static void
ikou_step_row_dispose (GObject *object)
{
  IkouStepRow *self = IKOU_STEP_ROW (object);

  /* No edits from focus changes while the widgets go away. */
  self->updating++;
  gtk_widget_dispose_template (GTK_WIDGET (self), IKOU_TYPE_STEP_ROW);

  G_OBJECT_CLASS (ikou_step_row_parent_class)->dispose (object);
}

static void
ikou_step_row_finalize (GObject *object)
{
  IkouStepRow *self = IKOU_STEP_ROW (object);

  g_clear_pointer (&self->step, ikou_step_free);

  G_OBJECT_CLASS (ikou_step_row_parent_class)->finalize (object);
}

static void
ikou_step_row_class_init (IkouStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_step_row_dispose;
  object_class->finalize = ikou_step_row_finalize;

  /* The step as it should become (the row keeps it). */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE,
                                  1, IKOU_TYPE_STEP | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[DUPLICATE] = g_signal_new ("duplicate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REVERT] = g_signal_new ("revert", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (IKOU_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/ikou/Ikou/ikou-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, revert);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, duplicate);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, remove);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, baseline);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, grid);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, from);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, to);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, budget_label);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, contract_label);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, cutover_label);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, budget_date);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, contract_date);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, cutover_date);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, amount);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, amount_error);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, supplementary);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, cost);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, cost_error);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, standard);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, arrangement);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, budget_done);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, contract_done);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, cutover_done);
  gtk_widget_class_bind_template_child (widget_class, IkouStepRow, note);
  gtk_widget_class_bind_template_callback (widget_class, host_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, arrangement_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
ikou_step_row_init (IkouStepRow *self)
{
  g_autoptr(GtkStringList) arrangements = gtk_string_list_new (NULL);
  GtkWidget *date_labels[IKOU_N_MILESTONES];

  /* Quiet until the first step is shown. */
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dates[IKOU_MILESTONE_BUDGET] = self->budget_date;
  self->dates[IKOU_MILESTONE_CONTRACT] = self->contract_date;
  self->dates[IKOU_MILESTONE_CUTOVER] = self->cutover_date;
  self->done[IKOU_MILESTONE_BUDGET] = self->budget_done;
  self->done[IKOU_MILESTONE_CONTRACT] = self->contract_done;
  self->done[IKOU_MILESTONE_CUTOVER] = self->cutover_done;
  date_labels[IKOU_MILESTONE_BUDGET] = self->budget_label;
  date_labels[IKOU_MILESTONE_CONTRACT] = self->contract_label;
  date_labels[IKOU_MILESTONE_CUTOVER] = self->cutover_label;
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    {
      gtk_label_set_mnemonic_widget (GTK_LABEL (date_labels[m]),
                                     GTK_WIDGET (ikou_date_entry_get_entry (self->dates[m])));
      gtk_check_button_set_label (self->done[m], ikou_milestone_label (m));
    }

  for (guint i = 0; i < IKOU_N_ARRANGEMENTS; i++)
    gtk_string_list_append (arrangements, ikou_arrangement_label (i));
  gtk_drop_down_set_model (self->arrangement, G_LIST_MODEL (arrangements));

  ikou_tooltips_fix (self->duplicate);
  ikou_tooltips_fix (self->remove);
  ikou_tooltips_fix (GTK_WIDGET (self->cost));
  ikou_tooltips_fix (GTK_WIDGET (self->standard));
  ikou_entry_restore_on_escape (GTK_WIDGET (self->amount));
  ikou_entry_restore_on_escape (GTK_WIDGET (self->cost));
  ikou_entry_restore_on_escape (GTK_WIDGET (self->note));
}

GtkWidget *
ikou_step_row_new (GListModel   *host_names,
                   GArray       *host_ids,
                   GtkSizeGroup *labels)
{
  IkouStepRow *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (host_names), NULL);
  g_return_val_if_fail (host_ids != NULL, NULL);
  g_return_val_if_fail (GTK_IS_SIZE_GROUP (labels), NULL);

  self = g_object_new (IKOU_TYPE_STEP_ROW, NULL);
  self->host_ids = host_ids;
  gtk_drop_down_set_model (self->from, host_names);
  gtk_drop_down_set_model (self->to, host_names);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column;

      gtk_grid_query_child (self->grid, child, &column, NULL, NULL, NULL);
      if (column == 0)
        gtk_size_group_add_widget (labels, child);
    }
  return GTK_WIDGET (self);
}

guint
ikou_step_row_get_index (IkouStepRow *self)
{
  g_return_val_if_fail (IKOU_IS_STEP_ROW (self), 0);
  return self->index;
}

static void
set_dropdown (GtkDropDown *dropdown,
              guint        position)
{
  if (gtk_drop_down_get_selected (dropdown) != position)
    gtk_drop_down_set_selected (dropdown, position);
}

void
ikou_step_row_set_step (IkouStepRow    *self,
                        guint           index,
                        const IkouStep *step,
                        const char     *description,
                        gboolean        force)
{
  g_autofree char *title = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *cost = NULL;

  g_return_if_fail (IKOU_IS_STEP_ROW (self));
  g_return_if_fail (step != NULL);

  if (self->step == NULL)
    self->updating--;
  self->updating++;
  g_clear_pointer (&self->step, ikou_step_free);
  self->step = ikou_step_copy (step);
  self->index = index;

  /* Translators: the title of the n-th migration step of a system. */
  title = g_strdup_printf (_("Step %u"), index + 1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);

  set_dropdown (self->from, host_position (self, step->from_host));
  set_dropdown (self->to, host_position (self, step->to_host));
  for (guint m = 0; m < IKOU_N_MILESTONES; m++)
    {
      ikou_date_entry_set_day (self->dates[m], ikou_step_get_milestone (step, m));
      if (gtk_check_button_get_active (self->done[m]) != !!(step->done & IKOU_MILESTONE_FLAG (m)))
        gtk_check_button_set_active (self->done[m], !!(step->done & IKOU_MILESTONE_FLAG (m)));
    }
  if (step->budget_amount >= 0)
    amount = format_amount (step->budget_amount);
  if (force || gtk_widget_get_visible (self->amount_error) == FALSE)
    {
      if (force)
        show_amount_error (self->amount, self->amount_error, NULL);
      ikou_entry_sync (self->amount, amount, force);
    }
  /* A running cost "after the cut-over" needs one. */
  if (step->annual_cost >= 0)
    cost = format_amount (step->annual_cost);
  if (force || gtk_widget_get_visible (self->cost_error) == FALSE)
    {
      if (force)
        show_amount_error (self->cost, self->cost_error, NULL);
      ikou_entry_sync (self->cost, cost, force);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->cost), step->cutover_date != IKOU_DAY_NONE);
  gtk_switch_set_active (self->supplementary, step->supplementary);
  gtk_switch_set_active (self->standard, step->standard_compliant);
  set_dropdown (self->arrangement, step->arrangement);
  ikou_entry_sync (self->note, step->note, force);
  self->updating--;
}

void
ikou_step_row_set_overridden (IkouStepRow      *self,
                              IkouOverrideField field,
                              gboolean          overridden)
{
  GtkWidget *widget = NULL;

  g_return_if_fail (IKOU_IS_STEP_ROW (self));

  switch (field)
    {
    case IKOU_OVERRIDE_BUDGET_DATE:        widget = GTK_WIDGET (self->budget_date); break;
    case IKOU_OVERRIDE_CONTRACT_DATE:      widget = GTK_WIDGET (self->contract_date); break;
    case IKOU_OVERRIDE_CUTOVER_DATE:       widget = GTK_WIDGET (self->cutover_date); break;
    case IKOU_OVERRIDE_FROM_HOST:          widget = GTK_WIDGET (self->from); break;
    case IKOU_OVERRIDE_TO_HOST:            widget = GTK_WIDGET (self->to); break;
    case IKOU_OVERRIDE_AMOUNT:             widget = GTK_WIDGET (self->amount); break;
    case IKOU_OVERRIDE_SUPPLEMENTARY:      widget = GTK_WIDGET (self->supplementary); break;
    case IKOU_OVERRIDE_STANDARD_COMPLIANT: widget = GTK_WIDGET (self->standard); break;
    case IKOU_OVERRIDE_ARRANGEMENT:        widget = GTK_WIDGET (self->arrangement); break;
    case IKOU_OVERRIDE_ANNUAL_COST:        widget = GTK_WIDGET (self->cost); break;
    case IKOU_OVERRIDE_DROPPED:
    default:
      return;
    }

  if (overridden)
    gtk_widget_add_css_class (widget, "overridden");
  else
    gtk_widget_remove_css_class (widget, "overridden");
}

void
ikou_step_row_set_baseline (IkouStepRow *self,
                            const char  *text,
                            gboolean     revertible)
{
  g_return_if_fail (IKOU_IS_STEP_ROW (self));

  gtk_label_set_text (self->baseline, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->baseline), text != NULL && *text != '\0');
  gtk_widget_set_visible (self->revert, revertible);
}

IkouDateEntry *
ikou_step_row_get_date_entry (IkouStepRow   *self,
                              IkouMilestone  milestone)
{
  g_return_val_if_fail (IKOU_IS_STEP_ROW (self), NULL);
  g_return_val_if_fail (milestone < IKOU_N_MILESTONES, NULL);
  return self->dates[milestone];
}

void
ikou_step_row_focus_destination (IkouStepRow *self)
{
  g_return_if_fail (IKOU_IS_STEP_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->to));
}
