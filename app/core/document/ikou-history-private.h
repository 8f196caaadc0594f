/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of IkouHistory share: ikou-history.c (the undo stack,
 * transactions, undoing and redoing commands) and ikou-history-record.c
 * (each edit applied and recorded as a command).  Nothing else includes
 * this file. */

#include "ikou-history.h"

G_BEGIN_DECLS

typedef enum
{
  CMD_SET_STEP,
  CMD_INSERT_STEP,
  CMD_REMOVE_STEP,
  CMD_SYSTEM_PROPERTY,
  CMD_ADD_SYSTEM,
  CMD_REMOVE_SYSTEM,
  CMD_ADD_HOST,
  CMD_REMOVE_HOST,
  CMD_HOST_PROPERTY,
  CMD_PLAN_PROPERTY,
  CMD_SCENARIO_EDITS,
  CMD_ADD_SCENARIO,
  CMD_REMOVE_SCENARIO,
  CMD_SCENARIO_PROPERTY,
  CMD_SET_STEPS,
} CommandKind;

/* A scenario's edits of one system before and after a command.  NULL
 * is no edits, except that an after not known yet (has_after FALSE) is
 * saved when the command is first undone: what the scenario holds then. */
typedef struct
{
  IkouScenario      *scenario;
  guint              system_id;
  IkouScenarioEdits *before;
  IkouScenarioEdits *after;
  gboolean           has_after;
} EditsChange;

typedef struct
{
  CommandKind  kind;
  char        *label;      /* translated */
  guint        id;         /* system or host id */
  guint        index;      /* step index, or system/host position */
  IkouStep    *old_step;   /* SET_STEP, REMOVE_STEP */
  IkouStep    *new_step;   /* SET_STEP, INSERT_STEP */
  GObject     *object;     /* ADD/REMOVE_SYSTEM, ADD/REMOVE_HOST (a reference) */
  const char  *property;   /* interned */
  GValue       old_value;
  GValue       new_value;
  GPtrArray   *edits;      /* EditsChange: SCENARIO_EDITS, and the scenarios
                            * a baseline INSERT/REMOVE_STEP re-indexed */
  GPtrArray   *old_steps;  /* SET_STEPS: IkouStep */
  GPtrArray   *new_steps;
} Command;

typedef struct
{
  char      *label;        /* NULL: the first command's */
  GPtrArray *commands;     /* Command */
} Group;

struct _IkouHistory
{
  GObject    parent_instance;

  IkouPlan  *plan;
  GPtrArray *groups;       /* Group */
  guint      current;
  gint64     clean;        /* stack index of the saved state, -1 if lost */

  guint      depth;        /* open begin()s */
  Group     *open;         /* the transaction being recorded */

  /* Last notified state. */
  gboolean   can_undo;
  gboolean   can_redo;
  gboolean   dirty;
  char      *undo_label;
  char      *redo_label;
};

/* ikou-history.c */
void _ikou_history_record        (IkouHistory *self,
                                  Command     *cmd);
void _ikou_history_replace_steps (IkouSystem  *system,
                                  GPtrArray   *steps);

G_END_DECLS
