/* rec-cli-report.c — `recourse report CASE -o PACKET.pdf [--as-of D] [--lang LL] [--paper P]
 *                    [--payoff AMOUNT [--from DATE]] [--bates PREFIX] [--no-originals]`
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the case read-only, computes the arrears with its jurisdiction's rules
 * (the snapshot renders the remedies' reasons in the packet's language; a
 * language without its catalog is refused) and writes the PDF case packet of DESIGN.md §4 atomically; with
 * --payoff its summary shows the payoff projection of spec/arrears.md §10;
 * with --withhold-address the receiving parent's address and phone are left
 * out (spec/cli.md, round 2). The case's documents are its exhibits
 * (spec/evidence.md §5): embedded byte for byte unless --no-originals; with
 * --bates every page is labelled PREFIX-000001, …; a packet over 25 MB is
 * written with a warning (courts cap the size of a filing).
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-private.h"

#include "rec-attachment.h"
#include "rec-date.h"

#include "rec-arrears.h"
#include "rec-date.h"
#include "rec-money.h"
#include "rec-payoff.h"
#include "rec-report.h"
#include "rec-rules.h"
#include "rec-store.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

/* A Bates prefix: letters, digits, "-", "_" and ".", as court numbering uses. */
#define BATES_MAX_CHARS 32

typedef struct
{
  char        *output;
  char        *as_of;
  char        *lang;
  char        *paper;
  char        *payoff;
  char        *from;
  gboolean     withhold_address;
  char        *bates;
  gboolean     no_originals;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->output);
  g_free (options->as_of);
  g_free (options->lang);
  g_free (options->paper);
  g_free (options->payoff);
  g_free (options->from);
  g_free (options->bates);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
is_bates_prefix (const char *prefix)
{
  if (!g_utf8_validate (prefix, -1, NULL) || *prefix == '\0'
      || g_utf8_strlen (prefix, -1) > BATES_MAX_CHARS)
    return FALSE;
  for (const char *p = prefix; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '-' && c != '_' && c != '.')
        return FALSE;
    }

  return TRUE;
}

/* Checks the options that need no file; prints the problem and returns FALSE. */
static gboolean
check_options (const Options *options,
               RecPdfPaper   *out_paper,
               gboolean      *out_paper_given)
{
  g_autoptr(GError) error = NULL;

  if (options->output == NULL || *options->output == '\0')
    {
      _rec_cli_error ("%s", _("report: -o PACKET.pdf is required"));
      return FALSE;
    }
  if (g_str_has_suffix (options->output, ".recourse"))
    {
      /* Translators: %s is a file name given with -o */
      _rec_cli_error (_("-o: “%s” is a case file name; the packet is a PDF"), options->output);
      return FALSE;
    }
  if (options->lang != NULL && !rec_report_language_find (options->lang, &error))
    {
      /* Translators: %s says what is wrong with the language given */
      _rec_cli_error (_("--lang: %s"), error->message);
      return FALSE;
    }

  if (options->bates != NULL && !is_bates_prefix (options->bates))
    {
      /* Translators: %s is what was given; %d the most characters a prefix may have */
      _rec_cli_error (_("--bates: “%s” is not a prefix (letters, digits, -, _ and ., at most %d)"),
                      options->bates, BATES_MAX_CHARS);
      return FALSE;
    }

  *out_paper_given = options->paper != NULL;
  if (options->paper == NULL || g_ascii_strcasecmp (options->paper, "letter") == 0)
    *out_paper = REC_PDF_PAPER_LETTER;
  else if (g_ascii_strcasecmp (options->paper, "a4") == 0)
    *out_paper = REC_PDF_PAPER_A4;
  else
    {
      /* Translators: %s is what was given; "letter" and "a4" are typed as is */
      _rec_cli_error (_("--paper: “%s” is not a paper size (letter or a4)"), options->paper);
      return FALSE;
    }

  return TRUE;
}

/* --payoff AMOUNT [--from DATE]: *out_monthly 0 when not asked. */
static gboolean
check_payoff (const Options *options,
              RecCents      *out_monthly,
              GDate         *out_from)
{
  g_autoptr(GError) error = NULL;

  *out_monthly = 0;
  g_date_clear (out_from, 1);
  if (options->payoff == NULL)
    {
      if (options->from != NULL)
        {
          _rec_cli_error ("%s", _("--from: give --payoff AMOUNT too"));
          return FALSE;
        }
      return TRUE;
    }

  if (!_rec_cli_parse_amount ("--payoff", options->payoff, out_monthly))
    return FALSE;
  if (*out_monthly == 0)
    {
      _rec_cli_error ("%s", _("--payoff: the monthly payment must be more than 0"));
      return FALSE;
    }
  if (options->from != NULL && !rec_date_parse (options->from, out_from, &error))
    {
      /* Translators: %s explains what is wrong with the date */
      _rec_cli_error (_("--from: %s"), error->message);
      return FALSE;
    }

  return TRUE;
}

/* Opens and loads the case with its documents' bytes (the exhibits). A
 * missing file is bad usage; a file that cannot be read as a case is "the
 * work failed". */
static int
load_case (const char   *path,
           RecStore    **out_store,
           RecCaseData **out_case,
           RecRules    **out_rules)
{
  g_autoptr(GError) error = NULL;
  int status = _rec_cli_load_case_read_only (path, FALSE, out_store, out_case, out_rules);

  if (status != REC_EXIT_OK)
    return status;
  if (!rec_store_load_attachment_data (*out_store, *out_case, &error))
    {
      _rec_cli_error ("%s", error->message);
      g_clear_object (out_store);
      g_clear_pointer (out_case, rec_case_data_free);
      g_clear_pointer (out_rules, rec_rules_unref);
      return _rec_cli_exit_for_store_error (error);
    }
  return REC_EXIT_OK;
}

/* What the case file (and its write-ahead log, if any) looked like before
 * the packet's load checked its values: any write since changes the status
 * change time (ctime), which no one can set back. A file changed within the
 * second before it was looked at is not trusted to show a later change (the
 * clock's ticks are coarser than its nanoseconds). */
typedef struct
{
  gboolean valid;
  GStatBuf file;
  gboolean has_wal;
  GStatBuf wal;
} CaseLook;

static gboolean
same_stat (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size
         && a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec
         && a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* The status change time, in microseconds since 1970. */
static gint64
changed_at (const GStatBuf *st)
{
  return (gint64) st->st_ctim.tv_sec * G_USEC_PER_SEC + st->st_ctim.tv_nsec / 1000;
}

static void
look_at_case (const char *case_path,
              CaseLook   *look)
{
  g_autofree char *wal = g_strconcat (case_path, "-wal", NULL);
  gint64 quiet_since = g_get_real_time () - G_USEC_PER_SEC;

  *look = (CaseLook) { 0 };
  if (g_stat (case_path, &look->file) != 0)
    return;
  look->has_wal = g_stat (wal, &look->wal) == 0;
  look->valid = changed_at (&look->file) < quiet_since
                && (!look->has_wal || changed_at (&look->wal) < quiet_since);
}

/* Whether the case is as it was when `before` was taken. */
static gboolean
case_unchanged (const char     *case_path,
                const CaseLook *before)
{
  CaseLook now;

  if (!before->valid)
    return FALSE;
  look_at_case (case_path, &now);
  return now.has_wal == before->has_wal && same_stat (&now.file, &before->file)
         && (!now.has_wal || same_stat (&now.wal, &before->wal));
}

/* A packet written to a file is recorded in the case's history (a `packet`
 * entry with its SHA-256, spec/evidence.md §2), so `recourse verify --packet`
 * can tell it came from this case. The one write `report` makes, and only to
 * a case that has a history already: a failure leaves the packet as it is and
 * says so. The values rec_store_open checks were checked by the packet's own
 * load; they are checked again unless the file is unchanged since. */
static void
record_packet (const char     *case_path,
               const CaseLook *look,
               const char     *output,
               const GDate    *as_of,
               guint           pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autofree char *day = rec_date_to_iso (as_of);
  char sha256[65];

  mapped = g_mapped_file_new (output, FALSE, &error);
  if (mapped != NULL)
    {
      rec_sha256_hex ((const guint8 *) g_mapped_file_get_contents (mapped),
                      g_mapped_file_get_length (mapped), sha256);
      store = rec_store_open_flags (case_path, FALSE,
                                    case_unchanged (case_path, look) ? REC_STORE_OPEN_VALUES_CHECKED
                                                                     : REC_STORE_OPEN_DEFAULT,
                                    &error);
    }
  if (store == NULL || !rec_store_append_packet_entry (store, day, (int) pages, sha256, &error))
    /* Translators: %s says why the case's history could not take the entry */
    _rec_cli_error (_("warning: the packet was written, but the case’s history could not record it: %s"),
                    error->message);
}

/* Whether `recourse verify` would find problems in the case file: its packet
 * must then not present the history as intact (spec/evidence.md §3). A file
 * that cannot be verified at all was refused when it was loaded, and so was
 * a value Recourse never writes: rec_store_open, beside, checks the values,
 * and no packet is written unless it opens the file. */
static gboolean
case_is_altered (const char *case_path)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  RecStoreVerifyResult result = { 0 };

  if (rec_store_verify_file_flags (case_path, REC_STORE_VERIFY_VALUES_CHECKED, report, &result,
                                   &error))
    return FALSE;
  g_debug ("verify before the packet: %s", error != NULL ? error->message : "");
  return result.problems > 0;
}

/* The verification beside the packet: its thread, and the case it checks. */
typedef struct
{
  GThread    *thread;
  const char *case_path;
} Verifier;

static gpointer
verify_thread (gpointer data)
{
  return GINT_TO_POINTER (case_is_altered (data));
}

/* Joins the verification started beside the report (once). */
static gboolean
join_verify (Verifier *verifier)
{
  GThread *thread = g_steal_pointer (&verifier->thread);

  return thread != NULL && GPOINTER_TO_INT (g_thread_join (thread));
}

/* The report asks once every page but its cover's note is drawn: the
 * verification has run beside the load, the figures and the drawing. */
static gboolean
history_check (gpointer data)
{
  Verifier *verifier = data;

  if (!join_verify (verifier))
    return FALSE;
  /* Translators: %s is a case file; keep “recourse verify” as it is */
  _rec_cli_error (_("warning: %s was changed outside Recourse (see recourse verify); the packet says so"),
                  verifier->case_path);
  return TRUE;
}

/* Computes and takes the snapshot (of case_data, which it takes); the
 * snapshot renders the reasons in the packet's language. */
static RecReportInput *
make_input (RecCaseData    *case_data,
            const RecRules *rules,
            const GDate    *as_of,
            const char     *lang,
            RecPdfPaper     paper,
            GError        **error)
{
  RecArrearsResult *result = rec_arrears_compute (case_data, rules, as_of, error);

  if (result == NULL)
    {
      rec_case_data_free (case_data);
      return NULL;
    }
  return rec_report_input_new_take (case_data, result, lang, paper, NULL);
}

/* Courts cap the size of a filed document: the packet is written, and
 * this says so. */
static void
warn_size (const char *output,
           gboolean    no_originals)
{
  GStatBuf info;
  g_autofree char *size = NULL;
  g_autofree char *limit = NULL;

  if (g_str_equal (output, "-") || g_stat (output, &info) != 0 || info.st_size <= REC_REPORT_WARN_SIZE)
    return;

  size = g_format_size (info.st_size);
  limit = g_format_size (REC_REPORT_WARN_SIZE);
  if (no_originals)
    /* Translators: the first %s is a file, the second its size ("31.2 MB"), the third a size ("25.0 MB") */
    _rec_cli_error (_("warning: %s is %s; courts often accept files of at most %s"), output, size, limit);
  else
    /* Translators: the first %s is a file, the second its size ("31.2 MB"), the third a size ("25.0 MB"); keep --no-originals as it is */
    _rec_cli_error (_("warning: %s is %s; courts often accept files of at most %s (--no-originals leaves the original files out)"),
                    output, size, limit);
}

/* The imported files the case does not hold, for the exhibit index. */
static void
add_kept_sources (RecReportInput *input,
                  GPtrArray      *sources)
{
  static const char *const message_formats[] = { "sms", "mbox", "eml", NULL };

  for (guint i = 0; i < sources->len; i++)
    {
      const RecStoreImportSourceInfo *source = g_ptr_array_index (sources, i);

      if (!source->stored && strlen (source->sha256) == 64)
        rec_report_input_add_kept_source (input, source->name, source->sha256, source->size,
                                          source->n_records,
                                          g_strv_contains (message_formats, source->format));
    }
}

static int
write_verified_report (const char    *case_path,
                       const Options *options,
                       const GDate   *as_of,
                       RecPdfPaper    paper,
                       gboolean       paper_given,
                       RecCents       monthly,
                       const GDate   *from,
                       Verifier      *verifier)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) case_data = NULL;
  g_autoptr(RecRules) rules = NULL;
  g_autoptr(RecReportInput) input = NULL;
  g_autoptr(RecPayoff) payoff = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *fingerprint = NULL;
  gint64 entries = 0;
  guint pages = 0;
  gboolean ok;
  CaseLook look;
  int status;

  look_at_case (case_path, &look);
  status = load_case (case_path, &store, &case_data, &rules);

  if (status != REC_EXIT_OK)
    return status;
  if (!rec_store_get_fingerprint (store, &fingerprint, &entries, &error)
      || (sources = rec_store_load_import_sources (store, &error)) == NULL)
    {
      _rec_cli_error ("%s", error->message);
      return REC_EXIT_FAILED;
    }
  /* The reading connection goes before the packet entry's writing one. */
  g_clear_object (&store);

  if (!paper_given)
    paper = rec_report_default_paper (case_data->info->jurisdiction);

  /* Before the packet's snapshot takes the case. */
  if (monthly > 0)
    {
      payoff = rec_payoff_compute (case_data, rules, as_of, monthly, from, &error);
      if (payoff == NULL)
        {
          /* What the engine refuses in the request is bad usage. */
          if (g_error_matches (error, REC_CORE_ERROR, REC_CORE_ERROR_INVALID))
            {
              _rec_cli_error (_("--payoff: %s"), error->message);
              return REC_EXIT_USAGE;
            }
          _rec_cli_error (_("%s: %s"), case_path, error->message);
          return REC_EXIT_FAILED;
        }
    }

  input = make_input (g_steal_pointer (&case_data), rules, as_of, options->lang, paper, &error);
  if (input == NULL)
    {
      _rec_cli_error (_("%s: %s"), case_path, error->message);
      return REC_EXIT_FAILED;
    }
  rec_report_input_set_rules (input, rules);
  rec_report_input_set_withhold_address (input, options->withhold_address);
  if (payoff != NULL)
    rec_report_input_set_payoff (input, g_steal_pointer (&payoff), monthly);

  rec_report_input_set_bates (input, options->bates);
  rec_report_input_set_originals (input, !options->no_originals);
  if (fingerprint != NULL)
    rec_report_input_set_fingerprint (input, fingerprint, (guint64) entries);
  add_kept_sources (input, sources);
  rec_report_input_set_history_check (input, history_check, verifier);

  ok = rec_report_write_counted (input, options->output, &pages, &error);
  /* A packet without a fingerprint (or not drawn) never asked: the warning
   * still says what verify found. */
  if (verifier->thread != NULL)
    (void) history_check (verifier);
  if (!ok)
    {
      _rec_cli_error ("%s", error->message);
      return REC_EXIT_FAILED;
    }
  warn_size (options->output, options->no_originals);
  if (fingerprint != NULL && !g_str_equal (options->output, "-"))
    record_packet (case_path, &look, options->output, as_of, pages);

  return REC_EXIT_OK;
}

/* The verification (~0.2 s of CPU on the large case) runs in a thread of
 * its own while the case loads, the figures are computed and the packet is
 * drawn; the packet waits for it only to draw its cover's note, last. */
static int
write_report (const char    *case_path,
              const Options *options,
              const GDate   *as_of,
              RecPdfPaper    paper,
              gboolean       paper_given,
              RecCents       monthly,
              const GDate   *from)
{
  Verifier verifier = { g_thread_new ("rec-verify", verify_thread, (gpointer) case_path), case_path };
  int status = write_verified_report (case_path, options, as_of, paper, paper_given, monthly, from,
                                      &verifier);

  (void) join_verify (&verifier);
  return status;
}

int
_rec_cli_report (int    argc,
                 char **argv)
{
  g_auto(Options) options = { NULL, };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write the packet to this PDF file (- = standard output)"), N_("PACKET.pdf") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &options.as_of,
      N_("Compute for this date (default: today)"), N_("YYYY-MM-DD") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options.lang,
      N_("Make the packet in this language: en, es or vi (default: the environment's)"), N_("LL") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper,
      N_("Paper size: letter or a4 (default: letter for US cases, otherwise a4)"), N_("SIZE") },
    { "payoff", 0, 0, G_OPTION_ARG_STRING, &options.payoff,
      N_("Add to the summary what paying this much more a month toward the arrears would do"),
      N_("AMOUNT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("With --payoff: the first month of those payments (default: next month)"),
      N_("YYYY-MM-DD") },
    { "withhold-address", 0, 0, G_OPTION_ARG_NONE, &options.withhold_address,
      N_("Leave the receiving parent's address and phone out of the packet"), NULL },
    { "bates", 0, 0, G_OPTION_ARG_STRING, &options.bates,
      N_("Number every page PREFIX-000001, PREFIX-000002, … at the bottom right"), N_("PREFIX") },
    { "no-originals", 0, 0, G_OPTION_ARG_NONE, &options.no_originals,
      N_("Leave the exhibits' original files out of the PDF (smaller; their pages at 150 dpi)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE.recourse"));
  int status = REC_EXIT_OK;
  RecPdfPaper paper = REC_PDF_PAPER_LETTER;
  gboolean paper_given = FALSE;
  RecCents monthly = 0;
  GDate as_of;
  GDate from;

  /* "Usage: recourse report [OPTION…] CASE.recourse" */
  g_set_prgname ("recourse report");
  g_option_context_set_summary (context, _("Write the PDF case packet: cover, summary, payment "
                                           "history, ledger, contempt counts, communication log "
                                           "and enforcement checklist."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc != 2)
    {
      _rec_cli_error ("%s", argc < 2 ? _("report: which case? Give one CASE.recourse")
                                     : _("report: give exactly one CASE.recourse"));
      return REC_EXIT_USAGE;
    }

  g_date_clear (&as_of, 1);
  if (!check_options (&options, &paper, &paper_given) || !_rec_cli_parse_as_of (options.as_of, &as_of)
      || !check_payoff (&options, &monthly, &from)
      || !_rec_cli_check_output (options.output, argv[1], REC_CLI_OUTPUT_DOCUMENT, FALSE))
    return REC_EXIT_USAGE;

  return write_report (argv[1], &options, &as_of, paper, paper_given, monthly, &from);
}
