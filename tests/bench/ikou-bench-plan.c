/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ikou"
#include "config.h"

#include <string.h>

#include "ikou-bench-plan.h"
#include "ikou-calendar.h"
#include "ikou-schedule.h"

/* A made-up but realistic national plan: every body (prefecture or
 * municipality) with its hosts, one system per standardized operation
 * it runs, about two migration steps each on the municipal budget
 * calendar, ~11 % 特定移行支援, and a small share of deliberate mistakes
 * so that every checker rule fires a few times.  Everything comes from
 * one GRand, so the same seed gives the same plan everywhere.  The
 * bodies (names, codes) come from their own GRand so that plans of
 * different sizes share them. */

#define PRINCIPAL_FY 2025  /* R7年度末 2026-03-31, if the schedule has none */

typedef enum
{
  BODY_PREFECTURE,
  BODY_CITY,
  BODY_WARD,
  BODY_TOWN,
  BODY_VILLAGE,
} BodyKind;

typedef struct
{
  char     *name;
  char      code[7];
  BodyKind  kind;
} Body;

typedef struct
{
  const char *id;
  const char *name;
  IkouDay     spec_published;
} Op;

/* Used only when no schedule loads (so the generator still runs while
 * the schedule is being written); the real list is the schedule's. */
static const Op fallback_ops[] = {
  { "resident-register", "住民基本台帳", 0 },
  { "electoral-roll", "選挙人名簿管理", 0 },
  { "fixed-asset-tax", "固定資産税", 0 },
  { "individual-inhabitant-tax", "個人住民税", 0 },
  { "corporate-inhabitant-tax", "法人住民税", 0 },
  { "light-vehicle-tax", "軽自動車税", 0 },
  { "national-health-insurance", "国民健康保険", 0 },
  { "national-pension", "国民年金", 0 },
  { "disability-welfare", "障害者福祉", 0 },
  { "late-elderly-medical", "後期高齢者医療", 0 },
  { "long-term-care", "介護保険", 0 },
  { "child-allowance", "児童手当", 0 },
  { "public-assistance", "生活保護", 0 },
  { "health-management", "健康管理", 0 },
  { "school-enrollment", "就学", 0 },
  { "child-rearing-allowance", "児童扶養手当", 0 },
  { "child-support", "子ども・子育て支援", 0 },
  { "family-register", "戸籍", 0 },
  { "family-register-supplement", "戸籍の附票", 0 },
  { "seal-registration", "印鑑登録", 0 },
};

/* The two operations prefectures run themselves. */
static const char *prefecture_ops[] = { "child-rearing-allowance", "public-assistance" };

static const struct
{
  const char *name;
  guint       n_municipalities;
} prefectures[47] = {
  { "北海道", 179 }, { "青森県", 40 }, { "岩手県", 33 }, { "宮城県", 35 },
  { "秋田県", 25 }, { "山形県", 35 }, { "福島県", 59 }, { "茨城県", 44 },
  { "栃木県", 25 }, { "群馬県", 35 }, { "埼玉県", 63 }, { "千葉県", 54 },
  { "東京都", 62 }, { "神奈川県", 33 }, { "新潟県", 30 }, { "富山県", 15 },
  { "石川県", 19 }, { "福井県", 17 }, { "山梨県", 27 }, { "長野県", 77 },
  { "岐阜県", 42 }, { "静岡県", 35 }, { "愛知県", 54 }, { "三重県", 29 },
  { "滋賀県", 19 }, { "京都府", 26 }, { "大阪府", 43 }, { "兵庫県", 41 },
  { "奈良県", 39 }, { "和歌山県", 30 }, { "鳥取県", 19 }, { "島根県", 19 },
  { "岡山県", 27 }, { "広島県", 23 }, { "山口県", 19 }, { "徳島県", 24 },
  { "香川県", 17 }, { "愛媛県", 20 }, { "高知県", 34 }, { "福岡県", 60 },
  { "佐賀県", 20 }, { "長崎県", 21 }, { "熊本県", 45 }, { "大分県", 18 },
  { "宮崎県", 26 }, { "鹿児島県", 43 }, { "沖縄県", 41 },
};

#define TOKYO 12

static const char *name_heads[] = {
  "北", "南", "東", "西", "中", "上", "下", "大", "小", "高", "山", "川", "田",
  "野", "原", "石", "松", "桜", "若", "新", "古", "本", "長", "青", "白", "黒",
  "赤", "早", "朝", "日", "月", "星", "岡", "森", "林", "宮", "浜", "富", "鶴",
  "亀", "梅", "竹", "菊", "藤", "柳", "杉", "稲", "豊", "春", "秋",
};

static const char *name_tails[] = {
  "山", "川", "田", "野", "原", "沢", "谷", "坂", "井", "津", "島", "崎", "浜",
  "岡", "瀬", "江", "浦", "見", "里", "木", "尾", "根", "宮", "城", "倉", "部",
  "岩", "森", "内", "橋",
};

static const char *vendors[] = {
  "北日本情報システム株式会社", "東都電算株式会社", "中央計算センター株式会社",
  "西日本行政システム株式会社", "みらい行政ソリューションズ株式会社",
  "さくら電子計算株式会社", "やまと情報サービス株式会社", "九州公共システム株式会社",
  "ひかり自治体システム株式会社", "あおば電算株式会社", "しらかば情報技術株式会社",
  "瀬戸内システムサービス株式会社",
};

/* Systems outside the 20 operations, for plans larger than the bodies'
 * standardized systems. */
static const char *other_systems[] = {
  "文書管理", "財務会計", "人事給与", "庶務事務", "公営住宅管理", "上下水道料金",
  "畜犬管理", "農業基本台帳", "図書館", "施設予約", "下水道台帳管理", "統合GIS",
};

/* The four official reasons for 特定移行支援 and their counts at the end
 * of July 2025 (the mix to draw from). */
static const struct
{
  const char *reason;
  guint       weight;
} tokutei_reasons[] = {
  { "メインフレームを利用しているシステム", 45 },
  { "個別開発システム", 196 },
  { "標準準拠システムの提供がない（事業者の撤退等）", 184 },
  { "事業者のリソースひっ迫", 3345 },
};

static const struct
{
  const char *op;
  const char *city;   /* 市 and 区 (市 → 区) */
  const char *town;   /* 町 and 村 */
} departments[] = {
  { "resident-register", "市民課", "住民課" },
  { "electoral-roll", "選挙管理委員会事務局", "選挙管理委員会" },
  { "fixed-asset-tax", "資産税課", "税務課" },
  { "individual-inhabitant-tax", "市民税課", "税務課" },
  { "corporate-inhabitant-tax", "市民税課", "税務課" },
  { "light-vehicle-tax", "市民税課", "税務課" },
  { "national-health-insurance", "国保年金課", "住民課" },
  { "national-pension", "国保年金課", "住民課" },
  { "disability-welfare", "障がい福祉課", "福祉課" },
  { "late-elderly-medical", "国保年金課", "住民課" },
  { "long-term-care", "介護保険課", "福祉課" },
  { "child-allowance", "こども家庭課", "福祉課" },
  { "public-assistance", "生活福祉課", "福祉課" },
  { "health-management", "健康づくり課", "保健福祉課" },
  { "school-enrollment", "学校教育課", "教育委員会事務局" },
  { "child-rearing-allowance", "こども家庭課", "福祉課" },
  { "child-support", "保育課", "福祉課" },
  { "family-register", "市民課", "住民課" },
  { "family-register-supplement", "市民課", "住民課" },
  { "seal-registration", "市民課", "住民課" },
};

typedef struct
{
  GRand        *rand;
  IkouDay       today;
  IkouDay       deadline;        /* 原則 */
  IkouDay       tokutei_limit;
  IkouDay       gov_cloud_from;
  IkouDay       default_spec;
  guint         next_host_id;
  guint         next_system_id;
  GPtrArray    *hosts;           /* IkouHost, added to the plan at the end */
  GPtrArray    *systems;         /* IkouSystem */
} Gen;

typedef struct
{
  IkouHost *onprem;
  IkouHost *dedicated;   /* may be NULL */
  IkouHost *cloud;       /* may be NULL */
  IkouHost *gov;
  IkouDay   latest_from_onprem;
  IkouDay   latest_from_dedicated;
  guint     vendor_main;
  guint     vendor_other;
} BodyHosts;

IkouDay
ikou_bench_today (void)
{
  return ikou_day_from_ymd (2025, 10, 1);
}

guint
ikou_bench_default_bodies (guint n_systems)
{
  guint64 n = ((guint64) n_systems * IKOU_BENCH_NATIONAL_BODIES
               + IKOU_BENCH_NATIONAL_SYSTEMS / 2) / IKOU_BENCH_NATIONAL_SYSTEMS;

  return (guint) CLAMP (n, 1, IKOU_BENCH_MAX_BODIES);
}

int
ikou_bench_code_check_digit (const char *code5)
{
  static const int weights[5] = { 6, 5, 4, 3, 2 };
  int sum = 0;

  g_return_val_if_fail (code5 != NULL, -1);

  for (int i = 0; i < 5; i++)
    {
      g_return_val_if_fail (g_ascii_isdigit (code5[i]), -1);
      sum += (code5[i] - '0') * weights[i];
    }

  return (11 - sum % 11) % 10;
}

/* Inclusive. */
static int
rand_range (GRand *rand,
            int    lo,
            int    hi)
{
  return g_rand_int_range (rand, lo, hi + 1);
}

static gboolean
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

static IkouDay
month_day (int year,
           int month)
{
  return ikou_day_from_ymd (year, month, 1);
}

static int
month_index (IkouDay day)
{
  return ikou_day_get_year (day) * 12 + ikou_day_get_month (day) - 1;
}

static IkouDay
day_from_month_index (int index)
{
  return month_day (index / 12, index % 12 + 1);
}

/* The first first-of-month on or after @day. */
static IkouDay
first_month_from (IkouDay day)
{
  if (day == IKOU_DAY_NONE || ikou_day_get_mday (day) == 1)
    return day;
  return ikou_day_month_start (ikou_day_add_months (day, 1));
}

/* A random first-of-month between @first and @last (inclusive). */
static IkouDay
rand_month (GRand   *rand,
            IkouDay  first,
            IkouDay  last)
{
  return day_from_month_index (rand_range (rand, month_index (first), month_index (last)));
}

static void
set_code (Body *body,
          guint pref,
          guint number)
{
  char code5[6];

  g_snprintf (code5, sizeof code5, "%02u%03u", pref + 1, number);
  g_snprintf (body->code, sizeof body->code, "%s%d", code5,
              ikou_bench_code_check_digit (code5));
}

static char *
make_name (GRand      *rand,
           GHashTable *used,
           const char *suffix,
           guint      *fallback_counter)
{
  for (int attempt = 0; attempt < 50; attempt++)
    {
      const char *head = name_heads[g_rand_int_range (rand, 0, G_N_ELEMENTS (name_heads))];
      const char *tail = name_tails[g_rand_int_range (rand, 0, G_N_ELEMENTS (name_tails))];
      char *name;

      if (strcmp (head, tail) == 0)
        continue;
      if (chance (rand, 0.15))
        name = g_strconcat (head, name_heads[g_rand_int_range (rand, 0, G_N_ELEMENTS (name_heads))],
                            tail, suffix, NULL);
      else
        name = g_strconcat (head, tail, suffix, NULL);
      if (!g_hash_table_contains (used, name))
        {
          g_hash_table_add (used, name);
          return g_strdup (name);
        }
      g_free (name);
    }

  /* 「第123市」: plausible enough, and always unique. */
  while (TRUE)
    {
      char *name = g_strdup_printf ("第%u%s", ++(*fallback_counter), suffix);

      if (!g_hash_table_contains (used, name))
        {
          g_hash_table_add (used, name);
          return g_strdup (name);
        }
      g_free (name);
    }
}

static void
body_clear (gpointer data)
{
  Body *body = data;

  g_free (body->name);
}

static const char *
body_suffix (BodyKind kind)
{
  switch (kind)
    {
    case BODY_CITY: return "市";
    case BODY_WARD: return "区";
    case BODY_TOWN: return "町";
    case BODY_VILLAGE: return "村";
    case BODY_PREFECTURE:
    default: return "";
    }
}

/* All bodies in 団体コード order: each prefecture, then its
 * municipalities (wards 1xx, cities 2xx, towns and villages 3xx–9xx). */
static GArray *
make_bodies (guint32 seed,
             guint   total)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5eed1788u);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *bodies = g_array_new (FALSE, TRUE, sizeof (Body));
  guint extra = total > IKOU_BENCH_NATIONAL_BODIES ? total - IKOU_BENCH_NATIONAL_BODIES : 0;
  guint fallback_counter = 0;

  g_array_set_clear_func (bodies, body_clear);

  for (guint p = 0; p < G_N_ELEMENTS (prefectures); p++)
    {
      Body pref = { 0 };
      guint n = prefectures[p].n_municipalities + extra / 47 + (p < extra % 47 ? 1 : 0);
      guint n_wards = 0, n_cities, n_villages, n_towns;
      g_autofree BodyKind *kinds = NULL;
      guint next_town = 301;

      pref.name = g_strdup (prefectures[p].name);
      pref.kind = BODY_PREFECTURE;
      set_code (&pref, p, 0);
      g_hash_table_add (used, g_strdup (pref.name));
      g_array_append_val (bodies, pref);

      if (p == TOKYO && n >= 62)
        {
          n_wards = 23;
          n_cities = 26;
          n_villages = 8;
        }
      else
        {
          n_cities = MIN (98, (guint) (n * (0.30 + 0.35 * g_rand_double (rand)) + 0.5));
          n_villages = (guint) ((n - n_cities) * 0.30 * g_rand_double (rand) + 0.5);
        }
      n_towns = n - n_wards - n_cities - n_villages;

      /* Towns and villages interleave in the county codes. */
      kinds = g_new (BodyKind, n_towns + n_villages);
      for (guint i = 0; i < n_towns + n_villages; i++)
        kinds[i] = i < n_towns ? BODY_TOWN : BODY_VILLAGE;
      for (guint i = n_towns + n_villages; i > 1; i--)
        {
          guint j = g_rand_int_range (rand, 0, i);
          BodyKind t = kinds[i - 1];

          kinds[i - 1] = kinds[j];
          kinds[j] = t;
        }

      for (guint i = 0; i < n_wards + n_cities + n_towns + n_villages; i++)
        {
          Body muni = { 0 };

          if (i < n_wards)
            {
              muni.kind = BODY_WARD;
              set_code (&muni, p, 101 + i);
            }
          else if (i < n_wards + n_cities)
            {
              muni.kind = BODY_CITY;
              set_code (&muni, p, 201 + i - n_wards);
            }
          else
            {
              guint left = n_wards + n_cities + n_towns + n_villages - i;

              muni.kind = kinds[i - n_wards - n_cities];
              set_code (&muni, p, MIN (next_town, 999));
              next_town += (999 - next_town > 2 * left && chance (rand, 0.4)) ? 2 : 1;
            }
          muni.name = make_name (rand, used, body_suffix (muni.kind), &fallback_counter);
          g_array_append_val (bodies, muni);
        }
    }

  return bodies;
}

static const char *
department_for (const Body *body,
                const Op   *op,
                char      **owned)
{
  if (body->kind == BODY_PREFECTURE)
    return g_str_equal (op->id, "public-assistance") ? "地域福祉課" : "子ども家庭課";

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    if (g_str_equal (departments[i].op, op->id))
      {
        switch (body->kind)
          {
          case BODY_TOWN:
          case BODY_VILLAGE:
            return departments[i].town;
          case BODY_WARD:
            {
              GString *s = g_string_new (departments[i].city);

              g_string_replace (s, "市", "区", 0);
              *owned = g_string_free (s, FALSE);
              return *owned;
            }
          case BODY_CITY:
          case BODY_PREFECTURE:
          default:
            return departments[i].city;
          }
      }

  *owned = g_strdup_printf ("%s担当課", op->name);
  return *owned;
}

static IkouHost *
add_host (Gen          *gen,
          const char   *body_name,
          const char   *what,
          IkouHostKind  kind)
{
  g_autofree char *name = g_strdup_printf ("%s %s", body_name, what);
  IkouHost *host = ikou_host_new (gen->next_host_id++, name, kind);

  /* Running costs follow from the ids, so the random plan stays the same. */
  ikou_host_set_annual_cost (host, (gint64) (ikou_host_get_id (host) * 7919u % 50 + 1) * 1000);
  g_ptr_array_add (gen->hosts, host);
  return host;
}

/* A lease end: the end of a fiscal year. */
static IkouDay
rand_lease_end (GRand *rand)
{
  double r = g_rand_double (rand);
  int fy = r < 0.08 ? 2024 : r < 0.53 ? 2025 : r < 0.88 ? 2026 : 2027;

  return ikou_fiscal_year_end (fy);
}

static void
make_body_hosts (Gen        *gen,
                 const Body *body,
                 BodyHosts  *bh)
{
  GRand *rand = gen->rand;
  gboolean prefecture = body->kind == BODY_PREFECTURE;
  g_autofree char *note = NULL;

  memset (bh, 0, sizeof *bh);

  bh->onprem = add_host (gen, body->name, "統合サーバ（電算室内）", IKOU_HOST_ONPREM_SHARED);
  ikou_host_set_available_until (bh->onprem, rand_lease_end (rand));
  /* The plan has no per-body field: the 団体コード goes in a note. */
  note = g_strdup_printf ("団体コード %s", body->code);
  ikou_host_set_note (bh->onprem, note);

  if (!prefecture && chance (rand, 0.35))
    {
      bh->dedicated = add_host (gen, body->name, "個別サーバ（電算室内）", IKOU_HOST_ONPREM_DEDICATED);
      ikou_host_set_available_until (bh->dedicated, rand_lease_end (rand));
    }

  if (chance (rand, prefecture ? 0.6 : 0.85))
    {
      bh->cloud = add_host (gen, body->name, "統合サーバ（クラウド）", IKOU_HOST_SHARED_CLOUD);
      ikou_host_set_available_from (bh->cloud,
                                    rand_month (rand, month_day (2019, 4), month_day (2023, 10)));
    }

  bh->gov = add_host (gen, body->name, "ガバメントクラウド", IKOU_HOST_GOV_CLOUD);
  ikou_host_set_available_from (bh->gov, gen->gov_cloud_from);

  bh->vendor_main = g_rand_int_range (rand, 0, G_N_ELEMENTS (vendors));
  bh->vendor_other = g_rand_int_range (rand, 0, G_N_ELEMENTS (vendors));
}

/* Marks the milestones before today done (with a few forgotten ones, for
 * status.overdue). */
static void
mark_done (Gen      *gen,
           IkouStep *step)
{
  step->done = 0;
  for (int m = 0; m < IKOU_N_MILESTONES; m++)
    {
      IkouDay day = ikou_step_get_milestone (step, m);

      if (day != IKOU_DAY_NONE && day < gen->today && !chance (gen->rand, 0.004))
        step->done |= IKOU_MILESTONE_FLAG (m);
    }
}

/* Fills the budget and contract milestones of @step backwards from its
 * cut-over, on the municipal budget calendar: request in Oct–Nov, the
 * contract on or after April 1 of the next fiscal year, the cut-over
 * 6–18 months later.  A small share breaks a rule on purpose. */
static void
plan_milestones (Gen      *gen,
                 IkouStep *step,
                 IkouDay   spec_published)
{
  GRand *rand = gen->rand;
  IkouDay cutover = step->cutover_date;
  IkouDay contract = ikou_day_month_start (ikou_day_add_months (cutover, -rand_range (rand, 6, 18)));
  IkouDay fy_start = ikou_fiscal_year_start (ikou_fiscal_year (contract));
  double r;

  /* Many contracts start on April 1, the first day the money exists. */
  if (chance (rand, 0.5) && month_index (cutover) - month_index (fy_start) <= 18)
    contract = fy_start;

  /* A standard-compliant build cannot start before its specification
   * was published (unless we break spec.build-before-spec below). */
  if (step->standard_compliant && spec_published != IKOU_DAY_NONE && contract < spec_published)
    {
      contract = ikou_day_month_start (ikou_day_add_months (spec_published, 1));
      if (contract >= cutover)
        contract = ikou_day_add_months (cutover, -1);
    }

  step->contract_date = contract;
  /* Requested in Oct–Nov of the fiscal year before the contract's. */
  step->budget_date = ikou_day_from_ymd (ikou_fiscal_year (contract) - 1,
                                         rand_range (rand, 10, 11), rand_range (rand, 1, 28));
  step->budget_amount = (gint64) rand_range (rand, 20, 1500) * 100;
  step->annual_cost = step->budget_amount / 10;
  step->arrangement = IKOU_ARRANGEMENT_NORMAL;

  r = g_rand_double (rand);
  if (r < 0.04)
    step->arrangement = IKOU_ARRANGEMENT_LONG_TERM;
  else if (r < 0.08)
    {
      /* 債務負担行為 / 準備行為: a contract in Feb–Mar is allowed. */
      step->arrangement = r < 0.06 ? IKOU_ARRANGEMENT_DEBT_BURDEN : IKOU_ARRANGEMENT_PREPARATORY;
      step->contract_date = ikou_day_add_months (ikou_fiscal_year_start (ikou_fiscal_year (contract)),
                                                 -rand_range (rand, 1, 2));
    }
  else if (r < 0.10 && ikou_day_get_month (contract) >= 7)
    {
      /* 補正予算: requested and spent in the same fiscal year. */
      step->supplementary = TRUE;
      step->budget_date = ikou_day_from_ymd (ikou_day_get_year (contract),
                                             ikou_day_get_month (contract) - 3, 15);
    }

  /* Deliberate mistakes, a few of each. */
  r = g_rand_double (rand);
  if (r < 0.005)
    {
      /* budget.missing-request */
      step->budget_date = IKOU_DAY_NONE;
      step->budget_amount = -1;
    }
  else if (r < 0.010 && !step->supplementary)
    {
      /* budget.contract-before-appropriation: Jan–Mar before the money. */
      step->arrangement = IKOU_ARRANGEMENT_NORMAL;
      step->contract_date = ikou_day_add_months (ikou_fiscal_year_start (ikou_fiscal_year (contract)),
                                                 -rand_range (rand, 1, 3));
    }
  else if (r < 0.012)
    {
      /* order.contract-before-request */
      step->budget_date = step->contract_date + rand_range (rand, 10, 60);
    }
  else if (r < 0.014)
    {
      /* order.cutover-before-contract */
      step->contract_date = ikou_day_add_months (cutover, rand_range (rand, 1, 2));
      step->budget_date = ikou_day_from_ymd (ikou_fiscal_year (step->contract_date) - 1, 11, 10);
    }
  else if (r < 0.017 && step->standard_compliant && spec_published != IKOU_DAY_NONE)
    {
      /* spec.build-before-spec */
      step->contract_date = ikou_day_month_start (ikou_day_add_months (spec_published,
                                                                      -rand_range (rand, 1, 4)));
      step->budget_date = ikou_day_from_ymd (ikou_fiscal_year (step->contract_date) - 1, 10, 20);
      step->arrangement = IKOU_ARRANGEMENT_NORMAL;
      step->supplementary = FALSE;
      if (step->contract_date < ikou_fiscal_year_start (ikou_fiscal_year (step->budget_date) + 1))
        step->contract_date = ikou_fiscal_year_start (ikou_fiscal_year (step->budget_date) + 1);
    }

  mark_done (gen, step);
}

static IkouStep
new_step (guint    from,
          guint    to,
          IkouDay  cutover,
          gboolean compliant)
{
  IkouStep step = { .annual_cost = -1 };

  step.from_host = from;
  step.to_host = to;
  step.cutover_date = cutover;
  step.standard_compliant = compliant;
  step.budget_amount = -1;
  return step;
}

static const char *
rand_tokutei_reason (GRand *rand)
{
  guint total = 0, pick;

  for (guint i = 0; i < G_N_ELEMENTS (tokutei_reasons); i++)
    total += tokutei_reasons[i].weight;
  pick = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (tokutei_reasons); i++)
    {
      if (pick < tokutei_reasons[i].weight)
        return tokutei_reasons[i].reason;
      pick -= tokutei_reasons[i].weight;
    }
  return tokutei_reasons[G_N_ELEMENTS (tokutei_reasons) - 1].reason;
}

static void
set_status (IkouSystem *system)
{
  guint n = ikou_system_get_n_steps (system);
  gboolean any = FALSE, all = n > 0;

  for (guint i = 0; i < n; i++)
    {
      const IkouStep *step = ikou_system_get_step (system, i);

      for (int m = 0; m < IKOU_N_MILESTONES; m++)
        {
          if (ikou_step_get_milestone (step, m) == IKOU_DAY_NONE)
            continue;
          if (step->done & IKOU_MILESTONE_FLAG (m))
            any = TRUE;
          else
            all = FALSE;
        }
    }
  ikou_system_set_status (system, all ? IKOU_STATUS_DONE
                                      : any ? IKOU_STATUS_IN_PROGRESS : IKOU_STATUS_NOT_STARTED);
}

static void
add_step (IkouSystem *system,
          BodyHosts  *bh,
          IkouStep   *step)
{
  if (bh->onprem != NULL && step->from_host == ikou_host_get_id (bh->onprem))
    bh->latest_from_onprem = MAX (bh->latest_from_onprem, step->cutover_date);
  if (bh->dedicated != NULL && step->from_host == ikou_host_get_id (bh->dedicated))
    bh->latest_from_dedicated = MAX (bh->latest_from_dedicated, step->cutover_date);
  ikou_system_insert_step (system, G_MAXUINT, step);
}

/* The standard-compliant cut-over: mostly in time, a share in the last
 * three months (deadline.at-risk), a few late (deadline.missed). */
static IkouDay
rand_target (Gen     *gen,
             IkouDay  deadline,
             gboolean tokutei)
{
  GRand *rand = gen->rand;
  double r = g_rand_double (rand);
  IkouDay deadline_month = ikou_day_month_start (deadline);

  if (!tokutei)
    {
      if (r < 0.015)
        return rand_month (rand, ikou_day_add_months (deadline_month, 1),
                           ikou_day_add_months (deadline_month, 9));
      if (r < 0.12)
        return rand_month (rand, ikou_day_add_months (deadline_month, -2), deadline_month);
      return rand_month (rand, ikou_day_add_months (deadline_month, -30),
                         ikou_day_add_months (deadline_month, -3));
    }
  else
    {
      IkouDay earliest = ikou_day_add_months (ikou_day_month_start (gen->deadline), 1);
      IkouDay day;

      if (r < 0.02)
        return rand_month (rand, ikou_day_add_months (deadline_month, 1),
                           ikou_day_add_months (deadline_month, 6));
      if (r < 0.10)
        return rand_month (rand, ikou_day_add_months (deadline_month, -2), deadline_month);
      day = rand_month (rand, ikou_day_add_months (deadline_month, -24),
                        ikou_day_add_months (deadline_month, -3));
      return MAX (day, MIN (earliest, ikou_day_add_months (deadline_month, -3)));
    }
}

static IkouSystem *
make_system (Gen        *gen,
             const Body *body,
             BodyHosts  *bh,
             const Op   *op,
             const char *other_name)
{
  GRand *rand = gen->rand;
  g_autofree char *name = NULL;
  g_autofree char *dept_owned = NULL;
  IkouSystem *system;
  IkouHost *from;
  IkouDay deadline = gen->deadline;
  gboolean tokutei = FALSE;
  double r;

  name = g_strdup_printf ("%s %sシステム", body->name, op != NULL ? op->name : other_name);
  system = ikou_system_new (gen->next_system_id++, name);
  ikou_system_set_annual_cost (system, (gint64) (ikou_system_get_id (system) * 37u % 900 + 100) * 10);
  ikou_system_set_vendor (system, vendors[chance (rand, 0.8) ? bh->vendor_main : bh->vendor_other]);

  from = bh->onprem;
  if (bh->dedicated != NULL &&
      (op == NULL || g_str_has_prefix (op->id, "family-register") || chance (rand, 0.05)))
    from = bh->dedicated;
  ikou_system_set_host (system, ikou_host_get_id (from));

  if (op == NULL)
    {
      /* Outside the standard: moves to the body's cloud, no deadline. */
      IkouHost *to = bh->cloud != NULL ? bh->cloud : bh->gov;
      IkouStep step = new_step (ikou_host_get_id (from), ikou_host_get_id (to),
                                rand_month (rand, MAX (month_day (2021, 4),
                                                       first_month_from (ikou_host_get_available_from (to))),
                                            month_day (2027, 3)),
                                FALSE);

      ikou_system_set_department (system, "情報政策課");
      plan_milestones (gen, &step, IKOU_DAY_NONE);
      add_step (system, bh, &step);
      set_status (system);
      return system;
    }

  ikou_system_set_department (system, department_for (body, op, &dept_owned));
  ikou_system_set_operation (system, op->id);

  if (chance (rand, 0.11))
    {
      /* 特定移行支援: deadline the end of FY2026–FY2030, a few beyond
       * the outer limit (tokutei.beyond-limit). */
      static const double fy_weights[] = { 0.25, 0.30, 0.20, 0.12, 0.13 };
      double w = g_rand_double (rand);
      int fy = 2026;

      for (guint i = 0; i < G_N_ELEMENTS (fy_weights) && w >= fy_weights[i]; i++)
        {
          w -= fy_weights[i];
          fy++;
        }
      fy = MIN (fy, 2030);
      deadline = ikou_fiscal_year_end (fy);
      if (chance (rand, 0.006))
        deadline = ikou_day_add_months (gen->tokutei_limit, 12 * rand_range (rand, 1, 2));
      tokutei = TRUE;
      ikou_system_set_tokutei (system, TRUE);
      ikou_system_set_tokutei_deadline (system, deadline);
      ikou_system_set_tokutei_reason (system, rand_tokutei_reason (rand));
    }

  r = g_rand_double (rand);
  if (r < 0.004)
    {
      /* deadline.no-plan: nothing planned yet, or only the own cloud. */
      if (bh->cloud != NULL && chance (rand, 0.5))
        {
          IkouStep step = new_step (ikou_host_get_id (from), ikou_host_get_id (bh->cloud),
                                    rand_month (rand, MAX (month_day (2022, 4),
                                                           ikou_host_get_available_from (bh->cloud)),
                                                month_day (2026, 3)),
                                    FALSE);

          plan_milestones (gen, &step, IKOU_DAY_NONE);
          add_step (system, bh, &step);
        }
      ikou_system_set_notes (system, "移行方針を検討中");
    }
  else if (r < 0.024 && bh->cloud != NULL)
    {
      /* target.not-gov-cloud: standard-compliant, on the body's own cloud. */
      IkouDay target = MAX (rand_target (gen, deadline, tokutei),
                            ikou_host_get_available_from (bh->cloud));
      IkouStep step = new_step (ikou_host_get_id (from), ikou_host_get_id (bh->cloud),
                                ikou_day_month_start (target), TRUE);

      plan_milestones (gen, &step, op->spec_published);
      add_step (system, bh, &step);
      ikou_system_set_notes (system, "ガバメントクラウド以外の環境を利用（要件確認済み）");
    }
  else
    {
      IkouDay target = rand_target (gen, deadline, tokutei);
      IkouStep last;

      last = new_step (ikou_host_get_id (from), ikou_host_get_id (bh->gov), target, TRUE);
      if (bh->cloud != NULL && chance (rand, 0.85))
        {
          /* Own cloud first, then the Government Cloud. */
          IkouDay cloud_from = ikou_host_get_available_from (bh->cloud);
          IkouStep first;
          IkouDay cut;

          last.from_host = ikou_host_get_id (bh->cloud);
          plan_milestones (gen, &last, op->spec_published);

          cut = ikou_day_add_months (ikou_day_month_start (last.contract_date),
                                     -rand_range (rand, 0, 12));
          cut = MAX (cut, month_day (2020, 4));
          if (chance (rand, 0.004))
            cut = ikou_day_add_months (cloud_from, -rand_range (rand, 1, 6)); /* host.not-ready */
          else
            cut = MAX (cut, cloud_from);
          first = new_step (ikou_host_get_id (from), ikou_host_get_id (bh->cloud), cut, FALSE);
          plan_milestones (gen, &first, IKOU_DAY_NONE);
          add_step (system, bh, &first);
          add_step (system, bh, &last);
        }
      else
        {
          plan_milestones (gen, &last, op->spec_published);
          add_step (system, bh, &last);
        }
    }

  set_status (system);
  return system;
}

/* The number of systems a body has when it runs every operation it can. */
static guint
body_capacity (const Body *body,
               GArray     *ops)
{
  if (body->kind != BODY_PREFECTURE)
    return ops->len;

  {
    guint n = 0;

    for (guint i = 0; i < ops->len; i++)
      for (guint j = 0; j < G_N_ELEMENTS (prefecture_ops); j++)
        if (g_str_equal (g_array_index (ops, Op, i).id, prefecture_ops[j]))
          n++;
    return n;
  }
}

static void
make_body_systems (Gen        *gen,
                   const Body *body,
                   GArray     *ops,
                   guint       quota,
                   guint       n_other)
{
  GRand *rand = gen->rand;
  BodyHosts bh;
  g_autofree gboolean *keep = g_new0 (gboolean, ops->len);
  guint capacity = 0;

  make_body_hosts (gen, body, &bh);

  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);

      if (body->kind == BODY_PREFECTURE)
        {
          for (guint j = 0; j < G_N_ELEMENTS (prefecture_ops); j++)
            keep[i] |= g_str_equal (op->id, prefecture_ops[j]);
        }
      else
        keep[i] = TRUE;
      capacity += keep[i];
    }

  /* Drop what the body does not run: 町村 without a welfare office
   * leave 生活保護 to the prefecture; then at random. */
  while (capacity > quota)
    {
      guint drop = ops->len;

      if (body->kind == BODY_TOWN || body->kind == BODY_VILLAGE)
        for (guint i = 0; i < ops->len; i++)
          if (keep[i] && g_str_equal (g_array_index (ops, Op, i).id, "public-assistance"))
            drop = i;
      while (drop == ops->len)
        {
          guint i = g_rand_int_range (rand, 0, ops->len);

          if (keep[i])
            drop = i;
        }
      keep[drop] = FALSE;
      capacity--;
    }

  for (guint i = 0; i < ops->len; i++)
    if (keep[i])
      g_ptr_array_add (gen->systems,
                       make_system (gen, body, &bh, &g_array_index (ops, Op, i), NULL));

  for (guint i = 0; i < n_other; i++)
    {
      const char *base = other_systems[i % G_N_ELEMENTS (other_systems)];
      g_autofree char *other = i < G_N_ELEMENTS (other_systems)
        ? g_strdup (base)
        : g_strdup_printf ("%s（%u）", base, i / (guint) G_N_ELEMENTS (other_systems) + 1);

      g_ptr_array_add (gen->systems, make_system (gen, body, &bh, NULL, other));
    }

  /* Most bodies re-lease the old servers until their last system has
   * left; some forget (host.expires-first). */
  if (bh.latest_from_onprem > ikou_host_get_available_until (bh.onprem) && chance (rand, 0.9))
    {
      g_autofree char *note = g_strconcat (ikou_host_get_note (bh.onprem), "、再リース", NULL);

      ikou_host_set_available_until (bh.onprem,
                                     ikou_fiscal_year_end (ikou_fiscal_year (bh.latest_from_onprem)));
      ikou_host_set_note (bh.onprem, note);
    }
  if (bh.dedicated != NULL &&
      bh.latest_from_dedicated > ikou_host_get_available_until (bh.dedicated) && chance (rand, 0.9))
    {
      ikou_host_set_available_until (bh.dedicated,
                                     ikou_fiscal_year_end (ikou_fiscal_year (bh.latest_from_dedicated)));
      ikou_host_set_note (bh.dedicated, "再リース");
    }
}

static GArray *
load_ops (IkouSchedule *schedule)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (Op));
  IkouDay default_spec = ikou_day_from_ymd (2022, 8, 31);

  if (schedule != NULL)
    {
      for (guint i = 0; i < ikou_schedule_get_n_operations (schedule); i++)
        {
          const IkouOperation *operation = ikou_schedule_get_operation (schedule, i);
          Op op = { operation->id, operation->name, operation->spec_published };

          g_array_append_val (ops, op);
        }
    }
  if (ops->len == 0)
    g_array_append_vals (ops, fallback_ops, G_N_ELEMENTS (fallback_ops));

  for (guint i = 0; i < ops->len; i++)
    if (g_array_index (ops, Op, i).spec_published == IKOU_DAY_NONE)
      g_array_index (ops, Op, i).spec_published = default_spec;

  return ops;
}

IkouPlan *
ikou_bench_generate_plan (guint   n_systems,
                          guint   n_bodies,
                          guint32 seed)
{
  g_autoptr(IkouSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ops = NULL;
  g_autoptr(GArray) all_bodies = NULL;
  g_autoptr(GPtrArray) bodies = NULL;   /* borrowed Body * */
  g_autofree guint *capacity = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  IkouPlan *plan;
  guint64 total_capacity = 0, cumulative = 0;
  guint n_municipalities = 0, other_left = 0, assigned = 0;
  Gen gen = { 0 };

  if (n_bodies == 0)
    n_bodies = ikou_bench_default_bodies (n_systems);
  n_bodies = MIN (n_bodies, IKOU_BENCH_MAX_BODIES);

  schedule = ikou_schedule_load_default (&error);
  if (schedule == NULL)
    g_warning ("No national schedule (%s): using the built-in list of operations",
               error->message);
  ops = load_ops (schedule);

  gen.rand = g_rand_new_with_seed (seed);
  gen.today = ikou_bench_today ();
  gen.deadline = schedule != NULL ? ikou_schedule_get_deadline (schedule) : IKOU_DAY_NONE;
  if (gen.deadline == IKOU_DAY_NONE)
    gen.deadline = ikou_fiscal_year_end (PRINCIPAL_FY);
  gen.tokutei_limit = schedule != NULL ? ikou_schedule_get_tokutei_limit (schedule) : IKOU_DAY_NONE;
  if (gen.tokutei_limit == IKOU_DAY_NONE)
    gen.tokutei_limit = ikou_fiscal_year_end (2030);
  gen.gov_cloud_from = schedule != NULL ? ikou_schedule_get_gov_cloud_from (schedule) : IKOU_DAY_NONE;
  if (gen.gov_cloud_from == IKOU_DAY_NONE)
    gen.gov_cloud_from = ikou_day_from_ymd (2022, 10, 3);
  gen.next_host_id = 1;
  gen.next_system_id = 1;
  gen.hosts = g_ptr_array_new_with_free_func (g_object_unref);
  gen.systems = g_ptr_array_new_full (n_systems, g_object_unref);

  /* Which bodies: all of them, or an even spread starting with a city. */
  all_bodies = make_bodies (seed, MAX (n_bodies, IKOU_BENCH_NATIONAL_BODIES));
  bodies = g_ptr_array_new ();
  for (guint i = 0; i < n_bodies; i++)
    {
      guint index = n_bodies >= all_bodies->len
        ? i : MIN ((guint) ((guint64) i * all_bodies->len / n_bodies + 1), all_bodies->len - 1);

      g_ptr_array_add (bodies, &g_array_index (all_bodies, Body, index));
    }

  /* Spread the systems over the bodies in proportion to what each can
   * run; beyond that, systems outside the 20 operations. */
  capacity = g_new0 (guint, n_bodies);
  for (guint i = 0; i < n_bodies; i++)
    {
      const Body *body = g_ptr_array_index (bodies, i);

      capacity[i] = body_capacity (body, ops);
      total_capacity += capacity[i];
      n_municipalities += body->kind != BODY_PREFECTURE;
    }
  if (n_systems > total_capacity)
    other_left = n_systems - (guint) total_capacity;

  for (guint i = 0; i < n_bodies; i++)
    {
      const Body *body = g_ptr_array_index (bodies, i);
      guint quota, n_other = 0;

      if (other_left == 0 && total_capacity > 0)
        {
          guint64 before = (guint64) n_systems * cumulative / total_capacity;

          cumulative += capacity[i];
          quota = (guint) ((guint64) n_systems * cumulative / total_capacity - before);
        }
      else
        {
          guint takers = n_municipalities > 0 ? n_municipalities : n_bodies;

          quota = capacity[i];
          if (n_municipalities == 0 || body->kind != BODY_PREFECTURE)
            {
              n_other = (n_systems - (guint) total_capacity) / takers;
              if (assigned < (n_systems - (guint) total_capacity) % takers)
                n_other++;
              assigned++;
            }
        }
      make_body_systems (&gen, body, ops, quota, n_other);
    }

  plan = ikou_plan_new ();
  ikou_plan_set_organization (plan, "全国（生成データ）");
  title = g_strdup_printf ("全国 標準化・ガバメントクラウド移行計画（生成データ %u システム）",
                           gen.systems->len);
  ikou_plan_set_title (plan, title);
  description = g_strdup_printf ("ikou-generate が生成した架空のデータです（%u 団体、%u システム、"
                                 "シード %u）。団体名・団体コード・日付は実在のものではありません。",
                                 n_bodies, gen.systems->len, seed);
  ikou_plan_set_description (plan, description);
  if (schedule != NULL)
    ikou_plan_set_schedule_version (plan, ikou_schedule_get_version (schedule));

  for (guint i = 0; i < gen.hosts->len; i++)
    ikou_plan_add_host (plan, g_ptr_array_index (gen.hosts, i));

  ikou_plan_begin_bulk (plan);
  for (guint i = 0; i < gen.systems->len; i++)
    ikou_plan_add_system (plan, g_ptr_array_index (gen.systems, i));
  ikou_plan_end_bulk (plan);

  g_ptr_array_unref (gen.hosts);
  g_ptr_array_unref (gen.systems);
  g_rand_free (gen.rand);

  return plan;
}
