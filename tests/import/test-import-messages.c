/* test-import-messages.c — the message readers (spec/import.md §1–3): SMS
 * Backup & Restore XML, mbox and .eml, each fixture of tests/import/data
 * against a table of what it must give; bad files; progress, cancellation,
 * large files (line numbers past 65535, media spooled out of memory)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-import.h"
#include "rec-import-messages-private.h"

#include <glib/gstdio.h>
#include <string.h>

#define ME "alex.morgan@example.org"

static char *
data_path (const char *name)
{
  const char *root = g_getenv ("RECOURSE_SOURCE_ROOT");

  return g_build_filename (root != NULL ? root : ".", "tests", "import", "data", name, NULL);
}

static GBytes *
data_bytes (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static char *
bytes_sha256 (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static RecImportSource *
read_fixture (const char *name,
              const char *me,
              const char *format)
{
  g_autofree char *path = data_path (name);
  RecImportMessageOptions options = { format, me };
  g_autoptr(GError) error = NULL;
  RecImportSource *source = rec_import_read_messages (path, &options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

static RecImportCandidate *
candidate_at (RecImportSource *source,
              guint            index)
{
  g_assert_cmpuint (index, <, source->candidates->len);
  return g_ptr_array_index (source->candidates, index);
}

static guint
count_status (RecImportSource *source,
              RecImportStatus  status)
{
  guint n = 0;

  for (guint i = 0; i < source->candidates->len; i++)
    n += candidate_at (source, i)->status == status;
  return n;
}

/* --- Each fixture as a whole --- */

typedef struct
{
  const char *file;
  const char *format;       /* what auto-detection must find */
  const char *media_type;   /* of the source's own attachment */
  guint       n_new;
  guint       n_rejected;
} SourceCase;

static const SourceCase source_cases[] = {
  /* 9 elements: a draft left out, one with a bad date rejected. */
  { "messages-sms.xml", "sms", "application/xml", 6, 1 },
  { "messages-bad-base64.xml", "sms", "application/xml", 1, 1 },
  { "messages-takeout.mbox", "mbox", "application/mbox", 5, 2 },
  { "messages-thunderbird.mbox", "mbox", "application/mbox", 2, 0 },
  { "messages-single.eml", "eml", "message/rfc822", 1, 0 },
};

static void
test_sources (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_cases); i++)
    {
      const SourceCase *c = &source_cases[i];
      g_autoptr(RecImportSource) source = read_fixture (c->file, ME, NULL);
      g_autoptr(GBytes) bytes = data_bytes (c->file);
      g_autofree char *sha = bytes_sha256 (bytes);

      g_test_message ("%s", c->file);
      g_assert_cmpint (source->kind, ==, REC_IMPORT_KIND_MESSAGES);
      g_assert_cmpstr (source->format, ==, c->format);
      g_assert_cmpstr (source->name, ==, c->file);
      g_assert_cmpstr (source->sha256, ==, sha);
      g_assert_cmpint (source->size, ==, g_bytes_get_size (bytes));
      g_assert_nonnull (source->attachment);
      g_assert_cmpstr (source->attachment->sha256, ==, sha);
      g_assert_cmpstr (source->attachment->media_type, ==, c->media_type);
      g_assert_true (g_bytes_equal (source->attachment->data, bytes));
      g_assert_cmpuint (count_status (source, REC_IMPORT_NEW), ==, c->n_new);
      g_assert_cmpuint (count_status (source, REC_IMPORT_REJECTED), ==, c->n_rejected);
      g_assert_cmpuint (source->candidates->len, ==, c->n_new + c->n_rejected);
    }
}

/* --- Each message --- */

typedef struct
{
  const char   *file;
  guint         index;
  const char   *where;
  const char   *at;
  RecChannel    channel;
  RecDirection  direction;
  const char   *address;
  const char   *contact;      /* NULL: none */
  const char   *with;
  const char   *subject;
  const char   *summary;      /* the whole text */
  const char   *description;  /* NULL: the subject (e-mail) or summary (text) */
  guint         n_media;
} MessageCase;

#define RECEIVED REC_DIRECTION_RECEIVED
#define SENT REC_DIRECTION_SENT
#define TEXT REC_CHANNEL_TEXT
#define EMAIL REC_CHANNEL_EMAIL

/* Times as the phone's zone had them (TZ is America/Los_Angeles here: PST in
 * March, PDT from the second Sunday of March); e-mails keep their own. */
static const MessageCase message_cases[] = {
  { "messages-sms.xml", 0, "messages-sms.xml:5", "2024-03-05T06:46:40-08:00", TEXT, RECEIVED,
    "+15550102030", "Jordan Reyes", "Jordan Reyes", "",
    "Payment is late this month, sorry.\nWill send Friday.",
    "Payment is late this month, sorry.", 0 },
  { "messages-sms.xml", 1, "messages-sms.xml:6", "2024-03-05T07:46:40-08:00", TEXT, SENT,
    "(555) 010-2030", "Jordan Reyes", "Jordan Reyes", "",
    "Ok & thanks. Please send it to the account \"ending 4411\" — gracias", NULL, 0 },
  { "messages-sms.xml", 2, "messages-sms.xml:8", "2024-07-03T02:46:40-07:00", TEXT, RECEIVED,
    "+15550107777", NULL, "+15550107777", "", "Your pharmacy order is ready.", NULL, 0 },
  { "messages-sms.xml", 4, "messages-sms.xml:10", "2024-05-06T05:53:20-07:00", TEXT, RECEIVED,
    "+15550102030", "Jordan Reyes", "Jordan Reyes", "", "Here is the receipt for April.",
    NULL, 1 },
  /* A group message sent: the first recipient (151), named from the list. */
  { "messages-sms.xml", 5, "messages-sms.xml:21", "2024-05-07T05:53:20-07:00", TEXT, SENT,
    "+15550102030", "Jordan Reyes", "Jordan Reyes", "School fees",
    "Both of you: the school fee is due on the 15th.", NULL, 0 },
  { "messages-sms.xml", 6, "messages-sms.xml:31", "2024-05-08T05:53:20-07:00", TEXT, RECEIVED,
    "+15550102030", "Jordan Reyes", "Jordan Reyes", "", "", "1 image", 1 },
  { "messages-bad-base64.xml", 1, "messages-bad-base64.xml:7", "2024-05-06T05:54:20-07:00",
    TEXT, RECEIVED, "+15550102030", "Jordan Reyes", "Jordan Reyes", "", "after the broken one",
    NULL, 0 },
  /* Quoted-printable, a soft line break, an mbox-quoted ">From ". */
  { "messages-takeout.mbox", 0, "messages-takeout.mbox:1", "2024-03-05T08:20:00-08:00", EMAIL,
    RECEIVED, "jordan.reyes@example.net", "Jordan Reyes", "Jordan Reyes", "March payment",
    "I can’t pay the full amount this month. I will send $200 on the 15th and the rest in "
    "April.\n\nFrom now on I'll pay by transfer.", "March payment", 1 },
  /* From me: sent, to the first To; base64. */
  { "messages-takeout.mbox", 1, "messages-takeout.mbox:20", "2024-03-05T13:00:00-05:00", EMAIL,
    SENT, "jordan.reyes@example.net", NULL, "jordan.reyes@example.net", "Re: March payment",
    "Jordan,\n\nThe order says $650 on the 1st. Please pay the rest by Friday.\n\nAlex",
    "Re: March payment", 1 },
  /* HTML only; an RFC 2047 subject. */
  { "messages-takeout.mbox", 2, "messages-takeout.mbox:37", "2024-04-03T11:15:00+02:00", EMAIL,
    RECEIVED, "jordan.reyes@example.net", "Reyes, Jordan", "Reyes, Jordan", "Depósito de abril",
    "Hi Alex,\n\nI sent £0 & €0 — just kidding: $650 went out today.\nRef #A-1043\n\nJordan <3",
    "Depósito de abril", 1 },
  /* ISO-8859-1, 8 bit, its name and subject encoded words. */
  { "messages-takeout.mbox", 3, "messages-takeout.mbox:53", "2024-05-06T07:00:00-05:00", EMAIL,
    RECEIVED, "jordan.reyes@example.net", "Jordán Reyes", "Jordán Reyes",
    "Re: Pago de mayo ¿recibido?", "Recibí el pago de abril, ¡gracias!\nAñadiré el recibo.",
    NULL, 1 },
  /* multipart/mixed: the plain part of the alternative, not the PDF. */
  { "messages-takeout.mbox", 4, "messages-takeout.mbox:68", "2024-06-01T13:30:00-07:00", EMAIL,
    RECEIVED, "jordan.reyes@example.net", "Jordan Reyes", "Jordan Reyes",
    "Bank receipt attached", "Receipt for June attached.", NULL, 1 },
  /* The user's address in another case is still the user. */
  { "messages-thunderbird.mbox", 0, "messages-thunderbird.mbox:1", "2024-08-09T08:00:00+01:00",
    EMAIL, SENT, "jordan.reyes@example.net", "Jordan Reyes", "Jordan Reyes", "August",
    "Reminder: August support is due.", NULL, 1 },
  { "messages-thunderbird.mbox", 1, "messages-thunderbird.mbox:12", "2024-08-10T09:00:00+01:00",
    EMAIL, RECEIVED, "jordan.reyes@example.net", "Jordan Reyes", "Jordan Reyes", "Re: August",
    "Paid today.", NULL, 1 },
  /* CRLF, Windows-1252 quoted-printable. */
  { "messages-single.eml", 0, "messages-single.eml:1", "2024-07-11T21:05:09-04:00", EMAIL,
    RECEIVED, "jordan.reyes@example.net", "Jordan Reyes", "Jordan Reyes",
    "Summer schedule and July",
    "July’s payment will be two weeks late – sorry.\nThe kids’ pickup is at 5.", NULL, 1 },
};

static void
check_message (const MessageCase *c,
               RecImportCandidate *candidate)
{
  RecCommunication *message = REC_COMMUNICATION (candidate->record);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (c->at, NULL);

  g_test_message ("%s #%u", c->file, c->index);
  g_assert_cmpint (candidate->status, ==, REC_IMPORT_NEW);
  g_assert_true (candidate->selected);
  g_assert_cmpstr (candidate->where, ==, c->where);
  g_assert_cmpstr (message->at, ==, c->at);
  g_assert_cmpint (message->at_unix, ==, g_date_time_to_unix (at));
  g_assert_cmpint (message->channel, ==, c->channel);
  g_assert_cmpint (message->direction, ==, c->direction);
  g_assert_cmpstr (candidate->address, ==, c->address);
  g_assert_cmpstr (candidate->contact, ==, c->contact);
  g_assert_cmpstr (message->with, ==, c->with);
  g_assert_cmpstr (message->subject, ==, c->subject);
  g_assert_cmpstr (message->summary, ==, c->summary);
  /* By default an e-mail is described by its subject, a text by its first line. */
  g_assert_cmpstr (candidate->description, ==,
                   c->description != NULL ? c->description
                   : c->channel == EMAIL ? c->subject : c->summary);
  g_assert_null (candidate->reason);
  g_assert_cmpuint (candidate->media->len, ==, c->n_media);
}

static void
test_messages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (message_cases); i++)
    {
      const MessageCase *c = &message_cases[i];
      g_autoptr(RecImportSource) source = read_fixture (c->file, ME, NULL);

      check_message (c, candidate_at (source, c->index));
    }
}

/* --- Rejected messages: the rest go on --- */

typedef struct
{
  const char *file;
  guint       index;
  const char *where;
  const char *reason;
} RejectedCase;

static const RejectedCase rejected_cases[] = {
  { "messages-sms.xml", 3, "messages-sms.xml:9",
    "the date “yesterday” is not a time (milliseconds since 1970)" },
  { "messages-bad-base64.xml", 0, "messages-bad-base64.xml:3",
    "the image “broken.jpg” is not valid base64" },
  { "messages-takeout.mbox", 5, "messages-takeout.mbox:103",
    "the Date header “sometime in June” is not a date" },
  { "messages-takeout.mbox", 6, "messages-takeout.mbox:113", "the message has no sender (From)" },
};

static void
test_rejected (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rejected_cases); i++)
    {
      const RejectedCase *c = &rejected_cases[i];
      g_autoptr(RecImportSource) source = read_fixture (c->file, ME, NULL);
      RecImportCandidate *candidate = candidate_at (source, c->index);

      g_assert_cmpint (candidate->status, ==, REC_IMPORT_REJECTED);
      g_assert_false (candidate->selected);
      g_assert_null (candidate->record);
      g_assert_cmpstr (candidate->where, ==, c->where);
      g_assert_cmpstr (candidate->reason, ==, c->reason);
      g_assert_cmpuint (candidate->media->len, ==, 0);
    }
}

/* --- Media --- */

static void
test_mms_images (void)
{
  g_autoptr(RecImportSource) source = read_fixture ("messages-sms.xml", ME, NULL);
  g_autoptr(GBytes) png = data_bytes ("messages-mms.png");
  g_autofree char *png_sha = bytes_sha256 (png);
  /* The second image's base64 is broken into lines; its part has no name. */
  static const struct { guint index; const char *name; } images[] = {
    { 4, "receipt.png" }, { 6, "mms-1715172800000-0.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      RecAttachment *image = g_ptr_array_index (candidate_at (source, images[i].index)->media, 0);

      g_assert_cmpstr (image->name, ==, images[i].name);
      g_assert_cmpstr (image->media_type, ==, "image/png");
      g_assert_cmpint (image->size, ==, g_bytes_get_size (png));
      g_assert_cmpstr (image->sha256, ==, png_sha);
      g_assert_true (g_bytes_equal (image->data, png));
      g_assert_true (image->links == NULL || image->links->len == 0);
    }
}

/* The bytes of the mbox's message that starts at line `from_line` (its
 * "From " line): the lines after it up to the blank line before the next. */
static GBytes *
mbox_message (GBytes *mbox,
              guint   from_line)
{
  const char *text = g_bytes_get_data (mbox, NULL);
  const char *end = text + g_bytes_get_size (mbox);
  const char *begin = text;
  const char *stop;

  for (guint line = 1; line <= from_line; line++)
    begin = strchr (begin, '\n') + 1;
  stop = g_strstr_len (begin, end - begin, "\n\nFrom ");
  stop = stop != NULL ? stop + 1 : end - 1;
  return g_bytes_new (begin, stop - begin);
}

static void
test_raw_mail (void)
{
  g_autoptr(RecImportSource) mbox = read_fixture ("messages-takeout.mbox", ME, NULL);
  g_autoptr(RecImportSource) eml = read_fixture ("messages-single.eml", ME, NULL);
  g_autoptr(GBytes) mbox_bytes = data_bytes ("messages-takeout.mbox");
  g_autoptr(GBytes) eml_bytes = data_bytes ("messages-single.eml");
  static const struct { guint index, line; const char *name; } raws[] = {
    { 0, 1, "2024-03-05 March payment.eml" },
    { 1, 20, "2024-03-05 Re: March payment.eml" },
    { 4, 68, "2024-06-01 Bank receipt attached.eml" },
  };
  RecAttachment *raw;

  for (guint i = 0; i < G_N_ELEMENTS (raws); i++)
    {
      g_autoptr(GBytes) expected = mbox_message (mbox_bytes, raws[i].line);
      g_autofree char *sha = bytes_sha256 (expected);

      raw = g_ptr_array_index (candidate_at (mbox, raws[i].index)->media, 0);
      g_assert_cmpstr (raw->name, ==, raws[i].name);
      g_assert_cmpstr (raw->media_type, ==, "message/rfc822");
      g_assert_true (g_bytes_equal (raw->data, expected));
      g_assert_cmpstr (raw->sha256, ==, sha);
      g_assert_cmpint (raw->size, ==, g_bytes_get_size (expected));
    }
  /* A single .eml is its raw message, CRLF and all. */
  raw = g_ptr_array_index (candidate_at (eml, 0)->media, 0);
  g_assert_true (g_bytes_equal (raw->data, eml_bytes));
  g_assert_cmpstr (raw->name, ==, "2024-07-11 Summer schedule and July.eml");
}

/* --- Direction --- */

static void
test_direction_without_me (void)
{
  /* Without the user's address, Takeout's "Sent" label decides. */
  g_autoptr(RecImportSource) takeout = read_fixture ("messages-takeout.mbox", NULL, NULL);
  g_autoptr(RecImportSource) thunderbird = read_fixture ("messages-thunderbird.mbox", NULL, NULL);
  g_autoptr(RecImportSource) other = read_fixture ("messages-takeout.mbox",
                                                   "someone.else@example.com", NULL);

  g_assert_cmpint (REC_COMMUNICATION (candidate_at (takeout, 1)->record)->direction, ==, SENT);
  g_assert_cmpint (REC_COMMUNICATION (candidate_at (takeout, 0)->record)->direction, ==,
                   RECEIVED);
  /* No label, no address: received, from its sender. */
  g_assert_cmpint (REC_COMMUNICATION (candidate_at (thunderbird, 0)->record)->direction, ==,
                   RECEIVED);
  g_assert_cmpstr (candidate_at (thunderbird, 0)->address, ==, "Alex.Morgan@Example.org");
  /* Someone else's address given: nothing of theirs was sent. */
  g_assert_cmpint (REC_COMMUNICATION (candidate_at (other, 1)->record)->direction, ==, RECEIVED);
  g_assert_cmpstr (candidate_at (other, 1)->address, ==, ME);
}

static void
test_filter_by_correspondent (void)
{
  g_autoptr(RecImportSource) source = read_fixture ("messages-sms.xml", ME, NULL);
  const char *const with[] = { "555-010-2030", NULL };

  /* The reader's candidates carry addresses as written; the import layer's
   * filter matches "+15550102030" and "(555) 010-2030" alike. */
  rec_import_source_filter (source, with);
  g_assert_cmpuint (count_status (source, REC_IMPORT_NEW), ==, 5);
  g_assert_cmpuint (count_status (source, REC_IMPORT_NOT_MATCHING), ==, 1);
  g_assert_cmpuint (count_status (source, REC_IMPORT_REJECTED), ==, 1);
}

/* --- Files that are not what they should be --- */

typedef struct
{
  const char *file;       /* NULL: an empty file made here */
  const char *format;
  int         code;
  const char *message;    /* the error's message contains this */
} BadCase;

static const BadCase bad_cases[] = {
  { "messages-truncated.xml", NULL, REC_IMPORT_ERROR_MALFORMED,
    "messages-truncated.xml:13: the SMS backup is cut off or damaged here" },
  { "messages-other-root.xml", NULL, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
    "messages-other-root.xml: not a bank statement, OFX file, SMS backup or mailbox" },
  { "messages-other-root.xml", "sms", REC_IMPORT_ERROR_MALFORMED,
    "messages-other-root.xml:2: the root element is <calls>, not the <smses> of an SMS backup" },
  { "messages-not-mail.txt", NULL, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
    "messages-not-mail.txt: not a bank statement, OFX file, SMS backup or mailbox" },
  { "messages-single.eml", "mbox", REC_IMPORT_ERROR_MALFORMED,
    "messages-single.eml:1: no message found" },
  { "messages-takeout.mbox", "sms", REC_IMPORT_ERROR_MALFORMED, "messages-takeout.mbox:1:" },
  { "bank-chase.csv", NULL, REC_IMPORT_ERROR_UNKNOWN_FORMAT,
    "bank-chase.csv: a bank statement, not an SMS backup or mailbox: import it as payments" },
  { "messages-sms.xml", "csv", REC_IMPORT_ERROR_BAD_OPTION, "“csv” is not a message format" },
  { "no-such-file.xml", NULL, REC_IMPORT_ERROR_IO, "no-such-file.xml" },
  { NULL, NULL, REC_IMPORT_ERROR_MALFORMED, "empty.xml: the file is empty" },
};

static void
test_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-import-messages-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.xml", NULL);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autofree char *path = c->file != NULL ? data_path (c->file) : g_strdup (empty);
      RecImportMessageOptions options = { c->format, ME };
      g_autoptr(GError) error = NULL;
      RecImportSource *source = rec_import_read_messages (path, &options, NULL, NULL, NULL,
                                                          &error);

      g_test_message ("%s as %s", path, c->format);
      g_assert_null (source);
      g_assert_error (error, REC_IMPORT_ERROR, c->code);
      g_assert_nonnull (strstr (error->message, c->message));
    }
  g_unlink (empty);
  g_rmdir (dir);
}

static void
test_detection_ignores_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-import-messages-XXXXXX", NULL);
  static const struct { const char *fixture, *as, *format; } cases[] = {
    { "messages-sms.xml", "backup.mbox", "sms" },
    { "messages-single.eml", "mail.txt", "eml" },
    { "messages-thunderbird.mbox", "Inbox", "mbox" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = data_bytes (cases[i].fixture);
      g_autofree char *path = g_build_filename (dir, cases[i].as, NULL);
      g_autoptr(RecImportSource) source = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), NULL));
      source = rec_import_read_messages (path, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (source->format, ==, cases[i].format);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A message with no body at all (found by the fuzzer: GMime gives no
 * bytes, not an empty string). */
static void
test_empty_body (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-import-messages-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty-body.eml", NULL);
  const char *eml = "From: Jordan Reyes <jordan.reyes@example.net>\n"
                    "Date: Fri, 1 Mar 2024 09:00:00 -0800\nSubject: (no text)\n\n";
  g_autoptr(RecImportSource) source = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, eml, -1, NULL));
  source = rec_import_read_messages (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->candidates->len, ==, 1);
  g_assert_cmpstr (REC_COMMUNICATION (candidate_at (source, 0)->record)->summary, ==, "");
  g_assert_cmpstr (candidate_at (source, 0)->description, ==, "(no text)");
  g_unlink (path);
  g_rmdir (dir);
}

/* --- Large files: progress, cancellation, lines, the spool --- */

typedef struct
{
  guint         calls;
  gint64        last;
  gint64        total;
  GCancellable *cancel_at_first;
} Progress;

static void
progress_cb (gint64   done,
             gint64   total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpint (done, >=, progress->last);
  g_assert_cmpint (done, <=, total);
  progress->calls++;
  progress->last = done;
  progress->total = total;
  if (progress->cancel_at_first != NULL)
    g_cancellable_cancel (progress->cancel_at_first);
}

/* A backup of `n_sms` one-line messages and then MMS with images of
 * `image_size` random bytes each; their SHA-256 into `shas`. */
static char *
write_backup (const char *dir,
              guint       n_sms,
              guint       n_images,
              gsize       image_size,
              GPtrArray  *shas)
{
  g_autofree char *path = g_build_filename (dir, "big.xml", NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
                                         "<smses count=\"0\">\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);

  for (guint i = 0; i < n_sms; i++)
    g_string_append_printf (xml, "  <sms address=\"+1555010%04u\" date=\"%llu\" type=\"%u\" "
                            "body=\"message %u\" contact_name=\"(Unknown)\" />\n",
                            i % 10000, 1700000000000ULL + i * 60000ULL, 1 + i % 2, i);
  for (guint i = 0; i < n_images; i++)
    {
      g_autofree guint8 *image = g_malloc (image_size);
      g_autofree char *b64 = NULL;

      for (gsize j = 0; j < image_size; j += 4)
        {
          guint32 r = g_rand_int (rand);

          memcpy (image + j, &r, MIN (4, image_size - j));
        }
      memcpy (image, "\xff\xd8\xff\xe0", 4);
      g_ptr_array_add (shas, g_compute_checksum_for_data (G_CHECKSUM_SHA256, image, image_size));
      b64 = g_base64_encode (image, image_size);
      g_string_append_printf (xml, "  <mms date=\"%llu\" msg_box=\"1\" address=\"+15550102030\">"
                              "<parts><part seq=\"0\" ct=\"image/jpeg\" cl=\"img%u.jpg\" data=\"%s\" />"
                              "</parts><addrs><addr address=\"+15550102030\" type=\"137\" />"
                              "</addrs></mms>\n", 1800000000000ULL + i * 1000ULL, i, b64);
    }
  g_string_append (xml, "</smses>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));
  return g_steal_pointer (&path);
}

/* What `each` saw of a streamed read. */
typedef struct
{
  GPtrArray             *seen;     /* RecImportCandidate, in the order given */
  GPtrArray             *shas;     /* of the first image's bytes then, or NULL */
  const RecImportSource *source;   /* rec_import_stream_get_source's */
} Seen;

static gboolean
seen_each (RecImportStream     *stream,
           RecImportCandidate  *candidate,
           gpointer             user_data,
           GError             **error)
{
  Seen *seen = user_data;
  RecAttachment *image = candidate->media->len > 0 ? g_ptr_array_index (candidate->media, 0)
                                                   : NULL;

  g_ptr_array_add (seen->seen, candidate);
  g_ptr_array_add (seen->shas, image != NULL && image->data != NULL
                               ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image->data)
                               : NULL);
  /* NULL without an error while the file is still being hashed: asked
   * again at the next candidate. */
  if (seen->source == NULL)
    seen->source = rec_import_stream_get_source (stream, error);
  return seen->source != NULL || error == NULL || *error == NULL;
}

static void
test_large_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-import-messages-XXXXXX", NULL);
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  /* 70 000 lines (past 65535) and 3 images of 16 MB: the third is over the
   * spool's 32 MiB in memory and goes to a temporary file. */
  const gsize image_size = 16 * 1000 * 1000;
  g_autofree char *path = write_backup (dir, 70000, 3, image_size, shas);
  g_autoptr(RecImportSource) source = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  RecImportCandidate *last_sms;

  source = rec_import_read_messages (path, NULL, progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->candidates->len, ==, 70003);
  /* Over 64 MiB: hashed, not kept (spec §1). */
  g_assert_cmpint (source->size, >, REC_ATTACHMENT_MAX_SIZE);
  g_assert_null (source->attachment);
  /* Hashed beside the parser from the chunks it read: the file's SHA-256. */
  {
    g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
    g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (file);
    g_autofree char *sha = bytes_sha256 (bytes);

    g_assert_cmpstr (source->sha256, ==, sha);
  }
  g_assert_cmpuint (progress.calls, >, 10);
  g_assert_cmpint (progress.last, ==, source->size);
  g_assert_cmpint (progress.total, ==, source->size);

  last_sms = candidate_at (source, 69999);
  g_assert_cmpstr (last_sms->where, ==, "big.xml:70002");
  g_assert_cmpstr (REC_COMMUNICATION (last_sms->record)->summary, ==, "message 69999");
  for (guint i = 0; i < 3; i++)
    {
      RecAttachment *image = g_ptr_array_index (candidate_at (source, 70000 + i)->media, 0);
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image->data);

      g_assert_cmpint (image->size, ==, image_size);
      g_assert_cmpstr (image->media_type, ==, "image/jpeg");
      g_assert_cmpstr (image->sha256, ==, g_ptr_array_index (shas, i));
      g_assert_cmpstr (sha, ==, g_ptr_array_index (shas, i));
    }

  /* Streamed, a file the case does not keep is hashed from the parser's
   * chunks: the same SHA-256 and size, given on the way only once known
   * (never before the last chunk), every candidate handed on in order. */
  {
    g_autoptr(RecImportSource) streamed = NULL;
    RecImportMessageOptions options = { NULL };
    Seen seen = { g_ptr_array_new (), g_ptr_array_new_with_free_func (g_free), NULL };

    options.each = seen_each;
    options.each_data = &seen;
    streamed = rec_import_read_messages (path, &options, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (seen.source == NULL || seen.source == streamed);
    g_assert_cmpstr (streamed->sha256, ==, source->sha256);
    g_assert_cmpint (streamed->size, ==, source->size);
    g_assert_null (streamed->attachment);
    g_assert_cmpuint (seen.seen->len, ==, 70003);
    g_assert_cmpuint (streamed->candidates->len, ==, 70003);
    g_assert_true (g_ptr_array_index (seen.seen, 69999) == candidate_at (streamed, 69999));
    g_ptr_array_unref (seen.seen);
    g_ptr_array_unref (seen.shas);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* Images past the spool's 32 MiB in memory are decoded by the media thread
 * beside the parser: the same bytes, size and type, the same rejections (the
 * first bad image's reason, before a missing address), in file order.
 * Streamed (`each`), every image is decoded there, in memory: each candidate
 * handed on once, in order, final, its images' bytes there then and let go
 * after; the source asked for on the way (once the file is hashed) is the
 * one returned, its SHA-256 the file's. */
static void
check_images (gboolean streamed)
{
  g_autofree char *dir = g_dir_make_tmp ("test-import-messages-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spool.xml", NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version='1.0' encoding='UTF-8'?>\n<smses>\n");
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(RecImportSource) source = NULL;
  g_autoptr(GError) error = NULL;
  RecImportMessageOptions options = { NULL };
  Seen seen = { NULL };
  /* 0–2 fill the memory (the third spooled), 3 has a line break every 76
   * characters, 4 a bad character, 5 is good then 6 bad in one message, 7 is
   * bad with no address anywhere, 8 a PNG. */
  const gsize sizes[] = { 16000000, 16000000, 2000000, 1000000, 1000000, 500000, 500000,
                          500000, 300000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree guint8 *image = g_malloc (sizes[i]);
      g_autofree char *b64 = NULL;

      for (gsize j = 0; j < sizes[i]; j++)
        image[j] = (guint8) g_rand_int (rand);
      memcpy (image, i == 8 ? "\x89PNG\r\n\x1a\n" : "\xff\xd8\xff\xe0", i == 8 ? 8 : 4);
      g_ptr_array_add (shas, g_compute_checksum_for_data (G_CHECKSUM_SHA256, image, sizes[i]));
      b64 = g_base64_encode (image, sizes[i]);
      if (i == 3)
        {
          g_autoptr(GString) lines = g_string_new (NULL);
          gsize len = strlen (b64);

          for (gsize j = 0; j < len; j += 76)
            {
              g_string_append_len (lines, b64 + j, MIN (76, len - j));
              g_string_append (lines, "&#10;");
            }
          g_free (b64);
          b64 = g_string_free (g_steal_pointer (&lines), FALSE);
        }
      if (i == 4 || i == 6 || i == 7)
        b64[strlen (b64) / 2] = '!';
      if (i == 6)
        continue;  /* in the message of 5 */
      g_string_append_printf (xml, "<mms date=\"%llu\" msg_box=\"1\" address=\"%s\">"
                              "<parts><part seq=\"0\" ct=\"image/jpeg\" cl=\"img%u.jpg\" "
                              "data=\"%s\" />", 1800000000000ULL + i * 1000ULL,
                              i == 7 ? "null" : "+15550102030", i, b64);
      if (i == 5)
        {
          g_autofree guint8 *bad = g_malloc (sizes[6]);
          g_autofree char *bad64 = NULL;

          for (gsize j = 0; j < sizes[6]; j++)
            bad[j] = (guint8) g_rand_int (rand);
          bad64 = g_base64_encode (bad, sizes[6]);
          bad64[10] = '*';
          g_string_append_printf (xml, "<part seq=\"1\" ct=\"image/jpeg\" cl=\"img6.jpg\" "
                                  "data=\"%s\" />", bad64);
        }
      g_string_append_printf (xml, "</parts>%s</mms>\n",
                              i == 7 ? "" : "<addrs><addr address=\"+15550102030\" type=\"137\" />"
                                            "</addrs>");
    }
  g_string_append (xml, "</smses>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  seen.seen = g_ptr_array_new ();
  seen.shas = g_ptr_array_new_with_free_func (g_free);
  options.each = streamed ? seen_each : NULL;
  options.each_data = &seen;
  source = rec_import_read_messages (path, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->candidates->len, ==, 8);
  if (streamed)
    {
      g_autofree char *file_sha = NULL;
      g_autofree char *text = NULL;
      gsize len;

      /* Given on the way once the hash was done: the source returned. */
      g_assert_true (seen.source == NULL || seen.source == source);
      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      file_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) text, len);
      g_assert_cmpstr (source->sha256, ==, file_sha);
      g_assert_cmpint (source->size, ==, len);
      g_assert_cmpuint (seen.seen->len, ==, 8);
    }
  for (guint c = 0; c < 8; c++)
    {
      RecImportCandidate *candidate = candidate_at (source, c);
      guint i = c < 6 ? c : c + 1;  /* the image of the candidate (6 is in 5's) */
      g_autofree char *where = g_strdup_printf ("spool.xml:%u", c + 3);

      g_assert_cmpstr (candidate->where, ==, where);
      if (i == 4 || i == 5 || i == 7)
        {
          g_autofree char *reason = g_strdup_printf ("the image “img%u.jpg” is not valid base64",
                                                     i == 5 ? 6 : i);

          g_assert_cmpint (candidate->status, ==, REC_IMPORT_REJECTED);
          g_assert_cmpstr (candidate->reason, ==, reason);
          g_assert_null (candidate->record);
        }
      else
        {
          RecAttachment *image;
          g_autofree char *sha = NULL;

          g_assert_cmpint (candidate->status, ==, REC_IMPORT_NEW);
          g_assert_cmpuint (candidate->media->len, ==, 1);
          image = g_ptr_array_index (candidate->media, 0);
          if (streamed)
            {
              g_assert_null (image->data);
              sha = g_strdup (g_ptr_array_index (seen.shas, c));
            }
          else
            {
              sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image->data);
              g_assert_cmpint (g_bytes_get_size (image->data), ==, sizes[i]);
            }
          g_assert_cmpint (image->size, ==, sizes[i]);
          g_assert_cmpstr (image->media_type, ==, i == 8 ? "image/png" : "image/jpeg");
          g_assert_cmpstr (image->sha256, ==, g_ptr_array_index (shas, i));
          g_assert_cmpstr (sha, ==, g_ptr_array_index (shas, i));
          g_assert_cmpstr (candidate->description, ==, "1 image");
        }
      if (streamed)
        g_assert_true (g_ptr_array_index (seen.seen, c) == candidate);
    }
  g_clear_pointer (&seen.seen, g_ptr_array_unref);
  g_clear_pointer (&seen.shas, g_ptr_array_unref);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_spooled_images (void)
{
  check_images (FALSE);
}

static void
test_streamed_images (void)
{
  check_images (TRUE);
}

/* Raw e-mails past the spool's 32 MiB in memory go to a temporary file and
 * come back byte for byte. */
static void
test_large_mbox (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-import-messages-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.mbox", NULL);
  g_autoptr(GString) mbox = g_string_new (NULL);
  g_autoptr(GPtrArray) raws = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RecImportSource) source = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      GString *raw = g_string_new (NULL);

      g_string_append_printf (raw, "From: Jordan Reyes <jordan.reyes@example.net>\n"
                              "Date: Fri, %u Mar 2024 09:00:00 -0800\nSubject: Long %u\n\n",
                              i + 1, i);
      for (guint line = 0; line < 300000; line++)
        g_string_append_printf (raw, "line %06u of a long letter about the payments\n", line);
      g_string_append_printf (mbox, "From jordan Fri Mar %02u 09:00:00 2024\n%s\n", i + 1, raw->str);
      g_ptr_array_add (raws, g_compute_checksum_for_string (G_CHECKSUM_SHA256, raw->str, raw->len));
      g_string_free (raw, TRUE);
    }
  g_assert_true (g_file_set_contents (path, mbox->str, mbox->len, NULL));
  source = rec_import_read_messages (path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (source->candidates->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      RecAttachment *raw = g_ptr_array_index (candidate_at (source, i)->media, 0);
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, raw->data);

      g_assert_cmpstr (raw->sha256, ==, g_ptr_array_index (raws, i));
      g_assert_cmpstr (sha, ==, g_ptr_array_index (raws, i));
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-import-messages-XXXXXX", NULL);
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = write_backup (dir, 20000, 0, 0, shas);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { 0, 0, 0, cancellable };
  g_autoptr(GError) error = NULL;
  RecImportSource *source;

  source = rec_import_read_messages (path, NULL, progress_cb, &progress, cancellable, &error);
  g_assert_null (source);
  g_assert_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

/* --- The helpers --- */

static void
check_base64 (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  static const struct { const char *text; gssize size; const char *bytes; } cases[] = {
    { "", 0, "" },
    { "TQ==", 1, "M" },
    { "TWE=", 2, "Ma" },
    { "TWFu", 3, "Man" },
    { "TQ", 1, "M" },             /* padding left out */
    { "TW\r\nFu\n", 3, "Man" },   /* line breaks */
    { " T W F u ", 3, "Man" },
    { "-_-_", 3, "\xfb\xff\xbf" },  /* URL-safe alphabet */
    { "TWFu*", -1, NULL },
    { "T", -1, NULL },            /* one character is no byte */
    { "TQ==TWFu", -1, NULL },     /* text after the padding */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = strlen (cases[i].text);
      g_autofree guint8 *out = g_malloc (len / 4 * 3 + 3);
      gssize n = _rec_base64_decode (cases[i].text, len, out);

      g_assert_cmpint (n, ==, cases[i].size);
      if (n > 0)
        g_assert_cmpmem (out, n, cases[i].bytes, strlen (cases[i].bytes));
    }
  /* Against GLib's encoder, every length up to 300 and every byte value. */
  for (gsize size = 0; size <= 300; size++)
    {
      g_autofree guint8 *data = g_malloc (size + 1);
      g_autofree char *b64 = NULL;
      g_autofree guint8 *out = NULL;

      for (gsize j = 0; j < size; j++)
        data[j] = (guint8) g_rand_int_range (rand, 0, 256);
      b64 = g_base64_encode (data, size);
      out = g_malloc (strlen (b64) / 4 * 3 + 3);
      g_assert_cmpint (_rec_base64_decode (b64, strlen (b64), out), ==, size);
      g_assert_cmpmem (out, size, data, size);
    }
  /* A bad character at every position, whichever step or tail it falls in,
   * and white space at every position, which changes nothing. */
  for (gsize size = 1; size <= 100; size++)
    {
      static const char bad[] = { '*', '\0', '\xc3', '.', '\x7f' };
      g_autofree guint8 *data = g_malloc (size);
      g_autofree char *b64 = NULL;
      g_autofree guint8 *out = NULL;
      gsize len;

      for (gsize j = 0; j < size; j++)
        data[j] = (guint8) g_rand_int_range (rand, 0, 256);
      b64 = g_base64_encode (data, size);
      len = strlen (b64);
      out = g_malloc ((len + 1) / 4 * 3 + 3);
      for (gsize at = 0; at < len; at++)
        {
          g_autofree char *spaced = g_strdup_printf ("%.*s\n%s", (int) at, b64, b64 + at);

          for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
            {
              g_autofree char *broken = g_strdup (b64);

              broken[at] = bad[k];
              g_assert_cmpint (_rec_base64_decode (broken, len, out), ==, -1);
            }
          g_assert_cmpint (_rec_base64_decode (spaced, len + 1, out), ==, size);
          g_assert_cmpmem (out, size, data, size);
        }
    }
}

/* Both ways: with the vector steps (32 characters at a time, where the
 * processor has them) and with the table steps alone. */
static void
test_base64 (void)
{
  if (_rec_base64_use_simd (TRUE))
    check_base64 ();
  else
    g_test_message ("no vector steps on this processor: the table steps only");
  g_assert_false (_rec_base64_use_simd (FALSE));
  check_base64 ();
  _rec_base64_use_simd (TRUE);
}

static void
test_html_to_text (void)
{
  static const struct { const char *html, *text; } cases[] = {
    { "plain", "plain" },
    { "<p>One</p><p>Two</p>", "One\n\nTwo" },
    { "a<br>b<br/><br>c", "a\nb\n\nc" },
    { "<div>x</div><div>y</div>", "x\ny" },
    { "  lots \n of\t space  ", "lots of space" },
    { "&lt;b&gt; &amp; &quot;q&quot; &#233;&#xE9; &nbsp;x", "<b> & \"q\" éé x" },
    { "&unknown; & &#xZZ;", "&unknown; & &#xZZ;" },
    { "<head><title>T</title></head><style>p{}</style><script>x<y</script>body", "body" },
    { "a<!-- <p>hidden</p> -->b", "ab" },
    { "<a href=\"x>y\">link</a> text", "link text" },
    { "<ul><li>one</li><li>two</li></ul>after", "one\ntwo\n\nafter" },
    { "<p>cut off <b", "cut off" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _rec_html_to_text (cases[i].html, -1);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local zone: one with summer time, so the SMS times
   * show the offset the zone had at each instant. */
  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/messages/sources", test_sources);
  g_test_add_func ("/import/messages/messages", test_messages);
  g_test_add_func ("/import/messages/rejected", test_rejected);
  g_test_add_func ("/import/messages/mms-images", test_mms_images);
  g_test_add_func ("/import/messages/raw-mail", test_raw_mail);
  g_test_add_func ("/import/messages/direction-without-me", test_direction_without_me);
  g_test_add_func ("/import/messages/filter-by-correspondent", test_filter_by_correspondent);
  g_test_add_func ("/import/messages/bad-files", test_bad_files);
  g_test_add_func ("/import/messages/detection-ignores-name", test_detection_ignores_name);
  g_test_add_func ("/import/messages/empty-body", test_empty_body);
  g_test_add_func ("/import/messages/large-backup", test_large_backup);
  g_test_add_func ("/import/messages/large-mbox", test_large_mbox);
  g_test_add_func ("/import/messages/spooled-images", test_spooled_images);
  g_test_add_func ("/import/messages/streamed-images", test_streamed_images);
  g_test_add_func ("/import/messages/cancel", test_cancel);
  g_test_add_func ("/import/messages/base64", test_base64);
  g_test_add_func ("/import/messages/html-to-text", test_html_to_text);
  return g_test_run ();
}
