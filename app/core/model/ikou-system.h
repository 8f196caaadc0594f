/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-types.h"
#include "ikou-step.h"

G_BEGIN_DECLS

#define IKOU_TYPE_SYSTEM (ikou_system_get_type ())
G_DECLARE_FINAL_TYPE (IkouSystem, ikou_system, IKOU, SYSTEM, GObject)

/* A business system.  Every setter emits ::changed (and notify for the
 * property) only when the value changed. */
IkouSystem   *ikou_system_new                   (guint           id,
                                                 const char     *name);
IkouSystem   *ikou_system_copy                  (IkouSystem     *self,
                                                 guint           new_id);
guint         ikou_system_get_id                (IkouSystem     *self);
const char   *ikou_system_get_name              (IkouSystem     *self);
void          ikou_system_set_name              (IkouSystem     *self,
                                                 const char     *name);
const char   *ikou_system_get_department        (IkouSystem     *self);
void          ikou_system_set_department        (IkouSystem     *self,
                                                 const char     *department);
const char   *ikou_system_get_vendor            (IkouSystem     *self);
void          ikou_system_set_vendor            (IkouSystem     *self,
                                                 const char     *vendor);
/* The stable id of the standardized operation (e.g. "family-register"), or NULL. */
const char   *ikou_system_get_operation         (IkouSystem     *self);
void          ikou_system_set_operation         (IkouSystem     *self,
                                                 const char     *operation);
guint         ikou_system_get_host              (IkouSystem     *self);
void          ikou_system_set_host              (IkouSystem     *self,
                                                 guint           host_id);
gboolean      ikou_system_get_tokutei           (IkouSystem     *self);
void          ikou_system_set_tokutei           (IkouSystem     *self,
                                                 gboolean        tokutei);
IkouDay       ikou_system_get_tokutei_deadline  (IkouSystem     *self);
void          ikou_system_set_tokutei_deadline  (IkouSystem     *self,
                                                 IkouDay         deadline);
const char   *ikou_system_get_tokutei_reason    (IkouSystem     *self);
void          ikou_system_set_tokutei_reason    (IkouSystem     *self,
                                                 const char     *reason);
/* The classified reason; the free text above is its detail. */
IkouTokuteiReason ikou_system_get_tokutei_reason_kind (IkouSystem       *self);
void          ikou_system_set_tokutei_reason_kind (IkouSystem        *self,
                                                   IkouTokuteiReason  kind);
/* 経過措置: the system's standard-compliant cut-over goes live with some
 * functions still to come, after a 届出 to the Digital Agency.  The
 * functions (text), their planned completion and the day of the 届出
 * (IKOU_DAY_NONE when not filed yet).  Kept on the system, not on a
 * step: they belong to its first standard-compliant cut-over whichever
 * step a scenario makes that. */
gboolean      ikou_system_get_transitional           (IkouSystem *self);
void          ikou_system_set_transitional           (IkouSystem *self,
                                                      gboolean    transitional);
const char   *ikou_system_get_transitional_functions (IkouSystem *self);
void          ikou_system_set_transitional_functions (IkouSystem *self,
                                                      const char *functions);
IkouDay       ikou_system_get_transitional_completion (IkouSystem *self);
void          ikou_system_set_transitional_completion (IkouSystem *self,
                                                       IkouDay     day);
IkouDay       ikou_system_get_transitional_notified  (IkouSystem *self);
void          ikou_system_set_transitional_notified  (IkouSystem *self,
                                                      IkouDay     day);
IkouStatus    ikou_system_get_status            (IkouSystem     *self);
void          ikou_system_set_status            (IkouSystem     *self,
                                                 IkouStatus      status);
const char   *ikou_system_get_notes             (IkouSystem     *self);
void          ikou_system_set_notes             (IkouSystem     *self,
                                                 const char     *notes);
/* The system's own running cost today, 千円/年 (-1 unknown); a step can
 * set a new one from its cut-over (IkouStep.annual_cost). */
gint64        ikou_system_get_annual_cost       (IkouSystem     *self);
void          ikou_system_set_annual_cost       (IkouSystem     *self,
                                                 gint64          annual_cost);

/* Steps, in migration order.  Returned steps are owned by the system. */
guint           ikou_system_get_n_steps         (IkouSystem     *self);
const IkouStep *ikou_system_get_step            (IkouSystem     *self,
                                                 guint           index);
/* All steps at once, for code that reads every step of a national plan:
 * the array stays valid until the system's steps change. */
const IkouStep * const *ikou_system_peek_steps (IkouSystem     *self,
                                                guint          *n_steps);
void            ikou_system_set_step            (IkouSystem     *self,
                                                 guint           index,
                                                 const IkouStep *step);
/* Inserts a copy of @step at @index (G_MAXUINT or n_steps appends). */
void            ikou_system_insert_step         (IkouSystem     *self,
                                                 guint           index,
                                                 const IkouStep *step);
void            ikou_system_remove_step         (IkouSystem     *self,
                                                 guint           index);
/* The host the system ends on: the last step's to-host, or today's host. */
guint           ikou_system_get_target_host     (IkouSystem     *self);

G_END_DECLS
