/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-findings-panel.h"
#include "ikou-gui-util.h"

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

/* The list model: the findings grouped by system, in plan order, shown
 * severity by severity (errors first), in plan order within a severity.
 *
 * Each system is a slot holding that system's findings array (a
 * reference: the owner replaces a system's array, never changes it).  Per
 * severity, a Fenwick tree over the slots counts the findings of that
 * severity, so that a system's rows of a severity start at
 *   (rows of the visible severities before it) + (prefix of the tree)
 * and the row at a position is found by descending the tree: O(log n)
 * each.  Replacing one system's findings therefore costs O(log n) plus
 * its own findings, and emits ::items-changed for its rows only; a whole
 * replacement costs O(n) and emits one ::items-changed. */
#define IKOU_TYPE_FINDING_LIST (ikou_finding_list_get_type ())
G_DECLARE_FINAL_TYPE (IkouFindingList, ikou_finding_list, IKOU, FINDING_LIST, GObject)

typedef struct
{
  /* Where the rows of each severity are read from.  The three are the
   * same array (one reference each) except in the middle of an update,
   * which moves them to the new array one severity at a time so that the
   * model is consistent at each ::items-changed it emits. */
  GPtrArray *src[IKOU_N_SEVERITIES];
} Slot;

struct _IkouFindingList
{
  GObject    parent_instance;
  GArray    *slots;                      /* Slot, in plan order */
  guint     *tree[IKOU_N_SEVERITIES];    /* Fenwick trees, 1-based, slots->len + 1 */
  guint      top;                        /* the highest power of two <= slots->len */
  gboolean   visible[IKOU_N_SEVERITIES];
  guint      counts[IKOU_N_SEVERITIES];
  GPtrArray *borrowed;                   /* the flat array whose findings the slots point to, or NULL */
};

static guint
count_severity (GPtrArray *findings,
                guint      severity)
{
  guint n = 0;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if ((guint) ((const IkouFinding *) g_ptr_array_index (findings, i))->severity == severity)
      n++;

  return n;
}

/* The @k-th (0-based) finding of @severity in @findings. */
static IkouFinding *
nth_of_severity (GPtrArray *findings,
                 guint      severity,
                 guint      k)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      IkouFinding *finding = g_ptr_array_index (findings, i);

      if ((guint) finding->severity == severity && k-- == 0)
        return finding;
    }

  return NULL;
}

static gboolean
same_finding (const IkouFinding *a,
              const IkouFinding *b)
{
  return g_strcmp0 (a->rule, b->rule) == 0 && a->severity == b->severity &&
         a->system_id == b->system_id && a->step == b->step && a->milestone == b->milestone &&
         a->date == b->date && a->deadline == b->deadline &&
         g_strcmp0 (a->system_name, b->system_name) == 0 && g_strcmp0 (a->detail, b->detail) == 0;
}

/* Whether the rows of @severity read from @a and @b look the same. */
static gboolean
same_rows (GPtrArray *a,
           GPtrArray *b,
           guint      severity)
{
  guint ia = 0, ib = 0;

  if (a == b)
    return TRUE;

  for (;;)
    {
      const IkouFinding *fa = NULL, *fb = NULL;

      while (a != NULL && ia < a->len && fa == NULL)
        {
          const IkouFinding *f = g_ptr_array_index (a, ia++);

          if ((guint) f->severity == severity)
            fa = f;
        }
      while (b != NULL && ib < b->len && fb == NULL)
        {
          const IkouFinding *f = g_ptr_array_index (b, ib++);

          if ((guint) f->severity == severity)
            fb = f;
        }
      if (fa == NULL || fb == NULL)
        return fa == fb;
      if (!same_finding (fa, fb))
        return FALSE;
    }
}

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    g_clear_pointer (&slot->src[s], g_ptr_array_unref);
}

static void
tree_add (guint *tree,
          guint  n,
          guint  slot,
          int    delta)
{
  for (guint i = slot + 1; i <= n; i += i & (~i + 1))
    tree[i] += delta;
}

/* The findings in the slots before @slot. */
static guint
tree_prefix (const guint *tree,
             guint        slot)
{
  guint sum = 0;

  for (guint i = slot; i > 0; i -= i & (~i + 1))
    sum += tree[i];

  return sum;
}

/* The slot holding the @k-th finding (0-based), and in *@rest its index
 * among that slot's.  @k must be below the total. */
static guint
tree_find (const guint *tree,
           guint        n,
           guint        top,
           guint        k,
           guint       *rest)
{
  guint pos = 0;

  for (guint step = top; step > 0; step >>= 1)
    {
      if (pos + step <= n && tree[pos + step] <= k)
        {
          pos += step;
          k -= tree[pos];
        }
    }

  *rest = k;
  return pos;
}

static guint
section_start (IkouFindingList *self,
               guint            severity)
{
  guint start = 0;

  for (guint s = 0; s < severity; s++)
    if (self->visible[s])
      start += self->counts[s];

  return start;
}

static guint
n_visible (IkouFindingList *self)
{
  return section_start (self, IKOU_N_SEVERITIES);
}

static IkouFinding *
ikou_finding_list_lookup (IkouFindingList *self,
                          guint            position)
{
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      guint slot, rest;

      if (!self->visible[s])
        continue;
      if (position >= self->counts[s])
        {
          position -= self->counts[s];
          continue;
        }

      slot = tree_find (self->tree[s], self->slots->len, self->top, position, &rest);
      g_return_val_if_fail (slot < self->slots->len, NULL);
      return nth_of_severity (g_array_index (self->slots, Slot, slot).src[s], s, rest);
    }

  return NULL;
}

static GType
ikou_finding_list_get_item_type (GListModel *model)
{
  return IKOU_TYPE_FINDING_ROW;
}

static guint
ikou_finding_list_get_n_items (GListModel *model)
{
  return n_visible (IKOU_FINDING_LIST (model));
}

static gpointer
ikou_finding_list_get_item (GListModel *model,
                            guint       position)
{
  IkouFinding *finding = ikou_finding_list_lookup (IKOU_FINDING_LIST (model), position);
  IkouFindingRow *row;

  if (finding == NULL)
    return NULL;

  row = g_object_new (IKOU_TYPE_FINDING_ROW, NULL);
  row->finding = ikou_finding_copy (finding);
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

  g_clear_pointer (&self->slots, g_array_unref);
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    g_clear_pointer (&self->tree[s], g_free);
  g_clear_pointer (&self->borrowed, g_ptr_array_unref);

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
  self->slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_array_set_clear_func (self->slots, slot_clear);
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      self->visible[s] = TRUE;
      self->tree[s] = g_new0 (guint, 1);
    }
}

/* Replaces every slot: @per_system holds one GPtrArray (or NULL) per
 * system, in plan order.  One ::items-changed for the whole list. */
static void
ikou_finding_list_set_all (IkouFindingList *self,
                           GPtrArray       *per_system,
                           GPtrArray       *borrowed)
{
  guint old_len = n_visible (self);
  guint n = per_system != NULL ? per_system->len : 0;
  GPtrArray *old_borrowed = g_steal_pointer (&self->borrowed);

  g_array_set_size (self->slots, 0);
  g_array_set_size (self->slots, n);
  self->borrowed = borrowed != NULL ? g_ptr_array_ref (borrowed) : NULL;
  self->top = 1;
  while (self->top * 2 <= n)
    self->top *= 2;

  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      guint *tree;

      g_free (self->tree[s]);
      tree = self->tree[s] = g_new0 (guint, n + 1);

      for (guint i = 0; i < n; i++)
        {
          GPtrArray *findings = g_ptr_array_index (per_system, i);

          if (findings != NULL && findings->len > 0)
            {
              g_array_index (self->slots, Slot, i).src[s] = g_ptr_array_ref (findings);
              tree[i + 1] = count_severity (findings, s);
            }
        }

      /* Linear construction: each node passes its sum to its parent. */
      for (guint i = 1; i <= n; i++)
        {
          guint parent = i + (i & (~i + 1));

          if (parent <= n)
            tree[parent] += tree[i];
        }
      self->counts[s] = tree_prefix (tree, n);
    }

  g_clear_pointer (&old_borrowed, g_ptr_array_unref);

  if (old_len != 0 || n_visible (self) != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, n_visible (self));
}

/* Replaces the findings of the system in slot @position, one severity at
 * a time; rows whose content did not change are not reported. */
static void
ikou_finding_list_set_slot (IkouFindingList *self,
                            guint            position,
                            GPtrArray       *findings)
{
  Slot *slot = &g_array_index (self->slots, Slot, position);

  if (findings != NULL && findings->len == 0)
    findings = NULL;

  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      g_autoptr(GPtrArray) old = g_steal_pointer (&slot->src[s]);
      guint n_old = count_severity (old, s);
      guint n_new = count_severity (findings, s);
      gboolean same = n_old == n_new && same_rows (old, findings, s);

      slot->src[s] = findings != NULL ? g_ptr_array_ref (findings) : NULL;
      if (n_old == n_new && same)
        continue;

      if (n_old != n_new)
        {
          tree_add (self->tree[s], self->slots->len, position, (int) n_new - (int) n_old);
          self->counts[s] = self->counts[s] - n_old + n_new;
        }
      if (self->visible[s])
        g_list_model_items_changed (G_LIST_MODEL (self),
                                    section_start (self, s) + tree_prefix (self->tree[s], position),
                                    n_old, n_new);
    }
}

static void
ikou_finding_list_set_visible (IkouFindingList *self,
                               guint            severity,
                               gboolean         visible)
{
  guint start;

  if (self->visible[severity] == visible)
    return;

  start = section_start (self, severity);
  self->visible[severity] = visible;
  if (self->counts[severity] > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start,
                                visible ? 0 : self->counts[severity],
                                visible ? self->counts[severity] : 0);
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

/* The system and message cells show their whole text as a tooltip,
 * computed when asked: gtk_widget_set_tooltip_text() in bind asks the X
 * server where the pointer is (a round trip) for every row bound. */
static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip,
                  GtkListItem *item)
{
  IkouFindingRow *row = gtk_list_item_get_item (item);
  const char *text;

  if (row == NULL)
    return FALSE;

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ikou-column")) == PANEL_COLUMN_SYSTEM)
    text = row->finding->system_name;
  else
    text = ikou_finding_get_message (row->finding);

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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
  gtk_inscription_set_attributes (GTK_INSCRIPTION (text), ikou_japanese_text_attributes ());
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

  if (column == PANEL_COLUMN_SYSTEM || column == PANEL_COLUMN_MESSAGE)
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
          gtk_widget_remove_css_class (child, ikou_severity_css_class (i));
        gtk_widget_add_css_class (child, ikou_severity_css_class (finding->severity));
        gtk_image_set_from_icon_name (GTK_IMAGE (image),
                                      ikou_severity_icon_name (finding->severity));
        gtk_inscription_set_text (GTK_INSCRIPTION (text),
                                  ikou_severity_label (finding->severity));
      }
      break;

    case PANEL_COLUMN_RULE:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), finding->rule);
      break;

    case PANEL_COLUMN_SYSTEM:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), finding->system_name);
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
                                    n_visible (self->list) > 0 ? "list" : "empty");
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
  g_return_if_fail (position < self->list->slots->len);

  ikou_finding_list_set_slot (self->list, position, findings);
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

  return ikou_finding_list_lookup (self->list, position);
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
