/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"

#include "config.h"

#include <string.h>

#include "ikou-budget.h"
#include "ikou-calendar.h"

/* Months are counted as year × 12 + (month − 1), so fiscal year F is
 * months F × 12 + 3 … F × 12 + 14. */
#define FY_FIRST_MONTH(fy) ((gint64) (fy) * 12 + 3)

/* Amounts saturate instead of overflowing: a file may hold any 64-bit
 * amount, and a wrong sum is worse than a capped one. */
static gint64
add_sat (gint64 a,
         gint64 b)
{
  gint64 sum;

  if (__builtin_add_overflow (a, b, &sum))
    return b > 0 ? G_MAXINT64 : G_MININT64;
  return sum;
}

static gint64
mul_sat (gint64 a,
         gint64 b)
{
  gint64 product;

  /* Only non-negative factors are multiplied here. */
  if (__builtin_mul_overflow (a, b, &product))
    return G_MAXINT64;
  return product;
}

/* Σ annual × months, divided by 12 and rounded half up. */
static gint64
round_twelfths (gint64 sum)
{
  if (sum > G_MAXINT64 - 6)
    return G_MAXINT64 / 12;
  return (sum + 6) / 12;
}

gint64
ikou_budget_prorate (gint64 annual,
                     guint  months)
{
  g_return_val_if_fail (annual >= 0, 0);
  return round_twelfths (mul_sat (annual, months));
}

gint64
ikou_budget_goal (gint64 reference)
{
  if (reference < 0)
    return -1;
  /* 70 % rounded half up, without overflowing: 7 × (r / 10) + the rest. */
  return (reference / 10) * 7 + ((reference % 10) * 7 + 5) / 10;
}

/* The month of @day (year × 12 + month − 1) by integer arithmetic alone
 * (days to civil dates as in the proleptic Gregorian calendar; GDate's
 * Julian day 1 is 0001-01-01): a national plan has 70,000 dates, and
 * GDate's conversion is the slowest part of the sums.  A test compares
 * it with ikou_day_to_ymd() over centuries. */
static inline gint64
month_of (IkouDay day)
{
  gint64 z = (gint64) day + 305;  /* days since 0000-03-01 */
  gint64 era = z / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 month = mp < 10 ? mp + 3 : mp - 9;
  gint64 year = yoe + era * 400 + (month <= 2);

  return year * 12 + (month - 1);
}

static inline int
fiscal_year_of_month (gint64 month)
{
  return (int) ((month - 3) / 12);
}

gint64
_ikou_budget_month_of (IkouDay day)
{
  return month_of (day);
}

/* The steps of @system as @scenario has them.  Without a scenario the
 * baseline's own steps, read in place (the sums read every step of a
 * national plan: no copy, no call per step); with one, each resolved into
 * @steps (a scratch array of IkouStep). */
typedef struct
{
  const IkouStep * const *own;
  GArray                 *resolved;
  guint                   n;
} Steps;

static void
steps_load (Steps        *steps,
            IkouScenario *scenario,
            IkouSystem   *system)
{
  if (scenario == NULL)
    {
      steps->own = ikou_system_peek_steps (system, &steps->n);
      return;
    }
  steps->own = NULL;
  g_array_set_size (steps->resolved, 0);
  steps->n = ikou_scenario_get_n_steps (scenario, system);
  for (guint j = 0; j < steps->n; j++)
    {
      IkouStep st;

      if (ikou_scenario_get_step (scenario, system, j, &st, NULL))
        g_array_append_val (steps->resolved, st);
    }
  steps->n = steps->resolved->len;
}

static inline const IkouStep *
steps_get (const Steps *steps,
           guint        index)
{
  return steps->own != NULL ? steps->own[index] : &g_array_index (steps->resolved, IkouStep, index);
}

gboolean
ikou_budget_default_range (IkouPlan     *plan,
                           IkouScenario *scenario,
                           int          *out_first_fy,
                           int          *out_last_fy)
{
  IkouDay first = IKOU_DAY_NONE, last = IKOU_DAY_NONE;
  g_autoptr(GArray) resolved = g_array_new (FALSE, FALSE, sizeof (IkouStep));
  Steps steps = { NULL, resolved, 0 };
  guint n = 0;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario), FALSE);

  n = ikou_plan_get_n_systems (plan);
  for (guint i = 0; i < n; i++)
    {
      steps_load (&steps, scenario, ikou_plan_get_system (plan, i));
      for (guint j = 0; j < steps.n; j++)
        {
          const IkouStep *st = steps_get (&steps, j);

          for (guint m = 0; m < IKOU_N_MILESTONES; m++)
            {
              IkouDay day = ikou_step_get_milestone (st, m);

              if (day <= 0)
                continue;
              if (first == IKOU_DAY_NONE || day < first)
                first = day;
              if (last == IKOU_DAY_NONE || day > last)
                last = day;
            }
        }
    }

  if (first == IKOU_DAY_NONE)
    {
      *out_first_fy = *out_last_fy = ikou_plan_get_reference_fy (plan);
      return FALSE;
    }
  *out_first_fy = CLAMP (fiscal_year_of_month (month_of (first)),
                         IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY);
  *out_last_fy = CLAMP (fiscal_year_of_month (month_of (last)) + 2,
                        IKOU_PLAN_MIN_FY, IKOU_PLAN_MAX_FY);
  return TRUE;
}

/* The fiscal year a step's amount is paid in, or G_MININT when none. */
static int
one_time_fiscal_year (const IkouStep *st)
{
  if (st->contract_date > 0)
    return fiscal_year_of_month (month_of (st->contract_date));
  if (st->budget_date > 0)
    return fiscal_year_of_month (month_of (st->budget_date)) + (st->supplementary ? 0 : 1);
  return G_MININT;
}

/* A change of host and cost from a month on (a cut-over). */
typedef struct
{
  gint64 month;
  guint  host;   /* 0: stays */
  gint64 cost;   /* -1: stays */
} Change;

typedef struct
{
  gint64      start;      /* first month of the range */
  gint64      end;        /* one past its last */
  guint       n_years;
  guint      *host_index; /* host id → index + 1 among hosts with a cost, or 0 */
  guint       n_host_ids;
  guint64    *occupied;   /* per host, a bit per month: a system runs on it */
  guint       words;      /* guint64s per host */
  gint64     *twelfths;   /* per year, one system's Σ annual × months */
  guint       touched_lo; /* the years of twelfths set: [lo, hi) */
  guint       touched_hi;
  GArray     *changes;    /* Change, one system's */
  Steps       steps;      /* one system's */
} Computation;

/* Bits [@from, @to) of a host's months. */
static void
set_bits (guint64 *bits,
          guint    from,
          guint    to)
{
  while (from < to)
    {
      guint word = from / 64, bit = from % 64;
      guint n = MIN (to - from, 64 - bit);
      guint64 mask = n == 64 ? G_MAXUINT64 : ((G_GUINT64_CONSTANT (1) << n) - 1) << bit;

      bits[word] |= mask;
      from += n;
    }
}

static guint
count_bits (const guint64 *bits,
            guint          from,
            guint          to)
{
  guint count = 0;

  while (from < to)
    {
      guint word = from / 64, bit = from % 64;
      guint n = MIN (to - from, 64 - bit);
      guint64 mask = n == 64 ? G_MAXUINT64 : ((G_GUINT64_CONSTANT (1) << n) - 1) << bit;

      count += (guint) __builtin_popcountll (bits[word] & mask);
      from += n;
    }
  return count;
}

/* Adds months [@from, @to) of the system on @host at @cost. */
static void
add_segment (Computation *c,
             gint64       from,
             gint64       to,
             guint        host,
             gint64       cost)
{
  guint index;

  from = MAX (from, c->start);
  to = MIN (to, c->end);
  if (from >= to)
    return;

  index = host < c->n_host_ids ? c->host_index[host] : 0;
  if (index != 0)
    set_bits (c->occupied + (gsize) (index - 1) * c->words,
              (guint) (from - c->start), (guint) (to - c->start));

  if (cost <= 0)
    return;
  /* Year by year from the first (one division, not one a year). */
  {
    guint year = (guint) ((from - c->start) / 12);
    gint64 year_end = c->start + (gint64) (year + 1) * 12;

    c->touched_lo = MIN (c->touched_lo, year);
    for (gint64 m = from; m < to; year++, year_end += 12)
      {
        gint64 stop = MIN (to, year_end);

        c->twelfths[year] = add_sat (c->twelfths[year], mul_sat (cost, stop - m));
        m = stop;
      }
    c->touched_hi = MAX (c->touched_hi, year);
  }
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const Change *x = a, *y = b;

  return x->month < y->month ? -1 : x->month > y->month ? 1 : 0;
}

static void
add_system (Computation  *c,
            IkouBudget   *budget,
            IkouScenario *scenario,
            IkouSystem   *system)
{
  guint host = ikou_system_get_host (system);
  gint64 cost = ikou_system_get_annual_cost (system);
  gint64 from = G_MININT64;

  g_array_set_size (c->changes, 0);
  steps_load (&c->steps, scenario, system);
  for (guint j = 0; j < c->steps.n; j++)
    {
      const IkouStep *st = steps_get (&c->steps, j);
      int fy;

      fy = one_time_fiscal_year (st);
      if (st->budget_amount != -1 && fy >= budget->first_fy && fy <= budget->last_fy)
        {
          IkouBudgetYear *year = &budget->years[fy - budget->first_fy];

          year->one_time = add_sat (year->one_time, st->budget_amount);
        }

      if (st->cutover_date > 0)
        {
          Change change = { month_of (st->cutover_date), st->to_host, st->annual_cost };

          g_array_append_val (c->changes, change);
        }
    }

  /* Steps are in migration order; cut-overs out of order still change
   * the system in the order of their months (a stable sort). */
  for (guint k = 1; k < c->changes->len; k++)
    if (compare_changes (&g_array_index (c->changes, Change, k - 1),
                         &g_array_index (c->changes, Change, k)) > 0)
      {
        g_array_sort (c->changes, compare_changes);
        break;
      }

  c->touched_lo = c->n_years;
  c->touched_hi = 0;
  for (guint k = 0; k < c->changes->len; k++)
    {
      const Change *change = &g_array_index (c->changes, Change, k);

      add_segment (c, from, change->month, host, cost);
      from = change->month;
      if (change->host != 0)
        host = change->host;
      if (change->cost != -1)
        cost = change->cost;
    }
  add_segment (c, from, G_MAXINT64, host, cost);

  /* Only the years this system ran in a cost (most run in none or few);
   * the sums start from zero again for the next system. */
  for (guint y = c->touched_lo; y < c->touched_hi; y++)
    {
      if (c->twelfths[y] != 0)
        budget->years[y].running = add_sat (budget->years[y].running,
                                            round_twelfths (c->twelfths[y]));
      c->twelfths[y] = 0;
    }
}

IkouBudget *
ikou_budget_compute (IkouPlan     *plan,
                     IkouScenario *scenario,
                     int           first_fy,
                     int           last_fy)
{
  g_autoptr(IkouBudget) budget = NULL;
  g_autofree guint *host_index = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) resolved = g_array_new (FALSE, FALSE, sizeof (IkouStep));
  g_autofree guint64 *occupied = NULL;
  g_autofree gint64 *twelfths = NULL;
  g_autofree gint64 *host_costs = NULL;
  Computation c;
  guint n_hosts, n_known = 0, n_months, n_host_ids, words;

  g_return_val_if_fail (IKOU_IS_PLAN (plan), NULL);
  g_return_val_if_fail (scenario == NULL || IKOU_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (first_fy >= IKOU_PLAN_MIN_FY && last_fy <= IKOU_PLAN_MAX_FY, NULL);
  g_return_val_if_fail (first_fy <= last_fy, NULL);

  budget = g_new0 (IkouBudget, 1);
  budget->first_fy = first_fy;
  budget->last_fy = last_fy;
  budget->n_years = (guint) (last_fy - first_fy + 1);
  budget->years = g_new0 (IkouBudgetYear, budget->n_years);
  for (guint y = 0; y < budget->n_years; y++)
    budget->years[y].fiscal_year = first_fy + (int) y;
  budget->reference_fy = ikou_plan_get_reference_fy (plan);
  budget->reference_running = ikou_plan_get_reference_cost (plan);
  budget->goal = ikou_budget_goal (budget->reference_running);

  /* Only hosts with a known cost are followed month by month. */
  n_hosts = ikou_plan_get_n_hosts (plan);
  n_host_ids = ikou_plan_next_host_id (plan);
  host_index = g_new0 (guint, n_host_ids);
  host_costs = g_new0 (gint64, MAX (n_hosts, 1));
  for (guint i = 0; i < n_hosts; i++)
    {
      IkouHost *host = ikou_plan_get_host (plan, i);
      gint64 cost = ikou_host_get_annual_cost (host);
      guint id = ikou_host_get_id (host);

      if (cost <= 0 || id >= n_host_ids)
        continue;
      host_costs[n_known] = cost;
      host_index[id] = ++n_known;
    }

  n_months = budget->n_years * 12;
  words = (n_months + 63) / 64;
  occupied = g_new0 (guint64, (gsize) MAX (n_known, 1) * words);
  twelfths = g_new0 (gint64, budget->n_years);
  changes = g_array_new (FALSE, FALSE, sizeof (Change));

  c = (Computation) {
    FY_FIRST_MONTH (first_fy), FY_FIRST_MONTH (first_fy) + n_months, budget->n_years,
    host_index, n_host_ids, occupied, words, twelfths, 0, 0, changes, { NULL, resolved, 0 },
  };

  for (guint i = 0; i < ikou_plan_get_n_systems (plan); i++)
    add_system (&c, budget, scenario, ikou_plan_get_system (plan, i));

  /* A host costs in every month at least one system runs on it. */
  for (guint h = 0; h < n_known; h++)
    {
      const guint64 *row = occupied + (gsize) h * words;

      for (guint y = 0; y < budget->n_years; y++)
        {
          guint months = count_bits (row, y * 12, (y + 1) * 12);

          if (months > 0)
            budget->years[y].running = add_sat (budget->years[y].running,
                                                ikou_budget_prorate (host_costs[h], months));
        }
    }

  return g_steal_pointer (&budget);
}

void
ikou_budget_system_totals (IkouPlan     *plan,
                           IkouScenario *scenario,
                           IkouSystem   *system,
                           int           first_fy,
                           int           last_fy,
                           gint64       *out_one_time,
                           gint64       *out_running)
{
  IkouBudget budget = { 0 };
  g_autofree IkouBudgetYear *years = NULL;
  g_autofree gint64 *twelfths = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) resolved = g_array_new (FALSE, FALSE, sizeof (IkouStep));
  Computation c;
  gint64 one_time = 0, running = 0;

  g_return_if_fail (IKOU_IS_PLAN (plan));
  g_return_if_fail (IKOU_IS_SYSTEM (system));
  g_return_if_fail (first_fy >= IKOU_PLAN_MIN_FY && last_fy <= IKOU_PLAN_MAX_FY);
  g_return_if_fail (first_fy <= last_fy);

  budget.first_fy = first_fy;
  budget.last_fy = last_fy;
  budget.n_years = (guint) (last_fy - first_fy + 1);
  budget.years = years = g_new0 (IkouBudgetYear, budget.n_years);
  twelfths = g_new0 (gint64, budget.n_years);
  changes = g_array_new (FALSE, FALSE, sizeof (Change));
  /* No host is followed: only the system's own amounts count. */
  c = (Computation) {
    FY_FIRST_MONTH (first_fy), FY_FIRST_MONTH (first_fy) + (gint64) budget.n_years * 12,
    budget.n_years, NULL, 0, NULL, 0, twelfths, 0, 0, changes, { NULL, resolved, 0 },
  };
  add_system (&c, &budget, scenario, system);

  for (guint y = 0; y < budget.n_years; y++)
    {
      one_time = add_sat (one_time, years[y].one_time);
      running = add_sat (running, years[y].running);
    }
  *out_one_time = one_time;
  *out_running = running;
}

void
ikou_budget_free (IkouBudget *budget)
{
  if (budget == NULL)
    return;
  g_free (budget->years);
  g_free (budget);
}
