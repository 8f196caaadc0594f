/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-window-private.h"

/* Catching up a stale plan: a plan made years ago opens with every
 * passed milestone not marked done (the sample, from 2021, has 46).  A
 * banner says how many; the review lists them by system with their
 * dates and marks the chosen ones done in one undoable step. */

/* The review shows this many systems one by one; the rest are one
 * check box. */
#define MAX_LISTED_SYSTEMS 300

void
_ikou_window_update_catch_up (IkouWindow *self)
{
  g_autoptr(GArray) overdue = NULL;
  g_autoptr(GHashTable) systems = NULL;
  g_autofree char *milestones = NULL;
  g_autofree char *text = NULL;

  if (self->document == NULL || self->catch_up_dismissed)
    {
      gtk_revealer_set_reveal_child (self->catch_up_revealer, FALSE);
      return;
    }

  overdue = ikou_document_find_overdue (self->document, IKOU_DAY_NONE);
  systems = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < overdue->len; i++)
    g_hash_table_add (systems,
                      GUINT_TO_POINTER (g_array_index (overdue, IkouMilestoneRef, i).system_id));

  if (overdue->len > 0)
    {
      milestones = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u milestone before today is not marked done",
                                                 "%u milestones before today are not marked done",
                                                 overdue->len), overdue->len);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u system).", "%s (%u systems).",
                                           g_hash_table_size (systems)),
                              milestones, g_hash_table_size (systems));
      gtk_label_set_text (self->catch_up_label, text);
    }
  gtk_revealer_set_reveal_child (self->catch_up_revealer, overdue->len > 0);
}

typedef struct
{
  IkouWindow *window;
  GArray     *overdue;   /* IkouMilestoneRef */
  GPtrArray  *checks;    /* GtkCheckButton per listed system, then the rest's (or none) */
  GArray     *firsts;    /* per check box, its first milestone's index into overdue */
} Review;

static void
review_free (gpointer data)
{
  Review *review = data;

  g_array_unref (review->overdue);
  g_ptr_array_unref (review->checks);
  g_array_unref (review->firsts);
  g_free (review);
}

static void
review_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Review           *review)
{
  IkouWindow *self = review->window;
  g_autoptr(GArray) chosen = NULL;
  g_autofree char *title = NULL;
  guint changed;
  AdwToast *toast;

  if (!g_str_equal (response, "mark") || self->document == NULL)
    return;

  chosen = g_array_new (FALSE, FALSE, sizeof (IkouMilestoneRef));
  for (guint i = 0; i < review->checks->len; i++)
    {
      guint from, to;

      if (!gtk_check_button_get_active (g_ptr_array_index (review->checks, i)))
        continue;
      from = g_array_index (review->firsts, guint, i);
      to = i + 1 < review->firsts->len ? g_array_index (review->firsts, guint, i + 1)
                                       : review->overdue->len;
      g_array_append_vals (chosen, &g_array_index (review->overdue, IkouMilestoneRef, from), to - from);
    }

  changed = ikou_document_mark_done (self->document, chosen);
  if (changed == 0)
    return;
  /* Translators: toast after the review (undoable) */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u milestone marked done",
                                        "%u milestones marked done", changed), changed);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _ikou_window_update_catch_up (self);
}

/* "工程1 予算要求 R2.10.1、契約・構築 R3.7.1" */
static char *
describe_milestones (IkouWindow *self,
                     GArray     *overdue,
                     guint       from,
                     guint       to)
{
  GString *text = g_string_new (NULL);
  guint last_step = G_MAXUINT;

  for (guint i = from; i < to; i++)
    {
      const IkouMilestoneRef *ref = &g_array_index (overdue, IkouMilestoneRef, i);
      g_autofree char *day = self->era_labels ? ikou_day_format_era (ref->day, IKOU_ERA_STYLE_SHORT)
                                              : ikou_day_format_iso (ref->day);

      if (ref->step != last_step)
        {
          if (text->len > 0)
            g_string_append (text, "\n");
          /* Translators: the n-th migration step of a system. */
          g_string_append_printf (text, _("Step %u"), ref->step + 1);
          g_string_append (text, "  ");
          last_step = ref->step;
        }
      else
        g_string_append (text, _(", "));
      g_string_append_printf (text, "%s %s", ikou_milestone_label (ref->milestone), day);
    }
  return g_string_free (text, FALSE);
}

void
_ikou_window_review_catch_up (IkouWindow *self)
{
  Review *review;
  AdwMessageDialog *dialog;
  GtkWidget *list, *scroller;
  g_autofree char *body = NULL;
  g_autofree char *today = NULL;
  guint i = 0;

  if (self->document == NULL)
    return;

  review = g_new0 (Review, 1);
  review->window = self;
  review->overdue = ikou_document_find_overdue (self->document, IKOU_DAY_NONE);
  review->checks = g_ptr_array_new ();
  review->firsts = g_array_new (FALSE, FALSE, sizeof (guint));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  while (i < review->overdue->len)
    {
      guint id = g_array_index (review->overdue, IkouMilestoneRef, i).system_id;
      guint end = i;
      IkouSystem *system = ikou_plan_lookup_system (self->plan, id);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *check;

      while (end < review->overdue->len &&
             g_array_index (review->overdue, IkouMilestoneRef, end).system_id == id)
        end++;

      if (review->checks->len == MAX_LISTED_SYSTEMS)
        {
          guint rest_systems = 0;
          g_autofree char *label = NULL;

          for (guint j = i, last = G_MAXUINT; j < review->overdue->len; j++)
            {
              guint other = g_array_index (review->overdue, IkouMilestoneRef, j).system_id;

              if (other != last)
                rest_systems++;
              last = other;
            }
          g_array_append_val (review->firsts, i);
          label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more system",
                                                "And %u more systems", rest_systems),
                                   rest_systems);
          check = gtk_check_button_new_with_label (label);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          g_ptr_array_add (review->checks, check);
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          break;
        }

      g_array_append_val (review->firsts, i);
      subtitle = describe_milestones (self, review->overdue, i, end);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     system != NULL ? ikou_system_get_name (system) : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (review->checks, check);
      i = end;
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  today = self->era_labels ? ikou_day_format_era (ikou_window_get_today (self), IKOU_ERA_STYLE_SHORT)
                           : ikou_day_format_iso (ikou_window_get_today (self));
  body = g_strdup_printf (_("These milestones are dated before today (%s) but not marked done. Choose the ones that took place; they are marked done in the plan (the baseline), as one step you can undo."),
                          today);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Catch Up the Plan"), body));
  adw_message_dialog_set_extra_child (dialog, scroller);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "mark", _("_Mark Chosen Done"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "mark");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  g_object_set_data_full (G_OBJECT (dialog), "ikou-review", review, review_free);
  g_signal_connect (dialog, "response", G_CALLBACK (review_response_cb), review);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
catch_up_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  _ikou_window_review_catch_up (IKOU_WINDOW (widget));
}

static void
dismiss_catch_up_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  IkouWindow *self = IKOU_WINDOW (widget);

  self->catch_up_dismissed = TRUE;
  _ikou_window_update_catch_up (self);
}

void
_ikou_window_class_catch_up_init (IkouWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.catch-up", NULL, catch_up_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-catch-up", NULL,
                                   dismiss_catch_up_action);
}
