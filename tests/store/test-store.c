/* test-store.c — the case file: round trips, atomic writes, refused files,
 * migration from the v1 fixture, verify
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-case-json.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-store.h"
#include "store-fixture.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static guint
count_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
add_override (RecCaseData *c,
              const char  *from,
              const char  *to,
              int          basis_points,
              const char  *reason)
{
  RecInterestOverride *item = rec_interest_override_new ();

  g_assert_true (rec_date_parse (from, &item->from, NULL));
  g_assert_true (rec_date_parse (to, &item->to, NULL));
  item->rate_basis_points = basis_points;
  rec_set_str (&item->reason, reason);
  item->entity.position = (int) c->interest_overrides->len + 1;
  g_ptr_array_add (c->interest_overrides, item);
}

/* The demo case, with interest overrides (which the demo has none of). */
static RecCaseData *
demo_case (void)
{
  RecCaseData *c;
  GDate today;

  g_assert_true (rec_date_parse ("2026-06-30", &today, NULL));
  c = rec_demo_case_new (&today, FALSE);
  add_override (c, "2024-03-01", "2024-08-31", 600, "SCRA active duty");
  add_override (c, "2025-01-01", "2025-01-01", 1025, "Court order, one day");
  return c;
}

static void
write_demo (const char *path)
{
  g_autoptr(RecCaseData) demo = demo_case ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rec_store_write_case (path, demo, TRUE, &error));
  g_assert_no_error (error);
}

static int
header_byte (const char *path,
             gsize       offset)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, offset);
  return (guint8) contents[offset];
}

/* Creating */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "new.recourse");
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecStore) again = NULL;
  g_autoptr(RecCaseData) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  rec_set_str (&info->title, "New case");
  store = rec_store_create (path, info, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (rec_store_get_path (store), ==, path);
  g_assert_false (rec_store_get_read_only (store));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, rec_store_schema_version ());
  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, 0x52435345);
  g_assert_cmpuint (count_files (f), ==, 1);

  loaded = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->info->title, ==, "New case");
  g_assert_cmpuint (loaded->payments->len, ==, 0);

  again = rec_store_create (path, info, FALSE, &error);
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_EXISTS);
  g_assert_null (again);
  g_clear_error (&error);

  again = rec_store_create (path, info, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* Round trip of every entity: add, reopen, compare; update, reopen, compare;
 * delete, reopen, gone. Fields are compared through the JSON export (which
 * names every field) plus id, position and the instant. */

typedef struct
{
  const char *name;
  gsize       array_offset;   /* offset of the GPtrArray in RecCaseData */
} Entity;

#define ENTITY(field, name) { #name, G_STRUCT_OFFSET (RecCaseData, field) }

static const Entity entities[] = {
  ENTITY (children, child),
  ENTITY (terms, term),
  ENTITY (interest_overrides, interest_override),
  ENTITY (charges, charge),
  ENTITY (payments, payment),
  ENTITY (communications, communication),
  ENTITY (enforcement, enforcement_step),
};

static GPtrArray *
entity_array (const RecCaseData *c,
              const Entity      *e)
{
  return G_STRUCT_MEMBER (GPtrArray *, c, e->array_offset);
}

/* The JSON of a case holding only this one entity. */
static char *
entity_json (const Entity *e,
             RecEntity    *item)
{
  g_autoptr(RecCaseData) c = rec_case_data_new ();

  g_ptr_array_add (entity_array (c, e), g_object_ref (item));
  return rec_case_json_to_string (c);
}

static RecCaseData *
reload (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);
  RecCaseData *c;

  g_assert_no_error (error);
  c = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  return c;
}

/* The one record of its kind in the file is `expected`, with the same id,
 * position and stamps (`created_at`: of the record first added). */
static void
assert_stored (const char   *path,
               const Entity *e,
               RecEntity    *expected,
               const char   *created_at)
{
  g_autoptr(RecCaseData) c = reload (path);
  GPtrArray *array = entity_array (c, e);
  g_autofree char *want = entity_json (e, expected);
  g_autofree char *got = NULL;
  RecEntity *stored;

  g_assert_cmpuint (array->len, ==, 1);
  stored = REC_ENTITY (array->pdata[0]);
  got = entity_json (e, stored);
  g_assert_cmpstr (got, ==, want);
  g_assert_true (G_OBJECT_TYPE (stored) == G_OBJECT_TYPE (expected));
  g_assert_cmpint (stored->id, ==, expected->id);
  g_assert_cmpint (stored->position, ==, expected->position);
  g_assert_cmpstr (stored->created_at, ==, created_at);
  g_assert_cmpstr (stored->updated_at, ==, expected->updated_at);
  if (g_str_equal (e->name, "communication"))
    g_assert_cmpint (REC_COMMUNICATION (stored)->at_unix, ==,
                     REC_COMMUNICATION (expected)->at_unix);
}

/* Every kind through the one write path (rec_store_add, _update, _delete):
 * add, reopen, compare; update, reopen, compare; delete, reopen, gone. The
 * fields are compared through the JSON export (which names every field),
 * with the id, position, the store's stamps and the instant. */
static void
test_round_trip_entity (Fixture       *f,
                        gconstpointer  data)
{
  const Entity *e = data;
  g_autofree char *path = fixture_path (f, "rt.recourse");
  g_autoptr(RecCaseData) demo = demo_case ();
  g_autoptr(RecCaseInfo) info = rec_case_info_copy (demo->info);
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *samples = entity_array (demo, e);
  RecEntity *first, *second;
  g_autoptr(RecCaseData) gone = NULL;

  /* Two different full records of the demo: the second replaces the first. */
  g_assert_cmpuint (samples->len, >=, 2);
  first = REC_ENTITY (samples->pdata[0]);
  second = REC_ENTITY (samples->pdata[samples->len - 1]);
  first->position = 0;
  g_assert_null (first->created_at);

  store = rec_store_create (path, info, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_add (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first->id, >, 0);
  g_assert_cmpint (first->position, ==, 1);
  g_assert_no_error (error);
  g_assert_nonnull (first->created_at);
  g_assert_true (rec_timestamp_parse (first->created_at, NULL, NULL));
  g_assert_cmpstr (first->updated_at, ==, first->created_at);
  assert_stored (path, e, first, first->created_at);

  second->id = first->id;
  second->position = first->position;
  g_assert_true (rec_store_update (store, second, &error));
  g_assert_no_error (error);
  g_assert_nonnull (second->updated_at);
  g_assert_null (second->created_at);
  assert_stored (path, e, second, first->created_at);

  g_assert_true (rec_store_delete (store, first, &error));
  g_assert_no_error (error);
  gone = reload (path);
  g_assert_cmpuint (entity_array (gone, e)->len, ==, 0);

  g_assert_false (rec_store_delete (store, first, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rec_store_update (store, second, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND);
}

static void
test_case_info (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "info.recourse");
  g_autoptr(RecCaseData) demo = demo_case ();
  g_autoptr(RecCaseInfo) plain = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) back = NULL;
  g_autoptr(RecCaseData) expected = rec_case_data_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  rec_set_str (&plain->title, "Before");
  store = rec_store_create (path, plain, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_update_case_info (store, demo->info, &error));
  g_assert_no_error (error);

  back = reload (path);
  g_clear_object (&expected->info);
  expected->info = rec_case_info_copy (demo->info);
  want = rec_case_json_to_string (expected);
  got = rec_case_json_to_string (back);
  g_assert_cmpstr (got, ==, want);
  g_assert_true (back->info->agency_enforced);
  g_assert_cmpstr (back->info->obligee.address, ==, "1482 Alameda Ave\nSan Jose, CA 95126");

  /* The schema refuses an empty title; nothing changes. */
  rec_set_str (&plain->title, "");
  g_assert_false (rec_store_update_case_info (store, plain, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
}

/* Positions: appended at the end, or put back where they were (undo). */
static void
test_positions (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "pos.recourse");
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) back = NULL;
  g_autoptr(GError) error = NULL;
  RecPayment *p[3];

  rec_set_str (&info->title, "Positions");
  store = rec_store_create (path, info, FALSE, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      p[i] = rec_payment_new ();
      p[i]->amount_cents = 100 * (i + 1);
      g_assert_true (rec_date_parse ("2024-01-01", &p[i]->date, NULL));
      g_assert_true (rec_store_add_payment (store, p[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (p[i]->entity.position, ==, i + 1);
    }

  g_assert_true (rec_store_delete_payment (store, p[1]->entity.id, &error));
  p[1]->entity.id = 0;
  g_assert_true (rec_store_add_payment (store, p[1], &error));
  g_assert_cmpint (p[1]->entity.position, ==, 2);

  back = reload (path);
  g_assert_cmpuint (back->payments->len, ==, 3);
  for (int i = 0; i < 3; i++)
    {
      g_assert_cmpint (REC_PAYMENT (back->payments->pdata[i])->amount_cents, ==, 100 * (i + 1));
      g_object_unref (p[i]);
    }
}

/* What the schema refuses: nothing is written. */
static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "c.recourse");
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecPayment) payment = rec_payment_new ();
  g_autoptr(RecTerm) term = rec_term_new ();
  g_autoptr(RecCommunication) comm = rec_communication_new ();
  g_autoptr(RecCaseData) back = NULL;
  g_autoptr(GError) error = NULL;

  rec_set_str (&info->title, "Constraints");
  store = rec_store_create (path, info, FALSE, &error);
  g_assert_no_error (error);

  g_assert_true (rec_date_parse ("2024-01-01", &payment->date, NULL));
  payment->amount_cents = 0;
  g_assert_false (rec_store_add_payment (store, payment, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  payment->amount_cents = REC_CENTS_MAX + 1;
  g_assert_false (rec_store_add_payment (store, payment, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  payment->amount_cents = 100;
  g_date_clear (&payment->date, 1);
  g_assert_false (rec_store_add_payment (store, payment, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  term->amount_cents = 100;
  g_assert_true (rec_date_parse ("2024-01-01", &term->effective, NULL));
  g_assert_true (rec_date_parse ("2023-12-31", &term->end, NULL));
  g_assert_false (rec_store_add_term (store, term, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  rec_set_str (&comm->at, "yesterday");
  g_assert_false (rec_store_add_communication (store, comm, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  back = reload (path);
  g_assert_cmpuint (back->payments->len, ==, 0);
  g_assert_cmpuint (back->terms->len, ==, 0);
  g_assert_cmpuint (back->communications->len, ==, 0);
}

static void
on_changed (RecStore *store,
            guint    *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "s.recourse");
  g_autoptr(RecCaseInfo) info = rec_case_info_new ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecChild) child = rec_child_new ();
  g_autoptr(GError) error = NULL;
  guint count = 0;

  rec_set_str (&info->title, "Signal");
  store = rec_store_create (path, info, FALSE, &error);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &count);
  g_assert_true (rec_store_add_child (store, child, &error));
  g_assert_true (rec_store_update_child (store, child, &error));
  g_assert_cmpuint (count, ==, 2);
  g_assert_false (rec_store_delete_child (store, 9999, &error));
  g_assert_cmpuint (count, ==, 2);
}

/* A read-only store never writes. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "ro.recourse");
  g_autoptr(RecCaseData) demo = demo_case ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecPayment) payment = rec_payment_copy (demo->payments->pdata[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  before = file_checksum (path);
  store = rec_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_get_read_only (store));
  payment->entity.position = 0;
  g_assert_false (rec_store_add_payment (store, payment, &error));
  g_assert_nonnull (error);
  g_clear_object (&store);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* The ledger load gives the engine the same figures with none of the log. */
static void
test_load_ledger (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "ledger.recourse");
  g_autoptr(RecCaseData) demo = demo_case ();
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) whole = NULL;
  g_autoptr(RecCaseData) ledger = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  store = rec_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  whole = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  ledger = rec_store_load_ledger (store, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ledger->info->title, ==, demo->info->title);
  g_assert_cmpuint (ledger->terms->len, ==, demo->terms->len);
  g_assert_cmpuint (ledger->interest_overrides->len, ==, demo->interest_overrides->len);
  g_assert_cmpuint (ledger->charges->len, ==, demo->charges->len);
  g_assert_cmpuint (ledger->payments->len, ==, demo->payments->len);
  for (guint i = 0; i < ledger->payments->len; i++)
    {
      RecPayment *a = ledger->payments->pdata[i];
      RecPayment *b = whole->payments->pdata[i];

      g_assert_cmpint (a->entity.id, ==, b->entity.id);
      g_assert_cmpint (a->amount_cents, ==, b->amount_cents);
      g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
    }
  g_assert_cmpuint (whole->communications->len, >, 0);
  g_assert_cmpuint (ledger->communications->len, ==, 0);
  g_assert_cmpuint (ledger->children->len, ==, 0);
  g_assert_cmpuint (ledger->enforcement->len, ==, 0);
}

/* A write-protected file opens read-only instead of failing later. */
static void
test_write_protected (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "protected.recourse");
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(RecChild) child = rec_child_new ();
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("file permissions do not bind root");
      return;
    }

  write_demo (path);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  store = rec_store_open (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_get_read_only (store));
  c = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  g_assert_false (rec_store_add_child (store, child, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED);
  g_chmod (path, 0600);
}

/* Writing a whole case */

static void
test_write_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "w.recourse");
  g_autoptr(RecCaseData) demo = demo_case ();
  g_autoptr(RecCaseData) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  GStatBuf st;

  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (f), ==, 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  back = reload (path);
  want = rec_case_json_to_string (demo);
  got = rec_case_json_to_string (back);
  g_assert_cmpstr (got, ==, want);
  for (guint i = 0; i < back->payments->len; i++)
    g_assert_cmpint (REC_PAYMENT (back->payments->pdata[i])->entity.position, ==, (int) i + 1);

  /* Never over an existing file without overwrite; the old one stays. */
  sum = file_checksum (path);
  g_assert_false (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  sum_after = file_checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);
  g_assert_cmpuint (count_files (f), ==, 1);
}

/* A case the schema refuses leaves no file and no temporary behind, and an
 * existing file under the name stays as it was. */
static void
test_write_case_fails_whole (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "fail.recourse");
  g_autoptr(RecCaseData) demo = demo_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;

  REC_PAYMENT (demo->payments->pdata[demo->payments->len - 1])->amount_cents = -1;
  g_assert_false (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (f), ==, 0);

  g_assert_true (g_file_set_contents (path, "precious", -1, NULL));
  sum = file_checksum (path);
  g_assert_false (rec_store_write_case (path, demo, TRUE, &error));
  g_assert_nonnull (error);
  sum_after = file_checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);
  g_assert_cmpuint (count_files (f), ==, 1);
}

/* Refused files: the right error, and the file byte for byte as it was. */

typedef void (*MakeFunc) (Fixture *f, const char *path);

static void
make_text (Fixture    *f,
           const char *path)
{
  g_assert_true (g_file_set_contents (path, "Dear court,\nthis is not a database.\n", -1, NULL));
}

static void
make_empty (Fixture    *f,
            const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
make_foreign (Fixture    *f,
              const char *path)
{
  sql (path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('shopping list');");
}

static void
make_ours_without_version (Fixture    *f,
                           const char *path)
{
  sql (path, "PRAGMA application_id = 1380143941; CREATE TABLE t (x);");
}

static void
make_newer (Fixture    *f,
            const char *path)
{
  write_demo (path);
  sql (path, "PRAGMA user_version = 99;");
}

static void
truncate_to (const char *path,
             gssize      keep)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (path, contents, keep >= 0 ? keep : (gssize) length + keep,
                                      NULL));
}

static void
make_truncated_mid_page (Fixture    *f,
                         const char *path)
{
  write_demo (path);
  truncate_to (path, -1000);
}

static void
make_truncated_whole_pages (Fixture    *f,
                            const char *path)
{
  write_demo (path);
  truncate_to (path, 8192);
}

static void
make_header_only (Fixture    *f,
                  const char *path)
{
  write_demo (path);
  truncate_to (path, 50);
}

typedef struct
{
  const char *name;
  MakeFunc    make;
  int         code;
} Refused;

static const Refused refused[] = {
  { "text", make_text, REC_STORE_ERROR_NOT_A_CASE },
  { "empty", make_empty, REC_STORE_ERROR_NOT_A_CASE },
  { "foreign-sqlite", make_foreign, REC_STORE_ERROR_NOT_A_CASE },
  { "no-version", make_ours_without_version, REC_STORE_ERROR_NOT_A_CASE },
  { "newer", make_newer, REC_STORE_ERROR_TOO_NEW },
  { "truncated-mid-page", make_truncated_mid_page, REC_STORE_ERROR_NOT_A_CASE },
  { "truncated-whole-pages", make_truncated_whole_pages, REC_STORE_ERROR_NOT_A_CASE },
  { "header-only", make_header_only, REC_STORE_ERROR_NOT_A_CASE },
};

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const Refused *row = data;
  g_autofree char *path = fixture_path (f, "refused.recourse");
  g_autofree char *before = NULL;
  guint files;

  row->make (f, path);
  before = file_checksum (path);
  files = count_files (f);

  for (int read_only = 0; read_only <= 1; read_only++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RecStore) store = rec_store_open (path, read_only, &error);
      g_autofree char *after = NULL;

      g_assert_null (store);
      g_assert_error (error, REC_STORE_ERROR, row->code);
      g_test_message ("%s: %s", row->name, error->message);
      if (row->code == REC_STORE_ERROR_TOO_NEW)
        g_assert_nonnull (strstr (error->message, "newer Recourse"));
      else
        g_assert_nonnull (strstr (error->message, "not a Recourse case file"));
      after = file_checksum (path);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (count_files (f), ==, files);
    }
}

static void
test_refused_not_files (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *missing = fixture_path (f, "missing.recourse");
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = rec_store_open (f->dir, FALSE, &error);

  g_assert_null (store);
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE);
  g_clear_error (&error);

  store = rec_store_open (missing, FALSE, &error);
  g_assert_null (store);
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Migration from the v1 fixture (SQL text made by the schema of version 1). */

static void
make_v1 (const char *path)
{
  g_autofree char *fixture = g_build_filename (FIXTURES_DIR, "case-v1.sql", NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  sql (path, text);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 1);
}

static void
test_migrate_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "v1.recourse");
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RecTerm *term;

  make_v1 (path);
  before = file_checksum (path);

  /* Read-only never migrates and never writes. */
  store = rec_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  c = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->payments->len, ==, 3);
  g_clear_object (&store);
  g_clear_pointer (&c, rec_case_data_free);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 1);

  store = rec_store_open (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, rec_store_schema_version ());
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                  " AND name = 'payments_by_date'"), ==, 1);

  c = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->info->title, ==, "Nguyen v. Nguyen (v1 fixture)");
  g_assert_cmpstr (c->info->obligee.name, ==, "Thảo Nguyễn");
  g_assert_true (c->info->public_assistance);
  g_assert_cmpuint (c->children->len, ==, 1);
  g_assert_cmpuint (c->terms->len, ==, 2);
  term = c->terms->pdata[1];
  g_assert_cmpint (term->frequency, ==, REC_FREQUENCY_SEMIMONTHLY);
  g_assert_cmpint (term->due_days[0], ==, 5);
  g_assert_cmpint (term->due_days[1], ==, REC_DUE_DAY_LAST);
  g_assert_cmpint (REC_INTEREST_OVERRIDE (c->interest_overrides->pdata[0])->rate_basis_points,
                   ==, 600);
  g_assert_false (REC_CHARGE (c->charges->pdata[0])->interest_bearing);
  g_assert_cmpint (REC_PAYMENT (c->payments->pdata[1])->amount_cents, ==, 30000);
  g_assert_cmpint (REC_COMMUNICATION (c->communications->pdata[0])->at_unix, ==, 1617413400);
  g_assert_cmpint (REC_ENFORCEMENT_STEP (c->enforcement->pdata[0])->status, ==,
                   REC_STATUS_FILED);

  g_assert_true (rec_store_verify (store, report, &error));
  g_assert_no_error (error);
}

/* Verify */

static void
test_verify_good (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "good.recourse");
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  write_demo (path);
  store = rec_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (rec_store_verify (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
}

/* A value that slipped past the schema (CHECKs switched off) is found, with
 * its table and row, before anything is computed from it: reading and
 * writing opens refuse the file, and it is left as it was. */
static void
test_verify_bad_value (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "value.recourse");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_demo (path);
  sql (path, "PRAGMA ignore_check_constraints = ON;"
             " UPDATE payments SET amount = -5 WHERE position = 4;");
  before = file_checksum (path);

  for (int read_only = 1; read_only >= 0; read_only--)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RecStore) store = rec_store_open (path, read_only, &error);

      g_assert_null (store);
      g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_MODIFIED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "payments"));
      g_assert_nonnull (strstr (error->message, "row "));
      g_assert_nonnull (strstr (error->message, "amount > 0"));
    }

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (f), ==, 1);
}

/* A NULL in a NOT NULL column and a text in an INTEGER column of a STRICT
 * table, which only writing below SQLite can leave (here: the table made
 * lax, written, and its definition put back): every open refuses the file,
 * naming the column (SQLite itself takes "x IS NULL" on a NOT NULL column
 * for always false, so the check must not ask it that way), verify too, and
 * the file is left as it was. */
typedef struct
{
  const char *name;
  const char *statements;
  const char *expected;
} BadType;

static const BadType bad_types[] = {
  { "null", "UPDATE payments SET notes = NULL WHERE position = 3;",
    "table “payments”, row 3: NOT NULL constraint failed: payments.notes" },
  { "text-for-integer", "UPDATE payments SET amount = '12.50' WHERE position = 2;",
    "table “payments”, row 2: cannot store a value that is not INTEGER in INTEGER column "
    "payments.amount" },
};

static void
test_verify_bad_type (Fixture       *f,
                      gconstpointer  data)
{
  const BadType *row = data;
  g_autofree char *path = fixture_path (f, "type.recourse");
  g_autofree char *statements = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  write_demo (path);
  sql (path, "PRAGMA writable_schema = ON;"
             " UPDATE sqlite_schema SET sql = replace (replace (replace (sql, ') STRICT', ')'),"
             "   'notes TEXT NOT NULL', 'notes TEXT'), 'amount INTEGER NOT NULL', 'amount')"
             " WHERE name = 'payments';");
  statements = g_strconcat ("PRAGMA ignore_check_constraints = ON; ", row->statements, NULL);
  sql (path, statements);
  sql (path, "PRAGMA writable_schema = ON;"
             " UPDATE sqlite_schema SET sql = replace (replace (sql, 'notes TEXT DEFAULT',"
             "   'notes TEXT NOT NULL DEFAULT'), 'amount CHECK', 'amount INTEGER NOT NULL CHECK')"
             "   || ' STRICT'"
             " WHERE name = 'payments';");
  before = file_checksum (path);

  for (int read_only = 1; read_only >= 0; read_only--)
    {
      g_autoptr(GError) open_error = NULL;
      g_autoptr(RecStore) store = rec_store_open (path, read_only, &open_error);

      g_assert_null (store);
      g_assert_error (open_error, REC_STORE_ERROR, REC_STORE_ERROR_MODIFIED);
      g_test_message ("%s", open_error->message);
      g_assert_nonnull (strstr (open_error->message, row->expected));
    }
  g_assert_false (rec_store_verify_file (path, report, NULL, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, row->expected));

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* A history entry whose hash is not lowercase hexadecimal (its CHECK
 * constraint switched off): the case opens (the history is verify's to
 * judge), verify names the entry's constraint. */
static void
test_verify_journal_hex (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "hex.recourse");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;

  write_demo (path);
  sql (path, "PRAGMA ignore_check_constraints = ON;"
             " UPDATE journal SET hash = upper (hash) WHERE seq = 3;");

  store = rec_store_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);

  g_assert_false (rec_store_verify_file (path, report, NULL, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, "table “journal”, row 3: CHECK constraint failed: "
                                         "length (hash) = 64 AND ltrim (hash,"));
}

/* What a JSON import refuses beyond the schema, written into the file by
 * another program: verify finds it in SQL, naming the table, the row and
 * what is wrong, and leaves the file as it was. */
typedef struct
{
  const char *name;
  const char *statements;
  const char *expected;
} BadValue;

static const BadValue bad_values[] = {
  { "not-a-day", "UPDATE payments SET date = '2023-02-30' WHERE position = 2;",
    "table “payments”, row 2: \"2023-02-30\" is not a day of the calendar" },
  { "year-zero", "UPDATE charges SET date = '0000-01-01' WHERE position = 1;",
    "table “charges”, row 1: \"0000-01-01\" is not a day of the calendar" },
  { "no-offset", "UPDATE communications SET at = '2021-04-02T18:30:00' WHERE position = 1;",
    "table “communications”, row 1: \"2021-04-02T18:30:00\" is not a date and time with an "
    "offset" },
  { "at-unix", "UPDATE communications SET at_unix = at_unix + 3600 WHERE position = 1;",
    "table “communications”, row 1: at_unix is not the instant of" },
  { "not-utf8", "UPDATE children SET name = CAST (x'4ac328' AS TEXT) WHERE position = 1;",
    "table “children”, row 1: is not UTF-8 text" },
  { "blank-title", "UPDATE case_info SET title = ' 	 ';",
    "table “case_info”, row 1: must not be empty" },
  { "jurisdiction", "UPDATE case_info SET jurisdiction = 'us-zz';",
    "table “case_info”, row 1: \"us-zz\" is not a jurisdiction Recourse knows" },
};

static void
test_verify_value (Fixture       *f,
                   gconstpointer  data)
{
  const BadValue *row = data;
  g_autofree char *path = fixture_path (f, "value.recourse");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_demo (path);
  sql (path, row->statements);
  before = file_checksum (path);

  g_assert_false (rec_store_verify_file (path, report, NULL, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, row->expected));
  g_assert_cmpstr (error->message, ==, "The case file has 1 problem");

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

G_GNUC_NORETURN static void edit_forever (const char *path);
static pid_t hold_lock (const char *path, const char *lock_sql, int hold_ms, int ready_fd);
/* A pause after each round of edits (0: none). */
static gulong edit_pause_us;

/* Files another program changed: each is refused by every open, with a
 * message naming what Recourse never writes, and stays byte-identical. */
typedef struct
{
  const char *name;
  const char *statements;
  const char *expected;
} Hostile;

static const Hostile hostile[] = {
  { "trigger",
    "CREATE TRIGGER steal AFTER INSERT ON payments BEGIN"
    " UPDATE case_info SET obligee_address = 'elsewhere';"
    " DELETE FROM communications;"
    " UPDATE payments SET amount = 1 WHERE id = new.id; END;",
    "contains a trigger “steal” that Recourse never writes" },
  { "view", "CREATE VIEW totals AS SELECT sum (amount) FROM payments;",
    "contains a view “totals” that Recourse never writes" },
  { "view-for-table",
    "ALTER TABLE payments RENAME TO real_payments;"
    " CREATE VIEW payments AS SELECT * FROM real_payments WHERE amount > 100000;",
    "another program changed this file" },
  { "recursive-view",
    "CREATE VIEW forever AS WITH RECURSIVE c (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
    " SELECT x FROM c;",
    "contains a view “forever”" },
  { "extra-table", "CREATE TABLE notes_of_others (x TEXT);",
    "contains a table “notes_of_others” that Recourse never writes" },
  { "extra-index", "CREATE INDEX by_amount ON payments (amount);",
    "contains an index “by_amount”" },
  { "dropped-index", "DROP INDEX payments_by_date;",
    "lacks the index “payments_by_date” that Recourse writes" },
  { "changed-check",
    "PRAGMA writable_schema = ON;"
    " UPDATE sqlite_schema SET sql = replace (sql, 'amount > 0 AND', 'amount > -100000 AND')"
    " WHERE name = 'payments';",
    "has a table “payments” defined otherwise than Recourse defines it" },
};

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  const Hostile *row = data;
  g_autofree char *path = fixture_path (f, "hostile.recourse");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_demo (path);
  sql (path, row->statements);
  before = file_checksum (path);

  for (int read_only = 1; read_only >= 0; read_only--)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RecStore) store = rec_store_open (path, read_only, &error);

      g_assert_null (store);
      g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_MODIFIED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, row->expected));
      g_assert_nonnull (strstr (error->message, "Nothing was opened."));
    }

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (f), ==, 1);
}

/* A transaction left half-written by a crash, with pages already in the
 * file (a spilled cache): a hot journal. Every open, reading ones too,
 * gets the last committed state. */
static void
make_hot_journal (const char *path)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (path, &db) != SQLITE_OK
          || sqlite3_exec (db, "PRAGMA cache_size = 1; BEGIN;"
                               " UPDATE communications SET summary = summary || zeroblob (3000);"
                               " INSERT INTO payments SELECT NULL, case_id, position + 1000, date,"
                               "   amount, method, reference, notes, created_at, updated_at FROM payments;",
                           NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      _exit (0);   /* no COMMIT, no close: as if killed */
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
}

static void
test_hot_journal (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "hot.recourse");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(RecCaseData) demo = demo_case ();

  write_demo (path);
  for (int read_only = 1; read_only >= 0; read_only--)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RecStore) store = NULL;
      g_autoptr(RecCaseData) c = NULL;
      g_autoptr(GString) report = g_string_new (NULL);

      make_hot_journal (path);
      g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

      store = rec_store_open (path, read_only, &error);
      g_assert_no_error (error);
      c = rec_store_load_case (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (c->payments->len, ==, demo->payments->len);
      g_assert_cmpuint (c->communications->len, ==, demo->communications->len);
      g_assert_true (rec_store_verify (store, report, &error));
      g_assert_no_error (error);
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
    }
}

/* Replacing a case (import --force, demo --force, new --force, the window's
 * New Case) whose hot journal is beside it: the journal of the old file is
 * never applied to the new one. */
static void
test_replace_hot_journal (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "replaced.recourse");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(RecCaseData) other = demo_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  write_demo (path);
  make_hot_journal (path);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  rec_set_str (&other->info->title, "The replacement");
  g_ptr_array_set_size (other->payments, 3);
  g_ptr_array_set_size (other->communications, 1);
  g_assert_true (rec_store_write_case (path, other, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f), ==, 1);

  store = rec_store_open (path, FALSE, &error);
  g_assert_no_error (error);
  c = rec_store_load_case (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->info->title, ==, "The replacement");
  g_assert_cmpuint (c->payments->len, ==, 3);
  g_assert_cmpuint (c->communications->len, ==, 1);
  g_assert_true (rec_store_verify (store, report, &error));
  g_assert_no_error (error);
}

/* Replacing a case that another program is saving to: refused, nothing changes. */
static void
test_replace_busy (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "held.recourse");
  g_autoptr(RecCaseData) other = demo_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int ready[2];
  char byte;
  int status = 0;
  pid_t pid;

  write_demo (path);
  before = file_checksum (path);
  g_assert_cmpint (pipe (ready), ==, 0);
  pid = hold_lock (path, "BEGIN IMMEDIATE; UPDATE case_info SET notes = 'z';", 7000, ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);

  g_assert_false (rec_store_write_case (path, other, TRUE, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_BUSY);
  g_test_message ("%s", error->message);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (ready[0]);
  close (ready[1]);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  /* Only the case and the killed writer's journal; no temporary left. */
  g_assert_cmpuint (count_files (f), <=, 2);
}

/* A temporary left by a writer that was killed is removed by the next write
 * into that folder; one that a live writer holds is not. */
static void
test_leftover_temporary (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "case.recourse");
  g_autofree char *stale = fixture_path (f, ".case.recourse.Ab12Z9");
  g_autofree char *other = fixture_path (f, ".other.recourse.Ab12Z9");

  g_autofree char *stale_journal = g_strconcat (stale, "-journal", NULL);
  g_autofree char *orphan = fixture_path (f, ".case.recourse.Zz99Yy-journal");

  g_assert_true (g_file_set_contents (stale, "half a case", -1, NULL));
  g_assert_true (g_file_set_contents (stale_journal, "its journal", -1, NULL));
  g_assert_true (g_file_set_contents (orphan, "a journal whose temporary is gone", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  write_demo (path);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* "us" (United States — another state) is a jurisdiction a case may hold
 * (schema version 4; version 3 refused it). */
static void
test_jurisdiction_us (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "us.recourse");
  g_autoptr(RecCaseData) demo = demo_case ();
  g_autoptr(GError) error = NULL;

  rec_set_str (&demo->info->jurisdiction, "us");
  g_assert_true (rec_store_write_case (path, demo, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);
    g_autoptr(RecCaseData) c = NULL;

    g_assert_no_error (error);
    c = rec_store_load_case (store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (c->info->jurisdiction, ==, "us");
  }

  /* The migration from older versions keeps every row: /store/migrate/v1. */
}

/* Another program holds the file: the open waits, and when the wait is over
 * says the file is in use, never that it is not a case. */
static pid_t
hold_lock (const char *path,
           const char *lock_sql,
           int         hold_ms,
           int         ready_fd)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (path, &db) != SQLITE_OK
          || sqlite3_exec (db, lock_sql, NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      if (write (ready_fd, "x", 1) != 1)
        _exit (2);
      g_usleep (hold_ms * 1000);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (db);
      _exit (0);
    }

  return pid;
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "busy.recourse");
  int ready[2];
  char byte;

  write_demo (path);
  g_assert_cmpint (pipe (ready), ==, 0);

  /* Held for a moment: the open waits and succeeds. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RecStore) store = NULL;
    pid_t pid = hold_lock (path, "BEGIN EXCLUSIVE; UPDATE case_info SET notes = 'x';", 800, ready[1]);
    int status = 0;

    g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
    store = rec_store_open (path, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  }

  /* Held for longer than the wait: "in use by another program". */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RecStore) store = NULL;
    pid_t pid = hold_lock (path, "BEGIN EXCLUSIVE; UPDATE case_info SET notes = 'y';", 7000, ready[1]);
    int status = 0;

    g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
    store = rec_store_open (path, TRUE, &error);
    g_assert_null (store);
    g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_BUSY);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "in use by another program"));
    kill (pid, SIGKILL);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  }

  /* The kill left the child's write half done: the next open recovers it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);
    g_autoptr(RecCaseData) c = NULL;

    g_assert_no_error (error);
    c = rec_store_load_case (store, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (c->info->notes, !=, "y");
  }

  close (ready[0]);
  close (ready[1]);
}

/* Opens while another process writes all the time (a commit at least every
 * few milliseconds): each open either succeeds or, when the writer never
 * left it a moment, says the file is in use; never anything else. */
static void
test_open_under_writes (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "writes.recourse");
  guint opened = 0;
  guint busy = 0;
  pid_t pid;
  int status = 0;

  write_demo (path);
  edit_pause_us = 20000;
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    edit_forever (path);
  edit_pause_us = 0;

  g_usleep (50000);
  for (int i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RecStore) store = rec_store_open (path, i % 2 == 0, &error);
      g_autoptr(RecCaseData) c = NULL;

      if (store != NULL)
        c = rec_store_load_ledger (store, &error);
      if (error != NULL)
        {
          g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_BUSY);
          g_assert_nonnull (strstr (error->message, "in use by another program"));
          busy++;
          continue;
        }
      g_assert_nonnull (c);
      opened++;
    }

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_test_message ("%u opened, %u in use", opened, busy);
  g_assert_cmpuint (opened + busy, ==, 20);
}

/* A case another program turned to write-ahead-log mode: read as it is,
 * without "-wal" or "-shm" appearing beside it; a read-write open turns it
 * back into a rollback-journal file; with a "-wal" beside it a reading open
 * refuses it. */
static void
test_wal_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "wal.recourse");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_demo (path);
  sql (path, "PRAGMA journal_mode = WAL;");
  g_assert_cmpint (header_byte (path, 18), ==, 2);
  g_assert_cmpuint (count_files (f), ==, 1);
  before = file_checksum (path);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);
    g_autoptr(RecCaseData) c = NULL;
    g_autoptr(GString) report = g_string_new (NULL);

    g_assert_no_error (error);
    c = rec_store_load_case (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (c->payments->len, >, 0);
    g_assert_true (rec_store_verify (store, report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_files (f), ==, 1);
  }
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* A "-wal" beside it: refused for reading, nothing created. */
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);

    g_assert_null (store);
    g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_BUSY);
    g_assert_cmpuint (count_files (f), ==, 2);
  }
  g_remove (wal);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RecStore) store G_GNUC_UNUSED = rec_store_open (path, FALSE, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_files (f), ==, 1);
  g_assert_cmpint (header_byte (path, 18), ==, 1);
  g_assert_cmpint (header_byte (path, 19), ==, 1);
}

/* Damaged pages are found by the integrity check. */
static void
test_verify_damaged (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "damaged.recourse");
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  int page_size = 0;

  write_demo (path);
  page_size = sql_int (path, "PRAGMA page_size");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, (gsize) page_size * 8);
  /* Scribble over the middle of two b-tree pages (keep page 1 and the size). */
  for (gsize p = 3; p <= 5; p += 2)
    memset (contents + p * page_size + 8, 0x5a, page_size / 2);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  /* Nothing is computed from it... */
  store = rec_store_open (path, TRUE, &error);
  g_assert_null (store);
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_A_CASE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);

  /* ...and verify says what is wrong. */
  g_assert_false (rec_store_verify_file (path, report, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", report->str);
  g_assert_cmpuint (report->len, >, 0);
}

/* verify lists every schema object another program added, and the value
 * that slipped past the constraints, where opening stops at the first. */
static void
test_verify_hostile (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "hostile.recourse");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int version = 0;

  write_demo (path);
  sql (path, hostile[0].statements);
  sql (path, hostile[1].statements);
  g_assert_false (rec_store_verify_file (path, report, &version, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, "trigger “steal”"));
  g_assert_nonnull (strstr (report->str, "view “totals”"));
  g_assert_cmpint (version, ==, rec_store_schema_version ());
  g_clear_error (&error);
  g_string_truncate (report, 0);

  write_demo (path);
  sql (path, "PRAGMA ignore_check_constraints = ON;"
             " UPDATE terms SET due_day = 45 WHERE position = 1;");
  g_assert_false (rec_store_verify_file (path, report, NULL, &error));
  g_assert_error (error, REC_STORE_ERROR, REC_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, "table “terms”"));
  g_assert_nonnull (strstr (report->str, "due_day"));
}

/* Crash safety: a process killed in the middle of edits leaves a case that
 * opens, verifies, and holds every edit that was committed. */
G_GNUC_NORETURN static void
edit_forever (const char *path)
{
  g_autoptr(RecStore) store = NULL;

  /* Never outlive a test that failed. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  store = rec_store_open (path, FALSE, NULL);

  if (store == NULL)
    _exit (3);

  for (int i = 0;; i++)
    {
      g_autoptr(RecPayment) payment = rec_payment_new ();
      g_autoptr(RecCommunication) note = rec_communication_new ();

      g_date_set_dmy (&payment->date, 1 + i % 28, 1 + i % 12, 2020 + i % 5);
      payment->amount_cents = 100 + i;
      if (!rec_store_add_payment (store, payment, NULL))
        _exit (4);
      payment->amount_cents += 1;
      rec_set_str (&payment->notes, "edited");
      if (!rec_store_update_payment (store, payment, NULL))
        _exit (5);
      rec_set_str (&note->at, "2024-01-02T10:00:00-08:00");
      rec_set_str (&note->summary, "Autosaved note");
      if (!rec_store_add_communication (store, note, NULL)
          || (i % 3 == 0 && !rec_store_delete_communication (store, note->entity.id, NULL)))
        _exit (6);
      if (edit_pause_us > 0)
        g_usleep (edit_pause_us);
    }
}

static void
test_crash_during_edits (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "crash.recourse");
  guint last_count = 0;

  write_demo (path);
  for (int round = 0; round < 6; round++)
    {
      g_autoptr(RecStore) store = NULL;
      g_autoptr(RecCaseData) c = NULL;
      g_autoptr(GString) report = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      int status = 0;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        edit_forever (path);

      g_usleep (30000 + round * 41000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      /* Opening read-write rolls back a half-done transaction (hot journal). */
      store = rec_store_open (path, FALSE, &error);
      g_assert_no_error (error);
      g_assert_true (rec_store_verify (store, report, &error));
      g_assert_no_error (error);
      c = rec_store_load_case (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (c->payments->len, >=, last_count);
      last_count = c->payments->len;
      g_test_message ("round %d: %u payments", round, last_count);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create", test_create);
  ADD ("/store/case-info", test_case_info);
  ADD ("/store/positions", test_positions);
  ADD ("/store/constraints", test_constraints);
  ADD ("/store/changed-signal", test_changed_signal);
  ADD ("/store/read-only", test_read_only);
  ADD ("/store/load-ledger", test_load_ledger);
  ADD ("/store/write-protected", test_write_protected);
  ADD ("/store/write-case", test_write_case);
  ADD ("/store/write-case-fails-whole", test_write_case_fails_whole);
  ADD ("/store/refused/not-files", test_refused_not_files);
  ADD ("/store/migrate/v1", test_migrate_v1);
  ADD ("/store/verify/good", test_verify_good);
  ADD ("/store/verify/bad-value", test_verify_bad_value);
  for (guint i = 0; i < G_N_ELEMENTS (bad_types); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/verify/bad-type/%s", bad_types[i].name);

      g_test_add (name, Fixture, &bad_types[i], fixture_set_up, test_verify_bad_type,
                  fixture_tear_down);
    }
  ADD ("/store/verify/journal-hex", test_verify_journal_hex);
  ADD ("/store/verify/damaged", test_verify_damaged);
  ADD ("/store/verify/hostile", test_verify_hostile);
  ADD ("/store/crash-during-edits", test_crash_during_edits);
  ADD ("/store/hot-journal", test_hot_journal);
  ADD ("/store/busy", test_busy);
  ADD ("/store/jurisdiction-us", test_jurisdiction_us);
  ADD ("/store/replace/hot-journal", test_replace_hot_journal);
  ADD ("/store/replace/busy", test_replace_busy);
  ADD ("/store/leftover-temporary", test_leftover_temporary);
  ADD ("/store/open-under-writes", test_open_under_writes);
  ADD ("/store/wal-file", test_wal_file);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/round-trip/%s", entities[i].name);

      g_test_add (path, Fixture, &entities[i], fixture_set_up, test_round_trip_entity,
                  fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/verify/value/%s", bad_values[i].name);

      g_test_add (path, Fixture, &bad_values[i], fixture_set_up, test_verify_value,
                  fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/hostile/%s", hostile[i].name);

      g_test_add (path, Fixture, &hostile[i], fixture_set_up, test_hostile, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/refused/%s", refused[i].name);

      g_test_add (path, Fixture, &refused[i], fixture_set_up, test_refused, fixture_tear_down);
    }

  return g_test_run ();
}
