/* rec-report-private.h — what the files of the packet share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rec-report.h"

G_BEGIN_DECLS

/* Every text of the packet that is not the user's own, translated when the
 * snapshot is made. Each field is owned. */
struct _RecReportLabels
{
  /* Document and decorations */
  char *packet_title;
  char *packet_subject;
  char *page_format;              /* "Page %d of %d" */
  char *footer_as_of;             /* "Amounts as of %s" */
  char *none;                     /* an empty field */
  char *yes;
  char *no;
  char *total;

  /* Cover */
  char *court;
  char *court_case_number;
  char *agency_case_number;
  char *obligor;
  char *obligee;
  char *name;
  char *address;
  char *phone;
  char *email;
  char *employer;
  char *withheld;                 /* instead of a withheld address or phone */
  char *children;
  char *born;
  char *as_of;
  char *prepared;
  char *totals;
  char *principal_owed;
  char *interest_owed;
  char *total_owed;
  char *days_delinquent;
  char *last_payment;
  char *disclaimer;
  char *state;
  char *rules_checked;            /* "Rules of %s, checked %s": a state, a date */
  char *rules_of;                 /* "Rules of %s" */
  char *date_format;              /* strftime, numeric */

  /* Summary */
  char *summary;
  char *terms;
  char *kind;
  char *amount;
  char *frequency;
  char *due_day;
  char *due_day_last;
  char *effective;
  char *ends;
  char *reference;
  char *no_terms;
  char *balance_chart;
  char *series_principal;
  char *series_total;
  char *no_balance;
  char *remedies;
  char *remedy;
  char *eligible;
  char *why;
  char *citation;
  char *your_status;
  char *no_automatic_interest;    /* %s: a state */

  /* Payoff projection (spec/arrears.md §10) */
  char *payoff_title;             /* %s: an amount */
  char *payoff_assumption;        /* %s: an amount, then a date */
  char *payoff_paid_off_on;
  char *payoff_never;
  char *payoff_interest;
  char *payoff_payment;
  char *payoff_interest_accrued;
  char *principal_balance;
  char *interest_balance;
  char *payoff_more;              /* set with the payoff: "and N more months" */

  /* Payment history (FL-421 in California) */
  char *history;
  char *history_form;             /* %s: the form's name */
  char *history_intro;
  char *month;
  char *amount_ordered;
  char *amount_paid;
  char *no_history;
  char *months[12];
  char *month_year;               /* %s: a month's name, %d: its year ("March 2026") */
  char *history_kind;             /* %s: a support kind's label */
  char *history_kind_intro;
  char *charges;
  char *charges_intro;
  char *interest_paid;
  char *interest_paid_intro;

  /* Ledger */
  char *ledger;
  char *date;
  char *entry;
  char *due;
  char *paid;
  char *principal;
  char *interest;
  char *balance;
  char *payment;
  char *no_ledger;
  char *split_current;      /* printf formats with one %s: an amount */
  char *split_interest;
  char *split_principal;
  char *split_credit;
  char *list_separator;
  char *entry_and_split;    /* printf format: the entry, then the split */

  /* Contempt (FL-411 in California) */
  char *contempt;
  char *contempt_form;            /* %s: the form's name */
  char *contempt_intro;
  char *contempt_intro_no_bar;    /* where no time limit bars a count */
  char *count;
  char *amount_due;
  char *unpaid;
  char *no_contempt;
  char *no_contempt_no_bar;

  /* Communication log */
  char *log;
  char *when;
  char *channel;
  char *direction;
  char *with;
  char *what;
  char *follow_up;
  char *no_log;

  /* Enforcement checklist */
  char *checklist;
  char *status;
  char *agency;
  char *next_date;
  char *notes;
  char *no_checklist;

  /* Exhibits (spec/evidence.md §5) */
  char *exhibit_index;
  char *exhibit_index_intro;        /* the originals are attached */
  char *exhibit_index_intro_none;   /* --no-originals */
  char *exhibit;                    /* the index's column */
  char *exhibit_n;                  /* "Exhibit %u" */
  char *exhibit_title;              /* "Exhibit %u — %s": a number, a file name */
  char *exhibit_page;               /* "Exhibit %u, page %u of %u" */
  char *description;
  char *first_page;
  char *pages;
  char *sha256;                     /* "SHA-256: %s" */
  char *exhibit_of;                 /* "%s — %s": a file name, what it proves */
  char *exhibit_more;               /* "%s … (%u in all)" */
  char *proves_case;
  char *proves_child;               /* each with %s: a name or a date, */
  char *proves_term;                /* and an amount first where there is one */
  char *proves_override;
  char *proves_charge;
  char *proves_payment;
  char *proves_communication;
  char *proves_enforcement;
  char *exhibit_unreadable;         /* %s: a file name, then its type */
  char *exhibit_not_shown;          /* %s: a file name, its type, its size */
  char *exhibit_original;           /* the original is attached */
  char *exhibit_original_none;      /* it is in the case file */
  char *exhibit_cut;                /* a text or PDF shown in part */
  char *mail_from;
  char *mail_to;
  char *mail_date;
  char *mail_subject;
  char *fingerprint_note;           /* how to check the fingerprint */
  char *history_altered;            /* instead of it: verify found problems */

  /* Enumerations (rec-enums.h labels) */
  char *term_kinds[REC_N_TERM_KINDS];
  char *frequencies[REC_N_FREQUENCIES];
  char *payment_methods[REC_N_PAYMENT_METHODS];
  char *channels[REC_N_CHANNELS];
  char *directions[REC_N_DIRECTIONS];
  char *remedy_names[REC_N_REMEDIES];
  char *statuses[REC_N_STATUSES];

  /* Every label above but the enumerations', by msgid ("context\004msgid"
   * with a context): for the words core builds (rec_ledger_line_split_text). */
  GHashTable *by_msgid;
};

/* rec_cents_format's form, learned once per packet from its own output so
 * that the packet's tens of thousands of amounts are written without printf
 * or localeconv: the text around the digits (for amounts >= 0, < 0), the
 * thousands separator and the decimal mark. `valid` FALSE: use
 * rec_cents_format. */
typedef struct
{
  gboolean  valid;
  char      before[2][16];
  char      after[2][16];
  char      group[8];
  char      decimal[8];
} RecMoneyForm;

/* The packet's numeric date format when it is made of %d, %m, %Y and other
 * characters only (every language we ship): written without strftime.
 * `valid` FALSE: use g_date_strftime. */
typedef struct
{
  gboolean  valid;
  char      format[32];
} RecDateForm;

void             _rec_money_form_init        (RecMoneyForm    *form,
                                              const char      *currency);
/* Appends cents in the form to `out` (form->valid). */
void             _rec_money_form_append      (const RecMoneyForm *form,
                                              RecCents            cents,
                                              GString            *out);
void             _rec_date_form_init         (RecDateForm     *form,
                                              const char      *format);
/* Appends the date in the form to `out` (form->valid). */
void             _rec_date_form_append       (const RecDateForm *form,
                                              const GDate       *date,
                                              GString           *out);

/* What every section of the packet reads while it is written. */
typedef struct
{
  const RecReportInput   *input;
  const RecReportLabels  *labels;
  const RecArrearsResult *result;
  RecPdf                 *pdf;
  RecRenderer             renderer;   /* the packet's words and money, for core */
  RecMoneyForm            money;
  RecDateForm             date;
  GHashTable             *exhibit_refs;   /* record → "Exhibit 2, Exhibit 5"; NULL: none */
} RecPacket;

/* The translation of a msgid the labels hold (context NULL: none), or msgid:
 * a RecTranslateFunc over the labels (user_data: the RecPacket). */
const char      *_rec_packet_translate       (const char *context,
                                              const char *msgid,
                                              gpointer    user_data);

#define TITLE_SIZE    20.0
#define H1_SIZE       15.0
#define H2_SIZE       11.5
#define TEXT_SIZE     10.0
#define TABLE_SIZE    9.0

/* Dates are never cut: their columns are at least this wide (every
 * language's numeric date has ten digits and separators). */
#define DATE_WIDTH    "00/00/0000"

/* A row of a totals table: a label and an amount, which this frees. */
void             _rec_packet_total_row       (RecPdfTable     *table,
                                              const char      *label,
                                              char            *amount,
                                              RecPdfRowFlags   flags);
/* "$1,234.50" in the case's currency (transfer full). */
char            *_rec_packet_money           (const RecPacket *packet,
                                              RecCents         cents);
/* A date in the packet's language's form ("01/15/2026", "15/01/2026"), or
 * the "none" label for a cleared date (transfer full). */
char            *_rec_packet_date            (const RecPacket *packet,
                                              const GDate     *date);
/* A date for people in the packet's language ("12/01/2026"; transfer full). */
char            *_rec_packet_local_date      (const RecPacket *packet,
                                              const GDate     *date);
/* A section starts on a new page with its title. */
void             _rec_packet_section         (const RecPacket *packet,
                                              const char      *title);

void             _rec_report_write_history   (const RecPacket *packet);
void             _rec_report_write_ledger    (const RecPacket *packet);
void             _rec_report_write_contempt  (const RecPacket *packet);
void             _rec_report_write_log       (const RecPacket *packet);
void             _rec_report_write_checklist (const RecPacket *packet);
/* Which exhibits prove each record (RecEntity → "Exhibit 2, Exhibit 5",
 * owned), NULL when the case has no attachments. */
GHashTable      *_rec_report_exhibit_refs    (const RecReportInput *input);
/* `text` and, on a line of its own, the exhibits proving `record`, if any
 * (transfer full). */
char            *_rec_packet_with_exhibits   (const RecPacket *packet,
                                              gconstpointer    record,
                                              char            *text);
/* The exhibit index and the exhibits (rec-report-exhibits.c); FALSE only
 * when the originals could not be written for embedding. */
gboolean         _rec_report_write_exhibits  (const RecPacket *packet,
                                              GError         **error);

/* The agency's stated arrears beside ours (rec-report-agency.c): compared
 * by the engine when the snapshot takes the rules (NULL rules: none), in the
 * current gettext language; drawn under the cover's totals when the case
 * records a figure and its day. */
void             _rec_report_agency_snapshot (RecReportInput  *input,
                                              const RecRules  *rules);
void             _rec_report_agency_free     (RecReportAgency *agency);
void             _rec_report_write_agency    (const RecPacket *packet);

/* How much of one field the packet shows (characters, lines): a title, a
 * short field (a name, a number, a subject), a long one (notes, a summary).
 * More is cut with "…" and a note; the case file keeps it all. */
#define TITLE_MAX_CHARS   300
#define TITLE_MAX_LINES   3
#define SHORT_MAX_CHARS   500
#define SHORT_MAX_LINES   10
#define LONG_MAX_CHARS    10000
#define LONG_MAX_LINES    200

/* NULL when `text` has at most `max_chars` characters and `max_lines` lines;
 * otherwise its start, "…" and "(N more characters, see the case file)" in
 * the current gettext language (transfer full). Each byte of invalid UTF-8
 * counts as one character, as the PDF shows it (U+FFFD). */
char            *_rec_report_bound_text     (const char *text,
                                             guint       max_chars,
                                             guint       max_lines);

/* One of the labels in the current gettext language, as the collection
 * translates them (transfer none). */
const char      *_rec_report_translate      (const char *context,
                                             const char *msgid);

/* Collects every label with _() in the current gettext language. */
RecReportLabels *_rec_report_labels_collect (void);
void             _rec_report_labels_free    (RecReportLabels *labels);

G_END_DECLS
