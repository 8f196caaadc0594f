/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-window-private.h"

/* The window's scenario actions: new, duplicate, rename, describe,
 * delete, adopt, compare.  Every change goes through the document, so it
 * is one undo step; the dialogs only ask. */

typedef enum
{
  ASK_NEW,
  ASK_DUPLICATE,
  ASK_RENAME,
  ASK_DESCRIBE,
} AskPurpose;

static IkouScenario *
active_scenario (IkouWindow *self)
{
  return self->document != NULL ? ikou_document_get_active_scenario (self->document) : NULL;
}

static void
show_toast (IkouWindow *self,
            const char *title,
            gboolean    with_undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 IkouWindow       *self)
{
  AskPurpose purpose = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ikou-purpose"));
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ikou-entry");
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;
  IkouScenario *active = active_scenario (self);
  IkouScenario *created = NULL;

  if (!g_str_equal (response, "ok") || self->document == NULL)
    return;

  switch (purpose)
    {
    case ASK_NEW:
    case ASK_DUPLICATE:
      created = ikou_document_add_scenario (self->document, text,
                                            purpose == ASK_DUPLICATE ? active : NULL,
                                            NULL, &error);
      /* A new scenario is what the planner wants to work in. */
      if (created != NULL)
        ikou_document_set_active_scenario (self->document, created);
      break;
    case ASK_RENAME:
      if (active != NULL)
        ikou_document_rename_scenario (self->document, active, text, &error);
      break;
    case ASK_DESCRIBE:
      if (active != NULL)
        ikou_document_describe_scenario (self->document, active, text);
      break;
    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    _ikou_window_show_error (self, _("Could Not Change the Scenario"), error);
}

/* Asks for a name (or a description) in a dialog with one entry. */
static AdwMessageDialog *
ask (IkouWindow *self,
     AskPurpose  purpose,
     const char *heading,
     const char *body,
     const char *initial,
     const char *ok_label)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "ikou-purpose", GINT_TO_POINTER (purpose));
  g_object_set_data (G_OBJECT (dialog), "ikou-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (ask_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

/* "シナリオ 2": the first free numbered name. */
static char *
free_name (IkouWindow *self,
           const char *base)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (base) : g_strdup_printf ("%s %u", base, n);

      if (ikou_plan_lookup_scenario (self->plan, name) == NULL)
        return g_steal_pointer (&name);
    }
}

static void
new_scenario_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->plan == NULL)
    return;
  name = free_name (self, _("Scenario"));
  ask (self, ASK_NEW, _("New Scenario"),
       _("A scenario starts as the baseline. Changes made while it is shown go into it only."),
       name, _("C_reate"));
}

static void
duplicate_scenario_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  IkouScenario *active = active_scenario (self);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (active == NULL)
    return;
  /* Translators: the name offered for a copy of a scenario */
  base = g_strdup_printf (_("Copy of %s"), ikou_scenario_get_name (active));
  name = free_name (self, base);
  ask (self, ASK_DUPLICATE, _("Duplicate Scenario"), NULL, name, _("_Duplicate"));
}

static void
rename_scenario_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  IkouScenario *active = active_scenario (self);

  if (active != NULL)
    ask (self, ASK_RENAME, _("Rename Scenario"), NULL, ikou_scenario_get_name (active), _("_Rename"));
}

static void
describe_scenario_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  IkouScenario *active = active_scenario (self);

  if (active != NULL)
    ask (self, ASK_DESCRIBE, _("Describe Scenario"), _("What does this scenario try?"),
         ikou_scenario_get_description (active), _("_Save"));
}

static void
delete_scenario_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  IkouScenario *active = active_scenario (self);
  g_autofree char *title = NULL;

  if (active == NULL)
    return;
  /* Translators: toast after deleting a scenario (undoable) */
  title = g_strdup_printf (_("Scenario “%s” deleted"), ikou_scenario_get_name (active));
  ikou_document_delete_scenario (self->document, active);
  show_toast (self, title, TRUE);
}

static void
adopt_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   IkouWindow       *self)
{
  IkouScenario *scenario = g_object_get_data (G_OBJECT (dialog), "ikou-scenario");
  const char *keep_as = g_object_get_data (G_OBJECT (dialog), "ikou-keep-as");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  IkouScenario *kept;

  if (!g_str_equal (response, "adopt") || self->document == NULL)
    return;

  kept = ikou_document_adopt_scenario (self->document, scenario, keep_as, &error);
  if (kept == NULL)
    {
      _ikou_window_show_error (self, _("Could Not Adopt the Scenario"), error);
      return;
    }
  /* Translators: toast after adopting a scenario */
  title = g_strdup_printf (_("The old baseline is kept as “%s”"), ikou_scenario_get_name (kept));
  show_toast (self, title, TRUE);
}

void
_ikou_window_adopt_scenario (IkouWindow *self)
{
  IkouScenario *active = active_scenario (self);
  g_autofree char *keep_as = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (active == NULL)
    return;

  keep_as = ikou_document_dup_adopt_name (self->document);
  body = g_strdup_printf (_("Every system takes the dates and hosts of “%s”. The current baseline is kept as the scenario “%s”, so nothing is lost, and this can be undone."),
                          ikou_scenario_get_name (active), keep_as);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Adopt the Scenario as the Baseline?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "adopt", _("_Adopt"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "adopt", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ikou-scenario", g_object_ref (active), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "ikou-keep-as", g_steal_pointer (&keep_as), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (adopt_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
adopt_scenario_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  _ikou_window_adopt_scenario (IKOU_WINDOW (widget));
}

static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);
  IkouScenario *other = NULL;

  if (self->document == NULL)
    return;
  if (*name != '\0' && (other = ikou_plan_lookup_scenario (self->plan, name)) == NULL)
    return;
  ikou_document_set_compare (self->document, TRUE, other);
}

static void
focus_scenarios_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);

  if (self->plan != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->scenario_dropdown));
}

/* The drop-down shows the baseline, then the plan's scenarios: the one
 * picked becomes the active scenario. */
static void
scenario_selected_cb (IkouWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->scenario_dropdown);
  IkouScenario *scenario = NULL;

  if (self->syncing_scenarios || self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected <= ikou_plan_get_n_scenarios (self->plan))
    scenario = ikou_plan_get_scenario (self->plan, selected - 1);
  ikou_document_set_active_scenario (self->document, scenario);
}

void
_ikou_window_sync_scenarios (IkouWindow *self)
{
  IkouScenario *active = self->document != NULL
                         ? ikou_document_get_active_scenario (self->document) : NULL;
  guint n = self->plan != NULL ? ikou_plan_get_n_scenarios (self->plan) : 0;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->scenario_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;

  self->syncing_scenarios = TRUE;
  g_ptr_array_add (names, (gpointer) C_("scenario", "Baseline Plan"));
  for (guint i = 0; i < n; i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (self->plan, i);

      g_ptr_array_add (names, (gpointer) ikou_scenario_get_name (scenario));
      if (scenario == active)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->scenario_names, 0, old, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->scenario_dropdown, selected);

  /* Compare with: the baseline and every other scenario. */
  g_menu_remove_all (self->compare_menu);
  if (active != NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (C_("scenario", "Baseline Plan"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.compare-with", g_variant_new_string (""));
      g_menu_append_item (self->compare_menu, item);
    }
  for (guint i = 0; i < n; i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (self->plan, i);
      g_autoptr(GMenuItem) item = NULL;

      if (scenario == active)
        continue;
      item = g_menu_item_new (ikou_scenario_get_name (scenario), NULL);
      g_menu_item_set_action_and_target_value (item, "win.compare-with",
                                               g_variant_new_string (ikou_scenario_get_name (scenario)));
      g_menu_append_item (self->compare_menu, item);
    }
  self->syncing_scenarios = FALSE;

  _ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

void
_ikou_window_class_scenario_actions_init (IkouWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, scenario_selected_cb);
  gtk_widget_class_install_action (widget_class, "win.new-scenario", NULL, new_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-scenario", NULL,
                                   duplicate_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.rename-scenario", NULL, rename_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.describe-scenario", NULL,
                                   describe_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.delete-scenario", NULL, delete_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.adopt-scenario", NULL, adopt_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.compare-with", "s", compare_with_action);
  gtk_widget_class_install_action (widget_class, "win.focus-scenarios", NULL, focus_scenarios_action);
  gtk_widget_class_install_property_action (widget_class, "win.compare", "comparing");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.focus-scenarios", NULL);
}

void
_ikou_window_scenario_actions_update (IkouWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_plan = self->plan != NULL;
  gboolean has_active = active_scenario (self) != NULL;
  gboolean has_scenarios = has_plan && ikou_plan_get_n_scenarios (self->plan) > 0;

  gtk_widget_action_set_enabled (widget, "win.new-scenario", has_plan);
  gtk_widget_action_set_enabled (widget, "win.duplicate-scenario", has_active);
  gtk_widget_action_set_enabled (widget, "win.rename-scenario", has_active);
  gtk_widget_action_set_enabled (widget, "win.describe-scenario", has_active);
  gtk_widget_action_set_enabled (widget, "win.delete-scenario", has_active);
  gtk_widget_action_set_enabled (widget, "win.adopt-scenario", has_active);
  gtk_widget_action_set_enabled (widget, "win.compare", has_scenarios);
  gtk_widget_action_set_enabled (widget, "win.compare-with", has_scenarios);
  gtk_widget_action_set_enabled (widget, "win.focus-scenarios", has_plan);
  gtk_widget_set_visible (self->scenario_box, has_plan);
}
