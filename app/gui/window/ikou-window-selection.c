/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-bulk-editor.h"
#include "ikou-calendar.h"
#include "ikou-system-editor.h"
#include "ikou-system-filter.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"

/* Many systems at once: the selection the list and the roadmap share
 * (IkouSelection over the window's current row), "select all that
 * match", and the actions on the selection — shift, retarget, status,
 * mark passed milestones done — each one undo step through the
 * document, in the scenario on show (or the baseline).  With several
 * systems selected the editor pane shows IkouBulkEditor. */

#define SHIFT_LIMIT_MONTHS 240

static const char * const status_names[IKOU_N_STATUSES] = {
  "not-started", "in-progress", "done", "not-in-scope",
};

GPtrArray *
_ikou_window_dup_selected_systems (IkouWindow *self)
{
  if (self->multi == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return ikou_selection_dup_systems (self->multi);
}

static IkouScenario *
active_scenario (IkouWindow *self)
{
  return self->document != NULL ? ikou_document_get_active_scenario (self->document) : NULL;
}

static void
toast_with_undo (IkouWindow *self,
                 const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Where the change went: "in “Wave 2”" or "in the baseline". */
static char *
where (IkouWindow *self)
{
  IkouScenario *scenario = active_scenario (self);

  if (scenario == NULL)
    return g_strdup (_("in the baseline"));
  /* Translators: the scenario's name */
  return g_strdup_printf (_("in “%s”"), ikou_scenario_get_name (scenario));
}

/* The editor pane and the actions follow the selection ---------------------------- */

static void
selection_changed_cb (IkouWindow *self)
{
  guint n = self->multi != NULL ? ikou_selection_get_n_selected (self->multi) : 0;
  gboolean plan = self->document != NULL;

  if (n > 1)
    {
      g_autoptr(GPtrArray) systems = _ikou_window_dup_selected_systems (self);

      ikou_bulk_editor_set_systems (IKOU_BULK_EDITOR (self->bulk_editor), systems);
      gtk_stack_set_visible_child (self->editor_stack, self->bulk_editor);
    }
  else
    {
      ikou_bulk_editor_set_systems (IKOU_BULK_EDITOR (self->bulk_editor), NULL);
      gtk_stack_set_visible_child (self->editor_stack, self->system_editor);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-all", plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-none", plan && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-matching", plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.shift-selection", plan && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retarget-selection",
                                 plan && n > 0 && ikou_plan_get_n_hosts (self->plan) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-selection-status", plan && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-selection-done", plan && n > 0);
}

/* Selecting -------------------------------------------------------------------------- */

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);

  if (self->multi != NULL)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->multi));
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);

  if (self->multi != NULL)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->multi));
}

void
_ikou_window_select_systems (IkouWindow *self,
                             GPtrArray  *systems)
{
  guint current;

  /* Every match must be in the list to be selected. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_signal_emit_by_name (self->search_entry, "search-changed");
    }
  ikou_selection_select_systems (self->multi, systems);
  current = gtk_single_selection_get_selected (self->selection);
  if (current != GTK_INVALID_LIST_POSITION)
    _ikou_window_keep_selected_in_view (self);
}

typedef struct
{
  const char *key;
  const char *label;
  GtkDropDown *dropdown;
  GPtrArray   *values;   /* filter values, parallel to the drop-down from item 1 */
} Criterion;

enum { CRIT_DEPARTMENT, CRIT_VENDOR, CRIT_OPERATION, CRIT_HOST, CRIT_TARGET, CRIT_FY, N_CRITERIA };

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The distinct non-empty values of a text field, sorted. */
static GPtrArray *
distinct_texts (IkouPlan   *plan,
                const char *(*get) (IkouSystem *))
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      const char *value = get (ikou_plan_get_system (plan, i));

      if (value != NULL && *value != '\0' && g_hash_table_add (seen, (gpointer) value))
        g_ptr_array_add (values, g_strdup (value));
    }
  g_ptr_array_sort (values, compare_strings);
  return values;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
add_criterion (GtkGrid    *grid,
               Criterion  *c,
               int         row,
               GPtrArray  *labels)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (c->label);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("(any)"));
  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));
  c->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL));
  gtk_drop_down_set_enable_search (c->dropdown, labels->len > 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (c->dropdown));
  gtk_widget_set_hexpand (GTK_WIDGET (c->dropdown), TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (c->dropdown), 1, row, 1, 1);
}

static void
criteria_free (gpointer data)
{
  Criterion *criteria = data;

  for (guint i = 0; i < N_CRITERIA; i++)
    g_clear_pointer (&criteria[i].values, g_ptr_array_unref);
  g_free (criteria);
}

/* The filters chosen in the dialog ("department=…"), NULL-terminated. */
static GStrv
chosen_filters (Criterion *criteria)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < N_CRITERIA; i++)
    {
      guint index = gtk_drop_down_get_selected (criteria[i].dropdown);

      if (index > 0 && index != GTK_INVALID_LIST_POSITION)
        {
          g_autofree char *filter = g_strdup_printf ("%s=%s", criteria[i].key,
                                                     (const char *) g_ptr_array_index (criteria[i].values,
                                                                                       index - 1));

          g_strv_builder_add (builder, filter);
        }
    }
  return g_strv_builder_end (builder);
}

gboolean
_ikou_window_select_matching (IkouWindow          *self,
                              const char * const  *filters,
                              GError             **error)
{
  g_autoptr(GPtrArray) systems = NULL;
  g_autofree char *title = NULL;

  systems = ikou_system_filter_select (self->plan, active_scenario (self), self->schedule,
                                       filters, error);
  if (systems == NULL)
    return FALSE;
  _ikou_window_select_systems (self, systems);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u system matches",
                                        "%u systems match", systems->len), systems->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  return TRUE;
}

static void
match_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   IkouWindow       *self)
{
  Criterion *criteria = g_object_get_data (G_OBJECT (dialog), "ikou-criteria");
  g_auto(GStrv) filters = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "select") || self->document == NULL)
    return;
  filters = chosen_filters (criteria);
  if (filters[0] == NULL)
    {
      g_strfreev (filters);
      filters = g_new0 (char *, 2);
      filters[0] = g_strdup ("all=1");
    }
  if (!_ikou_window_select_matching (self, (const char * const *) filters, &error))
    _ikou_window_show_error (self, _("Could Not Select the Systems"), error);
}

static void
select_matching_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  AdwMessageDialog *dialog;
  Criterion *criteria;
  GtkWidget *grid;
  IkouScenario *scenario;

  if (self->document == NULL)
    return;
  scenario = active_scenario (self);
  criteria = g_new0 (Criterion, N_CRITERIA);
  criteria[CRIT_DEPARTMENT] = (Criterion) { "department", _("_Department") };
  criteria[CRIT_VENDOR] = (Criterion) { "vendor", _("_Vendor") };
  criteria[CRIT_OPERATION] = (Criterion) { "operation", _("_Operation") };
  criteria[CRIT_HOST] = (Criterion) { "host", _("_Host today") };
  criteria[CRIT_TARGET] = (Criterion) { "target", _("_Target kind") };
  criteria[CRIT_FY] = (Criterion) { "fy", _("_Fiscal year of the cut-over") };

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  criteria[CRIT_DEPARTMENT].values = distinct_texts (self->plan, ikou_system_get_department);
  criteria[CRIT_VENDOR].values = distinct_texts (self->plan, ikou_system_get_vendor);
  criteria[CRIT_OPERATION].values = distinct_texts (self->plan, ikou_system_get_operation);
  add_criterion (GTK_GRID (grid), &criteria[CRIT_DEPARTMENT], 0, criteria[CRIT_DEPARTMENT].values);
  add_criterion (GTK_GRID (grid), &criteria[CRIT_VENDOR], 1, criteria[CRIT_VENDOR].values);
  add_criterion (GTK_GRID (grid), &criteria[CRIT_OPERATION], 2, criteria[CRIT_OPERATION].values);

  /* Hosts by name, chosen by id. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    criteria[CRIT_HOST].values = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < ikou_plan_get_n_hosts (self->plan); i++)
      {
        IkouHost *host = ikou_plan_get_host (self->plan, i);

        g_ptr_array_add (labels, (gpointer) ikou_host_get_name (host));
        g_ptr_array_add (criteria[CRIT_HOST].values, g_strdup_printf ("%u", ikou_host_get_id (host)));
      }
    add_criterion (GTK_GRID (grid), &criteria[CRIT_HOST], 3, labels);
  }
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    criteria[CRIT_TARGET].values = g_ptr_array_new_with_free_func (g_free);
    for (int kind = 0; kind < IKOU_N_HOST_KINDS; kind++)
      {
        g_ptr_array_add (labels, (gpointer) ikou_host_kind_label (kind));
        g_ptr_array_add (criteria[CRIT_TARGET].values, g_strdup (ikou_host_kind_to_string (kind)));
      }
    add_criterion (GTK_GRID (grid), &criteria[CRIT_TARGET], 4, labels);
  }
  /* The fiscal years in which the last steps cut over, as shown. */
  {
    g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    IkouLabels style = ikou_labels_for_locale (self->era_labels);

    for (guint i = 0; i < ikou_plan_get_n_systems (self->plan); i++)
      {
        IkouSystem *system = ikou_plan_get_system (self->plan, i);
        guint n = ikou_scenario_get_n_steps (scenario, system);
        IkouStep step;
        int fy;

        if (n == 0 || !ikou_scenario_get_step (scenario, system, n - 1, &step, NULL) ||
            step.cutover_date == IKOU_DAY_NONE)
          continue;
        fy = ikou_fiscal_year (step.cutover_date);
        if (g_hash_table_add (seen, GINT_TO_POINTER (fy)))
          g_array_append_val (years, fy);
      }
    g_array_sort (years, compare_ints);
    criteria[CRIT_FY].values = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < years->len; i++)
      {
        int fy = g_array_index (years, int, i);

        g_ptr_array_add (labels, ikou_fiscal_year_label (fy, style));
        g_ptr_array_add (criteria[CRIT_FY].values, g_strdup_printf ("%d", fy));
      }
    add_criterion (GTK_GRID (grid), &criteria[CRIT_FY], 5, labels);
  }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Select Matching Systems"),
                                                       _("Selects every system that matches all the chosen values. The search is cleared so that all of them show.")));
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "select", _("_Select"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "select", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "select");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ikou-criteria", criteria, criteria_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (match_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shifting ----------------------------------------------------------------------------- */

gboolean
_ikou_window_shift_selection (IkouWindow          *self,
                              int                  months,
                              IkouShiftMilestones  which,
                              GError             **error)
{
  g_autoptr(GPtrArray) systems = _ikou_window_dup_selected_systems (self);
  g_autofree char *title = NULL;
  g_autofree char *in = NULL;

  if (self->document == NULL || systems->len == 0 || months == 0)
    return TRUE;
  if (!ikou_document_shift (self->document, active_scenario (self), systems, months, which, error))
    return FALSE;
  in = where (self);
  /* Translators: "Shifted 12 systems by +6 months in the baseline" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Shifted %u system by %+d months %s",
                                        "Shifted %u systems by %+d months %s", systems->len),
                           systems->len, months, in);
  toast_with_undo (self, title);
  return TRUE;
}

static void
shift_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   IkouWindow       *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "ikou-months");
  GtkDropDown *which = g_object_get_data (G_OBJECT (dialog), "ikou-which");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "shift"))
    return;
  gtk_spin_button_update (spin);
  if (!_ikou_window_shift_selection (self, gtk_spin_button_get_value_as_int (spin),
                                     (IkouShiftMilestones) gtk_drop_down_get_selected (which), &error))
    _ikou_window_show_error (self, _("Could Not Shift the Systems"), error);
}

static void
shift_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  g_autoptr(GPtrArray) systems = _ikou_window_dup_selected_systems (self);
  AdwMessageDialog *dialog;
  GtkWidget *grid, *label, *spin, *which;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *in = NULL;
  const char *choices[] = { _("All milestones"), _("From the contract on"), _("The cut-over only"), NULL };

  if (self->document == NULL || systems->len == 0)
    return;
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Shift %u System", "Shift %u Systems",
                                          systems->len), systems->len);
  in = where (self);
  /* Translators: "in the baseline" or "in “name”" */
  body = g_strdup_printf (_("Moves the dates of every step of the selected systems %s, as one change you can undo. A negative number moves them earlier."),
                          in);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  label = gtk_label_new_with_mnemonic (_("_Months"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  spin = gtk_spin_button_new_with_range (-SHIFT_LIMIT_MONTHS, SHIFT_LIMIT_MONTHS, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 6);
  /* Enter in the field shifts (GTK 4.8's spin button has no setter). */
  if (GTK_IS_TEXT (gtk_widget_get_first_child (spin)))
    gtk_text_set_activates_default (GTK_TEXT (gtk_widget_get_first_child (spin)), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), spin, 1, 0, 1, 1);
  label = gtk_label_new_with_mnemonic (_("_Which milestones"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  which = gtk_drop_down_new_from_strings (choices);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), which);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), which, 1, 1, 1, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "shift", _("_Shift"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "shift", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "shift");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "ikou-months", spin);
  g_object_set_data (G_OBJECT (dialog), "ikou-which", which);
  g_signal_connect_object (dialog, "response", G_CALLBACK (shift_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (spin);
}

/* Retargeting, status, done ------------------------------------------------------------ */

gboolean
_ikou_window_retarget_selection (IkouWindow  *self,
                                 guint        host_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) systems = _ikou_window_dup_selected_systems (self);
  g_autofree char *title = NULL;
  g_autofree char *in = NULL;
  IkouHost *host;

  if (self->document == NULL || systems->len == 0)
    return TRUE;
  if (!ikou_document_retarget (self->document, active_scenario (self), systems, host_id, -1, error))
    return FALSE;
  host = ikou_plan_lookup_host (self->plan, host_id);
  in = where (self);
  /* Translators: the number of systems, the host's name, where */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u system now moves to “%s” %s",
                                        "%u systems now move to “%s” %s", systems->len),
                           systems->len, ikou_host_get_name (host), in);
  toast_with_undo (self, title);
  return TRUE;
}

static void
retarget_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      IkouWindow       *self)
{
  GtkDropDown *hosts = g_object_get_data (G_OBJECT (dialog), "ikou-hosts");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ikou-ids");
  guint index = gtk_drop_down_get_selected (hosts);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "retarget") || index >= ids->len)
    return;
  if (!_ikou_window_retarget_selection (self, g_array_index (ids, guint, index), &error))
    _ikou_window_show_error (self, _("Could Not Retarget the Systems"), error);
}

static void
retarget_selection_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  g_autoptr(GPtrArray) systems = _ikou_window_dup_selected_systems (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  AdwMessageDialog *dialog;
  GtkWidget *hosts;
  g_autofree char *heading = NULL;

  if (self->document == NULL || systems->len == 0)
    {
      g_array_unref (ids);
      return;
    }
  for (guint i = 0; i < ikou_plan_get_n_hosts (self->plan); i++)
    {
      IkouHost *host = ikou_plan_get_host (self->plan, i);
      guint id = ikou_host_get_id (host);

      gtk_string_list_append (names, ikou_host_get_name (host));
      g_array_append_val (ids, id);
    }
  hosts = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (hosts), ids->len > 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (hosts), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Target host"), -1);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Retarget %u System", "Retarget %u Systems",
                                          systems->len), systems->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The last step of each selected system moves to this host.")));
  adw_message_dialog_set_extra_child (dialog, hosts);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "retarget", _("_Retarget"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "retarget", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retarget");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "ikou-hosts", hosts);
  g_object_set_data_full (G_OBJECT (dialog), "ikou-ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (retarget_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  g_autoptr(GPtrArray) systems = _ikou_window_dup_selected_systems (self);
  const char *name = g_variant_get_string (param, NULL);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *title = NULL;

  if (self->document == NULL || systems->len == 0)
    return;
  for (int status = 0; status < IKOU_N_STATUSES; status++)
    if (g_str_equal (name, status_names[status]))
      {
        g_value_init (&value, G_TYPE_INT);
        g_value_set_int (&value, status);
        ikou_document_set_systems_property (self->document, systems, "status", &value);
        /* Translators: the number of systems, then the status */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u system set to “%s”",
                                              "%u systems set to “%s”", systems->len),
                                 systems->len, ikou_status_label (status));
        toast_with_undo (self, title);
        return;
      }
}

guint
_ikou_window_mark_selection_done (IkouWindow *self)
{
  g_autoptr(GPtrArray) systems = _ikou_window_dup_selected_systems (self);
  g_autoptr(GArray) overdue = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (self->document == NULL || systems->len == 0)
    return 0;
  overdue = ikou_document_find_overdue_of (self->document, systems, IKOU_DAY_NONE);
  if (overdue->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("No milestone of the selected systems is past and open")));
      return 0;
    }
  n = ikou_document_mark_done (self->document, overdue);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Marked %u milestone done",
                                        "Marked %u milestones done", n), n);
  toast_with_undo (self, title);
  return n;
}

static void
mark_selection_done_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  _ikou_window_mark_selection_done (IKOU_WINDOW (widget));
}

static void
group_refused_cb (IkouWindow   *self,
                  const GError *error)
{
  _ikou_window_show_error (self, _("Could Not Shift the Systems"), error);
}

/* Setting up -------------------------------------------------------------------------------- */

static void
add_menu (IkouWindow *self)
{
  GMenuModel *primary = gtk_menu_button_get_menu_model (self->primary_menu_button);
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) selection = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) select = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();

  if (!G_IS_MENU (primary))
    return;
  g_menu_append (select, _("Select _All"), "win.select-all");
  g_menu_append (select, _("Select _None"), "win.select-none");
  g_menu_append (select, _("Select _Matching…"), "win.select-matching");
  g_menu_append (edit, _("_Shift…"), "win.shift-selection");
  g_menu_append (edit, _("_Retarget…"), "win.retarget-selection");
  for (int status = 0; status < IKOU_N_STATUSES; status++)
    {
      g_autofree char *action = g_strdup_printf ("win.set-selection-status::%s", status_names[status]);

      g_menu_append (statuses, ikou_status_label (status), action);
    }
  g_menu_append_submenu (edit, _("Set S_tatus"), G_MENU_MODEL (statuses));
  g_menu_append (edit, _("Mark Passed Milestones _Done"), "win.mark-selection-done");
  g_menu_append_section (selection, NULL, G_MENU_MODEL (select));
  g_menu_append_section (selection, NULL, G_MENU_MODEL (edit));
  g_menu_append_submenu (section, _("_Selection"), G_MENU_MODEL (selection));
  /* After the systems' section (add, duplicate, delete, hosts). */
  g_menu_insert_section (G_MENU (primary), MIN (3, g_menu_model_get_n_items (primary)), NULL,
                         G_MENU_MODEL (section));
}

void
_ikou_window_selection_init (IkouWindow *self)
{
  GtkWidget *editor = g_object_ref (self->system_editor);

  self->multi = ikou_selection_new (self->selection);
  gtk_column_view_set_model (self->systems_view, GTK_SELECTION_MODEL (self->multi));
  ikou_timeline_set_multi_selection (IKOU_TIMELINE (self->timeline), self->multi);
  g_signal_connect_object (self->timeline, "group-refused", G_CALLBACK (group_refused_cb), self,
                           G_CONNECT_SWAPPED);

  /* The editor pane: one system's editor, or the editor of several. */
  self->editor_stack = GTK_STACK (gtk_stack_new ());
  gtk_scrolled_window_set_child (self->editor_scroller, NULL);
  gtk_stack_add_child (self->editor_stack, editor);
  g_object_unref (editor);
  self->bulk_editor = ikou_bulk_editor_new ();
  gtk_stack_add_child (self->editor_stack, self->bulk_editor);
  gtk_scrolled_window_set_child (self->editor_scroller, GTK_WIDGET (self->editor_stack));

  g_signal_connect_object (self->multi, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  add_menu (self);
  selection_changed_cb (self);
}

void
_ikou_window_selection_set_document (IkouWindow   *self,
                                     IkouDocument *document)
{
  if (self->bulk_editor != NULL)
    ikou_bulk_editor_set_document (IKOU_BULK_EDITOR (self->bulk_editor), document);
  if (self->multi != NULL)
    selection_changed_cb (self);
}

void
_ikou_window_selection_dispose (IkouWindow *self)
{
  if (self->timeline != NULL)
    ikou_timeline_set_multi_selection (IKOU_TIMELINE (self->timeline), NULL);
  if (self->multi != NULL)
    g_signal_handlers_disconnect_by_data (self->multi, self);
  g_clear_object (&self->multi);
}

void
_ikou_window_class_selection_init (IkouWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "win.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "win.select-matching", NULL, select_matching_action);
  gtk_widget_class_install_action (widget_class, "win.shift-selection", NULL, shift_selection_action);
  gtk_widget_class_install_action (widget_class, "win.retarget-selection", NULL,
                                   retarget_selection_action);
  gtk_widget_class_install_action (widget_class, "win.set-selection-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "win.mark-selection-done", NULL,
                                   mark_selection_done_action);

  /* The list's own Ctrl+A and Ctrl+Shift+A come first when it has the
   * focus (and an entry's); these serve the roadmap. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "win.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.select-none", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.select-matching", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.shift-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.retarget-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.mark-selection-done", NULL);
}
