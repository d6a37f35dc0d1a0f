/* test-attachment.c — documents kept in the case: hashes, sniffing, limits,
 * links, and case copies whose links follow the copied records
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-attachment.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("recourse-attach-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_sha256 (void)
{
  char hex[65];

  /* FIPS 180-2, appendix B.1. */
  rec_sha256_hex ((const guint8 *) "abc", 3, hex);
  g_assert_cmpstr (hex, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void
test_sniff (void)
{
#define ROW(bytes) bytes, sizeof bytes - 1
  static const struct
  {
    const char *bytes;
    gsize       size;
    const char *name;
    const char *expected;
  } rows[] = {
    { ROW ("\xff\xd8\xff\xe0\0\x10JFIF"), "check.jpg", "image/jpeg" },
    { ROW ("\xff\xd8\xff\xe1"), "photo.png", "image/jpeg" },    /* the bytes win over the name */
    { ROW ("\x89PNG\r\n\x1a\n\0\0"), "screenshot", "image/png" },
    { ROW ("GIF89a\x01\0"), "x.gif", "image/gif" },
    { ROW ("RIFF\x10\0\0\0WEBPVP8 "), "x.webp", "image/webp" },
    { ROW ("\0\0\0\x18" "ftypheic\0\0"), "IMG_0001.HEIC", "image/heic" },
    { ROW ("%PDF-1.7\n%\xe2\xe3"), "statement.pdf", "application/pdf" },
    { ROW ("From: Ana <ana@example.com>\nSubject: July\n\nHi"), "july.eml", "message/rfc822" },
    { ROW ("Received: from mx\n"), "x", "message/rfc822" },
    { ROW ("Date,Description,Amount\n"), "bank.csv", "text/csv" },
    { ROW ("Date,Description,Amount\n"), "bank.txt", "text/plain" },
    { ROW ("\xef\xbb\xbf<?xml version=\"1.0\"?><smses/>"), "sms.xml", "application/xml" },
    { ROW ("Llamé el 3 de julio: no contestó."), "nota.txt", "text/plain" },
    { ROW ("\x01\x02\0\x03"), "blob.bin", "application/octet-stream" },
    { ROW ("caf\xe9"), "latin1.txt", "application/octet-stream" },
  };

#undef ROW

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpstr (rec_media_type_sniff ((const guint8 *) rows[i].bytes, rows[i].size, rows[i].name),
                     ==, rows[i].expected);
}

static void
test_from_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "check-1043.jpg", NULL);
  g_autoptr(RecAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  static const char jpeg[] = "\xff\xd8\xff\xe0 pretend this is a photo of a check";
  char hex[65];
  gsize size = 0;
  const guint8 *data;

  g_assert_true (g_file_set_contents (path, jpeg, sizeof jpeg - 1, NULL));
  attachment = rec_attachment_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attachment->name, ==, "check-1043.jpg");
  g_assert_cmpstr (attachment->media_type, ==, "image/jpeg");
  g_assert_cmpint (attachment->size, ==, sizeof jpeg - 1);
  rec_sha256_hex ((const guint8 *) jpeg, sizeof jpeg - 1, hex);
  g_assert_cmpstr (attachment->sha256, ==, hex);
  g_assert_true (g_str_has_suffix (attachment->added_at, "Z"));
  g_assert_cmpint (strlen (attachment->added_at), ==, 20);

  /* The bytes are a copy: changing the file afterwards changes nothing. */
  g_assert_true (g_file_set_contents (path, "changed", 7, NULL));
  data = g_bytes_get_data (attachment->data, &size);
  g_assert_cmpmem (data, size, jpeg, sizeof jpeg - 1);
  g_assert_true (rec_attachment_is_case_level (attachment));

  g_unlink (path);
  g_rmdir (dir);
}

static void
expect_refused (const char *path,
                const char *name,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecAttachment) attachment = rec_attachment_new_from_file (path, &error);

  g_assert_null (attachment);
  g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_nonnull (strstr (error->message, "nothing was added"));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_refused (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *big = g_build_filename (dir, "huge.mov", NULL);
  g_autofree char *exact = g_build_filename (dir, "exact.bin", NULL);
  g_autofree char *missing = g_build_filename (dir, "gone.jpg", NULL);
  g_autofree char *folder = g_build_filename (dir, "Scans", NULL);
  g_autofree char *pipe = g_build_filename (dir, "pipe", NULL);
  g_autoptr(RecAttachment) at_limit = NULL;
  g_autoptr(GError) error = NULL;
  FILE *f;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  expect_refused (empty, "empty.pdf", "is empty");

  /* Sparse files: one byte over the limit is refused, the limit itself is not. */
  f = fopen (big, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), REC_ATTACHMENT_MAX_SIZE + 1), ==, 0);
  fclose (f);
  expect_refused (big, "huge.mov", "64 MiB");

  f = fopen (exact, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), REC_ATTACHMENT_MAX_SIZE), ==, 0);
  fclose (f);
  at_limit = rec_attachment_new_from_file (exact, &error);
  g_assert_no_error (error);
  g_assert_cmpint (at_limit->size, ==, REC_ATTACHMENT_MAX_SIZE);
  g_assert_cmpstr (at_limit->media_type, ==, "application/octet-stream");

  expect_refused (missing, "gone.jpg", "cannot be read");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  expect_refused (folder, "Scans", "is a folder");

  /* A pipe (not /dev/null, which a broken tool may have replaced with a file). */
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  expect_refused (pipe, "pipe", "not a regular file");

  g_unlink (empty);
  g_unlink (big);
  g_unlink (exact);
  g_rmdir (folder);
  g_unlink (pipe);
  g_rmdir (dir);
}

static void
test_links (void)
{
  g_autoptr(RecAttachment) attachment = rec_attachment_new ();
  g_autoptr(RecPayment) first = rec_payment_new ();
  g_autoptr(RecPayment) second = rec_payment_new ();

  g_assert_true (rec_attachment_is_case_level (attachment));
  rec_attachment_add_link (attachment, REC_ENTITY (first));
  rec_attachment_add_link (attachment, REC_ENTITY (first));
  rec_attachment_add_link (attachment, REC_ENTITY (second));
  g_assert_cmpuint (attachment->links->len, ==, 2);
  g_assert_false (rec_attachment_is_case_level (attachment));
  g_assert_true (rec_attachment_proves (attachment, REC_ENTITY (second)));

  rec_attachment_add_link (attachment, NULL);
  g_assert_true (rec_attachment_is_case_level (attachment));
  g_assert_true (rec_attachment_remove_link (attachment, NULL));
  g_assert_false (rec_attachment_remove_link (attachment, NULL));
  g_assert_true (rec_attachment_remove_link (attachment, REC_ENTITY (first)));
  g_assert_false (rec_attachment_proves (attachment, REC_ENTITY (first)));
  g_assert_cmpstr (rec_entity_kind_word (REC_ENTITY (first)), ==, "payments");
  g_assert_cmpstr (rec_entity_kind_word (NULL), ==, "case");
}

static void
test_case_copy_follows_links (void)
{
  g_autoptr(RecCaseData) data = rec_case_data_new ();
  g_autoptr(RecCaseData) copy = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 statement", 18);
  g_autoptr(GError) error = NULL;
  RecAttachment *attachment = rec_attachment_new_from_bytes ("statement.pdf", bytes, &error);
  RecAttachment *copied;
  RecPayment *payment = rec_payment_new ();
  RecCommunication *communication = rec_communication_new ();

  g_assert_no_error (error);
  g_ptr_array_add (data->payments, payment);
  g_ptr_array_add (data->communications, communication);
  rec_attachment_add_link (attachment, REC_ENTITY (payment));
  rec_attachment_add_link (attachment, REC_ENTITY (communication));
  rec_attachment_add_link (attachment, NULL);
  g_ptr_array_add (data->attachments, attachment);
  communication->follow_up_done = TRUE;
  data->info->has_agency_balance = TRUE;
  data->info->agency_balance_cents = 1234567;

  copy = rec_case_data_copy (data);
  g_assert_cmpuint (copy->attachments->len, ==, 1);
  copied = g_ptr_array_index (copy->attachments, 0);
  g_assert_true (copied != attachment);
  g_assert_cmpstr (copied->sha256, ==, attachment->sha256);
  g_assert_cmpuint (copied->links->len, ==, 3);
  /* The copy's links name the copy's records, not the originals. */
  g_assert_true (g_ptr_array_index (copied->links, 0) == g_ptr_array_index (copy->payments, 0));
  g_assert_true (g_ptr_array_index (copied->links, 1) == g_ptr_array_index (copy->communications, 0));
  g_assert_null (g_ptr_array_index (copied->links, 2));
  g_assert_true (((RecCommunication *) g_ptr_array_index (copy->communications, 0))->follow_up_done);
  g_assert_true (copy->info->has_agency_balance);
  g_assert_cmpint (copy->info->agency_balance_cents, ==, 1234567);
}

static void
test_fingerprint (void)
{
  g_autofree char *shown =
    rec_fingerprint_format ("3f2a91c077de0b14aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_autofree char *short_hash = rec_fingerprint_format ("3f2a91c0");
  g_autofree char *not_hex =
    rec_fingerprint_format ("zf2a91c077de0b14aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

  g_assert_cmpstr (shown, ==, "3F2A-91C0-77DE-0B14");
  g_assert_null (short_hash);
  g_assert_null (not_hex);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attachment/sha256", test_sha256);
  g_test_add_func ("/attachment/sniff", test_sniff);
  g_test_add_func ("/attachment/from-file", test_from_file);
  g_test_add_func ("/attachment/refused", test_refused);
  g_test_add_func ("/attachment/links", test_links);
  g_test_add_func ("/attachment/case-copy-follows-links", test_case_copy_follows_links);
  g_test_add_func ("/attachment/fingerprint", test_fingerprint);

  return g_test_run ();
}
