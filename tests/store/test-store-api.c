/* test-store-api.c — the store against a golden case, and its preconditions
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/fixtures/case-golden.json was written by hand (every kind of record,
 * every enum word, the edge values: last due days, cleared dates, offsets,
 * the smallest and largest amounts, text that needs escaping): a case read
 * into the store and exported again must give it back byte for byte, so the
 * exporter is not its own oracle.
 */
#include "config.h"

#include "rec-case-json.h"
#include "rec-store.h"
#include "store-fixture.h"

#include <glib/gstdio.h>

static char *
golden_text (void)
{
  g_autofree char *path = g_build_filename (FIXTURES_DIR, "case-golden.json", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static RecCaseData *
golden_case (void)
{
  g_autofree char *text = golden_text ();
  g_autoptr(GError) error = NULL;
  RecCaseData *c = rec_case_json_parse (text, -1, &error);

  g_assert_no_error (error);
  return c;
}

/* The file's case, exported; compared with the fixture byte for byte. */
static void
assert_exports_golden (const char *path)
{
  g_autofree char *want = golden_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);
  g_autoptr(RecCaseData) c = NULL;
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  c = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  got = rec_case_json_to_string (c);
  g_assert_cmpstr (got, ==, want);
}

/* Import's path: the whole case into a new file in one transaction. */
static void
test_golden_write_case (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RecCaseData) c = golden_case ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rec_store_write_case (f->path, c, FALSE, &error));
  g_assert_no_error (error);
  assert_exports_golden (f->path);
}

/* The window's path: a new case, then one record at a time, in an order of
 * kinds other than the file's; each record comes back where it was added. */
static void
test_golden_one_by_one (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RecCaseData) c = golden_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = rec_store_create (f->path, c->info, FALSE, &error);
  GPtrArray *kinds[] = { c->enforcement, c->communications, c->payments, c->charges,
                         c->interest_overrides, c->terms, c->children };

  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < kinds[k]->len; i++)
      {
        RecEntity *entity = REC_ENTITY (kinds[k]->pdata[i]);

        g_assert_true (rec_store_add (store, entity, &error));
        g_assert_no_error (error);
        g_assert_cmpint (entity->position, ==, (int) i + 1);
      }

  g_clear_object (&store);
  assert_exports_golden (f->path);
}

/* A change of any field is a change of the export: the comparison is not
 * blind (a field the store dropped would show here). */
static void
test_golden_sees_a_change (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RecCaseData) c = golden_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) stored = NULL;
  g_autofree char *want = golden_text ();
  g_autofree char *got = NULL;
  RecPayment *payment;

  g_assert_true (rec_store_write_case (f->path, c, FALSE, &error));
  g_assert_no_error (error);
  store = rec_store_open (f->path, FALSE, &error);
  g_assert_no_error (error);
  stored = rec_store_load_case (store, &error);
  g_assert_no_error (error);

  payment = REC_PAYMENT (stored->payments->pdata[6]);
  rec_set_str (&payment->notes, "Changed.");
  g_assert_true (rec_store_update (store, REC_ENTITY (payment), &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, rec_case_data_free);
  stored = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  got = rec_case_json_to_string (stored);
  g_assert_cmpstr (got, !=, want);
  g_assert_nonnull (g_strstr_len (got, -1, "\"notes\": \"Changed.\""));
}

/* Every precondition is a critical and a refusal, and nothing is written. */
static void
expect_critical (const char *pattern)
{
  g_test_expect_message ("rec-store", G_LOG_LEVEL_CRITICAL, pattern);
}

static void
test_preconditions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RecCaseData) c = golden_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(RecPayment) payment = rec_payment_new ();
  g_autoptr(RecChild) child = rec_child_new ();
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();

  g_assert_true (rec_store_write_case (f->path, c, FALSE, &error));
  g_assert_no_error (error);
  store = rec_store_open (f->path, FALSE, &error);
  g_assert_no_error (error);
  payment->amount_cents = 100;
  g_date_set_dmy (&payment->date, 1, 1, 2024);

  /* No store. */
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_false (rec_store_add (NULL, REC_ENTITY (payment), &error));
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_false (rec_store_update (NULL, REC_ENTITY (payment), &error));
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_false (rec_store_delete (NULL, REC_ENTITY (payment), &error));
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_false (rec_store_add_payment (NULL, payment, &error));
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_false (rec_store_update_payment (NULL, payment, &error));
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_false (rec_store_delete_payment (NULL, 1, &error));
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_null (rec_store_load_case (NULL, &error));
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_null (rec_store_load_ledger (NULL, &error));
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_false (rec_store_verify (NULL, report, &error));
  expect_critical ("*REC_IS_STORE (self)*");
  g_assert_false (rec_store_update_case_info (NULL, info, &error));

  /* No record, or not a record of one of the seven kinds. */
  expect_critical ("*REC_IS_ENTITY*");
  g_assert_false (rec_store_add (store, NULL, &error));
  expect_critical ("*REC_IS_ENTITY*");
  g_assert_false (rec_store_update (store, (gpointer) info, &error));
  expect_critical ("*REC_IS_ENTITY*");
  g_assert_false (rec_store_delete (store, (gpointer) info, &error));

  /* A record of another kind than the call's. */
  expect_critical ("*rec_store_add_payment*rec_payment_get_type*");
  g_assert_false (rec_store_add_payment (store, (gpointer) child, &error));
  expect_critical ("*rec_store_update_child*rec_child_get_type*");
  g_assert_false (rec_store_update_child (store, (gpointer) payment, &error));
  expect_critical ("*REC_IS_CASE_INFO*");
  g_assert_false (rec_store_update_case_info (store, (gpointer) payment, &error));

  /* No report for verify. */
  expect_critical ("*report != NULL*");
  g_assert_false (rec_store_verify (store, NULL, &error));

  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpint (REC_ENTITY (payment)->id, ==, 0);
  g_assert_null (REC_ENTITY (payment)->created_at);

  /* Nothing was written. */
  g_clear_object (&store);
  assert_exports_golden (f->path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/golden/write-case", test_golden_write_case);
  ADD ("/store/golden/one-by-one", test_golden_one_by_one);
  ADD ("/store/golden/sees-a-change", test_golden_sees_a_change);
  ADD ("/store/preconditions", test_preconditions);

  return g_test_run ();
}
