/* rec-report.h — the PDF case packet (DESIGN.md §4) from an immutable snapshot
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build a RecReportInput on the main thread (it copies the case, copies the
 * engine's result and collects every label in the packet's language), then
 * call rec_report_write() on any thread: it reads only the snapshot, never
 * the store, and computes no figure itself — every amount comes from the
 * engine's RecArrearsResult, so the packet and `recourse summary` agree.
 */
#pragma once

#include <glib.h>

#include "rec-arrears.h"
#include "rec-case-data.h"
#include "rec-payoff.h"
#include "rec-pdf.h"
#include "rec-report-error.h"
#include "rec-rules.h"

G_BEGIN_DECLS

typedef struct _RecReportLabels   RecReportLabels;
typedef struct _RecReportLanguage RecReportLanguage;
typedef struct _RecReportAgency   RecReportAgency;

typedef struct
{
  RecCaseData      *case_data;    /* a copy */
  RecArrearsResult *result;       /* a copy; ledger sources point into case_data */
  GDate             as_of;        /* = result->as_of */
  GDate             prepared;     /* the day the packet is made */
  GDateTime        *prepared_at;  /* the document's creation date */
  RecPdfPaper       paper;
  char             *lang;         /* "en", "es", "vi"; NULL = the UI's language */
  RecReportLabels  *labels;       /* every label, already translated */

  /* The rules' words (rec_report_input_set_rules), in the packet's language. */
  char             *state_name;     /* "Texas"; NULL: the packet names no state */
  GDate             rules_verified; /* cleared: the rules do not say */
  char             *history_form;   /* "FL-421"; NULL or "": a plain title */
  char             *contempt_form;  /* "FL-411"; NULL or "": a plain title */
  gboolean          no_automatic_interest;  /* the summary says so */
  gboolean          no_contempt_time_bar;   /* every unpaid month is a count */

  /* rec_report_input_set_withhold_address: the receiving parent's address
   * and phone are "Withheld" wherever the packet would show them. */
  gboolean          withhold_address;

  /* The payoff projection (rec_report_input_set_payoff); NULL: none asked. */
  RecPayoff        *payoff;
  RecCents          payoff_monthly;

  /* Evidence (spec/evidence.md §5). The case's attachments are exhibits;
   * `no_originals` leaves their files out of the PDF (pages downsampled to
   * 150 dpi). */
  gboolean          no_originals;
  char             *bates_prefix;   /* "SMITH": SMITH-000001, …; NULL: none */
  /* rec_report_input_set_fingerprint; NULL: the case has no history yet,
   * and the packet says nothing of one. */
  char             *fingerprint;        /* the journal's head hash, 64 hex digits */
  guint64           fingerprint_entries;
  char             *fingerprint_text;   /* the cover's line, in the packet's language */
  char             *fingerprint_footer; /* "Fingerprint 3F2A-91C0-77DE-0B14" */
  /* rec_report_input_set_history_altered: verify found problems, so the
   * cover says so instead of how to check the packet against the case. */
  gboolean          history_altered;
  /* rec_report_input_set_history_check: asked once the rest is drawn. */
  gboolean        (*history_check) (gpointer user_data);
  gpointer          history_check_data;
  /* rec_report_input_add_kept_source: imported files the case does not hold
   * (over the 64 MiB limit), listed at the end of the exhibit index. */
  GPtrArray        *kept_sources;   /* RecReportKeptSource; NULL: none */

  /*< private >*/
  gboolean          result_from_engine;   /* free with rec_arrears_result_free */
  RecReportAgency  *agency;   /* the agency's figure beside ours (rec-report-agency.c); NULL: none */
} RecReportInput;

/* The languages a packet can be made in ("en", "es", "vi"), NULL-terminated. */
const char * const *rec_report_get_languages   (void);
gboolean            rec_report_language_is_supported (const char *lang);

/* Whether a packet can be made in `lang`: a supported language whose
 * catalog is where gettext looks (English needs none). Otherwise FALSE and
 * REC_REPORT_ERROR_LANGUAGE, one line naming the language and the file looked
 * for: a packet is never silently made in another language. */
gboolean            rec_report_language_find   (const char  *lang,
                                                GError     **error);

/* Switches gettext to `lang` for this thread's following _() calls (main
 * thread only: it changes the environment), until the matching pop. The
 * snapshot (rec_report_input_new) renders the remedies' reasons in its
 * language itself: the engine may run in any. NULL = keep the current
 * language. */
RecReportLanguage  *rec_report_language_push   (const char *lang);
void                rec_report_language_pop    (RecReportLanguage *saved);

/* Letter for US jurisdictions ("us-…"), A4 elsewhere. */
RecPdfPaper         rec_report_default_paper   (const char *jurisdiction);

/* Main thread. Copies case_data and result; collects the labels in `lang`
 * (NULL = the current UI language) and the words of the rules of the case's
 * jurisdiction (rec_rules_load; none when it has no rules). `prepared` NULL = today. A field longer
 * than the packet shows (a title over 300 characters, notes or a summary over
 * 10 000) is cut in the snapshot with "…" and a note saying how many more
 * characters the case file holds. */
RecReportInput     *rec_report_input_new       (const RecCaseData      *case_data,
                                                const RecArrearsResult *result,
                                                const char             *lang,
                                                RecPdfPaper             paper,
                                                const GDate            *prepared) G_GNUC_WARN_UNUSED_RESULT;
/* The same without copies: takes ownership of case_data and of result (which
 * must come from rec_arrears_compute on that case_data). For callers that
 * made them only for the packet, such as `recourse report`. */
RecReportInput     *rec_report_input_new_take  (RecCaseData            *case_data,
                                                RecArrearsResult       *result,
                                                const char             *lang,
                                                RecPdfPaper             paper,
                                                const GDate            *prepared) G_GNUC_WARN_UNUSED_RESULT;
void                rec_report_input_free      (RecReportInput         *input);

/* Main thread. Puts the words of `rules` in the snapshot, in its language:
 * the state's name (translated for the jurisdictions Recourse ships), the
 * day its values were verified, the form names of the payment-history and
 * contempt sections, and whether interest is automatic there (for the case's
 * agency_enforced). NULL removes them. */
void                rec_report_input_set_rules (RecReportInput         *input,
                                                const RecRules         *rules);
/* Adds the summary's "What if the payer pays `monthly` a month" block;
 * takes ownership of `payoff` (from rec_payoff_compute on the same case). */
void                rec_report_input_set_payoff (RecReportInput        *input,
                                                 RecPayoff             *payoff,
                                                 RecCents               monthly);
/* Main thread. TRUE leaves the receiving parent's (obligee's) address and
 * phone out of the packet (`--withhold-address`: a parent in an
 * address-confidentiality program): the cover says "Withheld" in their place,
 * and wherever else the snapshot's texts hold them (a note, a log entry) they
 * are replaced by it too. The snapshot no longer holds them afterwards, so
 * FALSE after TRUE only clears the flag. */
void                rec_report_input_set_withhold_address (RecReportInput *input,
                                                           gboolean        withhold);
/* Main thread. The case history's fingerprint (the last journal entry's
 * hash, 64 hex digits) and its number of entries: the cover shows it with how
 * to check it, every page's footer its short form, and the document's
 * Keywords hold "recourse-fingerprint:HASH". NULL (or a hash that is not 64
 * hex digits) removes it. */
void                rec_report_input_set_fingerprint (RecReportInput *input,
                                                      const char     *hash,
                                                      guint64         entries);
/* TRUE when verification of the case file found problems (spec/evidence.md
 * §3): the packet then claims nothing of the history's integrity, and its
 * cover says "Recourse found changes made outside it (see Verify)". */
void                rec_report_input_set_history_altered (RecReportInput *input,
                                                          gboolean        altered);
/* The same answer from a verification still running (a thread beside the
 * packet's drawing): `check` returns whether it found problems and is called
 * at most once, on the thread writing the packet, after every page but the
 * cover's note under the fingerprint is drawn — that note waits for it, in
 * the room of the longer of its two texts. NULL: the flag alone decides. */
typedef gboolean (*RecReportHistoryCheck) (gpointer user_data);
void                rec_report_input_set_history_check (RecReportInput        *input,
                                                        RecReportHistoryCheck  check,
                                                        gpointer               user_data);
/* A file imported but kept by the user, its line already in the packet's
 * language: "sms-backup.xml — 1.1 GB, 20 372 messages, kept by the user (too
 * large to store in the case)". */
typedef struct
{
  char  sha256[65];
  char *text;
} RecReportKeptSource;

/* Main thread. Lists an imported source file the case does not keep in the
 * exhibit index with its SHA-256, its size (<= 0: unknown) and the records
 * it gave (`messages`: communications, else payments). */
void                rec_report_input_add_kept_source (RecReportInput *input,
                                                      const char     *name,
                                                      const char     *sha256,
                                                      gint64          size,
                                                      guint           n_records,
                                                      gboolean        messages);
/* Bates labels on every page ("PREFIX-000001" at the bottom right); NULL or
 * "" none. */
void                rec_report_input_set_bates (RecReportInput         *input,
                                                const char             *prefix);
/* TRUE (the default) embeds each exhibit's original file in the PDF, byte
 * for byte; FALSE leaves them out (`--no-originals`) and draws the exhibits'
 * pages from images downsampled to 150 dpi. */
void                rec_report_input_set_originals (RecReportInput     *input,
                                                    gboolean            embed);

/* Courts cap the size of a filed document: over this, `recourse report`
 * and the window warn (and write the packet all the same). */
#define REC_REPORT_WARN_SIZE  (G_GINT64_CONSTANT (25) * 1000 * 1000)

/* The name of a jurisdiction in the current gettext language ("Texas",
 * "Texas" in Spanish), or `fallback` when Recourse does not ship it; NULL
 * when neither (transfer none). */
const char         *rec_report_state_name      (const char             *jurisdiction,
                                                const char             *fallback);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecReportInput, rec_report_input_free)

/* Any thread. Writes the packet to `path` through a temporary file in the same
 * folder and a rename ("-": standard output); on failure no file is left and
 * the error says why: REC_REPORT_ERROR_FAILED "The packet could not be made:
 * …" when libharu fails or the packet would pass REC_PDF_MAX_PAGES pages. */
gboolean            rec_report_write           (const RecReportInput   *input,
                                                const char             *path,
                                                GError                **error);
/* The same, also giving the packet's page count (for its journal entry). */
gboolean            rec_report_write_counted   (const RecReportInput   *input,
                                                const char             *path,
                                                guint                  *out_pages,
                                                GError                **error);
/* Any thread. The same packet in memory (printing: nothing touches the disk). */
GBytes             *rec_report_render          (const RecReportInput   *input,
                                                GError                **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
