/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-finding.h"
#include "ikou-finding-marks.h"

/* Finding markers.  What a draw needs of the findings is, per system,
 * the worst severity (the marker at the row's start) and the worst
 * severity per (step, milestone) (the ring around a mark).  Both are
 * kept in one small entry per system with findings, so that one
 * system's findings can be replaced without looking at the others'
 * (ikou_finding_marks_set_system(), once per frame during a drag).
 * A system has a handful of marks: they are kept in a short array. */

typedef struct
{
  int step;
  int milestone;
  int severity;
} MarkWorst;

typedef struct
{
  int        worst;       /* IkouSeverity; ERROR (0) is the worst */
  guint      n_marks;
  guint      alloc_marks;
  MarkWorst *marks;
} SystemMarks;

static void
system_marks_free (gpointer data)
{
  SystemMarks *entry = data;

  g_free (entry->marks);
  g_free (entry);
}

struct _IkouFindingMarks
{
  GObject     parent_instance;

  GHashTable *marks;   /* system id → SystemMarks*, systems with findings */
};

G_DEFINE_FINAL_TYPE (IkouFindingMarks, ikou_finding_marks, G_TYPE_OBJECT)

static void
ikou_finding_marks_finalize (GObject *object)
{
  g_hash_table_unref (IKOU_FINDING_MARKS (object)->marks);

  G_OBJECT_CLASS (ikou_finding_marks_parent_class)->finalize (object);
}

static void
ikou_finding_marks_class_init (IkouFindingMarksClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_finding_marks_finalize;
}

static void
ikou_finding_marks_init (IkouFindingMarks *self)
{
  self->marks = g_hash_table_new_full (NULL, NULL, NULL, system_marks_free);
}

IkouFindingMarks *
ikou_finding_marks_new (void)
{
  return g_object_new (IKOU_TYPE_FINDING_MARKS, NULL);
}

/* Notes @finding in @self's entry of its system (created on first use). */
static void
note_finding (IkouFindingMarks  *self,
              const IkouFinding *finding)
{
  gpointer key = GUINT_TO_POINTER (finding->system_id);
  SystemMarks *entry;

  if ((guint) finding->severity >= IKOU_N_SEVERITIES)
    return;

  entry = g_hash_table_lookup (self->marks, key);
  if (entry == NULL)
    {
      entry = g_new0 (SystemMarks, 1);
      entry->worst = finding->severity;
      g_hash_table_insert (self->marks, key, entry);
    }
  else if ((int) finding->severity < entry->worst)
    entry->worst = finding->severity;

  if (finding->step < 0 || finding->milestone < 0 || finding->milestone >= IKOU_N_MILESTONES)
    return;

  for (guint i = 0; i < entry->n_marks; i++)
    {
      MarkWorst *mark = &entry->marks[i];

      if (mark->step == finding->step && mark->milestone == finding->milestone)
        {
          mark->severity = MIN (mark->severity, (int) finding->severity);
          return;
        }
    }

  if (entry->n_marks == entry->alloc_marks)
    {
      entry->alloc_marks = MAX (4, entry->alloc_marks * 2);
      entry->marks = g_renew (MarkWorst, entry->marks, entry->alloc_marks);
    }
  entry->marks[entry->n_marks++] = (MarkWorst) { finding->step, finding->milestone,
                                                 finding->severity };
}

void
ikou_finding_marks_set_all (IkouFindingMarks *self,
                            GPtrArray        *findings)
{
  g_return_if_fail (IKOU_IS_FINDING_MARKS (self));

  g_hash_table_remove_all (self->marks);
  if (findings == NULL)
    return;

  for (guint i = 0; i < findings->len; i++)
    note_finding (self, g_ptr_array_index (findings, i));
}

void
ikou_finding_marks_set_system (IkouFindingMarks *self,
                               guint             system_id,
                               GPtrArray        *findings)
{
  g_return_if_fail (IKOU_IS_FINDING_MARKS (self));

  g_hash_table_remove (self->marks, GUINT_TO_POINTER (system_id));
  if (findings == NULL)
    return;

  for (guint i = 0; i < findings->len; i++)
    {
      const IkouFinding *finding = g_ptr_array_index (findings, i);

      g_return_if_fail (finding->system_id == system_id);
      note_finding (self, finding);
    }
}

int
ikou_finding_marks_get_worst (IkouFindingMarks *self,
                              guint             system_id)
{
  SystemMarks *entry;

  g_return_val_if_fail (IKOU_IS_FINDING_MARKS (self), -1);

  entry = g_hash_table_lookup (self->marks, GUINT_TO_POINTER (system_id));
  return entry != NULL ? entry->worst : -1;
}

int
ikou_finding_marks_get_worst_mark (IkouFindingMarks *self,
                                   guint             system_id,
                                   int               step,
                                   int               milestone)
{
  SystemMarks *entry;

  g_return_val_if_fail (IKOU_IS_FINDING_MARKS (self), -1);

  entry = g_hash_table_lookup (self->marks, GUINT_TO_POINTER (system_id));
  for (guint i = 0; entry != NULL && i < entry->n_marks; i++)
    if (entry->marks[i].step == step && entry->marks[i].milestone == milestone)
      return entry->marks[i].severity;

  return -1;
}
