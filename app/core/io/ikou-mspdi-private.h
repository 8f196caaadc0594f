/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ikou-mspdi.h"
#include "ikou-xml-util.h"

G_BEGIN_DECLS

/* MS Project XML inside, for its own files only: ikou-mspdi.c (what both
 * directions share, sniffing), ikou-mspdi-writer.c (the export),
 * ikou-mspdi-reader.c (the stream into records) and ikou-mspdi-map.c
 * (records into systems, steps and hosts; the report). */

#define MSPDI_NS "http://schemas.microsoft.com/project"

/* R7年度末, when no schedule is given. */
#define FALLBACK_DEADLINE_YEAR 2026

/* Custom fields.  The FieldIDs are MS Project's own numbers for the
 * task's Text1…, Flag1…, Date1…, Number1… and the resource's Text1; the
 * aliases are what MS Project shows as column titles.  On import a
 * field is found by its alias (Japanese or English), never by its
 * number alone: another tool's Text2 may hold anything. */
typedef enum
{
  F_ROLE,
  F_DEPARTMENT,
  F_VENDOR,
  F_OPERATION,
  F_HOST,
  F_STATUS,
  F_TOKUTEI_REASON,
  F_FROM,
  F_TO,
  F_ARRANGEMENT,
  F_ORG_CODE,
  F_SCHEDULE_VERSION,
  F_TOKUTEI,
  F_SUPPLEMENTARY,
  F_COMPLIANT,
  F_TOKUTEI_DEADLINE,
  F_AMOUNT,
  F_SYSTEM_ID,
  F_HOST_ID,
  F_FROM_ID,
  F_TO_ID,
  F_NEXT_SYSTEM_ID,
  F_NEXT_HOST_ID,
  F_ANNUAL_COST,
  F_STEP_ANNUAL_COST,
  F_REFERENCE_COST,
  F_REFERENCE_FY,
  F_TOKUTEI_REASON_KIND,
  F_TRANSITIONAL,
  F_TRANSITIONAL_FUNCTIONS,
  F_TRANSITIONAL_COMPLETION,
  F_TRANSITIONAL_NOTIFIED,
  F_HOST_KIND, /* the resource fields, from here on */
  F_HOST_COST,
  N_FIELDS
} Field;

typedef enum
{
  CF_DATE = 1,
  CF_FLAG = 4,
  CF_NUMBER = 5,
  CF_TEXT = 7,
} CfType;

typedef struct
{
  const char *field_id;
  const char *field_name;
  CfType      type;
  const char *alias;     /* written */
  const char *alias_en;  /* also read */
  const char *alias_alt; /* also read, may be NULL */
} FieldInfo;

extern const FieldInfo mspdi_fields[N_FIELDS];

#define IS_RESOURCE_FIELD(f) ((f) >= F_HOST_KIND)

/* Ids above this from a file are not taken (the plan counts on from
 * them). */
#define MAX_FILE_ID 1000000000

#define ROLE_SYSTEM "system"
#define ROLE_STEP "step"

/* Values written in Japanese (the words 総務省 and the city use), read
 * also as Ikou's stable ids and in English. */
typedef struct
{
  const char *ja;
  const char *en;
} Words;

extern const Words mspdi_status_words[IKOU_N_STATUSES];
extern const Words mspdi_tokutei_reason_words[IKOU_N_TOKUTEI_REASONS];
extern const Words mspdi_arrangement_words[IKOU_N_ARRANGEMENTS];
extern const Words mspdi_host_kind_words[IKOU_N_HOST_KINDS];

/* Task names of the milestones and the build period. */
extern const char * const mspdi_milestone_names[IKOU_N_MILESTONES];
#define BUILD_NAME "構築"

extern const IkouXmlErrorCodes mspdi_codes;

/* Whether @root is <Project> in the MSPDI namespace (or in none). */
G_GNUC_INTERNAL
gboolean  mspdi_is_project          (xmlNode      *root);

/* The national deadline (R7年度末 without a schedule), and the deadline
 * the checker holds a system to. */
G_GNUC_INTERNAL
IkouDay   mspdi_national_deadline   (IkouSchedule *schedule);
G_GNUC_INTERNAL
IkouDay   mspdi_applicable_deadline (IkouSystem   *system,
                                     IkouSchedule *schedule);

/* Reading ------------------------------------------------------------ */

typedef struct
{
  int       line;
  char     *name;
  int       level;
  guint     uid;
  gboolean  has_uid;
  IkouDay   start;
  IkouDay   finish;
  gboolean  milestone;
  gboolean  summary;
  int       percent;     /* -1 when not given */
  IkouDay   deadline;
  char     *notes;
  char     *values[N_FIELDS];
  int       parent;      /* index in the group, -1 for the top task */
  gboolean  has_children;
} TaskRec;

typedef struct
{
  guint     uid;
  char     *name;
} HostRef;

typedef struct
{
  int       line;
  guint     uid;
  char     *name;
  char     *kind;
  IkouDay   from;
  IkouDay   until;
  char     *notes;
  gint64    cost;
} ResRec;

typedef struct
{
  char  *label;   /* "Alias (Text5)" */
  guint  count;
} Unmapped;

typedef struct
{
  const char   *name;       /* display name */
  IkouSchedule *schedule;
  IkouDay       national;
  GPtrArray    *report;
  GHashTable   *field_map;  /* FieldID → Field + 1 */
  GHashTable   *field_label;/* FieldID → label for the report */
  GHashTable   *unmapped;   /* FieldID → Unmapped */
  GPtrArray    *unmapped_order;
  GPtrArray    *group;      /* TaskRec of the system being read */
  GPtrArray    *systems;    /* IkouSystem, host ids provisional */
  GArray       *explicit_ids; /* system id from the file, 0 none */
  GPtrArray    *host_refs;  /* HostRef; provisional host id = index + 1 */
  GHashTable   *host_ref_index;
  GPtrArray    *resources;
  guint         n_tasks;
  guint         n_links;
  guint         n_timephased;
  guint         n_assignments;
  guint         n_calendars;
  guint         n_orphans;
  int           first_orphan_line;
  gboolean      summary_seen;
  char         *title;
  char         *project_name;
  char         *company;
  char         *description;
  char         *org_code;
  char         *schedule_version;
  guint         next_system_id;
  guint         next_host_id;
  int           reference_fy;   /* -1: not given */
  gint64        reference_cost; /* -1: unknown */
} Reader;

/* ikou-mspdi-reader.c */
G_GNUC_INTERNAL G_GNUC_PRINTF (3, 4)
void      mspdi_report        (Reader     *r,
                               int         line,
                               const char *format,
                               ...);
G_GNUC_INTERNAL
gboolean  mspdi_parse_number  (const char *text,
                               gint64     *out);
G_GNUC_INTERNAL
gboolean  mspdi_parse_flag    (const char *text,
                               gboolean   *out);
G_GNUC_INTERNAL
gboolean  mspdi_parse_day     (const char *text,
                               IkouDay    *out);
G_GNUC_INTERNAL
gboolean  mspdi_alias_matches (const char *alias,
                               const char *name);

/* ikou-mspdi-map.c */
G_GNUC_INTERNAL
void      mspdi_finish_group  (Reader     *r);
G_GNUC_INTERNAL
void      mspdi_resolve_hosts (Reader     *r,
                               IkouPlan   *plan);
G_GNUC_INTERNAL
void      mspdi_report_totals (Reader     *r);

G_END_DECLS
