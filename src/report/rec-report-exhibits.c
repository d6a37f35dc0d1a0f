/* rec-report-exhibits.c — the exhibit index and the exhibits (spec/evidence.md §5)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each attachment of the case is an exhibit, numbered in the order of the
 * records it proves as the packet shows them (the case's own first). An
 * image is a page scaled to fit, a PDF its pages rendered at 150 dpi, a text
 * or an e-mail wrapped text, anything else a page naming it; a file that
 * cannot be read becomes a page saying so, never a failed packet. The
 * originals are embedded byte for byte unless the snapshot says not to.
 *
 * The index comes before the exhibits and gives their first pages, which
 * depend on how many pages the index itself takes: everything is laid out
 * once in a scratch document without images (the same pages, nothing
 * decoded), then for real.
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-report-private.h"

#include "rec-attachment.h"
#include "rec-date.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gmodule.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#define EXHIBIT_DPI        150.0
/* A small image is not blown up beyond this (points per pixel: 96 dpi). */
#define IMAGE_MAX_SCALE    (72.0 / 96.0)
/* What one exhibit shows at most; the original holds the rest. */
#define TEXT_MAX_BYTES     (200 * 1024)
#define PDF_MAX_PAGES      200
#define LISTED_RECORDS     3
#define JPEG_QUALITY       "80"
/* How much of an image is read at a time to find its header. */
#define PROBE_CHUNK        (16 * 1024)
#define POPPLER_GLIB_SONAME "libpoppler-glib.so.8"
#define CAIRO_SONAME        "libcairo.so.2"

typedef enum
{
  SHOW_IMAGE,
  SHOW_PDF,
  SHOW_TEXT,
  SHOW_MAIL,
  SHOW_NAME,          /* a kind of file no page shows */
  SHOW_UNREADABLE,    /* one that should show but cannot be read */
} ShowKind;

typedef struct
{
  RecAttachment   *attachment;    /* borrowed from the snapshot */
  guint            number;        /* 1, 2, … */
  guint            order[4];      /* the sort key of its first record */
  char            *description;   /* "check.jpg — payment of $1,250.00 on 03/04/2026" */
  char            *title;         /* "Exhibit 3 — check.jpg" */
  ShowKind         kind;
  PopplerDocument *document;      /* SHOW_PDF */
  char            *text;          /* SHOW_TEXT, SHOW_MAIL: what the page shows */
  gboolean         cut;           /* the text or the PDF is shown in part */
  guint            first_page;    /* counted from the index's first page, 0-based */
  guint            n_pages;

  /* SHOW_IMAGE, made ready in parallel between the dry run and the real one. */
  double           box_height;    /* points left under its caption (dry run) */
  gboolean         as_is;         /* the original bytes go on the page */
  GBytes          *jpeg;          /* or these (a photo, downsampled) */
  guint8          *rgb;           /* or these pixels (a screenshot) */
  int              width;
  int              height;
} Exhibit;

static void
exhibit_free (Exhibit *exhibit)
{
  g_clear_object (&exhibit->document);
  g_free (exhibit->description);
  g_free (exhibit->title);
  g_free (exhibit->text);
  g_clear_pointer (&exhibit->jpeg, g_bytes_unref);
  g_free (exhibit->rgb);
  g_free (exhibit);
}

/* poppler and cairo are opened when a packet first shows a PDF: linked
 * into the executable they would be loaded by every verb (poppler-glib brings
 * some forty libraries), and `recourse summary` must start fast. */
typedef struct
{
  PopplerDocument *(*poppler_document_new_from_bytes) (GBytes *, const char *, GError **);
  int              (*poppler_document_get_n_pages) (PopplerDocument *);
  PopplerPage     *(*poppler_document_get_page) (PopplerDocument *, int);
  void             (*poppler_page_get_size) (PopplerPage *, double *, double *);
  void             (*poppler_page_render_for_printing) (PopplerPage *, cairo_t *);
  cairo_surface_t *(*cairo_image_surface_create) (cairo_format_t, int, int);
  cairo_status_t   (*cairo_surface_status) (cairo_surface_t *);
  void             (*cairo_surface_flush) (cairo_surface_t *);
  void             (*cairo_surface_destroy) (cairo_surface_t *);
  unsigned char   *(*cairo_image_surface_get_data) (cairo_surface_t *);
  int              (*cairo_image_surface_get_stride) (cairo_surface_t *);
  cairo_t         *(*cairo_create) (cairo_surface_t *);
  void             (*cairo_destroy) (cairo_t *);
  void             (*cairo_set_source_rgb) (cairo_t *, double, double, double);
  void             (*cairo_paint) (cairo_t *);
  void             (*cairo_scale) (cairo_t *, double, double);
} Api;

static Api api;

#define API_SYMBOL(library, name) { library, #name, G_STRUCT_OFFSET (Api, name) }

static gboolean
load_api (void)
{
  static const struct
  {
    guint       library;          /* 0: poppler-glib, 1: cairo */
    const char *name;
    gsize       offset;
  } symbols[] = {
    API_SYMBOL (0, poppler_document_new_from_bytes),
    API_SYMBOL (0, poppler_document_get_n_pages),
    API_SYMBOL (0, poppler_document_get_page),
    API_SYMBOL (0, poppler_page_get_size),
    API_SYMBOL (0, poppler_page_render_for_printing),
    API_SYMBOL (1, cairo_image_surface_create),
    API_SYMBOL (1, cairo_surface_status),
    API_SYMBOL (1, cairo_surface_flush),
    API_SYMBOL (1, cairo_surface_destroy),
    API_SYMBOL (1, cairo_image_surface_get_data),
    API_SYMBOL (1, cairo_image_surface_get_stride),
    API_SYMBOL (1, cairo_create),
    API_SYMBOL (1, cairo_destroy),
    API_SYMBOL (1, cairo_set_source_rgb),
    API_SYMBOL (1, cairo_paint),
    API_SYMBOL (1, cairo_scale),
  };
  GModule *modules[2] = {
    g_module_open (POPPLER_GLIB_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL),
    g_module_open (CAIRO_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL),
  };
  Api loaded = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    if (modules[i] == NULL)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (!g_module_symbol (modules[symbols[i].library], symbols[i].name,
                          &G_STRUCT_MEMBER (gpointer, &loaded, symbols[i].offset)))
      return FALSE;
  /* Kept for the process's life: documents may outlive any packet. */
  g_module_make_resident (modules[0]);
  g_module_make_resident (modules[1]);
  api = loaded;
  return TRUE;
}

/* Whether PDFs can be shown (any thread; loads the libraries once). */
static gboolean
api_ready (void)
{
  static gsize once;
  static gboolean ready;

  if (g_once_init_enter (&once))
    {
      ready = load_api ();
      g_once_init_leave (&once, 1);
    }
  return ready;
}

/* Order: where a record first shows in the packet */

enum
{
  RANK_CASE,
  RANK_CHILD,
  RANK_TERM,
  RANK_OVERRIDE,
  RANK_LEDGER,          /* charges and payments, by date */
  RANK_COMMUNICATION,
  RANK_ENFORCEMENT,
  RANK_UNKNOWN,
};

static guint
position_in (GPtrArray       *records,
             const RecEntity *record)
{
  guint index;

  return records != NULL && g_ptr_array_find (records, record, &index) ? index : G_MAXUINT;
}

static guint
julian (const GDate *date)
{
  return date != NULL && rec_date_is_set (date) ? g_date_get_julian (date) : G_MAXUINT;
}

/* A communication's day: the date of its RFC 3339 time. */
static guint
communication_day (const RecCommunication *communication)
{
  GDate date;

  g_date_clear (&date, 1);
  if (communication->at != NULL && strlen (communication->at) >= 10)
    {
      g_autofree char *day = g_strndup (communication->at, 10);

      if (rec_date_parse (day, &date, NULL))
        return g_date_get_julian (&date);
    }
  return G_MAXUINT;
}

/* The sort key of one record: rank, day, kind within the rank, position. */
static void
record_order (const RecCaseData *data,
              RecEntity         *record,
              guint              order[4])
{
  order[0] = RANK_UNKNOWN;
  order[1] = order[2] = order[3] = 0;
  if (record == NULL)
    {
      order[0] = RANK_CASE;
      return;
    }

  if (REC_IS_CHILD (record))
    order[0] = RANK_CHILD, order[3] = position_in (data->children, record);
  else if (REC_IS_TERM (record))
    order[0] = RANK_TERM, order[1] = julian (&REC_TERM (record)->effective),
      order[3] = position_in (data->terms, record);
  else if (REC_IS_INTEREST_OVERRIDE (record))
    order[0] = RANK_OVERRIDE, order[1] = julian (&REC_INTEREST_OVERRIDE (record)->from),
      order[3] = position_in (data->interest_overrides, record);
  else if (REC_IS_CHARGE (record))
    order[0] = RANK_LEDGER, order[1] = julian (&REC_CHARGE (record)->date), order[2] = 0,
      order[3] = position_in (data->charges, record);
  else if (REC_IS_PAYMENT (record))
    order[0] = RANK_LEDGER, order[1] = julian (&REC_PAYMENT (record)->date), order[2] = 1,
      order[3] = position_in (data->payments, record);
  else if (REC_IS_COMMUNICATION (record))
    order[0] = RANK_COMMUNICATION, order[1] = communication_day (REC_COMMUNICATION (record)),
      order[3] = position_in (data->communications, record);
  else if (REC_IS_ENFORCEMENT_STEP (record))
    order[0] = RANK_ENFORCEMENT, order[1] = julian (&REC_ENFORCEMENT_STEP (record)->date),
      order[3] = position_in (data->enforcement, record);
}

static int
compare_order (const guint a[4],
               const guint b[4])
{
  for (guint i = 0; i < 4; i++)
    if (a[i] != b[i])
      return a[i] < b[i] ? -1 : 1;
  return 0;
}

typedef struct
{
  const RecCaseData *data;
  RecEntity         *record;
  guint              order[4];
} Link;

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  return compare_order (((const Link *) a)->order, ((const Link *) b)->order);
}

/* The attachment's links in packet order; the case alone when it has none. */
static GArray *
sorted_links (const RecCaseData   *data,
              const RecAttachment *attachment)
{
  GArray *links = g_array_new (FALSE, TRUE, sizeof (Link));

  for (guint i = 0; attachment->links != NULL && i < attachment->links->len; i++)
    {
      Link link = { data, g_ptr_array_index (attachment->links, i), { 0 } };

      record_order (data, link.record, link.order);
      g_array_append_val (links, link);
    }
  if (links->len == 0)
    {
      Link link = { data, NULL, { RANK_CASE, 0, 0, 0 } };

      g_array_append_val (links, link);
    }
  g_array_sort (links, compare_links);
  return links;
}

static int
compare_exhibits (gconstpointer a,
                  gconstpointer b)
{
  const Exhibit *x = *(Exhibit * const *) a;
  const Exhibit *y = *(Exhibit * const *) b;
  int by_order = compare_order (x->order, y->order);

  if (by_order != 0)
    return by_order;
  if (g_strcmp0 (x->attachment->added_at, y->attachment->added_at) != 0)
    return g_strcmp0 (x->attachment->added_at, y->attachment->added_at);
  if (g_strcmp0 (x->attachment->name, y->attachment->name) != 0)
    return g_strcmp0 (x->attachment->name, y->attachment->name);
  return strcmp (x->attachment->sha256, y->attachment->sha256);
}

/* Descriptions */

/* What one record is, in the packet's words ("payment of $1,250.00 on
 * 03/04/2026"; transfer full). */
static char *
record_text (const RecPacket *packet,
             RecEntity       *record)
{
  const RecReportLabels *l = packet->labels;
  g_autofree char *money = NULL;
  g_autofree char *date = NULL;

  if (record == NULL)
    return g_strdup (l->proves_case);

  if (REC_IS_CHILD (record))
    return g_strdup_printf (l->proves_child, REC_CHILD (record)->name);
  if (REC_IS_TERM (record))
    {
      money = _rec_packet_money (packet, REC_TERM (record)->amount_cents);
      date = _rec_packet_date (packet, &REC_TERM (record)->effective);
      return g_strdup_printf (l->proves_term, money, date);
    }
  if (REC_IS_INTEREST_OVERRIDE (record))
    {
      date = _rec_packet_date (packet, &REC_INTEREST_OVERRIDE (record)->from);
      return g_strdup_printf (l->proves_override, date);
    }
  if (REC_IS_CHARGE (record))
    {
      money = _rec_packet_money (packet, REC_CHARGE (record)->amount_cents);
      date = _rec_packet_date (packet, &REC_CHARGE (record)->date);
      return g_strdup_printf (l->proves_charge, money, date);
    }
  if (REC_IS_PAYMENT (record))
    {
      money = _rec_packet_money (packet, REC_PAYMENT (record)->amount_cents);
      date = _rec_packet_date (packet, &REC_PAYMENT (record)->date);
      return g_strdup_printf (l->proves_payment, money, date);
    }
  if (REC_IS_COMMUNICATION (record))
    {
      guint day = communication_day (REC_COMMUNICATION (record));
      GDate when;

      g_date_clear (&when, 1);
      if (day != G_MAXUINT)
        g_date_set_julian (&when, day);
      date = _rec_packet_date (packet, &when);
      return g_strdup_printf (l->proves_communication, date);
    }
  if (REC_IS_ENFORCEMENT_STEP (record))
    {
      date = _rec_packet_date (packet, &REC_ENFORCEMENT_STEP (record)->date);
      return g_strdup_printf (l->proves_enforcement, date);
    }
  return g_strdup (l->none);
}

static void
describe (const RecPacket *packet,
          Exhibit         *exhibit,
          GArray          *links)
{
  const RecReportLabels *l = packet->labels;
  const char *name = *exhibit->attachment->name != '\0' ? exhibit->attachment->name : l->none;
  g_autoptr(GString) proves = g_string_new (NULL);
  g_autofree char *shown = NULL;

  for (guint i = 0; i < links->len && i < LISTED_RECORDS; i++)
    {
      g_autofree char *text = record_text (packet, g_array_index (links, Link, i).record);

      if (i > 0)
        g_string_append (proves, l->list_separator);
      g_string_append (proves, text);
    }
  shown = links->len > LISTED_RECORDS ? g_strdup_printf (l->exhibit_more, proves->str, links->len)
                                      : g_strdup (proves->str);
  exhibit->description = g_strdup_printf (l->exhibit_of, name, shown);
  exhibit->title = g_strdup_printf (l->exhibit_title, exhibit->number, name);
}

/* Content */

static gboolean
is_type (const RecAttachment *attachment,
         const char          *media_type)
{
  return g_strcmp0 (attachment->media_type, media_type) == 0;
}

static gboolean
is_image (const RecAttachment *attachment)
{
  return attachment->media_type != NULL && g_str_has_prefix (attachment->media_type, "image/");
}

/* Bytes as text: UTF-8 as it is, else Windows-1252 (what a "plain text"
 * export from a bank usually is), else UTF-8 made valid. */
static char *
bytes_to_text (const char *bytes,
               gssize      length,
               const char *charset)
{
  char *text;

  if (length < 0)
    length = strlen (bytes);
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0)
    {
      text = g_convert (bytes, length, "UTF-8", charset, NULL, NULL, NULL);
      if (text != NULL)
        return text;
    }
  if (g_utf8_validate (bytes, length, NULL))
    return g_strndup (bytes, length);
  text = g_convert (bytes, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  return text != NULL ? text : g_utf8_make_valid (bytes, length);
}

/* E-mail (RFC 5322, with the MIME most mail programs write) */

/* The value of header `name` in `headers` (unfolded; transfer full), or NULL. */
static char *
mail_header (const char *headers,
             const char *name)
{
  gsize name_length = strlen (name);

  for (const char *line = headers; line != NULL && *line != '\0';)
    {
      const char *end = strchr (line, '\n');

      if (g_ascii_strncasecmp (line, name, name_length) == 0 && line[name_length] == ':')
        {
          GString *value = g_string_new (NULL);
          const char *p = line + name_length + 1;

          for (;;)
            {
              const char *stop = end != NULL ? end : p + strlen (p);

              g_string_append_len (value, p, stop - p);
              if (end == NULL || (end[1] != ' ' && end[1] != '\t'))
                break;
              p = end + 1;
              end = strchr (p, '\n');
            }
          g_strdelimit (value->str, "\r\t", ' ');
          return g_strstrip (g_string_free (value, FALSE));
        }
      line = end != NULL ? end + 1 : NULL;
    }

  return NULL;
}

/* A header parameter ("charset", "boundary") of a header value, or NULL. */
static char *
header_parameter (const char *value,
                  const char *parameter)
{
  g_autofree char *lower = value != NULL ? g_ascii_strdown (value, -1) : NULL;
  g_autofree char *key = g_strconcat (parameter, "=", NULL);
  const char *at = lower != NULL ? strstr (lower, key) : NULL;
  const char *start;
  gsize length;

  if (at == NULL)
    return NULL;
  start = value + (at - lower) + strlen (key);
  if (*start == '"')
    {
      const char *close = strchr (start + 1, '"');

      return close != NULL ? g_strndup (start + 1, close - start - 1) : NULL;
    }
  length = strcspn (start, "; \t\r\n");
  return g_strndup (start, length);
}

static int
hex_value (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

/* Quoted-printable (RFC 2045; `header`: RFC 2047's "_" for a space). */
static GString *
decode_qp (const char *text,
           gsize       length,
           gboolean    header)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '=' && i + 2 < length + 1 && i + 1 < length && text[i + 1] == '\n')
        i += 1;
      else if (text[i] == '=' && i + 2 < length && text[i + 1] == '\r' && text[i + 2] == '\n')
        i += 2;
      else if (text[i] == '=' && i + 2 < length && hex_value (text[i + 1]) >= 0 && hex_value (text[i + 2]) >= 0)
        {
          g_string_append_c (out, (char) (hex_value (text[i + 1]) * 16 + hex_value (text[i + 2])));
          i += 2;
        }
      else if (header && text[i] == '_')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, text[i]);
    }

  return out;
}

/* RFC 2047 encoded words ("=?UTF-8?B?…?=") in a header's value. */
static char *
decode_words (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *p = value;

  while (*p != '\0')
    {
      const char *start = strstr (p, "=?");
      const char *charset_end, *encoding_end, *end;

      if (start == NULL)
        break;
      charset_end = strchr (start + 2, '?');
      encoding_end = charset_end != NULL ? strchr (charset_end + 1, '?') : NULL;
      end = encoding_end != NULL ? strstr (encoding_end + 1, "?=") : NULL;
      if (end == NULL || encoding_end != charset_end + 2)
        break;

      /* Whitespace between two encoded words is not shown. */
      {
        const char *q = p;

        while (q < start && g_ascii_isspace (*q))
          q++;
        if (q < start || out->len == 0 || p == value)
          g_string_append_len (out, p, start - p);
      }
      {
        g_autofree char *charset = g_strndup (start + 2, charset_end - start - 2);
        const char *data = encoding_end + 1;
        gsize length = end - data;
        g_autoptr(GString) bytes = NULL;
        g_autofree char *text = NULL;

        if (g_ascii_toupper (charset_end[1]) == 'B')
          {
            g_autofree char *encoded = g_strndup (data, length);
            gsize n = 0;
            g_autofree guchar *decoded = g_base64_decode (encoded, &n);

            bytes = g_string_new_len ((const char *) decoded, n);
          }
        else
          bytes = decode_qp (data, length, TRUE);
        text = bytes_to_text (bytes->str, bytes->len, charset);
        g_string_append (out, text);
      }
      p = end + 2;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/* The body of one MIME entity as text: its transfer encoding undone, its
 * charset converted; a multipart one's first text/plain part. */
static char *
mail_body (const char *entity,
           guint       depth)
{
  const char *split = strstr (entity, "\n\n");
  const char *split_crlf = strstr (entity, "\r\n\r\n");
  g_autofree char *headers = NULL;
  g_autofree char *type = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *charset = NULL;
  const char *body;

  if (split_crlf != NULL && (split == NULL || split_crlf < split))
    headers = g_strndup (entity, split_crlf - entity), body = split_crlf + 4;
  else if (split != NULL)
    headers = g_strndup (entity, split - entity), body = split + 2;
  else
    headers = g_strdup (entity), body = "";

  type = mail_header (headers, "Content-Type");
  encoding = mail_header (headers, "Content-Transfer-Encoding");
  charset = header_parameter (type, "charset");

  if (type != NULL && g_ascii_strncasecmp (type, "multipart/", 10) == 0 && depth < 4)
    {
      g_autofree char *boundary = header_parameter (type, "boundary");
      g_autofree char *marker = boundary != NULL ? g_strconcat ("--", boundary, NULL) : NULL;
      const char *part = marker != NULL ? strstr (body, marker) : NULL;
      char *first = NULL;

      while (part != NULL)
        {
          const char *start = strchr (part, '\n');
          const char *next = start != NULL ? strstr (start, marker) : NULL;
          g_autofree char *entity_text = NULL;
          g_autofree char *part_type = NULL;

          if (start == NULL || next == NULL)
            break;
          entity_text = g_strndup (start + 1, next - start - 1);
          part_type = mail_header (entity_text, "Content-Type");
          if (part_type == NULL || g_ascii_strncasecmp (part_type, "text/plain", 10) == 0
              || g_ascii_strncasecmp (part_type, "multipart/", 10) == 0)
            {
              first = mail_body (entity_text, depth + 1);
              if (first != NULL)
                return first;
            }
          part = next;
        }
      return depth == 0 ? g_strdup ("") : NULL;
    }
  if (type != NULL && depth > 0 && g_ascii_strncasecmp (type, "text/plain", 10) != 0)
    return NULL;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "base64") == 0)
    {
      gsize n = 0;
      g_autofree char *copy = g_strdup (body);
      g_autofree guchar *decoded = g_base64_decode (g_strdelimit (copy, "\r\n", ' '), &n);

      return bytes_to_text ((const char *) decoded, n, charset);
    }
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "quoted-printable") == 0)
    {
      g_autoptr(GString) decoded = decode_qp (body, strlen (body), FALSE);

      return bytes_to_text (decoded->str, decoded->len, charset);
    }
  return bytes_to_text (body, -1, charset);
}

/* From, To, Date and Subject, then the body. */
static char *
mail_text (const RecPacket *packet,
           const char      *message)
{
  const RecReportLabels *l = packet->labels;
  const char *names[] = { "From", "To", "Date", "Subject" };
  const char *labels[] = { l->mail_from, l->mail_to, l->mail_date, l->mail_subject };
  const char *split = strstr (message, "\n\n");
  const char *split_crlf = strstr (message, "\r\n\r\n");
  g_autofree char *headers = NULL;
  g_autofree char *body = mail_body (message, 0);
  GString *out = g_string_new (NULL);

  if (split_crlf != NULL && (split == NULL || split_crlf < split))
    split = split_crlf;
  headers = split != NULL ? g_strndup (message, split - message) : g_strdup (message);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *value = mail_header (headers, names[i]);
      g_autofree char *decoded = value != NULL ? decode_words (value) : NULL;

      if (decoded != NULL)
        g_string_append_printf (out, "%s: %s\n", labels[i], decoded);
    }
  g_string_append_c (out, '\n');
  g_string_append (out, body != NULL ? body : "");

  return g_string_free (out, FALSE);
}

/* Decides how an exhibit shows and prepares what the page count needs. */
static void
prepare_content (const RecPacket *packet,
                 Exhibit         *exhibit)
{
  const RecAttachment *attachment = exhibit->attachment;
  gsize size = 0;
  const char *bytes = attachment->data != NULL ? g_bytes_get_data (attachment->data, &size) : NULL;

  if (bytes == NULL || size == 0)
    {
      exhibit->kind = SHOW_UNREADABLE;
      return;
    }

  if (is_type (attachment, "application/pdf") && !api_ready ())
    exhibit->kind = SHOW_UNREADABLE;
  else if (is_type (attachment, "application/pdf"))
    {
      exhibit->document = api.poppler_document_new_from_bytes (attachment->data, NULL, NULL);
      exhibit->kind = exhibit->document != NULL && api.poppler_document_get_n_pages (exhibit->document) > 0
                      ? SHOW_PDF : SHOW_UNREADABLE;
      exhibit->cut = exhibit->kind == SHOW_PDF
                     && api.poppler_document_get_n_pages (exhibit->document) > PDF_MAX_PAGES;
    }
  else if (is_image (attachment))
    exhibit->kind = SHOW_IMAGE;
  else if (is_type (attachment, "text/plain") || is_type (attachment, "text/csv")
           || is_type (attachment, "message/rfc822"))
    {
      gsize shown = MIN (size, (gsize) TEXT_MAX_BYTES);
      g_autofree char *text = NULL;

      /* Never cut inside a UTF-8 character. */
      while (shown < size && shown > 0 && ((guchar) bytes[shown] & 0xC0) == 0x80)
        shown--;
      text = bytes_to_text (bytes, is_type (attachment, "message/rfc822") ? (gssize) size : (gssize) shown,
                            NULL);
      exhibit->kind = is_type (attachment, "message/rfc822") ? SHOW_MAIL : SHOW_TEXT;
      exhibit->text = exhibit->kind == SHOW_MAIL ? mail_text (packet, text) : g_steal_pointer (&text);
      if (exhibit->kind == SHOW_MAIL && strlen (exhibit->text) > TEXT_MAX_BYTES)
        {
          char *end = exhibit->text + TEXT_MAX_BYTES;

          while (end > exhibit->text && ((guchar) *end & 0xC0) == 0x80)
            end--;
          *end = '\0';
          exhibit->cut = TRUE;
        }
      else
        exhibit->cut = exhibit->kind == SHOW_TEXT && shown < size;
    }
  else
    exhibit->kind = SHOW_NAME;
}

/* Images */

typedef struct
{
  int max_width;
  int max_height;
} Fit;

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  const Fit *fit = user_data;
  double scale;

  if (width <= 0 || height <= 0 || (width <= fit->max_width && height <= fit->max_height))
    return;
  scale = MIN ((double) fit->max_width / width, (double) fit->max_height / height);
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) floor (width * scale)),
                              MAX (1, (int) floor (height * scale)));
}

/* The image decoded, turned as its EXIF says and no larger than the box
 * (pixels; 0: as it is); NULL when it cannot be read. */
static GdkPixbuf *
decode_image (GBytes *data,
              int     max_width,
              int     max_height)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  Fit fit = { max_width > 0 ? max_width : G_MAXINT, max_height > 0 ? max_height : G_MAXINT };
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &fit);
  if (!gdk_pixbuf_loader_write (loader, bytes, size, NULL))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, NULL))
    return NULL;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  return pixbuf != NULL ? gdk_pixbuf_apply_embedded_orientation (pixbuf) : NULL;
}

/* Three bytes a pixel, rows without padding; transparency over white. */
static guint8 *
pixbuf_rgb (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  guint8 *rgb = g_malloc ((gsize) width * height * 3);

  for (int y = 0; y < height; y++)
    {
      const guint8 *in = pixels + (gsize) y * stride;
      guint8 *out = rgb + (gsize) y * width * 3;

      for (int x = 0; x < width; x++, in += channels, out += 3)
        for (int c = 0; c < 3; c++)
          out[c] = alpha ? (guint8) ((in[c] * in[3] + 255 * (255 - in[3]) + 127) / 255) : in[c];
    }

  return rgb;
}

static void
on_area_prepared (GdkPixbufLoader *loader,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Reads no more of the image than its header: whether it can be read, and
 * whether its EXIF says to turn it. */
static gboolean
probe_image (GBytes   *data,
             gboolean *turned)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  gboolean prepared = FALSE;
  gboolean readable = TRUE;
  const char *orientation;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "area-prepared", G_CALLBACK (on_area_prepared), &prepared);
  for (gsize done = 0; done < size && !prepared && readable; done += PROBE_CHUNK)
    readable = gdk_pixbuf_loader_write (loader, bytes + done, MIN (PROBE_CHUNK, size - done), NULL);
  pixbuf = prepared && readable ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  orientation = pixbuf != NULL ? gdk_pixbuf_get_option (pixbuf, "orientation") : NULL;
  *turned = orientation != NULL && !g_str_equal (orientation, "1");
  /* Closing before the end is an error of the loader's, not of the file. */
  gdk_pixbuf_loader_close (loader, NULL);

  return pixbuf != NULL;
}

/* An image exhibit made ready for its page (any thread): with the originals,
 * a JPEG or a PNG goes in as it is (unless its EXIF turns it); otherwise it
 * is decoded, downsampled to 150 dpi for its box, and goes in as a JPEG (a
 * photo) or as pixels (a screenshot). */
static void
prepare_image (Exhibit  *exhibit,
               gboolean  no_originals,
               double    box_width)
{
  const RecAttachment *attachment = exhibit->attachment;
  gboolean jpeg = is_type (attachment, "image/jpeg");
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  gboolean turned = FALSE;

  if (!no_originals && (jpeg || is_type (attachment, "image/png")))
    {
      if (!probe_image (attachment->data, &turned))
        return;
      exhibit->as_is = !turned;
      if (exhibit->as_is)
        return;
    }

  pixbuf = decode_image (attachment->data, (int) ceil (box_width / 72.0 * EXHIBIT_DPI),
                         (int) ceil (MAX (exhibit->box_height, 72.0) / 72.0 * EXHIBIT_DPI));
  if (pixbuf == NULL)
    return;
  exhibit->width = gdk_pixbuf_get_width (pixbuf);
  exhibit->height = gdk_pixbuf_get_height (pixbuf);
  if (jpeg)
    {
      char *buffer = NULL;
      gsize size = 0;

      if (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", NULL, "quality", JPEG_QUALITY, NULL))
        {
          exhibit->jpeg = g_bytes_new_take (buffer, size);
          return;
        }
    }
  exhibit->rgb = pixbuf_rgb (pixbuf);
}

typedef struct
{
  gboolean no_originals;
  double   box_width;
} Preparing;

static void
prepare_one (gpointer data,
             gpointer user_data)
{
  const Preparing *preparing = user_data;

  prepare_image (data, preparing->no_originals, preparing->box_width);
}

/* Decoding photos is most of a packet's time: on every processor. */
static void
prepare_images (const RecPacket *packet,
                GPtrArray       *exhibits)
{
  Preparing preparing = { packet->input->no_originals, rec_pdf_get_width (packet->pdf) };
  GThreadPool *pool = g_thread_pool_new (prepare_one, &preparing,
                                         CLAMP ((int) g_get_num_processors (), 1, 8), FALSE, NULL);

  for (guint i = 0; i < exhibits->len; i++)
    {
      Exhibit *exhibit = g_ptr_array_index (exhibits, i);

      if (exhibit->kind == SHOW_IMAGE)
        g_thread_pool_push (pool, exhibit, NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
}

/* The image made ready, in the document; NULL when it cannot be read. */
static RecPdfImage *
image_of (const RecPacket *packet,
          Exhibit         *exhibit)
{
  RecPdf *pdf = packet->pdf;
  gsize size;
  const guint8 *bytes;
  RecPdfImage *image;

  if (exhibit->as_is)
    {
      bytes = g_bytes_get_data (exhibit->attachment->data, &size);
      image = is_type (exhibit->attachment, "image/jpeg") ? rec_pdf_image_new_jpeg (pdf, bytes, size)
                                                           : rec_pdf_image_new_png (pdf, bytes, size);
      if (image != NULL)
        return image;
      /* libharu does not take every JPEG and PNG: decode it then. */
      exhibit->as_is = FALSE;
      prepare_image (exhibit, TRUE, rec_pdf_get_width (pdf));
    }
  if (exhibit->jpeg != NULL)
    {
      bytes = g_bytes_get_data (exhibit->jpeg, &size);
      return rec_pdf_image_new_jpeg (pdf, bytes, size);
    }
  if (exhibit->rgb != NULL)
    return rec_pdf_image_new_rgb (pdf, exhibit->rgb, exhibit->width, exhibit->height);
  return NULL;
}

/* A PDF page rendered at 150 dpi, as pixels; NULL when poppler or cairo fail. */
static RecPdfImage *
render_page (RecPdf      *pdf,
             PopplerPage *page)
{
  double width = 0, height = 0;
  double scale = EXHIBIT_DPI / 72.0;
  int pixels_wide, pixels_high;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree guint8 *rgb = NULL;
  RecPdfImage *image = NULL;

  api.poppler_page_get_size (page, &width, &height);
  pixels_wide = (int) ceil (CLAMP (width, 1.0, 14400.0) * scale);
  pixels_high = (int) ceil (CLAMP (height, 1.0, 14400.0) * scale);
  /* A page larger than 60 inches is drawn at a lower resolution. */
  if ((gint64) pixels_wide * pixels_high > 9000 * 9000)
    {
      double shrink = sqrt ((9000.0 * 9000.0) / ((double) pixels_wide * pixels_high));

      scale *= shrink;
      pixels_wide = MAX (1, (int) (pixels_wide * shrink));
      pixels_high = MAX (1, (int) (pixels_high * shrink));
    }

  surface = api.cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixels_wide, pixels_high);
  if (api.cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      api.cairo_surface_destroy (surface);
      return NULL;
    }
  cr = api.cairo_create (surface);
  api.cairo_set_source_rgb (cr, 1, 1, 1);
  api.cairo_paint (cr);
  api.cairo_scale (cr, scale, scale);
  api.poppler_page_render_for_printing (page, cr);
  api.cairo_destroy (cr);
  api.cairo_surface_flush (surface);

  if (api.cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      const guint8 *data = api.cairo_image_surface_get_data (surface);
      int stride = api.cairo_image_surface_get_stride (surface);

      rgb = g_malloc ((gsize) pixels_wide * pixels_high * 3);
      for (int y = 0; y < pixels_high; y++)
        {
          const guint32 *in = (const guint32 *) (data + (gsize) y * stride);
          guint8 *out = rgb + (gsize) y * pixels_wide * 3;

          for (int x = 0; x < pixels_wide; x++, out += 3)
            {
              out[0] = (in[x] >> 16) & 0xFF;
              out[1] = (in[x] >> 8) & 0xFF;
              out[2] = in[x] & 0xFF;
            }
        }
      image = rec_pdf_image_new_rgb (pdf, rgb, pixels_wide, pixels_high);
    }
  api.cairo_surface_destroy (surface);

  return image;
}

static RecPdfImage *
pdf_page_image (RecPdf          *pdf,
                PopplerDocument *document,
                int              index)
{
  PopplerPage *page = api.poppler_document_get_page (document, index);
  RecPdfImage *image;

  if (page == NULL)
    return NULL;
  image = render_page (pdf, page);
  g_object_unref (page);
  return image;
}

/* Pages */

/* The top of an exhibit's first page: "Exhibit 3", what it is, its hash. */
static void
first_page (const RecPacket *packet,
            const Exhibit   *exhibit)
{
  const RecReportLabels *l = packet->labels;
  g_autofree char *heading = g_strdup_printf (l->exhibit_n, exhibit->number);
  g_autofree char *hash = g_strdup_printf (l->sha256, exhibit->attachment->sha256);

  rec_pdf_new_page (packet->pdf);
  rec_pdf_outline_add (packet->pdf, exhibit->title);
  rec_pdf_heading (packet->pdf, heading, H1_SIZE, 0.0);
  rec_pdf_paragraph (packet->pdf, exhibit->description, TEXT_SIZE, FALSE);
  rec_pdf_paragraph (packet->pdf, hash, REC_PDF_SMALL_SIZE, FALSE);
  rec_pdf_skip (packet->pdf, 8.0);
}

/* "Exhibit 3, page 2 of 5" atop every later page of a PDF exhibit. */
static void
later_page (const RecPacket *packet,
            const Exhibit   *exhibit,
            guint            page,
            guint            n_pages)
{
  g_autofree char *caption = g_strdup_printf (packet->labels->exhibit_page, exhibit->number, page, n_pages);

  rec_pdf_new_page (packet->pdf);
  rec_pdf_paragraph (packet->pdf, caption, REC_PDF_SMALL_SIZE, TRUE);
  rec_pdf_skip (packet->pdf, 4.0);
}

static char *
size_text (gint64 size)
{
  return g_format_size_full ((guint64) MAX (size, 0), G_FORMAT_SIZE_DEFAULT);
}

/* The note under an exhibit a page cannot show or could not read. */
static void
naming_page (const RecPacket *packet,
             const Exhibit   *exhibit)
{
  const RecReportLabels *l = packet->labels;
  const RecAttachment *attachment = exhibit->attachment;
  g_autofree char *size = size_text (attachment->size);
  g_autofree char *text = NULL;

  text = exhibit->kind == SHOW_NAME
         ? g_strdup_printf (l->exhibit_not_shown, attachment->name, attachment->media_type, size)
         : g_strdup_printf (l->exhibit_unreadable, attachment->name, attachment->media_type);
  rec_pdf_paragraph (packet->pdf, text, TEXT_SIZE, FALSE);
  rec_pdf_skip (packet->pdf, 4.0);
  rec_pdf_paragraph (packet->pdf, packet->input->no_originals ? l->exhibit_original_none : l->exhibit_original,
                     TEXT_SIZE, FALSE);
}

static void
write_image (const RecPacket *packet,
             Exhibit         *exhibit,
             gboolean         dry)
{
  RecPdfImage *image;

  first_page (packet, exhibit);
  if (dry)
    {
      exhibit->box_height = rec_pdf_get_space (packet->pdf);
      return;
    }

  image = image_of (packet, exhibit);
  if (image == NULL)
    {
      exhibit->kind = SHOW_UNREADABLE;
      naming_page (packet, exhibit);
      return;
    }
  rec_pdf_image_draw (packet->pdf, image, IMAGE_MAX_SCALE, FALSE);
}

static void
write_pdf (const RecPacket *packet,
           Exhibit         *exhibit,
           gboolean         dry)
{
  guint n_pages = MIN ((guint) api.poppler_document_get_n_pages (exhibit->document), PDF_MAX_PAGES);

  for (guint i = 0; i < n_pages && !rec_pdf_has_failed (packet->pdf); i++)
    {
      RecPdfImage *image;

      if (i == 0)
        first_page (packet, exhibit);
      else
        later_page (packet, exhibit, i + 1, n_pages);
      if (i == 0 && exhibit->cut)
        rec_pdf_paragraph (packet->pdf, packet->labels->exhibit_cut, TEXT_SIZE - 1.0, TRUE);
      if (dry)
        continue;

      image = pdf_page_image (packet->pdf, exhibit->document, (int) i);
      if (image != NULL)
        rec_pdf_image_draw (packet->pdf, image, 0.0, TRUE);
      else
        {
          g_autofree char *text = g_strdup_printf (packet->labels->exhibit_unreadable,
                                                   exhibit->attachment->name,
                                                   exhibit->attachment->media_type);

          rec_pdf_paragraph (packet->pdf, text, TEXT_SIZE, FALSE);
        }
    }
}

static void
write_text (const RecPacket *packet,
            Exhibit         *exhibit)
{
  first_page (packet, exhibit);
  rec_pdf_paragraph (packet->pdf, exhibit->text, TEXT_SIZE - 0.5, FALSE);
  if (exhibit->cut)
    {
      rec_pdf_skip (packet->pdf, 6.0);
      rec_pdf_paragraph (packet->pdf, packet->labels->exhibit_cut, TEXT_SIZE - 1.0, TRUE);
    }
}

static gboolean
is_compressed (const RecAttachment *attachment)
{
  return is_image (attachment) || is_type (attachment, "application/pdf");
}

static gboolean
write_exhibit (const RecPacket  *packet,
               Exhibit          *exhibit,
               gboolean          dry,
               GError          **error)
{
  guint before = rec_pdf_get_n_pages (packet->pdf);

  switch (exhibit->kind)
    {
    case SHOW_IMAGE:
      write_image (packet, exhibit, dry);
      break;
    case SHOW_PDF:
      write_pdf (packet, exhibit, dry);
      break;
    case SHOW_TEXT:
    case SHOW_MAIL:
      write_text (packet, exhibit);
      break;
    case SHOW_NAME:
    case SHOW_UNREADABLE:
    default:
      first_page (packet, exhibit);
      naming_page (packet, exhibit);
      break;
    }
  exhibit->n_pages = rec_pdf_get_n_pages (packet->pdf) - before;

  if (dry || packet->input->no_originals || exhibit->attachment->data == NULL)
    return TRUE;
  return rec_pdf_attach (packet->pdf, exhibit->attachment->name, exhibit->attachment->data,
                         exhibit->description, !is_compressed (exhibit->attachment), error);
}

/* The imported files the user keeps (over the attachment limit): no exhibit
 * number and no pages, their line and SHA-256 (spec/import.md §1). */
static void
kept_rows (const RecPacket *packet,
           RecPdfTable     *table)
{
  GPtrArray *kept = packet->input->kept_sources;

  for (guint i = 0; kept != NULL && i < kept->len && !rec_pdf_has_failed (packet->pdf); i++)
    {
      const RecReportKeptSource *source = g_ptr_array_index (kept, i);
      g_autofree char *hash = g_strdup_printf (packet->labels->sha256, source->sha256);
      g_autofree char *description = g_strdup_printf ("%s\n%s", source->text, hash);
      const char *cells[] = { "—", description, "—", "—" };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
}

/* The index: number, description and hash, first page, pages. `base` is
 * the number of the index's first page; 0 in the dry run. */
static void
write_index (const RecPacket *packet,
             GPtrArray       *exhibits,
             guint            base)
{
  const RecReportLabels *l = packet->labels;
  const RecPdfColumn columns[] = {
    { l->exhibit, 1.2, REC_PDF_ALIGN_LEFT },
    { l->description, 6.4, REC_PDF_ALIGN_LEFT },
    { l->first_page, 1.2, REC_PDF_ALIGN_RIGHT, "00000" },
    { l->pages, 0.9, REC_PDF_ALIGN_RIGHT, "0000" },
  };
  RecPdfTable *table;

  _rec_packet_section (packet, l->exhibit_index);
  rec_pdf_paragraph (packet->pdf, packet->input->no_originals ? l->exhibit_index_intro_none
                                                              : l->exhibit_index_intro,
                     TEXT_SIZE, FALSE);
  rec_pdf_skip (packet->pdf, 6.0);

  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  for (guint i = 0; i < exhibits->len && !rec_pdf_has_failed (packet->pdf); i++)
    {
      const Exhibit *exhibit = g_ptr_array_index (exhibits, i);
      g_autofree char *number = g_strdup_printf ("%u", exhibit->number);
      g_autofree char *hash = g_strdup_printf (l->sha256, exhibit->attachment->sha256);
      g_autofree char *description = g_strdup_printf ("%s\n%s", exhibit->description, hash);
      /* The dry run writes the widest number the real one may. */
      g_autofree char *first = g_strdup_printf ("%u", base > 0 ? base + exhibit->first_page : 99999);
      g_autofree char *pages = g_strdup_printf ("%u", exhibit->n_pages);
      const char *cells[] = { number, description, first, pages };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  kept_rows (packet, table);
  rec_pdf_table_end (table);
}

/* The index and every exhibit into `packet`'s document; `base` as for
 * write_index. */
static gboolean
write_all (const RecPacket  *packet,
           GPtrArray        *exhibits,
           guint             base,
           gboolean          dry,
           GError          **error)
{
  guint start = rec_pdf_get_n_pages (packet->pdf);

  write_index (packet, exhibits, base);
  for (guint i = 0; i < exhibits->len && !rec_pdf_has_failed (packet->pdf); i++)
    {
      Exhibit *exhibit = g_ptr_array_index (exhibits, i);

      if (dry)
        exhibit->first_page = rec_pdf_get_n_pages (packet->pdf) - start;
      if (!write_exhibit (packet, exhibit, dry, error))
        return FALSE;
    }

  return TRUE;
}

/* The case's attachments as exhibits, numbered in packet order. */
static GPtrArray *
numbered_exhibits (const RecCaseData *data)
{
  GPtrArray *exhibits = g_ptr_array_new_with_free_func ((GDestroyNotify) exhibit_free);

  for (guint i = 0; i < data->attachments->len; i++)
    {
      Exhibit *exhibit = g_new0 (Exhibit, 1);
      g_autoptr(GArray) links = NULL;

      exhibit->attachment = g_ptr_array_index (data->attachments, i);
      links = sorted_links (data, exhibit->attachment);
      memcpy (exhibit->order, g_array_index (links, Link, 0).order, sizeof exhibit->order);
      g_ptr_array_add (exhibits, exhibit);
    }
  g_ptr_array_sort (exhibits, compare_exhibits);
  for (guint i = 0; i < exhibits->len; i++)
    ((Exhibit *) g_ptr_array_index (exhibits, i))->number = i + 1;

  return exhibits;
}

GHashTable *
_rec_report_exhibit_refs (const RecReportInput *input)
{
  const RecCaseData *data = input->case_data;
  g_autoptr(GPtrArray) exhibits = NULL;
  GHashTable *refs;

  if (data->attachments == NULL || data->attachments->len == 0)
    return NULL;

  refs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  exhibits = numbered_exhibits (data);
  for (guint i = 0; i < exhibits->len; i++)
    {
      const Exhibit *exhibit = g_ptr_array_index (exhibits, i);
      GPtrArray *links = exhibit->attachment->links;
      g_autofree char *name = g_strdup_printf (input->labels->exhibit_n, exhibit->number);

      for (guint j = 0; links != NULL && j < links->len; j++)
        {
          gpointer record = g_ptr_array_index (links, j);
          const char *before = g_hash_table_lookup (refs, record);

          g_hash_table_insert (refs, record,
                               before != NULL ? g_strconcat (before, input->labels->list_separator, name, NULL)
                                              : g_strdup (name));
        }
    }

  return refs;
}

gboolean
_rec_report_write_exhibits (const RecPacket  *packet,
                            GError          **error)
{
  const RecCaseData *data = packet->input->case_data;
  g_autoptr(GPtrArray) exhibits = NULL;
  g_autoptr(RecPdf) scratch = NULL;
  RecPacket dry_packet = *packet;

  if (rec_pdf_has_failed (packet->pdf))
    return TRUE;
  if ((data->attachments == NULL || data->attachments->len == 0)
      && (packet->input->kept_sources == NULL || packet->input->kept_sources->len == 0))
    return TRUE;

  exhibits = data->attachments != NULL ? numbered_exhibits (data)
                                       : g_ptr_array_new_with_free_func ((GDestroyNotify) exhibit_free);
  for (guint i = 0; i < exhibits->len; i++)
    {
      Exhibit *exhibit = g_ptr_array_index (exhibits, i);
      g_autoptr(GArray) links = sorted_links (data, exhibit->attachment);

      describe (packet, exhibit, links);
      prepare_content (packet, exhibit);
    }

  /* The dry run: the same pages without images, to learn the first pages. */
  scratch = rec_pdf_new (packet->input->paper, error);
  if (scratch == NULL)
    return FALSE;
  dry_packet.pdf = scratch;
  if (!write_all (&dry_packet, exhibits, 0, TRUE, error))
    return FALSE;
  prepare_images (packet, exhibits);

  return write_all (packet, exhibits, rec_pdf_get_n_pages (packet->pdf) + 1, FALSE, error);
}
