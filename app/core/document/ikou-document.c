/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-document-private.h"
#include "ikou-error.h"
#include "ikou-finding.h"

G_DEFINE_FINAL_TYPE (IkouDocument, ikou_document, G_TYPE_OBJECT)

GParamSpec *_ikou_document_properties[N_PROPS];
guint _ikou_document_signals[N_SIGNALS];

static IkouDay
today_from_environment (void)
{
  const char *text = g_getenv ("IKOU_TODAY");
  IkouDay day = IKOU_DAY_NONE;

  /* Tests and screenshots pin the date the checker and the today line use. */
  if (text != NULL && !ikou_parse_iso_date (text, &day))
    g_warning ("IKOU_TODAY=%s is not a date (YYYY-MM-DD); using today", text);

  return day != IKOU_DAY_NONE ? day : ikou_day_today ();
}

/* Signals of the model ------------------------------------------------------ */

static void
bump_serial (IkouDocument *self)
{
  self->change_serial++;
}

static void
plan_items_changed_cb (IkouDocument *self,
                       guint         position,
                       guint         removed,
                       guint         added)
{
  ikou_document_recheck_all (self);
}

static void
plan_hosts_changed_cb (IkouDocument *self)
{
  ikou_document_recheck_all (self);
}

static void
history_notify_dirty_cb (IkouDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_DIRTY]);
}

static void
plan_notify_title_cb (IkouDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_TITLE]);
}

/* GObject ------------------------------------------------------------------- */

static void
ikou_document_constructed (GObject *object)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  G_OBJECT_CLASS (ikou_document_parent_class)->constructed (object);

  if (self->plan == NULL)
    self->plan = ikou_plan_new ();
  self->history = ikou_history_new (self->plan);

  g_signal_connect_object (self->plan, "systems-changed",
                           G_CALLBACK (_ikou_document_plan_systems_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "items-changed",
                           G_CALLBACK (plan_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "hosts-changed",
                           G_CALLBACK (plan_hosts_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "scenarios-changed",
                           G_CALLBACK (_ikou_document_plan_scenarios_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "changed",
                           G_CALLBACK (bump_serial), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::title",
                           G_CALLBACK (plan_notify_title_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::dirty",
                           G_CALLBACK (history_notify_dirty_cb), self, G_CONNECT_SWAPPED);

  ikou_document_recheck_all (self);
}

static void
unref_findings (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static void
ikou_document_dispose (GObject *object)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  _ikou_document_clear_preview (self);
  if (self->active != NULL)
    g_signal_handlers_disconnect_by_data (self->active, self);
  g_clear_object (&self->active);
  g_clear_object (&self->compare);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->schedule);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ikou_document_parent_class)->dispose (object);
}

static void
ikou_document_finalize (GObject *object)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  g_ptr_array_unref (self->system_findings);
  g_ptr_array_unref (self->removed_findings);
  g_hash_table_unref (self->positions);
  g_hash_table_unref (self->summary);
  g_hash_table_unref (self->pending);
  g_clear_pointer (&self->scratch, g_ptr_array_unref);

  G_OBJECT_CLASS (ikou_document_parent_class)->finalize (object);
}

static void
ikou_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TODAY:
      g_value_set_int (value, self->today);
      break;
    case PROP_ACTIVE_SCENARIO:
      g_value_set_object (value, self->active);
      break;
    case PROP_COMPARE_SCENARIO:
      g_value_set_object (value, self->compare);
      break;
    case PROP_COMPARING:
      g_value_set_boolean (value, self->comparing);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, ikou_document_get_dirty (self));
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case PROP_N_INFOS:
      g_value_set_uint (value, self->n_infos);
      break;
    case PROP_TITLE:
      g_value_take_string (value, ikou_document_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_document_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IkouDocument *self = IKOU_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_SCHEDULE:
      self->schedule = g_value_dup_object (value);
      break;
    case PROP_STORE:
      ikou_document_set_store (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      ikou_document_set_today (self, g_value_get_int (value));
      break;
    case PROP_ACTIVE_SCENARIO:
      ikou_document_set_active_scenario (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ikou_document_class_init (IkouDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ikou_document_constructed;
  object_class->dispose = ikou_document_dispose;
  object_class->finalize = ikou_document_finalize;
  object_class->get_property = ikou_document_get_property;
  object_class->set_property = ikou_document_set_property;

  _ikou_document_properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, IKOU_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  _ikou_document_properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, IKOU_TYPE_HISTORY, ro);
  _ikou_document_properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL, IKOU_TYPE_SCHEDULE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  _ikou_document_properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IKOU_TYPE_PLAN_STORE, rw);
  _ikou_document_properties[PROP_TODAY] =
    g_param_spec_int ("today", NULL, NULL, 0, G_MAXINT32, 0, rw);
  _ikou_document_properties[PROP_ACTIVE_SCENARIO] =
    g_param_spec_object ("active-scenario", NULL, NULL, IKOU_TYPE_SCENARIO, rw);
  _ikou_document_properties[PROP_COMPARE_SCENARIO] =
    g_param_spec_object ("compare-scenario", NULL, NULL, IKOU_TYPE_SCENARIO, ro);
  _ikou_document_properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE, ro);
  _ikou_document_properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  _ikou_document_properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);
  _ikou_document_properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, ro);
  _ikou_document_properties[PROP_N_INFOS] =
    g_param_spec_uint ("n-infos", NULL, NULL, 0, G_MAXUINT, 0, ro);
  _ikou_document_properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, _ikou_document_properties);

  _ikou_document_signals[VIEW_CHANGED] =
    g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  _ikou_document_signals[FINDINGS_RESET] =
    g_signal_new ("findings-reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  _ikou_document_signals[SYSTEM_FINDINGS_CHANGED] =
    g_signal_new ("system-findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  _ikou_document_signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ikou_document_init (IkouDocument *self)
{
  self->today = today_from_environment ();
  self->system_findings = g_ptr_array_new_with_free_func (unref_findings);
  self->removed_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ikou_finding_free);
  self->positions = g_hash_table_new (NULL, NULL);
  self->summary = g_hash_table_new (NULL, NULL);
  self->pending = g_hash_table_new (NULL, NULL);
}

/* Public --------------------------------------------------------------------- */

IkouDocument *
ikou_document_new (IkouPlan     *plan,
                   IkouSchedule *schedule)
{
  g_return_val_if_fail (plan == NULL || IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (schedule == NULL || IKOU_IS_SCHEDULE (schedule), NULL);

  return g_object_new (IKOU_TYPE_DOCUMENT, "plan", plan, "schedule", schedule, NULL);
}

IkouDocument *
ikou_document_load (IkouPlanStore  *store,
                    IkouSchedule   *schedule,
                    GError        **error)
{
  g_autoptr(IkouPlan) plan = NULL;
  IkouDocument *self;

  g_return_val_if_fail (IKOU_IS_PLAN_STORE (store), NULL);

  plan = ikou_plan_store_load (store, error);
  if (plan == NULL)
    return NULL;
  self = ikou_document_new (plan, schedule);
  ikou_document_set_store (self, store);
  return self;
}

IkouPlan *
ikou_document_get_plan (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->plan;
}

IkouHistory *
ikou_document_get_history (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->history;
}

IkouSchedule *
ikou_document_get_schedule (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->schedule;
}

IkouPlanStore *
ikou_document_get_store (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->store;
}

GFile *
ikou_document_get_file (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);
  return self->store != NULL ? ikou_plan_store_get_file (self->store) : NULL;
}

void
ikou_document_set_store (IkouDocument  *self,
                         IkouPlanStore *store)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));
  g_return_if_fail (store == NULL || IKOU_IS_PLAN_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_TITLE]);
}

char *
ikou_document_dup_title (IkouDocument *self)
{
  const char *title;

  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), NULL);

  title = ikou_plan_get_title (self->plan);
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (self->store != NULL)
    return ikou_plan_store_get_display_name (self->store);
  return g_strdup (_("Untitled plan"));
}

gboolean
ikou_document_get_dirty (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  return ikou_history_get_dirty (self->history);
}

gboolean
ikou_document_save (IkouDocument   *self,
                    IkouPlanStore  *store,
                    GError        **error)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (store == NULL || IKOU_IS_PLAN_STORE (store), FALSE);

  if (store == NULL)
    store = self->store;
  if (store == NULL)
    {
      g_set_error_literal (error, IKOU_ERROR, IKOU_ERROR_IO,
                           _("This plan has not been saved yet: choose where to save it."));
      return FALSE;
    }
  if (!ikou_plan_store_save (store, self->plan, error))
    return FALSE;

  ikou_document_set_store (self, store);
  ikou_history_set_clean (self->history);
  g_signal_emit (self, _ikou_document_signals[SAVED], 0);
  return TRUE;
}

guint64
ikou_document_get_change_serial (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), 0);
  return self->change_serial;
}

IkouDay
ikou_document_get_today (IkouDocument *self)
{
  g_return_val_if_fail (IKOU_IS_DOCUMENT (self), IKOU_DAY_NONE);
  return self->today;
}

void
ikou_document_set_today (IkouDocument *self,
                         IkouDay       today)
{
  g_return_if_fail (IKOU_IS_DOCUMENT (self));

  if (today == IKOU_DAY_NONE)
    today = today_from_environment ();
  if (self->today == today)
    return;
  self->today = today;
  ikou_document_recheck_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), _ikou_document_properties[PROP_TODAY]);
}
