/* rec-report-agency.c — the agency's stated arrears beside ours on the cover
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the case records the arrears the child support agency last stated
 * (issue 14 point 5), the cover shows under its totals what the agency
 * stated and on which day, what Recourse computes for that same day, the
 * difference, and the sentence that explains it (a parent may ask the agency
 * for an audit of its arrears). The figure for the agency's day is the
 * engine's (rec_agency_compare), run when the snapshot takes the rules, on
 * the main thread and in the packet's language: drawing computes nothing.
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-report-private.h"

#include "rec-agency.h"

#include <glib/gi18n.h>

struct _RecReportAgency
{
  RecAgencyComparison  comparison;
  char                *stated;       /* "Agency’s stated arrears (%s)": a date */
  char                *ours;         /* "Recourse for the same day" */
  char                *difference;   /* "Difference" */
  char                *explanation;  /* rec_agency_comparison_text */
};

void
_rec_report_agency_free (RecReportAgency *agency)
{
  if (agency == NULL)
    return;

  g_free (agency->stated);
  g_free (agency->ours);
  g_free (agency->difference);
  g_free (agency->explanation);
  g_free (agency);
}

void
_rec_report_agency_snapshot (RecReportInput *input,
                             const RecRules *rules)
{
  const RecRenderer renderer = { NULL, NULL, input->result->currency, NULL };
  g_autoptr(GError) error = NULL;
  RecAgencyComparison comparison;
  RecReportAgency *agency;

  g_clear_pointer (&input->agency, _rec_report_agency_free);
  if (rules == NULL)
    return;
  if (!rec_agency_compare (input->case_data, rules, &comparison, &error))
    {
      /* The packet's own run of the engine succeeded on the same case: an
       * error here would be the agency's day alone; the cover then shows no
       * comparison rather than a wrong one. */
      if (error != NULL)
        g_debug ("No comparison with the agency's figure: %s", error->message);
      return;
    }

  agency = g_new0 (RecReportAgency, 1);
  agency->comparison = comparison;
  /* Translators: on the packet's cover, under the totals; %s is the date the
   * child support agency stated its arrears figure */
  agency->stated = g_strdup (_("Agency’s stated arrears (%s)"));
  /* Translators: on the packet's cover: what Recourse computes as owed on the
   * day the agency stated its figure */
  agency->ours = g_strdup (_("Recourse for the same day"));
  /* Translators: on the packet's cover: Recourse's figure minus the agency's */
  agency->difference = g_strdup (_("Difference"));
  agency->explanation = rec_agency_comparison_text (&comparison, &renderer);
  input->agency = agency;
}

void
_rec_report_write_agency (const RecPacket *packet)
{
  const RecReportAgency *agency = packet->input->agency;
  const RecAgencyComparison *c;
  const RecPdfColumn columns[] = {
    { NULL, 6.0, REC_PDF_ALIGN_LEFT },
    { NULL, 4.0, REC_PDF_ALIGN_RIGHT },
  };
  g_autofree char *date = NULL;
  g_autofree char *stated = NULL;
  RecPdfTable *table;

  if (agency == NULL)
    return;

  c = &agency->comparison;
  date = _rec_packet_local_date (packet, &c->as_of);
  stated = g_strdup_printf (agency->stated, date);

  rec_pdf_skip (packet->pdf, 8.0);
  /* The rows and the sentence under them stay on one page. */
  rec_pdf_ensure_space (packet->pdf, 4 * (TABLE_SIZE + 8.0) + 3 * (TEXT_SIZE + 4.0));
  /* In the totals' columns, so the amounts line up with theirs. */
  table = rec_pdf_table_new (packet->pdf, columns, G_N_ELEMENTS (columns), TABLE_SIZE + 0.5);
  rec_pdf_table_set_width (table, rec_pdf_get_width (packet->pdf) * 0.62);
  _rec_packet_total_row (table, stated, _rec_packet_money (packet, c->agency_cents), REC_PDF_ROW_NORMAL);
  _rec_packet_total_row (table, agency->ours, _rec_packet_money (packet, c->ours_cents), REC_PDF_ROW_NORMAL);
  _rec_packet_total_row (table, agency->difference, _rec_packet_money (packet, c->difference_cents), REC_PDF_ROW_BOLD);
  rec_pdf_table_end (table);
  rec_pdf_skip (packet->pdf, 4.0);
  rec_pdf_paragraph (packet->pdf, agency->explanation, TEXT_SIZE - 0.5, FALSE);
}
