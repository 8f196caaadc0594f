/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ikou-calendar.h"
#include "ikou-error.h"
#include "ikou-schedule.h"
#include "ikou-xml-util.h"

#define SCHEMA_NAME "schedule.rng"
#define DEFAULT_MARGIN_MONTHS 3

struct _IkouSchedule
{
  GObject       parent_instance;

  char         *path;           /* NULL when loaded from data */
  char         *version;
  IkouDay       revised;
  char         *source;         /* the source titles, "; "-joined */
  IkouDay       deadline;
  IkouDay       tokutei_limit;
  IkouDay       gov_cloud_from;
  int           margin_months;

  GArray       *operations;     /* IkouOperation */
  GArray       *phases;         /* IkouPhase */
  GArray       *events;         /* IkouScheduleEvent */
  GHashTable   *operation_index;/* id → index + 1 */
  GStringChunk *strings;        /* every string the arrays point to */
};

G_DEFINE_FINAL_TYPE (IkouSchedule, ikou_schedule, G_TYPE_OBJECT)

static const IkouXmlErrorCodes schedule_codes = {
  IKOU_ERROR_INVALID_SCHEDULE,
  IKOU_ERROR_INVALID_SCHEDULE,
  IKOU_ERROR_INVALID_SCHEDULE,
  IKOU_ERROR_INVALID_SCHEDULE,
};

static void
ikou_schedule_finalize (GObject *object)
{
  IkouSchedule *self = IKOU_SCHEDULE (object);

  g_free (self->path);
  g_free (self->version);
  g_free (self->source);
  g_array_unref (self->operations);
  g_array_unref (self->phases);
  g_array_unref (self->events);
  g_hash_table_unref (self->operation_index);
  g_string_chunk_free (self->strings);

  G_OBJECT_CLASS (ikou_schedule_parent_class)->finalize (object);
}

static void
ikou_schedule_class_init (IkouScheduleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ikou_schedule_finalize;
}

static void
ikou_schedule_init (IkouSchedule *self)
{
  self->operations = g_array_new (FALSE, TRUE, sizeof (IkouOperation));
  self->phases = g_array_new (FALSE, TRUE, sizeof (IkouPhase));
  self->events = g_array_new (FALSE, TRUE, sizeof (IkouScheduleEvent));
  self->operation_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->strings = g_string_chunk_new (1024);
  self->margin_months = DEFAULT_MARGIN_MONTHS;
}

/* Reading */

typedef struct
{
  IkouSchedule *self;
  const char   *name;      /* display name of the file */
  GHashTable   *sources;   /* source ids */
} Reader;

static const char *
keep (Reader  *reader,
      xmlNode *node,
      const char *attr)
{
  g_autofree char *value = ikou_xml_get_attr (node, attr);

  return value != NULL ? g_string_chunk_insert_const (reader->self->strings, value) : NULL;
}

static gboolean
read_date (Reader      *reader,
           xmlNode     *node,
           const char  *attr,
           IkouDay     *out,
           GError     **error)
{
  return ikou_xml_get_typed_attr (node, attr, &ikou_xml_attr_date, reader->name,
                                  IKOU_ERROR_INVALID_SCHEDULE, out, error);
}

/* months= of <at-risk-margin>: a whole number, DEFAULT_MARGIN_MONTHS
 * when absent. */
static gboolean
parse_margin_months (const char *text,
                     gpointer    out_value)
{
  if (text != NULL)
    return ikou_xml_attr_uint.parse (text, out_value);

  *(guint *) out_value = DEFAULT_MARGIN_MONTHS;
  return TRUE;
}

static const IkouXmlAttrType margin_months_type =
  { parse_margin_months, N_("a whole number") };

/* Ids are unique within their kind. */
static gboolean
check_unique (Reader      *reader,
              GHashTable  *seen,
              xmlNode     *node,
              const char  *id,
              GError     **error)
{
  if (!g_hash_table_add (seen, (gpointer) id))
    {
      ikou_xml_set_error (error, IKOU_ERROR_INVALID_SCHEDULE, reader->name, node,
                          _("the id “%s” is used twice."), id);
      return FALSE;
    }
  return TRUE;
}

/* Every fact names its sources; each must be listed under <sources>. */
static gboolean
check_sources (Reader      *reader,
               xmlNode     *parent,
               GError     **error)
{
  for (xmlNode *node = ikou_xml_first_child (parent, NULL);
       node != NULL;
       node = ikou_xml_next_sibling (node, NULL))
    {
      g_autofree char *refs = NULL;
      g_auto(GStrv) ids = NULL;

      if (ikou_xml_is_element (node, "sources"))
        continue;

      refs = ikou_xml_get_attr (node, "source");
      if (refs != NULL)
        {
          ids = g_strsplit_set (refs, " \t\r\n", -1);
          for (guint i = 0; ids[i] != NULL; i++)
            {
              if (*ids[i] == '\0' || g_hash_table_contains (reader->sources, ids[i]))
                continue;
              ikou_xml_set_error (error, IKOU_ERROR_INVALID_SCHEDULE, reader->name, node,
                                  _("the source “%s” is not listed under <sources>."),
                                  ids[i]);
              return FALSE;
            }
        }

      if (!check_sources (reader, node, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_sources (Reader   *reader,
              xmlNode  *root,
              GError  **error)
{
  IkouSchedule *self = reader->self;
  g_autoptr(GString) titles = g_string_new (NULL);

  for (xmlNode *node = ikou_xml_first_child (ikou_xml_first_child (root, "sources"), "source");
       node != NULL;
       node = ikou_xml_next_sibling (node, "source"))
    {
      const char *id = keep (reader, node, "id");
      g_autofree char *title = ikou_xml_get_text (node);

      if (!check_unique (reader, reader->sources, node, id, error))
        return FALSE;

      if (titles->len > 0)
        g_string_append (titles, "; ");
      g_string_append (titles, g_strstrip (title));
    }

  self->source = g_string_free (g_steal_pointer (&titles), FALSE);
  return TRUE;
}

static gboolean
read_fact_date (Reader      *reader,
                xmlNode     *root,
                const char  *element,
                IkouDay     *out,
                GError     **error)
{
  xmlNode *node = ikou_xml_first_child (root, element);

  *out = IKOU_DAY_NONE;
  return node == NULL || read_date (reader, node, "date", out, error);
}

/* One <operation>, <phase> or <event>; @seen holds the ids of its kind
 * read so far. */
typedef gboolean (*ItemReader) (Reader      *reader,
                                xmlNode     *node,
                                GHashTable  *seen,
                                GError     **error);

static gboolean
read_operation (Reader      *reader,
                xmlNode     *node,
                GHashTable  *seen,
                GError     **error)
{
  IkouSchedule *self = reader->self;
  IkouOperation op = { NULL, NULL, NULL, IKOU_DAY_NONE };

  op.id = keep (reader, node, "id");
  op.name = keep (reader, node, "name");
  op.name_en = keep (reader, node, "name-en");
  if (!check_unique (reader, seen, node, op.id, error) ||
      !read_date (reader, node, "spec-published", &op.spec_published, error))
    return FALSE;

  g_array_append_val (self->operations, op);
  g_hash_table_insert (self->operation_index, (gpointer) op.id,
                       GUINT_TO_POINTER (self->operations->len));
  return TRUE;
}

static gboolean
read_phase (Reader      *reader,
            xmlNode     *node,
            GHashTable  *seen,
            GError     **error)
{
  IkouPhase phase = { NULL, NULL, NULL, IKOU_DAY_NONE, IKOU_DAY_NONE };

  phase.id = keep (reader, node, "id");
  phase.label = keep (reader, node, "label");
  phase.label_en = keep (reader, node, "label-en");
  if (!check_unique (reader, seen, node, phase.id, error) ||
      !read_date (reader, node, "start", &phase.start, error) ||
      !read_date (reader, node, "end", &phase.end, error))
    return FALSE;

  if (phase.end < phase.start)
    {
      ikou_xml_set_error (error, IKOU_ERROR_INVALID_SCHEDULE, reader->name, node,
                          _("the phase “%s” ends before it starts."), phase.id);
      return FALSE;
    }

  g_array_append_val (reader->self->phases, phase);
  return TRUE;
}

static gboolean
read_event (Reader      *reader,
            xmlNode     *node,
            GHashTable  *seen,
            GError     **error)
{
  IkouScheduleEvent event = { NULL, NULL, NULL, IKOU_DAY_NONE };

  event.id = keep (reader, node, "id");
  event.label = keep (reader, node, "label");
  event.label_en = keep (reader, node, "label-en");
  if (!check_unique (reader, seen, node, event.id, error) ||
      !read_date (reader, node, "date", &event.date, error))
    return FALSE;

  g_array_append_val (reader->self->events, event);
  return TRUE;
}

/* Every <@item> of @list (none when it is NULL), in order, by @read_item. */
static gboolean
read_items (Reader      *reader,
            xmlNode     *list,
            const char  *item,
            ItemReader   read_item,
            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (xmlNode *node = ikou_xml_first_child (list, item);
       node != NULL;
       node = ikou_xml_next_sibling (node, item))
    if (!read_item (reader, node, seen, error))
      return FALSE;

  return TRUE;
}

/* A format above ours is refused before the schema is even tried: a newer
 * file is expected not to validate against an older schema. */
static gboolean
check_format (Reader   *reader,
              xmlNode  *root,
              GError  **error)
{
  g_autofree char *format = ikou_xml_newer_format (root, IKOU_SCHEDULE_FORMAT);

  if (format != NULL)
    {
      ikou_xml_set_error (error, IKOU_ERROR_NEWER_VERSION, reader->name, root,
                          _("this national schedule is in format %s, but this version "
                            "of Ikou reads format %d and older. Update Ikou to use it."),
                          format, IKOU_SCHEDULE_FORMAT);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_schedule (Reader   *reader,
               xmlDoc   *doc,
               GError  **error)
{
  IkouSchedule *self = reader->self;
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *margin;
  guint months;

  if (!ikou_xml_is_element (root, "schedule") || root->ns != NULL)
    {
      ikou_xml_set_error (error, IKOU_ERROR_INVALID_SCHEDULE, reader->name, root,
                          _("this is not a national schedule file (it starts with <%s>)."),
                          (const char *) root->name);
      return FALSE;
    }

  if (!check_format (reader, root, error) ||
      !ikou_xml_validate (doc, SCHEMA_NAME, reader->name, IKOU_ERROR_INVALID_SCHEDULE, error))
    return FALSE;

  self->version = ikou_xml_get_attr (root, "version");
  if (!read_date (reader, root, "revised", &self->revised, error) ||
      !read_sources (reader, root, error) ||
      !check_sources (reader, root, error) ||
      !read_fact_date (reader, root, "deadline", &self->deadline, error) ||
      !read_fact_date (reader, root, "tokutei-limit", &self->tokutei_limit, error) ||
      !read_fact_date (reader, root, "gov-cloud-provided", &self->gov_cloud_from, error))
    return FALSE;

  if (self->tokutei_limit < self->deadline)
    {
      ikou_xml_set_error (error, IKOU_ERROR_INVALID_SCHEDULE, reader->name,
                          ikou_xml_first_child (root, "tokutei-limit"),
                          _("the outer limit for specified migration support is before the "
                            "deadline."));
      return FALSE;
    }

  margin = ikou_xml_first_child (root, "at-risk-margin");
  if (margin != NULL)
    {
      if (!ikou_xml_get_typed_attr (margin, "months", &margin_months_type, reader->name,
                                    IKOU_ERROR_INVALID_SCHEDULE, &months, error))
        return FALSE;
      self->margin_months = (int) months;
    }

  return read_items (reader, ikou_xml_first_child (root, "operations"), "operation",
                     read_operation, error) &&
         read_items (reader, ikou_xml_first_child (root, "phases"), "phase",
                     read_phase, error) &&
         read_items (reader, ikou_xml_first_child (root, "events"), "event",
                     read_event, error);
}

static IkouSchedule *
schedule_new_from_data (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(IkouSchedule) self = g_object_new (IKOU_TYPE_SCHEDULE, NULL);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  Reader reader = { self, display_name, sources };

  doc = ikou_xml_parse (data, length, display_name, &schedule_codes, error);
  if (doc == NULL || !read_schedule (&reader, doc, error))
    return NULL;

  self->path = g_strdup (path);
  return g_steal_pointer (&self);
}

IkouSchedule *
ikou_schedule_new_from_data (const char  *data,
                             gsize        length,
                             const char  *display_name,
                             GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return schedule_new_from_data (data, length,
                                 display_name != NULL ? display_name : _("the schedule"),
                                 NULL, error);
}

IkouSchedule *
ikou_schedule_new_from_file (const char  *path,
                             GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ikou_xml_read_file_contents (path, &data, &length, error))
    return NULL;

  name = g_filename_display_name (path);
  return schedule_new_from_data (data, length, name, path, error);
}

/* Folders */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Loads every *.xml of @dir (in name order) into @best when newer.  A
 * missing folder is no error: the caller says so if no folder had one. */
static void
scan_dir (const char     *dir,
          IkouSchedule  **best,
          GPtrArray      *errors,
          guint          *n_files)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) &&
          !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        {
          g_autofree char *display = g_filename_display_name (dir);

          g_ptr_array_add (errors, g_error_new (IKOU_ERROR, IKOU_ERROR_IO,
                                                _("Could not read the folder %s: %s"),
                                                display, local_error->message));
        }
      return;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".xml") && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(IkouSchedule) schedule = NULL;
      GError *file_error = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      (*n_files)++;
      schedule = ikou_schedule_new_from_file (path, &file_error);
      if (schedule == NULL)
        {
          g_ptr_array_add (errors, file_error);
          continue;
        }

      /* Ties keep the first: folders are scanned in priority order. */
      if (*best == NULL || schedule->revised > (*best)->revised)
        g_set_object (best, schedule);
    }
}

static IkouSchedule *
load_from_dirs (const char * const  *dirs,
                GError             **error)
{
  g_autoptr(IkouSchedule) best = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  guint n_files = 0;

  for (guint i = 0; dirs[i] != NULL; i++)
    scan_dir (dirs[i], &best, errors, &n_files);

  if (best == NULL)
    {
      if (errors->len > 0)
        {
          g_propagate_error (error, g_ptr_array_steal_index (errors, 0));
        }
      else
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) dirs);
          g_autofree char *display = g_filename_display_name (joined);

          g_set_error (error, IKOU_ERROR, IKOU_ERROR_NOT_FOUND,
                       _("No national schedule file (*.xml) was found in %s."), display);
        }
      return NULL;
    }

  for (guint i = 0; i < errors->len; i++)
    g_warning ("Skipped a national schedule file: %s",
               ((GError *) g_ptr_array_index (errors, i))->message);

  return g_steal_pointer (&best);
}

IkouSchedule *
ikou_schedule_load_from_dir (const char  *dir,
                             GError     **error)
{
  const char *dirs[] = { dir, NULL };

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_from_dirs (dirs, error);
}

IkouSchedule *
ikou_schedule_load_default (GError **error)
{
  const char *env = g_getenv ("IKOU_SCHEDULE_DIR");
  g_autofree char *user_dir = NULL;
  const char *dirs[4] = { NULL, };

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (env != NULL && *env != '\0')
    return ikou_schedule_load_from_dir (env, error);

  /* The newest revision wins across all folders, so a file the user
   * drops into ~/.local/share/ikou/schedule overrides the shipped one
   * only when it is newer. */
  user_dir = g_build_filename (g_get_user_data_dir (), "ikou", "schedule", NULL);
  dirs[0] = user_dir;
  dirs[1] = PKGDATADIR G_DIR_SEPARATOR_S "schedule";
  dirs[2] = IKOU_SOURCE_DATADIR G_DIR_SEPARATOR_S "schedule";

  return load_from_dirs (dirs, error);
}

/* Accessors */

const char *
ikou_schedule_get_version (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), NULL);
  return self->version;
}

IkouDay
ikou_schedule_get_revised (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), IKOU_DAY_NONE);
  return self->revised;
}

const char *
ikou_schedule_get_source (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), NULL);
  return self->source;
}

const char *
ikou_schedule_get_path (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), NULL);
  return self->path;
}

IkouDay
ikou_schedule_get_deadline (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), IKOU_DAY_NONE);
  return self->deadline;
}

IkouDay
ikou_schedule_get_tokutei_limit (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), IKOU_DAY_NONE);
  return self->tokutei_limit;
}

IkouDay
ikou_schedule_get_gov_cloud_from (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), IKOU_DAY_NONE);
  return self->gov_cloud_from;
}

int
ikou_schedule_get_margin_months (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), DEFAULT_MARGIN_MONTHS);
  return self->margin_months;
}

guint
ikou_schedule_get_n_operations (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), 0);
  return self->operations->len;
}

const IkouOperation *
ikou_schedule_get_operation (IkouSchedule *self,
                             guint         index)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (index < self->operations->len, NULL);
  return &g_array_index (self->operations, IkouOperation, index);
}

const IkouOperation *
ikou_schedule_lookup_operation (IkouSchedule *self,
                                const char   *id)
{
  guint index;

  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), NULL);

  if (id == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->operation_index, id));
  return index > 0 ? &g_array_index (self->operations, IkouOperation, index - 1) : NULL;
}

guint
ikou_schedule_get_n_phases (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), 0);
  return self->phases->len;
}

const IkouPhase *
ikou_schedule_get_phase (IkouSchedule *self,
                         guint         index)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (index < self->phases->len, NULL);
  return &g_array_index (self->phases, IkouPhase, index);
}

guint
ikou_schedule_get_n_events (IkouSchedule *self)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), 0);
  return self->events->len;
}

const IkouScheduleEvent *
ikou_schedule_get_event (IkouSchedule *self,
                         guint         index)
{
  g_return_val_if_fail (IKOU_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return &g_array_index (self->events, IkouScheduleEvent, index);
}
