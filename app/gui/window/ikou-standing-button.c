/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-gui-util.h"
#include "ikou-standing.h"
#include "ikou-standing-button.h"

/* At most this many 特定移行支援 or 経過措置 systems are listed by name in
 * the popover; a national plan's thousands are counted, not listed. */
#define MAX_LISTED 12

struct _IkouStandingButton
{
  GtkWidget      parent_instance;

  GtkWidget     *menu_button;
  GtkWidget     *label;        /* migrated / standardized */
  GtkWidget     *missed_icon;
  GtkWidget     *missed_label;
  GtkWidget     *popover;
  GtkWidget     *content;     /* rebuilt each time the popover opens */

  IkouDocument  *document;
  gboolean       era_labels;
  IkouStanding   standing;
  guint          update_id;
};

G_DEFINE_FINAL_TYPE (IkouStandingButton, ikou_standing_button, GTK_TYPE_WIDGET)

static IkouLabels
labels (IkouStandingButton *self)
{
  return ikou_labels_for_locale (self->era_labels);
}

/* Compact, like the findings button: "12/20" with a check mark, and a
 * missed-deadline mark with its count when there are any; the sentence
 * is the tooltip and the accessible label. */
static void
update_label (IkouStandingButton *self)
{
  IkouStanding *s = &self->standing;
  guint missed = s->counts[IKOU_STANDING_MISSED];
  g_autofree char *text = g_strdup_printf ("%u/%u", s->counts[IKOU_STANDING_MIGRATED],
                                           s->standardized);
  g_autofree char *missed_text = g_strdup_printf ("%u", missed);
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_label_set_text (GTK_LABEL (self->missed_label), missed_text);
  gtk_widget_set_visible (self->missed_icon, missed > 0);
  gtk_widget_set_visible (self->missed_label, missed > 0);

  if (missed > 0)
    /* Translators: the summary's tooltip: migrated of standardized, then missed */
    tooltip = g_strdup_printf (_("Where the plan stands today: %u of %u standardized systems migrated, %u missed their deadline"),
                               s->counts[IKOU_STANDING_MIGRATED], s->standardized, missed);
  else
    /* Translators: the summary's tooltip: migrated of standardized systems */
    tooltip = g_strdup_printf (_("Where the plan stands today: %u of %u standardized systems migrated"),
                               s->counts[IKOU_STANDING_MIGRATED], s->standardized);
  gtk_widget_set_tooltip_text (self->menu_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static void
recount (IkouStandingButton *self)
{
  if (self->document == NULL)
    memset (&self->standing, 0, sizeof self->standing);
  else
    ikou_standing_compute (ikou_document_get_plan (self->document),
                           ikou_document_get_active_scenario (self->document),
                           ikou_document_get_schedule (self->document),
                           ikou_document_get_today (self->document), &self->standing);
  update_label (self);
}

static void
queue_update (IkouStandingButton *self)
{
  ikou_idle_once (&self->update_id, G_PRIORITY_HIGH_IDLE + 20, (GSourceOnceFunc) recount, self);
}

/* The popover's text, one line per fact; also what tests read. */
char *
ikou_standing_button_dup_details (IkouStandingButton *self)
{
  GString *out = g_string_new (NULL);
  IkouStanding *s;
  IkouPlan *plan;
  IkouScenario *scenario;
  IkouSchedule *schedule;
  IkouDay today;
  guint n, listed = 0, transitional = 0;

  g_return_val_if_fail (IKOU_IS_STANDING_BUTTON (self), NULL);

  if (self->update_id != 0)
    {
      g_clear_handle_id (&self->update_id, g_source_remove);
      recount (self);
    }
  s = &self->standing;
  if (self->document == NULL)
    return g_string_free (out, FALSE);

  plan = ikou_document_get_plan (self->document);
  scenario = ikou_document_get_active_scenario (self->document);
  schedule = ikou_document_get_schedule (self->document);
  today = ikou_document_get_today (self->document);

  {
    g_autofree char *day = today != IKOU_DAY_NONE ? ikou_day_label (today, labels (self)) : g_strdup ("");

    /* Translators: the popover's title; %s is today's date */
    g_string_append_printf (out, _("Where the plan stands on %s"), day);
    g_string_append_c (out, '\n');
  }
  g_string_append_printf (out, "%s\t%u\n", _("Standardized systems"), s->standardized);
  for (guint k = 0; k < IKOU_N_STANDINGS; k++)
    {
      g_string_append_printf (out, "%s\t%u", ikou_standing_kind_label (k), s->counts[k]);
      if (k == IKOU_STANDING_TOKUTEI && s->tokutei_first != IKOU_DAY_NONE)
        {
          g_autofree char *first = ikou_deadline_label (s->tokutei_first, labels (self));
          g_autofree char *last = ikou_deadline_label (s->tokutei_last, labels (self));

          if (s->tokutei_first == s->tokutei_last)
            g_string_append_printf (out, "\t%s", first);
          else
            /* Translators: the earliest and latest deadline of the special migration support systems */
            g_string_append_printf (out, _("\t%s to %s"), first, last);
        }
      g_string_append_c (out, '\n');
    }

  /* The 特定移行支援 systems: deadline and the classified reason. */
  n = ikou_plan_get_n_systems (plan);
  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (plan, i);
      IkouDay deadline = ikou_system_get_tokutei_deadline (system);
      g_autofree char *day = NULL;

      if (ikou_system_get_transitional (system))
        transitional++;
      if (!ikou_system_get_tokutei (system) ||
          ikou_standing_classify (system, scenario, schedule, today, NULL) < 0)
        continue;
      if (listed++ == MAX_LISTED)
        continue;
      if (listed == 1)
        g_string_append_printf (out, "\n%s\n", _("Special migration support systems"));
      day = deadline != IKOU_DAY_NONE ? ikou_deadline_label (deadline, labels (self))
                                      : g_strdup (_("no deadline"));
      g_string_append_printf (out, "%s\t%s\t%s\n",
                              ikou_system_get_name (system) != NULL ? ikou_system_get_name (system) : "",
                              day, ikou_tokutei_reason_label (ikou_system_get_tokutei_reason_kind (system)));
    }
  if (listed > MAX_LISTED)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                listed - MAX_LISTED),
                              listed - MAX_LISTED);
      g_string_append_c (out, '\n');
    }
  if (transitional > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u system goes live with functions still to come",
                                                "%u systems go live with functions still to come",
                                                transitional),
                              transitional);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The popover shows the details as a grid: one label per tab-separated
 * part, the first line as a heading. */
static void
rebuild_popover (IkouStandingButton *self)
{
  g_autofree char *details = ikou_standing_button_dup_details (self);
  g_auto(GStrv) lines = g_strsplit (details, "\n", -1);
  GtkWidget *grid = gtk_grid_new ();
  int row = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (lines[i][0] == '\0')
        {
          if (lines[i + 1] != NULL && lines[i + 1][0] != '\0')
            gtk_grid_attach (GTK_GRID (grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL),
                             0, row++, 3, 1);
          continue;
        }
      parts = g_strsplit (lines[i], "\t", 3);
      for (guint c = 0; parts[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (parts[c]);

          gtk_label_set_xalign (GTK_LABEL (label), c == 1 && g_ascii_isdigit (parts[c][0]) ? 1 : 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
          if (i == 0 || parts[1] == NULL)
            gtk_widget_add_css_class (label, "heading");
          if (c == 1)
            gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (GTK_GRID (grid), label, c, row, parts[1] == NULL ? 3 : 1, 1);
        }
      row++;
    }

  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_popover_set_child (GTK_POPOVER (self->popover), grid);
  self->content = grid;
}

static void
popover_show_cb (IkouStandingButton *self)
{
  rebuild_popover (self);
}

static void
ikou_standing_button_dispose (GObject *object)
{
  IkouStandingButton *self = IKOU_STANDING_BUTTON (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  ikou_follow_document (&self->document, NULL, self, NULL, NULL, NULL);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);

  G_OBJECT_CLASS (ikou_standing_button_parent_class)->dispose (object);
}

static void
ikou_standing_button_class_init (IkouStandingButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_standing_button_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ikou-standing-button");
}

static void
ikou_standing_button_init (IkouStandingButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  self->era_labels = TRUE;
  self->menu_button = gtk_menu_button_new ();
  self->label = gtk_label_new (NULL);
  self->missed_label = gtk_label_new (NULL);
  self->missed_icon = gtk_image_new_from_icon_name ("alarm-symbolic");
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_add_css_class (self->missed_label, "numeric");
  gtk_widget_add_css_class (self->missed_icon, "error");
  gtk_widget_add_css_class (self->missed_label, "error");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), self->missed_icon);
  gtk_box_append (GTK_BOX (box), self->missed_label);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), box);
  self->popover = gtk_popover_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  update_label (self);
}

GtkWidget *
ikou_standing_button_new (void)
{
  return g_object_new (IKOU_TYPE_STANDING_BUTTON, NULL);
}

void
ikou_standing_button_set_document (IkouStandingButton *self,
                                   IkouDocument       *document)
{
  static const char * const document_signals[] = {
    "view-changed", "findings-reset", "notify::active-scenario", "notify::today", NULL
  };

  g_return_if_fail (IKOU_IS_STANDING_BUTTON (self));
  g_return_if_fail (document == NULL || IKOU_IS_DOCUMENT (document));

  ikou_follow_document (&self->document, document, self, G_CALLBACK (queue_update),
                        document_signals, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), document != NULL);
  recount (self);
}

void
ikou_standing_button_set_era_labels (IkouStandingButton *self,
                                     gboolean            era_labels)
{
  g_return_if_fail (IKOU_IS_STANDING_BUTTON (self));
  self->era_labels = !!era_labels;
}

const char *
ikou_standing_button_get_label (IkouStandingButton *self)
{
  g_return_val_if_fail (IKOU_IS_STANDING_BUTTON (self), NULL);

  if (self->update_id != 0)
    {
      g_clear_handle_id (&self->update_id, g_source_remove);
      recount (self);
    }
  return gtk_widget_get_tooltip_text (self->menu_button);
}

GtkWidget *
ikou_standing_button_get_menu_button (IkouStandingButton *self)
{
  g_return_val_if_fail (IKOU_IS_STANDING_BUTTON (self), NULL);
  return self->menu_button;
}
