/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-finding-list.h"
#include "ikou-finding-row.h"
#include "ikou-gui-util.h"

/* Each system is a slot holding that system's findings array (a
 * reference: the owner replaces a system's array, never changes it).  Per
 * severity, a Fenwick tree over the slots counts the findings of that
 * severity, so that a system's rows of a severity start at
 *   (rows of the visible severities before it) + (prefix of the tree)
 * and the row at a position is found by descending the tree: O(log n)
 * each.  Replacing one system's findings therefore costs O(log n) plus
 * its own findings, and emits ::items-changed for its rows only; a whole
 * replacement costs O(n) and emits one ::items-changed. */

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
  GObject     parent_instance;
  GArray     *slots;                      /* Slot, in plan order */
  guint      *tree[IKOU_N_SEVERITIES];    /* Fenwick trees of rows, 1-based, slots->len + 1 */
  guint       top;                        /* the highest power of two <= slots->len */
  gboolean    visible[IKOU_N_SEVERITIES];
  guint       counts[IKOU_N_SEVERITIES];  /* findings */
  guint       rows[IKOU_N_SEVERITIES];    /* rows: findings, or groups and what is expanded */
  GPtrArray  *borrowed;                   /* the flat array whose findings the slots point to, or NULL */
  guint       group_min;                  /* 0: no groups */
  GHashTable *expanded;                   /* system ids whose groups are open */
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

/* The system @findings belong to (all of them belong to one). */
static guint
system_of (GPtrArray *findings)
{
  return findings != NULL && findings->len > 0
         ? ((const IkouFinding *) g_ptr_array_index (findings, 0))->system_id : 0;
}

/* Whether @n findings of one system and severity show as a group. */
static gboolean
is_group (IkouFindingList *self,
          guint            n)
{
  return self->group_min > 0 && n >= self->group_min;
}

static gboolean
is_expanded (IkouFindingList *self,
             GPtrArray       *findings)
{
  return g_hash_table_contains (self->expanded, GUINT_TO_POINTER (system_of (findings)));
}

/* The rows @n findings of @severity in @findings take: themselves, or a
 * group row (and, open, the findings under it). */
static guint
rows_for (IkouFindingList *self,
          GPtrArray       *findings,
          guint            n)
{
  if (!is_group (self, n))
    return n;
  return is_expanded (self, findings) ? n + 1 : 1;
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
      start += self->rows[s];

  return start;
}

static guint
n_visible (IkouFindingList *self)
{
  return section_start (self, IKOU_N_SEVERITIES);
}

/* Where the row at @position comes from: its severity, its slot and the
 * slot's findings (how many of that severity), and whether it is a group
 * row; NULL past the end.  *@index is the finding's among the slot's. */
typedef struct
{
  guint    severity;
  guint    slot;
  guint    n;
  gboolean group_row;
  guint    index;
} Place;

static GPtrArray *
locate (IkouFindingList *self,
        guint            position,
        Place           *place)
{
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      GPtrArray *findings;
      guint slot, rest, n;

      if (!self->visible[s])
        continue;
      if (position >= self->rows[s])
        {
          position -= self->rows[s];
          continue;
        }

      slot = tree_find (self->tree[s], self->slots->len, self->top, position, &rest);
      g_return_val_if_fail (slot < self->slots->len, NULL);
      findings = g_array_index (self->slots, Slot, slot).src[s];
      n = count_severity (findings, s);
      place->severity = s;
      place->slot = slot;
      place->n = n;
      place->group_row = is_group (self, n) && rest == 0;
      place->index = is_group (self, n) && rest > 0 ? rest - 1 : rest;
      return findings;
    }

  return NULL;
}

IkouFinding *
ikou_finding_list_lookup (IkouFindingList *self,
                          guint            position)
{
  GPtrArray *findings;
  Place place;

  g_return_val_if_fail (IKOU_IS_FINDING_LIST (self), NULL);

  findings = locate (self, position, &place);
  return findings != NULL ? nth_of_severity (findings, place.severity, place.index) : NULL;
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
  IkouFindingList *self = IKOU_FINDING_LIST (model);
  GPtrArray *findings;
  Place place;

  findings = locate (self, position, &place);
  if (findings == NULL)
    return NULL;
  if (place.group_row)
    return ikou_finding_row_new_group (nth_of_severity (findings, place.severity, 0), place.n,
                                       is_expanded (self, findings));
  {
    IkouFindingRow *row = ikou_finding_row_new (nth_of_severity (findings, place.severity,
                                                                 place.index));

    ikou_finding_row_set_in_group (row, is_group (self, place.n));
    return row;
  }
}

IKOU_DEFINE_FINAL_LIST_MODEL (IkouFindingList, ikou_finding_list, G_TYPE_OBJECT, IKOU_TYPE_FINDING_ROW)

static void
ikou_finding_list_finalize (GObject *object)
{
  IkouFindingList *self = IKOU_FINDING_LIST (object);

  g_clear_pointer (&self->slots, g_array_unref);
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    g_clear_pointer (&self->tree[s], g_free);
  g_clear_pointer (&self->borrowed, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

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
  self->expanded = g_hash_table_new (NULL, NULL);
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      self->visible[s] = TRUE;
      self->tree[s] = g_new0 (guint, 1);
    }
}

void
ikou_finding_list_set_all (IkouFindingList *self,
                           GPtrArray       *per_system,
                           GPtrArray       *borrowed)
{
  guint old_len;
  guint n;
  GPtrArray *old_borrowed;

  g_return_if_fail (IKOU_IS_FINDING_LIST (self));

  old_len = n_visible (self);
  n = per_system != NULL ? per_system->len : 0;
  old_borrowed = g_steal_pointer (&self->borrowed);

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
      self->counts[s] = 0;

      for (guint i = 0; i < n; i++)
        {
          GPtrArray *findings = g_ptr_array_index (per_system, i);

          if (findings != NULL && findings->len > 0)
            {
              guint k = count_severity (findings, s);

              g_array_index (self->slots, Slot, i).src[s] = g_ptr_array_ref (findings);
              tree[i + 1] = rows_for (self, findings, k);
              self->counts[s] += k;
            }
        }

      /* Linear construction: each node passes its sum to its parent. */
      for (guint i = 1; i <= n; i++)
        {
          guint parent = i + (i & (~i + 1));

          if (parent <= n)
            tree[parent] += tree[i];
        }
      self->rows[s] = tree_prefix (tree, n);
    }

  g_clear_pointer (&old_borrowed, g_ptr_array_unref);

  if (old_len != 0 || n_visible (self) != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, n_visible (self));
}

void
ikou_finding_list_set_slot (IkouFindingList *self,
                            guint            position,
                            GPtrArray       *findings)
{
  Slot *slot;

  g_return_if_fail (IKOU_IS_FINDING_LIST (self));
  g_return_if_fail (position < self->slots->len);

  slot = &g_array_index (self->slots, Slot, position);
  if (findings != NULL && findings->len == 0)
    findings = NULL;

  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      g_autoptr(GPtrArray) old = g_steal_pointer (&slot->src[s]);
      guint n_old = count_severity (old, s);
      guint n_new = count_severity (findings, s);
      guint rows_old = rows_for (self, old, n_old);
      guint rows_new = rows_for (self, findings, n_new);
      gboolean same = n_old == n_new && same_rows (old, findings, s);

      slot->src[s] = findings != NULL ? g_ptr_array_ref (findings) : NULL;
      if (n_old == n_new && same)
        continue;

      self->counts[s] = self->counts[s] - n_old + n_new;
      if (rows_old != rows_new)
        {
          tree_add (self->tree[s], self->slots->len, position, (int) rows_new - (int) rows_old);
          self->rows[s] = self->rows[s] - rows_old + rows_new;
        }
      if (self->visible[s])
        g_list_model_items_changed (G_LIST_MODEL (self),
                                    section_start (self, s) + tree_prefix (self->tree[s], position),
                                    rows_old, rows_new);
    }
}

guint
ikou_finding_list_get_n_slots (IkouFindingList *self)
{
  g_return_val_if_fail (IKOU_IS_FINDING_LIST (self), 0);

  return self->slots->len;
}

void
ikou_finding_list_set_visible (IkouFindingList *self,
                               IkouSeverity     severity,
                               gboolean         visible)
{
  guint start;

  g_return_if_fail (IKOU_IS_FINDING_LIST (self));
  g_return_if_fail ((guint) severity < IKOU_N_SEVERITIES);

  visible = !!visible;
  if (self->visible[severity] == visible)
    return;

  start = section_start (self, severity);
  self->visible[severity] = visible;
  if (self->rows[severity] > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start,
                                visible ? 0 : self->rows[severity],
                                visible ? self->rows[severity] : 0);
}

gboolean
ikou_finding_list_get_visible (IkouFindingList *self,
                               IkouSeverity     severity)
{
  g_return_val_if_fail (IKOU_IS_FINDING_LIST (self), FALSE);
  g_return_val_if_fail ((guint) severity < IKOU_N_SEVERITIES, FALSE);

  return self->visible[severity];
}

guint
ikou_finding_list_get_count (IkouFindingList *self,
                             IkouSeverity     severity)
{
  g_return_val_if_fail (IKOU_IS_FINDING_LIST (self), 0);
  g_return_val_if_fail ((guint) severity < IKOU_N_SEVERITIES, 0);

  return self->counts[severity];
}

void
ikou_finding_list_set_group_min (IkouFindingList *self,
                                 guint            group_min)
{
  g_return_if_fail (IKOU_IS_FINDING_LIST (self));
  g_return_if_fail (group_min != 1);

  if (self->group_min == group_min)
    return;
  self->group_min = group_min;

  /* Every slot's rows again, as set_all() counts them. */
  {
    g_autoptr(GPtrArray) per_system = g_ptr_array_new ();
    g_autoptr(GPtrArray) borrowed = self->borrowed ? g_ptr_array_ref (self->borrowed) : NULL;

    for (guint i = 0; i < self->slots->len; i++)
      {
        Slot *slot = &g_array_index (self->slots, Slot, i);
        GPtrArray *findings = NULL;

        for (guint s = 0; s < IKOU_N_SEVERITIES && findings == NULL; s++)
          findings = slot->src[s];
        g_ptr_array_add (per_system, findings);
      }
    ikou_finding_list_set_all (self, per_system, borrowed);
  }
}

gboolean
ikou_finding_list_is_group (IkouFindingList *self,
                            guint            position)
{
  Place place;

  g_return_val_if_fail (IKOU_IS_FINDING_LIST (self), FALSE);

  return locate (self, position, &place) != NULL && place.group_row;
}

gboolean
ikou_finding_list_toggle_group (IkouFindingList *self,
                                guint            position)
{
  GPtrArray *findings;
  Place place;
  guint system;
  gboolean open;

  g_return_val_if_fail (IKOU_IS_FINDING_LIST (self), FALSE);

  findings = locate (self, position, &place);
  if (findings == NULL || !place.group_row)
    return FALSE;

  /* Open or not is kept per system, for each of its severities. */
  system = system_of (findings);
  open = !g_hash_table_contains (self->expanded, GUINT_TO_POINTER (system));
  if (open)
    g_hash_table_add (self->expanded, GUINT_TO_POINTER (system));
  else
    g_hash_table_remove (self->expanded, GUINT_TO_POINTER (system));

  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      guint k = count_severity (g_array_index (self->slots, Slot, place.slot).src[s], s);
      guint start;

      if (!is_group (self, k))
        continue;
      tree_add (self->tree[s], self->slots->len, place.slot, open ? (int) k : -(int) k);
      self->rows[s] = open ? self->rows[s] + k : self->rows[s] - k;
      if (!self->visible[s])
        continue;
      start = section_start (self, s) + tree_prefix (self->tree[s], place.slot);
      /* The group row is replaced too, so that its arrow turns. */
      g_list_model_items_changed (G_LIST_MODEL (self), start,
                                  open ? 1 : k + 1, open ? k + 1 : 1);
    }
  return TRUE;
}
