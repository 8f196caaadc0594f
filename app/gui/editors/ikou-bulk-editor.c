/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ikou-bulk-editor.h"
#include "ikou-gui-util.h"

typedef enum
{
  FIELD_DEPARTMENT,
  FIELD_VENDOR,
  FIELD_STATUS,
  FIELD_HOST,
  FIELD_TARGET,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  "department", "vendor", "status", "host", "target",
};

struct _IkouBulkEditor
{
  GtkWidget      parent_instance;

  IkouDocument  *document;
  GPtrArray     *systems;        /* IkouSystem *, a reference */
  guint          refresh_id;
  gboolean       syncing;

  GtkLabel      *title;
  GtkLabel      *error_label;
  GtkEntry      *department;
  GtkEntry      *vendor;
  GtkDropDown   *status;
  GtkDropDown   *host;
  GtkDropDown   *target;
  GtkStringList *host_names;     /* "(multiple values)", then the plan's hosts */
  GArray        *host_ids;       /* guint, the ids of host_names from 1 on */
};

G_DEFINE_FINAL_TYPE (IkouBulkEditor, ikou_bulk_editor, GTK_TYPE_WIDGET)

/* The shared value -------------------------------------------------------------- */

static guint
target_of (IkouBulkEditor *self,
           IkouSystem     *system)
{
  guint n = ikou_document_get_n_steps (self->document, system);
  IkouStep step;

  if (n == 0 || !ikou_document_get_step (self->document, system, n - 1, &step))
    return 0;
  return step.to_host;
}

/* A field's value of one system, as a number or a string. */
static gint64
number_of (IkouBulkEditor *self,
           IkouSystem     *system,
           Field           field)
{
  switch (field)
    {
    case FIELD_STATUS:
      return ikou_system_get_status (system);
    case FIELD_HOST:
      return ikou_system_get_host (system);
    case FIELD_TARGET:
      return target_of (self, system);
    case FIELD_DEPARTMENT:
    case FIELD_VENDOR:
    case N_FIELDS:
    default:
      return 0;
    }
}

static const char *
text_of (IkouSystem *system,
         Field       field)
{
  const char *text = field == FIELD_DEPARTMENT ? ikou_system_get_department (system)
                                               : ikou_system_get_vendor (system);

  return text != NULL ? text : "";
}

/* Whether every system has the same value; @text or @number gets it. */
static gboolean
shared_value (IkouBulkEditor  *self,
              Field            field,
              const char     **text,
              gint64          *number)
{
  if (self->systems == NULL || self->systems->len == 0 || self->document == NULL)
    return FALSE;
  for (guint i = 0; i < self->systems->len; i++)
    {
      IkouSystem *system = g_ptr_array_index (self->systems, i);

      if (field == FIELD_DEPARTMENT || field == FIELD_VENDOR)
        {
          const char *value = text_of (system, field);

          if (i == 0)
            *text = value;
          else if (g_strcmp0 (*text, value) != 0)
            return FALSE;
        }
      else
        {
          gint64 value = number_of (self, system, field);

          if (i == 0)
            *number = value;
          else if (*number != value)
            return FALSE;
        }
    }
  return TRUE;
}

static guint
host_index (IkouBulkEditor *self,
            guint           host_id)
{
  for (guint i = 0; i < self->host_ids->len; i++)
    if (g_array_index (self->host_ids, guint, i) == host_id)
      return i + 1;
  return 0;
}

static void
fill_hosts (IkouBulkEditor *self)
{
  IkouPlan *plan = self->document != NULL ? ikou_document_get_plan (self->document) : NULL;
  guint n = plan != NULL ? ikou_plan_get_n_hosts (plan) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_array_set_size (self->host_ids, 0);
  g_ptr_array_add (names, (gpointer) _("(multiple values)"));
  for (guint i = 0; i < n; i++)
    {
      IkouHost *host = ikou_plan_get_host (plan, i);
      guint id = ikou_host_get_id (host);

      g_array_append_val (self->host_ids, id);
      g_ptr_array_add (names, (gpointer) ikou_host_get_name (host));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->host_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->host_names)),
                          (const char * const *) names->pdata);
}

static void
show_entry (IkouBulkEditor *self,
            GtkEntry       *entry,
            Field           field)
{
  const char *text = NULL;
  gint64 unused;

  if (shared_value (self, field, &text, &unused))
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      gtk_entry_set_placeholder_text (entry, NULL);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      gtk_entry_set_placeholder_text (entry, _("(multiple values)"));
    }
}

static void
show_choice (IkouBulkEditor *self,
             GtkDropDown    *dropdown,
             Field           field)
{
  const char *unused;
  gint64 value = 0;
  guint index = 0;

  if (shared_value (self, field, &unused, &value))
    index = field == FIELD_STATUS ? (guint) value + 1 : host_index (self, (guint) value);
  gtk_drop_down_set_selected (dropdown, index);
}

static void
refresh (IkouBulkEditor *self)
{
  guint n = self->systems != NULL ? self->systems->len : 0;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u system selected",
                                                         "%u systems selected", n), n);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->syncing = TRUE;
  gtk_label_set_text (self->title, title);
  fill_hosts (self);
  show_entry (self, self->department, FIELD_DEPARTMENT);
  show_entry (self, self->vendor, FIELD_VENDOR);
  show_choice (self, self->status, FIELD_STATUS);
  show_choice (self, self->host, FIELD_HOST);
  show_choice (self, self->target, FIELD_TARGET);
  self->syncing = FALSE;
}

/* Many systems change in one action: one refresh when it is over. */
static void
queue_refresh (IkouBulkEditor *self)
{
  if (self->systems != NULL && self->systems->len > 0)
    ikou_idle_once (&self->refresh_id, G_PRIORITY_DEFAULT_IDLE, (GSourceOnceFunc) refresh, self);
}

/* Edits ----------------------------------------------------------------------------- */

static void
show_error (IkouBulkEditor *self,
            const GError   *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
set_property_all (IkouBulkEditor *self,
                  const char     *property,
                  const GValue   *value)
{
  show_error (self, NULL);
  ikou_document_set_systems_property (self->document, self->systems, property, value);
  refresh (self);
}

static void
entry_activate_cb (IkouBulkEditor *self,
                   GtkEntry       *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->document == NULL || self->systems == NULL)
    return;
  /* An empty field of differing values leaves them as they are. */
  if (*stripped == '\0' && gtk_entry_get_placeholder_text (entry) != NULL)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);
  set_property_all (self, entry == self->department ? "department" : "vendor", &value);
}

static void
choice_cb (IkouBulkEditor *self,
           GParamSpec     *pspec,
           GtkDropDown    *dropdown)
{
  guint index = gtk_drop_down_get_selected (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing || self->document == NULL || self->systems == NULL ||
      index == 0 || index == GTK_INVALID_LIST_POSITION)
    return;

  if (dropdown == self->status)
    {
      g_value_init (&value, G_TYPE_INT);
      g_value_set_int (&value, (int) index - 1);
      set_property_all (self, "status", &value);
    }
  else if (dropdown == self->host)
    {
      g_value_init (&value, G_TYPE_UINT);
      g_value_set_uint (&value, g_array_index (self->host_ids, guint, index - 1));
      set_property_all (self, "host", &value);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      if (!ikou_document_retarget (self->document,
                                   ikou_document_get_active_scenario (self->document),
                                   self->systems, g_array_index (self->host_ids, guint, index - 1),
                                   -1, &error))
        {
          show_error (self, error);
          self->syncing = TRUE;
          show_choice (self, self->target, FIELD_TARGET);
          self->syncing = FALSE;
          return;
        }
      show_error (self, NULL);
      refresh (self);
    }
}

/* Building ---------------------------------------------------------------------------- */

static GtkWidget *
add_row (IkouBulkEditor *self,
         GtkWidget      *group,
         const char     *title,
         GtkWidget      *widget)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return widget;
}

static GtkEntry *
add_entry (IkouBulkEditor *self,
           GtkWidget      *group,
           const char     *title)
{
  GtkWidget *entry = gtk_entry_new ();

  /* As narrow as the editor pane; the text scrolls. */
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);

  g_signal_connect_object (entry, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
  return GTK_ENTRY (add_row (self, group, title, entry));
}

/* The button shows the chosen name shortened to the pane's width
 * (@ellipsized); the list shows whole names. */
static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  ellipsized)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (GPOINTER_TO_INT (ellipsized))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
ellipsized_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkDropDown *
add_choice (IkouBulkEditor *self,
            GtkWidget      *group,
            const char     *title,
            GListModel     *model)
{
  GtkWidget *dropdown = gtk_drop_down_new (model, NULL);

  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (factory, "bind", G_CALLBACK (ellipsized_bind_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  g_signal_connect (list_factory, "setup", G_CALLBACK (label_setup_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (list_factory, "bind", G_CALLBACK (ellipsized_bind_cb), NULL);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), list_factory);

  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (choice_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_DROP_DOWN (add_row (self, group, title, dropdown));
}

static void
ikou_bulk_editor_dispose (GObject *object)
{
  IkouBulkEditor *self = IKOU_BULK_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  ikou_bulk_editor_set_document (self, NULL);
  g_clear_pointer (&self->systems, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->host_names);
  g_clear_pointer (&self->host_ids, g_array_unref);

  G_OBJECT_CLASS (ikou_bulk_editor_parent_class)->dispose (object);
}

static void
ikou_bulk_editor_class_init (IkouBulkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_bulk_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ikou-bulk-editor");
}

static void
ikou_bulk_editor_init (IkouBulkEditor *self)
{
  GtkWidget *group, *buttons, *button, *label;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);

  self->host_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->host_names = gtk_string_list_new (NULL);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-3");
  gtk_widget_set_parent (GTK_WIDGET (self->title), GTK_WIDGET (self));
  label = gtk_label_new (_("Values all selected systems share; a change applies to all of them."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  group = adw_preferences_group_new ();
  gtk_widget_set_parent (group, GTK_WIDGET (self));
  self->department = add_entry (self, group, _("Department"));
  self->vendor = add_entry (self, group, _("Vendor"));
  gtk_string_list_append (statuses, _("(multiple values)"));
  for (int i = 0; i < IKOU_N_STATUSES; i++)
    gtk_string_list_append (statuses, ikou_status_label (i));
  self->status = add_choice (self, group, _("Status"), G_LIST_MODEL (g_object_ref (statuses)));
  self->host = add_choice (self, group, _("Host today"), G_LIST_MODEL (g_object_ref (self->host_names)));
  self->target = add_choice (self, group, _("Target host"),
                             G_LIST_MODEL (g_object_ref (self->host_names)));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->error_label), GTK_WIDGET (self));

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_START);
  button = gtk_button_new_with_mnemonic (_("_Shift…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.shift-selection");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Mark Passed Milestones _Done"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.mark-selection-done");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_widget_set_parent (buttons, GTK_WIDGET (self));
}

GtkWidget *
ikou_bulk_editor_new (void)
{
  return g_object_new (IKOU_TYPE_BULK_EDITOR, NULL);
}

static void
view_changed_cb (IkouBulkEditor *self)
{
  queue_refresh (self);
}

void
ikou_bulk_editor_set_document (IkouBulkEditor *self,
                               IkouDocument   *document)
{
  static const char * const document_signals[] = {
    "view-changed", "notify::active-scenario", NULL
  };
  static const char * const plan_signals[] = { "hosts-changed", NULL };

  g_return_if_fail (IKOU_IS_BULK_EDITOR (self));
  g_return_if_fail (document == NULL || IKOU_IS_DOCUMENT (document));

  if (!ikou_follow_document (&self->document, document, self, G_CALLBACK (view_changed_cb),
                             document_signals, plan_signals))
    return;
  g_clear_pointer (&self->systems, g_ptr_array_unref);
  refresh (self);
}

void
ikou_bulk_editor_set_systems (IkouBulkEditor *self,
                              GPtrArray      *systems)
{
  g_return_if_fail (IKOU_IS_BULK_EDITOR (self));

  if (systems != NULL)
    g_ptr_array_ref (systems);
  g_clear_pointer (&self->systems, g_ptr_array_unref);
  self->systems = systems;
  show_error (self, NULL);
  refresh (self);
}

char *
ikou_bulk_editor_dup_value (IkouBulkEditor *self,
                            const char     *field)
{
  const char *text = NULL;
  gint64 number = 0;

  g_return_val_if_fail (IKOU_IS_BULK_EDITOR (self), NULL);

  for (Field f = 0; f < N_FIELDS; f++)
    {
      IkouHost *host;

      if (!g_str_equal (field, field_names[f]))
        continue;
      if (!shared_value (self, f, &text, &number))
        return NULL;
      if (f == FIELD_DEPARTMENT || f == FIELD_VENDOR)
        return g_strdup (text);
      if (f == FIELD_STATUS)
        return g_strdup (ikou_status_to_string ((IkouStatus) number));
      host = ikou_plan_lookup_host (ikou_document_get_plan (self->document), (guint) number);
      return g_strdup (host != NULL ? ikou_host_get_name (host) : "");
    }
  g_return_val_if_reached (NULL);
}
