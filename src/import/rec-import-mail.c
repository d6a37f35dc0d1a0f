/* rec-import-mail.c — mbox (Gmail's Takeout, Thunderbird) and single .eml
 * files read through GMime 3 (spec/import.md §3)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GMime parses the messages from its own stream of the file; beside it this
 * reader reads the same bytes once, in order, from its own descriptor: they
 * go through the tap (hash, progress), give the line each message starts on
 * and the raw message kept as its attachment — exactly the bytes of the
 * file, the mbox "From " line excluded.
 *
 * Direction: a message from the user's own address (options->me: --me, else
 * the obligee's e-mail) was sent, any other received. Without an address of
 * the user's, a Takeout message labelled "Sent" (X-Gmail-Labels) was sent and
 * every other one received. The correspondent is the sender of a message
 * received, and the first recipient (To, else Cc) who is not the user of one
 * sent.
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import-messages-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gmime/gmime.h>
#include <string.h>
#include <unistd.h>

/* GMime 3.2 defines no cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeFilter, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

/* Subjects in attachment names are cut to this many characters. */
#define NAME_SUBJECT_MAX 80

typedef struct
{
  RecMessageReader *reader;
  int               fd;         /* the reader's own descriptor */
  gint64            pos;        /* bytes of the file read and fed so far */
  gint64            line;       /* the line `pos` is on (1-based) */
} MailInput;

static gpointer
init_gmime (gpointer data)
{
  g_mime_init ();
  return NULL;
}

/* --- The file's bytes --- */

static gboolean
io_error (MailInput  *input,
          int         saved_errno,
          GError    **error)
{
  g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO,
               /* Translators: %s is a file name, then the system's reason */
               _("Cannot read “%s”: %s"), input->reader->name, g_strerror (saved_errno));
  return FALSE;
}

/* The bytes from `pos` to `end` (fed to the tap, lines counted);
 * NULL with `error` set when they cannot be read. */
static guint8 *
read_to (MailInput  *input,
         gint64      end,
         GError    **error)
{
  gsize size = (gsize) MAX (end - input->pos, 0);
  g_autofree guint8 *data = g_malloc (size + 1);
  gsize done = 0;

  while (done < size)
    {
      gssize got = pread (input->fd, data + done, size - done, input->pos + (gint64) done);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          io_error (input, got < 0 ? errno : EIO, error);
          return NULL;
        }
      done += (gsize) got;
    }
  _rec_message_reader_feed (input->reader, data, size);
  for (gsize i = 0; i < size; i++)
    input->line += data[i] == '\n';
  input->pos = end;
  return g_steal_pointer (&data);
}

/* The line `offset` (at or after `pos`) is on, without moving on. */
static gint64
line_at (MailInput    *input,
         const guint8 *data,
         gint64        data_start,
         gint64        offset)
{
  gint64 lines_after = 0;

  for (gint64 i = offset - data_start; i < input->pos - data_start; i++)
    lines_after += data[i] == '\n';
  return input->line - lines_after;
}

/* --- Addresses --- */

/* The first mailbox of a list (the members of a group count). */
static InternetAddressMailbox *
first_mailbox (InternetAddressList *list,
               const char          *not_this)
{
  int n = list != NULL ? internet_address_list_length (list) : 0;

  for (int i = 0; i < n; i++)
    {
      InternetAddress *address = internet_address_list_get_address (list, i);
      InternetAddressMailbox *found = NULL;

      if (INTERNET_ADDRESS_IS_GROUP (address))
        found = first_mailbox (internet_address_group_get_members (
                                 INTERNET_ADDRESS_GROUP (address)), not_this);
      else if (INTERNET_ADDRESS_IS_MAILBOX (address))
        {
          const char *addr = internet_address_mailbox_get_addr (
                               INTERNET_ADDRESS_MAILBOX (address));

          if (addr != NULL && *addr != '\0'
              && (not_this == NULL || g_ascii_strcasecmp (addr, not_this) != 0))
            found = INTERNET_ADDRESS_MAILBOX (address);
        }
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
labelled_sent (GMimeMessage *message)
{
  const char *labels = g_mime_object_get_header (GMIME_OBJECT (message), "X-Gmail-Labels");
  g_auto(GStrv) each = g_strsplit (labels != NULL ? labels : "", ",", -1);

  for (guint i = 0; each[i] != NULL; i++)
    if (g_ascii_strcasecmp (g_strstrip (each[i]), "Sent") == 0)
      return TRUE;
  return FALSE;
}

/* The correspondent and whether the user sent the message; NULL when the
 * message names nobody (no From, or sent to no one). */
static InternetAddressMailbox *
correspondent (GMimeMessage *message,
               const char   *me,
               gboolean     *out_sent)
{
  InternetAddressMailbox *from = first_mailbox (g_mime_message_get_from (message), NULL);
  InternetAddressMailbox *to;

  if (from == NULL)
    return NULL;
  *out_sent = me != NULL && *me != '\0'
              ? g_ascii_strcasecmp (internet_address_mailbox_get_addr (from), me) == 0
              : labelled_sent (message);
  if (!*out_sent)
    return from;
  to = first_mailbox (g_mime_message_get_to (message), me);
  if (to == NULL)
    to = first_mailbox (g_mime_message_get_cc (message), me);
  return to;
}

/* --- The text --- */

/* The first part of `object` whose type is text/`subtype` and that is not
 * an attached file; forwarded messages are not looked into. */
static GMimePart *
find_text_part (GMimeObject *object,
                const char  *subtype)
{
  if (GMIME_IS_MULTIPART (object))
    {
      int n = g_mime_multipart_get_count (GMIME_MULTIPART (object));

      for (int i = 0; i < n; i++)
        {
          GMimePart *found = find_text_part (g_mime_multipart_get_part (GMIME_MULTIPART (object), i),
                                             subtype);

          if (found != NULL)
            return found;
        }
      return NULL;
    }
  if (!GMIME_IS_PART (object) || g_mime_part_is_attachment (GMIME_PART (object)))
    return NULL;
  if (!g_mime_content_type_is_type (g_mime_object_get_content_type (object), "text", subtype))
    return NULL;
  return GMIME_PART (object);
}

/* The part's content decoded (quoted-printable, base64), its line ends
 * made "\n" and its charset converted to UTF-8. A part that names no
 * charset, or one iconv does not know, is read as UTF-8 when it is valid
 * and else as Windows-1252 (a superset of ISO-8859-1 in what mail uses). */
static char *
part_text (GMimePart *part)
{
  const char *charset = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "charset");
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  g_autoptr(GMimeStream) memory = g_mime_stream_mem_new ();
  g_autoptr(GMimeStream) filtered = g_mime_stream_filter_new (memory);
  g_autoptr(GMimeFilter) crlf = g_mime_filter_dos2unix_new (FALSE);
  g_autoptr(GMimeFilter) convert = NULL;
  GByteArray *bytes;
  g_autofree char *fallback = NULL;

  if (content == NULL)
    return g_strdup ("");
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0
      && g_ascii_strcasecmp (charset, "us-ascii") != 0)
    convert = g_mime_filter_charset_new (charset, "UTF-8");
  if (convert != NULL)
    g_mime_stream_filter_add (GMIME_STREAM_FILTER (filtered), convert);
  g_mime_stream_filter_add (GMIME_STREAM_FILTER (filtered), crlf);
  g_mime_data_wrapper_write_to_stream (content, filtered);
  g_mime_stream_flush (filtered);
  bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (memory));
  if (bytes == NULL || bytes->len == 0)
    return g_strdup ("");

  if (convert == NULL && !g_utf8_validate ((const char *) bytes->data, bytes->len, NULL))
    fallback = g_convert ((const char *) bytes->data, bytes->len, "UTF-8", "WINDOWS-1252",
                          NULL, NULL, NULL);
  if (fallback != NULL)
    return g_steal_pointer (&fallback);
  return g_utf8_make_valid ((const char *) bytes->data, bytes->len);
}

/* An mbox writer quotes a line starting "From " as ">From " (and mboxrd
 * ">From " as ">>From "): the text as written has one '>' less. */
static void
unquote_from_lines (char *text)
{
  char *line = text;

  while (line != NULL && *line != '\0')
    {
      char *p = line;

      while (*p == '>')
        p++;
      if (p > line && strncmp (p, "From ", 5) == 0)
        memmove (line, line + 1, strlen (line));
      line = strchr (line, '\n');
      if (line != NULL)
        line++;
    }
}

/* The text/plain part, else the HTML one as text; trailing blank lines
 * dropped. */
static char *
message_text (GMimeMessage *message,
              gboolean      mbox)
{
  GMimeObject *body = g_mime_message_get_mime_part (message);
  GMimePart *part = body != NULL ? find_text_part (body, "plain") : NULL;
  g_autofree char *text = NULL;
  gsize len;

  if (part != NULL)
    text = part_text (part);
  else if (body != NULL && (part = find_text_part (body, "html")) != NULL)
    {
      g_autofree char *html = part_text (part);

      text = _rec_html_to_text (html, -1);
    }
  else
    return g_strdup ("");
  if (mbox)
    unquote_from_lines (text);
  len = strlen (text);
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    text[--len] = '\0';
  return g_steal_pointer (&text);
}

/* "2024-03-05 Re: March payment.eml": the message's own date, its subject
 * without what a file name cannot hold. */
static char *
raw_name (GDateTime  *at,
          const char *subject)
{
  g_autofree char *day = g_date_time_format (at, "%Y-%m-%d");
  g_autofree char *cut = NULL;
  GString *clean = g_string_new (NULL);

  if (subject == NULL || *subject == '\0')
    /* Translators: the file name of an e-mail without a subject, after its date */
    subject = C_("file name", "message");
  cut = g_utf8_substring (subject, 0, MIN (g_utf8_strlen (subject, -1), NAME_SUBJECT_MAX));
  for (const char *p = cut; *p != '\0'; p++)
    g_string_append_c (clean, strchr ("/\\", *p) != NULL ? '-'
                              : (guchar) *p < ' ' ? ' ' : *p);
  g_strstrip (clean->str);
  g_string_prepend (clean, " ");
  g_string_prepend (clean, day);
  g_string_append (clean, ".eml");
  return g_string_free (clean, FALSE);
}

/* --- One message --- */

static char *
reason_no_date (GMimeMessage *message)
{
  const char *date = g_mime_object_get_header (GMIME_OBJECT (message), "Date");

  if (date == NULL)
    return g_strdup (_("the message has no Date header"));
  /* Translators: %s is the text of an e-mail's Date header */
  return g_strdup_printf (_("the Date header “%s” is not a date"), date);
}

/* The candidate of a parsed message; `raw` its bytes (taken). */
static RecImportCandidate *
mail_candidate (MailInput     *input,
                GMimeMessage  *message,
                gboolean       mbox,
                char          *where,
                guint8        *raw,
                gsize          raw_size,
                GError       **error)
{
  g_autofree char *owned_where = where;
  g_autofree guint8 *owned_raw = raw;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  GDateTime *at = g_mime_message_get_date (message);
  const char *subject = g_mime_message_get_subject (message);
  InternetAddressMailbox *other;
  RecImportCandidate *candidate;
  RecAttachment *attachment;
  gboolean sent = FALSE;

  if (at == NULL)
    return _rec_message_rejected_new (g_steal_pointer (&owned_where), reason_no_date (message));
  other = correspondent (message, input->reader->options != NULL
                                 ? input->reader->options->me : NULL, &sent);
  if (other == NULL)
    return _rec_message_rejected_new (g_steal_pointer (&owned_where),
                                      g_strdup (sent ? _("the message has no recipient")
                                                     : _("the message has no sender (From)")));
  text = message_text (message, mbox);
  candidate = _rec_message_candidate_new (owned_where, REC_CHANNEL_EMAIL,
                                          sent ? REC_DIRECTION_SENT : REC_DIRECTION_RECEIVED, at,
                                          internet_address_mailbox_get_addr (other),
                                          internet_address_get_name (INTERNET_ADDRESS (other)),
                                          subject != NULL ? subject : "", text, subject);
  /* A message over the attachment limit is imported without its raw bytes. */
  if (raw_size == 0 || (gint64) raw_size > REC_ATTACHMENT_MAX_SIZE)
    return candidate;
  name = raw_name (at, subject);
  attachment = _rec_message_reader_media (input->reader, name, "message/rfc822",
                                          g_steal_pointer (&owned_raw), raw_size, error);
  if (attachment == NULL)
    {
      rec_import_candidate_free (candidate);
      return NULL;
    }
  g_ptr_array_add (candidate->media, attachment);
  return candidate;
}

/* The raw bytes of the message that ends at `end`: from the first header
 * to the end, without the blank line that separates it from the next
 * "From " line in an mbox. */
static guint8 *
raw_bytes (const guint8 *data,
           gint64        data_start,
           gint64        begin,
           gint64        end,
           gboolean      mbox,
           gsize        *out_size)
{
  gsize size = (gsize) (end - begin);
  const guint8 *p = data + (begin - data_start);

  if (mbox && size >= 2 && p[size - 1] == '\n' && p[size - 2] == '\n')
    size--;
  else if (mbox && size >= 3 && p[size - 1] == '\n' && p[size - 2] == '\r' && p[size - 3] == '\n')
    size -= 2;
  *out_size = size;
  return g_memdup2 (p, size);
}

/* Parses the next message: FALSE at the end or on an error. */
static gboolean
next_message (MailInput    *input,
              GMimeParser  *parser,
              gboolean      mbox,
              GPtrArray    *candidates,
              gboolean     *out_done,
              GError      **error)
{
  g_autoptr(GMimeMessage) message = g_mime_parser_construct_message (parser, NULL);
  g_autofree guint8 *data = NULL;
  gint64 start = input->pos;
  gint64 marker, begin, end;
  gsize raw_size = 0;
  guint8 *raw;
  RecImportCandidate *candidate;

  *out_done = message == NULL;
  if (message == NULL)
    return TRUE;
  marker = mbox ? g_mime_parser_get_mbox_marker_offset (parser) : 0;
  begin = g_mime_parser_get_headers_begin (parser);
  end = g_mime_parser_tell (parser);
  data = read_to (input, end, error);
  if (data == NULL)
    return FALSE;
  raw = raw_bytes (data, start, MAX (begin, start), end, mbox, &raw_size);
  candidate = mail_candidate (input, message, mbox,
                              _rec_message_reader_where (input->reader,
                                                         line_at (input, data, start,
                                                                  MAX (marker, start))),
                              raw, raw_size, error);
  if (candidate == NULL)
    return FALSE;
  g_ptr_array_add (candidates, candidate);
  return _rec_message_reader_check (input->reader, error);
}

static gboolean
read_messages (MailInput  *input,
               gboolean    mbox,
               GPtrArray  *candidates,
               GError    **error)
{
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  g_autofree guint8 *rest = NULL;
  int fd = g_open (input->reader->path, O_RDONLY | O_CLOEXEC, 0);
  gboolean done = FALSE;
  guint found = 0;

  if (fd < 0)
    return io_error (input, errno, error);
  stream = g_mime_stream_fs_new (fd);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  while (!done)
    {
      guint before = candidates->len;

      if (!next_message (input, parser, mbox, candidates, &done, error))
        return FALSE;
      found += candidates->len - before;
      if (!mbox)
        break;
    }
  if (found == 0)
    {
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED,
                   mbox
                   /* Translators: %s is a file name; keep “From ” as it is */
                   ? _("%s:1: no message found: a mailbox starts each one with a “From ” line")
                   /* Translators: %s is a file name */
                   : _("%s:1: no message found: the file has no e-mail headers"),
                   input->reader->name);
      return FALSE;
    }
  /* What is after the last message goes through the tap too (the hash is
   * of the whole file). */
  rest = read_to (input, MAX (input->reader->size, input->pos), error);
  return rest != NULL;
}

gboolean
_rec_import_read_mail (RecMessageReader *reader,
                       gboolean          mbox,
                       GPtrArray        *candidates,
                       GError          **error)
{
  static GOnce once = G_ONCE_INIT;
  MailInput input = { reader, -1, 0, 1 };
  gboolean ok;

  g_once (&once, init_gmime, NULL);
  input.fd = g_open (reader->path, O_RDONLY | O_CLOEXEC, 0);
  if (input.fd < 0)
    return io_error (&input, errno, error);
  ok = read_messages (&input, mbox, candidates, error);
  close (input.fd);
  return ok;
}
