/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ikou-calendar.h"
#include "ikou-checker.h"
#include "ikou-cost-panel.h"
#include "ikou-error.h"
#include "ikou-file.h"
#include "ikou-file-store.h"
#include "ikou-gui-util.h"
#include "ikou-plan-file.h"
#include "ikou-plan-rows.h"
#include "ikou-store.h"
#include "ikou-system-editor.h"
#include "ikou-timeline.h"
#include "ikou-standing-button.h"
#include "ikou-window-private.h"
#include "ikou-xml.h"

/* A dirty document is copied to the recovery folder this long after the
 * last change, and at least this often while changes keep coming. */
#define AUTOSAVE_DEBOUNCE_MS 2000
#define AUTOSAVE_PERIOD_S    60

G_DEFINE_FINAL_TYPE (IkouWindow, ikou_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_COMPARING,
  PROP_ZOOM,
  PROP_SHOW_FINDINGS,
  PROP_SHOW_EDITOR,
  PROP_ERA_LABELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The finding summary per system id: the worst severity in the top
 * bits, the number of findings below. */
#define SUMMARY_PACK(severity, count) ((((guint) (severity)) << 24) | ((count) & 0xffffff))
#define SUMMARY_SEVERITY(packed)     ((IkouSeverity) ((packed) >> 24))
#define SUMMARY_COUNT(packed)        ((packed) & 0xffffff)

static const char * const zoom_names[IKOU_N_ZOOMS] = { "month", "quarter", "fiscal-year" };

static void ikou_window_update_title (IkouWindow *self);

/* Small helpers */

static IkouZoom
zoom_from_name (const char *name)
{
  for (guint i = 0; i < IKOU_N_ZOOMS; i++)
    if (g_strcmp0 (zoom_names[i], name) == 0)
      return i;
  return IKOU_ZOOM_QUARTER;
}


static int
compare_strings (const char *a,
                 const char *b)
{
  gboolean a_empty = a == NULL || *a == '\0';
  gboolean b_empty = b == NULL || *b == '\0';

  /* Empty values after all others (in ascending order, the first one
   * people look at). */
  if (a_empty || b_empty)
    return (int) a_empty - (int) b_empty;

  return g_utf8_collate (a, b);
}

static const char *
host_name (IkouPlan *plan,
           guint     host_id)
{
  IkouHost *host;

  if (host_id == 0 || (host = ikou_plan_lookup_host (plan, host_id)) == NULL)
    return NULL;

  return ikou_host_get_name (host);
}

static const char *
operation_name (IkouWindow *self,
                IkouSystem *system)
{
  const char *id = ikou_system_get_operation (system);
  const IkouOperation *operation;

  if (id == NULL)
    return NULL;

  if (self->schedule == NULL
      || (operation = ikou_schedule_lookup_operation (self->schedule, id)) == NULL)
    return id;

  if (!ikou_locale_is_japanese () && operation->name_en != NULL)
    return operation->name_en;

  return operation->name;
}

/* The next milestone not done, as the active scenario plans it. */
static gboolean
system_next_milestone (IkouWindow    *self,
                       IkouSystem    *system,
                       IkouDay        today,
                       IkouMilestone *out_milestone,
                       IkouDay       *out_day)
{
  IkouScenario *scenario = self->document != NULL
                           ? ikou_document_get_active_scenario (self->document) : NULL;
  guint n_steps = ikou_scenario_get_n_steps (scenario, system);
  IkouDay best = IKOU_DAY_NONE;
  IkouMilestone best_milestone = IKOU_MILESTONE_CUTOVER;

  for (guint i = 0; i < n_steps; i++)
    {
      IkouStep resolved;
      const IkouStep *step = &resolved;

      ikou_scenario_get_step (scenario, system, i, &resolved, NULL);

      for (guint m = 0; m < IKOU_N_MILESTONES; m++)
        {
          IkouDay day = ikou_step_get_milestone (step, m);

          if (day == IKOU_DAY_NONE || day < today
              || (step->done & IKOU_MILESTONE_FLAG (m)) != 0)
            continue;

          if (best == IKOU_DAY_NONE || day < best)
            {
              best = day;
              best_milestone = m;
            }
        }
    }

  if (out_milestone != NULL)
    *out_milestone = best_milestone;
  if (out_day != NULL)
    *out_day = best;

  return best != IKOU_DAY_NONE;
}

static guint
system_summary (IkouWindow *self,
                IkouSystem *system)
{
  IkouSeverity worst;
  guint count;

  if (self->document == NULL)
    return 0;
  worst = ikou_document_get_worst_severity (self->document, ikou_system_get_id (system), &count);
  return count > 0 ? SUMMARY_PACK (worst, count) : 0;
}

IkouSystem *
_ikou_window_get_selected_system (IkouWindow *self)
{
  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

/* The list's cells.  Each cell follows its system (::changed) while it is
 * bound; findings and hosts changes update the cells that exist, which
 * are about as many as the rows in view. */

typedef struct
{
  IkouWindow *window;
  IkouColumn  column;
  GtkWidget  *text;     /* GtkInscription */
  GtkWidget  *icon;     /* findings column only */
  IkouSystem *system;
  gulong      changed_id;
} IkouCell;

/* "Now → Target" as the column shows it. */
static const char *
hosts_text (IkouWindow  *self,
            IkouSystem  *system,
            char       **owned)
{
  IkouScenario *scenario = self->document != NULL
                           ? ikou_document_get_active_scenario (self->document) : NULL;
  guint current = ikou_system_get_host (system);
  guint n = ikou_scenario_get_n_steps (scenario, system);
  guint target = current;
  IkouStep last;
  const char *from, *to;

  /* Where the last step goes, as the active scenario plans it. */
  if (n > 0 && ikou_scenario_get_step (scenario, system, n - 1, &last, NULL) && last.to_host != 0)
    target = last.to_host;
  from = host_name (self->plan, current);
  to = host_name (self->plan, target);

  if (target == current || to == NULL)
    return from;

  return *owned = g_strdup_printf ("%s → %s", from ? from : "—", to);
}

/* The name and hosts cells show their whole text as a tooltip, computed
 * when asked: gtk_widget_set_tooltip_text() asks the X server where the
 * pointer is (a round trip) each time the text changes, which made every
 * row bound while scrolling, and every refreshed row, cost milliseconds. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       GObject    *item)
{
  IkouCell *cell = g_object_get_data (item, "ikou-cell");
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (cell == NULL || cell->system == NULL || cell->window->plan == NULL)
    return FALSE;

  if (cell->column == IKOU_COLUMN_NAME)
    text = ikou_system_get_name (cell->system);
  else if (cell->column == IKOU_COLUMN_HOSTS)
    text = hosts_text (cell->window, cell->system, &owned);

  if (text == NULL || *text == '\0')
    return FALSE;

  ikou_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_update (IkouCell *cell)
{
  IkouWindow *self = cell->window;
  IkouSystem *system = cell->system;
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (system == NULL || self->plan == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell->text), NULL);
      return;
    }

  switch (cell->column)
    {
    case IKOU_COLUMN_NAME:
      text = ikou_system_get_name (system);
      break;

    case IKOU_COLUMN_DEPARTMENT:
      text = ikou_system_get_department (system);
      break;

    case IKOU_COLUMN_OPERATION:
      text = operation_name (self, system);
      break;

    case IKOU_COLUMN_HOSTS:
      text = hosts_text (self, system, &owned);
      break;

    case IKOU_COLUMN_NEXT_MILESTONE:
      {
        IkouMilestone milestone;
        IkouDay day;

        if (system_next_milestone (self, system, ikou_window_get_today (self), &milestone, &day))
          {
            g_autofree char *date = ikou_month_label (day, ikou_labels_for_locale (self->era_labels), IKOU_ERA_STYLE_SHORT);

            /* Translators: the next milestone and its month, e.g. "稼働 R7年4月" */
            text = owned = g_strdup_printf (_("%s %s"), ikou_milestone_label (milestone), date);
          }
      }
      break;

    case IKOU_COLUMN_FINDINGS:
      {
        guint summary = system_summary (self, system);

        for (guint i = 0; i < IKOU_N_SEVERITIES; i++)
          gtk_widget_remove_css_class (gtk_widget_get_parent (cell->text),
                                       ikou_severity_css_class (i));

        if (summary == 0)
          {
            gtk_widget_set_visible (cell->icon, FALSE);
            text = NULL;
          }
        else
          {
            IkouSeverity severity = SUMMARY_SEVERITY (summary);
            guint count = SUMMARY_COUNT (summary);

            gtk_widget_add_css_class (gtk_widget_get_parent (cell->text),
                                      ikou_severity_css_class (severity));
            gtk_image_set_from_icon_name (GTK_IMAGE (cell->icon),
                                          ikou_severity_icon_name (severity));
            gtk_widget_set_visible (cell->icon, TRUE);
            if (count > 1)
              text = owned = g_strdup_printf ("%s %u", ikou_severity_label (severity), count);
            else
              text = ikou_severity_label (severity);
          }
      }
      break;

    case IKOU_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (cell->text), text);
}

static void
cell_system_changed_cb (IkouSystem *system,
                        IkouCell   *cell)
{
  cell_update (cell);
}

static void
cell_free (gpointer data)
{
  IkouCell *cell = data;

  if (cell->system != NULL)
    {
      g_clear_signal_handler (&cell->changed_id, cell->system);
      g_clear_object (&cell->system);
    }
  g_free (cell);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               IkouWindow               *self)
{
  IkouColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ikou-column"));
  IkouCell *cell = g_new0 (IkouCell, 1);
  GtkWidget *text = gtk_inscription_new (NULL);

  cell->window = self;
  cell->column = column;
  cell->text = text;
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_attributes (GTK_INSCRIPTION (text), ikou_japanese_text_attributes ());
  /* One line, whatever the row's height would hold. */
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (text), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (text), 1);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  if (column == IKOU_COLUMN_NAME || column == IKOU_COLUMN_HOSTS)
    {
      gtk_widget_set_has_tooltip (text, TRUE);
      g_signal_connect_object (text, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), item, 0);
    }

  if (column == IKOU_COLUMN_FINDINGS)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      cell->icon = gtk_image_new ();
      gtk_widget_set_visible (cell->icon, FALSE);
      gtk_widget_add_css_class (box, "ikou-cell-finding");
      gtk_box_append (GTK_BOX (box), cell->icon);
      gtk_box_append (GTK_BOX (box), text);
      gtk_list_item_set_child (item, box);
    }
  else
    {
      if (column == IKOU_COLUMN_NEXT_MILESTONE)
        gtk_widget_add_css_class (text, "numeric");
      gtk_list_item_set_child (item, text);
    }

  g_object_set_data_full (G_OBJECT (item), "ikou-cell", cell, cell_free);
  if (self->cells != NULL)
    g_ptr_array_add (self->cells, cell);
}

static void
teardown_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  IkouWindow               *self)
{
  IkouCell *cell = g_object_get_data (G_OBJECT (item), "ikou-cell");

  if (cell != NULL && self->cells != NULL)
    g_ptr_array_remove_fast (self->cells, cell);
  g_object_set_data (G_OBJECT (item), "ikou-cell", NULL);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IkouWindow               *self)
{
  IkouCell *cell = g_object_get_data (G_OBJECT (item), "ikou-cell");
  IkouSystem *system = gtk_list_item_get_item (item);

  g_assert (cell != NULL);

  cell->system = g_object_ref (system);
  cell->changed_id = g_signal_connect (system, "changed",
                                       G_CALLBACK (cell_system_changed_cb), cell);
  cell_update (cell);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                IkouWindow               *self)
{
  IkouCell *cell = g_object_get_data (G_OBJECT (item), "ikou-cell");

  if (cell == NULL || cell->system == NULL)
    return;

  g_clear_signal_handler (&cell->changed_id, cell->system);
  g_clear_object (&cell->system);
}

static void
update_all_cells (IkouWindow *self,
                  gboolean    findings_only)
{
  if (self->cells == NULL)
    return;

  for (guint i = 0; i < self->cells->len; i++)
    {
      IkouCell *cell = g_ptr_array_index (self->cells, i);

      if (cell->system == NULL)
        continue;
      if (findings_only && cell->column != IKOU_COLUMN_FINDINGS)
        continue;
      cell_update (cell);
    }
}

/* Sorting and filtering */

static int
compare_systems (IkouWindow *self,
                 IkouColumn  column,
                 IkouSystem *a,
                 IkouSystem *b)
{
  switch (column)
    {
    case IKOU_COLUMN_NAME:
      return compare_strings (ikou_system_get_name (a), ikou_system_get_name (b));

    case IKOU_COLUMN_DEPARTMENT:
      return compare_strings (ikou_system_get_department (a), ikou_system_get_department (b));

    case IKOU_COLUMN_OPERATION:
      return compare_strings (operation_name (self, a), operation_name (self, b));

    case IKOU_COLUMN_HOSTS:
      {
        int cmp = compare_strings (host_name (self->plan, ikou_system_get_host (a)),
                                   host_name (self->plan, ikou_system_get_host (b)));
        if (cmp != 0)
          return cmp;
        return compare_strings (host_name (self->plan, ikou_system_get_target_host (a)),
                                host_name (self->plan, ikou_system_get_target_host (b)));
      }

    case IKOU_COLUMN_NEXT_MILESTONE:
      {
        IkouDay da = IKOU_DAY_NONE, db = IKOU_DAY_NONE;

        system_next_milestone (self, a, ikou_window_get_today (self), NULL, &da);
        system_next_milestone (self, b, ikou_window_get_today (self), NULL, &db);
        if (da == db)
          return 0;
        if (da == IKOU_DAY_NONE)
          return 1;
        if (db == IKOU_DAY_NONE)
          return -1;
        return da < db ? -1 : 1;
      }

    case IKOU_COLUMN_FINDINGS:
      {
        guint sa = system_summary (self, a);
        guint sb = system_summary (self, b);

        /* Errors first, then more findings first, systems without last. */
        if (sa == sb)
          return 0;
        if (sa == 0)
          return 1;
        if (sb == 0)
          return -1;
        if (SUMMARY_SEVERITY (sa) != SUMMARY_SEVERITY (sb))
          return SUMMARY_SEVERITY (sa) < SUMMARY_SEVERITY (sb) ? -1 : 1;
        return SUMMARY_COUNT (sa) > SUMMARY_COUNT (sb) ? -1 : 1;
      }

    case IKOU_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return 0;
}

#define DEFINE_SORT_FUNC(fn, column)                                          \
  static int                                                                  \
  fn (gconstpointer a, gconstpointer b, gpointer user_data)                   \
  {                                                                           \
    return compare_systems (user_data, column, (gpointer) a, (gpointer) b);   \
  }

DEFINE_SORT_FUNC (sort_by_name, IKOU_COLUMN_NAME)
DEFINE_SORT_FUNC (sort_by_department, IKOU_COLUMN_DEPARTMENT)
DEFINE_SORT_FUNC (sort_by_operation, IKOU_COLUMN_OPERATION)
DEFINE_SORT_FUNC (sort_by_hosts, IKOU_COLUMN_HOSTS)
DEFINE_SORT_FUNC (sort_by_next_milestone, IKOU_COLUMN_NEXT_MILESTONE)
DEFINE_SORT_FUNC (sort_by_findings, IKOU_COLUMN_FINDINGS)

static gboolean
text_matches (const char *text,
              const char *key)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, key) != NULL;
}

static gboolean
system_matches_search (IkouWindow *self,
                       IkouSystem *system)
{
  if (self->search_key == NULL)
    return TRUE;

  return text_matches (ikou_system_get_name (system), self->search_key)
      || text_matches (ikou_system_get_department (system), self->search_key)
      || text_matches (ikou_system_get_vendor (system), self->search_key);
}

static gboolean
filter_system (gpointer item,
               gpointer user_data)
{
  IkouWindow *self = user_data;

  /* The system being edited stays while it is selected, even when an
   * edit takes it out of the search (its editor would close). */
  if (item == (gpointer) self->kept_system)
    return TRUE;

  return system_matches_search (self, item);
}

static void
search_changed_cb (IkouWindow     *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *old_key = g_steal_pointer (&self->search_key);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (*stripped != '\0')
    self->search_key = g_utf8_casefold (stripped, -1);

  if (g_strcmp0 (old_key, self->search_key) == 0)
    return;

  /* A longer key can only hide more rows; a shorter one only show more
   * (unless a kept system was shown against the old key). */
  if (self->kept_system != NULL)
    g_clear_object (&self->kept_system);
  else if (old_key == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search_key == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (self->search_key, old_key) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old_key, self->search_key) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
stop_search_cb (IkouWindow     *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->systems_view));
}

/* Columns */

static void
add_column (IkouWindow       *self,
            IkouColumn        column,
            const char       *title,
            int               width,
            GCompareDataFunc  sort_func)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;

  g_object_set_data (G_OBJECT (factory), "ikou-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);

  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, width);

  sorter = GTK_SORTER (gtk_custom_sorter_new (sort_func, self, NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  g_object_unref (sorter);

  gtk_column_view_append_column (self->systems_view, view_column);
  self->columns[column] = view_column;
  g_object_unref (view_column);
}

static void
setup_list (IkouWindow *self)
{
  GtkSorter *sorter;

  add_column (self, IKOU_COLUMN_NAME, _("Name"), 200, sort_by_name);
  add_column (self, IKOU_COLUMN_DEPARTMENT, _("Department"), 120, sort_by_department);
  add_column (self, IKOU_COLUMN_OPERATION, _("Operation"), 110, sort_by_operation);
  add_column (self, IKOU_COLUMN_HOSTS, _("Now → Target"), 250, sort_by_hosts);
  add_column (self, IKOU_COLUMN_NEXT_MILESTONE, _("Next Milestone"), 160, sort_by_next_milestone);
  add_column (self, IKOU_COLUMN_FINDINGS, _("Findings"), 100, sort_by_findings);

  self->filter = gtk_custom_filter_new (filter_system, self, NULL);
  self->rows = g_object_new (IKOU_TYPE_PLAN_ROWS, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (self->rows),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_column_view_get_sorter (self->systems_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->systems_view, GTK_SELECTION_MODEL (self->selection));
}

/* Row geometry: the list's rows and the timeline's rows share one grid.
 * The timeline draws its header (fiscal years, months, the national
 * schedule band) above its rows; the list puts a strip holding the search
 * entry above its column header so that its first row starts at the same
 * height.  Measuring costs two small widgets, done when the window maps
 * and when something that changes the header's height changes. */

static GtkWidget *
column_view_header (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

void
_ikou_window_sync_row_geometry (IkouWindow *self)
{
  GtkWidget *header = column_view_header (self->systems_view);
  double timeline_header;
  int header_height = 0;
  int entry_height = 0;
  int spacer;
  int timeline_margin;

  if (self->timeline == NULL || header == NULL)
    return;

  gtk_widget_measure (header, GTK_ORIENTATION_VERTICAL, -1, &header_height, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->search_entry), GTK_ORIENTATION_VERTICAL, -1,
                      &entry_height, NULL, NULL, NULL);
  timeline_header = ikou_timeline_get_header_height (IKOU_TIMELINE (self->timeline));

  self->list_header_height = header_height;

  spacer = MAX ((int) ceil (timeline_header) - header_height, entry_height + 8);
  timeline_margin = spacer + header_height - (int) ceil (timeline_header);

  gtk_widget_set_size_request (self->list_spacer, -1, spacer);
  gtk_widget_set_margin_top (self->timeline, MAX (timeline_margin, 0));
  ikou_timeline_set_row_height (IKOU_TIMELINE (self->timeline), IKOU_WINDOW_ROW_HEIGHT);
}

/* Checking */

static void
update_findings_button (IkouWindow *self)
{
  guint n_errors = self->document != NULL ? ikou_document_get_n_errors (self->document) : 0;
  guint n_warnings = self->document != NULL ? ikou_document_get_n_warnings (self->document) : 0;
  g_autofree char *errors = g_strdup_printf ("%u", n_errors);
  g_autofree char *warnings = g_strdup_printf ("%u", n_warnings);
  g_autofree char *tooltip = NULL;
  g_autofree char *error_part = NULL;
  g_autofree char *warning_part = NULL;

  gtk_label_set_label (self->findings_error_label, errors);
  gtk_label_set_label (self->findings_warning_label, warnings);

  error_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                             n_errors), n_errors);
  warning_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                               n_warnings), n_warnings);
  /* Translators: the findings button's tooltip: "3 errors, 2 warnings" */
  tooltip = g_strdup_printf (_("%s, %s"), error_part, warning_part);
  gtk_widget_set_tooltip_text (self->findings_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  if (n_errors > 0)
    gtk_widget_add_css_class (self->findings_button, "error");
  else
    gtk_widget_remove_css_class (self->findings_button, "error");
}

/* The flat copy of all findings in plan order, for those who want one
 * array (export, printing, tests): built when asked, dropped on change. */
static void
ensure_flat_findings (IkouWindow *self)
{
  if (self->findings != NULL || self->document == NULL)
    return;
  self->findings = ikou_document_copy_findings (self->document);
}

static gboolean recheck_pending_cb (gpointer user_data);

static void
queue_pass (IkouWindow *self)
{
  /* Before GTK's layout and paint (GDK_PRIORITY_REDRAW), after the
   * document's re-checks (queued at the same priority, earlier). */
  if (self->rows_idle_id == 0)
    self->rows_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, recheck_pending_cb,
                                          self, NULL);
}

/* The list re-sorts and re-filters @system_id's row in the next pass. */
static void
queue_row_refresh (IkouWindow *self,
                   guint       system_id)
{
  if (self->pending_rows == NULL)
    self->pending_rows = g_hash_table_new (NULL, NULL);
  g_hash_table_add (self->pending_rows, GUINT_TO_POINTER (system_id));
  queue_pass (self);
}

/* The plan position of @system_id, or FALSE when it is not in the plan. */
static gboolean
system_position (IkouWindow *self,
                 guint       system_id,
                 guint      *position)
{
  return self->document != NULL &&
         ikou_document_get_system_position (self->document, system_id, position);
}

void
_ikou_window_recheck_all (IkouWindow *self)
{
  if (self->document != NULL)
    ikou_document_recheck_all (self->document);
}

/* Every system was re-checked (a new plan, a host edit, another
 * scenario): the views take the document's findings again. */
static void
findings_reset_cb (IkouWindow *self)
{
  GPtrArray *by_system = ikou_document_get_findings_by_system (self->document);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  update_findings_button (self);
  ikou_findings_panel_set_findings_by_system (self->findings_panel, by_system);
  if (self->timeline != NULL)
    ikou_timeline_set_findings_by_system (IKOU_TIMELINE (self->timeline), by_system);
  update_all_cells (self, TRUE);

  /* Row refreshes still waiting (and a kept system's) need the pass. */
  if (self->kept_system != NULL)
    {
      guint position;

      if (system_position (self, ikou_system_get_id (self->kept_system), &position))
        queue_row_refresh (self, ikou_system_get_id (self->kept_system));
      else
        g_clear_object (&self->kept_system);
    }
  if (self->pending_rows != NULL)
    queue_pass (self);
}

static void
update_system_cells (IkouWindow *self,
                     IkouSystem *system)
{
  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    {
      IkouCell *cell = g_ptr_array_index (self->cells, i);

      if (cell->system == system && cell->column == IKOU_COLUMN_FINDINGS)
        cell_update (cell);
    }
}

/* One system was re-checked: the views replace its findings alone. */
static void
system_findings_changed_cb (IkouWindow   *self,
                            guint         position,
                            guint         system_id,
                            IkouDocument *document)
{
  GPtrArray *findings = g_ptr_array_index (ikou_document_get_findings_by_system (document), position);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  ikou_findings_panel_set_system_findings (self->findings_panel, position, findings);
  if (self->timeline != NULL)
    ikou_timeline_set_system_findings (IKOU_TIMELINE (self->timeline), system_id, findings);
  update_system_cells (self, ikou_plan_get_system (self->plan, position));
  update_findings_button (self);
}

static gboolean
row_in_view (IkouWindow *self,
             guint       position)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->systems_view));
  double top = (double) position * IKOU_WINDOW_ROW_HEIGHT;
  double value = gtk_adjustment_get_value (vadj);

  return top >= value && top + IKOU_WINDOW_ROW_HEIGHT <= value + gtk_adjustment_get_page_size (vadj);
}

/* Centres the selected row in the list (and the timeline, which shares
 * its adjustment) if it is out of view.  Rows are all the same height,
 * so the row's place is known without asking the list (GTK 4.8 has no
 * scroll_to). */
static void
scroll_to_selected (IkouWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->systems_view));
  double page = gtk_adjustment_get_page_size (vadj);

  if (position == GTK_INVALID_LIST_POSITION || row_in_view (self, position))
    return;

  gtk_adjustment_set_value (vadj, (double) position * IKOU_WINDOW_ROW_HEIGHT -
                                  (page - IKOU_WINDOW_ROW_HEIGHT) / 2);
}

static void
scroll_to_selected_cb (IkouWindow    *self,
                       GdkFrameClock *frame_clock)
{
  g_clear_signal_handler (&self->scroll_after_paint_id, frame_clock);
  scroll_to_selected (self);
}

/* The same after the next frame: until the list has laid out its rows
 * again after rows were added, removed or re-sorted, GTK 4.8's list
 * cannot find the row at a scroll position (it warns "failed to scroll
 * to given position" and ignores the scroll). */
static void
keep_selected_in_view (IkouWindow *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (frame_clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      scroll_to_selected (self);
      return;
    }

  if (self->scroll_after_paint_id == 0)
    self->scroll_after_paint_id = g_signal_connect_object (frame_clock, "after-paint",
                                                           G_CALLBACK (scroll_to_selected_cb), self,
                                                           G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self->systems_view));
}

void
_ikou_window_keep_selected_in_view (IkouWindow *self)
{
  keep_selected_in_view (self);
}

/* Re-sorts and re-filters the rows of the systems edited since the last
 * pass, one ::items-changed (position, 1, 1) each.  At 34,592 rows that
 * is 0.2 ms for a row that stays in place; a row that moves also costs
 * the rows between its old and new place, which GtkSortListModel reports
 * as one changed range (about 40 ms from one end of the list to the
 * other).  Not during a drag in the timeline: the dragged row would run
 * away from the pointer; it follows once the drag ends.  The selected
 * row, when it was in view, stays in view. */
static void
refresh_rows (IkouWindow *self)
{
  g_autoptr(GHashTable) pending = NULL;
  IkouSystem *selected;
  guint before, after;
  gboolean was_in_view;
  GHashTableIter iter;
  gpointer key;

  if (self->pending_rows == NULL || self->plan == NULL)
    return;

  /* Unsorted and unfiltered: nothing can move, and the cells follow their
   * systems by themselves (a refresh would rebuild a visible row). */
  if (self->search_key == NULL && self->kept_system == NULL &&
      gtk_sorter_get_order (gtk_sort_list_model_get_sorter (self->sort_model)) == GTK_SORTER_ORDER_NONE)
    {
      g_clear_pointer (&self->pending_rows, g_hash_table_unref);
      return;
    }

  if (self->timeline != NULL && ikou_timeline_is_dragging (IKOU_TIMELINE (self->timeline)))
    return;

  pending = g_steal_pointer (&self->pending_rows);
  selected = _ikou_window_get_selected_system (self);
  before = gtk_single_selection_get_selected (self->selection);
  was_in_view = before != GTK_INVALID_LIST_POSITION && row_in_view (self, before);

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position;
      IkouSystem *system;

      if (!system_position (self, GPOINTER_TO_UINT (key), &position))
        continue;

      system = ikou_plan_get_system (self->plan, position);
      if (system == selected && !system_matches_search (self, system))
        g_set_object (&self->kept_system, system);
      else if (system == self->kept_system)
        g_clear_object (&self->kept_system);
      ikou_plan_rows_refresh (IKOU_PLAN_ROWS (self->rows), position);
    }

  after = gtk_single_selection_get_selected (self->selection);
  if (was_in_view && after != before && after != GTK_INVALID_LIST_POSITION)
    keep_selected_in_view (self);
}

/* Refreshes the rows of the systems that changed since the last pass,
 * once, just before the next frame: a drag costs one pass per frame and
 * a transaction that touches many systems (undo of a shift) one pass in
 * all. */
static gboolean
recheck_pending_cb (gpointer user_data)
{
  IkouWindow *self = user_data;

  self->rows_idle_id = 0;
  refresh_rows (self);
  return G_SOURCE_REMOVE;
}

void
_ikou_window_flush_checks (IkouWindow *self)
{
  if (self->document != NULL)
    ikou_document_flush (self->document);
  if (self->rows_idle_id != 0)
    {
      g_clear_handle_id (&self->rows_idle_id, g_source_remove);
      recheck_pending_cb (self);
    }
  ensure_flat_findings (self);
}

/* Autosave and recovery */

static char *
recovery_path (IkouWindow *self,
               const char *suffix)
{
  g_autofree char *dir = ikou_context_get_recovery_dir ();
  g_autofree char *name = g_strconcat (self->recovery_id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
ensure_recovery_id (IkouWindow *self)
{
  static guint counter;

  if (self->recovery_id != NULL)
    return;

  self->recovery_id = g_strdup_printf ("plan-%d-%" G_GINT64_FORMAT "-%u", (int) getpid (),
                                       g_get_real_time () / G_USEC_PER_SEC, ++counter);
}

gboolean
ikou_window_autosave (IkouWindow  *self,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *boot_id = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;

  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);

  if (self->plan == NULL || !ikou_window_get_dirty (self))
    return TRUE;

  ensure_recovery_id (self);
  dir = ikou_context_get_recovery_dir ();
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  path = recovery_path (self, ".ikou");
  if (!ikou_store_save (self->plan, path, error))
    return FALSE;

  /* Who the copy belongs to, so a running Ikou never offers another
   * running Ikou's copy, and what it is a copy of. */
  keyfile = g_key_file_new ();
  g_key_file_set_int64 (keyfile, "Recovery", "pid", getpid ());
  boot_id = ikou_file_get_boot_id ();
  if (boot_id != NULL)
    g_key_file_set_string (keyfile, "Recovery", "boot-id", boot_id);
  if (ikou_document_get_file (self->document) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (ikou_document_get_file (self->document));
      g_key_file_set_string (keyfile, "Recovery", "uri", uri);
    }
  if (ikou_plan_get_title (self->plan) != NULL)
    g_key_file_set_string (keyfile, "Recovery", "title", ikou_plan_get_title (self->plan));
  g_key_file_set_int64 (keyfile, "Recovery", "saved", g_get_real_time () / G_USEC_PER_SEC);

  info_path = recovery_path (self, ".ini");
  if (!g_key_file_save_to_file (keyfile, info_path, error))
    return FALSE;

  self->autosaved_serial = ikou_document_get_change_serial (self->document);
  return TRUE;
}

void
_ikou_window_remove_recovery (IkouWindow *self)
{
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;

  g_clear_handle_id (&self->autosave_debounce_id, g_source_remove);

  if (self->recovery_id == NULL)
    return;

  path = recovery_path (self, ".ikou");
  info_path = recovery_path (self, ".ini");
  g_remove (path);
  g_remove (info_path);
  if (self->document != NULL)
    self->autosaved_serial = ikou_document_get_change_serial (self->document);
}

static void
autosave_now (IkouWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL ||
      self->autosaved_serial == ikou_document_get_change_serial (self->document))
    return;

  if (!ikou_window_autosave (self, &error))
    g_warning ("Could not write the recovery copy: %s", error->message);
}

static gboolean
autosave_debounce_cb (gpointer user_data)
{
  IkouWindow *self = user_data;

  self->autosave_debounce_id = 0;
  autosave_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
autosave_periodic_cb (gpointer user_data)
{
  autosave_now (user_data);
  return G_SOURCE_CONTINUE;
}

/* Plan signals */

static gboolean
catch_up_idle_cb (gpointer user_data)
{
  IkouWindow *self = user_data;

  self->catch_up_idle_id = 0;
  _ikou_window_update_catch_up (self);
  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (IkouWindow *self,
                 IkouPlan   *plan)
{
  /* Once for a transaction of many edits, after it. */
  if (self->catch_up_idle_id == 0)
    self->catch_up_idle_id = g_idle_add (catch_up_idle_cb, self);
  /* A later edit makes "Undo" on the deletion toast mean something else. */
  if (self->delete_toast != NULL && !self->deleting)
    adw_toast_dismiss (self->delete_toast);

  g_clear_handle_id (&self->autosave_debounce_id, g_source_remove);
  self->autosave_debounce_id = g_timeout_add (AUTOSAVE_DEBOUNCE_MS, autosave_debounce_cb, self);

  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

/* A system looks different where the window looks: its row follows. */
static void
view_changed_cb (IkouWindow *self,
                 guint       system_id)
{
  queue_row_refresh (self, system_id);
}

static void
plan_hosts_changed_cb (IkouWindow *self,
                       IkouPlan   *plan)
{
  update_all_cells (self, FALSE);
}

static void
active_scenario_changed_cb (IkouWindow *self)
{
  IkouScenario *active = ikou_document_get_active_scenario (self->document);

  _ikou_window_sync_scenarios (self);
  if (self->system_editor != NULL)
    ikou_system_editor_set_system (IKOU_SYSTEM_EDITOR (self->system_editor),
                                   _ikou_window_get_selected_system (self));
  if (active != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "scenario");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "scenario");
  update_all_cells (self, FALSE);
  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

static void
history_notify_cb (IkouWindow  *self,
                   GParamSpec  *pspec,
                   IkouHistory *history)
{
  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

static void
selection_changed_cb (IkouWindow         *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  IkouSystem *system = _ikou_window_get_selected_system (self);

  /* A system kept against the search goes once it is not selected. */
  if (self->kept_system != NULL && self->kept_system != system)
    queue_row_refresh (self, ikou_system_get_id (self->kept_system));

  if (self->system_editor != NULL)
    ikou_system_editor_set_system (IKOU_SYSTEM_EDITOR (self->system_editor), system);
  _ikou_window_actions_update (self);
}

static void
step_edited_cb (IkouTimeline   *timeline,
                IkouSystem     *system,
                guint           index,
                const IkouStep *old_step,
                IkouWindow     *self)
{
  /* The document recorded the drag; the rows it moved can follow. */
  if (self->pending_rows != NULL)
    queue_pass (self);
}

static void
list_activate_cb (IkouWindow    *self,
                  guint          position,
                  GtkColumnView *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  g_object_set (self, "show-editor", TRUE, NULL);
}

static void
finding_activated_cb (IkouWindow        *self,
                      const IkouFinding *finding,
                      IkouFindingsPanel *panel)
{
  IkouDay day = finding->date != IKOU_DAY_NONE ? finding->date : finding->deadline;

  ikou_window_select_system (self, finding->system_id);
  if (day != IKOU_DAY_NONE && self->timeline != NULL)
    ikou_timeline_scroll_to_day (IKOU_TIMELINE (self->timeline), day);
}

static void
today_changed_cb (IkouWindow *self)
{
  if (self->timeline != NULL)
    ikou_timeline_set_today (IKOU_TIMELINE (self->timeline), ikou_document_get_today (self->document));
  update_all_cells (self, FALSE);
  _ikou_window_update_catch_up (self);
}

static void
difference_activated_cb (IkouWindow *self,
                         guint       system_id,
                         int         day)
{
  ikou_window_select_system (self, system_id);
  if (day != IKOU_DAY_NONE && self->timeline != NULL)
    ikou_timeline_scroll_to_day (IKOU_TIMELINE (self->timeline), day);
}

/* Scenarios */

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

static void
comparing_changed_cb (IkouWindow *self)
{
  gboolean comparing = ikou_document_get_comparing (self->document);

  gtk_revealer_set_reveal_child (self->differences_revealer, comparing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARING]);
  _ikou_window_actions_update (self);
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

  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

/* Title */

static void
ikou_window_update_title (IkouWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  const char *plan_title = NULL;
  gboolean dirty = ikou_window_get_dirty (self);

  if (self->plan == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Ikou"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Ikou"));
      return;
    }

  plan_title = ikou_plan_get_title (self->plan);
  if (ikou_document_get_file (self->document) != NULL)
    {
      GFile *file = ikou_document_get_file (self->document);
      g_autofree char *basename = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *parent_name = parent ? g_file_get_parse_name (parent) : NULL;

      title = g_strdup (plan_title && *plan_title ? plan_title : basename);
      subtitle = g_strdup_printf ("%s%s — %s", dirty ? "• " : "", basename,
                                  parent_name ? parent_name : "");
    }
  else
    {
      title = g_strdup (plan_title && *plan_title ? plan_title : _("Untitled Plan"));
      subtitle = g_strdup_printf ("%s%s", dirty ? "• " : "", _("Not saved"));
    }

  /* Which plan is shown: the window title says so while a scenario is. */
  if (ikou_document_get_active_scenario (self->document) != NULL)
    {
      char *with_scenario =
        /* Translators: window title while a scenario is shown: plan, scenario */
        g_strdup_printf (_("%s — scenario “%s”"), title,
                         ikou_scenario_get_name (ikou_document_get_active_scenario (self->document)));

      g_free (title);
      title = with_scenario;
    }

  if (_ikou_window_shared_is_read_only (self))
    {
      /* Translators: window subtitle of a plan opened read-only: "Read-only — plan.ikou — folder" */
      char *read_only = g_strdup_printf (_("Read-only — %s"), subtitle);

      g_free (subtitle);
      subtitle = read_only;
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window title, "<plan> – Ikou" */
  window_title = g_strdup_printf (_("%s%s – Ikou"), dirty ? "• " : "", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
_ikou_window_update_title (IkouWindow *self)
{
  ikou_window_update_title (self);
}

/* Documents */

static void
disconnect_document (IkouWindow *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
}

void
ikou_window_set_document (IkouWindow *self,
                          IkouPlan   *plan,
                          GFile      *file,
                          gboolean    recovered)
{
  g_autoptr(IkouDocument) document = NULL;

  g_return_if_fail (IKOU_IS_WINDOW (self));
  g_return_if_fail (IKOU_IS_PLAN (plan));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  document = ikou_document_new (plan, self->schedule);
  if (file != NULL)
    {
      g_autoptr(IkouFileStore) store = ikou_file_store_new (file);

      ikou_document_set_store (document, IKOU_PLAN_STORE (store));
    }
  ikou_window_take_document (self, g_steal_pointer (&document), recovered);
  if (file != NULL)
    _ikou_window_shared_adopt (self, file);
}

void
ikou_window_take_document (IkouWindow   *self,
                           IkouDocument *document,
                           gboolean      recovered)
{
  g_autoptr(IkouDocument) old_document = NULL;
  g_autoptr(IkouPlan) old_plan = NULL;
  g_autoptr(IkouHistory) old_history = NULL;
  IkouPlan *plan;

  g_return_if_fail (IKOU_IS_WINDOW (self));
  g_return_if_fail (IKOU_IS_DOCUMENT (document));

  disconnect_document (self);
  old_document = g_steal_pointer (&self->document);
  old_plan = g_steal_pointer (&self->plan);
  old_history = g_steal_pointer (&self->history);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  self->document = document;
  plan = ikou_document_get_plan (document);
  self->plan = g_object_ref (plan);
  self->history = g_object_ref (ikou_document_get_history (document));
  self->recovered = recovered;
  self->autosaved_serial = recovered ? G_MAXUINT64 : ikou_document_get_change_serial (document);

  g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "hosts-changed", G_CALLBACK (plan_hosts_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "scenarios-changed", G_CALLBACK (_ikou_window_sync_scenarios),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (history_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (history_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::dirty", G_CALLBACK (history_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "view-changed", G_CALLBACK (view_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "findings-reset", G_CALLBACK (findings_reset_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "system-findings-changed",
                           G_CALLBACK (system_findings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::active-scenario",
                           G_CALLBACK (active_scenario_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::comparing",
                           G_CALLBACK (comparing_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::store",
                           G_CALLBACK (ikou_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::today",
                           G_CALLBACK (today_changed_cb), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->kept_system);
  g_clear_pointer (&self->pending_rows, g_hash_table_unref);

  /* Findings first, so the first rows bound already show them. */
  findings_reset_cb (self);
  ikou_plan_rows_set_model (IKOU_PLAN_ROWS (self->rows), G_LIST_MODEL (plan));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (self->timeline != NULL)
    {
      IkouTimeline *timeline = IKOU_TIMELINE (self->timeline);

      ikou_timeline_set_schedule (timeline, self->schedule);
      ikou_timeline_set_today (timeline, ikou_document_get_today (document));
      ikou_timeline_set_document (timeline, document);
      ikou_timeline_set_findings_by_system (timeline,
                                            ikou_document_get_findings_by_system (document));
    }

  if (self->system_editor != NULL)
    {
      ikou_system_editor_set_document (IKOU_SYSTEM_EDITOR (self->system_editor), document);
      ikou_system_editor_set_system (IKOU_SYSTEM_EDITOR (self->system_editor), NULL);
    }
  if (self->differences_panel != NULL)
    ikou_differences_panel_set_document (IKOU_DIFFERENCES_PANEL (self->differences_panel),
                                         document);
  _ikou_window_costs_set_document (self, document);
  ikou_standing_button_set_document (IKOU_STANDING_BUTTON (self->standing_button), document);
  _ikou_window_selection_set_document (self, document);

  gtk_stack_set_visible_child_name (self->stack, "plan");
  _ikou_window_sync_scenarios (self);
  active_scenario_changed_cb (self);
  comparing_changed_cb (self);
  self->catch_up_dismissed = FALSE;
  _ikou_window_update_catch_up (self);
}

/* Whether saving goes back to @file: only an .ikou plan (by content:
 * a renamed file still is one); anything imported is saved as .ikou. */
static gboolean
is_native_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path != NULL && ikou_plan_file_sniff (path, NULL) == IKOU_PLAN_FILE_NATIVE;
}

IkouPlan *
_ikou_window_read_plan (GFile   *file,
                        GError **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("“%s” is not a local file; copy it to this computer first"), uri);
      return NULL;
    }

  return ikou_plan_file_load (path, error);
}

gboolean
ikou_window_load_file (IkouWindow  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(IkouPlan) plan = NULL;

  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->plan != NULL)
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_INVALID_INPUT,
                           _("This window already shows a plan"));
      return FALSE;
    }

  /* A plan saved back to its file: locked while open. */
  if (is_native_file (file))
    return _ikou_window_shared_load (self, file, error);

  plan = _ikou_window_read_plan (file, error);
  if (plan == NULL)
    return FALSE;

  /* XML is interchange: the document it becomes is saved as .ikou. */
  ikou_window_set_document (self, plan, is_native_file (file) ? file : NULL, FALSE);
  return TRUE;
}

void
ikou_window_open (IkouWindow *self,
                  GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  IkouWindow *target = self;

  g_return_if_fail (IKOU_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (is_native_file (file))
    {
      _ikou_window_shared_open (self, file);
      return;
    }

  plan = _ikou_window_read_plan (file, &error);
  if (plan == NULL)
    {
      _ikou_window_show_error (self, _("Could Not Open the Plan"), error);
      return;
    }

  if (self->plan != NULL && self->context != NULL)
    target = ikou_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->context);

  ikou_window_set_document (target, plan, is_native_file (file) ? file : NULL, FALSE);
  if (self->context != NULL)
    ikou_context_add_recent (self->context, file);
  gtk_window_present (GTK_WINDOW (target));
}

/* Imports a plan from another format (Ikou XML, a table, a project
 * file): a new, unsaved document; what could not be read is said. */
void
ikou_window_import (IkouWindow *self,
                    GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *path = NULL;
  IkouWindow *target = self;

  g_return_if_fail (IKOU_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, IKOU_ERROR, IKOU_ERROR_IO, _("Choose a folder on this computer"));
  else
    plan = ikou_plan_file_import (path, &warnings, &error);
  if (plan == NULL)
    {
      _ikou_window_show_error (self, _("Could Not Import the Plan"), error);
      return;
    }

  if (self->plan != NULL && self->context != NULL)
    target = ikou_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->context);
  /* Saving asks where: the imported file is never written back. */
  ikou_window_set_document (target, plan, NULL, FALSE);
  gtk_window_present (GTK_WINDOW (target));

  if (warnings != NULL && warnings[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", warnings);
      g_autoptr(GError) note = g_error_new_literal (IKOU_ERROR, IKOU_ERROR_INVALID_INPUT, joined);

      _ikou_window_show_error (target, _("Imported, With Notes"), note);
    }
}

gboolean
ikou_window_save_to_file (IkouWindow  *self,
                          GFile       *file,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->plan != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("“%s” is not a local file; save to a folder on this computer"), uri);
      return FALSE;
    }

  if (!_ikou_window_shared_check_target (self, file, error))
    return FALSE;
  /* Back to its own file through its own store, which knows what was
   * opened: never over what someone else saved meanwhile. */
  if (ikou_window_get_file (self) != NULL && g_file_equal (ikou_window_get_file (self), file))
    {
      if (!ikou_document_save (self->document, NULL, error))
        return FALSE;
    }
  else
    {
      g_autoptr(IkouFileStore) store = ikou_file_store_new (file);

      if (!ikou_document_save (self->document, IKOU_PLAN_STORE (store), error))
        return FALSE;
    }
  _ikou_window_shared_saved (self, file);

  self->recovered = FALSE;
  ikou_history_set_clean (self->history);
  _ikou_window_remove_recovery (self);

  if (self->context != NULL)
    ikou_context_add_recent (self->context, file);

  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
  return TRUE;
}

gboolean
ikou_window_select_system (IkouWindow *self,
                           guint       system_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);

  if (self->plan == NULL || ikou_plan_lookup_system (self->plan, system_id) == NULL)
    return FALSE;

  model = G_LIST_MODEL (self->selection);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IkouSystem) system = g_list_model_get_item (model, i);

          if (ikou_system_get_id (system) == system_id)
            {
              gtk_single_selection_set_selected (self->selection, i);
              /* After the next frame: the row may have just been added,
               * or the search just cleared. */
              if (!row_in_view (self, i))
                keep_selected_in_view (self);
              return TRUE;
            }
        }

      /* Hidden by the search: clear it and look again. */
      if (self->search_key == NULL)
        break;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      /* Now, not after the entry's search delay. */
      search_changed_cb (self, self->search_entry);
    }

  return FALSE;
}

gboolean
ikou_window_has_document (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);

  return self->plan != NULL;
}

gboolean
ikou_window_get_dirty (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), FALSE);

  if (self->plan == NULL || self->history == NULL)
    return FALSE;

  return self->recovered || ikou_history_get_dirty (self->history);
}

GFile *
ikou_window_get_file (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->document != NULL ? ikou_document_get_file (self->document) : NULL;
}

IkouDocument *
ikou_window_get_document (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->document;
}

IkouPlan *
ikou_window_get_plan (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->plan;
}

IkouHistory *
ikou_window_get_history (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->history;
}

GtkSingleSelection *
ikou_window_get_selection (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  return self->selection;
}

GPtrArray *
ikou_window_get_findings (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), NULL);

  _ikou_window_flush_checks (self);
  return self->findings;
}

IkouDay
ikou_window_get_today (IkouWindow *self)
{
  g_return_val_if_fail (IKOU_IS_WINDOW (self), IKOU_DAY_NONE);

  return self->document != NULL ? ikou_document_get_today (self->document) : ikou_day_today ();
}

/* View state */

void
_ikou_window_set_zoom (IkouWindow *self,
                       const char *zoom)
{
  IkouZoom value = zoom_from_name (zoom);

  if (g_strcmp0 (self->zoom, zoom_names[value]) == 0)
    return;

  g_free (self->zoom);
  self->zoom = g_strdup (zoom_names[value]);

  if (self->timeline != NULL)
    ikou_timeline_set_zoom (IKOU_TIMELINE (self->timeline), value);
  if (self->settings != NULL)
    g_settings_set_enum (self->settings, "zoom", value);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
set_show_findings (IkouWindow *self,
                   gboolean    show)
{
  show = !!show;
  if (self->show_findings == show)
    return;

  self->show_findings = show;
  gtk_revealer_set_reveal_child (self->findings_revealer, show);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "show-findings", show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_FINDINGS]);
}

static void
set_show_editor (IkouWindow *self,
                 gboolean    show)
{
  show = !!show;
  if (self->show_editor == show)
    return;

  self->show_editor = show;
  gtk_revealer_set_reveal_child (self->editor_revealer, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EDITOR]);
}

static void
set_era_labels (IkouWindow *self,
                gboolean    era_labels)
{
  era_labels = !!era_labels;
  if (self->era_labels == era_labels)
    return;

  self->era_labels = era_labels;
  if (self->standing_button != NULL)
    ikou_standing_button_set_era_labels (IKOU_STANDING_BUTTON (self->standing_button), era_labels);
  if (self->system_editor != NULL)
    ikou_system_editor_set_era_labels (IKOU_SYSTEM_EDITOR (self->system_editor), era_labels);
  if (self->timeline != NULL)
    {
      ikou_timeline_set_era_labels (IKOU_TIMELINE (self->timeline), era_labels);
      _ikou_window_sync_row_geometry (self);
    }
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "era-labels", era_labels);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERA_LABELS]);
}

static void
save_window_state (IkouWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (self->plan != NULL)
    g_settings_set_int (self->settings, "list-width",
                        CLAMP (gtk_paned_get_position (self->paned), 200, 4000));
}

static void
restore_window_state (IkouWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "list-width"));
}

/* Closing */

static gboolean
close_idle_cb (gpointer user_data)
{
  IkouWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Closes the window once the dialog asking about it is gone: destroying a
 * dialog's parent while the dialog is still answering leaves it with a
 * dangling parent. */
void
_ikou_window_close_later (IkouWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   IkouWindow       *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    _ikou_window_close_later (self);
  else if (g_strcmp0 (response, "save") == 0)
    _ikou_window_shared_save (self, TRUE);
}

static gboolean
ikou_window_close_request (GtkWindow *window)
{
  IkouWindow *self = IKOU_WINDOW (window);

  if (ikou_window_get_dirty (self) && !self->close_confirmed)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"),
                                                           _("The plan has changes that are not "
                                                             "saved. Changes that are not saved "
                                                             "are lost.")));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  save_window_state (self);
  /* Closed cleanly (saved or discarded): the recovery copy has done its job. */
  _ikou_window_remove_recovery (self);

  return GTK_WINDOW_CLASS (ikou_window_parent_class)->close_request (window);
}

/* First frame */

static void
after_paint_cb (IkouWindow    *self,
                GdkFrameClock *frame_clock)
{
  
  if (self->plan == NULL)
    return;

  g_clear_signal_handler (&self->after_paint_id, frame_clock);

  /* The CSS and fonts are final now: correct the strip above the list if
   * the first measurement was taken before they were. */
  _ikou_window_sync_row_geometry (self);

  if (self->context != NULL)
    ikou_context_first_frame (self->context);
}

static void
ikou_window_map (GtkWidget *widget)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  GdkFrameClock *frame_clock;

  _ikou_window_sync_row_geometry (self);

  GTK_WIDGET_CLASS (ikou_window_parent_class)->map (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  if (frame_clock != NULL && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect_object (frame_clock, "after-paint",
                                                    G_CALLBACK (after_paint_cb), self,
                                                    G_CONNECT_SWAPPED);
}

static void
ikou_window_unmap (GtkWidget *widget)
{
  IkouWindow *self = IKOU_WINDOW (widget);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  if (frame_clock != NULL)
    {
      g_clear_signal_handler (&self->after_paint_id, frame_clock);
      g_clear_signal_handler (&self->scroll_after_paint_id, frame_clock);
    }
  self->after_paint_id = 0;
  self->scroll_after_paint_id = 0;

  GTK_WIDGET_CLASS (ikou_window_parent_class)->unmap (widget);
}

static void
font_settings_changed_cb (IkouWindow *self,
                          GParamSpec *pspec,
                          GObject    *object)
{
  _ikou_window_sync_row_geometry (self);
}

/* GObject */

/* What the window takes from the shared context: settings, the
 * schedule.  Called by ikou_window_new(). */
static void
ikou_window_attach_context (IkouWindow  *self,
                            IkouContext *context)
{
  const GError *schedule_error = NULL;

  g_set_object (&self->context, context);
  g_set_object (&self->settings, ikou_context_get_settings (context));
  g_set_object (&self->schedule, ikou_context_get_schedule (context, &schedule_error));

  if (self->schedule == NULL && schedule_error != NULL)
    {
      /* Plans still open and edit; only the checking is missing. */
      AdwToast *toast = adw_toast_new (schedule_error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  if (self->settings != NULL)
    {
      IkouZoom zoom = CLAMP (g_settings_get_enum (self->settings, "zoom"), 0, IKOU_N_ZOOMS - 1);

      _ikou_window_set_zoom (self, zoom_names[zoom]);
      set_era_labels (self, g_settings_get_boolean (self->settings, "era-labels"));
      set_show_findings (self, g_settings_get_boolean (self->settings, "show-findings"));
      _ikou_window_costs_attach_settings (self);
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (_ikou_window_rebuild_recent_menu), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->timeline != NULL)
    {
      ikou_timeline_set_zoom (IKOU_TIMELINE (self->timeline), zoom_from_name (self->zoom));
      ikou_timeline_set_era_labels (IKOU_TIMELINE (self->timeline), self->era_labels);
      ikou_timeline_set_schedule (IKOU_TIMELINE (self->timeline), self->schedule);
    }

  restore_window_state (self);
  _ikou_window_view_attach (self);
  _ikou_window_rebuild_recent_menu (self);
  ikou_window_update_title (self);
  _ikou_window_actions_update (self);
}

static void
ikou_window_dispose (GObject *object)
{
  IkouWindow *self = IKOU_WINDOW (object);

  g_clear_handle_id (&self->autosave_debounce_id, g_source_remove);
  g_clear_handle_id (&self->autosave_periodic_id, g_source_remove);
  g_clear_handle_id (&self->rows_idle_id, g_source_remove);
  g_clear_handle_id (&self->catch_up_idle_id, g_source_remove);
  g_clear_pointer (&self->pending_rows, g_hash_table_unref);
  g_clear_object (&self->kept_system);
  disconnect_document (self);
  _ikou_window_shared_dispose (self);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  _ikou_window_selection_dispose (self);
  if (self->timeline != NULL)
    ikou_timeline_set_selection (IKOU_TIMELINE (self->timeline), NULL);

  /* Taking the list apart changes its sorter (the sorted column goes
   * first), which would re-sort the rows and move the selection while
   * the window is half disposed: stop sorting while it is whole. */
  if (self->sort_model != NULL)
    gtk_sort_list_model_set_sorter (self->sort_model, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), IKOU_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_object (&self->history);
  g_clear_object (&self->plan);
  g_clear_object (&self->document);
  g_clear_object (&self->schedule);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_object (&self->scenario_names);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (ikou_window_parent_class)->dispose (object);
}

static void
ikou_window_finalize (GObject *object)
{
  IkouWindow *self = IKOU_WINDOW (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->recovery_id, g_free);
  g_clear_pointer (&self->zoom, g_free);

  G_OBJECT_CLASS (ikou_window_parent_class)->finalize (object);
}

static void
ikou_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IkouWindow *self = IKOU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPARING:
      g_value_set_boolean (value, self->document != NULL &&
                                  ikou_document_get_comparing (self->document));
      break;
    case PROP_ZOOM:
      g_value_set_string (value, self->zoom);
      break;
    case PROP_SHOW_FINDINGS:
      g_value_set_boolean (value, self->show_findings);
      break;
    case PROP_SHOW_EDITOR:
      g_value_set_boolean (value, self->show_editor);
      break;
    case PROP_ERA_LABELS:
      g_value_set_boolean (value, self->era_labels);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IkouWindow *self = IKOU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPARING:
      if (self->document != NULL)
        ikou_document_set_compare (self->document, g_value_get_boolean (value),
                                   ikou_document_get_compare_scenario (self->document));
      break;
    case PROP_ZOOM:
      _ikou_window_set_zoom (self, g_value_get_string (value));
      break;
    case PROP_SHOW_FINDINGS:
      set_show_findings (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_EDITOR:
      set_show_editor (self, g_value_get_boolean (value));
      break;
    case PROP_ERA_LABELS:
      set_era_labels (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_window_class_init (IkouWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ikou_window_dispose;
  object_class->finalize = ikou_window_finalize;
  object_class->get_property = ikou_window_get_property;
  object_class->set_property = ikou_window_set_property;

  widget_class->map = ikou_window_map;
  widget_class->unmap = ikou_window_unmap;
  window_class->close_request = ikou_window_close_request;

  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE, rw);
  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL, "quarter", rw);
  properties[PROP_SHOW_FINDINGS] =
    g_param_spec_boolean ("show-findings", NULL, NULL, FALSE, rw);
  properties[PROP_SHOW_EDITOR] =
    g_param_spec_boolean ("show-editor", NULL, NULL, FALSE, rw);
  properties[PROP_ERA_LABELS] =
    g_param_spec_boolean ("era-labels", NULL, NULL, TRUE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  _ikou_window_class_costs_init (klass);

  g_type_ensure (IKOU_TYPE_FINDINGS_PANEL);
  g_type_ensure (IKOU_TYPE_DIFFERENCES_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/ikou/Ikou/ikou-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, start_recent_box);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_error_icon);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_error_label);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_warning_icon);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_warning_label);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, today_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, editor_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, list_spacer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, systems_view);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, timeline_scroller);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, editor_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, scenario_box);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, compare_menu);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, differences_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, cost_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, cost_panel);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, catch_up_revealer);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, catch_up_label);
  gtk_widget_class_bind_template_child (widget_class, IkouWindow, differences_panel);

  _ikou_window_class_actions_init (klass);
  _ikou_window_class_catch_up_init (klass);
  _ikou_window_class_shared_init (klass);
  _ikou_window_class_selection_init (klass);
}

static void
ikou_window_init (IkouWindow *self)
{
  /* Before the template: its buttons read the property actions' state. */
  self->zoom = g_strdup ("quarter");
  self->era_labels = TRUE;
  self->cells = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_list (self);

  self->timeline = ikou_timeline_new ();
  gtk_widget_set_hexpand (self->timeline, TRUE);
  gtk_widget_set_vexpand (self->timeline, TRUE);
  gtk_scrolled_window_set_child (self->timeline_scroller, self->timeline);
  /* After the scrolled window has given the timeline its own adjustments:
   * the vertical one is the list's, so both scroll as one. */
  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (self->timeline),
                                  gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->systems_view)));
  ikou_timeline_set_selection (IKOU_TIMELINE (self->timeline), self->selection);
  ikou_timeline_set_row_height (IKOU_TIMELINE (self->timeline), IKOU_WINDOW_ROW_HEIGHT);
  g_signal_connect_object (self->timeline, "step-edited", G_CALLBACK (step_edited_cb), self, 0);

  g_signal_connect_object (self->timeline, "notify::header-height",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  _ikou_window_costs_init (self);

  self->system_editor = ikou_system_editor_new ();
  gtk_scrolled_window_set_child (self->editor_scroller, self->system_editor);
  ikou_system_editor_set_era_labels (IKOU_SYSTEM_EDITOR (self->system_editor), self->era_labels);

  self->standing_button = ikou_standing_button_new ();
  adw_header_bar_pack_start (self->header_bar, self->standing_button);
  _ikou_window_selection_init (self);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->systems_view, "activate",
                           G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "finding-activated",
                           G_CALLBACK (finding_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->differences_panel, "system-activated",
                           G_CALLBACK (difference_activated_cb), self, G_CONNECT_SWAPPED);
  self->scenario_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (self->scenario_names));
  g_signal_connect_object (self->scenario_dropdown, "notify::selected",
                           G_CALLBACK (scenario_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->systems_view));

  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);

  self->autosave_periodic_id = g_timeout_add_seconds (AUTOSAVE_PERIOD_S, autosave_periodic_cb, self);
  _ikou_window_shared_init (self);

  _ikou_window_keys_init (self);
  _ikou_window_view_init (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

IkouWindow *
ikou_window_new (GtkApplication *application,
                 IkouContext    *context)
{
  IkouWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (IKOU_IS_CONTEXT (context), NULL);

  self = g_object_new (IKOU_TYPE_WINDOW, "application", application, NULL);
  ikou_window_attach_context (self, context);
  return self;
}
