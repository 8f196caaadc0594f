/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-timeline-private.h"

/* IkouTimeline moved about with the keys, as in the list (rows, pages,
 * milestones along a row), and the outline round the focused row. */

/* Keyboard --------------------------------------------------------------- */

typedef enum
{
  NAV_ROW_UP,
  NAV_ROW_DOWN,
  NAV_PAGE_UP,
  NAV_PAGE_DOWN,
  NAV_FIRST_ROW,
  NAV_LAST_ROW,
  NAV_PREVIOUS_MILESTONE,
  NAV_NEXT_MILESTONE,
  NAV_FIRST_MILESTONE,
  NAV_LAST_MILESTONE,
} Navigation;

static const char * const navigation_actions[] = {
  "timeline.row-up", "timeline.row-down", "timeline.page-up", "timeline.page-down",
  "timeline.first-row", "timeline.last-row", "timeline.previous-milestone",
  "timeline.next-milestone", "timeline.first-milestone", "timeline.last-milestone",
};

typedef struct
{
  IkouDay       day;
  int           step;
  IkouMilestone milestone;
} MilestoneRef;

static int
compare_milestone_refs (gconstpointer a,
                        gconstpointer b)
{
  const MilestoneRef *x = a;
  const MilestoneRef *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->step != y->step)
    return x->step - y->step;
  return (int) x->milestone - (int) y->milestone;
}

/* The dated milestones of @system as shown, in date order. */
static GArray *
milestones_in_order (IkouTimeline *self,
                     IkouSystem   *system)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (MilestoneRef));
  guint n = _ikou_timeline_n_steps_of (self, system);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IkouStep) step = _ikou_timeline_dup_step (self, system, i);

      for (guint m = 0; m < IKOU_N_MILESTONES; m++)
        {
          MilestoneRef ref = { ikou_step_get_milestone (step, m), (int) i, m };

          if (ref.day != IKOU_DAY_NONE)
            g_array_append_val (refs, ref);
        }
    }
  g_array_sort (refs, compare_milestone_refs);
  return refs;
}

static void
navigate (IkouTimeline *self,
          Navigation    where)
{
  guint n_rows = ikou_renderer_get_n_rows (self->renderer);
  guint row = self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                      : GTK_INVALID_LIST_POSITION;
  guint first_in_view, n_in_view;
  IkouSystem *system;
  g_autoptr(GArray) refs = NULL;
  int found = -1;

  if (self->selection == NULL || n_rows == 0 || self->drag.kind != DRAG_NONE)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  _ikou_timeline_rows_in_view (self, &first_in_view, &n_in_view);

  if (where <= NAV_LAST_ROW)
    {
      guint target;

      if (row == GTK_INVALID_LIST_POSITION)
        target = where == NAV_LAST_ROW ? n_rows - 1
               : where == NAV_FIRST_ROW ? 0
               : MIN (first_in_view, n_rows - 1);
      else
        switch (where)
          {
          case NAV_ROW_UP:
            target = row > 0 ? row - 1 : 0;
            break;
          case NAV_ROW_DOWN:
            target = MIN (row + 1, n_rows - 1);
            break;
          case NAV_PAGE_UP:
            target = row > n_in_view ? row - n_in_view : 0;
            break;
          case NAV_PAGE_DOWN:
            target = MIN (row + n_in_view, n_rows - 1);
            break;
          case NAV_FIRST_ROW:
            target = 0;
            break;
          case NAV_LAST_ROW:
          default:
            target = n_rows - 1;
            break;
          }
      if (target != row)
        {
          self->sel_step = -1;
          gtk_single_selection_set_selected (self->selection, target);
        }
      _ikou_timeline_scroll_to_row (self, target);
      _ikou_timeline_redraw (self);
      return;
    }

  /* Milestones along the selected row (the first row in view when none). */
  if (row == GTK_INVALID_LIST_POSITION)
    {
      row = MIN (first_in_view, n_rows - 1);
      gtk_single_selection_set_selected (self->selection, row);
    }
  system = _ikou_timeline_selected_system (self);
  refs = system != NULL ? milestones_in_order (self, system) : NULL;
  if (refs == NULL || refs->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  for (guint i = 0; i < refs->len && self->sel_step >= 0; i++)
    {
      const MilestoneRef *ref = &g_array_index (refs, MilestoneRef, i);

      if (ref->step == self->sel_step && ref->milestone == self->sel_milestone)
        found = (int) i;
    }
  switch (where)
    {
    case NAV_PREVIOUS_MILESTONE:
      found = found < 0 ? (int) refs->len - 1 : MAX (found - 1, 0);
      break;
    case NAV_NEXT_MILESTONE:
      found = found < 0 ? 0 : MIN (found + 1, (int) refs->len - 1);
      break;
    case NAV_FIRST_MILESTONE:
      found = 0;
      break;
    case NAV_LAST_MILESTONE:
    default:
      found = (int) refs->len - 1;
      break;
    }
  {
    const MilestoneRef *ref = &g_array_index (refs, MilestoneRef, found);

    ikou_timeline_select_milestone (self, row, ref->step, ref->milestone);
    ikou_timeline_scroll_to_day (self, ref->day);
  }
  _ikou_timeline_scroll_to_row (self, row);
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (navigation_actions); i++)
    if (g_str_equal (action_name, navigation_actions[i]))
      navigate (IKOU_TIMELINE (widget), i);
}

/* The focused row: an outline over the selection's tint, so the row the
 * keys act on shows even where the tint is faint. */
void
_ikou_timeline_snapshot_focus (IkouTimeline *self,
                               GtkSnapshot  *snapshot,
                               int           width,
                               int           height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint row = self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                      : GTK_INVALID_LIST_POSITION;
  double header = ikou_renderer_get_header_height (self->renderer);
  double rh = ikou_renderer_get_row_height (self->renderer);
  GdkRGBA color = { 0.21, 0.52, 0.89, 1 };
  double y;
  GskRoundedRect outline;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4];

  if (!gtk_widget_has_visible_focus (widget) || row == GTK_INVALID_LIST_POSITION)
    return;
  y = header + row * rh - _ikou_timeline_scroll_y (self);
  if (y + rh <= header || y >= height)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  for (guint i = 0; i < 4; i++)
    colors[i] = color;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, header, width, MAX (0, height - header)));
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, y + 1, MAX (0, width - 2), rh - 2), 3);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
  gtk_snapshot_pop (snapshot);
}

/* Every key of the timeline, in one table, by key: moving about as in the
 * list (a row up or down, a page; along the row the previous or next
 * milestone with ←/→, the first or last with Home/End; the first or last
 * system with Ctrl+Home/End), the keys of a drag (ikou-timeline-drag.c:
 * Alt+←/→ move the milestone in focus a day, Esc ends a drag) and the
 * zoom (ikou-timeline-scroll.c).  Each key with its twin on the keypad. */
static const struct
{
  guint           key;
  guint           keypad_key;  /* 0: none */
  GdkModifierType mods;
  const char     *action;
} timeline_keys[] = {
  { GDK_KEY_Up, GDK_KEY_KP_Up, 0, "timeline.row-up" },
  { GDK_KEY_Down, GDK_KEY_KP_Down, 0, "timeline.row-down" },
  { GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 0, "timeline.page-up" },
  { GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 0, "timeline.page-down" },
  { GDK_KEY_Left, GDK_KEY_KP_Left, 0, "timeline.previous-milestone" },
  { GDK_KEY_Right, GDK_KEY_KP_Right, 0, "timeline.next-milestone" },
  { GDK_KEY_Left, GDK_KEY_KP_Left, GDK_ALT_MASK, "timeline.move-earlier" },
  { GDK_KEY_Right, GDK_KEY_KP_Right, GDK_ALT_MASK, "timeline.move-later" },
  { GDK_KEY_Home, GDK_KEY_KP_Home, 0, "timeline.first-milestone" },
  { GDK_KEY_End, GDK_KEY_KP_End, 0, "timeline.last-milestone" },
  { GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK, "timeline.first-row" },
  { GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK, "timeline.last-row" },
  { GDK_KEY_plus, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in" },
  { GDK_KEY_minus, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out" },
  { GDK_KEY_Escape, 0, 0, "timeline.cancel-drag" },
};

void
_ikou_timeline_class_init_keys (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (navigation_actions); i++)
    gtk_widget_class_install_action (widget_class, navigation_actions[i], NULL, navigate_action);

  for (guint i = 0; i < G_N_ELEMENTS (timeline_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, timeline_keys[i].key,
                                           timeline_keys[i].mods, timeline_keys[i].action, NULL);
      if (timeline_keys[i].keypad_key != 0)
        gtk_widget_class_add_binding_action (widget_class, timeline_keys[i].keypad_key,
                                             timeline_keys[i].mods, timeline_keys[i].action,
                                             NULL);
    }
}
