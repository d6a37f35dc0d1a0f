/* rec-import-sms.c — SMS Backup & Restore XML read as a stream through
 * libxml2's SAX2 push parser (spec/import.md §3)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is <smses> with one <sms> or <mms> element per message:
 *   <sms address="+15550102030" date="1709650000000" type="1" body="…"
 *        readable_date="…" contact_name="Jane Doe"/>
 *   <mms date="…" msg_box="2" address="+1555…~+1555…" contact_name="A, B" sub="…">
 *     <parts><part seq="0" ct="text/plain" text="…"/>
 *            <part seq="1" ct="image/jpeg" cl="IMG_1.jpg" data="/9j/4AAQ…"/></parts>
 *     <addrs><addr address="…" type="137"/><addr address="…" type="151"/></addrs>
 *   </mms>
 * The app writes the string "null" for an attribute it has no value for.
 *
 * Backups run to gigabytes, nearly all of it the base64 of MMS images: the
 * file is pushed to the parser in chunks, each element's attributes are seen
 * once where the parser holds them (no tree, no copy of a part's base64),
 * one part's data is decoded at a time and the image handed to the spool
 * (rec-import-messages-private.h), so memory stays flat whatever the size.
 *
 * Why not xmlTextReader: libxml2 2.9's reader pushes 512 bytes at a time and
 * rescans the pending start tag on every push once it passes 10 MB, so one
 * part of 8 MB of image (10.7 MB of base64) took 20 s — `xmllint --stream`
 * shows the same — where this parser, its chunks growing with the pending
 * input, takes 0.1 s.
 *
 * Left out entirely (not candidates): drafts, outbox, failed and queued
 * messages (sms type 3–6, mms msg_box 3–5) — they were never sent or
 * received, so they are no communication; SMIL layout parts; MMS parts that
 * are neither text nor image (vCards, audio, video).
 */
#define G_LOG_DOMAIN "rec-import"
#define _GNU_SOURCE /* memrchr */

#include "config.h"

#include "rec-import-messages-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <string.h>
#include <unistd.h>

/* MMS address types (OMA MMS encapsulation, the PDU's From / To / Cc). */
#define MMS_ADDR_FROM 137
#define MMS_ADDR_TO   151

/* The parser is given at least this much at a time, and more while a long
 * element is pending: it looks through what it holds on every chunk, so a
 * chunk as long as the pending input keeps a 40 MB part linear. */
#define READ_CHUNK (G_GINT64_CONSTANT (1) * 1024 * 1024)
#define READ_CHUNK_MAX (G_GINT64_CONSTANT (64) * 1024 * 1024)

/* One element start as SAX2 gives it: attributes are (localname, prefix,
 * URI, value, end) with values not NUL-terminated. */
typedef struct
{
  const xmlChar **attrs;
  int             n_attrs;
  gint64          line;
} Element;

/* One <mms> being read: its attributes, then its parts and addresses. */
typedef struct
{
  gint64      line;
  char       *date;
  int         box;
  char       *address;       /* the "~"-separated list */
  char       *contact_name;  /* the ", "-separated list, same order */
  char       *subject;
  GString    *text;
  char       *from;
  char       *first_to;
  GPtrArray  *media;         /* RecAttachment */
  char       *problem;       /* a reason to reject it (first one) */
  guint       n_images;      /* image parts seen */
  guint       problem_at;    /* the image part of `problem`, G_MAXUINT: none */
  GPtrArray  *decoding;      /* RecAttachment: images the media thread decodes */
  GArray     *decoding_at;   /* guint: their image part */
} Mms;

/* An <mms> whose images were still being decoded when its candidate was
 * made: once they are, an image that was not base64 rejects it (spec §1's
 * reason for a bad row), as when the parser's thread decodes it. */
typedef struct
{
  guint       index;         /* of its candidate */
  char       *where;
  guint       problem_at;
  GPtrArray  *decoding;
  GArray     *decoding_at;
} Pending;

static void
pending_free (Pending *pending)
{
  g_free (pending->where);
  g_ptr_array_unref (pending->decoding);
  g_array_unref (pending->decoding_at);
  g_free (pending);
}

static void
mms_free (Mms *mms)
{
  g_free (mms->date);
  g_free (mms->address);
  g_free (mms->contact_name);
  g_free (mms->subject);
  g_string_free (mms->text, TRUE);
  g_free (mms->from);
  g_free (mms->first_to);
  g_ptr_array_unref (mms->media);
  g_free (mms->problem);
  g_ptr_array_unref (mms->decoding);
  g_array_unref (mms->decoding_at);
  g_free (mms);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mms, mms_free)

typedef struct
{
  RecMessageReader *reader;
  xmlParserCtxtPtr  ctxt;
  GPtrArray        *candidates;
  GPtrArray        *pending;      /* Pending */
  Mms              *mms;          /* the <mms> being read, or NULL */
  int               depth;        /* of the next element */
  GError           *error;        /* a callback's (cancelled, a temporary file) */
  int               error_line;   /* the parser's first error */
  char             *error_text;
  GTimeZone        *zone;         /* this computer's, read once: GLib 2.74
                                   * reads it again on every
                                   * g_date_time_new_from_unix_local (7 µs,
                                   * a tenth of a message's time) */
} SmsParse;

static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  SmsParse *parse = user_data;

  if (parse->error_text != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  parse->error_line = error->line;
  parse->error_text = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
}

/* Stops the parser with `error` (taken), the first one kept. */
static void
parse_fail (SmsParse *parse,
            GError   *error)
{
  if (parse->error == NULL)
    parse->error = error;
  else
    g_error_free (error);
  xmlStopParser (parse->ctxt);
}

/* --- Attributes --- */

/* An attribute's value in place, NULL when it is absent. */
static const char *
attr_find (const Element *e,
           const char    *name,
           gsize         *out_len)
{
  for (int i = 0; i < e->n_attrs; i++)
    {
      const xmlChar **a = e->attrs + 5 * i;

      if (a[1] == NULL && strcmp ((const char *) a[0], name) == 0)
        {
          *out_len = (gsize) (a[4] - a[3]);
          return (const char *) a[3];
        }
    }
  *out_len = 0;
  return NULL;
}

/* An attribute's value, NULL when it is absent, empty or "null". */
static char *
attr_dup (const Element *e,
          const char    *name)
{
  gsize len;
  const char *value = attr_find (e, name, &len);

  if (value == NULL || len == 0 || (len == 4 && strncmp (value, "null", 4) == 0))
    return NULL;
  return g_strndup (value, len);
}

static int
attr_int (const Element *e,
          const char    *name)
{
  g_autofree char *text = attr_dup (e, name);
  gint64 value = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return -1;
  return (int) value;
}

/* The instant of `date` (milliseconds since 1970 UTC) with an offset. The
 * backup records no time zone: readable_date is the phone's local time but in
 * the phone's language and without an offset. So the offset is the one this
 * computer's zone has at that instant (summer or winter time as it was then):
 * right for the parent whose phone it is, who lives where the messages were
 * sent — and the instant itself is exact whatever the offset. */
static GDateTime *
sms_time (SmsParse   *parse,
          const char *date)
{
  g_autoptr(GDateTime) utc = NULL;
  gint64 ms = 0;

  if (date == NULL || !g_ascii_string_to_signed (date, 10, 0, G_MAXINT64 / 2, &ms, NULL))
    return NULL;
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  return utc != NULL ? g_date_time_to_timezone (utc, parse->zone) : NULL;
}

static char *
bad_date_reason (const char *date)
{
  /* Translators: %s is the text of the backup's date attribute */
  return g_strdup_printf (_("the date “%s” is not a time (milliseconds since 1970)"),
                          date != NULL ? date : "");
}

/* contact_name unless the app wrote "(Unknown)" for a number not in the
 * phone's contacts. */
static const char *
known_contact (const char *contact_name)
{
  if (contact_name == NULL || g_str_equal (contact_name, "(Unknown)"))
    return NULL;
  return contact_name;
}

/* --- <sms> --- */

static RecImportCandidate *
sms_candidate (SmsParse      *parse,
               const Element *r)
{
  g_autofree char *where = _rec_message_reader_where (parse->reader, r->line);
  g_autofree char *date = attr_dup (r, "date");
  g_autofree char *address = attr_dup (r, "address");
  g_autofree char *body = attr_dup (r, "body");
  g_autofree char *contact = attr_dup (r, "contact_name");
  g_autoptr(GDateTime) at = NULL;
  int type = attr_int (r, "type");

  if (type != 1 && type != 2)
    return NULL;
  at = sms_time (parse, date);
  if (at == NULL)
    return _rec_message_rejected_new (g_steal_pointer (&where), bad_date_reason (date));
  if (address == NULL)
    return _rec_message_rejected_new (g_steal_pointer (&where),
                                      g_strdup (_("the message has no address")));
  return _rec_message_candidate_new (where, REC_CHANNEL_TEXT,
                                     type == 1 ? REC_DIRECTION_RECEIVED : REC_DIRECTION_SENT,
                                     at, address, known_contact (contact), "",
                                     body != NULL ? body : "", NULL);
}

/* --- <mms> --- */

static Mms *
mms_new (const Element *r)
{
  Mms *mms = g_new0 (Mms, 1);

  mms->line = r->line;
  mms->date = attr_dup (r, "date");
  mms->box = attr_int (r, "msg_box");
  mms->address = attr_dup (r, "address");
  mms->contact_name = attr_dup (r, "contact_name");
  mms->subject = attr_dup (r, "sub");
  mms->text = g_string_new (NULL);
  mms->media = g_ptr_array_new_with_free_func (g_object_unref);
  mms->problem_at = G_MAXUINT;
  mms->decoding = g_ptr_array_new_with_free_func (g_object_unref);
  mms->decoding_at = g_array_new (FALSE, FALSE, sizeof (guint));
  return mms;
}

static void
mms_add_addr (Mms           *mms,
              const Element *r)
{
  g_autofree char *address = attr_dup (r, "address");
  int type = attr_int (r, "type");

  if (address == NULL)
    return;
  if (type == MMS_ADDR_FROM && mms->from == NULL)
    mms->from = g_steal_pointer (&address);
  else if (type == MMS_ADDR_TO && mms->first_to == NULL)
    mms->first_to = g_steal_pointer (&address);
}

/* The file name an image keeps: the part's own (cl, else name) without any
 * folder, else "mms-<date>-<seq>.<type>" (the caller checked ct is image/…). */
static char *
image_name (Mms           *mms,
            const Element *r)
{
  g_autofree char *given = attr_dup (r, "cl");
  g_autofree char *seq = NULL;
  g_autofree char *ct = NULL;
  const char *subtype;

  if (given == NULL)
    given = attr_dup (r, "name");
  if (given != NULL)
    {
      g_autofree char *base = g_path_get_basename (given);

      if (*base != '\0' && !g_str_equal (base, ".") && !g_str_equal (base, G_DIR_SEPARATOR_S))
        return g_strdelimit (g_steal_pointer (&base), "\\:", '_');
    }
  seq = attr_dup (r, "seq");
  ct = attr_dup (r, "ct");
  subtype = ct != NULL ? ct + strlen ("image/") : "";
  return g_strdup_printf ("mms-%s-%s.%s", mms->date != NULL ? mms->date : "0",
                          seq != NULL ? seq : "0",
                          g_ascii_strcasecmp (subtype, "jpeg") == 0 ? "jpg" : subtype);
}

static void
mms_reject (Mms  *mms,
            char *reason)
{
  if (mms->problem == NULL)
    {
      mms->problem = reason;
      mms->problem_at = mms->n_images;
    }
  else
    g_free (reason);
}

static char *
not_base64_reason (const char *name)
{
  /* Translators: %s is the file name of an MMS image */
  return g_strdup_printf (_("the image “%s” is not valid base64"), name);
}

/* An image part: its base64 `data` decoded from where the parser holds it
 * (not a copy) into one buffer — or, once the images go to temporary files,
 * a copy of it decoded by the media thread beside the parser. */
static gboolean
mms_add_image (SmsParse       *parse,
               Mms            *mms,
               const Element  *r,
               GError        **error)
{
  g_autofree char *name = image_name (mms, r);
  RecMediaBuffer buffer = { 0 };
  gsize len;
  const char *text = attr_find (r, "data", &len);
  gssize size;
  RecAttachment *image;

  if (text == NULL || len == 0 || (len == 4 && strncmp (text, "null", 4) == 0))
    return TRUE;
  mms->n_images++;
  if (!_rec_message_reader_media_base64 (parse->reader, text, len, name, &image, error))
    return FALSE;
  if (image != NULL)
    {
      guint at = mms->n_images;

      g_ptr_array_add (mms->decoding, g_object_ref (image));
      g_array_append_val (mms->decoding_at, at);
      g_ptr_array_add (mms->media, image);
      return TRUE;
    }
  if (_rec_message_reader_media_begin (parse->reader, len / 4 * 3 + 3, &buffer, error) == NULL)
    return FALSE;
  size = _rec_base64_decode (text, len, buffer.data);
  if (size <= 0 || size > REC_ATTACHMENT_MAX_SIZE)
    {
      _rec_media_buffer_clear (&buffer);
      if (size < 0)
        mms_reject (mms, not_base64_reason (name));
      else if (size > 0)
        /* Translators: %s is the file name of an MMS image */
        mms_reject (mms, g_strdup_printf (_("the image “%s” is larger than 64 MiB"), name));
      return TRUE;
    }
  image = _rec_message_reader_media_end (parse->reader, &buffer, (gsize) size, name, NULL, error);
  if (image == NULL)
    return FALSE;
  g_ptr_array_add (mms->media, image);
  return TRUE;
}

static gboolean
mms_add_part (SmsParse       *parse,
              Mms            *mms,
              const Element  *r,
              GError        **error)
{
  g_autofree char *ct = attr_dup (r, "ct");
  g_autofree char *text = NULL;

  if (ct == NULL)
    return TRUE;
  if (g_ascii_strncasecmp (ct, "image/", 6) == 0)
    return mms_add_image (parse, mms, r, error);
  if (g_ascii_strcasecmp (ct, "text/plain") != 0)
    return TRUE;
  text = attr_dup (r, "text");
  if (text == NULL)
    return TRUE;
  if (mms->text->len > 0)
    g_string_append_c (mms->text, '\n');
  g_string_append (mms->text, text);
  return TRUE;
}

/* The contact of `address` in a group: contact_name lists the names in the
 * order of the "~"-separated address list. */
static char *
mms_contact (Mms        *mms,
             const char *address)
{
  g_auto(GStrv) addresses = NULL;
  g_auto(GStrv) names = NULL;

  if (known_contact (mms->contact_name) == NULL || address == NULL)
    return NULL;
  addresses = g_strsplit (mms->address != NULL ? mms->address : address, "~", -1);
  names = g_strsplit (mms->contact_name, ", ", -1);
  if (g_strv_length (addresses) != g_strv_length (names))
    return NULL;
  for (guint i = 0; addresses[i] != NULL; i++)
    if (g_str_equal (addresses[i], address))
      return known_contact (names[i]) != NULL ? g_strdup (names[i]) : NULL;
  return NULL;
}

/* The candidate of a whole <mms>. The correspondent of a group message is
 * the sender (addr type 137) when it was received and the first recipient
 * (151) when it was sent; without <addrs>, the first of `address`. */
static RecImportCandidate *
mms_candidate (SmsParse *parse,
               Mms      *mms)
{
  g_autofree char *where = _rec_message_reader_where (parse->reader, mms->line);
  g_autofree char *description = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GDateTime) at = NULL;
  gboolean received = mms->box == 1;
  const char *address;
  RecImportCandidate *candidate;

  if (mms->box != 1 && mms->box != 2)
    return NULL;
  at = sms_time (parse, mms->date);
  if (at == NULL)
    return _rec_message_rejected_new (g_steal_pointer (&where), bad_date_reason (mms->date));
  if (mms->decoding->len > 0)
    {
      /* Its candidate is the next one (the caller adds it). */
      Pending *pending = g_new0 (Pending, 1);

      pending->index = parse->candidates->len;
      pending->where = g_strdup (where);
      pending->problem_at = mms->problem_at;
      pending->decoding = g_ptr_array_ref (mms->decoding);
      pending->decoding_at = g_array_ref (mms->decoding_at);
      g_ptr_array_add (parse->pending, pending);
    }
  if (mms->problem != NULL)
    return _rec_message_rejected_new (g_steal_pointer (&where), g_steal_pointer (&mms->problem));
  first = mms->address != NULL ? g_strndup (mms->address, strcspn (mms->address, "~")) : NULL;
  if (first != NULL && *first == '\0')
    g_clear_pointer (&first, g_free);
  address = received ? mms->from : mms->first_to;
  if (address == NULL)
    address = first;
  if (address == NULL)
    return _rec_message_rejected_new (g_steal_pointer (&where),
                                      g_strdup (_("the message has no address")));
  contact = mms_contact (mms, address);
  if (mms->text->len == 0 && mms->media->len > 0)
    /* Translators: what the import list shows for a picture message without text */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image", "%u images",
                                                mms->media->len), mms->media->len);
  candidate = _rec_message_candidate_new (where, REC_CHANNEL_TEXT,
                                          received ? REC_DIRECTION_RECEIVED
                                                   : REC_DIRECTION_SENT,
                                          at, address, contact,
                                          mms->subject != NULL ? mms->subject : "",
                                          mms->text->str, description);
  g_ptr_array_extend_and_steal (candidate->media, g_steal_pointer (&mms->media));
  mms->media = g_ptr_array_new_with_free_func (g_object_unref);
  return candidate;
}

/* --- The stream --- */

/* The reason the first image the media thread found not to be base64 gives
 * its message, unless an earlier image already rejected it; NULL if none. */
static char *
pending_reason (Pending *pending)
{
  for (guint d = 0; d < pending->decoding->len; d++)
    {
      RecAttachment *image = g_ptr_array_index (pending->decoding, d);
      guint at = g_array_index (pending->decoding_at, guint, d);

      if (image->size >= 0)
        continue;
      return at < pending->problem_at ? not_base64_reason (image->name) : NULL;
    }
  return NULL;
}

/* Streaming, on the media thread once the message's images are decoded. */
static void
pending_settle (RecImportCandidate *candidate,
                gpointer            data)
{
  char *reason = pending_reason (data);

  if (reason != NULL)
    _rec_message_candidate_reject (candidate, reason);
}

/* A candidate made (NULL: none), with the images still being decoded for
 * it when it is the last of parse->pending. */
static void
add_candidate (SmsParse           *parse,
               RecImportCandidate *candidate)
{
  Pending *pending = NULL;

  if (candidate == NULL)
    return;
  g_ptr_array_add (parse->candidates, candidate);
  if (!parse->reader->stream)
    return;
  if (parse->pending->len > 0)
    {
      pending = g_ptr_array_index (parse->pending, parse->pending->len - 1);
      if (pending->index == parse->candidates->len - 1)
        pending = g_ptr_array_steal_index (parse->pending, parse->pending->len - 1);
      else
        pending = NULL;
    }
  _rec_message_reader_emit (parse->reader, candidate, pending != NULL ? pending_settle : NULL,
                            pending, (GDestroyNotify) pending_free);
}

static void
not_smses (SmsParse   *parse,
           const char *name,
           gint64      line)
{
  parse_fail (parse, g_error_new (REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED,
                                  /* Translators: "%s:%lld" is file:line, the last %s an
                                   * XML element's name; keep <smses> */
                                  _("%s:%lld: the root element is <%s>, not the <smses> of "
                                    "an SMS backup"),
                                  parse->reader->name, (long long) line, name));
}

/* One element start: what it is decides what is read. */
static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  SmsParse *parse = user_data;
  const char *name = (const char *) localname;
  Element element = { attributes, n_attributes, xmlSAX2GetLineNumber (parse->ctxt) };
  GError *error = NULL;
  int depth = parse->depth++;

  if (depth == 0 && !g_str_equal (name, "smses"))
    not_smses (parse, name, element.line);
  else if (parse->mms != NULL && g_str_equal (name, "part"))
    {
      if (!mms_add_part (parse, parse->mms, &element, &error))
        parse_fail (parse, error);
    }
  else if (parse->mms != NULL && g_str_equal (name, "addr"))
    mms_add_addr (parse->mms, &element);
  else if (depth == 1 && g_str_equal (name, "sms"))
    add_candidate (parse, sms_candidate (parse, &element));
  else if (depth == 1 && g_str_equal (name, "mms"))
    parse->mms = mms_new (&element);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  SmsParse *parse = user_data;

  if (--parse->depth == 1 && parse->mms != NULL)
    {
      add_candidate (parse, mms_candidate (parse, parse->mms));
      g_clear_pointer (&parse->mms, mms_free);
    }
}

static gboolean
malformed (SmsParse  *parse,
           GError   **error)
{
  g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED,
               /* Translators: "%s:%d" is file:line; the last %s is the XML parser's
                * own (English) description */
               _("%s:%d: the SMS backup is cut off or damaged here (%s): nothing was imported"),
               parse->reader->name,
               parse->error_line > 0 ? parse->error_line : xmlSAX2GetLineNumber (parse->ctxt),
               parse->error_text != NULL ? parse->error_text : _("not well-formed XML"));
  return FALSE;
}

/* How much to give the parser next: the pending input's length, at least
 * READ_CHUNK (see there). */
static gsize
next_chunk_size (SmsParse *parse)
{
  xmlParserInputPtr in = parse->ctxt->input;
  gint64 pending = in != NULL && in->end != NULL && in->cur != NULL ? in->end - in->cur : 0;

  return (gsize) CLAMP (pending, READ_CHUNK, READ_CHUNK_MAX);
}

static gssize
read_full (int     fd,
           guint8 *buffer,
           gsize   size)
{
  gsize done = 0;

  while (done < size)
    {
      gssize got = read (fd, buffer + done, size - done);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        return -1;
      if (got == 0)
        break;
      done += (gsize) got;
    }
  return (gssize) done;
}

/* One chunk given to the parser in two pushes, the first ending just after
 * the byte after its last '<'. On every push that may end an element,
 * libxml2 2.9's push parser looks for the last '<' it holds, backwards from
 * the end, and then for the '>' after it (xmlParseGetLasts): a chunk ending
 * inside a part's base64 made it go back through megabytes of it, a quarter
 * of the parser's time in a backup of images. Cut there, it goes back two
 * bytes, and with the name's first letter it knows an element starts: the
 * rest of the chunk holds at most the end of that element, and a push with
 * no '>' (base64 has none) is set aside at once (xmlParseCheckTransition). */
static void
push_chunk (SmsParse     *parse,
            const guint8 *data,
            gsize         size)
{
  const guint8 *lt = size > 1 ? memrchr (data, '<', size - 1) : NULL;
  gsize head = lt != NULL ? (gsize) (lt - data) + 2 : 0;

  if (head > 0)
    xmlParseChunk (parse->ctxt, (const char *) data, (int) head, 0);
  if (size > head && parse->ctxt->instate != XML_PARSER_EOF)
    xmlParseChunk (parse->ctxt, (const char *) data + head, (int) (size - head), 0);
}

/* Pushes the whole file through the parser, every byte through the tap. */
static gboolean
push_file (SmsParse  *parse,
           int        fd,
           GError   **error)
{
  for (;;)
    {
      /* The reader's: hashed beside the parser as it parses it. */
      gsize want = next_chunk_size (parse);
      HashChunk *chunk = _rec_message_reader_chunk (parse->reader, want);
      gssize got = read_full (fd, chunk->data, want);

      if (got < 0)
        {
          int saved = errno;

          _rec_message_reader_chunk_drop (parse->reader, chunk);
          g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO, _("Cannot read “%s”: %s"),
                       parse->reader->name, g_strerror (saved));
          return FALSE;
        }
      chunk->size = (gsize) got;
      _rec_message_reader_feed_chunk (parse->reader, chunk);
      if (got > 0)
        push_chunk (parse, chunk->data, (gsize) got);
      else
        xmlParseChunk (parse->ctxt, NULL, 0, 1);
      if (parse->error == NULL && !_rec_message_reader_check (parse->reader, &parse->error))
        xmlStopParser (parse->ctxt);
      if (parse->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&parse->error));
          return FALSE;
        }
      if (!parse->ctxt->wellFormed || parse->error_text != NULL)
        return malformed (parse, error);
      if (got == 0)
        return TRUE;
    }
}

/* Once the media thread has decoded every image: the messages with an image
 * that was not base64 rejected, unless an earlier image already was. */
static void
settle_pending (SmsParse *parse)
{
  for (guint i = 0; i < parse->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (parse->pending, i);
      char *reason = pending_reason (pending);

      if (reason != NULL)
        {
          RecImportCandidate *rejected = _rec_message_rejected_new (g_strdup (pending->where),
                                                                    reason);

          g_assert (pending->index < parse->candidates->len);
          rec_import_candidate_free (g_ptr_array_index (parse->candidates, pending->index));
          g_ptr_array_index (parse->candidates, pending->index) = rejected;
        }
    }
}

/* libxml2 2.9 initializes itself on first use, which is not safe from two
 * threads at once (the window reads in a worker thread). */
static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

gboolean
_rec_import_read_sms (RecMessageReader *reader,
                      GPtrArray        *candidates,
                      GError          **error)
{
  /* No network, no DTD loaded. NOENT makes the parser give attribute values
   * with XML's own entities decoded ("&amp;" as "&", not "&#38;"); no other
   * entity can be expanded, as the handler has no entityDecl or getEntity to
   * keep one (a backup is data from elsewhere: a declared entity is an error,
   * never a billion laughs). HUGE lifts the 10 MB limit on one attribute (a
   * part's base64 is tens of MB). */
  const int options = XML_PARSE_HUGE | XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_NOERROR
                      | XML_PARSE_NOWARNING;
  xmlSAXHandler sax = { 0 };
  SmsParse parse = { reader, NULL, candidates, NULL, NULL, 0, NULL, 0, NULL };
  static GOnce once = G_ONCE_INIT;
  int fd;
  gboolean ok;

  g_once (&once, init_libxml, NULL);
  fd = g_open (reader->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO,
                   _("Cannot read “%s”: %s"), reader->name, g_strerror (errno));
      return FALSE;
    }
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element_cb;
  sax.endElementNs = end_element_cb;
  sax.serror = parse_error_cb;
  parse.pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  parse.zone = g_time_zone_new_local ();
  parse.ctxt = xmlCreatePushParserCtxt (&sax, &parse, NULL, 0, reader->name);
  xmlCtxtUseOptions (parse.ctxt, options);
  ok = push_file (&parse, fd, error);
  close (fd);
  xmlFreeParserCtxt (parse.ctxt);
  g_clear_pointer (&parse.mms, mms_free);
  /* The images the media thread decodes, all decoded (also after a failure:
   * its jobs own mappings to release); after a failure no candidate is
   * handed on. */
  if (!ok)
    g_atomic_int_set (&reader->each_failed, 1);
  if (!_rec_message_reader_media_wait (reader, ok ? error : NULL))
    ok = FALSE;
  if (ok)
    settle_pending (&parse);
  g_ptr_array_unref (parse.pending);
  g_time_zone_unref (parse.zone);
  g_clear_error (&parse.error);
  g_free (parse.error_text);
  return ok;
}
