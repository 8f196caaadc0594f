/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-checker.h"
#include "ikou-document-private.h"

/* IkouDocument: the findings of every system as the active scenario sees
 * them, re-checked once per frame for the systems an edit touched. */

/* The worst severity and the number of findings of a system, packed in
 * one hash table value. */
#define SUMMARY_PACK(severity, count) ((((guint) (severity)) << 24) | ((count) & 0xffffff))
#define SUMMARY_SEVERITY(packed)     ((IkouSeverity) ((packed) >> 24))
#define SUMMARY_COUNT(packed)        ((packed) & 0xffffff)

/* Findings ------------------------------------------------------------------ */

static void
count_findings (IkouDocument *self,
                GPtrArray    *findings,
                int           sign)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const IkouFinding *finding = g_ptr_array_index (findings, i);

      switch (finding->severity)
        {
        case IKOU_SEVERITY_ERROR:
          self->n_errors += sign;
          break;
        case IKOU_SEVERITY_WARNING:
          self->n_warnings += sign;
          break;
        case IKOU_SEVERITY_INFO:
        case IKOU_N_SEVERITIES:
        default:
          self->n_infos += sign;
          break;
        }
    }
}

static void
set_summary (IkouDocument *self,
             guint         system_id,
             GPtrArray    *findings)
{
  IkouSeverity worst = IKOU_N_SEVERITIES;

  if (findings == NULL || findings->len == 0)
    {
      g_hash_table_remove (self->summary, GUINT_TO_POINTER (system_id));
      return;
    }
  for (guint i = 0; i < findings->len; i++)
    worst = MIN (worst, ((const IkouFinding *) g_ptr_array_index (findings, i))->severity);
  g_hash_table_insert (self->summary, GUINT_TO_POINTER (system_id),
                       GUINT_TO_POINTER (SUMMARY_PACK (worst, findings->len)));
}

static void
notify_counts (IkouDocument *self,
               guint         errors,
               guint         warnings,
               guint         infos)
{
  if (errors != self->n_errors)
    g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_N_ERRORS]);
  if (warnings != self->n_warnings)
    g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_N_WARNINGS]);
  if (infos != self->n_infos)
    g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_N_INFOS]);
}

static gboolean
system_position (IkouDocument *self,
                 guint         system_id,
                 guint        *position)
{
  guint stored = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions,
                                                        GUINT_TO_POINTER (system_id)));

  if (stored == 0 || stored > ikou_plan_get_n_systems (self->plan) ||
      ikou_system_get_id (ikou_plan_get_system (self->plan, stored - 1)) != system_id)
    return FALSE;
  *position = stored - 1;
  return TRUE;
}

void
ikou_document_recheck_all (IkouDocument *self)
{
  guint errors, warnings, infos;
  GPtrArray *scratch = NULL;
  guint n;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  /* A full check covers whatever single systems were waiting. */
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  g_hash_table_remove_all (self->pending);

  errors = self->n_errors;
  warnings = self->n_warnings;
  infos = self->n_infos;
  self->n_errors = self->n_warnings = self->n_infos = 0;
  g_hash_table_remove_all (self->positions);
  g_hash_table_remove_all (self->summary);
  g_ptr_array_set_size (self->system_findings, 0);

  n = ikou_plan_get_n_systems (self->plan);
  for (guint i = 0; i < n; i++)
    {
      IkouSystem *system = ikou_plan_get_system (self->plan, i);
      guint id = ikou_system_get_id (system);
      GPtrArray *findings = NULL;

      g_hash_table_insert (self->positions, GUINT_TO_POINTER (id), GUINT_TO_POINTER (i + 1));
      if (self->schedule != NULL)
        {
          /* Most systems have no findings: one scratch array serves them all. */
          if (scratch == NULL)
            scratch = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
          ikou_check_system_into (self->plan, system, self->active, self->schedule,
                                  self->today, NULL, scratch);
          if (scratch->len > 0)
            findings = g_steal_pointer (&scratch);
        }
      g_ptr_array_add (self->system_findings, findings);
      count_findings (self, findings, +1);
      set_summary (self, id, findings);
    }
  g_clear_pointer (&scratch, g_ptr_array_unref);

  /* Reported, not lost: edits of systems no longer in the plan. */
  g_ptr_array_set_size (self->removed_findings, 0);
  if (self->active != NULL)
    ikou_check_removed_systems_into (self->plan, self->active, self->removed_findings);
  count_findings (self, self->removed_findings, +1);

  g_signal_emit (self, _ikou_document_signals[FINDINGS_RESET], 0);
  notify_counts (self, errors, warnings, infos);
}

/* Re-checks one system; tells the views when its findings changed. */
static void
recheck_system (IkouDocument *self,
                guint         system_id)
{
  GPtrArray *findings, *old;
  guint errors, warnings, infos;
  guint position;

  if (!system_position (self, system_id, &position))
    return;

  /* Most systems have no findings: one scratch array serves them all. */
  if (self->scratch == NULL)
    self->scratch = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  if (self->schedule != NULL)
    ikou_check_system_into (self->plan, ikou_plan_get_system (self->plan, position),
                            self->active, self->schedule, self->today, NULL, self->scratch);
  findings = self->scratch->len > 0 ? g_steal_pointer (&self->scratch) : NULL;

  old = g_ptr_array_index (self->system_findings, position);
  if (old == NULL && findings == NULL)
    return;

  errors = self->n_errors;
  warnings = self->n_warnings;
  infos = self->n_infos;
  self->system_findings->pdata[position] = findings;
  count_findings (self, old, -1);
  count_findings (self, findings, +1);
  set_summary (self, system_id, findings);
  g_signal_emit (self, _ikou_document_signals[SYSTEM_FINDINGS_CHANGED], 0, position, system_id);
  g_clear_pointer (&old, g_ptr_array_unref);
  notify_counts (self, errors, warnings, infos);
}

void
ikou_document_flush (IkouDocument *self)
{
  g_autoptr(GHashTable) pending = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  if (g_hash_table_size (self->pending) == 0)
    return;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_hash_table_new (NULL, NULL);
  /* The counts are told once, however many systems were waiting. */
  g_object_freeze_notify (G_OBJECT (self));
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    recheck_system (self, GPOINTER_TO_UINT (key));
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
recheck_cb (gpointer user_data)
{
  IkouDocument *self = user_data;

  self->recheck_id = 0;
  ikou_document_flush (self);
  return G_SOURCE_REMOVE;
}

static void
queue_recheck (IkouDocument *self,
               guint         system_id)
{
  g_hash_table_add (self->pending, GUINT_TO_POINTER (system_id));
  /* Once per frame at most: before GTK's layout and paint. */
  if (self->recheck_id == 0)
    self->recheck_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, recheck_cb, self, NULL);
}

/* Signals of the model ----------------------------------------------------- */

/* One edit, or every system a transaction changed: each is re-checked
 * once, at the next flush. */
void
_ikou_document_plan_systems_changed_cb (IkouDocument *self,
                                        GPtrArray    *systems)
{
  for (guint i = 0; i < systems->len; i++)
    {
      guint id = ikou_system_get_id (g_ptr_array_index (systems, i));

      queue_recheck (self, id);
      g_signal_emit (self, _ikou_document_signals[VIEW_CHANGED], 0, id);
    }
}

void
_ikou_document_scenario_systems_changed_cb (IkouDocument *self,
                                            GArray       *ids)
{
  gboolean removed = FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      guint system_id = g_array_index (ids, guint, i);
      guint position;

      if (!system_position (self, system_id, &position))
        {
          removed = TRUE;
          continue;
        }
      queue_recheck (self, system_id);
      g_signal_emit (self, _ikou_document_signals[VIEW_CHANGED], 0, system_id);
    }

  /* An edit of a removed system (an undo) changes only what is reported. */
  if (removed)
    {
      guint errors = self->n_errors, warnings = self->n_warnings, infos = self->n_infos;

      count_findings (self, self->removed_findings, -1);
      g_ptr_array_set_size (self->removed_findings, 0);
      ikou_check_removed_systems_into (self->plan, self->active, self->removed_findings);
      count_findings (self, self->removed_findings, +1);
      notify_counts (self, errors, warnings, infos);
    }
}

/* Public ------------------------------------------------------------------- */

guint
ikou_document_get_n_errors (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  return self->n_errors;
}

guint
ikou_document_get_n_warnings (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  return self->n_warnings;
}

guint
ikou_document_get_n_infos (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  return self->n_infos;
}

GPtrArray *
ikou_document_get_findings_by_system (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->system_findings;
}

GPtrArray *
ikou_document_get_system_findings (IkouDocument *self,
                                   IkouSystem   *system)
{
  guint position;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (IKOU_IS_SYSTEM (system), NULL);

  if (!system_position (self, ikou_system_get_id (system), &position))
    return NULL;
  return g_ptr_array_index (self->system_findings, position);
}

gboolean
ikou_document_get_system_position (IkouDocument *self,
                                   guint         system_id,
                                   guint        *position)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);
  return system_position (self, system_id, position);
}

IkouSeverity
ikou_document_get_worst_severity (IkouDocument *self,
                                  guint         system_id,
                                  guint        *n_findings)
{
  guint packed;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), IKOU_N_SEVERITIES);

  packed = GPOINTER_TO_UINT (g_hash_table_lookup (self->summary, GUINT_TO_POINTER (system_id)));
  if (n_findings != NULL)
    *n_findings = packed != 0 ? SUMMARY_COUNT (packed) : 0;
  return packed != 0 ? SUMMARY_SEVERITY (packed) : IKOU_N_SEVERITIES;
}

GPtrArray *
ikou_document_copy_findings (IkouDocument *self)
{
  GPtrArray *all;
  guint n = 0;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);

  ikou_document_flush (self);
  for (guint i = 0; i < self->system_findings->len; i++)
    {
      GPtrArray *findings = g_ptr_array_index (self->system_findings, i);

      n += findings != NULL ? findings->len : 0;
    }
  all = g_ptr_array_new_full (n, (GDestroyNotify) ikou_finding_free);
  for (guint i = 0; i < self->system_findings->len; i++)
    {
      GPtrArray *findings = g_ptr_array_index (self->system_findings, i);

      for (guint j = 0; findings != NULL && j < findings->len; j++)
        g_ptr_array_add (all, ikou_finding_copy (g_ptr_array_index (findings, j)));
    }
  for (guint i = 0; i < self->removed_findings->len; i++)
    g_ptr_array_add (all, ikou_finding_copy (g_ptr_array_index (self->removed_findings, i)));
  return all;
}
