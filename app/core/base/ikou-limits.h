/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-plan.h"

G_BEGIN_DECLS

/*
 * The same limits everywhere: one set of text sizes and counts for every
 * reader of plans (.ikou, Ikou XML, importers) and every editor, so that
 * nothing Ikou writes is refused by its own readers, and a hostile file
 * cannot make Ikou hold gigabytes.  Texts are counted in characters.
 *
 * The XML reader's own ceiling (libxml2: 10,000,000 bytes per text node)
 * is far above IKOU_LIMIT_LONG_TEXT even at four bytes per character.
 */

/* Names and codes: plan title, organization, 団体コード, schedule version,
 * host, system, department, vendor, operation id, scenario name. */
#define IKOU_LIMIT_SHORT_TEXT  1000
/* Notes, descriptions and the 特定移行支援 reason. */
#define IKOU_LIMIT_LONG_TEXT   100000
/* The most bytes a text within the limits can have (UTF-8). */
#define IKOU_LIMIT_TEXT_BYTES  (4 * IKOU_LIMIT_LONG_TEXT)

#define IKOU_LIMIT_HOSTS       200000
#define IKOU_LIMIT_SYSTEMS     200000
#define IKOU_LIMIT_STEPS       100      /* per system */
#define IKOU_LIMIT_SCENARIOS   1000
#define IKOU_LIMIT_OVERRIDES   1000000  /* per scenario */

/* Whether @text (NULL counts as empty) has at most @max_chars characters. */
gboolean ikou_limits_text_fits  (const char  *text,
                                 guint        max_chars);

/* Checks every text and count of @plan against the limits.  The first
 * one over is IKOU_ERROR_INVALID_INPUT with a sentence naming
 * @display_name, the field and where it is (the system, host or scenario
 * by name and id, the step by number), and the limit. */
gboolean ikou_limits_check_plan (IkouPlan    *plan,
                                 const char  *display_name,
                                 GError     **error);

G_END_DECLS
