/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"

G_BEGIN_DECLS

#define IKOU_TYPE_HOST (ikou_host_get_type ())
G_DECLARE_FINAL_TYPE (IkouHost, ikou_host, IKOU, HOST, GObject)

/* A place a system runs.  @id is unique within its plan (> 0). */
IkouHost     *ikou_host_new                 (guint         id,
                                             const char   *name,
                                             IkouHostKind  kind);
/* A host with every field at once, as the readers of files make it. */
IkouHost     *ikou_host_new_full            (guint         id,
                                             const char   *name,
                                             IkouHostKind  kind,
                                             IkouDay       available_from,
                                             IkouDay       available_until,
                                             const char   *note,
                                             gint64        annual_cost);
guint         ikou_host_get_id              (IkouHost     *self);
const char   *ikou_host_get_name            (IkouHost     *self);
void          ikou_host_set_name            (IkouHost     *self,
                                             const char   *name);
IkouHostKind  ikou_host_get_kind            (IkouHost     *self);
void          ikou_host_set_kind            (IkouHost     *self,
                                             IkouHostKind  kind);
/* First day the host can take systems (a cloud's go-live); NONE = always. */
IkouDay       ikou_host_get_available_from  (IkouHost     *self);
void          ikou_host_set_available_from  (IkouHost     *self,
                                             IkouDay       day);
/* Last day the host runs (lease or re-lease end, inclusive); NONE = open. */
IkouDay       ikou_host_get_available_until (IkouHost     *self);
void          ikou_host_set_available_until (IkouHost     *self,
                                             IkouDay       day);
const char   *ikou_host_get_note            (IkouHost     *self);
void          ikou_host_set_note            (IkouHost     *self,
                                             const char   *note);
/* Running cost while at least one system runs on the host, 千円/年
 * (usage fees, lines, operation); -1 unknown. */
gint64        ikou_host_get_annual_cost     (IkouHost     *self);
void          ikou_host_set_annual_cost     (IkouHost     *self,
                                             gint64        annual_cost);

G_END_DECLS
