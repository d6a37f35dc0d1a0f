/* rec-remedies.c — contempt counts, payment history and remedies (spec/arrears.md §6, §7)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-arrears-private.h"

#include "rec-date.h"

#include <glib/gi18n.h>

/* The reasons of the rules files we ship. The rules file holds the English
 * text; listing it here lets xgettext collect it, so that reason_label can be
 * shown translated. A template not listed stays English in reason_label. */
const char * const rec_known_reason_templates[] = {
  /* Translators: why wage garnishment is open; a reason shown beside a remedy */
  N_("a support term is in force"),
  /* Translators: why a remedy is not open. {principal_owed} is replaced by an
   * amount such as $0.00; keep the braces and the word inside them as they are */
  N_("no support term is in force and principal owed is {principal_owed}"),
  /* Translators: why a remedy is or is not open. {value} and {threshold} are
   * replaced by amounts such as $3,000.00 and $2,500.00; keep the braces and
   * the words inside them as they are */
  N_("principal owed {value} exceeds {threshold}"),
  /* Translators: see "principal owed {value} exceeds {threshold}" */
  N_("principal owed {value} does not exceed {threshold}"),
  /* Translators: see "principal owed {value} exceeds {threshold}" */
  N_("principal owed {value} is at least {threshold}"),
  /* Translators: see "principal owed {value} exceeds {threshold}" */
  N_("principal owed {value} is less than {threshold}"),
  /* Translators: why a remedy is or is not open. {value} and {threshold} are
   * replaced by numbers of days such as 182 and 30; keep the braces and the
   * words inside them as they are */
  N_("days delinquent {value} exceeds {threshold}"),
  /* Translators: see "days delinquent {value} exceeds {threshold}" */
  N_("days delinquent {value} does not exceed {threshold}"),
  /* Translators: see "days delinquent {value} exceeds {threshold}" */
  N_("days delinquent {value} is at least {threshold}"),
  /* Translators: see "days delinquent {value} exceeds {threshold}" */
  N_("days delinquent {value} is less than {threshold}"),
  /* Translators: why contempt is or is not open. {value} and {threshold} are
   * replaced by numbers of contempt counts (unpaid months) such as 3 and 1;
   * keep the braces and the words inside them as they are */
  N_("contempt counts {value} is at least {threshold}"),
  /* Translators: see "contempt counts {value} is at least {threshold}" */
  N_("contempt counts {value} is less than {threshold}"),
  NULL
};

void
rec_arrears_fill_contempt (RecArrearsResult *result,
                           const GArray     *items,
                           int               contempt_years)
{
  const RecItem *all = (const RecItem *) (gpointer) items->data;
  GDate limit = result->as_of;
  guint32 limit_julian = 0;

  /* CCP 1218.5: a month is a count while its latest unpaid due date is on or
   * after as_of minus contempt_years years; GLib turns Feb 29 into Feb 28.
   * contempt_years=none: no time bar (spec §9). */
  if (contempt_years != REC_CONTEMPT_YEARS_NONE)
    {
      g_date_subtract_years (&limit, (guint) contempt_years);
      limit_julian = g_date_get_julian (&limit);
    }

  for (guint i = 0; i < items->len;)
    {
      RecContemptCount count = { 0, };
      guint32 latest_unpaid = 0;
      GDate due;
      int month;

      g_date_clear (&due, 1);
      g_date_set_julian (&due, all[i].due);
      count.year = g_date_get_year (&due);
      count.month = g_date_get_month (&due);
      month = count.year * 12 + count.month;

      /* Items are in date order: one calendar month is one run of them. */
      for (; i < items->len; i++)
        {
          g_date_set_julian (&due, all[i].due);
          if (g_date_get_year (&due) * 12 + (int) g_date_get_month (&due) != month)
            break;
          if (all[i].is_charge)
            continue;
          count.due_cents += all[i].amount;
          count.unpaid_cents += all[i].unpaid;
          if (all[i].unpaid > 0)
            latest_unpaid = all[i].due;
        }

      if (count.unpaid_cents > 0 && latest_unpaid >= limit_julian)
        g_array_append_val (result->contempt_counts, count);
    }
}

static int
month_of (const GDate *date)
{
  return g_date_get_year (date) * 12 + (int) g_date_get_month (date) - 1;
}

/* Months [first, last] as RecHistoryYears: ordered and paid per month. */
static void
group_history (RecArrearsResult *result,
               int               first,
               const RecCents   *ordered,
               const RecCents   *paid,
               int               n_months)
{
  for (int i = 0; i < n_months; i++)
    {
      int month = first + i;
      RecHistoryYear *year;

      if (i == 0 || month % 12 == 0)
        {
          RecHistoryYear fresh = { 0, };

          fresh.year = month / 12;
          g_array_append_val (result->history, fresh);
        }
      year = &g_array_index (result->history, RecHistoryYear, result->history->len - 1);
      year->months[year->n_months].month = month % 12 + 1;
      year->months[year->n_months].ordered_cents = ordered[i];
      year->months[year->n_months].paid_cents = paid[i];
      year->n_months++;
      year->ordered_cents += ordered[i];
      year->paid_cents += paid[i];
    }
}

void
rec_arrears_fill_history (RecArrearsResult *result,
                          const GArray     *items,
                          const GArray     *payments)
{
  const RecPaymentEvent *paid_events = (const RecPaymentEvent *) (gpointer) payments->data;
  const RecItem *all = (const RecItem *) (gpointer) items->data;
  int first = G_MAXINT, last = month_of (&result->as_of);
  g_autofree RecCents *ordered = NULL;
  g_autofree RecCents *paid = NULL;
  GDate date;

  /* Spec §6: from the month of the first due date or first payment, whichever
   * is earlier (both are <= as_of here), through the month of as_of. */
  g_date_clear (&date, 1);
  if (items->len > 0)
    {
      g_date_set_julian (&date, all[0].due);
      first = month_of (&date);
    }
  if (payments->len > 0)
    first = MIN (first, month_of (&paid_events[0].payment->date));
  if (first == G_MAXINT)
    return;

  ordered = g_new0 (RecCents, last - first + 1);
  paid = g_new0 (RecCents, last - first + 1);
  for (guint i = 0; i < items->len; i++)
    {
      g_date_set_julian (&date, all[i].due);
      ordered[month_of (&date) - first] += all[i].amount;
    }
  for (guint i = 0; i < payments->len; i++)
    paid[month_of (&paid_events[i].payment->date) - first] += paid_events[i].payment->amount_cents;

  group_history (result, first, ordered, paid, last - first + 1);
}

static gboolean
compare (gint64     value,
         RecRuleCmp comparison,
         gint64     threshold)
{
  switch (comparison)
    {
    case REC_RULE_CMP_GT: return value > threshold;
    case REC_RULE_CMP_GE: return value >= threshold;
    case REC_RULE_CMP_LT: return value < threshold;
    case REC_RULE_CMP_LE: return value <= threshold;
    case REC_RULE_CMP_EQ:
    default:              return value == threshold;
    }
}

typedef struct
{
  const RecArrearsResult *result;
  gboolean                public_assistance;
  gboolean                has_support;     /* months_of_support: a term was in force */
  RecCents                monthly_support;
} Figures;

static gint64
figure_value (const Figures   *f,
              RecRuleTest      test)
{
  switch (test)
    {
    case REC_RULE_TEST_PRINCIPAL_OWED:
    case REC_RULE_TEST_MONTHS_OF_SUPPORT: return f->result->principal_balance_cents;
    case REC_RULE_TEST_DAYS_DELINQUENT: return f->result->days_delinquent;
    case REC_RULE_TEST_CONTEMPT_COUNTS: return f->result->contempt_counts->len;
    case REC_RULE_TEST_TERM_IN_FORCE:
    default:                            return f->result->term_in_force;
    }
}

static gboolean
is_amount (RecRuleTest test)
{
  return test == REC_RULE_TEST_PRINCIPAL_OWED || test == REC_RULE_TEST_MONTHS_OF_SUPPORT;
}

/* months_of_support: the threshold is that many months of support, an
 * amount; FALSE when it does not fit (then the test cannot hold). */
static gboolean
threshold_of (const Figures          *f,
              const RecRuleCondition *cond,
              gint64                 *out)
{
  gint64 threshold = cond->has_threshold_pa && f->public_assistance ? cond->threshold_pa
                                                                      : cond->threshold;

  *out = threshold;
  if (cond->test != REC_RULE_TEST_MONTHS_OF_SUPPORT)
    return TRUE;
  *out = 0;
  if (f->monthly_support != 0 && threshold > G_MAXINT64 / ABS (f->monthly_support))
    return FALSE;
  *out = threshold * f->monthly_support;
  return TRUE;
}

static gboolean
condition_holds (const Figures          *f,
                 const RecRuleCondition *cond)
{
  gint64 threshold;

  if (cond->test == REC_RULE_TEST_TERM_IN_FORCE)
    return f->result->term_in_force;
  /* months_of_support with no term at all does not hold (spec §9). */
  if (cond->test == REC_RULE_TEST_MONTHS_OF_SUPPORT && !f->has_support)
    return FALSE;
  if (!threshold_of (f, cond, &threshold))
    return FALSE;
  return compare (figure_value (f, cond->test), cond->comparison, threshold);
}

/* A template and the figures of its condition. */
static void
set_part (RecReasonPart          *part,
          const Figures          *f,
          const char             *template,
          const RecRuleCondition *cond)
{
  part->template = g_strdup (template);
  part->is_amount = is_amount (cond->test);
  part->value = figure_value (f, cond->test);
  part->threshold_fits = threshold_of (f, cond, &part->threshold);
}

/* Rendering */

static const char *
render_translate (const RecRenderer *renderer,
                  const char        *msgid)
{
  if (renderer->translate != NULL)
    return renderer->translate (NULL, msgid, renderer->user_data);
  return _(msgid);
}

static char *
render_cents (const RecRenderer *renderer,
              RecCents           cents)
{
  if (renderer->format_cents != NULL)
    return renderer->format_cents (cents, renderer->user_data);
  return rec_cents_format (cents, renderer->currency);
}

static char *
render_figure (const RecRenderer *renderer,
               gboolean           amount,
               gint64             value)
{
  return amount ? render_cents (renderer, value) : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Fills the part's template, translated, with its figures and the case's. */
static char *
render_part (const RecRemedyResult *remedy,
             const RecReasonPart   *part,
             const RecRenderer     *renderer)
{
  g_autofree char *value = render_figure (renderer, part->is_amount, part->value);
  g_autofree char *threshold = part->threshold_fits
                               ? render_figure (renderer, part->is_amount, part->threshold)
                               : g_strdup ("—");
  g_autofree char *owed = render_cents (renderer, remedy->principal_owed_cents);
  g_autofree char *days = g_strdup_printf ("%d", remedy->days_delinquent);
  g_autofree char *counts = g_strdup_printf ("%u", remedy->contempt_counts);
  g_autofree char *support = render_cents (renderer, remedy->monthly_support_cents);
  RecReasonFigures figures = { value, threshold, owed, days, counts, support };
  g_autofree char *bad = NULL;
  char *text = rec_rules_fill_reason (render_translate (renderer, part->template), &figures, &bad);

  /* The rules were checked when loaded; a translation may still be wrong. */
  if (text == NULL)
    {
      g_clear_pointer (&bad, g_free);
      text = rec_rules_fill_reason (part->template, &figures, &bad);
    }
  return text != NULL ? text : g_strdup (part->template);
}

char *
rec_remedy_result_render_reason (const RecRemedyResult *remedy,
                                 const RecRenderer     *renderer)
{
  static const RecRenderer by_default = { NULL, };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_return_val_if_fail (remedy != NULL, NULL);

  if (renderer == NULL)
    renderer = &by_default;
  if (remedy->parts[0].template == NULL)
    return g_strdup ("");
  first = render_part (remedy, &remedy->parts[0], renderer);
  if (remedy->parts[1].template == NULL)
    return g_steal_pointer (&first);
  second = render_part (remedy, &remedy->parts[1], renderer);
  return g_strconcat (first, "; ", second, NULL);
}

void
rec_remedy_result_copy (RecRemedyResult       *dest,
                        const RecRemedyResult *src)
{
  *dest = *src;
  dest->reason = g_strdup (src->reason);
  dest->reason_label = g_strdup (src->reason_label);
  dest->citation = g_strdup (src->citation);
  for (guint i = 0; i < G_N_ELEMENTS (dest->parts); i++)
    dest->parts[i].template = g_strdup (src->parts[i].template);
}

void
rec_remedy_result_clear (RecRemedyResult *remedy)
{
  g_clear_pointer (&remedy->reason, g_free);
  g_clear_pointer (&remedy->reason_label, g_free);
  g_clear_pointer (&remedy->citation, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (remedy->parts); i++)
    g_clear_pointer (&remedy->parts[i].template, g_free);
}

/* The identity translation and the JSON's amounts: the English reason. */
static const char *
keep_msgid (const char *context,
            const char *msgid,
            gpointer    user_data)
{
  return msgid;
}

static char *
plain_cents (RecCents  cents,
             gpointer  user_data)
{
  return rec_cents_to_string (cents);
}

static void
evaluate_remedy (RecArrearsResult    *result,
                 const RecRemedyRule *rule,
                 const Figures       *f)
{
  const RecRenderer english = { keep_msgid, plain_cents, NULL, NULL };
  const RecRenderer people = { NULL, NULL, result->currency, NULL };
  RecRemedyResult out = { 0, };
  const RecRuleCondition *cond = &rule->conditions[rule->n_conditions - 1];
  const RecRuleCondition *and_cond = NULL;
  const char *template = rule->reason_not;
  gboolean held = FALSE;

  out.remedy = rule->remedy;
  for (int c = 0; c < rule->n_conditions && !held; c++)
    if (condition_holds (f, &rule->conditions[c]))
      {
        held = TRUE;
        cond = &rule->conditions[c];
        template = cond->reason;
      }

  /* The second condition must also hold (and_test, spec §9). */
  out.eligible = held;
  if (held && rule->has_and)
    {
      if (condition_holds (f, &rule->and_condition))
        and_cond = &rule->and_condition;
      else
        {
          out.eligible = FALSE;
          cond = &rule->and_condition;
          template = rule->and_reason_not != NULL ? rule->and_reason_not : rule->reason_not;
        }
    }

  out.principal_owed_cents = result->principal_balance_cents;
  out.days_delinquent = result->days_delinquent;
  out.contempt_counts = result->contempt_counts->len;
  out.monthly_support_cents = f->monthly_support;
  set_part (&out.parts[0], f, template, cond);
  if (and_cond != NULL && and_cond->reason != NULL)
    set_part (&out.parts[1], f, and_cond->reason, and_cond);

  out.reason = rec_remedy_result_render_reason (&out, &english);
  out.reason_label = rec_remedy_result_render_reason (&out, &people);
  out.citation = g_strdup (rule->citation);
  g_array_append_val (result->remedies, out);
}

void
rec_arrears_fill_remedies (RecArrearsResult *result,
                           const RecRules   *rules,
                           gboolean          public_assistance,
                           gboolean          has_monthly_support,
                           RecCents          monthly_support)
{
  Figures figures = { result, public_assistance, has_monthly_support, monthly_support };

  /* The remedies of the case's rules file, in the order of spec §7. */
  for (int r = 0; r < REC_N_ENGINE_REMEDIES; r++)
    if (rules->remedies[r].present)
      evaluate_remedy (result, &rules->remedies[r], &figures);
}

/* The current state of a remedy */

gboolean
rec_enforcement_step_replaces (const RecEnforcementStep *step,
                               const RecEnforcementStep *current)
{
  g_return_val_if_fail (step != NULL, FALSE);

  if (current == NULL || !rec_date_is_set (&current->date))
    return TRUE;
  return rec_date_is_set (&step->date) && rec_date_compare (&step->date, &current->date) >= 0;
}

RecEnforcementStep *
rec_enforcement_current_step (GPtrArray *steps,
                              RecRemedy  remedy)
{
  RecEnforcementStep *found = NULL;

  g_return_val_if_fail (steps != NULL, NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      RecEnforcementStep *step = g_ptr_array_index (steps, i);

      if (step->remedy == remedy && rec_enforcement_step_replaces (step, found))
        found = step;
    }

  return found;
}
