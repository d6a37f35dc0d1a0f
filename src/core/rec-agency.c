/* rec-agency.c — the agency's stated arrears beside ours (issue 14 point 5)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-agency.h"

#include "rec-date.h"

#include <glib/gi18n.h>

gboolean
rec_agency_compare (const RecCaseData   *data,
                    const RecRules      *rules,
                    RecAgencyComparison *out,
                    GError             **error)
{
  g_autoptr(RecArrearsResult) result = NULL;
  const RecCaseInfo *info;
  RecCents ours, difference;

  g_return_val_if_fail (data != NULL && rules != NULL && out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = data->info;
  if (info == NULL || !info->has_agency_balance || !rec_date_is_set (&info->agency_balance_as_of))
    return FALSE;

  /* One run of the engine, as of the agency's own day. */
  result = rec_arrears_compute (data, rules, &info->agency_balance_as_of, error);
  if (result == NULL)
    return FALSE;

  /* Both are within ±REC_CENTS_MAX (the store's checks, the engine's
   * clamps), so neither subtraction can overflow; checked all the same. */
  if (!rec_cents_sub (result->total_balance_cents, result->credit_cents, &ours)
      || !rec_cents_sub (ours, info->agency_balance_cents, &difference))
    {
      g_set_error (error, REC_CORE_ERROR, REC_CORE_ERROR_OVERFLOW,
                   _("The amounts of this case add up to more than can be computed"));
      return FALSE;
    }

  out->agency_cents = info->agency_balance_cents;
  out->as_of = info->agency_balance_as_of;
  out->ours_cents = ours;
  out->difference_cents = difference;
  return TRUE;
}

static const char *
translate_with (const RecRenderer *renderer,
                const char        *msgid)
{
  if (renderer->translate != NULL)
    return renderer->translate (NULL, msgid, renderer->user_data);
  return _(msgid);
}

char *
rec_agency_comparison_text (const RecAgencyComparison *comparison,
                            const RecRenderer         *renderer)
{
  static const RecRenderer by_default = { NULL, };
  g_autofree char *amount = NULL;
  const char *format;
  RecCents gap;

  g_return_val_if_fail (comparison != NULL, NULL);

  if (renderer == NULL)
    renderer = &by_default;
  if (comparison->difference_cents == 0)
    return g_strdup (translate_with (renderer, N_("The figures agree.")));

  /* difference_cents is within ±2 × REC_CENTS_MAX: its opposite exists. */
  gap = comparison->difference_cents > 0 ? comparison->difference_cents
                                         : -comparison->difference_cents;
  amount = renderer->format_cents != NULL
           ? renderer->format_cents (gap, renderer->user_data)
           : rec_cents_format (gap, renderer->currency);
  if (comparison->difference_cents > 0)
    /* Translators: %s is an amount of money: how much less the child support
     * agency counts as owed than Recourse computes for the day the agency
     * stated its figure */
    format = N_("The agency’s figure is %s lower than Recourse’s for the same day. "
                "You may ask the agency for an audit of its arrears.");
  else
    /* Translators: %s is an amount of money: how much more the child support
     * agency counts as owed than Recourse computes for the day the agency
     * stated its figure */
    format = N_("The agency’s figure is %s higher than Recourse’s for the same day. "
                "You may ask the agency for an audit of its arrears.");

  return g_strdup_printf (translate_with (renderer, format), amount);
}
