/* rec-rules.c — a jurisdiction's rules, read from data/rules/<id>.ini
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every value the engine uses comes from here (spec/arrears.md): adding a
 * state is adding a key file, never C code. A file that lacks a key or holds a
 * value we cannot use is refused with REC_CORE_ERROR_RULES naming the key.
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-rules-private.h"

#include "rec-date.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#define RULES_RESOURCE_PATH "/io/github/recourse/Recourse/rules/"

/* The resource compiled from data/rules (data/meson.build). */
GResource *rec_rules_get_resource (void);

static void
set_rules_error (GError    **error,
                 const char *group,
                 const char *key,
                 const char *problem)
{
  g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_RULES,
               /* Translators: a rules file is wrong. The first %s is a section such
                * as "interest", the second a key such as "accrual", the third says
                * what is wrong with it. */
               _("Rules file: [%s] %s: %s"), group, key, problem);
}

static char *
get_string (GKeyFile   *file,
            const char *group,
            const char *key,
            GError    **error)
{
  char *value = g_key_file_get_string (file, group, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    {
      g_free (value);
      set_rules_error (error, group, key, _("missing"));
      return NULL;
    }
  return value;
}

/* Looks `word` up in a NULL-terminated list; -1 and an error naming the
 * allowed words when it is not there. */
static int
get_word (GKeyFile           *file,
          const char         *group,
          const char         *key,
          const char * const *words,
          GError            **error)
{
  g_autofree char *value = get_string (file, group, key, error);
  g_autofree char *allowed = NULL;
  g_autofree char *problem = NULL;

  if (value == NULL)
    return -1;
  for (int i = 0; words[i] != NULL; i++)
    if (g_str_equal (words[i], value))
      return i;

  allowed = g_strjoinv (", ", (char **) words);
  /* Translators: the first %s is a word found in a rules file, the second the
   * words allowed there, joined by commas */
  problem = g_strdup_printf (_("“%s” is not one of %s"), value, allowed);
  set_rules_error (error, group, key, problem);
  return -1;
}

/* Refuses a key the group does not know: a typo must not pass for a rule
 * that silently keeps its default (spec §9). */
static gboolean
check_keys (GKeyFile           *file,
            const char         *group,
            const char * const *known,
            GError            **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (known, keys[i]))
      {
        set_rules_error (error, group, keys[i], _("unknown key"));
        return FALSE;
      }
  return TRUE;
}

/* An optional string: "" when absent. */
static char *
get_optional_string (GKeyFile   *file,
                     const char *group,
                     const char *key)
{
  char *value = g_key_file_get_string (file, group, key, NULL);

  return value != NULL ? g_strstrip (value) : g_strdup ("");
}

static gboolean
parse_count (const char *text,
             gint64      max,
             gint64     *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, (guint64) max, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

static gboolean
get_count (GKeyFile   *file,
           const char *group,
           const char *key,
           gint64      max,
           gint64     *out,
           GError    **error)
{
  g_autofree char *value = get_string (file, group, key, error);
  g_autofree char *problem = NULL;

  if (value == NULL)
    return FALSE;
  if (parse_count (value, max, out))
    return TRUE;

  /* Translators: %s is the text found in a rules file where a whole number
   * was expected */
  problem = g_strdup_printf (_("“%s” is not a whole number"), value);
  set_rules_error (error, group, key, problem);
  return FALSE;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const RecRatePeriod *pa = a, *pb = b;

  return pa->from_julian < pb->from_julian ? -1 : pa->from_julian > pb->from_julian;
}

/* "10" or "2030-01-01:8": the first period is undated, the others dated. */
static gboolean
parse_rate_period (const char    *text,
                   gboolean       first,
                   RecRatePeriod *out)
{
  const char *colon = strchr (text, ':');
  g_autofree char *date_text = NULL;
  GDate date;

  if (first != (colon == NULL))
    return FALSE;

  out->from_julian = 0;
  if (colon != NULL)
    {
      date_text = g_strndup (text, (gsize) (colon - text));
      if (!rec_date_parse (date_text, &date, NULL))
        return FALSE;
      out->from_julian = g_date_get_julian (&date);
      text = colon + 1;
    }

  return rec_rate_parse (text, &out->basis_points, NULL);
}

static gboolean
load_rates (GKeyFile       *file,
            const char     *key,
            RecRatePeriod **out_rates,
            guint          *out_n,
            GError        **error)
{
  gsize n = 0;
  g_auto(GStrv) items = g_key_file_get_string_list (file, "interest", key, &n, NULL);
  RecRatePeriod *rates;

  if (items == NULL || n == 0)
    {
      set_rules_error (error, "interest", key, _("missing"));
      return FALSE;
    }

  rates = *out_rates = g_new0 (RecRatePeriod, n);
  *out_n = (guint) n;
  for (gsize i = 0; i < n; i++)
    {
      g_strstrip (items[i]);
      /* A period dated on or before the one it follows would overlap it. */
      if (!parse_rate_period (items[i], i == 0, &rates[i])
          || (i > 0 && rates[i].from_julian <= rates[i - 1].from_julian))
        {
          g_autofree char *problem =
            /* Translators: %s is a rate period from a rules file, e.g. "2030-01-01:8" */
            g_strdup_printf (_("“%s” is not a rate period (the first is a percentage, "
                               "each later one YYYY-MM-DD:PERCENT in date order)"), items[i]);
          set_rules_error (error, "interest", key, problem);
          return FALSE;
        }
    }
  qsort (rates, n, sizeof (RecRatePeriod), compare_periods);
  return TRUE;
}

/* starts=: due_date, next_month or after_days:N (spec §9). */
static gboolean
get_starts (GKeyFile   *file,
            const char *key,
            RecStarts  *out_starts,
            int        *out_days,
            GError    **error)
{
  static const char * const starts[] = { "due_date", "next_month", NULL };
  g_autofree char *value = get_string (file, "interest", key, error);
  g_autofree char *problem = NULL;
  gint64 days;

  if (value == NULL)
    return FALSE;
  *out_days = 0;
  for (int i = 0; starts[i] != NULL; i++)
    if (g_str_equal (starts[i], value))
      {
        *out_starts = (RecStarts) i;
        return TRUE;
      }
  if (g_str_has_prefix (value, "after_days:")
      && parse_count (value + strlen ("after_days:"), 3660, &days))
    {
      *out_starts = REC_STARTS_AFTER_DAYS;
      *out_days = (int) days;
      return TRUE;
    }

  /* Translators: %s is a word found in a rules file; keep due_date,
   * next_month and after_days:N as they are */
  problem = g_strdup_printf (_("“%s” is not one of due_date, next_month, after_days:N "
                               "(N a whole number of days from 0 to 3660)"), value);
  set_rules_error (error, "interest", key, problem);
  return FALSE;
}

static gboolean
load_interest (GKeyFile  *file,
               RecRules  *rules,
               GError   **error)
{
  static const char * const known[] = { "rate_percent", "rate_percent_agency", "method",
                                        "accrual", "starts", "accrual_agency",
                                        "starts_agency", "interest_on", "citation", NULL };
  static const char * const methods[] = { "simple", NULL };
  static const char * const accruals[] = { "daily", "monthly", NULL };
  static const char * const interest_on[] = { "all", "above_one_month", NULL };
  int accrual, accrual_agency, on = REC_INTEREST_ON_ALL;

  if (!check_keys (file, "interest", known, error)
      || !load_rates (file, "rate_percent", &rules->rates, &rules->n_rates, error)
      || (g_key_file_has_key (file, "interest", "rate_percent_agency", NULL)
          && !load_rates (file, "rate_percent_agency", &rules->rates_agency,
                          &rules->n_rates_agency, error))
      || get_word (file, "interest", "method", methods, error) < 0
      || (accrual = get_word (file, "interest", "accrual", accruals, error)) < 0
      || !get_starts (file, "starts", &rules->starts, &rules->starts_days, error))
    return FALSE;

  /* The agency variants are optional ("the rules file may give other
   * values", spec §5): absent, agency cases follow the general keys. */
  accrual_agency = accrual;
  rules->starts_agency = rules->starts;
  rules->starts_agency_days = rules->starts_days;
  if ((g_key_file_has_key (file, "interest", "accrual_agency", NULL)
       && (accrual_agency = get_word (file, "interest", "accrual_agency", accruals, error)) < 0)
      || (g_key_file_has_key (file, "interest", "starts_agency", NULL)
          && !get_starts (file, "starts_agency", &rules->starts_agency,
                          &rules->starts_agency_days, error))
      || (g_key_file_has_key (file, "interest", "interest_on", NULL)
          && (on = get_word (file, "interest", "interest_on", interest_on, error)) < 0))
    return FALSE;

  rules->accrual = (RecAccrual) accrual;
  rules->accrual_agency = (RecAccrual) accrual_agency;
  rules->interest_on = (RecInterestOn) on;
  rules->interest_citation = get_optional_string (file, "interest", "citation");
  return TRUE;
}

/* An allocation order: `key` of [allocation], a list of the steps. */
static gboolean
load_order (GKeyFile     *file,
            const char   *key,
            RecAllocStep *order,
            guint        *n_order,
            GError      **error)
{
  static const char * const steps[] = { "current", "interest", "principal", NULL };
  gsize n = 0;
  g_auto(GStrv) items = g_key_file_get_string_list (file, "allocation", key, &n, NULL);
  gboolean seen[REC_N_ALLOC_STEPS] = { FALSE, };

  if (items == NULL || n == 0)
    {
      set_rules_error (error, "allocation", key, _("missing"));
      return FALSE;
    }

  *n_order = 0;
  for (gsize i = 0; i < n; i++)
    {
      int step = -1;

      g_strstrip (items[i]);
      for (int s = 0; steps[s] != NULL; s++)
        if (g_str_equal (steps[s], items[i]))
          step = s;
      if (step < 0 || seen[step])
        {
          g_autofree char *problem =
            /* Translators: %s is a word of a rules file's allocation order */
            g_strdup_printf (_("“%s” is not one of current, interest, principal, "
                               "or appears twice"), items[i]);
          set_rules_error (error, "allocation", key, problem);
          return FALSE;
        }
      seen[step] = TRUE;
      order[(*n_order)++] = (RecAllocStep) step;
    }

  /* Credit exists only once everything due is paid (spec/arrears.md §4). */
  if (!seen[REC_ALLOC_PRINCIPAL])
    {
      set_rules_error (error, "allocation", key, _("“principal” is missing"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_allocation (GKeyFile  *file,
                 RecRules  *rules,
                 GError   **error)
{
  static const char * const known[] = { "order", "order_tax_offset", NULL };

  if (!check_keys (file, "allocation", known, error)
      || !load_order (file, "order", rules->order, &rules->n_order, error))
    return FALSE;

  /* Absent, tax offsets follow `order` (spec §9). */
  if (!g_key_file_has_key (file, "allocation", "order_tax_offset", NULL))
    {
      memcpy (rules->order_tax_offset, rules->order, sizeof rules->order);
      rules->n_order_tax_offset = rules->n_order;
      return TRUE;
    }
  return load_order (file, "order_tax_offset", rules->order_tax_offset,
                     &rules->n_order_tax_offset, error);
}

static gboolean
load_contempt (GKeyFile  *file,
               RecRules  *rules,
               GError   **error)
{
  static const char * const known[] = { "contempt_years", NULL };
  g_autofree char *value = NULL;
  gint64 years;

  if (!check_keys (file, "contempt", known, error))
    return FALSE;
  /* none: no time bar, every unpaid month is a count (spec §9). */
  value = g_key_file_get_string (file, "contempt", "contempt_years", NULL);
  if (value != NULL && g_str_equal (g_strstrip (value), "none"))
    {
      rules->contempt_years = REC_CONTEMPT_YEARS_NONE;
      return TRUE;
    }
  if (!get_count (file, "contempt", "contempt_years", 1000, &years, error))
    return FALSE;
  rules->contempt_years = (int) years;
  return TRUE;
}

/* A threshold: an amount for principal_owed, a whole number otherwise. */
static gboolean
get_threshold (GKeyFile    *file,
               const char  *group,
               const char  *key,
               RecRuleTest  test,
               gint64      *out,
               GError     **error)
{
  g_autofree char *value = NULL;
  g_autofree char *problem = NULL;

  if (test != REC_RULE_TEST_PRINCIPAL_OWED)
    return get_count (file, group, key, G_MAXINT, out, error);

  value = get_string (file, group, key, error);
  if (value == NULL)
    return FALSE;
  if (rec_cents_parse (value, FALSE, out, NULL))
    return TRUE;

  /* Translators: %s is the text found in a rules file where an amount such as
   * "2500.00" was expected */
  problem = g_strdup_printf (_("“%s” is not an amount"), value);
  set_rules_error (error, group, key, problem);
  return FALSE;
}

static gboolean
check_template (const char *group,
                const char *key,
                const char *template,
                GError    **error)
{
  RecReasonFigures figures = { "", "", "", "", "", "" };
  g_autofree char *bad = NULL;
  g_autofree char *filled = rec_rules_fill_reason (template, &figures, &bad);
  g_autofree char *problem = NULL;

  if (filled != NULL)
    return TRUE;

  /* Translators: %s is a placeholder such as {value} that a rules file used
   * in a reason but that does not exist */
  problem = g_strdup_printf (_("unknown placeholder {%s}"), bad);
  set_rules_error (error, group, key, problem);
  return FALSE;
}

static char *
get_template (GKeyFile   *file,
              const char *group,
              const char *key,
              GError    **error)
{
  char *value = get_string (file, group, key, error);

  if (value != NULL && !check_template (group, key, value, error))
    g_clear_pointer (&value, g_free);
  return value;
}

/* One test of a remedy; `prefix` is "" for the first, "or_" for the second,
 * "and_" for the one that must also hold (whose reason is optional). */
static gboolean
load_condition (GKeyFile         *file,
                const char       *group,
                const char       *prefix,
                RecRuleCondition *cond,
                GError          **error)
{
  static const char * const tests[] = { "principal_owed", "days_delinquent",
                                        "contempt_counts", "term_in_force",
                                        "months_of_support", NULL };
  static const char * const comparisons[] = { ">", ">=", "<", "<=", "=", NULL };
  g_autofree char *test_key = g_strconcat (prefix, "test", NULL);
  g_autofree char *cmp_key = g_strconcat (prefix, "comparison", NULL);
  g_autofree char *threshold_key = g_strconcat (prefix, "threshold", NULL);
  g_autofree char *pa_key = g_strconcat (prefix, "threshold_public_assistance", NULL);
  g_autofree char *reason_key = g_strconcat (prefix, "reason", NULL);
  int test, cmp;

  if ((test = get_word (file, group, test_key, tests, error)) < 0)
    return FALSE;
  cond->test = (RecRuleTest) test;

  if (cond->test != REC_RULE_TEST_TERM_IN_FORCE)
    {
      if ((cmp = get_word (file, group, cmp_key, comparisons, error)) < 0
          || !get_threshold (file, group, threshold_key, cond->test, &cond->threshold, error))
        return FALSE;
      cond->comparison = (RecRuleCmp) cmp;
      cond->has_threshold_pa = g_key_file_has_key (file, group, pa_key, NULL);
      if (cond->has_threshold_pa
          && !get_threshold (file, group, pa_key, cond->test, &cond->threshold_pa, error))
        return FALSE;
    }

  if (g_str_equal (prefix, "and_") && !g_key_file_has_key (file, group, reason_key, NULL))
    return TRUE;
  cond->reason = get_template (file, group, reason_key, error);
  return cond->reason != NULL;
}

/* The keys a remedy group may hold. */
static gboolean
check_remedy_keys (GKeyFile   *file,
                   const char *group,
                   GError    **error)
{
  static const char * const prefixes[] = { "", "or_", "and_" };
  static const char * const names[] = { "test", "comparison", "threshold",
                                        "threshold_public_assistance", "reason" };
  g_autoptr(GPtrArray) known = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) keys = NULL;

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (guint n = 0; n < G_N_ELEMENTS (names); n++)
      g_ptr_array_add (known, g_strconcat (prefixes[p], names[n], NULL));
  g_ptr_array_add (known, g_strdup ("and_reason_not"));
  g_ptr_array_add (known, g_strdup ("reason_not"));
  g_ptr_array_add (known, g_strdup ("citation"));
  g_ptr_array_add (known, NULL);
  if (!check_keys (file, group, (const char * const *) known->pdata, error))
    return FALSE;

  /* or_* and and_* keys mean nothing without their test. */
  keys = g_key_file_get_keys (file, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    for (guint p = 1; p < G_N_ELEMENTS (prefixes); p++)
      {
        g_autofree char *test_key = g_strconcat (prefixes[p], "test", NULL);

        if (g_str_has_prefix (keys[i], prefixes[p])
            && !g_key_file_has_key (file, group, test_key, NULL))
          {
            g_autofree char *problem =
              /* Translators: the first %s is a key of a rules file such as
               * "and_threshold", the second the key it needs, such as "and_test" */
              g_strdup_printf (_("%s without %s"), keys[i], test_key);
            set_rules_error (error, group, keys[i], problem);
            return FALSE;
          }
      }
  return TRUE;
}

static gboolean
load_remedy (GKeyFile      *file,
             RecRemedy      remedy,
             RecRemedyRule *rule,
             GError       **error)
{
  g_autofree char *group = g_strconcat ("remedy ", rec_remedy_to_word (remedy), NULL);

  rule->remedy = remedy;
  /* A remedy the state does not have is absent from its file (spec §9). */
  if (!g_key_file_has_group (file, group))
    return TRUE;
  if (!check_remedy_keys (file, group, error))
    return FALSE;

  rule->present = TRUE;
  rule->n_conditions = 1;
  if (!load_condition (file, group, "", &rule->conditions[0], error))
    return FALSE;
  if (g_key_file_has_key (file, group, "or_test", NULL))
    {
      rule->n_conditions = 2;
      if (!load_condition (file, group, "or_", &rule->conditions[1], error))
        return FALSE;
    }
  if (g_key_file_has_key (file, group, "and_test", NULL))
    {
      rule->has_and = TRUE;
      if (!load_condition (file, group, "and_", &rule->and_condition, error))
        return FALSE;
      if (g_key_file_has_key (file, group, "and_reason_not", NULL)
          && (rule->and_reason_not = get_template (file, group, "and_reason_not", error)) == NULL)
        return FALSE;
    }

  rule->reason_not = get_template (file, group, "reason_not", error);
  rule->citation = rule->reason_not ? get_string (file, group, "citation", error) : NULL;
  return rule->citation != NULL;
}

static gboolean
load_remedies (GKeyFile  *file,
               RecRules  *rules,
               GError   **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

  /* A remedy section whose word we do not know is a typo, not a new remedy. */
  for (guint i = 0; groups[i] != NULL; i++)
    {
      int remedy;

      if (!g_str_has_prefix (groups[i], "remedy "))
        {
          static const char * const known[] = { "rules", "interest", "allocation",
                                                "contempt", "forms", NULL };

          if (!g_strv_contains (known, groups[i]))
            {
              g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_RULES,
                           /* Translators: %s is a section of a rules file such as "interest" */
                           _("Rules file: [%s]: unknown section"), groups[i]);
              return FALSE;
            }
          continue;
        }
      remedy = rec_remedy_from_word (groups[i] + strlen ("remedy "));
      if (remedy < 0 || remedy >= REC_N_ENGINE_REMEDIES)
        {
          g_autofree char *words = rec_remedy_words ();
          g_autofree char *problem =
            /* Translators: %s is the list of remedy words a rules file may use */
            g_strdup_printf (_("not a remedy; remedies are %s"), words);
          set_rules_error (error, groups[i], "test", problem);
          return FALSE;
        }
    }

  for (int r = 0; r < REC_N_ENGINE_REMEDIES; r++)
    if (!load_remedy (file, (RecRemedy) r, &rules->remedies[r], error))
      return FALSE;
  return TRUE;
}

static gboolean
load_header (GKeyFile  *file,
             RecRules  *rules,
             GError   **error)
{
  static const char * const known[] = { "id", "name", "currency", "verified", NULL };
  GDate date;

  if (!check_keys (file, "rules", known, error))
    return FALSE;
  rules->id = get_string (file, "rules", "id", error);
  if (rules->id == NULL)
    return FALSE;
  rules->name = get_string (file, "rules", "name", error);
  if (rules->name == NULL)
    return FALSE;
  rules->currency = get_string (file, "rules", "currency", error);
  if (rules->currency == NULL)
    return FALSE;

  /* verified=YYYY-MM-DD: optional (spec §9). */
  if (!g_key_file_has_key (file, "rules", "verified", NULL))
    return TRUE;
  rules->verified = get_string (file, "rules", "verified", error);
  if (rules->verified == NULL)
    return FALSE;
  if (!rec_date_parse (rules->verified, &date, NULL))
    {
      g_autofree char *problem =
        /* Translators: %s is the text found in a rules file where a date such
         * as 2026-01-31 was expected */
        g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"), rules->verified);
      set_rules_error (error, "rules", "verified", problem);
      return FALSE;
    }
  return TRUE;
}

/* [forms] history= / contempt=: optional, "" when absent (spec §9). */
static gboolean
load_forms (GKeyFile  *file,
            RecRules  *rules,
            GError   **error)
{
  static const char * const known[] = { "history", "contempt", NULL };

  if (g_key_file_has_group (file, "forms") && !check_keys (file, "forms", known, error))
    return FALSE;
  rules->history_form = get_optional_string (file, "forms", "history");
  rules->contempt_form = get_optional_string (file, "forms", "contempt");
  return TRUE;
}

RecRules *
rec_rules_new_from_data (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RecRules) rules = g_new0 (RecRules, 1);

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rules->ref_count = 1;
  /* GKeyFile checks the values' UTF-8 but not the names of groups and keys,
   * which the errors quote: the whole file is text, or refused (a NUL too). */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_RULES,
                   /* Translators: %s is the parser's message about a rules file */
                   _("Rules file: %s"), _("not UTF-8 text"));
      return NULL;
    }
  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_RULES,
                   /* Translators: %s is the parser's message about a rules file */
                   _("Rules file: %s"), local_error->message);
      return NULL;
    }

  if (!load_header (file, rules, error)
      || !load_forms (file, rules, error)
      || !load_interest (file, rules, error)
      || !load_allocation (file, rules, error)
      || !load_contempt (file, rules, error)
      || !load_remedies (file, rules, error))
    return NULL;

  return g_steal_pointer (&rules);
}

static GBytes *
lookup_rules (const char *jurisdiction)
{
  g_autofree char *path = NULL;

  if (jurisdiction == NULL || *jurisdiction == '\0' || strchr (jurisdiction, '/') != NULL)
    return NULL;
  path = g_strconcat (RULES_RESOURCE_PATH, jurisdiction, ".ini", NULL);
  return g_resource_lookup_data (rec_rules_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

gboolean
rec_rules_exists (const char *jurisdiction)
{
  g_autoptr(GBytes) bytes = lookup_rules (jurisdiction);

  return bytes != NULL;
}

RecRules *
rec_rules_load (const char  *jurisdiction,
                GError     **error)
{
  g_autoptr(GBytes) bytes = lookup_rules (jurisdiction);
  g_autoptr(GError) local_error = NULL;
  RecRules *rules;
  gsize length = 0;
  const char *data;

  if (bytes == NULL)
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_RULES,
                   /* Translators: %s is a jurisdiction such as "us-ca" */
                   _("No rules for the jurisdiction “%s”"), jurisdiction ? jurisdiction : "");
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  rules = rec_rules_new_from_data (data, length, &local_error);
  if (rules == NULL)
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_RULES,
                   /* Translators: the first %s is a jurisdiction such as "us-ca",
                    * the second what is wrong with its rules file */
                   _("%s: %s"), jurisdiction, local_error->message);
      return NULL;
    }
  return rules;
}

const char *
rec_rules_get_id (const RecRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->id;
}

const char *
rec_rules_get_name (const RecRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->name;
}

RecRules *
rec_rules_ref (RecRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_atomic_int_inc (&rules->ref_count);
  return rules;
}

void
rec_rules_unref (RecRules *rules)
{
  if (rules == NULL || !g_atomic_int_dec_and_test (&rules->ref_count))
    return;

  for (int r = 0; r < REC_N_ENGINE_REMEDIES; r++)
    {
      for (int c = 0; c < 2; c++)
        g_free (rules->remedies[r].conditions[c].reason);
      g_free (rules->remedies[r].and_condition.reason);
      g_free (rules->remedies[r].and_reason_not);
      g_free (rules->remedies[r].reason_not);
      g_free (rules->remedies[r].citation);
    }
  g_free (rules->rates);
  g_free (rules->rates_agency);
  g_free (rules->interest_citation);
  g_free (rules->verified);
  g_free (rules->history_form);
  g_free (rules->contempt_form);
  g_free (rules->id);
  g_free (rules->name);
  g_free (rules->currency);
  g_free (rules);
}

const RecRatePeriod *
rec_rules_periods (const RecRules *rules,
                   gboolean        agency,
                   guint          *n_periods)
{
  if (agency && rules->rates_agency != NULL)
    {
      *n_periods = rules->n_rates_agency;
      return rules->rates_agency;
    }
  *n_periods = rules->n_rates;
  return rules->rates;
}

int
rec_rules_rate_on_case (const RecRules *rules,
                        gboolean        agency,
                        guint32         julian)
{
  guint n = 0;
  const RecRatePeriod *rates = rec_rules_periods (rules, agency, &n);
  guint lo = 0, hi = n;

  /* The last period whose start is <= julian; rates[0] starts at 0. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rates[mid].from_julian <= julian)
        lo = mid;
      else
        hi = mid;
    }
  return rates[lo].basis_points;
}

int
rec_rules_rate_on (const RecRules *rules,
                   guint32         julian)
{
  return rec_rules_rate_on_case (rules, FALSE, julian);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

const char * const *
rec_rules_list_ids (void)
{
  static gsize ids = 0;

  if (g_once_init_enter (&ids))
    {
      g_auto(GStrv) names = g_resource_enumerate_children (rec_rules_get_resource (),
                                                           RULES_RESOURCE_PATH,
                                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      GPtrArray *list = g_ptr_array_new ();

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        if (g_str_has_suffix (names[i], ".ini"))
          g_ptr_array_add (list, g_strndup (names[i], strlen (names[i]) - strlen (".ini")));
      g_ptr_array_sort (list, compare_ids);
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&ids, (gsize) g_ptr_array_free (list, FALSE));
    }
  return (const char * const *) (gpointer) ids;
}

const char *
rec_rules_get_verified (const RecRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->verified;
}

const char *
rec_rules_get_history_form (const RecRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->history_form;
}

const char *
rec_rules_get_contempt_form (const RecRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->contempt_form;
}

const char *
rec_rules_get_interest_citation (const RecRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->interest_citation;
}

gboolean
rec_rules_has_automatic_interest (const RecRules *rules,
                                  gboolean        agency)
{
  guint n = 0;
  const RecRatePeriod *rates;

  g_return_val_if_fail (rules != NULL, FALSE);
  rates = rec_rules_periods (rules, agency, &n);
  for (guint i = 0; i < n; i++)
    if (rates[i].basis_points > 0)
      return TRUE;
  return FALSE;
}

int
rec_rules_get_rate_on (const RecRules *rules,
                       gboolean        agency,
                       const GDate    *date)
{
  g_return_val_if_fail (rules != NULL, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);
  return rec_rules_rate_on_case (rules, agency, g_date_get_julian (date));
}

char *
rec_rules_fill_reason (const char             *template,
                       const RecReasonFigures *figures,
                       char                  **bad)
{
  const struct { const char *name; const char *value; } names[] = {
    { "value", figures->value },
    { "threshold", figures->threshold },
    { "principal_owed", figures->principal_owed },
    { "days_delinquent", figures->days_delinquent },
    { "contempt_counts", figures->contempt_counts },
    { "monthly_support", figures->monthly_support },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *close;
      gboolean found = FALSE;

      if (*p != '{' || (close = strchr (p, '}')) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (names) && !found; i++)
        if (strlen (names[i].name) == (gsize) (close - p - 1)
            && strncmp (p + 1, names[i].name, (gsize) (close - p - 1)) == 0)
          {
            g_string_append (out, names[i].value);
            found = TRUE;
          }
      if (!found)
        {
          *bad = g_strndup (p + 1, (gsize) (close - p - 1));
          return NULL;
        }
      p = close + 1;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
rec_rules_has_contempt_time_bar (const RecRules *rules)
{
  g_return_val_if_fail (rules != NULL, TRUE);

  return rules->contempt_years != REC_CONTEMPT_YEARS_NONE;
}

/* The jurisdictions of data/rules, by id: one table for the window and the
 * packet. */
static const struct
{
  const char *id;
  const char *name;
} jurisdiction_names[] = {
  /* Translators: the jurisdiction of a case that none of the states below
   * fits: only federal rules apply */
  { "us", N_("United States — another state") },
  { "us-ca", N_("California") },
  { "us-ga", N_("Georgia") },
  { "us-il", N_("Illinois") },
  { "us-ny", N_("New York") },
  { "us-pa", N_("Pennsylvania") },
  { "us-tn", N_("Tennessee") },
  { "us-tx", N_("Texas") },
};

const char *
rec_rules_name_msgid (const char *jurisdiction)
{
  for (guint i = 0; jurisdiction != NULL && i < G_N_ELEMENTS (jurisdiction_names); i++)
    if (g_str_equal (jurisdiction, jurisdiction_names[i].id))
      return jurisdiction_names[i].name;

  return NULL;
}
