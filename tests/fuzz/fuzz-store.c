/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ikou-error.h"
#include "ikou-store.h"

/* ikou_store_load() reads a file by name (SQLite needs one), so each
 * input is written to a file of this process first.  Every outcome must
 * be a plan or a GError, never a crash, a leak or a GLib warning. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *input_path;

static void
remove_input (void)
{
  g_unlink (input_path);
  g_clear_pointer (&input_path, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning is a bug the fuzzer should report. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  input_path = g_strdup_printf ("%s/ikou-fuzz-store-%d.ikou", g_get_tmp_dir (), (int) getpid ());
  atexit (remove_input);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(IkouPlan) plan = NULL;
  GError *error = NULL;
  FILE *file;

  if (input_path == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  file = g_fopen (input_path, "wb");
  if (file == NULL)
    abort ();
  if (size > 0 && fwrite (data, 1, size, file) != size)
    abort ();
  if (fclose (file) != 0)
    abort ();

  plan = ikou_store_load (input_path, &error);
  if ((plan == NULL) == (error == NULL))
    abort ();
  if (error != NULL && (error->domain != IKOU_ERROR || error->message == NULL))
    abort ();
  /* Nearly every mutation breaks the checksum: read past it too, so the
   * reader's own checks stay under the fuzzer. */
  if (g_error_matches (error, IKOU_ERROR, IKOU_ERROR_CHECKSUM))
    {
      g_clear_error (&error);
      plan = ikou_store_load_full (input_path, IKOU_STORE_LOAD_IGNORE_CHECKSUM, &error);
      if ((plan == NULL) == (error == NULL))
        abort ();
      if (error != NULL && (error->domain != IKOU_ERROR || error->message == NULL))
        abort ();
    }
  g_clear_error (&error);

  return 0;
}
