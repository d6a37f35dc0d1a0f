/* rec-report-sections.c — the packet's history, ledger, contempt, log and checklist
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-report-private.h"

#include "rec-date.h"

#include <string.h>

static const char *
or_none (const RecPacket *packet,
         const char      *text)
{
  return text != NULL && *text != '\0' ? text : packet->labels->none;
}

/* A section's title, with the state's form name when it has one. */
static char *
form_title (const char *plain,
            const char *with_form,
            const char *form)
{
  if (form == NULL || *form == '\0')
    return g_strdup (plain);

  return g_strdup_printf (with_form, form);
}

/* Payment history (FL-421 in California) */

static void
write_history_year (const RecPacket      *packet,
                    const RecHistoryYear *year)
{
  const RecReportLabels *l = packet->labels;
  const RecPdfColumn columns[] = {
    { l->month, 3.0, REC_PDF_ALIGN_LEFT },
    { l->amount_ordered, 2.0, REC_PDF_ALIGN_RIGHT },
    { l->amount_paid, 2.0, REC_PDF_ALIGN_RIGHT },
  };
  g_autofree char *title = g_strdup_printf ("%d", year->year);
  g_autofree char *ordered = _rec_packet_money (packet, year->ordered_cents);
  g_autofree char *paid = _rec_packet_money (packet, year->paid_cents);
  g_autofree char *total = g_strdup_printf ("%s %d", l->total, year->year);
  const char *total_cells[] = { total, ordered, paid };
  RecPdfTable *table;
  double row = TABLE_SIZE * 1.22 + 5.0;

  /* A year's grid stays on one page when it fits on one. */
  rec_pdf_ensure_space (packet->pdf, H2_SIZE * 2.0 + row * (year->n_months + 2));
  rec_pdf_heading (packet->pdf, title, H2_SIZE, row * 2);
  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  rec_pdf_table_set_width (table, rec_pdf_get_width (packet->pdf) * 0.7);
  for (int i = 0; i < year->n_months && i < 12; i++)
    {
      const RecHistoryMonth *month = &year->months[i];
      g_autofree char *month_ordered = _rec_packet_money (packet, month->ordered_cents);
      g_autofree char *month_paid = _rec_packet_money (packet, month->paid_cents);
      const char *cells[] = {
        month->month >= 1 && month->month <= 12 ? l->months[month->month - 1] : l->none,
        month_ordered, month_paid,
      };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  rec_pdf_table_row (table, total_cells, REC_PDF_ROW_BOLD);
  rec_pdf_table_end (table);
  rec_pdf_skip (packet->pdf, 10.0);
}

/* One support kind's grid (or the charges'), on a sheet of its own (spec
 * §11; FL-421 asks for one per type of support). Its years line up with the
 * merged grid's; a year with nothing of this kind ordered or paid is left out. */
static void
write_kind_history (const RecPacket      *packet,
                    const RecKindHistory *kind)
{
  const RecReportLabels *l = packet->labels;
  g_autofree char *title = NULL;

  if (kind->is_charges)
    title = g_strdup (l->charges);
  else
    title = g_strdup_printf (l->history_kind, l->term_kinds[kind->kind]);
  _rec_packet_section (packet, title);
  rec_pdf_paragraph (packet->pdf, kind->is_charges ? l->charges_intro : l->history_kind_intro,
                     TEXT_SIZE, FALSE);
  rec_pdf_skip (packet->pdf, 6.0);
  for (guint i = 0; i < kind->history->len && !rec_pdf_has_failed (packet->pdf); i++)
    {
      const RecHistoryYear *year = &g_array_index (kind->history, RecHistoryYear, i);

      if (year->ordered_cents != 0 || year->paid_cents != 0)
        write_history_year (packet, year);
    }
}

/* The grids per kind, when there is more than one history: a case with one
 * support kind and no charges has the merged grid as that kind's, not
 * printed twice. */
static void
write_kind_histories (const RecPacket *packet)
{
  GArray *kinds = packet->result->history_by_kind;

  if (kinds == NULL || kinds->len < 2)
    return;
  for (guint i = 0; i < kinds->len && !rec_pdf_has_failed (packet->pdf); i++)
    write_kind_history (packet, &g_array_index (kinds, RecKindHistory, i));
}

/* The interest paid, months with some only, after the grids: on the same
 * page when it fits, with its own bookmark. */
static void
write_interest_paid (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  GArray *months = packet->result->history_interest_paid;
  const RecPdfColumn columns[] = {
    { l->month, 3.0, REC_PDF_ALIGN_LEFT },
    { l->interest_paid, 2.0, REC_PDF_ALIGN_RIGHT },
  };
  double row = TABLE_SIZE * 1.22 + 5.0;
  RecCents total_cents = 0;
  g_autofree char *total = NULL;
  const char *total_cells[2] = { l->total, NULL };
  RecPdfTable *table;

  if (months == NULL || months->len == 0)
    return;
  rec_pdf_ensure_space (packet->pdf, H1_SIZE * 2.0 + TEXT_SIZE * 4.0 + row * MIN (months->len + 1, 6));
  rec_pdf_outline_add (packet->pdf, l->interest_paid);
  rec_pdf_heading (packet->pdf, l->interest_paid, H1_SIZE, TEXT_SIZE * 4.0 + row * 2);
  rec_pdf_skip (packet->pdf, 4.0);
  rec_pdf_paragraph (packet->pdf, l->interest_paid_intro, TEXT_SIZE, FALSE);
  rec_pdf_skip (packet->pdf, 6.0);
  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  rec_pdf_table_set_width (table, rec_pdf_get_width (packet->pdf) * 0.7);
  for (guint i = 0; i < months->len; i++)
    {
      const RecInterestPaidMonth *month = &g_array_index (months, RecInterestPaidMonth, i);
      g_autofree char *paid = _rec_packet_money (packet, month->paid_cents);
      g_autofree char *name = g_strdup_printf (l->month_year, month->month >= 1 && month->month <= 12
                                               ? l->months[month->month - 1] : l->none, month->year);
      const char *cells[] = { name, paid };

      total_cents += month->paid_cents;
      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  total = _rec_packet_money (packet, total_cents);
  total_cells[1] = total;
  rec_pdf_table_row (table, total_cells, REC_PDF_ROW_BOLD);
  rec_pdf_table_end (table);
}

void
_rec_report_write_history (const RecPacket *packet)
{
  GArray *history = packet->result->history;
  g_autofree char *title = form_title (packet->labels->history, packet->labels->history_form,
                                       packet->input->history_form);

  _rec_packet_section (packet, title);
  rec_pdf_paragraph (packet->pdf, packet->labels->history_intro, TEXT_SIZE, FALSE);
  rec_pdf_skip (packet->pdf, 6.0);
  if (history == NULL || history->len == 0)
    {
      rec_pdf_paragraph (packet->pdf, packet->labels->no_history, TEXT_SIZE, FALSE);
      return;
    }

  for (guint i = 0; i < history->len && !rec_pdf_has_failed (packet->pdf); i++)
    write_history_year (packet, &g_array_index (history, RecHistoryYear, i));
  write_kind_histories (packet);
  write_interest_paid (packet);
}

/* Ledger */

static char *
payment_entry (const RecPacket     *packet,
               const RecLedgerLine *line)
{
  const RecReportLabels *l = packet->labels;
  const RecPayment *payment = line->source;
  g_autofree char *name = NULL;
  g_autofree char *split = NULL;

  if (payment == NULL)
    return g_strdup (l->payment);
  if (*payment->reference != '\0')
    name = g_strdup_printf ("%s: %s, %s", l->payment, l->payment_methods[payment->method],
                            payment->reference);
  else
    name = g_strdup_printf ("%s: %s", l->payment, l->payment_methods[payment->method]);

  split = rec_ledger_line_split_text (line, &packet->renderer);
  if (split == NULL)
    return _rec_packet_with_exhibits (packet, payment, g_steal_pointer (&name));
  return _rec_packet_with_exhibits (packet, payment, g_strdup_printf (l->entry_and_split, name, split));
}

static char *
ledger_entry_text (const RecPacket     *packet,
                   const RecLedgerLine *line)
{
  const RecReportLabels *l = packet->labels;

  switch (line->kind)
    {
    case REC_LEDGER_INSTALLMENT:
      return g_strdup (l->term_kinds[line->term_kind]);
    case REC_LEDGER_CHARGE:
      {
        const RecCharge *charge = line->source;

        return _rec_packet_with_exhibits (packet, charge,
                                          g_strdup (charge != NULL ? or_none (packet, charge->description)
                                                                   : l->none));
      }
    case REC_LEDGER_PAYMENT:
    default:
      return payment_entry (packet, line);
    }
}

void
_rec_report_write_ledger (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  GArray *ledger = packet->result->ledger;
  const RecPdfColumn columns[] = {
    { l->date, 1.35, REC_PDF_ALIGN_LEFT, DATE_WIDTH },
    { l->entry, 3.2, REC_PDF_ALIGN_LEFT },
    { l->due, 1.4, REC_PDF_ALIGN_RIGHT },
    { l->paid, 1.4, REC_PDF_ALIGN_RIGHT },
    { l->principal, 1.6, REC_PDF_ALIGN_RIGHT },
    { l->interest, 1.5, REC_PDF_ALIGN_RIGHT },
  };
  RecPdfTable *table;

  _rec_packet_section (packet, l->ledger);
  if (ledger == NULL || ledger->len == 0)
    {
      rec_pdf_paragraph (packet->pdf, l->no_ledger, TEXT_SIZE, FALSE);
      return;
    }

  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  /* Once the document failed (10^6 payments are more pages than a packet
   * may have), the rest would draw nothing: rec_report_write says why. */
  for (guint i = 0; i < ledger->len && !rec_pdf_has_failed (packet->pdf); i++)
    {
      const RecLedgerLine *line = &g_array_index (ledger, RecLedgerLine, i);
      g_autofree char *date = _rec_packet_local_date (packet, &line->date);
      g_autofree char *entry = ledger_entry_text (packet, line);
      g_autofree char *amount = _rec_packet_money (packet, line->amount_cents);
      g_autofree char *principal = _rec_packet_money (packet, line->principal_balance_cents);
      g_autofree char *interest = _rec_packet_money (packet, line->interest_balance_cents);
      gboolean is_payment = line->kind == REC_LEDGER_PAYMENT;
      const char *cells[] = {
        date, entry, is_payment ? "" : amount, is_payment ? amount : "", principal, interest,
      };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  rec_pdf_table_end (table);
}

/* Contempt counts (FL-411 in California) */

void
_rec_report_write_contempt (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  GArray *counts = packet->result->contempt_counts;
  const RecPdfColumn columns[] = {
    { l->count, 1.0, REC_PDF_ALIGN_RIGHT },
    { l->month, 3.0, REC_PDF_ALIGN_LEFT },
    { l->amount_due, 2.0, REC_PDF_ALIGN_RIGHT },
    { l->unpaid, 2.0, REC_PDF_ALIGN_RIGHT },
  };
  g_autofree char *title = form_title (l->contempt, l->contempt_form, packet->input->contempt_form);
  RecPdfTable *table;

  _rec_packet_section (packet, title);
  rec_pdf_paragraph (packet->pdf, packet->input->no_contempt_time_bar ? l->contempt_intro_no_bar
                                                                      : l->contempt_intro,
                     TEXT_SIZE, FALSE);
  rec_pdf_skip (packet->pdf, 6.0);
  if (counts == NULL || counts->len == 0)
    {
      rec_pdf_paragraph (packet->pdf, packet->input->no_contempt_time_bar ? l->no_contempt_no_bar
                                                                          : l->no_contempt,
                         TEXT_SIZE, FALSE);
      return;
    }

  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  rec_pdf_table_set_width (table, rec_pdf_get_width (packet->pdf) * 0.8);
  for (guint i = 0; i < counts->len && !rec_pdf_has_failed (packet->pdf); i++)
    {
      const RecContemptCount *count = &g_array_index (counts, RecContemptCount, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *month = g_strdup_printf (l->month_year,
                                                count->month >= 1 && count->month <= 12
                                                ? l->months[count->month - 1] : l->none,
                                                count->year);
      g_autofree char *due = _rec_packet_money (packet, count->due_cents);
      g_autofree char *unpaid = _rec_packet_money (packet, count->unpaid_cents);
      const char *cells[] = { number, month, due, unpaid };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  rec_pdf_table_end (table);
}

/* Communication log */

static int
compare_communications (gconstpointer a,
                        gconstpointer b)
{
  const RecCommunication *x = *(RecCommunication * const *) a;
  const RecCommunication *y = *(RecCommunication * const *) b;

  if (x->at_unix != y->at_unix)
    return x->at_unix < y->at_unix ? -1 : 1;
  return x->entity.position - y->entity.position;
}

/* "2021-04-02T18:30:00-07:00" → "04/02/2021 18:30 -07:00" (the time as
 * recorded, the date in the packet's language's form). */
static char *
when_text (const RecPacket *packet,
           const char      *at)
{
  gsize length = strlen (at);
  const char *offset;
  g_autofree char *day = NULL;
  GDate date;

  if (length < 16 || at[10] != 'T')
    return g_strdup (at);
  day = g_strndup (at, 10);
  if (!rec_date_parse (day, &date, NULL))
    return g_strdup (at);
  g_free (day);
  day = _rec_packet_local_date (packet, &date);

  offset = at + 16;
  if (*offset == ':')
    offset += 3;
  while (*offset == '.' || g_ascii_isdigit (*offset))
    offset++;
  if (*offset == 'Z' || *offset == 'z')
    offset = "UTC";

  return g_strdup_printf ("%s %.5s %s", day, at + 11, offset);
}

void
_rec_report_write_log (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  GPtrArray *communications = packet->input->case_data->communications;
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (communications->len);
  const RecPdfColumn columns[] = {
    { l->when, 1.45, REC_PDF_ALIGN_LEFT, DATE_WIDTH },
    { l->channel, 1.4, REC_PDF_ALIGN_LEFT },
    { l->direction, 1.35, REC_PDF_ALIGN_LEFT },
    { l->with, 1.7, REC_PDF_ALIGN_LEFT },
    { l->what, 4.0, REC_PDF_ALIGN_LEFT },
    { l->follow_up, 1.25, REC_PDF_ALIGN_LEFT, DATE_WIDTH },
  };
  RecPdfTable *table;

  /* Borrowed pointers (g_ptr_array_copy would keep the free function). */
  for (guint i = 0; i < communications->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (communications, i));

  _rec_packet_section (packet, l->log);
  if (sorted->len == 0)
    {
      rec_pdf_paragraph (packet->pdf, l->no_log, TEXT_SIZE, FALSE);
      return;
    }

  g_ptr_array_sort (sorted, compare_communications);
  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  for (guint i = 0; i < sorted->len && !rec_pdf_has_failed (packet->pdf); i++)
    {
      const RecCommunication *c = g_ptr_array_index (sorted, i);
      g_autofree char *when = when_text (packet, c->at);
      g_autofree char *what = _rec_packet_with_exhibits (packet, c,
                                *c->subject != '\0' && *c->summary != '\0'
                                ? g_strdup_printf ("%s\n%s", c->subject, c->summary)
                                : g_strdup (*c->subject != '\0' ? c->subject : c->summary));
      g_autofree char *follow_up = rec_date_is_set (&c->follow_up)
                                   ? _rec_packet_local_date (packet, &c->follow_up) : g_strdup ("");
      const char *cells[] = {
        when, l->channels[c->channel], l->directions[c->direction], c->with, what, follow_up,
      };

      rec_pdf_table_row (table, cells, REC_PDF_ROW_NORMAL);
    }
  rec_pdf_table_end (table);
}

/* Enforcement checklist */

#define CHECKLIST_COLUMNS 7

/* One row of the checklist: a step, or a remedy without one (step NULL). */
static void
checklist_cells (const RecPacket          *packet,
                 RecRemedy                 remedy,
                 const RecEnforcementStep *step,
                 GPtrArray                *owned,
                 GPtrArray                *cells)
{
  const RecReportLabels *l = packet->labels;
  char *date = NULL;
  char *next = NULL;

  if (step == NULL)
    {
      const char *row[CHECKLIST_COLUMNS] = {
        l->remedy_names[remedy], l->statuses[REC_STATUS_NOT_STARTED], "", "", "", "", "",
      };

      for (guint c = 0; c < CHECKLIST_COLUMNS; c++)
        g_ptr_array_add (cells, (gpointer) row[c]);
      return;
    }

  date = rec_date_is_set (&step->date) ? _rec_packet_local_date (packet, &step->date) : g_strdup ("");
  next = rec_date_is_set (&step->next_date) ? _rec_packet_local_date (packet, &step->next_date)
                                            : g_strdup ("");
  g_ptr_array_add (owned, date);
  g_ptr_array_add (owned, next);
  {
    const char *row[CHECKLIST_COLUMNS] = {
      l->remedy_names[step->remedy], l->statuses[step->status], date,
      step->agency, step->reference, next, step->notes,
    };

    for (guint c = 0; c < CHECKLIST_COLUMNS; c++)
      g_ptr_array_add (cells, (gpointer) row[c]);
  }
}

static gboolean
has_remedy (GArray    *remedies,
            RecRemedy  remedy)
{
  for (guint i = 0; remedies != NULL && i < remedies->len; i++)
    if (g_array_index (remedies, RecRemedyResult, i).remedy == remedy)
      return TRUE;

  return FALSE;
}

/* Every remedy of the case's rules, in the engine's order, with the steps
 * taken for it ("Not started" without one); then the steps for a remedy
 * outside the rules, as recorded. */
void
_rec_report_write_checklist (const RecPacket *packet)
{
  const RecReportLabels *l = packet->labels;
  GPtrArray *steps = packet->input->case_data->enforcement;
  GArray *remedies = packet->result->remedies;
  const RecPdfColumn columns[CHECKLIST_COLUMNS] = {
    { l->remedy, 1.8, REC_PDF_ALIGN_LEFT },
    { l->status, 1.2, REC_PDF_ALIGN_LEFT },
    { l->date, 1.4, REC_PDF_ALIGN_LEFT, DATE_WIDTH },
    { l->agency, 2.0, REC_PDF_ALIGN_LEFT },
    { l->reference, 1.7, REC_PDF_ALIGN_LEFT },
    { l->next_date, 1.4, REC_PDF_ALIGN_LEFT, DATE_WIDTH },
    { l->notes, 2.5, REC_PDF_ALIGN_LEFT },
  };
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  RecPdfTable *table;
  guint n_rows;

  for (guint i = 0; remedies != NULL && i < remedies->len; i++)
    {
      RecRemedy remedy = g_array_index (remedies, RecRemedyResult, i).remedy;
      gboolean found = FALSE;

      for (guint j = 0; j < steps->len; j++)
        {
          const RecEnforcementStep *step = g_ptr_array_index (steps, j);

          if (step->remedy != remedy)
            continue;
          checklist_cells (packet, remedy, step, owned, cells);
          found = TRUE;
        }
      if (!found)
        checklist_cells (packet, remedy, NULL, owned, cells);
    }
  for (guint j = 0; j < steps->len; j++)
    {
      const RecEnforcementStep *step = g_ptr_array_index (steps, j);

      if (!has_remedy (remedies, step->remedy))
        checklist_cells (packet, step->remedy, step, owned, cells);
    }

  _rec_packet_section (packet, l->checklist);
  n_rows = cells->len / CHECKLIST_COLUMNS;
  if (n_rows == 0)
    {
      rec_pdf_paragraph (packet->pdf, l->no_checklist, TEXT_SIZE, FALSE);
      return;
    }

  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE);
  rec_pdf_table_fit_words (table, (const char * const *) cells->pdata, n_rows);
  for (guint i = 0; i < n_rows && !rec_pdf_has_failed (packet->pdf); i++)
    rec_pdf_table_row (table, (const char * const *) cells->pdata + i * CHECKLIST_COLUMNS,
                       REC_PDF_ROW_NORMAL);
  rec_pdf_table_end (table);
}
