/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-new-plan.h"
#include "ikou-new-plan-dialog.h"

struct _IkouNewPlanDialog
{
  AdwWindow     parent_instance;

  IkouSchedule *schedule;

  GtkWidget    *organization;
  GtkWidget    *code;
  GtkWidget    *code_error;
  GtkWidget    *title;
  GtkWidget    *onprem;
  GtkWidget    *gov_cloud;
  GtkWidget    *create_button;
};

G_DEFINE_FINAL_TYPE (IkouNewPlanDialog, ikou_new_plan_dialog, ADW_TYPE_WINDOW)

enum {
  PLAN_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_code_error (IkouNewPlanDialog *self,
                 const char        *message)
{
  gtk_label_set_text (GTK_LABEL (self->code_error), message != NULL ? message : "");
  gtk_widget_set_visible (self->code_error, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->code, "error");
  else
    gtk_widget_remove_css_class (self->code, "error");
}

static const char *
text_of (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

gboolean
ikou_new_plan_dialog_create (IkouNewPlanDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_autofree char *code = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *title = NULL;
  IkouNewPlanHosts hosts = 0;

  g_return_val_if_fail (IKOU_IS_NEW_PLAN_DIALOG (self), FALSE);

  /* The code may be left empty; given, it must be right. */
  code = g_strstrip (g_strdup (text_of (self->code)));
  if (*code != '\0')
    {
      g_autofree char *normalized = ikou_org_code_normalize (code, &error);

      if (normalized == NULL)
        {
          show_code_error (self, error->message);
          gtk_widget_grab_focus (self->code);
          return FALSE;
        }
      g_free (code);
      code = g_steal_pointer (&normalized);
    }
  show_code_error (self, NULL);

  organization = g_strstrip (g_strdup (text_of (self->organization)));
  title = g_strstrip (g_strdup (text_of (self->title)));
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->onprem)))
    hosts |= IKOU_NEW_PLAN_ONPREM;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->gov_cloud)))
    hosts |= IKOU_NEW_PLAN_GOV_CLOUD;

  plan = ikou_new_plan (*organization != '\0' ? organization : NULL,
                        *code != '\0' ? code : NULL,
                        *title != '\0' ? title : NULL, hosts, self->schedule);
  g_signal_emit (self, signals[PLAN_CREATED], 0, plan);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
ikou_new_plan_dialog_get_error (IkouNewPlanDialog *self)
{
  g_return_val_if_fail (IKOU_IS_NEW_PLAN_DIALOG (self), NULL);

  return gtk_widget_get_visible (self->code_error)
         ? gtk_label_get_text (GTK_LABEL (self->code_error)) : NULL;
}

/* Typing in the field clears an old complaint; it is checked again on
 * "Create" (a half-typed code is not an error yet). */
static void
code_changed_cb (IkouNewPlanDialog *self)
{
  show_code_error (self, NULL);
}

static GtkWidget *
entry_row (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
check_row (AdwPreferencesGroup *group,
           const char          *title,
           const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  return check;
}

static void
ikou_new_plan_dialog_dispose (GObject *object)
{
  IkouNewPlanDialog *self = IKOU_NEW_PLAN_DIALOG (object);

  g_clear_object (&self->schedule);
  G_OBJECT_CLASS (ikou_new_plan_dialog_parent_class)->dispose (object);
}

static void
ikou_new_plan_dialog_class_init (IkouNewPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_new_plan_dialog_dispose;

  /**
   * IkouNewPlanDialog::plan-created:
   * @plan: the new plan (the handler takes a reference to keep it)
   */
  signals[PLAN_CREATED] =
    g_signal_new ("plan-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IKOU_TYPE_PLAN);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ikou_new_plan_dialog_init (IkouNewPlanDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *who = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *hosts = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  gtk_window_set_title (GTK_WINDOW (self), _("New Plan"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 620);

  self->create_button = gtk_button_new_with_mnemonic (_("C_reate"));
  gtk_widget_add_css_class (self->create_button, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->create_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->create_button, "clicked",
                            G_CALLBACK (ikou_new_plan_dialog_create), self);

  adw_preferences_group_set_title (who, _("Organization"));
  self->organization = entry_row (who, _("_Name of the organization"));
  self->code = entry_row (who, _("Organization _code (6 digits)"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->code), 8);
  self->code_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->code_error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->code_error), 0);
  gtk_widget_set_margin_top (self->code_error, 6);
  gtk_widget_add_css_class (self->code_error, "error");
  gtk_widget_set_visible (self->code_error, FALSE);
  adw_preferences_group_add (who, self->code_error);
  self->title = entry_row (who, _("Plan _title"));
  gtk_editable_set_text (GTK_EDITABLE (self->title), _("Business systems migration plan"));
  g_signal_connect_swapped (self->code, "changed", G_CALLBACK (code_changed_cb), self);
  g_signal_connect_swapped (self->title, "entry-activated",
                            G_CALLBACK (ikou_new_plan_dialog_create), self);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->title), FALSE);

  adw_preferences_group_set_title (hosts, _("Starting Hosts"));
  adw_preferences_group_set_description (hosts, _("Where systems run today and where standard-compliant systems go; more hosts can be added later from the main menu."));
  self->onprem = check_row (hosts, _("On-premises server (computer room)"),
                            _("The servers the systems run on today"));
  self->gov_cloud = check_row (hosts, ikou_host_kind_label (IKOU_HOST_GOV_CLOUD), "");

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), who);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), hosts);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
}

IkouNewPlanDialog *
ikou_new_plan_dialog_new (GtkWindow    *parent,
                          IkouSchedule *schedule,
                          gboolean      era_labels)
{
  IkouNewPlanDialog *self;
  GtkWidget *row;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);

  self = g_object_new (IKOU_TYPE_NEW_PLAN_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  g_set_object (&self->schedule, schedule);

  /* The Government Cloud's row says since when the schedule has it. */
  row = gtk_widget_get_ancestor (self->gov_cloud, ADW_TYPE_ACTION_ROW);
  if (schedule != NULL && ikou_schedule_get_gov_cloud_from (schedule) != IKOU_DAY_NONE)
    {
      g_autofree char *day = ikou_day_label (ikou_schedule_get_gov_cloud_from (schedule),
                                             ikou_labels_for_locale (era_labels));
      /* Translators: the Government Cloud's row in the new plan dialog; %s is a date */
      g_autofree char *subtitle = g_strdup_printf (_("Available from %s (national schedule)"), day);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  return self;
}
