/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-differences-panel.h"
#include "ikou-finding.h"
#include "ikou-gui-util.h"

/* The differences follow edits this long after the last one: a diff of
 * a national plan checks it twice. */
#define UPDATE_DELAY_MS 300

struct _IkouDifferencesPanel
{
  GtkWidget      parent_instance;

  GtkLabel      *summary;
  GtkColumnView *view;
  GtkStringList *rows;       /* one item per row; its string is the row's index */
  GtkSingleSelection *selection;

  IkouDocument  *document;
  IkouPlanDiff  *diff;
  guint          update_id;
};

G_DEFINE_FINAL_TYPE (IkouDifferencesPanel, ikou_differences_panel, GTK_TYPE_WIDGET)

enum {
  SYSTEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_SYSTEM,
  COLUMN_STEP,
  COLUMN_WHAT,
  COLUMN_A,
  COLUMN_B,
  COLUMN_SHIFT,
  N_COLUMNS
} Column;

static char *
format_day (IkouDay day)
{
  return day != IKOU_DAY_NONE ? ikou_day_format_iso (day) : g_strdup ("—");
}

static const char *
plan_name (IkouScenario *scenario)
{
  return scenario != NULL ? ikou_scenario_get_name (scenario) : C_("scenario", "Baseline Plan");
}

/* The two plans compared: A the other one, B the one shown. */
static gboolean
compared_plans (IkouDifferencesPanel  *self,
                IkouScenario         **a,
                IkouScenario         **b)
{
  *b = ikou_document_get_active_scenario (self->document);
  *a = ikou_document_get_comparing (self->document)
       ? ikou_document_get_compare_scenario (self->document) : NULL;
  return *a != *b;
}

static const IkouFinding *
row_finding (IkouDifferencesPanel *self,
             guint                 index,
             gboolean             *resolved)
{
  guint n_changes = self->diff->changes->len;

  if (index < n_changes)
    return NULL;
  index -= n_changes;
  *resolved = index < self->diff->resolved->len;
  if (*resolved)
    return g_ptr_array_index (self->diff->resolved, index);
  index -= self->diff->resolved->len;
  return index < self->diff->appeared->len ? g_ptr_array_index (self->diff->appeared, index) : NULL;
}

static char *
cell_text (IkouDifferencesPanel *self,
           guint                 index,
           Column                column)
{
  const IkouFinding *finding;
  gboolean resolved = FALSE;

  if (self->diff == NULL)
    return g_strdup ("");

  if (index < self->diff->changes->len)
    {
      const IkouDiffChange *c = &g_array_index (self->diff->changes, IkouDiffChange, index);

      switch (column)
        {
        case COLUMN_SYSTEM:
          return g_strdup (c->system_name ? c->system_name : "");
        case COLUMN_STEP:
          return g_strdup_printf ("%d", c->step + 1);
        case COLUMN_WHAT:
          return g_strdup (ikou_milestone_label (c->milestone));
        case COLUMN_A:
          return format_day (c->a);
        case COLUMN_B:
          return format_day (c->b);
        case COLUMN_SHIFT:
          if (!c->has_months)
            return g_strdup (c->a == IKOU_DAY_NONE ? _("added") : _("left out"));
          /* Translators: a shift in months, signed */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%+d month", "%+d months",
                                               ABS (c->months)), c->months);
        case N_COLUMNS:
        default:
          break;
        }
      return g_strdup ("");
    }

  finding = row_finding (self, index, &resolved);
  if (finding == NULL)
    return g_strdup ("");
  switch (column)
    {
    case COLUMN_SYSTEM:
      return g_strdup (finding->system_name ? finding->system_name : "");
    case COLUMN_STEP:
      return finding->step >= 0 ? g_strdup_printf ("%d", finding->step + 1) : g_strdup ("");
    case COLUMN_WHAT:
      return g_strdup (ikou_finding_get_message ((IkouFinding *) finding));
    case COLUMN_A:
      return g_strdup (resolved ? ikou_severity_label (finding->severity) : "");
    case COLUMN_B:
      return g_strdup (resolved ? "" : ikou_severity_label (finding->severity));
    case COLUMN_SHIFT:
      return g_strdup (resolved ? _("resolved") : _("new"));
    case N_COLUMNS:
    default:
      break;
    }
  return g_strdup ("");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         IkouDifferencesPanel     *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ikou-column"));
  GtkStringObject *object = gtk_list_item_get_item (item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (object), NULL, 10);
  g_autofree char *text = cell_text (self, index, column);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == COLUMN_WHAT)
    gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (IkouDifferencesPanel *self,
            Column                column,
            const char           *title,
            gboolean              expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "ikou-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->view, view_column);
  g_object_unref (view_column);
}

static void
set_rows (IkouDifferencesPanel *self,
          guint                 n)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (strings, g_strdup_printf ("%u", i));
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->rows, 0, old, (const char * const *) strings->pdata);
}

void
ikou_differences_panel_update (IkouDifferencesPanel *self)
{
  IkouScenario *a, *b;
  g_autofree char *summary = NULL;

  g_return_if_fail (IKOU_IS_DIFFERENCES_PANEL (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_pointer (&self->diff, ikou_plan_diff_free);

  if (self->document == NULL || !compared_plans (self, &a, &b))
    {
      set_rows (self, 0);
      gtk_label_set_text (self->summary,
                          _("Show a scenario, or compare with another plan, to see what it changes."));
      return;
    }

  ikou_document_flush (self->document);
  self->diff = ikou_plan_diff (ikou_document_get_plan (self->document), a, b,
                               ikou_document_get_schedule (self->document),
                               ikou_document_get_today (self->document));
  set_rows (self, self->diff->changes->len + self->diff->resolved->len + self->diff->appeared->len);

  /* Translators: the differences panel: plan A, plan B, then counts */
  summary = g_strdup_printf (_("%s → %s: %u milestones moved, %u findings resolved, %u new"),
                             plan_name (a), plan_name (b), self->diff->changes->len,
                             self->diff->resolved->len, self->diff->appeared->len);
  gtk_label_set_text (self->summary, summary);
}

static gboolean
update_cb (gpointer user_data)
{
  IkouDifferencesPanel *self = user_data;

  self->update_id = 0;
  ikou_differences_panel_update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (IkouDifferencesPanel *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Done when shown (map). */
      g_clear_pointer (&self->diff, ikou_plan_diff_free);
      return;
    }
  g_clear_handle_id (&self->update_id, g_source_remove);
  self->update_id = g_timeout_add (UPDATE_DELAY_MS, update_cb, self);
}

void
ikou_differences_panel_activate_row (IkouDifferencesPanel *self,
                                     guint                 index)
{
  const IkouFinding *finding;
  gboolean resolved;

  g_return_if_fail (IKOU_IS_DIFFERENCES_PANEL (self));

  if (self->diff == NULL)
    return;
  if (index < self->diff->changes->len)
    {
      const IkouDiffChange *c = &g_array_index (self->diff->changes, IkouDiffChange, index);

      g_signal_emit (self, signals[SYSTEM_ACTIVATED], 0, c->system_id,
                     (int) (c->b != IKOU_DAY_NONE ? c->b : c->a));
      return;
    }
  finding = row_finding (self, index, &resolved);
  if (finding != NULL)
    g_signal_emit (self, signals[SYSTEM_ACTIVATED], 0, finding->system_id,
                   (int) (finding->date != IKOU_DAY_NONE ? finding->date : finding->deadline));
}

static void
activate_cb (IkouDifferencesPanel *self,
             guint                 position)
{
  ikou_differences_panel_activate_row (self, position);
}

static void
selection_cb (IkouDifferencesPanel *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  /* Selecting a difference selects and scrolls to its row. */
  if (position != GTK_INVALID_LIST_POSITION)
    ikou_differences_panel_activate_row (self, position);
}

void
ikou_differences_panel_set_document (IkouDifferencesPanel *self,
                                     IkouDocument         *document)
{
  static const char * const document_signals[] = {
    "view-changed", "notify::active-scenario", "notify::comparing",
    "notify::compare-scenario", NULL
  };

  g_return_if_fail (IKOU_IS_DIFFERENCES_PANEL (self));
  g_return_if_fail (document == NULL || IKOU_IS_DOCUMENT (document));

  ikou_follow_document (&self->document, document, self, G_CALLBACK (queue_update),
                        document_signals, NULL);
  queue_update (self);
}

const IkouPlanDiff *
ikou_differences_panel_get_diff (IkouDifferencesPanel *self)
{
  g_return_val_if_fail (IKOU_IS_DIFFERENCES_PANEL (self), NULL);
  return self->diff;
}

static void
ikou_differences_panel_map (GtkWidget *widget)
{
  IkouDifferencesPanel *self = IKOU_DIFFERENCES_PANEL (widget);

  GTK_WIDGET_CLASS (ikou_differences_panel_parent_class)->map (widget);
  if (self->diff == NULL)
    ikou_differences_panel_update (self);
}

static void
ikou_differences_panel_dispose (GObject *object)
{
  IkouDifferencesPanel *self = IKOU_DIFFERENCES_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->update_id, g_source_remove);
  ikou_follow_document (&self->document, NULL, self, NULL, NULL, NULL);
  g_clear_pointer (&self->diff, ikou_plan_diff_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ikou_differences_panel_parent_class)->dispose (object);
}

static void
ikou_differences_panel_class_init (IkouDifferencesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ikou_differences_panel_dispose;
  widget_class->map = ikou_differences_panel_map;

  signals[SYSTEM_ACTIVATED] =
    g_signal_new ("system-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ikou-differences");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ikou_differences_panel_init (IkouDifferencesPanel *self)
{
  GtkWidget *scroller;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->summary), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "heading");
  gtk_widget_set_parent (GTK_WIDGET (self->summary), GTK_WIDGET (self));

  self->rows = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "ikou-differences");
  add_column (self, COLUMN_SYSTEM, _("System"), FALSE);
  add_column (self, COLUMN_STEP, C_("differences", "Step"), FALSE);
  add_column (self, COLUMN_WHAT, _("Milestone or finding"), TRUE);
  add_column (self, COLUMN_A, _("Before"), FALSE);
  add_column (self, COLUMN_B, _("After"), FALSE);
  add_column (self, COLUMN_SHIFT, _("Shift"), FALSE);
  g_signal_connect_object (self->view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_cb), self,
                           G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

GtkWidget *
ikou_differences_panel_new (void)
{
  return g_object_new (IKOU_TYPE_DIFFERENCES_PANEL, NULL);
}
