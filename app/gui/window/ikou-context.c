/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-context.h"

#define MAX_RECENT_FILES 10

struct _IkouContext
{
  GObject        parent_instance;

  GSettings     *settings;
  IkouSchedule  *schedule;
  GError        *schedule_error;
  guint          schedule_loaded : 1;
  guint          settings_looked_up : 1;
  guint          first_frame_shown : 1;
};

G_DEFINE_FINAL_TYPE (IkouContext, ikou_context, G_TYPE_OBJECT)

enum {
  FIRST_FRAME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ikou_context_dispose (GObject *object)
{
  IkouContext *self = IKOU_CONTEXT (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->schedule);
  g_clear_error (&self->schedule_error);

  G_OBJECT_CLASS (ikou_context_parent_class)->dispose (object);
}

static void
ikou_context_class_init (IkouContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ikou_context_dispose;

  signals[FIRST_FRAME] =
    g_signal_new ("first-frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ikou_context_init (IkouContext *self)
{
}

IkouContext *
ikou_context_new (void)
{
  return g_object_new (IKOU_TYPE_CONTEXT, NULL);
}

void
ikou_context_first_frame (IkouContext *self)
{
  g_return_if_fail (IKOU_IS_CONTEXT (self));

  if (self->first_frame_shown)
    return;
  self->first_frame_shown = TRUE;
  g_signal_emit (self, signals[FIRST_FRAME], 0);
}

/* Settings */

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

#ifdef IKOU_BUILD_SCHEMA_DIR
  /* Run from the build tree without installing: use the schema compiled
   * there (data/gschemas.compiled). */
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) build_source =
        g_settings_schema_source_new_from_directory (IKOU_BUILD_SCHEMA_DIR, source, FALSE, NULL);

      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, FALSE);
    }
#endif

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; window size, zoom and recent "
                 "plans will not be remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

GSettings *
ikou_context_get_settings (IkouContext *self)
{
  g_return_val_if_fail (IKOU_IS_CONTEXT (self), NULL);

  if (!self->settings_looked_up)
    {
      self->settings_looked_up = TRUE;
      self->settings = create_settings ();
    }

  return self->settings;
}

IkouSchedule *
ikou_context_get_schedule (IkouContext      *self,
                               const GError    **error)
{
  g_return_val_if_fail (IKOU_IS_CONTEXT (self), NULL);

  if (!self->schedule_loaded)
    {
      self->schedule_loaded = TRUE;
      self->schedule = ikou_schedule_load_default (&self->schedule_error);
      if (self->schedule == NULL)
        g_warning ("%s", self->schedule_error->message);
    }

  if (error != NULL)
    *error = self->schedule_error;

  return self->schedule;
}

/* Recent plans */

void
ikou_context_add_recent (IkouContext     *self,
                             GFile           *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  GSettings *settings;

  g_return_if_fail (IKOU_IS_CONTEXT (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  path = g_file_get_path (file);

  settings = ikou_context_get_settings (self);
  if (settings != NULL)
    {
      g_auto(GStrv) old = g_settings_get_strv (settings, "recent-files");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) recent = NULL;
      guint n = 1;

      g_strv_builder_add (builder, uri);
      for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
        {
          if (g_strcmp0 (old[i], uri) == 0)
            continue;
          g_strv_builder_add (builder, old[i]);
          n++;
        }
      recent = g_strv_builder_end (builder);
      g_settings_set_strv (settings, "recent-files", (const char * const *) recent);
    }

  {
    GtkRecentData data = { 0 };
    g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname () ? g_get_prgname () : "ikou");

    data.display_name = NULL;
    data.mime_type = (char *) (path && g_str_has_suffix (path, ".xml")
                               ? "application/xml" : "application/x-ikou");
    data.app_name = (char *) "Ikou";
    data.app_exec = exec;
    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  }
}

/* The sample plan */

static GFile *
find_sample_in (const char *dir)
{
  static const char * const names[] = { "koriyama.ikou", "koriyama.xml" };

  if (dir == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }

  return NULL;
}

GFile *
ikou_context_get_sample_file (void)
{
  const char *source_root = g_getenv ("IKOU_SOURCE_ROOT");
  g_autofree char *from_env = NULL;
  g_autofree char *installed = g_build_filename (PKGDATADIR, "samples", NULL);
  g_autofree char *source = g_build_filename (IKOU_SOURCE_DATADIR, "samples", NULL);
  GFile *file;

  if (source_root != NULL)
    from_env = g_build_filename (source_root, "data", "samples", NULL);

  if ((file = find_sample_in (from_env)) != NULL
      || (file = find_sample_in (installed)) != NULL
      || (file = find_sample_in (source)) != NULL)
    return file;

  return NULL;
}

/* Recovery copies */

char *
ikou_context_get_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "ikou", "recovery", NULL);
}
