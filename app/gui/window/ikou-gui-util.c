/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ikou-error.h"
#include "ikou-date-entry.h"
#include "ikou-gui-util.h"

const char *
ikou_severity_css_class (IkouSeverity severity)
{
  switch (severity)
    {
    case IKOU_SEVERITY_ERROR:
      return "error";
    case IKOU_SEVERITY_WARNING:
      return "warning";
    case IKOU_SEVERITY_INFO:
    case IKOU_N_SEVERITIES:
    default:
      return "info";
    }
}

const char *
ikou_severity_icon_name (IkouSeverity severity)
{
  switch (severity)
    {
    case IKOU_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case IKOU_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case IKOU_SEVERITY_INFO:
    case IKOU_N_SEVERITIES:
    default:
      return "dialog-information-symbolic";
    }
}

/* The plan's text is Japanese whatever the interface language: tag it so
 * Pango picks Japanese glyph forms and one font for every cell, so the
 * text of all columns sits on the same line. */
PangoAttrList *
ikou_japanese_text_attributes (void)
{
  static PangoAttrList *attrs;

  if (g_once_init_enter (&attrs))
    {
      PangoAttrList *list = pango_attr_list_new ();

      pango_attr_list_insert (list, pango_attr_language_new (pango_language_from_string ("ja-jp")));
      g_once_init_leave (&attrs, list);
    }

  return attrs;
}

gboolean
ikou_system_setting_affects_text (GtkSystemSetting setting)
{
  return setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_NAME ||
         setting == GTK_SYSTEM_SETTING_FONT_CONFIG;
}

/* A context laid out as @context lays out: the settings GTK gives a
 * widget's context (gtk_widget_update_pango_context()), copied. */
static PangoContext *
copy_context (PangoContext *context)
{
  PangoContext *copy = pango_font_map_create_context (pango_context_get_font_map (context));

  pango_context_set_font_description (copy, pango_context_get_font_description (context));
  pango_context_set_language (copy, pango_context_get_language (context));
  pango_context_set_base_dir (copy, pango_context_get_base_dir (context));
  pango_context_set_base_gravity (copy, pango_context_get_base_gravity (context));
  pango_context_set_gravity_hint (copy, pango_context_get_gravity_hint (context));
  pango_context_set_matrix (copy, pango_context_get_matrix (context));
  pango_context_set_round_glyph_positions (copy, pango_context_get_round_glyph_positions (context));
  pango_cairo_context_set_resolution (copy, pango_cairo_context_get_resolution (context));
  pango_cairo_context_set_font_options (copy, pango_cairo_context_get_font_options (context));

  return copy;
}

const IkouCellMetrics *
ikou_cell_metrics_lookup (GtkWidget *widget)
{
  static GHashTable *cache;
  PangoContext *context;
  const cairo_font_options_t *options;
  const PangoMatrix *matrix;
  g_autofree char *font = NULL;
  g_autofree char *key = NULL;
  IkouCellMetrics *metrics;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  context = gtk_widget_get_pango_context (widget);
  font = pango_font_description_to_string (pango_context_get_font_description (context));
  options = pango_cairo_context_get_font_options (context);
  matrix = pango_context_get_matrix (context);
  /* Everything copy_context() copies. */
  key = g_strdup_printf ("%s|%s|%g|%lu|%p|%d|%d|%d|%d|%g,%g,%g,%g", font,
                         pango_language_to_string (pango_context_get_language (context)),
                         pango_cairo_context_get_resolution (context),
                         options != NULL ? cairo_font_options_hash (options) : 0ul,
                         (void *) pango_context_get_font_map (context),
                         (int) pango_context_get_base_dir (context),
                         (int) pango_context_get_base_gravity (context),
                         (int) pango_context_get_gravity_hint (context),
                         (int) pango_context_get_round_glyph_positions (context),
                         matrix != NULL ? matrix->xx : 1.0, matrix != NULL ? matrix->xy : 0.0,
                         matrix != NULL ? matrix->yx : 0.0, matrix != NULL ? matrix->yy : 1.0);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  metrics = g_hash_table_lookup (cache, key);
  if (metrics == NULL)
    {
      PangoFontMetrics *font_metrics = pango_context_get_metrics (context, NULL, NULL);

      metrics = g_new0 (IkouCellMetrics, 1);
      metrics->char_width = MAX (pango_font_metrics_get_approximate_char_width (font_metrics),
                                 pango_font_metrics_get_approximate_digit_width (font_metrics));
      metrics->ascent = pango_font_metrics_get_ascent (font_metrics);
      metrics->descent = pango_font_metrics_get_descent (font_metrics);
      metrics->context = copy_context (context);
      pango_font_metrics_unref (font_metrics);
      g_hash_table_insert (cache, g_steal_pointer (&key), metrics);
    }

  return metrics;
}

/* A message that appears under a field near the bottom of a scrolled
 * panel would be out of sight: scroll it in once it is laid out. */
static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "ikou-reveal-frames"));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, bottom, page;

  if (scrolled == NULL || !gtk_widget_get_visible (widget))
    goto done;
  /* Wait for a layout with the message in it (at most a few frames). */
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_height (widget) == 0)
    {
      if (frames++ < 4)
        {
          g_object_set_data (G_OBJECT (widget), "ikou-reveal-frames", GUINT_TO_POINTER (frames));
          return G_SOURCE_CONTINUE;
        }
      goto done;
    }

  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (viewport != NULL && gtk_widget_compute_bounds (widget, viewport, &bounds))
    {
      /* Viewport coordinates: 0 is the top of what is on screen. */
      top = bounds.origin.y;
      bottom = top + bounds.size.height;
      page = gtk_adjustment_get_page_size (adjustment);
      if (bottom + 12 > page)
        gtk_adjustment_set_value (adjustment,
                                  gtk_adjustment_get_value (adjustment) + bottom + 12 - page);
      else if (top < 0)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top);
    }

done:
  return G_SOURCE_REMOVE;
}

static void
reveal_done (gpointer data)
{
  GtkWidget *widget = data;

  g_object_set_data (G_OBJECT (widget), "ikou-reveal-frames", NULL);
  g_object_set_data (G_OBJECT (widget), "ikou-reveal-tick", NULL);
}

void
ikou_widget_reveal_later (GtkWidget *widget)
{
  guint id;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), "ikou-reveal-tick") != NULL)
    return;
  id = gtk_widget_add_tick_callback (widget, reveal_tick, widget, reveal_done);
  g_object_set_data (G_OBJECT (widget), "ikou-reveal-tick", GUINT_TO_POINTER (id));
}

GFile *
ikou_file_with_suffix (GFile       *chosen,
                       const char  *suffix,
                       GError     **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *lower_suffix = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (G_IS_FILE (chosen), NULL);
  g_return_val_if_fail (suffix != NULL, NULL);

  /* "plan" becomes "plan.ikou": the file must say what it holds, or it
   * would not open again as what it is. */
  basename = g_file_get_basename (chosen);
  parent = g_file_get_parent (chosen);
  lower = basename != NULL ? g_utf8_strdown (basename, -1) : NULL;
  lower_suffix = g_utf8_strdown (suffix, -1);
  if (basename == NULL || parent == NULL || g_str_has_suffix (lower, lower_suffix))
    return g_object_ref (chosen);

  name = g_strconcat (basename, suffix, NULL);
  file = g_file_get_child (parent, name);
  if (g_file_query_exists (file, NULL))
    {
      g_autofree char *display = g_file_get_basename (file);

      g_set_error (error, IKOU_ERROR, IKOU_ERROR_IO,
                   _("A file named “%s” already exists. Choose another name, or type the "
                     "whole name to replace it."), display);
      return NULL;
    }

  return g_steal_pointer (&file);
}

GFile *
ikou_file_chooser_finish (GtkNativeDialog       *native,
                          int                    response,
                          GtkFileChooserNative **kept)
{
  GFile *chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (native);
  if (*kept == GTK_FILE_CHOOSER_NATIVE (native))
    g_clear_object (kept);

  return chosen;
}

void
ikou_message_dialog_add_discard_responses (AdwMessageDialog *dialog,
                                           const char       *close_id,
                                           const char       *close_label,
                                           const char       *keep_id,
                                           const char       *keep_label)
{
  adw_message_dialog_add_responses (dialog,
                                    close_id, close_label,
                                    "discard", _("_Discard"),
                                    keep_id, keep_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, keep_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, keep_id);
  adw_message_dialog_set_close_response (dialog, close_id);
}

/* Tooltips --------------------------------------------------------------- */

#define TOOLTIP_MAX_COLUMNS 60

GtkWidget *
ikou_tooltip_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  int columns = 0;

  /* Display columns, as a terminal counts them: GtkLabel's character
   * widths are half an em. */
  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  /* A little more than the text needs, so a line that fits is never
   * wrapped by a rounding of the approximate character width. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), MIN (columns + 2, TOOLTIP_MAX_COLUMNS));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

void
ikou_tooltip_set_text (GtkTooltip *tooltip,
                       const char *text)
{
  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));

  if (text == NULL || *text == '\0')
    {
      gtk_tooltip_set_custom (tooltip, NULL);
      return;
    }
  gtk_tooltip_set_custom (tooltip, ikou_tooltip_label_new (text));
}

static gboolean
tooltip_text_query_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  /* Handled here, so GTK's own query-tooltip does not set the text. */
  if (text == NULL || *text == '\0')
    return FALSE;
  ikou_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
fix_tooltip (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), "ikou-tooltip-fixed") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "ikou-tooltip-fixed", GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (tooltip_text_query_cb), NULL);
}

void
ikou_widget_set_tooltip (GtkWidget  *widget,
                         const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_tooltip_text (widget, text);
  fix_tooltip (widget);
}

void
ikou_tooltips_fix (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (gtk_widget_get_tooltip_text (root) != NULL)
    fix_tooltip (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ikou_tooltips_fix (child);
}

/* Esc puts a field back */

#define RESTORE_KEY "ikou-restore-text"

static void
remember_text (GtkWidget *entry)
{
  g_object_set_data_full (G_OBJECT (entry), RESTORE_KEY,
                          g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))), g_free);
}

static void
restore_focus_enter_cb (GtkEventControllerFocus *controller)
{
  remember_text (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
restore_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        gpointer               user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *saved = g_object_get_data (G_OBJECT (entry), RESTORE_KEY);
  g_autofree char *text = NULL;

  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (saved == NULL || g_strcmp0 (saved, gtk_editable_get_text (GTK_EDITABLE (entry))) == 0)
    return FALSE;

  text = g_strdup (saved);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  return TRUE;
}

static void
restore_activate_cb (GtkWidget *entry)
{
  remember_text (entry);
}

void
ikou_entry_sync (GtkEntry   *entry,
                 const char *value,
                 gboolean    force)
{
  const char *synced = g_object_get_data (G_OBJECT (entry), "ikou-synced");
  gboolean was_synced = g_object_get_data (G_OBJECT (entry), "ikou-has-synced") != NULL;

  g_return_if_fail (GTK_IS_ENTRY (entry));

  if (value == NULL)
    value = "";
  if (!force && was_synced && g_strcmp0 (synced, value) == 0)
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), value);
  g_object_set_data_full (G_OBJECT (entry), "ikou-synced", g_strdup (value), g_free);
  g_object_set_data (G_OBJECT (entry), "ikou-has-synced", GINT_TO_POINTER (1));
}

void
ikou_entry_restore_on_escape (GtkWidget *entry)
{
  GtkEventController *focus;
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_EDITABLE (entry));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (restore_focus_enter_cb), NULL);
  gtk_widget_add_controller (entry, focus);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (restore_key_pressed_cb), NULL);
  gtk_widget_add_controller (entry, keys);

  if (GTK_IS_ENTRY (entry))
    g_signal_connect_after (entry, "activate", G_CALLBACK (restore_activate_cb), NULL);
  remember_text (entry);
}

void
ikou_date_entries_set_labels (GtkWidget  *root,
                              IkouLabels  labels)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (IKOU_IS_DATE_ENTRY (child))
        ikou_date_entry_set_labels (IKOU_DATE_ENTRY (child), labels);
      else
        ikou_date_entries_set_labels (child, labels);
    }
}

typedef struct
{
  guint          *id;
  GSourceOnceFunc func;
  gpointer        data;
} IdleOnce;

static gboolean
idle_once_cb (gpointer user_data)
{
  IdleOnce *once = user_data;

  *once->id = 0;
  once->func (once->data);
  return G_SOURCE_REMOVE;
}

void
ikou_idle_once (guint           *id,
                int              priority,
                GSourceOnceFunc  func,
                gpointer         data)
{
  IdleOnce *once;

  g_return_if_fail (id != NULL);
  g_return_if_fail (func != NULL);

  if (*id != 0)
    return;
  once = g_new (IdleOnce, 1);
  once->id = id;
  once->func = func;
  once->data = data;
  *id = g_idle_add_full (priority, idle_once_cb, once, g_free);
}

static void
connect_each (gpointer            instance,
              const char * const *signals,
              GCallback           callback,
              gpointer            owner)
{
  for (guint i = 0; signals != NULL && signals[i] != NULL; i++)
    g_signal_connect_swapped (instance, signals[i], callback, owner);
}

gboolean
ikou_follow_document (IkouDocument       **slot,
                      IkouDocument        *document,
                      gpointer             owner,
                      GCallback            callback,
                      const char * const  *document_signals,
                      const char * const  *plan_signals)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (document == NULL || IKOU_IS_DOCUMENT (document), FALSE);

  if (*slot == document)
    return FALSE;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, owner);
      g_signal_handlers_disconnect_by_data (ikou_document_get_plan (*slot), owner);
      g_clear_object (slot);
    }
  if (document != NULL)
    {
      *slot = g_object_ref (document);
      connect_each (document, document_signals, callback, owner);
      connect_each (ikou_document_get_plan (document), plan_signals, callback, owner);
    }
  return TRUE;
}
