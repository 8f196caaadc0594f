/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include "ikou-gsk.h"

/* Which GL_RENDERER strings are software: cairo is chosen for these
 * alone, a GPU keeps GTK's OpenGL renderer. */
static void
test_software_gl (void)
{
  static const char * const software[] = {
    "llvmpipe (LLVM 15.0.6, 256 bits)",
    "softpipe",
    "Mesa DRI Software Rasterizer",
    "Mesa X11 swrast",
  };
  static const char * const hardware[] = {
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
    "AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49, 6.1.0-18-amd64)",
    "NVIDIA GeForce GTX 1080/PCIe/SSE2",
    "virgl (Mesa Intel(R) Xe Graphics)",
    "SVGA3D; build: RELEASE;  LLVM;",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    g_assert_true (ikou_gsk_is_software_gl (software[i]));
  for (guint i = 0; i < G_N_ELEMENTS (hardware); i++)
    g_assert_false (ikou_gsk_is_software_gl (hardware[i]));
  g_assert_false (ikou_gsk_is_software_gl (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gsk/software-gl", test_software_gl);

  return g_test_run ();
}
