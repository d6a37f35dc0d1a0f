/* rec-follow-ups.c — which follow-ups are open, and which are due on a day
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-follow-ups.h"

#include "rec-date.h"
#include "rec-enums.h"

static void
add_due (GPtrArray       *due,
         RecFollowUpKind  kind,
         RecEntity       *record,
         const GDate     *date,
         const GDate     *today)
{
  RecFollowUp *follow_up;

  if (rec_date_compare (date, today) > 0)
    return;

  follow_up = g_new0 (RecFollowUp, 1);
  follow_up->kind = kind;
  follow_up->record = g_object_ref (record);
  follow_up->date = *date;
  follow_up->days_overdue = rec_date_days_between (date, today);
  g_ptr_array_add (due, follow_up);
}

/* Oldest first; on the same day communications before steps, then the
 * order of entry (position, then id). */
static int
compare_follow_ups (gconstpointer a,
                    gconstpointer b)
{
  const RecFollowUp *x = *(RecFollowUp * const *) a;
  const RecFollowUp *y = *(RecFollowUp * const *) b;
  int by_date = rec_date_compare (&x->date, &y->date);

  if (by_date != 0)
    return by_date;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->record->position != y->record->position)
    return x->record->position < y->record->position ? -1 : 1;
  return (x->record->id > y->record->id) - (x->record->id < y->record->id);
}

void
rec_follow_up_free (RecFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;

  g_clear_object (&follow_up->record);
  g_free (follow_up);
}

gboolean
rec_communication_follow_up_is_open (const RecCommunication *communication)
{
  g_return_val_if_fail (REC_IS_COMMUNICATION ((gpointer) communication), FALSE);

  return rec_date_is_set (&communication->follow_up) && !communication->follow_up_done;
}

gboolean
rec_enforcement_step_next_is_open (const RecEnforcementStep *step)
{
  g_return_val_if_fail (REC_IS_ENFORCEMENT_STEP ((gpointer) step), FALSE);

  return rec_date_is_set (&step->next_date) && !step->next_done
         && step->status != REC_STATUS_DENIED && step->status != REC_STATUS_CLOSED;
}

/**
 * rec_case_data_due_follow_ups:
 * @data: a case
 * @today: the day to compare with (the caller's clock)
 *
 * Returns: (transfer full) (element-type RecFollowUp): the open follow-ups
 * due on @today or before, oldest first; empty when none.
 */
GPtrArray *
rec_case_data_due_follow_ups (const RecCaseData *data,
                              const GDate       *today)
{
  g_autoptr(GPtrArray) due = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (today != NULL && rec_date_is_set (today), NULL);

  due = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_follow_up_free);
  for (guint i = 0; data->communications != NULL && i < data->communications->len; i++)
    {
      RecCommunication *communication = g_ptr_array_index (data->communications, i);

      if (rec_communication_follow_up_is_open (communication))
        add_due (due, REC_FOLLOW_UP_COMMUNICATION, REC_ENTITY (communication),
                 &communication->follow_up, today);
    }
  for (guint i = 0; data->enforcement != NULL && i < data->enforcement->len; i++)
    {
      RecEnforcementStep *step = g_ptr_array_index (data->enforcement, i);

      if (rec_enforcement_step_next_is_open (step))
        add_due (due, REC_FOLLOW_UP_NEXT_STEP, REC_ENTITY (step), &step->next_date, today);
    }
  g_ptr_array_sort (due, compare_follow_ups);
  return g_steal_pointer (&due);
}
