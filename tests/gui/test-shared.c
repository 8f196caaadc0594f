/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ikou-application.h"
#include "ikou-atomic-file.h"
#include "ikou-i18n.h"
#include "ikou-error.h"
#include "gui-test.h"
#include "ikou-gui-test-util.h"
#include "ikou-test-util.h"
#include "ikou-lock.h"
#include "ikou-store.h"
#include "ikou-window-private.h"
#include "ikou-xml.h"

/* Plans on shared folders, in the window under Xvfb: another process has
 * the plan open (the dialog, read-only, open anyway), someone else saves
 * while it is open (the save asks; the banner offers to reload), a
 * checksum mismatch (read-only), and the window killed with SIGKILL in
 * the middle of an autosave and of a save (a child process of this test
 * kills itself through $IKOU_DEBUG_KILL_BEFORE_RENAME), then started
 * again: the recovery copy is offered and complete.  Screenshots of the
 * dialogs go to tests/artifacts/shared-<lang>-*.png in the build tree.
 *
 * Run with --ikou-lang=ja for the Japanese interface (LANGUAGE=ja). */

static IkouApplication *app;
static const char *lang = "en";
static char *tmp_home;

/* The other planner: a process forked before GTK starts any thread,
 * which takes ('L'), takes over ('F': open anyway) and releases ('U')
 * the lock on the plan on demand. */
static pid_t holder;
static int holder_in = -1;
static int holder_out = -1;

#define PLAN_NAME "shared.ikou"
#define DAMAGED_NAME "damaged.ikou"

static char *
plan_path (const char *name)
{
  return g_build_filename (tmp_home, name, NULL);
}

static void
holder_main (int in, int out)
{
  g_autofree char *path = plan_path (PLAN_NAME);
  IkouLock *lock = NULL;
  char command;

  prctl (PR_SET_PDEATHSIG, SIGKILL);
  while (read (in, &command, 1) == 1)
    {
      char answer = 'y';

      if ((command == 'L' || command == 'F') && lock == NULL)
        answer = (lock = ikou_lock_acquire (path, command == 'F', NULL, NULL)) != NULL ? 'y' : 'n';
      else if (command == 'U')
        g_clear_pointer (&lock, ikou_lock_release);
      if (write (out, &answer, 1) != 1)
        break;
    }
  _exit (0);
}

static void
start_holder (void)
{
  int to_child[2], from_child[2];

  g_assert_cmpint (pipe (to_child), ==, 0);
  g_assert_cmpint (pipe (from_child), ==, 0);
  holder = fork ();
  g_assert_cmpint (holder, >=, 0);
  if (holder == 0)
    {
      close (to_child[1]);
      close (from_child[0]);
      holder_main (to_child[0], from_child[1]);
    }
  close (to_child[0]);
  close (from_child[1]);
  holder_in = to_child[1];
  holder_out = from_child[0];
}

static void
tell_holder (char command)
{
  char answer = 0;

  g_assert_cmpint (write (holder_in, &command, 1), ==, 1);
  g_assert_cmpint (read (holder_out, &answer, 1), ==, 1);
  g_assert_cmpint (answer, ==, 'y');
}

static void
screenshot (GtkWidget  *widget,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("shared-%s-%s.png", lang, what);

  ikou_gui_test_save_screenshot (widget, name);
}

/* The message dialog shown now, or NULL. */
/* The window showing the plan at @path, or NULL. */
static IkouWindow *
window_for (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (IKOU_IS_WINDOW (l->data) && ikou_window_get_file (l->data) != NULL &&
        g_file_equal (ikou_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

static IkouWindow *
new_window (void)
{
  IkouWindow *window = ikou_window_new (GTK_APPLICATION (app), ikou_application_get_context (app));

  gtk_window_present (GTK_WINDOW (window));
  ikou_gui_test_wait_frames (GTK_WIDGET (window), 2);
  return window;
}

/* A new window with the plan at @path loaded. */
static IkouWindow *
window_with_plan (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IkouWindow *window = new_window ();

  g_assert_true (ikou_window_load_file (window, file, &error));
  g_assert_no_error (error);
  return window;
}

/* The sample plan written as @name (17 systems), titled @title. */
static char *
write_plan (const char *name,
            const char *title)
{
  g_autofree char *sample = g_build_filename (g_getenv ("IKOU_SOURCE_ROOT"), "data", "samples",
                                              "koriyama.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkouPlan) plan = ikou_xml_read_file (sample, &error);
  char *path = plan_path (name);

  g_assert_no_error (error);
  ikou_plan_set_title (plan, title);
  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_no_error (error);
  return path;
}

static IkouPlan *
read_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  IkouPlan *plan = ikou_store_load (path, &error);

  g_assert_no_error (error);
  return plan;
}

/* The shared-folder banner, made when first needed, sits above the
 * catch-up banner. */
static gboolean
banner_shown (IkouWindow *window)
{
  GtkWidget *first = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (window->catch_up_revealer)));

  return first != GTK_WIDGET (window->catch_up_revealer) &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (first));
}

static void
assert_read_only (IkouWindow *window,
                  gboolean    read_only)
{
  guint n = ikou_plan_get_n_systems (ikou_window_get_plan (window));
  const char *subtitle = adw_window_title_get_subtitle (window->window_title);

  g_assert_cmpint (_ikou_window_shared_is_read_only (window), ==, read_only);
  g_assert_cmpint (banner_shown (window), ==, read_only);
  g_assert_cmpint (strstr (subtitle, g_strcmp0 (lang, "ja") == 0 ? "読み取り専用" : "Read-only") != NULL,
                   ==, read_only);
  /* Edits do nothing while read-only. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-system", NULL);
  g_assert_cmpuint (ikou_plan_get_n_systems (ikou_window_get_plan (window)), ==, read_only ? n : n + 1);
  if (!read_only)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (ikou_window_get_dirty (window));
}

/* Tests */

static void
test_lock_dialog (void)
{
  g_autofree char *path = write_plan (PLAN_NAME, "locked plan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IkouWindow *window = new_window ();
  AdwMessageDialog *dialog;
  IkouWindow *shown;

  tell_holder ('L');

  /* Without asking (the API the tests use): refused, who has it. */
  g_assert_false (ikou_window_load_file (window, file, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED);
  g_clear_error (&error);

  /* As the planner opens it: who, since when; read-only, anyway, cancel. */
  ikou_window_open (window, file);
  dialog = gui_test_shown_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_get_user_name ()));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_get_host_name ()));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), PLAN_NAME));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "anyway"));
  screenshot (GTK_WIDGET (dialog), "lock-dialog");

  gui_test_answer_dialog (dialog, "cancel");
  g_assert_false (ikou_window_has_document (window));

  ikou_window_open (window, file);
  gui_test_answer_dialog (gui_test_shown_message_dialog (), "read-only");
  shown = window_for (path);
  g_assert_true (shown == window);
  assert_read_only (window, TRUE);
  /* Not ours: the other planner's lock stays. */
  {
    g_autoptr(IkouLockOwner) owner = ikou_lock_query (path);

    g_assert_nonnull (owner);
    g_assert_cmpint (owner->pid, ==, holder);
  }
  g_assert_false (ikou_window_save_to_file (window, file, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_LOCKED);
  g_clear_error (&error);
  screenshot (GTK_WIDGET (window), "read-only");

  /* Save As makes an editable copy, with its own lock. */
  {
    g_autofree char *copy_path = plan_path ("copy.ikou");
    g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
    g_autofree char *copy_lock = ikou_lock_path_for (copy_path);

    g_assert_true (ikou_window_save_to_file (window, copy, &error));
    g_assert_no_error (error);
    assert_read_only (window, FALSE);
    g_assert_true (g_file_test (copy_lock, G_FILE_TEST_EXISTS));
    gui_test_close_window (window);
    g_assert_false (g_file_test (copy_lock, G_FILE_TEST_EXISTS));
  }

  /* Open anyway: the lock is taken over. */
  window = new_window ();
  ikou_window_open (window, file);
  gui_test_answer_dialog (gui_test_shown_message_dialog (), "anyway");
  g_assert_true (window_for (path) == window);
  assert_read_only (window, FALSE);
  g_assert_null (ikou_lock_query (path));
  /* Closing releases it. */
  gui_test_close_window (window);
  {
    g_autofree char *lock = ikou_lock_path_for (path);

    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  }
  tell_holder ('U');
}

/* Someone else saves the plan while it is open here. */
static void
someone_else_saves (const char *path,
                    const char *title)
{
  g_autoptr(IkouPlan) plan = read_plan (path);
  g_autoptr(GError) error = NULL;

  ikou_plan_set_title (plan, title);
  /* A second later, so the identity differs on any file system. */
  g_usleep (G_USEC_PER_SEC / 10);
  g_assert_true (ikou_store_save (plan, path, &error));
  g_assert_no_error (error);
}

static void
wait_banner (IkouWindow *window,
             gboolean    revealed)
{
  IKOU_GUI_TEST_WAIT_UNTIL (banner_shown (window) == revealed, 5000);
  g_assert_cmpint (banner_shown (window), ==, revealed);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *path = write_plan (PLAN_NAME, "mine");
  g_autoptr(GError) error = NULL;
  IkouWindow *window = window_with_plan (path);
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-system", NULL));

  /* The save finds it and asks: save as, reload, overwrite. */
  someone_else_saves (path, "theirs");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = gui_test_shown_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  screenshot (GTK_WIDGET (dialog), "changed-dialog");
  /* Nothing was written. */
  {
    g_autoptr(IkouPlan) on_disk = read_plan (path);

    g_assert_cmpstr (ikou_plan_get_title (on_disk), ==, "theirs");
  }
  gui_test_answer_dialog (dialog, "overwrite");
  g_assert_false (ikou_window_get_dirty (window));
  {
    g_autoptr(IkouPlan) on_disk = read_plan (path);

    g_assert_cmpstr (ikou_plan_get_title (on_disk), ==, "mine");
    g_assert_cmpuint (ikou_plan_get_n_systems (on_disk), ==, 18);
  }
  /* Our own save is not someone else's. */
  for (guint i = 0; i < 5; i++)
    ikou_gui_test_wait_frames (GTK_WIDGET (window), 2);
  wait_banner (window, FALSE);

  /* Noticed while open: the banner offers to reload. */
  someone_else_saves (path, "theirs again");
  wait_banner (window, TRUE);
  screenshot (GTK_WIDGET (window), "changed-banner");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_cmpstr (ikou_plan_get_title (ikou_window_get_plan (window)), ==, "theirs again");
  g_assert_false (ikou_window_get_dirty (window));
  wait_banner (window, FALSE);

  /* Reload from the dialog discards the edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-system", NULL));
  someone_else_saves (path, "third");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_answer_dialog (gui_test_shown_message_dialog (), "reload");
  g_assert_cmpstr (ikou_plan_get_title (ikou_window_get_plan (window)), ==, "third");
  g_assert_cmpuint (ikou_plan_get_n_systems (ikou_window_get_plan (window)), ==, 18);
  g_assert_false (ikou_window_get_dirty (window));

  /* Save As moves the lock to the new file. */
  {
    g_autofree char *other_path = plan_path ("other.ikou");
    g_autofree char *other_lock = ikou_lock_path_for (other_path);
    g_autofree char *lock = ikou_lock_path_for (path);
    g_autoptr(GFile) other = g_file_new_for_path (other_path);
    g_autoptr(GFile) back = g_file_new_for_path (path);

    g_assert_true (ikou_window_save_to_file (window, other, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (other_lock, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
    g_assert_true (ikou_window_save_to_file (window, back, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (other_lock, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (lock, G_FILE_TEST_IS_REGULAR));
  }

  /* Someone opened it anyway: asked before saving over them. */
  tell_holder ('F');
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-system", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = gui_test_shown_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_get_host_name ()));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  screenshot (GTK_WIDGET (dialog), "lock-lost-dialog");
  gui_test_answer_dialog (dialog, "cancel");
  g_assert_true (ikou_window_get_dirty (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_answer_dialog (gui_test_shown_message_dialog (), "save");
  g_assert_false (ikou_window_get_dirty (window));
  {
    g_autoptr(IkouPlan) on_disk = read_plan (path);

    g_assert_cmpuint (ikou_plan_get_n_systems (on_disk), ==, 19);
  }
  gui_test_close_window (window);
  /* Their lock stays theirs. */
  {
    g_autoptr(IkouLockOwner) owner = ikou_lock_query (path);

    g_assert_nonnull (owner);
    g_assert_cmpint (owner->pid, ==, holder);
  }
  tell_holder ('U');
}

static void
test_damaged (void)
{
  g_autofree char *path = write_plan (DAMAGED_NAME, "CHECKSUM-TARGET");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  char *found = NULL;
  IkouWindow *window;
  AdwMessageDialog *dialog;

  /* One byte changed outside Ikou: the page is still valid SQLite. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; found == NULL && i + strlen ("CHECKSUM-TARGET") <= length; i++)
    if (memcmp (contents + i, "CHECKSUM-TARGET", strlen ("CHECKSUM-TARGET")) == 0)
      found = contents + i;
  g_assert_nonnull (found);
  found[strlen ("CHECKSUM-TARGE")] = 'X';
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  window = new_window ();
  g_assert_false (ikou_window_load_file (window, file, &error));
  g_assert_error (error, IKOU_ERROR, IKOU_ERROR_CHECKSUM);
  {
    g_autofree char *lock = ikou_lock_path_for (path);

    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  }

  ikou_window_open (window, file);
  dialog = gui_test_shown_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), DAMAGED_NAME));
  screenshot (GTK_WIDGET (dialog), "damaged-dialog");
  gui_test_answer_dialog (dialog, "read-only");
  g_assert_true (window_for (path) == window);
  g_assert_cmpstr (ikou_plan_get_title (ikou_window_get_plan (window)), ==, "CHECKSUM-TARGEX");
  assert_read_only (window, TRUE);
  screenshot (GTK_WIDGET (window), "damaged-read-only");
  gui_test_close_window (window);

  /* Cancel leaves the window empty. */
  window = new_window ();
  ikou_window_open (window, file);
  gui_test_answer_dialog (gui_test_shown_message_dialog (), "cancel");
  g_assert_false (ikou_window_has_document (window));
  gui_test_close_window (window);
}

/* Killed in the middle of a write ---------------------------------------- */

static guint
count_temp_files (const char *dir,
                  const char *target_name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += target_name == NULL ? strstr (name, ".ikou-tmp-") != NULL
                             : ikou_atomic_file_is_temp_name (name, target_name);
  return n;
}

/* In the child: open the plan, one edit autosaved, one more edit, then
 * the write that kills the process (@kill_in names the file). */
static void
child_edit_and_die (const char *kill_in,
                    gboolean    save)
{
  g_autofree char *path = plan_path (PLAN_NAME);
  g_autoptr(GError) error = NULL;
  IkouWindow *window = window_with_plan (path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-system", NULL));
  g_assert_true (ikou_window_autosave (window, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-system", NULL));

  g_setenv ("IKOU_DEBUG_KILL_BEFORE_RENAME", kill_in, TRUE);
  if (save)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  else
    ikou_window_autosave (window, &error);
  /* Never here. */
  g_assert_not_reached ();
}

static void
restart_and_recover (const char *path,
                     guint       n_before,
                     const char *what)
{
  g_autofree char *recovery_dir = ikou_context_get_recovery_dir ();
  g_autoptr(GPtrArray) orphans = ikou_application_find_orphaned_recovery ();
  AdwMessageDialog *dialog;
  IkouWindow *window = NULL;

  /* The plan file is the whole old plan. */
  {
    g_autoptr(IkouPlan) on_disk = read_plan (path);

    g_assert_cmpuint (ikou_plan_get_n_systems (on_disk), ==, n_before);
  }

  /* Started again: the copy is offered... */
  g_assert_cmpuint (orphans->len, ==, 1);
  g_unsetenv ("IKOU_NO_RECOVERY");
  g_application_activate (G_APPLICATION (app));
  g_setenv ("IKOU_NO_RECOVERY", "1", TRUE);
  dialog = gui_test_shown_message_dialog ();
  g_assert_nonnull (dialog);
  screenshot (GTK_WIDGET (dialog), what);
  gui_test_answer_dialog (dialog, "recover");

  /* ...and complete: the edit autosaved before the kill, checksum and
   * all, as a dirty document of the plan's file. */
  window = window_for (path);
  g_assert_nonnull (window);
  g_assert_true (ikou_window_get_dirty (window));
  g_assert_cmpuint (ikou_plan_get_n_systems (ikou_window_get_plan (window)), ==, n_before + 1);
  g_assert_cmpuint (count_temp_files (recovery_dir, NULL), ==, 0);
  /* The killed window's lock was stale: this one holds the plan now. */
  {
    g_autofree char *lock = ikou_lock_path_for (path);

    g_assert_true (g_file_test (lock, G_FILE_TEST_IS_REGULAR));
    g_assert_null (ikou_lock_query (path));
  }

  /* Saving it leaves nothing of the killed write behind. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(IkouPlan) on_disk = NULL;

    g_assert_true (ikou_window_save_to_file (window, file, &error));
    g_assert_no_error (error);
    on_disk = read_plan (path);
    g_assert_cmpuint (ikou_plan_get_n_systems (on_disk), ==, n_before + 1);
    g_assert_cmpuint (count_temp_files (tmp_home, PLAN_NAME), ==, 0);
  }
  gui_test_close_window (window);
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gui_test_close_window (gtk_application_get_windows (GTK_APPLICATION (app))->data);
}

/* Each run is a process of its own: killed in the middle of a write,
 * then started again (the role in $IKOU_TEST_ROLE). */
static void
run_child (const char *role,
           gboolean    killed)
{
  g_setenv ("IKOU_TEST_ROLE", role, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC,
                          killed ? G_TEST_SUBPROCESS_DEFAULT : G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("IKOU_TEST_ROLE");
  if (killed)
    g_test_trap_assert_failed ();
  else
    g_test_trap_assert_passed ();
}

/* Kills a child in the middle of the write @what ("autosave", "save"),
 * which leaves its temporary file in @dir (one of @target_name, or any
 * when NULL), then starts one again, which recovers and removes it. */
static void
kill_and_restart (const char *what,
                  const char *dir,
                  const char *target_name)
{
  g_autofree char *killed = g_strconcat ("kill-in-", what, NULL);
  g_autofree char *restart = g_strconcat ("restart-after-", what, NULL);

  run_child (killed, TRUE);
  g_assert_cmpuint (count_temp_files (dir, target_name), ==, 1);
  run_child (restart, FALSE);
  g_assert_cmpuint (count_temp_files (dir, target_name), ==, 0);
}

static gboolean
child_role (void)
{
  const char *role = g_getenv ("IKOU_TEST_ROLE");
  g_autofree char *path = plan_path (PLAN_NAME);

  if (!g_test_subprocess ())
    return FALSE;
  if (g_strcmp0 (role, "kill-in-autosave") == 0)
    child_edit_and_die ("plan-", FALSE);
  else if (g_strcmp0 (role, "kill-in-save") == 0)
    child_edit_and_die (PLAN_NAME, TRUE);
  else if (g_str_has_prefix (role, "restart-"))
    restart_and_recover (path, 17, role);
  return TRUE;
}

static void
test_kill_in_autosave (void)
{
  g_autofree char *path = NULL;
  g_autofree char *recovery_dir = ikou_context_get_recovery_dir ();

  if (child_role ())
    return;
  path = write_plan (PLAN_NAME, "killed in autosave");
  /* The recovery copy being written is the temporary file. */
  kill_and_restart ("autosave", recovery_dir, NULL);
}

static void
test_kill_in_save (void)
{
  g_autofree char *path = NULL;

  if (child_role ())
    return;
  path = write_plan (PLAN_NAME, "killed in save");
  /* The save being written is the temporary file, beside the plan. */
  kill_and_restart ("save", tmp_home, PLAN_NAME);
  {
    g_autoptr(IkouPlan) on_disk = read_plan (path);

    g_assert_cmpuint (ikou_plan_get_n_systems (on_disk), ==, 18);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  gboolean subprocess = FALSE;
  int out = 0;
  int ret;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--ikou-lang="))
        lang = argv[i] + strlen ("--ikou-lang=");
      else
        argv[++out] = argv[i];
      if (g_str_equal (argv[i], "--GTestSubprocess"))
        subprocess = TRUE;
    }
  argc = out + 1;
  argv[argc] = NULL;

  /* A private home (recovery copies, settings), shared with the child
   * that is killed. */
  if (subprocess && g_getenv ("IKOU_TEST_SHARED_HOME") != NULL)
    tmp_home = g_strdup (g_getenv ("IKOU_TEST_SHARED_HOME"));
  else
    tmp_home = g_dir_make_tmp ("ikou-test-shared-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("IKOU_TEST_SHARED_HOME", tmp_home, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp_home, TRUE);
  g_setenv ("XDG_STATE_HOME", tmp_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("IKOU_TODAY", "2021-03-01", TRUE);
  g_setenv ("IKOU_NO_RECOVERY", "1", TRUE);
  if (g_strcmp0 (lang, "ja") == 0)
    g_setenv ("LANGUAGE", "ja", TRUE);
  else
    g_unsetenv ("LANGUAGE");

  if (!subprocess)
    start_holder ();

  ikou_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  ikou_gui_test_watch_warnings ();

  app = ikou_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/shared/lock-dialog", test_lock_dialog);
  g_test_add_func ("/shared/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/shared/damaged", test_damaged);
  g_test_add_func ("/shared/kill-in-autosave", test_kill_in_autosave);
  g_test_add_func ("/shared/kill-in-save", test_kill_in_save);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  if (!subprocess)
    {
      close (holder_in);
      waitpid (holder, NULL, 0);
      ikou_test_remove_tree (tmp_home);
    }
  g_free (tmp_home);
  return ret;
}
