/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-application.h"
#include "ikou-window.h"
#include "ikou-gui-test-util.h"

G_BEGIN_DECLS

/* What a GUI test under Xvfb needs around its tests: a private home
 * (settings, recent plans, recovery copies), the interface language from
 * --ikou-lang=ja|en, gtk_test_init() (warnings are fatal), the
 * application kept alive between tests, frames waited for and
 * screenshots saved to tests/artifacts in the build tree. */

/* Sets it all up; @today is the day plans are checked against.  Returns
 * the language ("ja" or "en"). */
const char      *gui_test_init            (int          *argc,
                                           char       ***argv,
                                           const char   *name,
                                           const char   *today);
IkouApplication *gui_test_get_application (void);
/* The private home (XDG folders) of this run, removed by gui_test_run(). */
const char      *gui_test_get_home        (void);
/* A new window of the application, empty and not shown. */
IkouWindow      *gui_test_new_window      (void);
/* A window on the sample plan (data/samples/koriyama.xml), shown and
 * painted. */
IkouWindow      *gui_test_open_sample_window (void);
/* The same at a default size of @width × @height. */
IkouWindow      *gui_test_open_sample_window_sized (int width,
                                                    int height);
/* Closes @window without asking about changes and asserts that nothing
 * keeps it alive. */
void             gui_test_close_window    (IkouWindow   *window);
/* The same through close-request, as the user closes it: the window
 * keeps its state (size, panes) in the settings first. */
void             gui_test_close_window_as_user (IkouWindow *window);
/* Lets the window's revealers (findings, editor, costs) finish their
 * animation, then a few frames more. */
void             gui_test_settle          (IkouWindow   *window);
/* The first toplevel window of @type (a dialog, say), or NULL. */
GtkWindow       *gui_test_find_toplevel   (GType         type);
/* The message dialog on screen once what is pending has run, or NULL. */
AdwMessageDialog *gui_test_shown_message_dialog (void);
/* Answers @dialog with @response (one it offers), closes it and runs
 * what follows. */
void             gui_test_answer_dialog   (AdwMessageDialog *dialog,
                                           const char       *response);
/* Runs the tests, then removes the private home. */
int              gui_test_run             (void);
/* Real key presses on @window through xdotool (keys as xdotool names
 * them: "ctrl+z Right"), then a few frames. */
void             gui_test_press_keys      (IkouWindow   *window,
                                           const char   *keys);
/* Saves @widget as tests/artifacts/<@prefix>-<lang>-<@what>.png. */
void             gui_test_save_screenshot (GtkWidget    *widget,
                                           const char   *prefix,
                                           const char   *what);
/* The path of tests/artifacts/<@prefix>-<lang><@what><@extension> in the
 * build tree (@what is "" or begins with "-"); makes the folder. */
char            *gui_test_artifact_path   (const char   *prefix,
                                           const char   *what,
                                           const char   *extension);

G_END_DECLS
