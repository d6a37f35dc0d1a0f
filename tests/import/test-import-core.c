/* test-import-core.c — the filter, the duplicates (spec/import.md §2), the
 * correspondents and the counts, on candidates built here
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-import.h"

#include "rec-date.h"

static RecImportSource *
source_new (RecImportKind kind,
            const char   *name)
{
  RecImportSource *source = g_new0 (RecImportSource, 1);

  source->kind = kind;
  source->name = g_strdup (name);
  source->path = g_strdup (name);
  source->format = g_strdup (kind == REC_IMPORT_KIND_PAYMENTS ? "csv" : "sms");
  source->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_candidate_free);
  return source;
}

static RecPayment *
payment_new (const char *date,
             RecCents    cents,
             const char *reference)
{
  RecPayment *payment = rec_payment_new ();

  g_assert_true (rec_date_parse (date, &payment->date, NULL));
  payment->amount_cents = cents;
  rec_set_str (&payment->reference, reference);
  return payment;
}

/* A row of money received (credit) or sent, with its description. */
static RecImportCandidate *
add_payment (RecImportSource *source,
             const char      *date,
             RecCents         cents,
             const char      *reference,
             const char      *text,
             gboolean         credit)
{
  RecImportCandidate *candidate =
    rec_import_candidate_new (credit ? REC_IMPORT_NEW : REC_IMPORT_NOT_MATCHING);

  candidate->record = REC_ENTITY (payment_new (date, cents, reference));
  candidate->credit = credit;
  candidate->match_text = g_strdup (text);
  candidate->where = g_strdup_printf ("%s:%u", source->name, source->candidates->len + 2);
  g_ptr_array_add (source->candidates, candidate);
  return candidate;
}

static RecImportCandidate *
add_message (RecImportSource *source,
             gint64           at_unix,
             RecDirection     direction,
             const char      *address,
             const char      *contact,
             const char      *text)
{
  RecImportCandidate *candidate = rec_import_candidate_new (REC_IMPORT_NEW);
  RecCommunication *message = rec_communication_new ();

  message->at_unix = at_unix;
  message->channel = REC_CHANNEL_TEXT;
  message->direction = direction;
  rec_set_str (&message->summary, text);
  candidate->record = REC_ENTITY (message);
  candidate->address = g_strdup (address);
  candidate->contact = g_strdup (contact);
  g_ptr_array_add (source->candidates, candidate);
  return candidate;
}

static GPtrArray *
sources_of (RecImportSource *first,
            RecImportSource *second)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_source_free);

  g_ptr_array_add (sources, first);
  if (second != NULL)
    g_ptr_array_add (sources, second);
  return sources;
}

static void
test_filter_payments (void)
{
  RecImportSource *source = source_new (REC_IMPORT_KIND_PAYMENTS, "s.csv");
  g_autoptr(GPtrArray) sources = sources_of (source, NULL);
  RecImportCandidate *zelle = add_payment (source, "2025-01-03", 45000, "", "ZELLE FROM JOHN DOE", TRUE);
  RecImportCandidate *payroll = add_payment (source, "2025-01-04", 200000, "", "ACME PAYROLL", TRUE);
  RecImportCandidate *debit = add_payment (source, "2025-01-05", 1999, "", "Zelle to John Doe", FALSE);
  RecImportCandidate *rejected = rec_import_candidate_new (REC_IMPORT_REJECTED);
  const char *john[] = { "john doe", NULL };
  const char *two[] = { "nobody", "Payroll", NULL };
  const char *blank[] = { "  ", NULL };

  rejected->where = g_strdup ("s.csv:9");
  rejected->reason = g_strdup ("bad");
  g_ptr_array_add (source->candidates, rejected);

  /* Case-insensitive containment; a debit never matches; rejected stays. */
  rec_import_source_filter (source, john);
  g_assert_cmpint (zelle->status, ==, REC_IMPORT_NEW);
  g_assert_true (zelle->selected);
  g_assert_cmpint (payroll->status, ==, REC_IMPORT_NOT_MATCHING);
  g_assert_false (payroll->selected);
  g_assert_cmpint (debit->status, ==, REC_IMPORT_NOT_MATCHING);
  g_assert_cmpint (rejected->status, ==, REC_IMPORT_REJECTED);

  /* Any of several filters. */
  rec_import_source_filter (source, two);
  g_assert_cmpint (zelle->status, ==, REC_IMPORT_NOT_MATCHING);
  g_assert_cmpint (payroll->status, ==, REC_IMPORT_NEW);
  g_assert_true (payroll->selected);

  /* Cleared (or blank): every credit again, the debit still not. */
  rec_import_source_filter (source, blank);
  g_assert_cmpint (zelle->status, ==, REC_IMPORT_NEW);
  g_assert_cmpint (payroll->status, ==, REC_IMPORT_NEW);
  g_assert_cmpint (debit->status, ==, REC_IMPORT_NOT_MATCHING);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_NEW), ==, 2);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_REJECTED), ==, 1);
}

/* A payment app's credit from someone else (the reader said NOT_MATCHING)
 * stays so without --match, and --match brings it in. */
static void
test_filter_keeps_reader_verdict (void)
{
  g_autoptr(RecImportSource) source = source_new (REC_IMPORT_KIND_PAYMENTS, "venmo.csv");
  RecImportCandidate *other = add_payment (source, "2025-02-01", 2500, "", "Jane Roe pizza", TRUE);
  const char *jane[] = { "jane", NULL };

  other->status = REC_IMPORT_NOT_MATCHING;
  other->selected = FALSE;
  rec_import_source_filter (source, NULL);
  g_assert_cmpint (other->status, ==, REC_IMPORT_NOT_MATCHING);
  rec_import_source_filter (source, jane);
  g_assert_cmpint (other->status, ==, REC_IMPORT_NEW);
  rec_import_source_filter (source, NULL);
  g_assert_cmpint (other->status, ==, REC_IMPORT_NOT_MATCHING);
}

static void
test_filter_messages (void)
{
  g_autoptr(RecImportSource) source = source_new (REC_IMPORT_KIND_MESSAGES, "sms.xml");
  RecImportCandidate *plain = add_message (source, 1000, REC_DIRECTION_RECEIVED, "5550102030", "John", "a");
  RecImportCandidate *intl = add_message (source, 2000, REC_DIRECTION_SENT, "+1 (555) 010-2030", NULL, "b");
  RecImportCandidate *other = add_message (source, 3000, REC_DIRECTION_RECEIVED, "+15550109999", NULL, "c");
  RecImportCandidate *mail = add_message (source, 4000, REC_DIRECTION_RECEIVED, "John.Doe@Example.com", NULL, "d");
  const char *phone[] = { "555-010-2030", NULL };
  const char *email[] = { "john.doe@example.COM", NULL };

  /* Without --with nothing is imported. */
  rec_import_source_filter (source, NULL);
  g_assert_cmpint (plain->status, ==, REC_IMPORT_NOT_MATCHING);
  g_assert_cmpint (mail->status, ==, REC_IMPORT_NOT_MATCHING);

  /* Digits compared, a leading country code 1 ignored. */
  rec_import_source_filter (source, phone);
  g_assert_cmpint (plain->status, ==, REC_IMPORT_NEW);
  g_assert_cmpint (intl->status, ==, REC_IMPORT_NEW);
  g_assert_cmpint (other->status, ==, REC_IMPORT_NOT_MATCHING);
  g_assert_cmpint (mail->status, ==, REC_IMPORT_NOT_MATCHING);

  /* E-mail case-insensitively, and a phone number's digits are not a part
   * of another number. */
  rec_import_source_filter (source, email);
  g_assert_cmpint (plain->status, ==, REC_IMPORT_NOT_MATCHING);
  g_assert_cmpint (mail->status, ==, REC_IMPORT_NEW);
}

/* Imported twice: everything already in the case, one for one — two equal
 * rows in the file match two records, a third equal row is new. */
static void
test_duplicates_one_for_one (void)
{
  g_autoptr(RecCaseData) existing = rec_case_data_new ();
  RecImportSource *source = source_new (REC_IMPORT_KIND_PAYMENTS, "s.csv");
  g_autoptr(GPtrArray) sources = sources_of (source, NULL);
  RecImportCandidate *a, *b, *c, *other_day;

  g_ptr_array_add (existing->payments, payment_new ("2025-01-03", 45000, ""));
  g_ptr_array_add (existing->payments, payment_new ("2025-01-03", 45000, ""));
  a = add_payment (source, "2025-01-03", 45000, "", "check", TRUE);
  b = add_payment (source, "2025-01-03", 45000, "", "check", TRUE);
  c = add_payment (source, "2025-01-03", 45000, "", "check", TRUE);
  other_day = add_payment (source, "2025-01-04", 45000, "", "check", TRUE);

  rec_import_source_filter (source, NULL);
  rec_import_mark_duplicates (existing, sources);
  g_assert_cmpint (a->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_false (a->selected);
  g_assert_cmpint (b->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_cmpint (c->status, ==, REC_IMPORT_NEW);
  g_assert_true (c->selected);
  g_assert_cmpint (other_day->status, ==, REC_IMPORT_NEW);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_DUPLICATE), ==, 2);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_NEW), ==, 2);

  /* Marking again decides the same (idempotent). */
  rec_import_mark_duplicates (existing, sources);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_DUPLICATE), ==, 2);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_NEW), ==, 2);
}

/* The reference decides when both have one; a record without one matches
 * a candidate with one (a typed-in payment, then the statement). */
static void
test_duplicates_reference (void)
{
  g_autoptr(RecCaseData) existing = rec_case_data_new ();
  RecImportSource *source = source_new (REC_IMPORT_KIND_PAYMENTS, "s.ofx");
  g_autoptr(GPtrArray) sources = sources_of (source, NULL);
  RecImportCandidate *same, *other, *typed;

  g_ptr_array_add (existing->payments, payment_new ("2025-03-01", 10000, "FIT1"));
  g_ptr_array_add (existing->payments, payment_new ("2025-03-02", 20000, ""));
  other = add_payment (source, "2025-03-01", 10000, "FIT2", "x", TRUE);
  same = add_payment (source, "2025-03-01", 10000, "FIT1", "x", TRUE);
  typed = add_payment (source, "2025-03-02", 20000, "FIT3", "x", TRUE);

  rec_import_mark_duplicates (existing, sources);
  g_assert_cmpint (other->status, ==, REC_IMPORT_NEW);
  g_assert_cmpint (same->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_cmpint (typed->status, ==, REC_IMPORT_DUPLICATE);
}

/* Two overlapping statements in one run: the second adds only its new part. */
static void
test_duplicates_across_sources (void)
{
  RecImportSource *january = source_new (REC_IMPORT_KIND_PAYMENTS, "jan.csv");
  RecImportSource *overlap = source_new (REC_IMPORT_KIND_PAYMENTS, "jan-feb.csv");
  g_autoptr(GPtrArray) sources = sources_of (january, overlap);
  RecImportCandidate *jan_again, *feb;

  add_payment (january, "2025-01-03", 45000, "", "x", TRUE);
  add_payment (january, "2025-01-17", 45000, "", "x", TRUE);
  jan_again = add_payment (overlap, "2025-01-17", 45000, "", "x", TRUE);
  feb = add_payment (overlap, "2025-02-01", 45000, "", "x", TRUE);

  rec_import_mark_duplicates (NULL, sources);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_NEW), ==, 3);
  g_assert_cmpint (jan_again->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_cmpint (feb->status, ==, REC_IMPORT_NEW);
}

/* Messages: the same second, direction, channel and text. */
static void
test_duplicates_messages (void)
{
  g_autoptr(RecCaseData) existing = rec_case_data_new ();
  RecImportSource *source = source_new (REC_IMPORT_KIND_MESSAGES, "sms.xml");
  g_autoptr(GPtrArray) sources = sources_of (source, NULL);
  RecCommunication *kept = rec_communication_new ();
  RecImportCandidate *same, *other_text, *other_way, *other_second;
  const char *with[] = { "5550102030", NULL };

  kept->at_unix = 1700000000;
  kept->channel = REC_CHANNEL_TEXT;
  kept->direction = REC_DIRECTION_RECEIVED;
  rec_set_str (&kept->summary, "Payment is late again");
  g_ptr_array_add (existing->communications, kept);
  same = add_message (source, 1700000000, REC_DIRECTION_RECEIVED, "5550102030", NULL, "Payment is late again");
  other_text = add_message (source, 1700000000, REC_DIRECTION_RECEIVED, "5550102030", NULL, "Payment is late");
  other_way = add_message (source, 1700000000, REC_DIRECTION_SENT, "5550102030", NULL, "Payment is late again");
  other_second = add_message (source, 1700000001, REC_DIRECTION_RECEIVED, "5550102030", NULL, "Payment is late again");

  rec_import_source_filter (source, with);
  rec_import_mark_duplicates (existing, sources);
  g_assert_cmpint (same->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_cmpint (other_text->status, ==, REC_IMPORT_NEW);
  g_assert_cmpint (other_way->status, ==, REC_IMPORT_NEW);
  g_assert_cmpint (other_second->status, ==, REC_IMPORT_NEW);

  /* Not matching the filter: never a duplicate, never added. */
  rec_import_source_filter (source, NULL);
  rec_import_mark_duplicates (existing, sources);
  g_assert_cmpuint (rec_import_count (sources, REC_IMPORT_NOT_MATCHING), ==, 4);
}

/* The window: a filter typed then cleared, duplicates marked after each. */
static void
test_filter_then_duplicates_again (void)
{
  g_autoptr(RecCaseData) existing = rec_case_data_new ();
  RecImportSource *source = source_new (REC_IMPORT_KIND_PAYMENTS, "s.csv");
  g_autoptr(GPtrArray) sources = sources_of (source, NULL);
  RecImportCandidate *doe, *acme;
  const char *acme_filter[] = { "acme", NULL };

  g_ptr_array_add (existing->payments, payment_new ("2025-01-03", 45000, ""));
  doe = add_payment (source, "2025-01-03", 45000, "", "Doe", TRUE);
  acme = add_payment (source, "2025-01-03", 45000, "", "Acme", TRUE);

  rec_import_source_filter (source, NULL);
  rec_import_mark_duplicates (existing, sources);
  g_assert_cmpint (doe->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_cmpint (acme->status, ==, REC_IMPORT_NEW);

  /* Only Acme's row is a candidate now: it takes the record's place. */
  rec_import_source_filter (source, acme_filter);
  rec_import_mark_duplicates (existing, sources);
  g_assert_cmpint (doe->status, ==, REC_IMPORT_NOT_MATCHING);
  g_assert_cmpint (acme->status, ==, REC_IMPORT_DUPLICATE);

  rec_import_source_filter (source, NULL);
  rec_import_mark_duplicates (existing, sources);
  g_assert_cmpint (doe->status, ==, REC_IMPORT_DUPLICATE);
  g_assert_cmpint (acme->status, ==, REC_IMPORT_NEW);
  g_assert_true (acme->selected);
}

static void
test_correspondents (void)
{
  RecImportSource *source = source_new (REC_IMPORT_KIND_MESSAGES, "sms.xml");
  g_autoptr(GPtrArray) sources = sources_of (source, NULL);
  g_autoptr(GPtrArray) list = NULL;
  RecImportCorrespondent *first, *second;
  RecImportCandidate *rejected = rec_import_candidate_new (REC_IMPORT_REJECTED);

  add_message (source, 1, REC_DIRECTION_RECEIVED, "+1 555 010 2030", NULL, "a");
  add_message (source, 2, REC_DIRECTION_SENT, "5550102030", "John Doe", "b");
  add_message (source, 3, REC_DIRECTION_RECEIVED, "(555) 010-2030", NULL, "c");
  add_message (source, 4, REC_DIRECTION_RECEIVED, "mom@example.com", "Mom", "d");
  rejected->address = g_strdup ("mom@example.com");
  g_ptr_array_add (source->candidates, rejected);

  list = rec_import_list_correspondents (sources);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  second = g_ptr_array_index (list, 1);
  g_assert_cmpuint (first->count, ==, 3);
  g_assert_cmpstr (first->address, ==, "+1 555 010 2030");
  g_assert_cmpstr (first->contact, ==, "John Doe");
  g_assert_cmpuint (second->count, ==, 1);
  g_assert_cmpstr (second->contact, ==, "Mom");
}

static void
test_error_quark (void)
{
  g_autoptr(GError) error = g_error_new (REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED, "x");

  g_assert_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (g_quark_to_string (REC_IMPORT_ERROR), ==, "rec-import-error-quark");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/filter/payments", test_filter_payments);
  g_test_add_func ("/import/filter/reader-verdict", test_filter_keeps_reader_verdict);
  g_test_add_func ("/import/filter/messages", test_filter_messages);
  g_test_add_func ("/import/duplicates/one-for-one", test_duplicates_one_for_one);
  g_test_add_func ("/import/duplicates/reference", test_duplicates_reference);
  g_test_add_func ("/import/duplicates/across-sources", test_duplicates_across_sources);
  g_test_add_func ("/import/duplicates/messages", test_duplicates_messages);
  g_test_add_func ("/import/duplicates/after-filter", test_filter_then_duplicates_again);
  g_test_add_func ("/import/correspondents", test_correspondents);
  g_test_add_func ("/import/error-quark", test_error_quark);
  return g_test_run ();
}
