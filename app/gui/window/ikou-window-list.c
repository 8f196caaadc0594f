/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-gui-util.h"
#include "ikou-plan-rows.h"
#include "ikou-system-cell.h"
#include "ikou-timeline.h"
#include "ikou-window-private.h"

/* The systems list: its columns and cells (IkouSystemCell), sorting by
 * column, the search, and the row refreshes that keep the sorted and
 * filtered rows in step with edits. */

/* The finding summary per system id: the worst severity in the top
 * bits, the number of findings below. */
#define SUMMARY_PACK(severity, count) ((((guint) (severity)) << 24) | ((count) & 0xffffff))
#define SUMMARY_SEVERITY(packed)     ((IkouSeverity) ((packed) >> 24))
#define SUMMARY_COUNT(packed)        ((packed) & 0xffffff)

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

/* The list's cells.  Each cell follows its system (::changed) while it is
 * bound; findings and hosts changes update the cells that exist, which
 * are about as many as the rows in view. */

static void
cell_update (IkouSystemCell *cell,
             gpointer        user_data)
{
  IkouWindow *self = user_data;
  IkouSystem *system = ikou_system_cell_get_system (cell);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (system == NULL || self->plan == NULL)
    {
      ikou_text_cell_set_text (IKOU_TEXT_CELL (cell), NULL);
      return;
    }

  switch ((IkouColumn) ikou_system_cell_get_kind (cell))
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

        if (summary == 0)
          {
            ikou_system_cell_set_severity (cell, -1);
          }
        else
          {
            IkouSeverity severity = SUMMARY_SEVERITY (summary);
            guint count = SUMMARY_COUNT (summary);

            ikou_system_cell_set_severity (cell, severity);
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

  ikou_text_cell_set_text (IKOU_TEXT_CELL (cell), text);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               IkouWindow               *self)
{
  IkouColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ikou-column"));
  GtkWidget *cell;

  /* The name and the hosts are the texts long enough to be cut. */
  cell = ikou_system_cell_new (column, column == IKOU_COLUMN_NAME || column == IKOU_COLUMN_HOSTS,
                               cell_update, self);
  if (column == IKOU_COLUMN_NEXT_MILESTONE)
    ikou_system_cell_set_numeric (IKOU_SYSTEM_CELL (cell));
  gtk_list_item_set_child (item, cell);
  /* Held by the list of cells until the item is torn down, which may be
   * after the item let go of it. */
  g_object_set_data (G_OBJECT (item), "ikou-cell", cell);
  g_ptr_array_add (self->cells, g_object_ref (cell));
}

static void
teardown_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  IkouWindow               *self)
{
  gpointer cell = g_object_steal_data (G_OBJECT (item), "ikou-cell");

  if (cell != NULL && self->cells != NULL)
    g_ptr_array_remove_fast (self->cells, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IkouWindow               *self)
{
  ikou_system_cell_set_system (IKOU_SYSTEM_CELL (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                IkouWindow               *self)
{
  ikou_system_cell_set_system (IKOU_SYSTEM_CELL (gtk_list_item_get_child (item)), NULL);
}

void
_ikou_window_list_update_cells (IkouWindow *self,
                                gboolean    findings_only)
{
  if (self->cells == NULL)
    return;

  for (guint i = 0; i < self->cells->len; i++)
    {
      IkouSystemCell *cell = g_ptr_array_index (self->cells, i);

      if (findings_only && ikou_system_cell_get_kind (cell) != IKOU_COLUMN_FINDINGS)
        continue;
      ikou_system_cell_update (cell);
    }
}

void
_ikou_window_list_update_findings (IkouWindow *self,
                                   IkouSystem *system)
{
  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    {
      IkouSystemCell *cell = g_ptr_array_index (self->cells, i);

      if (ikou_system_cell_get_system (cell) == system &&
          ikou_system_cell_get_kind (cell) == IKOU_COLUMN_FINDINGS)
        ikou_system_cell_update (cell);
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

void
_ikou_window_list_init (IkouWindow *self)
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

static void
list_activate_cb (IkouWindow    *self,
                  guint          position,
                  GtkColumnView *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  g_object_set (self, "show-editor", TRUE, NULL);
}

void
_ikou_window_class_list_init (IkouWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
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

static void refresh_rows (IkouWindow *self);

void
_ikou_window_list_queue_pass (IkouWindow *self)
{
  /* Before GTK's layout and paint (GDK_PRIORITY_REDRAW), after the
   * document's re-checks (queued at the same priority, earlier). */
  ikou_idle_once (&self->rows_idle_id, G_PRIORITY_HIGH_IDLE + 10,
                  (GSourceOnceFunc) refresh_rows, self);
}

/* The list re-sorts and re-filters @system_id's row in the next pass. */
void
_ikou_window_list_queue_refresh (IkouWindow *self,
                                 guint       system_id)
{
  if (self->pending_rows == NULL)
    self->pending_rows = g_hash_table_new (NULL, NULL);
  g_hash_table_add (self->pending_rows, GUINT_TO_POINTER (system_id));
  _ikou_window_list_queue_pass (self);
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
void
_ikou_window_flush_checks (IkouWindow *self)
{
  if (self->document != NULL)
    ikou_document_flush (self->document);
  if (self->rows_idle_id != 0)
    {
      g_clear_handle_id (&self->rows_idle_id, g_source_remove);
      refresh_rows (self);
    }
  /* The flat copy, valid until the next change. */
  if (self->findings == NULL && self->document != NULL)
    self->findings = ikou_document_copy_findings (self->document);
}

/* Every system was re-checked: the findings cells show the new findings,
 * and the rows still waiting for a refresh (a kept system's too) get
 * their pass. */
void
_ikou_window_list_findings_reset (IkouWindow *self)
{
  _ikou_window_list_update_cells (self, TRUE);

  if (self->kept_system != NULL)
    {
      guint position;

      if (system_position (self, ikou_system_get_id (self->kept_system), &position))
        _ikou_window_list_queue_refresh (self, ikou_system_get_id (self->kept_system));
      else
        g_clear_object (&self->kept_system);
    }
  if (self->pending_rows != NULL)
    _ikou_window_list_queue_pass (self);
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
