/* rec-import-ofx.c — OFX and QFX statements (1.x SGML, 2.x XML) through libofx
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libofx parses the file (it needs a path) and says which transactions it
 * holds and of which type. Two things it cannot give us exactly, and which
 * are read from the file's own text instead, by a small scan of each
 * <STMTTRN> aggregate in the same order:
 *  - the amount: libofx hands it over as a double (-82.17 arrives as
 *    -82.170000000000002), and no money here ever goes through a double; the
 *    <TRNAMT> text is parsed to integer cents digit by digit;
 *  - the date: libofx turns <DTPOSTED> into a time_t in the process's time
 *    zone; the bank's calendar day is the first eight digits of the text.
 * The scan also keeps <NAME> and <MEMO> as written (libofx's SGML parser
 * eats "&E" of "PG&E") and the line of each <STMTTRN> for the report.
 *
 * libofx accepts a truncated file silently (it returns what it read), so a
 * file without its </OFX> end is refused here, naming the file and line.
 * QFX (Quicken's OFX with <INTU.BID> and the like) is OFX to libofx, which
 * skips the elements it does not know.
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import-payments-private.h"

#include <glib/gi18n.h>
#include <libofx/libofx.h>
#include <string.h>

/* One <STMTTRN> as the file writes it. */
typedef struct
{
  guint  line;
  char  *type;
  char  *posted;
  char  *amount;
  char  *fitid;
  char  *name;
  char  *memo;
  char  *checknum;
} Scanned;

/* What libofx made of one transaction. */
typedef struct
{
  TransactionType type;
  gboolean        type_valid;
  char           *fitid;
  char           *name;
} Parsed;

/* libofx's message switches are process globals, and its parser is not
 * known to be reentrant: one file at a time. */
G_LOCK_DEFINE_STATIC (libofx);

static void
scanned_free (gpointer data)
{
  Scanned *scanned = data;

  g_free (scanned->type);
  g_free (scanned->posted);
  g_free (scanned->amount);
  g_free (scanned->fitid);
  g_free (scanned->name);
  g_free (scanned->memo);
  g_free (scanned->checknum);
  g_free (scanned);
}

static void
parsed_free (gpointer data)
{
  Parsed *parsed = data;

  g_free (parsed->fitid);
  g_free (parsed->name);
  g_free (parsed);
}

/* The five XML entities and numeric references; any other '&' is text
 * (SGML files write "PG&E"). */
static char *
decode_text (const char *text,
             gsize       len)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
  };
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      gboolean done = FALSE;

      for (guint e = 0; e < G_N_ELEMENTS (entities) && text[i] == '&' && !done; e++)
        {
          gsize n = strlen (entities[e].name);

          if (len - i >= n && strncmp (text + i, entities[e].name, n) == 0)
            {
              g_string_append (out, entities[e].text);
              i += n - 1;
              done = TRUE;
            }
        }
      if (!done && text[i] == '&' && i + 2 < len && text[i + 1] == '#')
        {
          char *end = NULL;
          guint64 code = g_ascii_strtoull (text + i + 2, &end, 10);

          if (end != NULL && end < text + len && *end == ';' && code > 0 && code < 0x110000
              && g_unichar_validate ((gunichar) code))
            {
              g_string_append_unichar (out, (gunichar) code);
              i = (gsize) (end - text);
              done = TRUE;
            }
        }
      if (!done)
        g_string_append_c (out, text[i]);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* The text after a tag, up to the next tag or the end of the line. */
static char *
value_after (const char *p,
             const char *end)
{
  const char *stop = p;

  while (stop < end && *stop != '<' && *stop != '\n' && *stop != '\r')
    stop++;
  return decode_text (p, (gsize) (stop - p));
}

static char **
field_of (Scanned    *scanned,
          const char *tag)
{
  static const char *const tags[] = { "TRNTYPE", "DTPOSTED", "TRNAMT", "FITID", "NAME",
                                      "MEMO", "CHECKNUM" };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_ascii_strcasecmp (tag, tags[i]) == 0)
      {
        char **fields[] = { &scanned->type, &scanned->posted, &scanned->amount,
                            &scanned->fitid, &scanned->name, &scanned->memo,
                            &scanned->checknum };
        return fields[i];
      }
  return NULL;
}

/* Every <STMTTRN> of the file, in order; *out_complete when </OFX> is
 * there, *out_lines the file's last line. */
static GPtrArray *
scan (const char *data,
      gsize       size,
      gboolean   *out_complete,
      guint      *out_lines)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (scanned_free);
  const char *end = data + size;
  Scanned *current = NULL;
  guint line = 1;

  *out_complete = FALSE;
  for (const char *p = data; p < end; p++)
    {
      char tag[32];
      gsize n = 0;
      char **field;

      if (*p == '\n')
        line++;
      if (*p != '<')
        continue;
      for (p++; p < end && *p != '>' && *p != '<' && *p != '\n' && n + 1 < sizeof tag; p++)
        tag[n++] = *p;
      tag[n] = '\0';
      if (p >= end || *p != '>')
        {
          p--;
          continue;
        }
      if (g_ascii_strcasecmp (tag, "STMTTRN") == 0)
        {
          current = g_new0 (Scanned, 1);
          current->line = line;
          g_ptr_array_add (found, current);
        }
      else if (g_ascii_strcasecmp (tag, "/STMTTRN") == 0)
        current = NULL;
      else if (g_ascii_strcasecmp (tag, "/OFX") == 0)
        *out_complete = TRUE;
      else if (current != NULL && (field = field_of (current, tag)) != NULL && *field == NULL)
        *field = value_after (p + 1, end);
    }
  *out_lines = line;
  return found;
}

static int
transaction_cb (const struct OfxTransactionData data,
                void                           *user_data)
{
  GPtrArray *parsed = user_data;
  Parsed *transaction = g_new0 (Parsed, 1);

  transaction->type = data.transactiontype;
  transaction->type_valid = data.transactiontype_valid;
  transaction->fitid = g_strdup (data.fi_id_valid ? data.fi_id : "");
  transaction->name = g_strdup (data.name_valid ? data.name : "");
  g_ptr_array_add (parsed, transaction);
  return 0;
}

/* libofx's reading of the file, or NULL when it could not read it. */
static GPtrArray *
parse_with_libofx (const char *path)
{
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func (parsed_free);
  LibofxContextPtr context;
  int status;

  G_LOCK (libofx);
  /* libofx prints every event to stderr unless told not to. */
  ofx_PARSER_msg = ofx_DEBUG_msg = ofx_DEBUG1_msg = ofx_DEBUG2_msg = ofx_DEBUG3_msg = 0;
  ofx_DEBUG4_msg = ofx_DEBUG5_msg = ofx_STATUS_msg = ofx_INFO_msg = 0;
  ofx_WARNING_msg = ofx_ERROR_msg = 0;
  context = libofx_get_new_context ();
  ofx_set_transaction_cb (context, transaction_cb, parsed);
  status = libofx_proc_file (context, path, OFX);
  libofx_free_context (context);
  G_UNLOCK (libofx);
  if (status < 0)
    return NULL;
  return g_steal_pointer (&parsed);
}

/* libofx's transaction for the n-th scanned one: the same index when the
 * FITIDs agree, else the one with that FITID (NULL if none). */
static const Parsed *
pair (GPtrArray     *parsed,
      guint          index,
      const Scanned *scanned)
{
  const char *fitid = scanned->fitid ? scanned->fitid : "";

  if (index < parsed->len && g_str_equal (((Parsed *) parsed->pdata[index])->fitid, fitid))
    return parsed->pdata[index];
  for (guint i = 0; i < parsed->len && *fitid != '\0'; i++)
    if (g_str_equal (((Parsed *) parsed->pdata[i])->fitid, fitid))
      return parsed->pdata[i];
  return NULL;
}

/* Money received (spec §3: CREDIT and DEP; and a positive amount of the
 * types that can be money in — a direct deposit, a transfer, a standing
 * order, a cash or check deposit at an ATM). Interest, dividends, fees and
 * service charges are the bank's, never the other parent's; a positive
 * DEBIT or DIRECTDEBIT is a reversal. */
static gboolean
is_credit (const Parsed *parsed,
           const char   *type_text,
           RecCents      cents)
{
  TransactionType type;

  if (cents <= 0)
    return FALSE;
  if (parsed != NULL && parsed->type_valid)
    type = parsed->type;
  else
    return type_text != NULL && (g_ascii_strcasecmp (type_text, "CREDIT") == 0
                                 || g_ascii_strcasecmp (type_text, "DEP") == 0);
  switch (type)
    {
    case OFX_INT:
    case OFX_DIV:
    case OFX_FEE:
    case OFX_SRVCHG:
    case OFX_DEBIT:
    case OFX_DIRECTDEBIT:
      return FALSE;
    default:
      return TRUE;
    }
}

/* <DTPOSTED>20240105120000[-8:PST]: the first eight digits. */
static gboolean
parse_posted (const char *text,
              GDate      *out_date)
{
  int year, month, day;

  if (text == NULL || strlen (text) < 8)
    return FALSE;
  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[4] - '0') * 10 + (text[5] - '0');
  day = (text[6] - '0') * 10 + (text[7] - '0');
  if (year < 1 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static char *
describe (const char *name,
          const char *memo)
{
  if (*name == '\0')
    return g_strdup (memo);
  if (*memo == '\0' || g_str_equal (name, memo))
    return g_strdup (name);
  /* Translators: an OFX transaction in the import list: its name and memo
   * ("ZELLE FROM MARK SMITH — child support January"). */
  return g_strdup_printf (_("%s — %s"), name, memo);
}

static void
add_transaction (RecImportSource               *source,
                 const RecImportPaymentOptions *options,
                 const Scanned                 *scanned,
                 const Parsed                  *parsed)
{
  const char *name = scanned->name ? scanned->name : parsed ? parsed->name : "";
  const char *memo = scanned->memo ? scanned->memo : "";
  const char *amount = scanned->amount ? scanned->amount : "";
  const char *checknum = scanned->checknum ? scanned->checknum : "";
  g_autofree char *description = describe (name, memo);
  g_autofree char *match = *memo != '\0' ? g_strjoin (" ", name, memo, NULL) : g_strdup (name);
  /* OFX allows a comma as the decimal mark; it never groups thousands. */
  gboolean comma = strchr (amount, ',') != NULL && strchr (amount, '.') == NULL;
  RecPaymentMethod method;
  RecCents cents = 0;
  char *reason = NULL;
  GDate date;

  if (!parse_posted (scanned->posted, &date))
    {
      g_autofree char *quoted = rec_core_quote_text (scanned->posted ? scanned->posted : "");

      /* Translators: an OFX transaction's <DTPOSTED>, quoted as in the file. */
      _rec_import_add_rejected (source, scanned->line,
                                g_strdup_printf (_("\"%s\" is not a date"), quoted));
      return;
    }
  if (!_rec_import_parse_amount (amount, comma, &cents, &reason))
    {
      _rec_import_add_rejected (source, scanned->line, reason);
      return;
    }
  if (cents == 0)
    return;
  method = options->method >= 0 ? (RecPaymentMethod) options->method
           : *checknum != '\0' ? REC_PAYMENT_METHOD_CHECK : REC_PAYMENT_METHOD_BANK_TRANSFER;
  _rec_import_add_payment (source, scanned->line, &date, cents,
                           is_credit (parsed, scanned->type, cents), method,
                           scanned->fitid ? scanned->fitid : "", description, match);
}

gboolean
_rec_import_looks_like_ofx (const char *data,
                            gsize       size)
{
  gsize n = MIN (size, (gsize) 4096);
  g_autofree char *head = g_ascii_strup (data, (gssize) n);
  const char *p = head;

  /* A byte-order mark and blank lines may come first. */
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  return g_str_has_prefix (p, "OFXHEADER:") || strstr (p, "<?OFX") != NULL
         || strstr (p, "<OFX>") != NULL;
}

gboolean
_rec_import_read_ofx (RecImportSource               *source,
                      const char                    *data,
                      gsize                          size,
                      const RecImportPaymentOptions *options,
                      RecImportProgressFunc          progress,
                      gpointer                       user_data,
                      GCancellable                  *cancellable,
                      GError                       **error)
{
  g_autoptr(GPtrArray) scanned = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  gboolean complete;
  guint lines;

  g_free (source->format);
  source->format = g_strdup ("ofx");
  scanned = scan (data, size, &complete, &lines);
  if (!complete)
    {
      /* Translators: an OFX file without its last line (a download cut short). */
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED,
                   _("%s:%u: the OFX file ends before its </OFX> end tag: it is cut short "
                     "and nothing was imported"), source->name, lines);
      return FALSE;
    }
  /* libofx reads the whole file in one call and reports nothing on the
   * way (its callbacks come per transaction, all at the end): busy, by how
   * much it cannot say. */
  if (progress != NULL)
    progress (0, -1, user_data);
  parsed = parse_with_libofx (source->path);
  if (parsed == NULL)
    {
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_MALFORMED,
                   _("“%s” is not an OFX file that can be read"), source->name);
      return FALSE;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED,
                           _("The import was cancelled"));
      return FALSE;
    }
  for (guint i = 0; i < scanned->len; i++)
    add_transaction (source, options, scanned->pdata[i], pair (parsed, i, scanned->pdata[i]));
  return TRUE;
}
