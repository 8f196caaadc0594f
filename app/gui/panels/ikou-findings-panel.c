/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-finding-list.h"
#include "ikou-finding-row.h"
#include "ikou-findings-panel.h"
#include "ikou-gui-util.h"
#include "ikou-text-cell.h"

struct _IkouFindingsPanel
{
  GtkWidget        parent_instance;

  GtkWidget       *toolbar;
  GtkToggleButton *error_toggle;
  GtkToggleButton *warning_toggle;
  GtkToggleButton *info_toggle;
  GtkLabel        *error_label;
  GtkLabel        *warning_label;
  GtkLabel        *info_label;
  GtkStack        *stack;
  GtkColumnView   *findings_view;
  GtkLabel        *empty_label;

  IkouFindingList   *list;
  GtkSliceListModel *bound;      /* the list as the view has it (see map) */
  GtkNoSelection    *selection;
  gboolean         era_labels;
};

G_DEFINE_FINAL_TYPE (IkouFindingsPanel, ikou_findings_panel, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_ERA_LABELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A system with this many findings of one severity shows them as one
 * row that opens (a plan not caught up has six per system). */
#define GROUP_MIN 3

typedef enum
{
  PANEL_COLUMN_SEVERITY,
  PANEL_COLUMN_RULE,
  PANEL_COLUMN_SYSTEM,
  PANEL_COLUMN_DATE,
  PANEL_COLUMN_MESSAGE,
} PanelColumn;

static IkouLabels
panel_labels (IkouFindingsPanel *self)
{
  return ikou_labels_for_locale (self->era_labels);
}

/* The rule's title over its message, as the tooltip of the rule and
 * message cells: the whole sentence, which the cell may cut. */
char *
ikou_findings_panel_describe (IkouFindingsPanel *self,
                              const IkouFinding *finding)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (IKOU_IS_FINDINGS_PANEL (self), NULL);
  g_return_val_if_fail (finding != NULL, NULL);

  message = ikou_finding_format_message (finding, panel_labels (self));
  return g_strdup_printf ("%s\n%s", ikou_rule_get_title (finding->rule), message);
}

/* The system, rule and message cells show their whole text as a
 * tooltip, computed when asked: gtk_widget_set_tooltip_text() in bind
 * asks the X server where the pointer is (a round trip) for every row
 * bound. */
static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip,
                  GtkListItem *item)
{
  IkouFindingsPanel *self;
  IkouFindingRow *row = gtk_list_item_get_item (item);
  IkouFinding *finding;
  g_autofree char *text = NULL;

  if (row == NULL)
    return FALSE;

  self = IKOU_FINDINGS_PANEL (gtk_widget_get_ancestor (widget, IKOU_TYPE_FINDINGS_PANEL));
  finding = ikou_finding_row_get_finding (row);
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ikou-column")) == PANEL_COLUMN_SYSTEM)
    text = g_strdup (finding->system_name);
  else if (self != NULL)
    text = ikou_findings_panel_describe (self, finding);

  if (text == NULL || *text == '\0')
    return FALSE;

  ikou_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  PanelColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *text = ikou_text_cell_new ();

  ikou_text_cell_set_attributes (IKOU_TEXT_CELL (text), ikou_japanese_text_attributes ());
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  if (column == PANEL_COLUMN_SEVERITY)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *image = gtk_image_new ();

      gtk_widget_add_css_class (box, "ikou-cell-finding");
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), text);
      gtk_list_item_set_child (item, box);
      return;
    }

  /* Same font as the other columns, so the rows' text lines up. */
  if (column == PANEL_COLUMN_RULE)
    gtk_widget_add_css_class (text, "dim-label");

  if (column == PANEL_COLUMN_SYSTEM || column == PANEL_COLUMN_RULE ||
      column == PANEL_COLUMN_MESSAGE)
    {
      g_object_set_data (G_OBJECT (text), "ikou-column", GINT_TO_POINTER (column));
      gtk_widget_set_has_tooltip (text, TRUE);
      g_signal_connect_object (text, "query-tooltip", G_CALLBACK (query_tooltip_cb), item, 0);
    }

  gtk_list_item_set_child (item, text);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IkouFindingsPanel        *self)
{
  PanelColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ikou-column"));
  IkouFindingRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  IkouFinding *finding = ikou_finding_row_get_finding (row);
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;

  guint n_grouped = ikou_finding_row_get_n_grouped (row);

  switch (column)
    {
    case PANEL_COLUMN_SEVERITY:
      {
        GtkWidget *image = gtk_widget_get_first_child (child);
        GtkWidget *text = gtk_widget_get_last_child (child);
        g_autofree char *label = NULL;
        g_autofree char *count = NULL;

        for (guint i = 0; i < IKOU_N_SEVERITIES; i++)
          gtk_widget_remove_css_class (child, ikou_severity_css_class (i));
        gtk_widget_add_css_class (child, ikou_severity_css_class (finding->severity));
        gtk_image_set_from_icon_name (GTK_IMAGE (image),
                                      ikou_severity_icon_name (finding->severity));
        /* A group: an arrow and how many; its findings indented. */
        if (n_grouped > 0)
          {
            count = ikou_severity_count_label (finding->severity, n_grouped);
            label = g_strdup_printf ("%s %s", ikou_finding_row_get_expanded (row) ? "▾" : "▸",
                                     count);
          }
        ikou_text_cell_set_text (IKOU_TEXT_CELL (text),
                                  label ? label : ikou_severity_label (finding->severity));
        gtk_widget_set_margin_start (child, ikou_finding_row_get_in_group (row) ? 18 : 0);
      }
      break;

    case PANEL_COLUMN_RULE:
      ikou_text_cell_set_text (IKOU_TEXT_CELL (child), ikou_rule_get_title (finding->rule));
      break;

    case PANEL_COLUMN_SYSTEM:
      ikou_text_cell_set_text (IKOU_TEXT_CELL (child), finding->system_name);
      break;

    case PANEL_COLUMN_DATE:
      if (finding->date != IKOU_DAY_NONE)
        date = ikou_day_label (finding->date, panel_labels (self));
      else if (finding->deadline != IKOU_DAY_NONE)
        date = ikou_day_label (finding->deadline, panel_labels (self));
      ikou_text_cell_set_text (IKOU_TEXT_CELL (child), date ? date : "—");
      break;

    case PANEL_COLUMN_MESSAGE:
    default:
      if (n_grouped > 0)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u finding of this system (press Enter to show or hide them)",
                                                "%u findings of this system (press Enter to show or hide them)",
                                                n_grouped), n_grouped);
      else
        message = ikou_finding_format_message (finding, panel_labels (self));
      ikou_text_cell_set_text (IKOU_TEXT_CELL (child), message);
      break;
    }
}

static void
add_column (IkouFindingsPanel *self,
            PanelColumn        column,
            const char        *title,
            int                fixed_width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "ikou-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);

  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  else
    gtk_column_view_column_set_expand (view_column, TRUE);
  gtk_column_view_append_column (self->findings_view, view_column);
}

static void
update_counts (IkouFindingsPanel *self)
{
  GtkLabel *labels[IKOU_N_SEVERITIES] = { self->error_label, self->warning_label, self->info_label };

  for (guint i = 0; i < IKOU_N_SEVERITIES; i++)
    {
      g_autofree char *text = ikou_severity_count_label (i, ikou_finding_list_get_count (self->list, i));

      gtk_label_set_label (labels[i], text);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0 ? "list" : "empty");
}

static void
toggle_changed_cb (IkouFindingsPanel *self,
                   GParamSpec        *pspec,
                   GtkToggleButton   *toggle)
{
  IkouSeverity severity;

  if (toggle == self->error_toggle)
    severity = IKOU_SEVERITY_ERROR;
  else if (toggle == self->warning_toggle)
    severity = IKOU_SEVERITY_WARNING;
  else
    severity = IKOU_SEVERITY_INFO;

  ikou_findings_panel_set_severity_visible (self, severity,
                                            gtk_toggle_button_get_active (toggle));
}

static void
activate_cb (IkouFindingsPanel *self,
             guint              position,
             GtkColumnView     *view)
{
  ikou_findings_panel_activate_row (self, position);
}

/* How many rows the view gets in the frame that first shows the panel:
 * more than the tallest panel shows. */
#define FIRST_ROWS 48

static gboolean
bind_the_rest_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  IkouFindingsPanel *self = IKOU_FINDINGS_PANEL (widget);
  guint *frames = user_data;

  /* The first tick comes before the frame that shows the panel. */
  if (++*frames < 2)
    return G_SOURCE_CONTINUE;
  gtk_slice_list_model_set_size (self->bound, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* A column view keeps up to 200 rows bound, shown or not (GTK 4.8): six
 * widgets a row here, a hundred milliseconds of a thin client's CPU.  The
 * panel is hidden at start, so its view gets the findings only when it
 * is first shown, and then in two steps: the rows that can show in the
 * first frame, the rest (rows below the panel's bottom) in the frame
 * after it. */
static void
ikou_findings_panel_map (GtkWidget *widget)
{
  IkouFindingsPanel *self = IKOU_FINDINGS_PANEL (widget);

  if (gtk_column_view_get_model (self->findings_view) == NULL)
    {
      gtk_slice_list_model_set_size (self->bound, FIRST_ROWS);
      gtk_column_view_set_model (self->findings_view, GTK_SELECTION_MODEL (self->selection));
      gtk_widget_add_tick_callback (widget, bind_the_rest_cb, g_new0 (guint, 1), g_free);
    }

  GTK_WIDGET_CLASS (ikou_findings_panel_parent_class)->map (widget);
}

static void
ikou_findings_panel_dispose (GObject *object)
{
  IkouFindingsPanel *self = IKOU_FINDINGS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IKOU_TYPE_FINDINGS_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->bound);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (ikou_findings_panel_parent_class)->dispose (object);
}

static void
ikou_findings_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IkouFindingsPanel *self = IKOU_FINDINGS_PANEL (object);

  switch (prop_id)
    {
    case PROP_ERA_LABELS:
      g_value_set_boolean (value, self->era_labels);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_findings_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IkouFindingsPanel *self = IKOU_FINDINGS_PANEL (object);

  switch (prop_id)
    {
    case PROP_ERA_LABELS:
      ikou_findings_panel_set_era_labels (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_findings_panel_class_init (IkouFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_findings_panel_dispose;
  object_class->get_property = ikou_findings_panel_get_property;
  object_class->set_property = ikou_findings_panel_set_property;
  widget_class->map = ikou_findings_panel_map;

  /**
   * IkouFindingsPanel:era-labels:
   *
   * Dates in 和暦 (R8.4.1) instead of 西暦 (2026-04-01) in a Japanese
   * interface; the window binds it to its own setting.
   */
  properties[PROP_ERA_LABELS] =
    g_param_spec_boolean ("era-labels", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IkouFindingsPanel::finding-activated:
   * @finding: the finding (valid during the emission only)
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  IKOU_TYPE_FINDING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/ikou/Ikou/ikou-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, toolbar);
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, error_toggle);
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, warning_toggle);
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, info_toggle);
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, warning_label);
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, info_label);
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, findings_view);
  gtk_widget_class_bind_template_child (widget_class, IkouFindingsPanel, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, toggle_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_set_css_name (widget_class, "ikoufindingspanel");
}

static void
ikou_findings_panel_init (IkouFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = g_object_new (IKOU_TYPE_FINDING_LIST, NULL);
  ikou_finding_list_set_group_min (self->list, GROUP_MIN);
  /* The view gets it when the panel is first shown (ikou_findings_panel_map()). */
  self->bound = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0, G_MAXUINT);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->bound)));

  add_column (self, PANEL_COLUMN_SEVERITY, _("Severity"), 110);
  add_column (self, PANEL_COLUMN_RULE, _("Rule"), 230);
  add_column (self, PANEL_COLUMN_SYSTEM, _("System"), 220);
  add_column (self, PANEL_COLUMN_DATE, _("Date"), 100);
  add_column (self, PANEL_COLUMN_MESSAGE, _("Message"), -1);

  update_counts (self);
}

GtkWidget *
ikou_findings_panel_new (void)
{
  return g_object_new (IKOU_TYPE_FINDINGS_PANEL, NULL);
}

void
ikou_findings_panel_set_findings (IkouFindingsPanel *self,
                                  GPtrArray         *findings)
{
  g_autoptr(GPtrArray) per_system = NULL;

  g_return_if_fail (IKOU_IS_FINDINGS_PANEL (self));

  /* Each run of one system's findings becomes a slot borrowing them. */
  per_system = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; findings != NULL && i < findings->len; )
    {
      guint id = ((const IkouFinding *) g_ptr_array_index (findings, i))->system_id;
      GPtrArray *run = g_ptr_array_new ();

      for (; i < findings->len &&
             ((const IkouFinding *) g_ptr_array_index (findings, i))->system_id == id; i++)
        g_ptr_array_add (run, g_ptr_array_index (findings, i));
      g_ptr_array_add (per_system, run);
    }

  ikou_finding_list_set_all (self->list, per_system, findings);
  update_counts (self);
}

void
ikou_findings_panel_set_findings_by_system (IkouFindingsPanel *self,
                                            GPtrArray         *per_system)
{
  g_return_if_fail (IKOU_IS_FINDINGS_PANEL (self));

  ikou_finding_list_set_all (self->list, per_system, NULL);
  update_counts (self);
}

void
ikou_findings_panel_set_system_findings (IkouFindingsPanel *self,
                                         guint              position,
                                         GPtrArray         *findings)
{
  g_return_if_fail (IKOU_IS_FINDINGS_PANEL (self));
  g_return_if_fail (position < ikou_finding_list_get_n_slots (self->list));

  ikou_finding_list_set_slot (self->list, position, findings);
  update_counts (self);
}

void
ikou_findings_panel_set_era_labels (IkouFindingsPanel *self,
                                    gboolean           era_labels)
{
  g_return_if_fail (IKOU_IS_FINDINGS_PANEL (self));

  era_labels = !!era_labels;
  if (self->era_labels == era_labels)
    return;

  self->era_labels = era_labels;
  /* The rows in view bind again with the new dates. */
  g_list_model_items_changed (G_LIST_MODEL (self->list), 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->list)),
                              g_list_model_get_n_items (G_LIST_MODEL (self->list)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERA_LABELS]);
}

gboolean
ikou_findings_panel_get_era_labels (IkouFindingsPanel *self)
{
  g_return_val_if_fail (IKOU_IS_FINDINGS_PANEL (self), FALSE);

  return self->era_labels;
}

void
ikou_findings_panel_set_severity_visible (IkouFindingsPanel *self,
                                          IkouSeverity       severity,
                                          gboolean           visible)
{
  GtkToggleButton *toggles[IKOU_N_SEVERITIES] = { self->error_toggle, self->warning_toggle, self->info_toggle };

  g_return_if_fail (IKOU_IS_FINDINGS_PANEL (self));
  g_return_if_fail ((guint) severity < IKOU_N_SEVERITIES);

  visible = !!visible;
  if (ikou_finding_list_get_visible (self->list, severity) == visible)
    return;

  ikou_finding_list_set_visible (self->list, severity, visible);
  gtk_toggle_button_set_active (toggles[severity], visible);
  update_counts (self);
}

gboolean
ikou_findings_panel_get_severity_visible (IkouFindingsPanel *self,
                                          IkouSeverity       severity)
{
  g_return_val_if_fail (IKOU_IS_FINDINGS_PANEL (self), FALSE);
  g_return_val_if_fail ((guint) severity < IKOU_N_SEVERITIES, FALSE);

  return ikou_finding_list_get_visible (self->list, severity);
}

GListModel *
ikou_findings_panel_get_model (IkouFindingsPanel *self)
{
  g_return_val_if_fail (IKOU_IS_FINDINGS_PANEL (self), NULL);

  return G_LIST_MODEL (self->list);
}

const IkouFinding *
ikou_findings_panel_get_finding (IkouFindingsPanel *self,
                                 guint              position)
{
  g_return_val_if_fail (IKOU_IS_FINDINGS_PANEL (self), NULL);

  return ikou_finding_list_lookup (self->list, position);
}

void
ikou_findings_panel_activate_row (IkouFindingsPanel *self,
                                  guint              position)
{
  g_autoptr(IkouFindingRow) row = NULL;

  g_return_if_fail (IKOU_IS_FINDINGS_PANEL (self));

  row = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (row == NULL)
    return;
  /* A group opens or closes, and its system is selected like a finding's. */
  if (ikou_finding_row_get_n_grouped (row) > 0)
    ikou_finding_list_toggle_group (self->list, position);
  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, ikou_finding_row_get_finding (row));
}
