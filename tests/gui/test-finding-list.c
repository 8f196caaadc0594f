/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "ikou-finding.h"
#include "ikou-finding-list.h"
#include "ikou-finding-row.h"

/* IkouFindingList on its own, with no display and no window: only the
 * GObject and GListModel API.  The rows come severity by severity
 * (errors, warnings, infos), in plan order (slot order, then the order
 * within a slot) inside a severity, without the hidden severities.
 *
 * Every test records each ::items-changed and replays it onto a plain
 * GPtrArray of rows fetched from the model at the moment of the signal
 * (as a GtkListView would), so the signals are checked to describe the
 * changes exactly and the model to be consistent at each of them. */

/* ------------------------------------------------------------------ */
/* Findings                                                            */

static const char *const rules[] = {
  IKOU_RULE_DEADLINE_MISSED,
  IKOU_RULE_DEADLINE_AT_RISK,
  IKOU_RULE_HOST_NOT_READY,
  IKOU_RULE_STATUS_OVERDUE,
};

static IkouFinding *
finding_new (IkouSeverity severity,
             guint        system_id,
             const char  *rule,
             int          step,
             const char  *detail)
{
  IkouFinding *f = g_new0 (IkouFinding, 1);

  f->rule = rule;
  f->severity = severity;
  f->system_id = system_id;
  f->step = step;
  f->milestone = -1;
  f->date = IKOU_DAY_NONE;
  f->deadline = IKOU_DAY_NONE;
  f->system_name = g_strdup_printf ("System %u", system_id);
  f->detail = g_strdup (detail);
  return f;
}

/* Whether two findings read the same (every field a row shows). */
static gboolean
finding_equal (const IkouFinding *a,
               const IkouFinding *b)
{
  return g_strcmp0 (a->rule, b->rule) == 0 && a->severity == b->severity &&
         a->system_id == b->system_id && a->step == b->step &&
         a->milestone == b->milestone && a->date == b->date && a->deadline == b->deadline &&
         g_strcmp0 (a->system_name, b->system_name) == 0 &&
         g_strcmp0 (a->detail, b->detail) == 0;
}

/* Frees a slot of a per-system array: a findings array or NULL. */
static void
slot_unref (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static GPtrArray *
findings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
}

/* A deep copy of @src (NULL gives an empty array). */
static GPtrArray *
findings_copy (GPtrArray *src)
{
  GPtrArray *copy = findings_new ();

  for (guint i = 0; src != NULL && i < src->len; i++)
    g_ptr_array_add (copy, ikou_finding_copy (g_ptr_array_index (src, i)));

  return copy;
}

static guint
findings_count (GPtrArray   *findings,
                IkouSeverity severity)
{
  guint n = 0;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (((const IkouFinding *) g_ptr_array_index (findings, i))->severity == severity)
      n++;

  return n;
}

/* The findings of @severity in @findings, in order (borrowed pointers). */
static GPtrArray *
findings_of (GPtrArray   *findings,
             IkouSeverity severity)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      IkouFinding *f = g_ptr_array_index (findings, i);

      if (f->severity == severity)
        g_ptr_array_add (out, f);
    }

  return out;
}

static gboolean
rows_equal (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!finding_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The recorder: every ::items-changed, and a mirror replaying them     */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  GListModel *model;
  GArray     *changes;  /* Change */
  GPtrArray  *mirror;   /* IkouFindingRow, owned */
  gulong      handler;
} Recorder;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *rec)
{
  Change change = { position, removed, added };

  g_assert_true (model == rec->model);
  g_assert_true (removed > 0 || added > 0);
  g_array_append_val (rec->changes, change);

  /* Replay onto the mirror, fetching the added rows now, as a view would. */
  g_assert_cmpuint (position, <=, rec->mirror->len);
  g_assert_cmpuint (removed, <=, rec->mirror->len - position);
  g_ptr_array_remove_range (rec->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gpointer row = g_list_model_get_item (model, position + i);

      g_assert_nonnull (row);
      g_assert_true (IKOU_IS_FINDING_ROW (row));
      g_ptr_array_insert (rec->mirror, (int) (position + i), row);
    }

  /* The model is consistent at each signal, not only after the last:
   * every row it shows now reads as the mirror's (the rows before the
   * signal with the described change applied). */
  g_assert_cmpuint (rec->mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < rec->mirror->len; i++)
    {
      g_autoptr(IkouFindingRow) row = g_list_model_get_item (model, i);

      g_assert_nonnull (row);
      g_assert_true (finding_equal (ikou_finding_row_get_finding (row),
                                    ikou_finding_row_get_finding (g_ptr_array_index (rec->mirror, i))));
    }
}

static Recorder *
recorder_new (IkouFindingList *list)
{
  Recorder *rec = g_new0 (Recorder, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  rec->model = G_LIST_MODEL (list);
  rec->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  rec->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rec->mirror, g_list_model_get_item (rec->model, i));
  rec->handler = g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), rec);

  return rec;
}

static void
recorder_free (Recorder *rec)
{
  g_signal_handler_disconnect (rec->model, rec->handler);
  g_array_unref (rec->changes);
  g_ptr_array_unref (rec->mirror);
  g_free (rec);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

static void
recorder_reset (Recorder *rec)
{
  g_array_set_size (rec->changes, 0);
}

/* Asserts the recorded signals are exactly @n (position, removed, added)
 * triples, in that order, then forgets them. */
static void
assert_changes (Recorder    *rec,
                guint        n,
                const Change expected[])
{
  if (rec->changes->len != n)
    {
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint i = 0; i < rec->changes->len; i++)
        {
          Change *c = &g_array_index (rec->changes, Change, i);

          g_string_append_printf (got, " (%u,%u,%u)", c->position, c->removed, c->added);
        }
      g_error ("expected %u ::items-changed, got %u:%s", n, rec->changes->len, got->str);
    }
  for (guint i = 0; i < n; i++)
    {
      Change *c = &g_array_index (rec->changes, Change, i);

      g_assert_cmpuint (c->position, ==, expected[i].position);
      g_assert_cmpuint (c->removed, ==, expected[i].removed);
      g_assert_cmpuint (c->added, ==, expected[i].added);
    }
  recorder_reset (rec);
}

static void
assert_no_change (Recorder *rec)
{
  assert_changes (rec, 0, NULL);
}

static void
assert_one_change (Recorder *rec,
                   guint     position,
                   guint     removed,
                   guint     added)
{
  Change c = { position, removed, added };

  assert_changes (rec, 1, &c);
}

/* Asserts the model (n_items, lookup, get_item) and the mirror show
 * exactly @expected (findings, compared by pointer for lookup and by
 * content for the rows, which are copies). */
static void
assert_shows (IkouFindingList *list,
              Recorder        *rec,
              guint            n,
              IkouFinding     *expected[])
{
  GListModel *model = G_LIST_MODEL (list);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpuint (rec->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IkouFindingRow) row = g_list_model_get_item (model, i);
      IkouFindingRow *mirrored = g_ptr_array_index (rec->mirror, i);

      g_assert_true (ikou_finding_list_lookup (list, i) == expected[i]);
      g_assert_nonnull (row);
      /* A row holds a copy, never the list's finding. */
      g_assert_true (ikou_finding_row_get_finding (row) != expected[i]);
      g_assert_true (finding_equal (ikou_finding_row_get_finding (row), expected[i]));
      g_assert_true (finding_equal (ikou_finding_row_get_finding (mirrored), expected[i]));
    }
  g_assert_null (ikou_finding_list_lookup (list, n));
  g_assert_null (ikou_finding_list_lookup (list, n + 100));
  g_assert_null (g_list_model_get_item (model, n));
}

static void
assert_counts (IkouFindingList *list,
               guint            errors,
               guint            warnings,
               guint            infos)
{
  g_assert_cmpuint (ikou_finding_list_get_count (list, IKOU_SEVERITY_ERROR), ==, errors);
  g_assert_cmpuint (ikou_finding_list_get_count (list, IKOU_SEVERITY_WARNING), ==, warnings);
  g_assert_cmpuint (ikou_finding_list_get_count (list, IKOU_SEVERITY_INFO), ==, infos);
}

/* Appends a new finding to @arr and returns it (owned by @arr). */
static IkouFinding *
add (GPtrArray   *arr,
     IkouSeverity severity,
     guint        system_id,
     int          step)
{
  IkouFinding *f = finding_new (severity, system_id, IKOU_RULE_DEADLINE_MISSED, step, NULL);

  g_ptr_array_add (arr, f);
  return f;
}

/* ------------------------------------------------------------------ */
/* The fixture: a list and its recorder                                */

/* Four systems: 0 = [W a, E b, I c, E d], 1 = none, 2 = [E e, W f],
 * 3 = [I g].  Shown: E b, E d, E e, W a, W f, I c, I g. */
static GPtrArray *
four_systems (IkouFinding *f[7])
{
  GPtrArray *per_system = g_ptr_array_new_with_free_func (slot_unref);
  GPtrArray *s0 = findings_new ();
  GPtrArray *s2 = findings_new ();
  GPtrArray *s3 = findings_new ();

  f[3] = add (s0, IKOU_SEVERITY_WARNING, 10, 0);   /* a */
  f[0] = add (s0, IKOU_SEVERITY_ERROR, 10, 1);     /* b */
  f[5] = add (s0, IKOU_SEVERITY_INFO, 10, 2);      /* c */
  f[1] = add (s0, IKOU_SEVERITY_ERROR, 10, 3);     /* d */
  f[2] = add (s2, IKOU_SEVERITY_ERROR, 12, 0);     /* e */
  f[4] = add (s2, IKOU_SEVERITY_WARNING, 12, 1);   /* f */
  f[6] = add (s3, IKOU_SEVERITY_INFO, 13, -1);     /* g */
  g_ptr_array_add (per_system, s0);
  g_ptr_array_add (per_system, NULL);
  g_ptr_array_add (per_system, s2);
  g_ptr_array_add (per_system, s3);

  return per_system;
}

/* Every test's list and its recorder; fixture_set_up_four_systems()
 * also fills it with four_systems(). */
typedef struct
{
  IkouFindingList *list;
  Recorder        *rec;
  GPtrArray       *per_system;   /* four_systems(), or NULL */
  IkouFinding     *f[7];         /* its shown rows, in order */
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->list = g_object_new (IKOU_TYPE_FINDING_LIST, NULL);
  fx->rec = recorder_new (fx->list);
}

/* The list showing four_systems(), its signal forgotten. */
static void
fixture_set_up_four_systems (Fixture       *fx,
                             gconstpointer  data)
{
  fixture_set_up (fx, data);
  fx->per_system = four_systems (fx->f);
  ikou_finding_list_set_all (fx->list, fx->per_system, NULL);
  recorder_reset (fx->rec);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_pointer (&fx->per_system, g_ptr_array_unref);
  recorder_free (fx->rec);
  g_object_unref (fx->list);
}

/* ------------------------------------------------------------------ */
/* Fixed cases                                                         */

static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) per_system = g_ptr_array_new_with_free_func (slot_unref);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fx->list)) == IKOU_TYPE_FINDING_ROW);
  g_assert_cmpuint (ikou_finding_list_get_n_slots (fx->list), ==, 0);
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    g_assert_true (ikou_finding_list_get_visible (fx->list, s));
  assert_counts (fx->list, 0, 0, 0);
  assert_shows (fx->list, fx->rec, 0, NULL);

  /* Nothing to nothing: no signal. */
  ikou_finding_list_set_all (fx->list, NULL, NULL);
  assert_no_change (fx->rec);
  g_assert_cmpuint (ikou_finding_list_get_n_slots (fx->list), ==, 0);

  /* Slots without findings (NULL or empty): still nothing shown. */
  g_ptr_array_add (per_system, NULL);
  g_ptr_array_add (per_system, findings_new ());
  g_ptr_array_add (per_system, NULL);
  ikou_finding_list_set_all (fx->list, per_system, NULL);
  assert_no_change (fx->rec);
  g_assert_cmpuint (ikou_finding_list_get_n_slots (fx->list), ==, 3);
  assert_counts (fx->list, 0, 0, 0);
  assert_shows (fx->list, fx->rec, 0, NULL);

  /* Hiding or showing a severity that has no rows: no signal. */
  ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_WARNING, FALSE);
  assert_no_change (fx->rec);
  g_assert_false (ikou_finding_list_get_visible (fx->list, IKOU_SEVERITY_WARNING));
  ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_WARNING, TRUE);
  assert_no_change (fx->rec);

  /* An empty slot replaced by nothing, by an empty array: no signal. */
  ikou_finding_list_set_slot (fx->list, 1, NULL);
  assert_no_change (fx->rec);
  {
    g_autoptr(GPtrArray) empty = findings_new ();

    ikou_finding_list_set_slot (fx->list, 0, empty);
    assert_no_change (fx->rec);
  }
  assert_shows (fx->list, fx->rec, 0, NULL);
}

static void
test_set_all_order (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) smaller = g_ptr_array_new_with_free_func (slot_unref);
  IkouFinding *h;

  fx->per_system = four_systems (fx->f);
  ikou_finding_list_set_all (fx->list, fx->per_system, NULL);
  assert_one_change (fx->rec, 0, 0, 7);
  g_assert_cmpuint (ikou_finding_list_get_n_slots (fx->list), ==, 4);
  assert_counts (fx->list, 3, 2, 2);
  assert_shows (fx->list, fx->rec, 7, fx->f);

  /* The list keeps its own references to the slot arrays, not to
   * fx->per_system: dropping ours leaves the rows readable. */
  g_clear_pointer (&fx->per_system, g_ptr_array_unref);
  assert_shows (fx->list, fx->rec, 7, fx->f);

  /* A second whole replacement: one signal, old length to new. */
  g_ptr_array_add (smaller, findings_new ());
  h = add (g_ptr_array_index (smaller, 0), IKOU_SEVERITY_INFO, 20, 0);
  ikou_finding_list_set_all (fx->list, smaller, NULL);
  assert_one_change (fx->rec, 0, 7, 1);
  g_assert_cmpuint (ikou_finding_list_get_n_slots (fx->list), ==, 1);
  assert_counts (fx->list, 0, 0, 1);
  assert_shows (fx->list, fx->rec, 1, &h);

  /* To nothing. */
  ikou_finding_list_set_all (fx->list, NULL, NULL);
  assert_one_change (fx->rec, 0, 1, 0);
  g_assert_cmpuint (ikou_finding_list_get_n_slots (fx->list), ==, 0);
  assert_counts (fx->list, 0, 0, 0);
  assert_shows (fx->list, fx->rec, 0, NULL);
}

static guint n_freed;

static void
counting_free (gpointer data)
{
  n_freed++;
  ikou_finding_free (data);
}

/* As the findings panel does: slots borrowing from one flat array. */
static void
test_set_all_borrowed (Fixture       *fx,
                       gconstpointer  data)
{
  GPtrArray *flat = g_ptr_array_new_with_free_func (counting_free);
  GPtrArray *per_system = g_ptr_array_new_with_free_func (slot_unref);
  IkouFinding *expected[4];
  guint flat_len;

  n_freed = 0;
  expected[2] = add (flat, IKOU_SEVERITY_WARNING, 1, 0);
  expected[0] = add (flat, IKOU_SEVERITY_ERROR, 1, 1);
  expected[1] = add (flat, IKOU_SEVERITY_ERROR, 2, 0);
  expected[3] = add (flat, IKOU_SEVERITY_INFO, 3, 0);
  flat_len = flat->len;
  for (guint i = 0; i < flat->len; )
    {
      guint id = ((IkouFinding *) g_ptr_array_index (flat, i))->system_id;
      GPtrArray *run = g_ptr_array_new ();

      for (; i < flat->len && ((IkouFinding *) g_ptr_array_index (flat, i))->system_id == id; i++)
        g_ptr_array_add (run, g_ptr_array_index (flat, i));
      g_ptr_array_add (per_system, run);
    }

  ikou_finding_list_set_all (fx->list, per_system, flat);
  assert_one_change (fx->rec, 0, 0, 4);

  /* The list keeps @flat alive: the rows still read after we let go. */
  g_ptr_array_unref (per_system);
  g_ptr_array_unref (flat);
  g_assert_cmpuint (n_freed, ==, 0);
  assert_counts (fx->list, 2, 1, 1);
  assert_shows (fx->list, fx->rec, 4, expected);

  /* Replacing a slot keeps @flat too (the other slots borrow from it). */
  ikou_finding_list_set_slot (fx->list, 1, NULL);
  assert_one_change (fx->rec, 1, 1, 0);
  g_assert_cmpuint (n_freed, ==, 0);
  expected[1] = expected[2];
  expected[2] = expected[3];
  assert_shows (fx->list, fx->rec, 3, expected);

  /* ...until the next whole replacement, which lets it go. */
  ikou_finding_list_set_all (fx->list, NULL, NULL);
  assert_one_change (fx->rec, 0, 3, 0);
  g_assert_cmpuint (n_freed, ==, flat_len);
}

static void
test_set_slot (Fixture       *fx,
               gconstpointer  data)
{
  IkouFinding *e[8];

  /* System 1 (empty) gets one error, x: between d (slot 0) and e (slot 2). */
  {
    g_autoptr(GPtrArray) s1 = findings_new ();
    IkouFinding *x = add (s1, IKOU_SEVERITY_ERROR, 11, 0);

    ikou_finding_list_set_slot (fx->list, 1, s1);
    assert_one_change (fx->rec, 2, 0, 1);
    assert_counts (fx->list, 4, 2, 2);
    e[0] = fx->f[0]; e[1] = fx->f[1]; e[2] = x; e[3] = fx->f[2];
    e[4] = fx->f[3]; e[5] = fx->f[4]; e[6] = fx->f[5]; e[7] = fx->f[6];
    assert_shows (fx->list, fx->rec, 8, e);
  }

  /* System 2's warning f changes its content (same count): (5, 1, 1);
   * its error e reads the same in the new array: not reported. */
  {
    g_autoptr(GPtrArray) s2 = findings_new ();
    IkouFinding *e2 = add (s2, IKOU_SEVERITY_ERROR, 12, 0);
    IkouFinding *f2 = add (s2, IKOU_SEVERITY_WARNING, 12, 1);

    g_free (f2->detail);
    f2->detail = g_strdup ("changed");
    ikou_finding_list_set_slot (fx->list, 2, s2);
    assert_one_change (fx->rec, 5, 1, 1);
    assert_counts (fx->list, 4, 2, 2);
    e[3] = e2;
    e[5] = f2;
    assert_shows (fx->list, fx->rec, 8, e);
  }

  /* System 0 loses its two errors b and d only: (0, 2, 0). */
  {
    g_autoptr(GPtrArray) s0 = findings_new ();
    IkouFinding *a = add (s0, IKOU_SEVERITY_WARNING, 10, 0);
    IkouFinding *c = add (s0, IKOU_SEVERITY_INFO, 10, 2);
    IkouFinding *want[6];

    ikou_finding_list_set_slot (fx->list, 0, s0);
    assert_one_change (fx->rec, 0, 2, 0);
    assert_counts (fx->list, 2, 2, 2);
    want[0] = e[2]; want[1] = e[3]; want[2] = a; want[3] = e[5]; want[4] = c; want[5] = e[7];
    assert_shows (fx->list, fx->rec, 6, want);
    memcpy (e, want, sizeof want);
  }

  /* System 3 (last slot) to none: its info g, the last row: (5, 1, 0). */
  ikou_finding_list_set_slot (fx->list, 3, NULL);
  assert_one_change (fx->rec, 5, 1, 0);
  assert_counts (fx->list, 2, 2, 1);
  assert_shows (fx->list, fx->rec, 5, e);
}

/* A slot that changes in several severities is replaced one severity at
 * a time (documented in ikou-finding-list.h): one signal per severity
 * whose rows changed, in severity order, each at the positions of the
 * model as it is after the signals before it. */
static void
test_set_slot_severities (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) s2 = findings_new ();
  IkouFinding *want[8];
  IkouFinding *e1, *e2, *i1;
  const Change expected[] = {
    { 2, 1, 2 },   /* errors of slot 2: e -> e1, e2 */
    { 5, 1, 0 },   /* warnings of slot 2: f removed (after one more error) */
    { 6, 0, 1 },   /* infos of slot 2: i1 added after c */
  };

  i1 = add (s2, IKOU_SEVERITY_INFO, 12, 5);
  e1 = add (s2, IKOU_SEVERITY_ERROR, 12, 6);
  e2 = add (s2, IKOU_SEVERITY_ERROR, 12, 7);
  ikou_finding_list_set_slot (fx->list, 2, s2);
  assert_changes (fx->rec, G_N_ELEMENTS (expected), expected);
  assert_counts (fx->list, 4, 1, 3);
  want[0] = fx->f[0]; want[1] = fx->f[1]; want[2] = e1; want[3] = e2;
  want[4] = fx->f[3]; want[5] = fx->f[5]; want[6] = i1; want[7] = fx->f[6];
  assert_shows (fx->list, fx->rec, 8, want);
}

static void
test_set_slot_same (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) copy0 = NULL;
  g_autoptr(GPtrArray) reordered = NULL;

  /* The very same array. */
  ikou_finding_list_set_slot (fx->list, 2, g_ptr_array_index (fx->per_system, 2));
  assert_no_change (fx->rec);

  /* A copy reading the same: nothing, and the list reads the copy now. */
  copy0 = findings_copy (g_ptr_array_index (fx->per_system, 0));
  ikou_finding_list_set_slot (fx->list, 0, copy0);
  assert_no_change (fx->rec);
  assert_counts (fx->list, 3, 2, 2);
  fx->f[3] = g_ptr_array_index (copy0, 0);
  fx->f[0] = g_ptr_array_index (copy0, 1);
  fx->f[5] = g_ptr_array_index (copy0, 2);
  fx->f[1] = g_ptr_array_index (copy0, 3);
  assert_shows (fx->list, fx->rec, 7, fx->f);

  /* Interleaved differently across severities but the same within each
   * severity: the rows read the same, nothing. */
  reordered = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  g_ptr_array_add (reordered, ikou_finding_copy (fx->f[0]));  /* b */
  g_ptr_array_add (reordered, ikou_finding_copy (fx->f[1]));  /* d */
  g_ptr_array_add (reordered, ikou_finding_copy (fx->f[5]));  /* c */
  g_ptr_array_add (reordered, ikou_finding_copy (fx->f[3]));  /* a */
  ikou_finding_list_set_slot (fx->list, 0, reordered);
  assert_no_change (fx->rec);
  fx->f[0] = g_ptr_array_index (reordered, 0);
  fx->f[1] = g_ptr_array_index (reordered, 1);
  fx->f[5] = g_ptr_array_index (reordered, 2);
  fx->f[3] = g_ptr_array_index (reordered, 3);
  assert_shows (fx->list, fx->rec, 7, fx->f);

  /* None over none, empty over none. */
  ikou_finding_list_set_slot (fx->list, 1, NULL);
  assert_no_change (fx->rec);
  {
    g_autoptr(GPtrArray) empty = findings_new ();

    ikou_finding_list_set_slot (fx->list, 1, empty);
    assert_no_change (fx->rec);
  }
  assert_counts (fx->list, 3, 2, 2);
  assert_shows (fx->list, fx->rec, 7, fx->f);
}

static void
test_visibility (Fixture       *fx,
                 gconstpointer  data)
{
  IkouFinding *want[7];

  /* Hide the warnings (rows 3 and 4). */
  ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_WARNING, FALSE);
  assert_one_change (fx->rec, 3, 2, 0);
  g_assert_false (ikou_finding_list_get_visible (fx->list, IKOU_SEVERITY_WARNING));
  assert_counts (fx->list, 3, 2, 2);   /* counted, shown or not */
  want[0] = fx->f[0]; want[1] = fx->f[1]; want[2] = fx->f[2];
  want[3] = fx->f[5]; want[4] = fx->f[6];
  assert_shows (fx->list, fx->rec, 5, want);

  /* Hiding again: nothing. */
  ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_WARNING, FALSE);
  assert_no_change (fx->rec);

  /* Hide the errors too (rows 0..2), then the infos (now rows 0..1). */
  ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_ERROR, FALSE);
  assert_one_change (fx->rec, 0, 3, 0);
  want[0] = fx->f[5]; want[1] = fx->f[6];
  assert_shows (fx->list, fx->rec, 2, want);
  ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_INFO, FALSE);
  assert_one_change (fx->rec, 0, 2, 0);
  assert_shows (fx->list, fx->rec, 0, NULL);
  assert_counts (fx->list, 3, 2, 2);

  /* A hidden severity's changes are counted but not reported. */
  {
    g_autoptr(GPtrArray) s1 = findings_new ();
    IkouFinding *w = add (s1, IKOU_SEVERITY_WARNING, 11, 0);

    ikou_finding_list_set_slot (fx->list, 1, s1);
    assert_no_change (fx->rec);
    assert_counts (fx->list, 3, 3, 2);
    assert_shows (fx->list, fx->rec, 0, NULL);

    /* Show the warnings: a, w, f (slot order). */
    ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_WARNING, TRUE);
    assert_one_change (fx->rec, 0, 0, 3);
    want[0] = fx->f[3]; want[1] = w; want[2] = fx->f[4];
    assert_shows (fx->list, fx->rec, 3, want);

    /* Show the errors: before the warnings. */
    ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_ERROR, TRUE);
    assert_one_change (fx->rec, 0, 0, 3);
    want[0] = fx->f[0]; want[1] = fx->f[1]; want[2] = fx->f[2];
    want[3] = fx->f[3]; want[4] = w; want[5] = fx->f[4];
    assert_shows (fx->list, fx->rec, 6, want);

    /* While the infos are hidden, a change of slot 0's warnings is
     * reported; its infos are not. */
    {
      g_autoptr(GPtrArray) s0 = findings_copy (g_ptr_array_index (fx->per_system, 0));

      g_ptr_array_remove_index (s0, 2);   /* c, an info */
      ((IkouFinding *) g_ptr_array_index (s0, 0))->step = 42;   /* a, a warning */
      ikou_finding_list_set_slot (fx->list, 0, s0);
      assert_one_change (fx->rec, 3, 1, 1);
      assert_counts (fx->list, 3, 3, 1);
      want[0] = g_ptr_array_index (s0, 1);
      want[1] = g_ptr_array_index (s0, 2);
      want[3] = g_ptr_array_index (s0, 0);
      assert_shows (fx->list, fx->rec, 6, want);
    }

    /* Show the infos: g only, at the end. */
    ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_INFO, TRUE);
    assert_one_change (fx->rec, 6, 0, 1);
    want[6] = fx->f[6];
    assert_shows (fx->list, fx->rec, 7, want);
  }

  /* A whole replacement while a severity is hidden: the rows shown only. */
  ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_ERROR, FALSE);
  assert_one_change (fx->rec, 0, 3, 0);
  {
    g_autoptr(GPtrArray) again = four_systems (fx->f);

    ikou_finding_list_set_all (fx->list, again, NULL);
    assert_one_change (fx->rec, 0, 4, 4);
    assert_counts (fx->list, 3, 2, 2);
    want[0] = fx->f[3]; want[1] = fx->f[4]; want[2] = fx->f[5]; want[3] = fx->f[6];
    assert_shows (fx->list, fx->rec, 4, want);

    ikou_finding_list_set_visible (fx->list, IKOU_SEVERITY_ERROR, TRUE);
    assert_one_change (fx->rec, 0, 0, 3);
    assert_shows (fx->list, fx->rec, 7, fx->f);
  }
}

/* The public boundaries refuse bad arguments with a critical. */
/* Groups: a system with three findings of one severity or more shows
 * one group row (standing for its first finding) that opens to show them
 * under it; open stays open across updates of the system's findings;
 * the counts are of findings, never of rows. */
static void
test_groups (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) per_system = g_ptr_array_new_with_free_func (slot_unref);
  GPtrArray *s10 = findings_new ();
  GPtrArray *s11 = findings_new ();
  IkouFinding *a[4], *b, *w;

  for (guint i = 0; i < 4; i++)
    a[i] = add (s10, IKOU_SEVERITY_ERROR, 10, (int) i);
  w = add (s10, IKOU_SEVERITY_WARNING, 10, 5);
  b = add (s11, IKOU_SEVERITY_ERROR, 11, 0);
  g_ptr_array_add (per_system, s10);
  g_ptr_array_add (per_system, s11);

  ikou_finding_list_set_group_min (fx->list, 3);
  ikou_finding_list_set_all (fx->list, per_system, NULL);
  recorder_reset (fx->rec);
  {
    IkouFinding *want[] = { a[0], b, w };
    g_autoptr(IkouFindingRow) group = g_list_model_get_item (G_LIST_MODEL (fx->list), 0);
    g_autoptr(IkouFindingRow) single = g_list_model_get_item (G_LIST_MODEL (fx->list), 1);

    assert_shows (fx->list, fx->rec, 3, want);
    assert_counts (fx->list, 5, 1, 0);
    g_assert_true (ikou_finding_list_is_group (fx->list, 0));
    g_assert_false (ikou_finding_list_is_group (fx->list, 1));
    g_assert_cmpuint (ikou_finding_row_get_n_grouped (group), ==, 4);
    g_assert_false (ikou_finding_row_get_expanded (group));
    g_assert_cmpuint (ikou_finding_row_get_n_grouped (single), ==, 0);
    g_assert_false (ikou_finding_row_get_in_group (single));
  }

  /* Opened: the group row is replaced (its arrow) and its four follow. */
  g_assert_false (ikou_finding_list_toggle_group (fx->list, 1));
  assert_no_change (fx->rec);
  g_assert_true (ikou_finding_list_toggle_group (fx->list, 0));
  assert_one_change (fx->rec, 0, 1, 5);
  {
    IkouFinding *want[] = { a[0], a[0], a[1], a[2], a[3], b, w };
    g_autoptr(IkouFindingRow) group = g_list_model_get_item (G_LIST_MODEL (fx->list), 0);
    g_autoptr(IkouFindingRow) child = g_list_model_get_item (G_LIST_MODEL (fx->list), 2);

    assert_shows (fx->list, fx->rec, 7, want);
    assert_counts (fx->list, 5, 1, 0);
    g_assert_true (ikou_finding_row_get_expanded (group));
    g_assert_true (ikou_finding_row_get_in_group (child));
  }

  /* New findings of the open system: still open, three rows under it. */
  {
    g_autoptr(GPtrArray) again = findings_new ();
    IkouFinding *c[3];

    for (guint i = 0; i < 3; i++)
      c[i] = add (again, IKOU_SEVERITY_ERROR, 10, (int) i + 10);
    ikou_finding_list_set_slot (fx->list, 0, again);
    {
      IkouFinding *want[] = { c[0], c[0], c[1], c[2], b };

      assert_shows (fx->list, fx->rec, 5, want);
      assert_counts (fx->list, 4, 0, 0);
    }

    /* Closed again. */
    recorder_reset (fx->rec);
    g_assert_true (ikou_finding_list_toggle_group (fx->list, 0));
    assert_one_change (fx->rec, 0, 4, 1);
    {
      IkouFinding *want[] = { c[0], b };

      assert_shows (fx->list, fx->rec, 2, want);
    }
  }

  /* Two findings are no group; groups off shows every finding. */
  {
    g_autoptr(GPtrArray) two = findings_new ();
    IkouFinding *d0 = add (two, IKOU_SEVERITY_ERROR, 10, 0);
    IkouFinding *d1 = add (two, IKOU_SEVERITY_ERROR, 10, 1);
    IkouFinding *want[] = { d0, d1, b };

    ikou_finding_list_set_slot (fx->list, 0, two);
    assert_shows (fx->list, fx->rec, 3, want);
    g_assert_false (ikou_finding_list_is_group (fx->list, 0));
  }
  ikou_finding_list_set_slot (fx->list, 0, s10);
  ikou_finding_list_set_group_min (fx->list, 0);
  {
    IkouFinding *want[] = { a[0], a[1], a[2], a[3], b, w };

    assert_shows (fx->list, fx->rec, 6, want);
  }
}

static void
test_bad_arguments (Fixture       *fx,
                    gconstpointer  data)
{

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*position < self->slots->len*");
  ikou_finding_list_set_slot (fx->list, 4, NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*severity*IKOU_N_SEVERITIES*");
  ikou_finding_list_set_visible (fx->list, IKOU_N_SEVERITIES, FALSE);
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*severity*IKOU_N_SEVERITIES*");
  g_assert_cmpuint (ikou_finding_list_get_count (fx->list, IKOU_N_SEVERITIES), ==, 0);
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*severity*IKOU_N_SEVERITIES*");
  g_assert_false (ikou_finding_list_get_visible (fx->list, IKOU_N_SEVERITIES));
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*IKOU_IS_FINDING_LIST*");
  g_assert_null (ikou_finding_list_lookup (NULL, 0));
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*IKOU_IS_FINDING_LIST*");
  g_assert_cmpuint (ikou_finding_list_get_n_slots (NULL), ==, 0);
  g_test_assert_expected_messages ();

  /* None of them changed anything. */
  assert_no_change (fx->rec);
  assert_counts (fx->list, 3, 2, 2);
  assert_shows (fx->list, fx->rec, 7, fx->f);
}

/* ------------------------------------------------------------------ */
/* Randomized: a reference computed from scratch after every step      */

typedef struct
{
  GPtrArray *slots;                        /* GPtrArray of IkouFinding (ref) or NULL */
  gboolean   visible[IKOU_N_SEVERITIES];
} Reference;

/* The rows the list should show, from scratch. */
static GPtrArray *
reference_rows (Reference *ref)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      if (!ref->visible[s])
        continue;
      for (guint i = 0; i < ref->slots->len; i++)
        {
          g_autoptr(GPtrArray) of_slot = findings_of (g_ptr_array_index (ref->slots, i), s);

          g_ptr_array_extend (rows, of_slot, NULL, NULL);
        }
    }

  return rows;
}

static guint
reference_count (Reference   *ref,
                 IkouSeverity severity,
                 guint        before_slot)
{
  guint n = 0;

  for (guint i = 0; i < before_slot; i++)
    n += findings_count (g_ptr_array_index (ref->slots, i), severity);

  return n;
}

static guint
reference_n_visible (Reference *ref)
{
  guint n = 0;

  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    if (ref->visible[s])
      n += reference_count (ref, s, ref->slots->len);

  return n;
}

static void
check_against_reference (IkouFindingList *list,
                         Recorder        *rec,
                         Reference       *ref)
{
  g_autoptr(GPtrArray) rows = reference_rows (ref);

  g_assert_cmpuint (ikou_finding_list_get_n_slots (list), ==, ref->slots->len);
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      g_assert_cmpuint (ikou_finding_list_get_count (list, s), ==,
                        reference_count (ref, s, ref->slots->len));
      g_assert_cmpint (ikou_finding_list_get_visible (list, s), ==, ref->visible[s]);
    }
  assert_shows (list, rec, rows->len, (IkouFinding **) rows->pdata);
}

/* A new finding of system @id from a small pool of values, so that
 * random arrays often read the same as others. */
static IkouFinding *
random_finding (GRand *rng,
                guint  id)
{
  static const char *const details[] = { NULL, "host A", "host B" };
  IkouFinding *f = finding_new ((IkouSeverity) g_rand_int_range (rng, 0, IKOU_N_SEVERITIES), id,
                                rules[g_rand_int_range (rng, 0, G_N_ELEMENTS (rules))],
                                g_rand_int_range (rng, -1, 3),
                                details[g_rand_int_range (rng, 0, G_N_ELEMENTS (details))]);

  f->milestone = g_rand_int_range (rng, -1, IKOU_N_MILESTONES);
  if (g_rand_boolean (rng))
    f->date = 738000 + g_rand_int_range (rng, 0, 3);
  return f;
}

/* New findings for slot @i of @ref: fresh, a variation of the current
 * ones, the same array, an identical copy, none or an empty array.
 * Returns a new reference or NULL. */
static GPtrArray *
random_findings (GRand     *rng,
                 Reference *ref,
                 guint      i)
{
  GPtrArray *current = g_ptr_array_index (ref->slots, i);
  GPtrArray *arr;
  guint kind = g_rand_int_range (rng, 0, 10);

  switch (kind)
    {
    case 0:
      return NULL;
    case 1:
      return findings_new ();
    case 2:
      return current != NULL ? g_ptr_array_ref (current) : NULL;
    case 3:
      return findings_copy (current);
    case 4:
    case 5:
    case 6:
      /* A variation: copy, then change, add or remove one finding. */
      arr = findings_copy (current);
      switch (g_rand_int_range (rng, 0, 4))
        {
        case 0:
          g_ptr_array_insert (arr, g_rand_int_range (rng, 0, arr->len + 1),
                              random_finding (rng, i));
          break;
        case 1:
          if (arr->len > 0)
            g_ptr_array_remove_index (arr, g_rand_int_range (rng, 0, arr->len));
          break;
        case 2:
          if (arr->len > 0)
            {
              IkouFinding *f = g_ptr_array_index (arr, g_rand_int_range (rng, 0, arr->len));

              f->step = g_rand_int_range (rng, -1, 3);
            }
          break;
        default:
          if (arr->len > 0)
            {
              IkouFinding *f = g_ptr_array_index (arr, g_rand_int_range (rng, 0, arr->len));

              f->severity = (IkouSeverity) g_rand_int_range (rng, 0, IKOU_N_SEVERITIES);
            }
          break;
        }
      return arr;
    default:
      {
        guint n = g_rand_int_range (rng, 0, 7);

        arr = findings_new ();
        for (guint k = 0; k < n; k++)
          g_ptr_array_add (arr, random_finding (rng, i));
        return arr;
      }
    }
}

static GPtrArray *
random_per_system (GRand *rng,
                   guint  n_slots)
{
  GPtrArray *per_system = g_ptr_array_new_with_free_func (slot_unref);

  for (guint i = 0; i < n_slots; i++)
    {
      GPtrArray *arr = NULL;

      if (g_rand_int_range (rng, 0, 4) != 0)
        {
          guint n = g_rand_int_range (rng, 0, 6);

          arr = findings_new ();
          for (guint k = 0; k < n; k++)
            g_ptr_array_add (arr, random_finding (rng, i));
        }
      g_ptr_array_add (per_system, arr);
    }

  return per_system;
}

static void
random_set_all (IkouFindingList *list,
                Recorder        *rec,
                Reference       *ref,
                GRand           *rng)
{
  /* Sizes around powers of two, for the Fenwick trees' descent. */
  static const guint sizes[] = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40 };
  guint n = sizes[g_rand_int_range (rng, 0, G_N_ELEMENTS (sizes))];
  g_autoptr(GPtrArray) per_system = random_per_system (rng, n);
  guint old_n = reference_n_visible (ref);
  guint new_n;

  g_ptr_array_set_size (ref->slots, 0);
  for (guint i = 0; i < n; i++)
    {
      GPtrArray *arr = g_ptr_array_index (per_system, i);

      g_ptr_array_add (ref->slots, arr != NULL ? g_ptr_array_ref (arr) : NULL);
    }
  new_n = reference_n_visible (ref);

  ikou_finding_list_set_all (list, per_system, NULL);
  if (old_n != 0 || new_n != 0)
    assert_one_change (rec, 0, old_n, new_n);
  else
    assert_no_change (rec);
}

static void
random_set_slot (IkouFindingList *list,
                 Recorder        *rec,
                 Reference       *ref,
                 GRand           *rng)
{
  guint i = g_rand_int_range (rng, 0, ref->slots->len);
  g_autoptr(GPtrArray) findings = random_findings (rng, ref, i);
  GPtrArray *old = g_ptr_array_index (ref->slots, i);
  Change expected[IKOU_N_SEVERITIES];
  guint n_expected = 0;
  guint counts[IKOU_N_SEVERITIES];

  /* The expected signals: per severity in order, for the severities
   * whose rows of this slot read differently, at the positions of the
   * model after the severities before it were updated. */
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    counts[s] = reference_count (ref, s, ref->slots->len);
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    {
      g_autoptr(GPtrArray) before = findings_of (old, s);
      g_autoptr(GPtrArray) after = findings_of (findings, s);
      guint start = 0;

      if (rows_equal (before, after))
        continue;
      counts[s] = counts[s] - before->len + after->len;
      if (!ref->visible[s])
        continue;
      for (guint t = 0; t < s; t++)
        if (ref->visible[t])
          start += counts[t];
      expected[n_expected].position = start + reference_count (ref, s, i);
      expected[n_expected].removed = before->len;
      expected[n_expected].added = after->len;
      n_expected++;
    }

  slot_unref (old);
  g_ptr_array_index (ref->slots, i) = findings != NULL ? g_ptr_array_ref (findings) : NULL;

  ikou_finding_list_set_slot (list, i, findings);
  assert_changes (rec, n_expected, expected);
}

static void
random_toggle (IkouFindingList *list,
               Recorder        *rec,
               Reference       *ref,
               GRand           *rng)
{
  IkouSeverity s = g_rand_int_range (rng, 0, IKOU_N_SEVERITIES);
  gboolean visible = !ref->visible[s];
  guint count = reference_count (ref, s, ref->slots->len);
  guint start = 0;

  for (guint t = 0; t < s; t++)
    if (ref->visible[t])
      start += reference_count (ref, t, ref->slots->len);

  if (g_rand_int_range (rng, 0, 8) == 0)
    visible = ref->visible[s];   /* no change at all */

  ikou_finding_list_set_visible (list, s, visible);
  if (visible != ref->visible[s] && count > 0)
    assert_one_change (rec, start, visible ? 0 : count, visible ? count : 0);
  else
    assert_no_change (rec);
  ref->visible[s] = visible;
}

static void
test_random (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (20240611);
  Reference ref;
  guint n_ops[3] = { 0, 0, 0 };

  ref.slots = g_ptr_array_new_with_free_func (slot_unref);
  for (guint s = 0; s < IKOU_N_SEVERITIES; s++)
    ref.visible[s] = TRUE;

  /* Start from 17 systems. */
  {
    g_autoptr(GPtrArray) per_system = random_per_system (rng, 17);

    for (guint i = 0; i < per_system->len; i++)
      {
        GPtrArray *arr = g_ptr_array_index (per_system, i);

        g_ptr_array_add (ref.slots, arr != NULL ? g_ptr_array_ref (arr) : NULL);
      }
    ikou_finding_list_set_all (fx->list, per_system, NULL);
    recorder_reset (fx->rec);
    check_against_reference (fx->list, fx->rec, &ref);
  }

  for (guint step = 0; step < 500; step++)
    {
      guint r = g_rand_int_range (rng, 0, 100);

      if (r < 3 || ref.slots->len == 0)
        {
          random_set_all (fx->list, fx->rec, &ref, rng);
          n_ops[0]++;
        }
      else if (r < 78)
        {
          random_set_slot (fx->list, fx->rec, &ref, rng);
          n_ops[1]++;
        }
      else
        {
          random_toggle (fx->list, fx->rec, &ref, rng);
          n_ops[2]++;
        }
      check_against_reference (fx->list, fx->rec, &ref);
    }

  g_test_message ("%u whole replacements, %u slot replacements, %u toggles",
                  n_ops[0], n_ops[1], n_ops[2]);
  g_assert_cmpuint (n_ops[1], >, 300);
  g_assert_cmpuint (n_ops[2], >, 50);
  g_ptr_array_unref (ref.slots);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(name, set_up, func) \
  g_test_add ("/finding-list/" name, Fixture, NULL, set_up, func, fixture_tear_down)

  ADD_TEST ("empty", fixture_set_up, test_empty);
  ADD_TEST ("set-all-order", fixture_set_up, test_set_all_order);
  ADD_TEST ("set-all-borrowed", fixture_set_up, test_set_all_borrowed);
  ADD_TEST ("set-slot", fixture_set_up_four_systems, test_set_slot);
  ADD_TEST ("set-slot-severities", fixture_set_up_four_systems, test_set_slot_severities);
  ADD_TEST ("set-slot-same", fixture_set_up_four_systems, test_set_slot_same);
  ADD_TEST ("visibility", fixture_set_up_four_systems, test_visibility);
  ADD_TEST ("groups", fixture_set_up, test_groups);
  ADD_TEST ("bad-arguments", fixture_set_up_four_systems, test_bad_arguments);
  ADD_TEST ("random", fixture_set_up, test_random);

  return g_test_run ();
}
