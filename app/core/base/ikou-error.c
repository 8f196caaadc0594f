/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ikou-error.h"

G_DEFINE_QUARK (ikou-error-quark, ikou_error)
