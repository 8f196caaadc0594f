/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-timeline-private.h"

/* IkouTimeline's findings: the marks of each system's findings (the
 * renderer draws them) and the tooltips over bars, milestones and marks. */

/* Tooltips --------------------------------------------------------------- */

gboolean
_ikou_timeline_query_tooltip_cb (IkouTimeline *self,
                                 int           x,
                                 int           y,
                                 gboolean      keyboard,
                                 GtkTooltip   *tooltip)
{
  IkouHit hit;
  g_autofree char *text = NULL;
  IkouStep st;
  guint id;

  if (keyboard || self->drag.kind != DRAG_NONE)
    return FALSE;
  if (!ikou_renderer_hit_test (self->renderer, _ikou_timeline_scroll_x (self), _ikou_timeline_scroll_y (self), x, y, &hit))
    return FALSE;

  id = ikou_system_get_id (hit.system);
  if (hit.step >= 0)
    ikou_scenario_get_step (ikou_renderer_get_scenario (self->renderer), hit.system, hit.step, &st, NULL);

  switch (hit.kind)
    {
    case IKOU_HIT_MILESTONE:
      {
        g_autofree char *date = _ikou_timeline_format_day (self, ikou_step_get_milestone (&st, hit.milestone));

        text = g_strdup_printf ("%s\n%s: %s", ikou_system_get_name (hit.system),
                                ikou_milestone_label (hit.milestone), date);
      }
      break;
    case IKOU_HIT_BUILD_BAR:
      {
        g_autofree char *from = _ikou_timeline_format_day (self, st.contract_date);
        g_autofree char *to = _ikou_timeline_format_day (self, st.cutover_date);

        text = g_strdup_printf ("%s\n%s: %s → %s", ikou_system_get_name (hit.system),
                                _("Build period"), from, to);
      }
      break;
    case IKOU_HIT_FINDING:
      {
        GString *s = g_string_new (ikou_system_get_name (hit.system));
        GPtrArray *findings = g_hash_table_lookup (self->findings, GUINT_TO_POINTER (id));
        guint shown = 0, more = 0;

        for (guint i = 0; findings != NULL && i < findings->len; i++)
          {
            IkouFinding *f = g_ptr_array_index (findings, i);

            if (f->system_id != id)
              continue;
            if (shown < MAX_TOOLTIP_FINDINGS)
              {
                g_autofree char *message =
                  ikou_finding_format_message (f, ikou_labels_for_locale (self->era_labels));

                g_string_append_c (s, '\n');
                /* Translators: a finding in a tooltip: the rule's title, then its message */
                g_string_append_printf (s, _("%s: %s"), ikou_rule_get_title (f->rule), message);
                shown++;
              }
            else
              more++;
          }
        if (more > 0)
          {
            g_string_append_c (s, '\n');
            g_string_append_printf (s, ngettext ("and %u more finding",
                                                 "and %u more findings", more), more);
          }
        text = g_string_free (s, FALSE);
      }
      break;
    case IKOU_HIT_ROW:
      text = g_strdup (ikou_system_get_name (hit.system));
      break;
    case IKOU_HIT_NONE:
    default:
      return FALSE;
    }

  ikou_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
ikou_timeline_set_findings (IkouTimeline *self,
                            GPtrArray    *findings)
{
  GPtrArray *old_owner;

  g_return_if_fail (IKOU_IS_TIMELINE (self));

  /* Per system, arrays borrowing the findings of @findings (kept alive
   * by a reference to it). */
  old_owner = g_steal_pointer (&self->findings_owner);
  g_hash_table_remove_all (self->findings);
  if (findings != NULL)
    {
      self->findings_owner = g_ptr_array_ref (findings);
      for (guint i = 0; i < findings->len; i++)
        {
          IkouFinding *finding = g_ptr_array_index (findings, i);
          gpointer key = GUINT_TO_POINTER (finding->system_id);
          GPtrArray *mine = g_hash_table_lookup (self->findings, key);

          if (mine == NULL)
            g_hash_table_insert (self->findings, key, mine = g_ptr_array_new ());
          g_ptr_array_add (mine, finding);
        }
    }
  g_clear_pointer (&old_owner, g_ptr_array_unref);

  ikou_renderer_set_findings (self->renderer, findings);
  _ikou_timeline_redraw (self);
}

void
ikou_timeline_set_findings_by_system (IkouTimeline *self,
                                      GPtrArray    *per_system)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  g_hash_table_remove_all (self->findings);
  ikou_renderer_set_findings (self->renderer, NULL);
  for (guint i = 0; per_system != NULL && i < per_system->len; i++)
    {
      GPtrArray *findings = g_ptr_array_index (per_system, i);
      guint id;

      if (findings == NULL || findings->len == 0)
        continue;
      id = ((const IkouFinding *) g_ptr_array_index (findings, 0))->system_id;
      g_hash_table_insert (self->findings, GUINT_TO_POINTER (id), g_ptr_array_ref (findings));
      ikou_renderer_set_system_findings (self->renderer, id, findings);
    }
  g_clear_pointer (&self->findings_owner, g_ptr_array_unref);
  _ikou_timeline_redraw (self);
}

void
ikou_timeline_set_system_findings (IkouTimeline *self,
                                   guint         system_id,
                                   GPtrArray    *findings)
{
  g_return_if_fail (IKOU_IS_TIMELINE (self));

  if (findings != NULL && findings->len > 0)
    g_hash_table_insert (self->findings, GUINT_TO_POINTER (system_id),
                         g_ptr_array_ref (findings));
  else
    g_hash_table_remove (self->findings, GUINT_TO_POINTER (system_id));
  ikou_renderer_set_system_findings (self->renderer, system_id, findings);
  /* Those of the dragged system are in its row, drawn anew each frame. */
  if (self->drag.system != NULL && ikou_system_get_id (self->drag.system) == system_id)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    _ikou_timeline_redraw (self);
}
