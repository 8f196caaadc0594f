/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-date-entry.h"
#include "ikou-gui-util.h"

struct _IkouDateEntry
{
  GtkWidget  parent_instance;

  GtkWidget *entry;
  GtkWidget *era_label;
  GtkWidget *error_label;

  IkouDay    day;
  char      *error;
  gboolean   month_only;
};

G_DEFINE_FINAL_TYPE (IkouDateEntry, ikou_date_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  PROP_MONTH_ONLY,
  N_PROPS
};

enum {
  DAY_APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the field holds for @day: in month mode, the first of its month. */
static IkouDay
date_entry_normalize (IkouDateEntry *self,
                      IkouDay        day)
{
  if (self->month_only && day != IKOU_DAY_NONE)
    return ikou_day_month_start (day);
  return day;
}

static void
date_entry_show_day (IkouDateEntry *self)
{
  g_autofree char *text = NULL;
  g_autofree char *era = NULL;

  if (self->day != IKOU_DAY_NONE && self->month_only)
    {
      text = g_strdup_printf ("%04d-%02d", ikou_day_get_year (self->day),
                              ikou_day_get_month (self->day));
      era = ikou_day_format_era_month (self->day, IKOU_ERA_STYLE_LONG);
    }
  else if (self->day != IKOU_DAY_NONE)
    {
      text = ikou_day_format_iso (self->day);
      era = ikou_day_format_era (self->day, IKOU_ERA_STYLE_LONG);
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text ? text : "") != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
      /* What was typed (R7年4月) is rewritten (2025-04): keep the cursor
       * at the end, where typing left it. */
      if (self->month_only)
        gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
    }
  gtk_label_set_text (GTK_LABEL (self->era_label), era ? era : "");
}

/* The example in the empty field and the tooltip say what to type. */
static void
date_entry_update_hints (IkouDateEntry *self)
{
  if (self->month_only)
    {
      /* Translators: an example of a month planners type, shown in an empty field. */
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("e.g. 2025-04"));
      gtk_widget_set_tooltip_text (self->entry,
                                   _("A month such as 2025-04 or 2025/4, or in the Japanese era; "
                                     "leave empty for no month"));
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 9);
    }
  else
    {
      /* Translators: an example of a date planners type, shown in an empty field. */
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("e.g. 2025-04-01"));
      gtk_widget_set_tooltip_text (self->entry,
                                   _("A date such as 2025-04-01 or 2025/4/1, or in the Japanese era; "
                                     "leave empty for no date"));
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
    }
}

static void
date_entry_set_error (IkouDateEntry *self,
                      const char    *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);

  if (message != NULL)
    {
      gtk_widget_add_css_class (self->entry, "error");
      gtk_label_set_text (GTK_LABEL (self->error_label), message);
      gtk_widget_set_visible (self->error_label, TRUE);
      gtk_widget_set_visible (self->era_label, FALSE);
      ikou_widget_reveal_later (self->error_label);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->entry, "error");
      gtk_label_set_text (GTK_LABEL (self->error_label), "");
      gtk_widget_set_visible (self->error_label, FALSE);
      gtk_widget_set_visible (self->era_label, TRUE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

void
ikou_date_entry_apply (IkouDateEntry *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  IkouDay day = IKOU_DAY_NONE;

  g_return_if_fail (IKOU_IS_DATE_ENTRY (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  /* An empty field clears the date; anything else must parse.  A month
   * field takes whole dates too (令和7年4月1日 is April 2025): a planner
   * copying a date from a document should not have to cut the day off. */
  if (*text != '\0' && !ikou_parse_date (text, &day, NULL, &error))
    {
      date_entry_set_error (self, error->message);
      return;
    }
  day = date_entry_normalize (self, day);

  date_entry_set_error (self, NULL);
  if (day != self->day)
    {
      g_object_ref (self);
      g_signal_emit (self, signals[DAY_APPLIED], 0, (int) day);
      /* The owner has set what the model took, or nothing changed. */
      date_entry_show_day (self);
      g_object_unref (self);
    }
  else
    {
      date_entry_show_day (self);
    }
}

static void
on_date_entry_activate (GtkEntry      *entry,
                        IkouDateEntry *self)
{
  ikou_date_entry_apply (self);
}

static void
on_date_entry_focus_leave (GtkEventControllerFocus *controller,
                           IkouDateEntry           *self)
{
  ikou_date_entry_apply (self);
}

static void
ikou_date_entry_dispose (GObject *object)
{
  IkouDateEntry *self = IKOU_DATE_ENTRY (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ikou_date_entry_parent_class)->dispose (object);
}

static void
ikou_date_entry_finalize (GObject *object)
{
  IkouDateEntry *self = IKOU_DATE_ENTRY (object);

  g_free (self->error);

  G_OBJECT_CLASS (ikou_date_entry_parent_class)->finalize (object);
}

static void
ikou_date_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IkouDateEntry *self = IKOU_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;
    case PROP_MONTH_ONLY:
      g_value_set_boolean (value, self->month_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_date_entry_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IkouDateEntry *self = IKOU_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DAY:
      ikou_date_entry_set_day (self, g_value_get_int (value));
      break;
    case PROP_MONTH_ONLY:
      ikou_date_entry_set_month_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_date_entry_class_init (IkouDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_date_entry_dispose;
  object_class->finalize = ikou_date_entry_finalize;
  object_class->get_property = ikou_date_entry_get_property;
  object_class->set_property = ikou_date_entry_set_property;

  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL, 0, G_MAXINT, IKOU_DAY_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * IkouDateEntry:month-only:
   *
   * The field holds a month: shown as 2025-04 (令和7年4月), its day is
   * the first of the month whatever day was typed.
   */
  properties[PROP_MONTH_ONLY] =
    g_param_spec_boolean ("month-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IkouDateEntry::day-applied:
   * @day: the day the user entered (IKOU_DAY_NONE to clear; in month
   *   mode the first of the month)
   *
   * The user entered a valid date different from the day shown.
   */
  signals[DAY_APPLIED] =
    g_signal_new ("day-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ikou-date-entry");
}

static void
ikou_date_entry_init (IkouDateEntry *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkEventController *focus;
  GtkWidget *row;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_parent (row, GTK_WIDGET (self));

  self->entry = gtk_entry_new ();
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 12);
  date_entry_update_hints (self);
  gtk_box_append (GTK_BOX (row), self->entry);
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_date_entry_activate), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_date_entry_focus_leave), self);
  gtk_widget_add_controller (self->entry, focus);

  self->era_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->era_label), 0);
  gtk_widget_set_hexpand (self->era_label, TRUE);
  gtk_widget_add_css_class (self->era_label, "dim-label");
  gtk_widget_add_css_class (self->era_label, "numeric");
  gtk_box_append (GTK_BOX (row), self->era_label);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->error_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_add_css_class (self->error_label, "caption");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_parent (self->error_label, GTK_WIDGET (self));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);
}

GtkWidget *
ikou_date_entry_new (void)
{
  return g_object_new (IKOU_TYPE_DATE_ENTRY, NULL);
}

IkouDay
ikou_date_entry_get_day (IkouDateEntry *self)
{
  g_return_val_if_fail (IKOU_IS_DATE_ENTRY (self), IKOU_DAY_NONE);
  return self->day;
}

void
ikou_date_entry_set_day (IkouDateEntry *self,
                         IkouDay        day)
{
  g_return_if_fail (IKOU_IS_DATE_ENTRY (self));

  day = date_entry_normalize (self, day);

  /* Keep the user's invalid text on show until it is fixed, unless the
   * model moved under it (undo, a drag). */
  if (self->error != NULL && day == self->day)
    return;

  date_entry_set_error (self, NULL);
  if (self->day != day)
    {
      self->day = day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
    }
  date_entry_show_day (self);
}

gboolean
ikou_date_entry_get_month_only (IkouDateEntry *self)
{
  g_return_val_if_fail (IKOU_IS_DATE_ENTRY (self), FALSE);
  return self->month_only;
}

void
ikou_date_entry_set_month_only (IkouDateEntry *self,
                                gboolean       month_only)
{
  IkouDay day;

  g_return_if_fail (IKOU_IS_DATE_ENTRY (self));

  month_only = !!month_only;
  if (self->month_only == month_only)
    return;

  self->month_only = month_only;
  date_entry_update_hints (self);

  day = date_entry_normalize (self, self->day);
  if (day != self->day)
    {
      self->day = day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
    }
  /* The user's invalid text stays on show with its message. */
  if (self->error == NULL)
    date_entry_show_day (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH_ONLY]);
}

const char *
ikou_date_entry_get_error (IkouDateEntry *self)
{
  g_return_val_if_fail (IKOU_IS_DATE_ENTRY (self), NULL);
  return self->error;
}

GtkEntry *
ikou_date_entry_get_entry (IkouDateEntry *self)
{
  g_return_val_if_fail (IKOU_IS_DATE_ENTRY (self), NULL);
  return GTK_ENTRY (self->entry);
}

GtkLabel *
ikou_date_entry_get_error_label (IkouDateEntry *self)
{
  g_return_val_if_fail (IKOU_IS_DATE_ENTRY (self), NULL);
  return GTK_LABEL (self->error_label);
}

GtkLabel *
ikou_date_entry_get_era_label (IkouDateEntry *self)
{
  g_return_val_if_fail (IKOU_IS_DATE_ENTRY (self), NULL);
  return GTK_LABEL (self->era_label);
}
