/* rec-letter.c — the demand letter and the notice of delinquency's attachment, composed and drawn
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rec_letter_new composes the letter as a list of blocks (text, tables),
 * every sentence already in the letter's language and every amount already
 * formatted as the packet formats it; drawing only lays the blocks out.
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-letter.h"
#include "rec-report-private.h"

#include "rec-date.h"
#include "rec-money.h"

#include <glib/gi18n.h>
#include <string.h>

/* Straight to libintl in the letter's language, as the packet's labels
 * (g_dgettext may have decided not to translate at all); xgettext sees the
 * N_() and NC_() inside. */
#define T(msgid)        _rec_report_translate (NULL, msgid)
#define TC(ctx, msgid)  _rec_report_translate (ctx, msgid)

#define LETTER_SIZE      10.5
#define NOTE_SIZE        8.5
#define LETTER_TITLE     14.0
/* A demand letter stays on one page: so many lines of a party's address,
 * at most so many lines of unpaid months (the rest summed on the last one),
 * fewer when the page would not hold them (long names). */
#define MAX_ADDRESS_LINES 5
#define MAX_MONTH_LINES   9
#define MAX_COLUMNS       4

typedef enum
{
  BLOCK_TEXT,
  BLOCK_SKIP,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  char        *text;                    /* TEXT */
  double       size;                    /* TEXT, TABLE: font size; SKIP: height */
  gboolean     bold;
  guint        n_columns;               /* TABLE */
  char        *titles[MAX_COLUMNS];     /* NULL: a table without header */
  double       weights[MAX_COLUMNS];
  RecPdfAlign  aligns[MAX_COLUMNS];
  GPtrArray   *cells;                   /* char *, n_columns per row */
  GArray      *flags;                   /* RecPdfRowFlags, one per row */
  double       width_share;             /* of the content width; 0: all */
  gboolean     boxed;
} Block;

struct _RecLetter
{
  RecReportInput *input;
  RecLetterKind   kind;
  GDate           pay_by;
  char           *title;
  char           *subject;
  char           *header;
  char           *footer;
  GPtrArray      *blocks;               /* Block */
  guint           month_lines;          /* the demand's lines of unpaid months */
  guint           address_lines;        /* of each party's address */
};

/* How tight a demand letter is set, loosest first: lines of unpaid months
 * and of each address. */
static const struct
{
  guint month_lines;
  guint address_lines;
} fits[] = {
  { MAX_MONTH_LINES, MAX_ADDRESS_LINES },
  { 7, MAX_ADDRESS_LINES },
  { 5, 4 },
  { 3, 3 },
  { 2, 2 },
};

G_DEFINE_QUARK (rec-letter-error-quark, rec_letter_error)

/* Blocks */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_free (block->titles[i]);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_clear_pointer (&block->flags, g_array_unref);
  g_free (block);
}

/* Takes `text`. */
static void
add_text (RecLetter *letter,
          double     size,
          gboolean   bold,
          char      *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->size = size;
  block->bold = bold;
  block->text = text;
  g_ptr_array_add (letter->blocks, block);
}

static void
add_skip (RecLetter *letter,
          double     height)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_SKIP;
  block->size = height;
  g_ptr_array_add (letter->blocks, block);
}

/* A table of `n_columns` columns: weights and alignments in pairs, titles
 * NULL for none. Rows follow with add_row. */
static Block *
add_table (RecLetter          *letter,
           guint               n_columns,
           const char * const *titles,
           const double       *weights,
           const RecPdfAlign  *aligns,
           double              width_share)
{
  Block *block = g_new0 (Block, 1);

  g_assert (n_columns <= MAX_COLUMNS);
  block->kind = BLOCK_TABLE;
  block->size = LETTER_SIZE - 1.0;
  block->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    {
      block->titles[i] = titles != NULL ? g_strdup (titles[i]) : NULL;
      block->weights[i] = weights[i];
      block->aligns[i] = aligns[i];
    }
  block->cells = g_ptr_array_new_with_free_func (g_free);
  block->flags = g_array_new (FALSE, FALSE, sizeof (RecPdfRowFlags));
  block->width_share = width_share;
  g_ptr_array_add (letter->blocks, block);
  return block;
}

/* Takes the n_columns cells. */
static void
add_row (Block          *table,
         RecPdfRowFlags  flags,
         ...)
{
  va_list ap;

  va_start (ap, flags);
  for (guint i = 0; i < table->n_columns; i++)
    g_ptr_array_add (table->cells, va_arg (ap, char *));
  va_end (ap);
  g_array_append_val (table->flags, flags);
}

/* Words and figures */

/* What the packet's helpers need to format money and dates (no document). */
static RecPacket
packet_for (const RecReportInput *input)
{
  RecPacket packet = { input, input->labels, input->result, NULL, { NULL, } };

  _rec_money_form_init (&packet.money, input->result->currency);
  _rec_date_form_init (&packet.date, input->labels->date_format);
  return packet;
}

/* "March 2026". */
static char *
month_year (const RecPacket *packet,
            int              year,
            int              month)
{
  /* Translators: a month of a year in a letter ("March 2026"): the month's name, then the year */
  return g_strdup_printf (TC ("letter", NC_("letter", "%s %d")),
                          packet->labels->months[month - 1], year);
}

/* "March–June 2026", "November 2025–February 2026". */
static char *
month_range (const RecPacket *packet,
             int              first,
             int              last)
{
  int first_year = first / 12, first_month = first % 12 + 1;
  int last_year = last / 12, last_month = last % 12 + 1;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (first == last)
    return month_year (packet, first_year, first_month);
  if (first_year == last_year)
    /* Translators: months of one year in a letter ("March–June 2026"): the first month's name, the last one's, the year */
    return g_strdup_printf (TC ("letter", NC_("letter", "%s–%s %d")),
                            packet->labels->months[first_month - 1],
                            packet->labels->months[last_month - 1], first_year);

  from = month_year (packet, first_year, first_month);
  to = month_year (packet, last_year, last_month);
  /* Translators: a range of months over two years ("November 2025–February 2026") */
  return g_strdup_printf (TC ("letter", NC_("letter", "%s–%s")), from, to);
}

/* One line of the unpaid months: a run of months with the same unpaid part. */
static char *
months_line (const RecPacket *packet,
             int              first,
             int              last,
             RecCents         unpaid)
{
  g_autofree char *range = month_range (packet, first, last);
  g_autofree char *amount = _rec_packet_money (packet, unpaid);

  if (first == last)
    /* Translators: a line of the unpaid months in a letter: a month ("July 2026"), then the amount unpaid */
    return g_strdup_printf (T (N_("• %s: %s")), range, amount);
  /* Translators: a line of the unpaid months in a letter: months ("March–June 2026"), then the amount unpaid of each */
  return g_strdup_printf (T (N_("• %s: %s each")), range, amount);
}

static int
count_month (const RecContemptCount *count)
{
  return count->year * 12 + count->month - 1;
}

/* The counts from `first` on, summed on one line. */
static char *
more_months_line (const RecPacket *packet,
                  guint            first)
{
  const GArray *counts = packet->result->contempt_counts;
  guint n = counts->len - first;
  g_autofree char *amount = NULL;
  RecCents rest = 0;

  for (guint k = first; k < counts->len; k++)
    rest += g_array_index (counts, RecContemptCount, k).unpaid_cents;
  amount = _rec_packet_money (packet, rest);
  return g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                     /* Translators: the last line of the unpaid months in a letter; %u is a number of months, %s their unpaid amount in all */
                                     "• %u more month: %s", "• %u more months: %s in all", n),
                          n, amount);
}

/* The unpaid months (the engine's counts: each month's unpaid support), in
 * runs of consecutive months with the same unpaid part; at most
 * `max_lines` lines, the last summing what is left. */
static char *
unpaid_months_text (const RecPacket *packet,
                    guint            max_lines)
{
  const GArray *counts = packet->result->contempt_counts;
  g_autoptr(GString) text = g_string_new (NULL);
  guint lines = 0;

  for (guint i = 0; counts != NULL && i < counts->len;)
    {
      const RecContemptCount *first = &g_array_index (counts, RecContemptCount, i);
      guint j = i + 1;

      while (j < counts->len
             && count_month (&g_array_index (counts, RecContemptCount, j)) == count_month (first) + (int) (j - i)
             && g_array_index (counts, RecContemptCount, j).unpaid_cents == first->unpaid_cents)
        j++;

      if (lines + 1 == max_lines && j < counts->len)
        {
          g_autofree char *rest = more_months_line (packet, i);

          g_string_append_printf (text, "\n%s", rest);
          return g_string_free (g_steal_pointer (&text), FALSE);
        }

      {
        g_autofree char *line = months_line (packet, count_month (first),
                                             count_month (&g_array_index (counts, RecContemptCount, j - 1)),
                                             first->unpaid_cents);

        g_string_append_printf (text, "%s%s", lines > 0 ? "\n" : "", line);
      }
      lines++;
      i = j;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the unpaid months do not hold of the unpaid support: charges and
 * months past the counts' time limit (principal balance − the counts). */
static RecCents
other_unpaid (const RecArrearsResult *result)
{
  RecCents counted = 0;

  for (guint i = 0; result->contempt_counts != NULL && i < result->contempt_counts->len; i++)
    counted += g_array_index (result->contempt_counts, RecContemptCount, i).unpaid_cents;
  return MAX (result->principal_balance_cents - counted, 0);
}

/* The first `max` lines of `text`. */
static char *
first_lines (const char *text,
             guint       max)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", (int) max + 1);

  /* The last piece holds what is past the first `max` lines. */
  if (g_strv_length (lines) > max)
    {
      g_free (lines[max]);
      lines[max] = NULL;
    }
  return g_strjoinv ("\n", lines);
}

/* A party as a letter heads it: name, the first `address_lines` lines of
 * the address; with `contact`, phone and email. A withheld address or phone
 * says so. */
static char *
party_text (const RecPacket *packet,
            const RecParty  *party,
            guint            address_lines,
            gboolean         contact)
{
  const RecReportLabels *l = packet->labels;
  g_autoptr(GString) text = g_string_new (*party->name != '\0' ? party->name : l->none);
  gboolean withheld = packet->input->withhold_address && party == &packet->input->case_data->info->obligee;

  if (withheld && *party->address != '\0')
    g_string_append_printf (text, "\n%s: %s", l->address, l->withheld);
  else if (*party->address != '\0')
    {
      g_autofree char *address = first_lines (party->address, address_lines);

      g_string_append_printf (text, "\n%s", address);
    }
  if (contact && *party->phone != '\0')
    g_string_append_printf (text, "\n%s: %s", l->phone, withheld ? l->withheld : party->phone);
  if (contact && *party->email != '\0')
    g_string_append_printf (text, "\n%s", party->email);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The case's number as the letter names it: the court's, else the agency's;
 * NULL when neither is recorded. */
static const char *
case_number (const RecCaseInfo *info)
{
  if (*info->court_case_number != '\0')
    return info->court_case_number;
  if (*info->agency_case_number != '\0')
    return info->agency_case_number;
  return NULL;
}

/* Support, interest and the total, from the engine (the cover's three rows). */
static void
add_totals (RecLetter       *letter,
            const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  const RecArrearsResult *r = packet->result;
  static const double weights[] = { 6.0, 4.0 };
  static const RecPdfAlign aligns[] = { REC_PDF_ALIGN_LEFT, REC_PDF_ALIGN_RIGHT };
  Block *table = add_table (letter, 2, NULL, weights, aligns, 0.62);

  table->boxed = TRUE;
  table->size = LETTER_SIZE;
  add_row (table, REC_PDF_ROW_NORMAL, g_strdup (l->principal_owed),
           _rec_packet_money (packet, r->principal_balance_cents));
  add_row (table, REC_PDF_ROW_NORMAL, g_strdup (l->interest_owed),
           _rec_packet_money (packet, r->interest_balance_cents));
  add_row (table, REC_PDF_ROW_BOLD, g_strdup (l->total_owed),
           _rec_packet_money (packet, r->total_balance_cents));
}

/* Demand letter */

static void
add_letter_head (RecLetter       *letter,
                 const RecPacket *packet)
{
  RecCaseInfo *info = packet->input->case_data->info;
  const char *number = case_number (info);
  g_autofree char *written = _rec_packet_local_date (packet, &packet->input->prepared);

  add_text (letter, LETTER_SIZE, FALSE, party_text (packet, &info->obligee, letter->address_lines, TRUE));
  add_skip (letter, 12.0);
  add_text (letter, LETTER_SIZE, FALSE, g_steal_pointer (&written));
  add_skip (letter, 12.0);
  add_text (letter, LETTER_SIZE, FALSE, party_text (packet, &info->obligor, letter->address_lines, FALSE));
  add_skip (letter, 12.0);
  if (number != NULL)
    /* Translators: the subject line of a letter; %s is a case number */
    add_text (letter, LETTER_SIZE, TRUE, g_strdup_printf (T (N_("Re: Child support, case number %s")), number));
  else
    add_text (letter, LETTER_SIZE, TRUE, g_strdup (T (N_("Re: Child support"))));
  add_skip (letter, 10.0);
  if (*info->obligor.name != '\0')
    /* Translators: the greeting of a letter; %s is the paying parent's name */
    add_text (letter, LETTER_SIZE, FALSE, g_strdup_printf (T (N_("Dear %s,")), info->obligor.name));
  else
    add_text (letter, LETTER_SIZE, FALSE, g_strdup (T (N_("Hello,"))));
  add_skip (letter, 6.0);
}

/* How to pay: the State Disbursement Unit in a case the agency enforces,
 * else the ways earlier payments came, else as the order says. */
static char *
how_to_pay (const RecPacket *packet)
{
  const RecReportInput *input = packet->input;
  RecCaseInfo *info = input->case_data->info;
  GPtrArray *payments = input->case_data->payments;
  gboolean used[REC_N_PAYMENT_METHODS] = { FALSE, };
  g_autoptr(GString) methods = g_string_new (NULL);

  if (info->agency_enforced && g_strcmp0 (info->jurisdiction, "us-ca") == 0)
    return g_strdup (T (N_("Payments in this case go through the California State Disbursement Unit; "
                           "please write the case number on your payment.")));
  if (info->agency_enforced)
    return g_strdup (T (N_("Payments in this case go through the State Disbursement Unit of the state "
                           "that enforces it; please write the case number on your payment.")));

  for (guint i = 0; i < payments->len; i++)
    {
      RecPaymentMethod method = ((RecPayment *) g_ptr_array_index (payments, i))->method;

      /* What the payer does not send himself. */
      if (method == REC_PAYMENT_METHOD_TAX_OFFSET || method == REC_PAYMENT_METHOD_WAGE_WITHHOLDING
          || method == REC_PAYMENT_METHOD_OTHER || method >= REC_N_PAYMENT_METHODS || used[method])
        continue;
      used[method] = TRUE;
      g_string_append_printf (methods, "%s%s", methods->len > 0 ? packet->labels->list_separator : "",
                              packet->labels->payment_methods[method]);
    }
  if (methods->len == 0)
    return g_strdup (T (N_("Please pay as the support order directs.")));
  /* Translators: in a letter; %s lists ways of paying ("Check, Bank transfer") */
  return g_strdup_printf (T (N_("You may pay the way earlier payments were made: %s.")), methods->str);
}

static void
add_unpaid_months (RecLetter       *letter,
                   const RecPacket *packet)
{
  g_autofree char *months = unpaid_months_text (packet, letter->month_lines);
  RecCents other = other_unpaid (packet->result);
  g_autoptr(GString) text = g_string_new (months);

  if (other > 0)
    {
      g_autofree char *amount = _rec_packet_money (packet, other);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a line of the unpaid months in a letter: unpaid support not listed above (older months) and charges; %s is an amount */
      g_string_append_printf (text, T (N_("• Other unpaid support and charges: %s")), amount);
    }
  if (text->len == 0)
    return;

  add_text (letter, LETTER_SIZE, FALSE,
            g_strdup (T (N_("The support for these months is unpaid, in whole or in part:"))));
  add_skip (letter, 2.0);
  add_text (letter, LETTER_SIZE, FALSE, g_string_free (g_steal_pointer (&text), FALSE));
  add_skip (letter, 8.0);
}

static void
compose_demand (RecLetter       *letter,
                const RecPacket *packet)
{
  const RecArrearsResult *r = packet->result;
  RecCaseInfo *info = packet->input->case_data->info;
  g_autofree char *as_of = _rec_packet_local_date (packet, &r->as_of);
  g_autofree char *total = _rec_packet_money (packet, r->total_balance_cents);
  g_autofree char *pay_by = _rec_packet_local_date (packet, &letter->pay_by);

  add_letter_head (letter, packet);
  /* Translators: in a letter; the first %s is a date, the second an amount */
  add_text (letter, LETTER_SIZE, FALSE, g_strdup_printf (T (N_("According to my records, as of %s you owe "
                                                               "%s in support under the order in this case:")),
                                                         as_of, total));
  add_skip (letter, 6.0);
  add_totals (letter, packet);
  add_skip (letter, 10.0);
  add_unpaid_months (letter, packet);
  /* Translators: in a letter; the first %s is an amount, the second a date */
  add_text (letter, LETTER_SIZE, TRUE, g_strdup_printf (T (N_("Please pay %s by %s.")), total, pay_by));
  add_skip (letter, 2.0);
  add_text (letter, LETTER_SIZE, FALSE, how_to_pay (packet));
  add_skip (letter, 8.0);
  add_text (letter, LETTER_SIZE, FALSE,
            g_strdup (T (N_("If you have made payments that are not counted here, please send me the date "
                            "and amount of each so that I can check my records."))));
  add_skip (letter, 8.0);
  /* Translators: in a letter; %s is a date */
  add_text (letter, LETTER_SIZE, FALSE, g_strdup_printf (T (N_("If the amount is not paid by %s, I intend to "
                                                               "ask the child support agency or the court "
                                                               "to enforce the order.")), pay_by));
  add_skip (letter, 14.0);
  add_text (letter, LETTER_SIZE, FALSE, g_strdup (T (N_("Sincerely,"))));
  add_skip (letter, 24.0);
  add_text (letter, LETTER_SIZE, FALSE, g_strdup (*info->obligee.name != '\0' ? info->obligee.name
                                                                               : packet->labels->none));
}

/* Notice of delinquency (California, FL-485) */

static void
add_case_facts (RecLetter       *letter,
                const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  RecCaseInfo *info = packet->input->case_data->info;
  static const double weights[] = { 3.2, 6.8 };
  static const RecPdfAlign aligns[] = { REC_PDF_ALIGN_LEFT, REC_PDF_ALIGN_LEFT };
  Block *table = add_table (letter, 2, NULL, weights, aligns, 0.0);

  add_row (table, 0, g_strdup (l->court), g_strdup (*info->court != '\0' ? info->court : l->none));
  add_row (table, 0, g_strdup (l->court_case_number),
           g_strdup (*info->court_case_number != '\0' ? info->court_case_number : l->none));
  if (*info->agency_case_number != '\0')
    add_row (table, 0, g_strdup (l->agency_case_number), g_strdup (info->agency_case_number));
  add_row (table, 0, g_strdup (l->obligor), party_text (packet, &info->obligor, MAX_ADDRESS_LINES, FALSE));
  add_row (table, 0, g_strdup (l->obligee), party_text (packet, &info->obligee, MAX_ADDRESS_LINES, FALSE));
  add_row (table, 0, g_strdup (l->as_of), _rec_packet_local_date (packet, &packet->result->as_of));
}

/* Each month from the oldest unpaid amount's through as_of: the
 * installments and charges due and the amounts paid (the engine's history, FL-421's
 * figures), with their totals. */
static void
add_installments (RecLetter       *letter,
                  const RecPacket *packet)
{
  const RecArrearsResult *r = packet->result;
  const char *titles[] = { packet->labels->month, packet->labels->amount_due, packet->labels->amount_paid };
  static const double weights[] = { 4.0, 3.0, 3.0 };
  static const RecPdfAlign aligns[] = { REC_PDF_ALIGN_LEFT, REC_PDF_ALIGN_RIGHT, REC_PDF_ALIGN_RIGHT };
  int first = g_date_get_year (&r->oldest_unpaid_due) * 12 + g_date_get_month (&r->oldest_unpaid_due) - 1;
  RecCents due = 0, paid = 0;
  Block *table = add_table (letter, 3, titles, weights, aligns, 0.8);

  for (guint y = 0; r->history != NULL && y < r->history->len; y++)
    {
      const RecHistoryYear *year = &g_array_index (r->history, RecHistoryYear, y);

      for (int m = 0; m < year->n_months; m++)
        {
          const RecHistoryMonth *month = &year->months[m];

          if (year->year * 12 + month->month - 1 < first)
            continue;
          due += month->ordered_cents;
          paid += month->paid_cents;
          add_row (table, 0, month_year (packet, year->year, month->month),
                   _rec_packet_money (packet, month->ordered_cents),
                   _rec_packet_money (packet, month->paid_cents));
        }
    }
  add_row (table, REC_PDF_ROW_BOLD, g_strdup (packet->labels->total),
           _rec_packet_money (packet, due), _rec_packet_money (packet, paid));
}

static void
compose_delinquency (RecLetter       *letter,
                     const RecPacket *packet)
{
  g_autofree char *oldest = _rec_packet_local_date (packet, &packet->result->oldest_unpaid_due);
  g_autofree char *written = _rec_packet_local_date (packet, &packet->input->prepared);

  add_text (letter, LETTER_SIZE, TRUE, g_strdup (T (N_("Attachment to form FL-485 (Notice of Delinquency)"))));
  add_text (letter, NOTE_SIZE, FALSE,
            g_strdup (T (N_("Form FL-485 must itself be used to file and serve the notice; this attachment "
                            "itemizes the support it refers to (Family Code 4720–4733)."))));
  add_skip (letter, 10.0);
  add_text (letter, LETTER_TITLE, TRUE, g_strdup (T (N_("Itemized statement of delinquent support"))));
  add_skip (letter, 4.0);
  add_case_facts (letter, packet);
  add_skip (letter, 10.0);
  /* Translators: in the notice of delinquency's attachment; %s is a date */
  add_text (letter, LETTER_SIZE, FALSE, g_strdup_printf (T (N_("Installments and charges due and amounts paid "
                                                               "each month since the oldest amount still "
                                                               "unpaid, due %s:")),
                                                         oldest));
  add_skip (letter, 4.0);
  add_installments (letter, packet);
  add_skip (letter, 10.0);
  add_text (letter, LETTER_SIZE, TRUE, g_strdup (T (N_("Balance"))));
  add_skip (letter, 2.0);
  add_totals (letter, packet);
  add_skip (letter, 4.0);
  add_text (letter, NOTE_SIZE, FALSE,
            g_strdup (T (N_("The balance applies each payment as the law orders: first to the month's "
                            "support, then to interest, then to the oldest support (CCP 695.221)."))));
  add_skip (letter, 10.0);
  add_text (letter, LETTER_SIZE, FALSE,
            /* xgettext:no-c-format */
            g_strdup (T (N_("Support still unpaid 30 days after the notice is served bears a penalty of 6% "
                            "a month, up to 72% of the unpaid amount (Family Code 4720–4733)."))));
  add_skip (letter, 8.0);
  /* Translators: at the end of the notice of delinquency's attachment; %s is a date */
  add_text (letter, NOTE_SIZE, FALSE, g_strdup_printf (T (N_("Prepared on %s from the records of this case.")),
                                                       written));
}

static void
compose_document (RecLetter       *letter,
                  const RecPacket *packet)
{
  RecCaseInfo *info = packet->input->case_data->info;
  const char *number = case_number (info);
  g_autofree char *as_of = _rec_packet_local_date (packet, &packet->result->as_of);
  const char *name = letter->kind == REC_LETTER_DEMAND
                     ? T (N_("Demand for payment of child support"))
                     : T (N_("Notice of delinquency: itemized attachment to form FL-485"));

  letter->title = *info->title != '\0' ? g_strdup_printf ("%s — %s", name, info->title) : g_strdup (name);
  letter->subject = g_strdup (name);
  letter->header = g_strdup (name);
  letter->footer = g_strdup_printf (packet->labels->footer_as_of, as_of);
  if (number != NULL)
    {
      char *with = g_strdup_printf ("%s · %s", letter->footer, number);

      g_free (letter->footer);
      letter->footer = with;
    }
}

/* Drawing */

static void
draw_table (RecPdf      *pdf,
            const Block *block)
{
  RecPdfColumn columns[MAX_COLUMNS] = { { NULL, }, };
  guint n_rows = block->flags->len;
  RecPdfTable *table;

  for (guint i = 0; i < block->n_columns; i++)
    {
      columns[i].title = block->titles[i];
      columns[i].weight = block->weights[i];
      columns[i].align = block->aligns[i];
    }
  table = rec_pdf_table_new (pdf, columns, block->n_columns, block->size);
  if (block->width_share > 0.0)
    rec_pdf_table_set_width (table, rec_pdf_get_width (pdf) * block->width_share);
  rec_pdf_table_set_boxed (table, block->boxed);
  rec_pdf_table_fit_words (table, (const char * const *) block->cells->pdata, n_rows);
  for (guint r = 0; r < n_rows; r++)
    rec_pdf_table_row (table, (const char * const *) block->cells->pdata + r * block->n_columns,
                       g_array_index (block->flags, RecPdfRowFlags, r));
  rec_pdf_table_end (table);
}

static RecPdf *
draw_letter (const RecLetter  *letter,
             GError          **error)
{
  const RecReportInput *input = letter->input;
  RecPdf *pdf = rec_pdf_new (input->paper, error);

  if (pdf == NULL)
    return NULL;

  rec_pdf_set_info (pdf, letter->title, input->case_data->info->obligee.name, letter->subject,
                    input->prepared_at);
  rec_pdf_set_decorations (pdf, letter->header, letter->footer, input->labels->page_format);
  rec_pdf_new_page (pdf);
  for (guint i = 0; i < letter->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (letter->blocks, i);

      switch (block->kind)
        {
        case BLOCK_TEXT:
          rec_pdf_paragraph (pdf, block->text, block->size, block->bold);
          break;
        case BLOCK_SKIP:
          rec_pdf_skip (pdf, block->size);
          break;
        case BLOCK_TABLE:
        default:
          draw_table (pdf, block);
          break;
        }
    }

  return pdf;
}

/* Public API */

gboolean
rec_letter_kind_parse (const char    *text,
                       RecLetterKind *out_kind)
{
  if (g_strcmp0 (text, "demand") == 0)
    *out_kind = REC_LETTER_DEMAND;
  else if (g_strcmp0 (text, "delinquency") == 0)
    *out_kind = REC_LETTER_DELINQUENCY;
  else
    return FALSE;
  return TRUE;
}

gboolean
rec_letter_kind_is_available (RecLetterKind  kind,
                              const char    *jurisdiction)
{
  return kind == REC_LETTER_DEMAND || g_strcmp0 (jurisdiction, "us-ca") == 0;
}

void
rec_letter_default_pay_by (const GDate *as_of,
                           const GDate *written,
                           GDate       *out_pay_by)
{
  *out_pay_by = *as_of;
  if (written != NULL && rec_date_is_set (written) && rec_date_compare (written, as_of) > 0)
    *out_pay_by = *written;
  g_date_add_days (out_pay_by, REC_LETTER_PAY_DAYS);
}

/* The engine's answer to "may a notice of delinquency be served?". */
static const RecRemedyResult *
delinquency_remedy (const RecArrearsResult *result)
{
  for (guint i = 0; result->remedies != NULL && i < result->remedies->len; i++)
    if (g_array_index (result->remedies, RecRemedyResult, i).remedy == REC_REMEDY_DELINQUENCY_NOTICE)
      return &g_array_index (result->remedies, RecRemedyResult, i);
  return NULL;
}

gboolean
rec_letter_check (const char             *jurisdiction,
                  const RecArrearsResult *result,
                  RecLetterKind           kind,
                  const GDate            *pay_by,
                  GError                **error)
{
  g_autofree char *as_of = NULL;
  const RecRemedyResult *remedy;

  g_return_val_if_fail (result != NULL, FALSE);

  as_of = rec_date_format (&result->as_of);
  if (!rec_letter_kind_is_available (kind, jurisdiction))
    {
      g_set_error_literal (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOT_CALIFORNIA,
                           _("A notice of delinquency is a California form"));
      return FALSE;
    }
  if (result->total_balance_cents <= 0)
    {
      /* Translators: %s is a date */
      g_set_error (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOTHING_OWED, _("Nothing is owed as of %s"), as_of);
      return FALSE;
    }
  remedy = delinquency_remedy (result);
  if (kind == REC_LETTER_DELINQUENCY && (remedy == NULL || !remedy->eligible))
    {
      g_set_error (error, REC_LETTER_ERROR, REC_LETTER_ERROR_NOT_DELINQUENT,
                   dngettext (GETTEXT_PACKAGE,
                              /* Translators: %s is a date, %d a number of days */
                              "A notice of delinquency needs support more than 30 days late; as of %s it is %d day late",
                              "A notice of delinquency needs support more than 30 days late; as of %s it is %d days late",
                              (gulong) MAX (result->days_delinquent, 0)),
                   as_of, result->days_delinquent);
      return FALSE;
    }
  if (pay_by != NULL && rec_date_is_set (pay_by) && rec_date_compare (pay_by, &result->as_of) < 0)
    {
      g_autofree char *date = rec_date_format (pay_by);

      g_set_error (error, REC_LETTER_ERROR, REC_LETTER_ERROR_PAY_BY,
                   /* Translators: the first %s is the date to pay by, the second the date the amounts are computed for */
                   _("The date to pay by, %s, is before the date of the amounts, %s"), date, as_of);
      return FALSE;
    }

  return TRUE;
}

RecLetter *
rec_letter_new (RecReportInput *input,
                RecLetterKind   kind,
                const GDate    *pay_by,
                GError        **error)
{
  RecLetter *letter;
  RecReportLanguage *language;
  RecPacket packet;

  g_return_val_if_fail (input != NULL, NULL);

  if (!rec_letter_check (input->case_data->info->jurisdiction, input->result, kind, pay_by, error))
    {
      rec_report_input_free (input);
      return NULL;
    }

  letter = g_new0 (RecLetter, 1);
  letter->input = input;
  letter->kind = kind;
  letter->blocks = g_ptr_array_new_with_free_func (block_free);
  if (pay_by != NULL && rec_date_is_set (pay_by))
    letter->pay_by = *pay_by;
  else
    rec_letter_default_pay_by (&input->as_of, &input->prepared, &letter->pay_by);

  packet = packet_for (input);
  language = rec_report_language_push (input->lang);
  compose_document (letter, &packet);
  if (kind == REC_LETTER_DELINQUENCY)
    compose_delinquency (letter, &packet);
  else
    /* Tighter until the demand fits its one page. */
    for (guint i = 0; i < G_N_ELEMENTS (fits); i++)
      {
        g_ptr_array_set_size (letter->blocks, 0);
        letter->month_lines = fits[i].month_lines;
        letter->address_lines = fits[i].address_lines;
        compose_demand (letter, &packet);
        if (rec_letter_count_pages (letter) <= 1)
          break;
      }
  rec_report_language_pop (language);

  return letter;
}

void
rec_letter_free (RecLetter *letter)
{
  if (letter == NULL)
    return;

  g_clear_pointer (&letter->input, rec_report_input_free);
  g_clear_pointer (&letter->blocks, g_ptr_array_unref);
  g_free (letter->title);
  g_free (letter->subject);
  g_free (letter->header);
  g_free (letter->footer);
  g_free (letter);
}

RecLetterKind
rec_letter_get_kind (const RecLetter *letter)
{
  return letter->kind;
}

const GDate *
rec_letter_get_pay_by (const RecLetter *letter)
{
  return &letter->pay_by;
}

gboolean
rec_letter_write (const RecLetter  *letter,
                  const char       *path,
                  GError          **error)
{
  g_autoptr(RecPdf) pdf = NULL;

  g_return_val_if_fail (letter != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = draw_letter (letter, error);
  return pdf != NULL && rec_pdf_save (pdf, path, error);
}

GBytes *
rec_letter_render (const RecLetter  *letter,
                   GError          **error)
{
  g_autoptr(RecPdf) pdf = NULL;

  g_return_val_if_fail (letter != NULL, NULL);

  pdf = draw_letter (letter, error);
  return pdf != NULL ? rec_pdf_save_to_bytes (pdf, error) : NULL;
}

guint
rec_letter_count_pages (const RecLetter *letter)
{
  g_autoptr(RecPdf) pdf = draw_letter (letter, NULL);

  return pdf != NULL ? rec_pdf_get_n_pages (pdf) : 0;
}
