/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-findings-panel.h"

/* A row of the list: a copy of one finding, made when GTK asks for the
 * row, so the rows in view never point into an array the window has
 * replaced. */
#define IKOU_TYPE_FINDING_ROW (ikou_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (IkouFindingRow, ikou_finding_row, IKOU, FINDING_ROW, GObject)

struct _IkouFindingRow
{
  GObject      parent_instance;
  IkouFinding *finding;
};

G_DEFINE_FINAL_TYPE (IkouFindingRow, ikou_finding_row, G_TYPE_OBJECT)

static void
ikou_finding_row_finalize (GObject *object)
{
  IkouFindingRow *self = IKOU_FINDING_ROW (object);

  g_clear_pointer (&self->finding, ikou_finding_free);

  G_OBJECT_CLASS (ikou_finding_row_parent_class)->finalize (object);
}

static void
ikou_finding_row_class_init (IkouFindingRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_finding_row_finalize;
}

static void
ikou_finding_row_init (IkouFindingRow *self)
{
}

/* The list model: the window's findings array, seen through an index of
 * the visible severities, errors first.  Rebuilding the index is O(n) per
 * change of the plan; showing rows costs only the rows in view. */
#define IKOU_TYPE_FINDING_LIST (ikou_finding_list_get_type ())
G_DECLARE_FINAL_TYPE (IkouFindingList, ikou_finding_list, IKOU, FINDING_LIST, GObject)

struct _IkouFindingList
{
  GObject    parent_instance;
  GPtrArray *findings;
  GArray    *order;                      /* guint indices into findings */
  gboolean   visible[IKOU_N_SEVERITIES];
  guint      counts[IKOU_N_SEVERITIES];
};

static GType
ikou_finding_list_get_item_type (GListModel *model)
{
  return IKOU_TYPE_FINDING_ROW;
}

static guint
ikou_finding_list_get_n_items (GListModel *model)
{
  return IKOU_FINDING_LIST (model)->order->len;
}

static gpointer
ikou_finding_list_get_item (GListModel *model,
                            guint       position)
{
  IkouFindingList *self = IKOU_FINDING_LIST (model);
  IkouFindingRow *row;
  guint index;

  if (position >= self->order->len)
    return NULL;

  index = g_array_index (self->order, guint, position);
  row = g_object_new (IKOU_TYPE_FINDING_ROW, NULL);
  row->finding = ikou_finding_copy (g_ptr_array_index (self->findings, index));
  return row;
}

static void
ikou_finding_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ikou_finding_list_get_item_type;
  iface->get_n_items = ikou_finding_list_get_n_items;
  iface->get_item = ikou_finding_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (IkouFindingList, ikou_finding_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ikou_finding_list_model_init))

static void
ikou_finding_list_finalize (GObject *object)
{
  IkouFindingList *self = IKOU_FINDING_LIST (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_array_unref);

  G_OBJECT_CLASS (ikou_finding_list_parent_class)->finalize (object);
}

static void
ikou_finding_list_class_init (IkouFindingListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_finding_list_finalize;
}

static void
ikou_finding_list_init (IkouFindingList *self)
{
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < IKOU_N_SEVERITIES; i++)
    self->visible[i] = TRUE;
}

static void
ikou_finding_list_rebuild (IkouFindingList *self)
{
  guint old_len = self->order->len;

  g_array_set_size (self->order, 0);
  memset (self->counts, 0, sizeof self->counts);

  if (self->findings != NULL)
    {
      for (guint i = 0; i < self->findings->len; i++)
        {
          const IkouFinding *finding = g_ptr_array_index (self->findings, i);

          if ((guint) finding->severity < IKOU_N_SEVERITIES)
            self->counts[finding->severity]++;
        }

      for (guint severity = 0; severity < IKOU_N_SEVERITIES; severity++)
        {
          if (!self->visible[severity] || self->counts[severity] == 0)
            continue;

          for (guint i = 0; i < self->findings->len; i++)
            {
              const IkouFinding *finding = g_ptr_array_index (self->findings, i);

              if ((guint) finding->severity == severity)
                g_array_append_val (self->order, i);
            }
        }
    }

  if (old_len != 0 || self->order->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->order->len);
}

/* The panel */

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

  IkouFindingList *list;
  GtkNoSelection  *selection;
};

G_DEFINE_FINAL_TYPE (IkouFindingsPanel, ikou_findings_panel, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  PANEL_COLUMN_SEVERITY,
  PANEL_COLUMN_RULE,
  PANEL_COLUMN_SYSTEM,
  PANEL_COLUMN_DATE,
  PANEL_COLUMN_MESSAGE,
} PanelColumn;

static const char *
severity_css_class (IkouSeverity severity)
{
  switch (severity)
    {
    case IKOU_SEVERITY_ERROR:
      return "error";
    case IKOU_SEVERITY_WARNING:
      return "warning";
    case IKOU_SEVERITY_INFO:
    case IKOU_N_SEVERITIES:
    default:
      return "info";
    }
}

static const char *
severity_icon_name (IkouSeverity severity)
{
  switch (severity)
    {
    case IKOU_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case IKOU_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case IKOU_SEVERITY_INFO:
    case IKOU_N_SEVERITIES:
    default:
      return "dialog-information-symbolic";
    }
}

/* The plan's text is Japanese whatever the interface language: tag it so
 * Pango picks Japanese glyph forms and one font for every cell, so the
 * text of all columns sits on the same line. */
static PangoAttrList *
japanese_text_attributes (void)
{
  static PangoAttrList *attrs;

  if (g_once_init_enter (&attrs))
    {
      PangoAttrList *list = pango_attr_list_new ();

      pango_attr_list_insert (list, pango_attr_language_new (pango_language_from_string ("ja-jp")));
      g_once_init_leave (&attrs, list);
    }

  return attrs;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  PanelColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_attributes (GTK_INSCRIPTION (text), japanese_text_attributes ());
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (text), 1);
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

  gtk_list_item_set_child (item, text);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  PanelColumn column = GPOINTER_TO_INT (user_data);
  IkouFindingRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  IkouFinding *finding = row->finding;
  g_autofree char *date = NULL;

  switch (column)
    {
    case PANEL_COLUMN_SEVERITY:
      {
        GtkWidget *image = gtk_widget_get_first_child (child);
        GtkWidget *text = gtk_widget_get_last_child (child);

        for (guint i = 0; i < IKOU_N_SEVERITIES; i++)
          gtk_widget_remove_css_class (child, severity_css_class (i));
        gtk_widget_add_css_class (child, severity_css_class (finding->severity));
        gtk_image_set_from_icon_name (GTK_IMAGE (image),
                                      severity_icon_name (finding->severity));
        gtk_inscription_set_text (GTK_INSCRIPTION (text),
                                  ikou_severity_label (finding->severity));
      }
      break;

    case PANEL_COLUMN_RULE:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), finding->rule);
      break;

    case PANEL_COLUMN_SYSTEM:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), finding->system_name);
      gtk_widget_set_tooltip_text (child, finding->system_name);
      break;

    case PANEL_COLUMN_DATE:
      if (finding->date != IKOU_DAY_NONE)
        date = ikou_day_format_era (finding->date, IKOU_ERA_STYLE_SHORT);
      else if (finding->deadline != IKOU_DAY_NONE)
        date = ikou_day_format_era (finding->deadline, IKOU_ERA_STYLE_SHORT);
      gtk_inscription_set_text (GTK_INSCRIPTION (child), date ? date : "—");
      break;

    case PANEL_COLUMN_MESSAGE:
    default:
      gtk_inscription_set_text (GTK_INSCRIPTION (child),
                                ikou_finding_get_message (finding));
      gtk_widget_set_tooltip_text (child, ikou_finding_get_message (finding));
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

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));

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
      g_autofree char *text = g_strdup_printf ("%s %u", ikou_severity_label (i),
                                               self->list->counts[i]);

      gtk_label_set_label (labels[i], text);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    self->list->order->len > 0 ? "list" : "empty");
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

static void
ikou_findings_panel_dispose (GObject *object)
{
  IkouFindingsPanel *self = IKOU_FINDINGS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IKOU_TYPE_FINDINGS_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (ikou_findings_panel_parent_class)->dispose (object);
}

static void
ikou_findings_panel_class_init (IkouFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_findings_panel_dispose;

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

  gtk_widget_class_set_css_name (widget_class, "ikoufindingspanel");
}

static void
ikou_findings_panel_init (IkouFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = g_object_new (IKOU_TYPE_FINDING_LIST, NULL);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_column_view_set_model (self->findings_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, PANEL_COLUMN_SEVERITY, _("Severity"), 110);
  add_column (self, PANEL_COLUMN_RULE, _("Rule"), 230);
  add_column (self, PANEL_COLUMN_SYSTEM, _("System"), 220);
  add_column (self, PANEL_COLUMN_DATE, _("Date"), 100);
  add_column (self, PANEL_COLUMN_MESSAGE, _("Message"), -1);

  g_signal_connect_object (self->error_toggle, "notify::active",
                           G_CALLBACK (toggle_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->warning_toggle, "notify::active",
                           G_CALLBACK (toggle_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->info_toggle, "notify::active",
                           G_CALLBACK (toggle_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_view, "activate",
                           G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);

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
  g_return_if_fail (IKOU_IS_FINDINGS_PANEL (self));

  if (findings != NULL)
    g_ptr_array_ref (findings);
  g_clear_pointer (&self->list->findings, g_ptr_array_unref);
  self->list->findings = findings;

  ikou_finding_list_rebuild (self->list);
  update_counts (self);
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
  if (self->list->visible[severity] == visible)
    return;

  self->list->visible[severity] = visible;
  gtk_toggle_button_set_active (toggles[severity], visible);
  ikou_finding_list_rebuild (self->list);
  update_counts (self);
}

gboolean
ikou_findings_panel_get_severity_visible (IkouFindingsPanel *self,
                                          IkouSeverity       severity)
{
  g_return_val_if_fail (IKOU_IS_FINDINGS_PANEL (self), FALSE);
  g_return_val_if_fail ((guint) severity < IKOU_N_SEVERITIES, FALSE);

  return self->list->visible[severity];
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

  if (position >= self->list->order->len)
    return NULL;

  return g_ptr_array_index (self->list->findings,
                            g_array_index (self->list->order, guint, position));
}

void
ikou_findings_panel_activate_row (IkouFindingsPanel *self,
                                  guint              position)
{
  g_autoptr(IkouFindingRow) row = NULL;

  g_return_if_fail (IKOU_IS_FINDINGS_PANEL (self));

  row = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (row != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, row->finding);
}
