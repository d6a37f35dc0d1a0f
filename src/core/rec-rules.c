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
load_rates (GKeyFile  *file,
            RecRules  *rules,
            GError   **error)
{
  gsize n = 0;
  g_auto(GStrv) items = g_key_file_get_string_list (file, "interest", "rate_percent", &n, NULL);

  if (items == NULL || n == 0)
    {
      set_rules_error (error, "interest", "rate_percent", _("missing"));
      return FALSE;
    }

  rules->rates = g_new0 (RecRatePeriod, n);
  rules->n_rates = (guint) n;
  for (gsize i = 0; i < n; i++)
    {
      g_strstrip (items[i]);
      if (!parse_rate_period (items[i], i == 0, &rules->rates[i])
          || (i > 0 && rules->rates[i].from_julian <= rules->rates[i - 1].from_julian))
        {
          g_autofree char *problem =
            /* Translators: %s is a rate period from a rules file, e.g. "2030-01-01:8" */
            g_strdup_printf (_("“%s” is not a rate period (the first is a percentage, "
                               "each later one YYYY-MM-DD:PERCENT in date order)"), items[i]);
          set_rules_error (error, "interest", "rate_percent", problem);
          return FALSE;
        }
    }
  qsort (rules->rates, rules->n_rates, sizeof (RecRatePeriod), compare_periods);
  return TRUE;
}

static gboolean
load_interest (GKeyFile  *file,
               RecRules  *rules,
               GError   **error)
{
  static const char * const methods[] = { "simple", NULL };
  static const char * const accruals[] = { "daily", "monthly", NULL };
  static const char * const starts[] = { "due_date", "next_month", NULL };
  int accrual, start, accrual_agency, start_agency;

  if (!load_rates (file, rules, error)
      || get_word (file, "interest", "method", methods, error) < 0
      || (accrual = get_word (file, "interest", "accrual", accruals, error)) < 0
      || (start = get_word (file, "interest", "starts", starts, error)) < 0)
    return FALSE;

  /* The agency variants are optional ("the rules file may give other
   * values", spec §5): absent, agency cases follow the general keys. */
  accrual_agency = accrual;
  start_agency = start;
  if ((g_key_file_has_key (file, "interest", "accrual_agency", NULL)
       && (accrual_agency = get_word (file, "interest", "accrual_agency", accruals, error)) < 0)
      || (g_key_file_has_key (file, "interest", "starts_agency", NULL)
          && (start_agency = get_word (file, "interest", "starts_agency", starts, error)) < 0))
    return FALSE;

  rules->accrual = (RecAccrual) accrual;
  rules->starts = (RecStarts) start;
  rules->accrual_agency = (RecAccrual) accrual_agency;
  rules->starts_agency = (RecStarts) start_agency;
  return TRUE;
}

static gboolean
load_allocation (GKeyFile  *file,
                 RecRules  *rules,
                 GError   **error)
{
  static const char * const steps[] = { "current", "interest", "principal", NULL };
  gsize n = 0;
  g_auto(GStrv) items = g_key_file_get_string_list (file, "allocation", "order", &n, NULL);
  gboolean seen[REC_N_ALLOC_STEPS] = { FALSE, };

  if (items == NULL || n == 0)
    {
      set_rules_error (error, "allocation", "order", _("missing"));
      return FALSE;
    }

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
          set_rules_error (error, "allocation", "order", problem);
          return FALSE;
        }
      seen[step] = TRUE;
      rules->order[rules->n_order++] = (RecAllocStep) step;
    }

  /* Credit exists only once everything due is paid (spec/arrears.md §4). */
  if (!seen[REC_ALLOC_PRINCIPAL])
    {
      set_rules_error (error, "allocation", "order", _("“principal” is missing"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_contempt (GKeyFile  *file,
               RecRules  *rules,
               GError   **error)
{
  gint64 years;

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
  RecReasonFigures figures = { "", "", "", "", "" };
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

/* One test of a remedy; `prefix` is "" for the first, "or_" for the second. */
static gboolean
load_condition (GKeyFile         *file,
                const char       *group,
                const char       *prefix,
                RecRuleCondition *cond,
                GError          **error)
{
  static const char * const tests[] = { "principal_owed", "days_delinquent",
                                        "contempt_counts", "term_in_force", NULL };
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

  cond->reason = get_template (file, group, reason_key, error);
  return cond->reason != NULL;
}

static gboolean
load_remedy (GKeyFile      *file,
             RecRemedy      remedy,
             RecRemedyRule *rule,
             GError       **error)
{
  g_autofree char *group = g_strconcat ("remedy ", rec_remedy_to_word (remedy), NULL);

  rule->remedy = remedy;
  if (!g_key_file_has_group (file, group))
    {
      set_rules_error (error, group, "test", _("missing"));
      return FALSE;
    }

  rule->n_conditions = 1;
  if (!load_condition (file, group, "", &rule->conditions[0], error))
    return FALSE;
  if (g_key_file_has_key (file, group, "or_test", NULL))
    {
      rule->n_conditions = 2;
      if (!load_condition (file, group, "or_", &rule->conditions[1], error))
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
        continue;
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
  rules->id = get_string (file, "rules", "id", error);
  if (rules->id == NULL)
    return FALSE;
  rules->name = get_string (file, "rules", "name", error);
  if (rules->name == NULL)
    return FALSE;
  rules->currency = get_string (file, "rules", "currency", error);
  return rules->currency != NULL;
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
      g_free (rules->remedies[r].reason_not);
      g_free (rules->remedies[r].citation);
    }
  g_free (rules->rates);
  g_free (rules->id);
  g_free (rules->name);
  g_free (rules->currency);
  g_free (rules);
}

int
rec_rules_rate_on (const RecRules *rules,
                   guint32         julian)
{
  guint lo = 0, hi = rules->n_rates;

  /* The last period whose start is <= julian; rates[0] starts at 0. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rules->rates[mid].from_julian <= julian)
        lo = mid;
      else
        hi = mid;
    }
  return rules->rates[lo].basis_points;
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
