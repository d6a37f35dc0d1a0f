/* test-follow-ups.c — which follow-ups are open and which are due on a day;
 * the demo case's follow-ups kept up
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-date.h"
#include "rec-demo.h"
#include "rec-enums.h"
#include "rec-follow-ups.h"

#include <locale.h>
#include <string.h>

/* One record: 'c' a communication (date = its follow-up), 's' an
 * enforcement step (date = its next date). */
typedef struct
{
  char        kind;
  const char *date;          /* NULL: none */
  gboolean    done;
  RecStatus   status;        /* steps only */
} Item;

typedef struct
{
  const char *what;
  const char *today;
  Item        items[6];
  guint       n_items;
  /* The due ones in order: "<kind><record number from 1>:<days overdue>". */
  const char *expected;
} Row;

static const Row rows[] = {
  { "nothing recorded", "2026-12-02", { { 0 } }, 0, "" },
  { "no dates", "2026-12-02",
    { { 'c', NULL, FALSE, 0 }, { 's', NULL, FALSE, REC_STATUS_REQUESTED } }, 2, "" },
  { "due today and overdue, oldest first", "2026-12-02",
    { { 'c', "2026-12-02", FALSE, 0 }, { 'c', "2026-11-20", FALSE, 0 },
      { 's', "2026-11-30", FALSE, REC_STATUS_REQUESTED } }, 3, "c2:12,s3:2,c1:0" },
  { "tomorrow is not due", "2026-12-02",
    { { 'c', "2026-12-03", FALSE, 0 }, { 's', "2027-01-01", FALSE, REC_STATUS_NOT_STARTED } },
    2, "" },
  { "done ones are not due", "2026-12-02",
    { { 'c', "2026-11-01", TRUE, 0 }, { 's', "2026-11-01", TRUE, REC_STATUS_REQUESTED },
      { 'c', "2026-11-02", FALSE, 0 } }, 3, "c3:30" },
  { "a denied or closed step has no next step", "2026-12-02",
    { { 's', "2026-11-01", FALSE, REC_STATUS_DENIED },
      { 's', "2026-11-01", FALSE, REC_STATUS_CLOSED },
      { 's', "2026-11-01", FALSE, REC_STATUS_IN_EFFECT },
      { 's', "2026-11-01", FALSE, REC_STATUS_GRANTED } }, 4, "s3:31,s4:31" },
  { "same day: communications first, then entry order", "2026-12-02",
    { { 's', "2026-12-01", FALSE, REC_STATUS_FILED }, { 'c', "2026-12-01", FALSE, 0 },
      { 'c', "2026-12-01", FALSE, 0 } }, 3, "c2:1,c3:1,s1:1" },
  { "across a year and a leap day", "2028-03-01",
    { { 'c', "2027-02-28", FALSE, 0 }, { 'c', "2028-02-29", FALSE, 0 } }, 2, "c1:367,c2:1" },
};

static RecCaseData *
build_case (const Row *row)
{
  RecCaseData *data = rec_case_data_new ();

  for (guint i = 0; i < row->n_items; i++)
    {
      const Item *item = &row->items[i];
      RecEntity *entity;
      GDate *date;

      if (item->kind == 'c')
        {
          RecCommunication *communication = rec_communication_new ();

          communication->follow_up_done = item->done;
          date = &communication->follow_up;
          entity = REC_ENTITY (communication);
          g_ptr_array_add (data->communications, communication);
        }
      else
        {
          RecEnforcementStep *step = rec_enforcement_step_new ();

          step->next_done = item->done;
          step->status = item->status;
          date = &step->next_date;
          entity = REC_ENTITY (step);
          g_ptr_array_add (data->enforcement, step);
        }
      entity->id = i + 1;
      entity->position = (int) i + 1;
      if (item->date != NULL)
        g_assert_true (rec_date_parse (item->date, date, NULL));
    }
  return data;
}

static char *
describe (const Row *row,
          GPtrArray *due)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < due->len; i++)
    {
      RecFollowUp *follow_up = g_ptr_array_index (due, i);

      g_assert_true (follow_up->kind == REC_FOLLOW_UP_COMMUNICATION
                     ? REC_IS_COMMUNICATION (follow_up->record)
                     : REC_IS_ENFORCEMENT_STEP (follow_up->record));
      g_string_append_printf (text, "%s%c%" G_GINT64_FORMAT ":%d", i > 0 ? "," : "",
                              follow_up->kind == REC_FOLLOW_UP_COMMUNICATION ? 'c' : 's',
                              follow_up->record->id, follow_up->days_overdue);
    }
  return g_string_free (text, FALSE);
}

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const Row *row = &rows[i];
      g_autoptr(RecCaseData) data = build_case (row);
      g_autoptr(GPtrArray) due = NULL;
      g_autofree char *found = NULL;
      GDate today;

      g_test_message ("%s", row->what);
      g_assert_true (rec_date_parse (row->today, &today, NULL));
      due = rec_case_data_due_follow_ups (data, &today);
      found = describe (row, due);
      g_assert_cmpstr (found, ==, row->expected);
    }
}

/* The record in the result is a reference: the follow-up outlives the case. */
static void
test_owns_records (void)
{
  g_autoptr(RecCaseData) data = build_case (&rows[2]);
  g_autoptr(GPtrArray) due = NULL;
  RecFollowUp *first;
  GDate today;

  g_assert_true (rec_date_parse ("2026-12-02", &today, NULL));
  due = rec_case_data_due_follow_ups (data, &today);
  g_clear_pointer (&data, rec_case_data_free);
  first = g_ptr_array_index (due, 0);
  g_assert_cmpint (first->record->id, ==, 2);
  g_assert_true (rec_date_is_set (&REC_COMMUNICATION (first->record)->follow_up));
}

static void
test_preconditions (void)
{
  g_autoptr(RecCaseData) data = rec_case_data_new ();
  GDate cleared;

  g_date_clear (&cleared, 1);
  g_test_expect_message ("rec-core", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (rec_case_data_due_follow_ups (data, &cleared));
  g_test_assert_expected_messages ();
  g_test_expect_message ("rec-core", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (rec_communication_follow_up_is_open (NULL));
  g_test_assert_expected_messages ();
}

/* The demo is a case someone keeps up: every follow-up gone by is marked
 * done but the latest (it shows as overdue), the coming ones stay open —
 * whatever the day. */
static void
check_demo_kept_up (const GDate *today,
                    gboolean     large)
{
  g_autoptr(RecCaseData) demo = rec_demo_case_new (today, large);
  GDate latest_past;
  guint done = 0, overdue = 0;

  g_date_clear (&latest_past, 1);
  for (guint i = 0; i < demo->communications->len; i++)
    {
      RecCommunication *communication = g_ptr_array_index (demo->communications, i);

      if (rec_date_is_set (&communication->follow_up)
          && rec_date_compare (&communication->follow_up, today) < 0
          && (!rec_date_is_set (&latest_past)
              || rec_date_compare (&communication->follow_up, &latest_past) > 0))
        latest_past = communication->follow_up;
    }
  g_assert_true (rec_date_is_set (&latest_past));

  for (guint i = 0; i < demo->communications->len; i++)
    {
      RecCommunication *communication = g_ptr_array_index (demo->communications, i);
      gboolean past;

      if (!rec_date_is_set (&communication->follow_up))
        {
          g_assert_false (communication->follow_up_done);
          continue;
        }
      past = rec_date_compare (&communication->follow_up, today) < 0;
      g_assert_cmpint (communication->follow_up_done, ==,
                       past && rec_date_compare (&communication->follow_up, &latest_past) != 0);
      done += communication->follow_up_done;
      overdue += past && !communication->follow_up_done;
    }
  g_assert_cmpuint (done, >=, 10);
  g_assert_cmpuint (overdue, >=, 1);
  g_assert_cmpuint (overdue, <=, large ? 3 : 1);
  for (guint i = 0; i < demo->enforcement->len; i++)
    g_assert_false (REC_ENFORCEMENT_STEP (g_ptr_array_index (demo->enforcement, i))->next_done);
}

static void
test_demo_kept_up (void)
{
  GDate today;

  g_assert_true (rec_date_parse ("2026-11-01", &today, NULL));
  for (int day = 0; day < 62; day++, g_date_add_days (&today, 1))
    check_demo_kept_up (&today, FALSE);
  check_demo_kept_up (&today, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-ups/table", test_table);
  g_test_add_func ("/follow-ups/owns-records", test_owns_records);
  g_test_add_func ("/follow-ups/preconditions", test_preconditions);
  g_test_add_func ("/follow-ups/demo-kept-up", test_demo_kept_up);

  return g_test_run ();
}
