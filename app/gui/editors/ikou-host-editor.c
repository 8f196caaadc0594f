/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-date-entry.h"
#include "ikou-error.h"
#include "ikou-gui-util.h"
#include "ikou-host-editor.h"

struct _IkouHostEditor
{
  GtkWidget        parent_instance;

  IkouPlan        *plan;
  IkouHistory     *history;
  IkouHost        *host;          /* the selected one */

  AdwToastOverlay *toast_overlay;
  GtkListBox      *host_list;
  GtkWidget       *add_button;
  GtkWidget       *remove_button;
  GtkStack        *detail_stack;
  GtkEntry        *name_entry;
  GtkDropDown     *kind_dropdown;
  IkouDateEntry   *from_entry;
  IkouDateEntry   *until_entry;
  GtkEntry        *note_entry;

  guint            updating;
};

G_DEFINE_FINAL_TYPE (IkouHostEditor, ikou_host_editor, GTK_TYPE_WIDGET)

static const char *
display_name (IkouHost *host)
{
  const char *name = ikou_host_get_name (host);

  return name != NULL && *name != '\0' ? name : _("(unnamed host)");
}

/* Who uses @host: a system's host today, a step's from- or to-host, a
 * scenario's change or added step.  Returns a sentence, or NULL. */
static char *
describe_use (IkouPlan *plan,
              IkouHost *host)
{
  guint id = ikou_host_get_id (host);

  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);
      gboolean used = ikou_system_get_host (system) == id;

      for (guint j = 0; !used && j < ikou_system_get_n_steps (system); j++)
        {
          const IkouStep *step = ikou_system_get_step (system, j);

          used = step->from_host == id || step->to_host == id;
        }
      if (used)
        return g_strdup_printf (_("“%s” cannot be removed: the system “%s” uses it."),
                                display_name (host), ikou_system_get_name (system));
    }

  for (guint i = 0; i < ikou_plan_get_n_scenarios (plan); i++)
    {
      IkouScenario *scenario = ikou_plan_get_scenario (plan, i);

      if (ikou_scenario_uses_host (scenario, id))
        return g_strdup_printf (_("“%s” cannot be removed: the scenario “%s” uses it."),
                                display_name (host), ikou_scenario_get_name (scenario));
    }

  return NULL;
}

/* List rows */

static void
update_row (IkouHost     *host,
            GParamSpec   *pspec,
            AdwActionRow *row)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), display_name (host));
  adw_action_row_set_subtitle (row, ikou_host_kind_label (ikou_host_get_kind (host)));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  IkouHost *host = item;
  GtkWidget *row = adw_action_row_new ();

  /* Names are plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "ikou-host", g_object_ref (host), g_object_unref);
  update_row (host, NULL, ADW_ACTION_ROW (row));
  g_signal_connect_object (host, "notify", G_CALLBACK (update_row), row, 0);
  return row;
}

/* The detail pane */

static gboolean
has_focus_within (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static void
refresh (IkouHostEditor *self,
         gboolean        force)
{
  const char *text;

  gtk_widget_set_sensitive (self->remove_button, self->host != NULL);
  gtk_widget_set_sensitive (self->add_button, self->history != NULL);
  if (self->host == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }

  self->updating++;
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");

  text = ikou_host_get_name (self->host);
  if (force || !has_focus_within (GTK_WIDGET (self->name_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text ? text : "");
  if (gtk_drop_down_get_selected (self->kind_dropdown) != (guint) ikou_host_get_kind (self->host))
    gtk_drop_down_set_selected (self->kind_dropdown, ikou_host_get_kind (self->host));
  ikou_date_entry_set_day (self->from_entry, ikou_host_get_available_from (self->host));
  ikou_date_entry_set_day (self->until_entry, ikou_host_get_available_until (self->host));
  text = ikou_host_get_note (self->host);
  if (force || !has_focus_within (GTK_WIDGET (self->note_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), text ? text : "");

  self->updating--;
}

static void
on_host_notify (IkouHost       *host,
                GParamSpec     *pspec,
                IkouHostEditor *self)
{
  refresh (self, FALSE);
}

static void
set_host (IkouHostEditor *self,
          IkouHost       *host)
{
  if (self->host == host)
    return;

  if (self->host != NULL)
    g_signal_handlers_disconnect_by_data (self->host, self);
  g_set_object (&self->host, host);
  if (host != NULL)
    g_signal_connect (host, "notify", G_CALLBACK (on_host_notify), self);
  refresh (self, TRUE);
}

static void
on_row_selected (GtkListBox     *list,
                 GtkListBoxRow  *row,
                 IkouHostEditor *self)
{
  set_host (self, row != NULL ? g_object_get_data (G_OBJECT (row), "ikou-host") : NULL);
}

static gboolean
can_edit (IkouHostEditor *self)
{
  return self->updating == 0 && self->host != NULL && self->history != NULL;
}

static void
apply_value (IkouHostEditor *self,
             const char     *property,
             const GValue   *value)
{
  if (!can_edit (self))
    return;
  ikou_history_set_host_property (self->history, self->host, property, value);
  refresh (self, TRUE);
}

static void
apply_text (IkouHostEditor *self,
            GtkEntry       *entry)
{
  const char *property = g_object_get_data (G_OBJECT (entry), "ikou-property");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) current = G_VALUE_INIT;

  if (!can_edit (self))
    return;
  g_value_init (&current, G_TYPE_STRING);
  g_object_get_property (G_OBJECT (self->host), property, &current);
  if (g_strcmp0 (g_value_get_string (&current) ? g_value_get_string (&current) : "", text) == 0)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  apply_value (self, property, &value);
}

static void
on_entry_activate (GtkEntry       *entry,
                   IkouHostEditor *self)
{
  apply_text (self, entry);
}

static void
on_entry_leave (GtkEventControllerFocus *controller,
                IkouHostEditor          *self)
{
  apply_text (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
connect_entry (IkouHostEditor *self,
               GtkEntry       *entry,
               const char     *property)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (entry), "ikou-property", (gpointer) property);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
  ikou_entry_restore_on_escape (GTK_WIDGET (entry));
}

static void
on_kind_selected (GtkDropDown    *dropdown,
                  GParamSpec     *pspec,
                  IkouHostEditor *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (position >= IKOU_N_HOST_KINDS)
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int) position);
  apply_value (self, "kind", &value);
}

static void
on_day_applied (IkouDateEntry  *entry,
                int             day,
                IkouHostEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, day);
  apply_value (self, entry == self->from_entry ? "available-from" : "available-until", &value);
}

static void
on_add_clicked (GtkButton      *button,
                IkouHostEditor *self)
{
  IkouHost *host = ikou_host_editor_add_host (self);

  if (host != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
on_remove_clicked (GtkButton      *button,
                   IkouHostEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->host == NULL)
    return;
  if (!ikou_host_editor_remove_host (self, self->host, &error))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (markup);

      adw_toast_set_timeout (toast, 6);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* GObject */

static void
disconnect_all (IkouHostEditor *self)
{
  set_host (self, NULL);
  gtk_list_box_bind_model (self->host_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
}

static void
ikou_host_editor_dispose (GObject *object)
{
  IkouHostEditor *self = IKOU_HOST_EDITOR (object);

  self->updating++;
  if (self->host != NULL)
    g_signal_handlers_disconnect_by_data (self->host, self);
  g_clear_object (&self->host);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);

  gtk_widget_dispose_template (GTK_WIDGET (self), IKOU_TYPE_HOST_EDITOR);

  G_OBJECT_CLASS (ikou_host_editor_parent_class)->dispose (object);
}

static void
ikou_host_editor_class_init (IkouHostEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_host_editor_dispose;

  g_type_ensure (IKOU_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/ikou/Ikou/ikou-host-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, host_list);
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, from_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, until_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouHostEditor, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_day_applied);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ikou-host-editor");
}

static void
ikou_host_editor_init (IkouHostEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating++;
  for (guint i = 0; i < IKOU_N_HOST_KINDS; i++)
    gtk_string_list_append (kinds, ikou_host_kind_label (i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  self->updating--;

  connect_entry (self, self->name_entry, "name");
  connect_entry (self, self->note_entry, "note");

  refresh (self, TRUE);
}

GtkWidget *
ikou_host_editor_new (void)
{
  return g_object_new (IKOU_TYPE_HOST_EDITOR, NULL);
}

void
ikou_host_editor_set_context (IkouHostEditor *self,
                              IkouPlan       *plan,
                              IkouHistory    *history)
{
  g_return_if_fail (IKOU_IS_HOST_EDITOR (self));
  g_return_if_fail (plan == NULL || IKOU_IS_PLAN (plan));
  g_return_if_fail (history == NULL || IKOU_IS_HISTORY (history));
  g_return_if_fail (history == NULL || ikou_history_get_plan (history) == plan);

  disconnect_all (self);
  g_set_object (&self->plan, plan);
  g_set_object (&self->history, history);
  if (plan != NULL)
    gtk_list_box_bind_model (self->host_list, ikou_plan_get_hosts (plan), create_row, self, NULL);
  refresh (self, TRUE);
}

IkouHost *
ikou_host_editor_get_selected (IkouHostEditor *self)
{
  g_return_val_if_fail (IKOU_IS_HOST_EDITOR (self), NULL);
  return self->host;
}

void
ikou_host_editor_select_host (IkouHostEditor *self,
                              IkouHost       *host)
{
  guint position;

  g_return_if_fail (IKOU_IS_HOST_EDITOR (self));
  g_return_if_fail (host == NULL || IKOU_IS_HOST (host));

  if (host != NULL && self->plan != NULL &&
      g_list_store_find (G_LIST_STORE (ikou_plan_get_hosts (self->plan)), host, &position))
    gtk_list_box_select_row (self->host_list,
                             gtk_list_box_get_row_at_index (self->host_list, (int) position));
  else
    gtk_list_box_unselect_all (self->host_list);
}

IkouHost *
ikou_host_editor_add_host (IkouHostEditor *self)
{
  g_autoptr(IkouHost) host = NULL;

  g_return_val_if_fail (IKOU_IS_HOST_EDITOR (self), NULL);
  g_return_val_if_fail (self->history != NULL, NULL);

  host = ikou_host_new (0, _("New host"), IKOU_HOST_OTHER);
  ikou_history_add_host (self->history, host);
  ikou_host_editor_select_host (self, host);
  return host;
}

gboolean
ikou_host_editor_remove_host (IkouHostEditor  *self,
                              IkouHost        *host,
                              GError         **error)
{
  g_autofree char *use = NULL;

  g_return_val_if_fail (IKOU_IS_HOST_EDITOR (self), FALSE);
  g_return_val_if_fail (IKOU_IS_HOST (host), FALSE);
  g_return_val_if_fail (self->history != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  use = describe_use (self->plan, host);
  if (use != NULL)
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT, use);
      return FALSE;
    }

  ikou_history_remove_host (self->history, host);
  return TRUE;
}

GtkWindow *
ikou_host_editor_present (GtkWindow   *parent,
                          IkouPlan    *plan,
                          IkouHistory *history)
{
  GtkWidget *window, *box, *header, *editor;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (IKOU_IS_HISTORY (history), NULL);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Hosts"));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 460);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  editor = ikou_host_editor_new ();
  gtk_widget_set_vexpand (editor, TRUE);
  ikou_host_editor_set_context (IKOU_HOST_EDITOR (editor), plan, history);
  gtk_box_append (GTK_BOX (box), editor);
  adw_window_set_content (ADW_WINDOW (window), box);

  if (ikou_plan_get_n_hosts (plan) > 0)
    ikou_host_editor_select_host (IKOU_HOST_EDITOR (editor), ikou_plan_get_host (plan, 0));

  ikou_tooltips_fix (window);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
