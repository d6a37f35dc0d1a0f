/* rec-cli-import.c — `recourse import-payments` and `import-messages` (spec/import.md §1)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file is read first (a file in no known format: exit 2, nothing
 * added); then the filter (--match, --with), the duplicates against the case
 * and the earlier files, and one transaction for the whole run. The report is
 * one line per kind of outcome, then one per rejected row with its place.
 *
 * import-messages --with streams instead: each message is filtered, checked
 * against the case and the earlier files and stored as the reader hands it
 * on (a thread beside the parser), in the one transaction held across the
 * run, committed after the last file — so a 1 GB backup's images are never
 * all kept, and storing them overlaps the parse. A file that cannot be read
 * rolls the run back: the outcome, output and exit codes are the same.
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-import.h"
#include "rec-cli-private.h"

#include "rec-enums.h"
#include "rec-import.h"
#include "rec-store.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* What both verbs were asked. */
typedef struct
{
  RecImportKind   kind;
  char          **filters;      /* --match / --with */
  gboolean        dry_run;
  char           *format;
  /* payments */
  char           *method;
  char           *columns;
  char           *date_order;
  /* messages */
  char           *me;
} ImportArgs;

static void
import_args_clear (ImportArgs *args)
{
  g_strfreev (args->filters);
  g_free (args->format);
  g_free (args->method);
  g_free (args->columns);
  g_free (args->date_order);
  g_free (args->me);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportArgs, import_args_clear)

static int
exit_for_import_error (const GError *error)
{
  if (g_error_matches (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO))
    return REC_EXIT_FAILED;
  return REC_EXIT_USAGE;
}

/* The formats --format takes, "auto" first. */
static const char *const payment_formats[] = { "auto", "csv", "ofx", "venmo", "paypal", "cashapp", NULL };
static const char *const message_formats[] = { "auto", "sms", "mbox", "eml", NULL };

static gboolean
check_options (const ImportArgs *args,
               int              *out_method)
{
  const char *const *formats = args->kind == REC_IMPORT_KIND_PAYMENTS
                               ? payment_formats : message_formats;

  *out_method = -1;
  if (args->format != NULL && !g_strv_contains (formats, args->format))
    {
      g_autofree char *shown = _rec_cli_printable (args->format, TRUE);
      g_autofree char *list = g_strjoinv (", ", (char **) formats);

      /* Translators: "--format xls: use one of auto, csv, ofx, …" */
      _rec_cli_error (_("--format %s: use one of %s"), shown, list);
      return FALSE;
    }
  if (args->date_order != NULL && !g_str_equal (args->date_order, "mdy")
      && !g_str_equal (args->date_order, "dmy"))
    {
      g_autofree char *shown = _rec_cli_printable (args->date_order, TRUE);

      /* Translators: keep mdy and dmy as they are */
      _rec_cli_error (_("--date-order %s: use mdy (month first) or dmy (day first)"), shown);
      return FALSE;
    }
  if (args->method != NULL && (*out_method = rec_payment_method_from_word (args->method)) < 0)
    {
      g_autofree char *shown = _rec_cli_printable (args->method, TRUE);
      g_autofree char *words = rec_payment_method_words ();

      /* Translators: "--method wire: use one of check, cash, …" */
      _rec_cli_error (_("--method %s: use one of %s"), shown, words);
      return FALSE;
    }
  return TRUE;
}

/* Opens the case (read-only for --dry-run, which writes nothing and never
 * migrates) and loads it; prints the error and sets *out_exit on failure. */
static RecCaseData *
load_case (const char  *path,
           gboolean     dry_run,
           RecStore   **out_store,
           int         *out_exit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  RecCaseData *c = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: %s is a file name */
      _rec_cli_error (_("“%s”: no such case file"), path);
      *out_exit = REC_EXIT_USAGE;
      return NULL;
    }
  store = rec_store_open (path, dry_run, &error);
  if (store == NULL || (c = rec_store_load_case (store, &error)) == NULL)
    {
      _rec_cli_error ("%s", error->message);
      *out_exit = _rec_cli_exit_for_store_error (error);
      return NULL;
    }
  if (!dry_run && rec_store_get_read_only (store))
    {
      rec_case_data_free (c);
      /* Translators: %s is a file name */
      _rec_cli_error (_("“%s” is write-protected: nothing was added"), path);
      *out_exit = REC_EXIT_FAILED;
      return NULL;
    }
  *out_store = g_steal_pointer (&store);
  return c;
}

/* What streaming messages to the store needs (see the top of the file). */
typedef struct
{
  RecImportMarker       *marker;
  RecStoreImportSession *session;       /* NULL: --dry-run */
  RecStoreImportSource  *store_source;  /* the file being read's, once known */
  GPtrArray             *store_sources; /* (owned) RecStoreImportSource, kept
                                         * until the commit */
  GError                *store_error;   /* a write that failed */
} Streamed;

static void
store_source_describe (RecStoreImportSource  *out,
                       const RecImportSource *source)
{
  out->name = source->name;
  out->sha256 = source->sha256;
  out->format = source->format;
  out->attachment = source->attachment;
  out->size = source->size;
}

/* RecImportCandidateFunc: the candidate's verdict, and a new one stored. */
static gboolean
stream_each (RecImportStream     *stream,
             RecImportCandidate  *candidate,
             gpointer             user_data,
             GError             **error)
{
  Streamed *run = user_data;

  rec_import_marker_mark (run->marker, candidate);
  if (run->session == NULL || candidate->status != REC_IMPORT_NEW || !candidate->selected)
    return TRUE;
  if (run->store_source == NULL)
    {
      run->store_source = g_new0 (RecStoreImportSource, 1);
      g_ptr_array_add (run->store_sources, run->store_source);
    }
  /* While the file is still being hashed, the store holds the messages'
   * history entries back (rec-store.h); read_all fills the source at the
   * end of the file if the hash was not done before its last message. */
  if (run->store_source->sha256 == NULL)
    {
      const RecImportSource *source = rec_import_stream_get_source (stream, error);

      if (source != NULL)
        store_source_describe (run->store_source, source);
      else if (error != NULL && *error != NULL)
        return FALSE;
    }
  if (!rec_store_import_session_add (run->session, run->store_source, candidate->record,
                                     candidate->media, &run->store_error))
    {
      /* The read stops; run_streamed reports the write's error. */
      g_set_error_literal (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_CANCELLED,
                           run->store_error->message);
      return FALSE;
    }
  return TRUE;
}

static RecImportSource *
read_one (const ImportArgs  *args,
          const RecCaseData *c,
          int                method,
          const char        *path,
          Streamed          *streamed,
          GError           **error)
{
  if (args->kind == REC_IMPORT_KIND_PAYMENTS)
    {
      RecImportPaymentOptions options = {
        .format = args->format, .columns = args->columns, .date_order = args->date_order,
        .method = method, .obligor_name = c->info->obligor.name,
        .obligor_email = c->info->obligor.email,
      };

      return rec_import_read_payments (path, &options, NULL, NULL, NULL, error);
    }
  else
    {
      RecImportMessageOptions options = {
        .format = args->format,
        .me = args->me != NULL ? args->me : c->info->obligee.email,
        .each = streamed != NULL ? stream_each : NULL,
        .each_data = streamed,
      };

      return rec_import_read_messages (path, &options, NULL, NULL, NULL, error);
    }
}

/* A write that failed: the transaction was rolled back. */
static int
not_changed (const GError *error)
{
  /* Translators: %s says why the case file could not be written */
  _rec_cli_error (_("The case was not changed: %s"), error->message);
  return REC_EXIT_FAILED;
}

/* Every file, in order; the first that cannot be read stops the run. */
static GPtrArray *
read_all (const ImportArgs  *args,
          const RecCaseData *c,
          int                method,
          int                argc,
          char             **argv,
          Streamed          *streamed,
          int               *out_exit)
{
  g_autoptr(GPtrArray) sources =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_source_free);

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      RecImportSource *source;

      if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
        {
          /* Translators: %s is a file name */
          _rec_cli_error (_("“%s”: no such file: nothing was added"), argv[i]);
          *out_exit = REC_EXIT_USAGE;
          return NULL;
        }
      if (!g_file_test (argv[i], G_FILE_TEST_IS_REGULAR))
        {
          /* Translators: %s is a file name (a folder, a device…) */
          _rec_cli_error (_("“%s” is not a file: nothing was added"), argv[i]);
          *out_exit = REC_EXIT_USAGE;
          return NULL;
        }
      source = read_one (args, c, method, argv[i], streamed, &error);
      if (source == NULL && streamed != NULL && streamed->store_error != NULL)
        {
          *out_exit = not_changed (streamed->store_error);
          return NULL;
        }
      if (source == NULL)
        {
          _rec_cli_error ("%s", error->message);
          *out_exit = exit_for_import_error (error);
          return NULL;
        }
      g_ptr_array_add (sources, source);
      if (streamed != NULL)
        {
          rec_import_marker_end_source (streamed->marker);
          if (streamed->store_source != NULL && streamed->store_source->sha256 == NULL)
            store_source_describe (streamed->store_source, source);
          streamed->store_source = NULL;
        }
    }
  return g_steal_pointer (&sources);
}

/* The records still NEW and selected of one source, for the store. */
static void
store_source_fill (RecStoreImportSource *out,
                   RecImportSource      *source,
                   GPtrArray            *records,
                   GPtrArray            *media)
{
  for (guint i = 0; i < source->candidates->len; i++)
    {
      RecImportCandidate *candidate = g_ptr_array_index (source->candidates, i);

      if (candidate->status != REC_IMPORT_NEW || !candidate->selected)
        continue;
      g_ptr_array_add (records, g_object_ref (candidate->record));
      g_ptr_array_add (media, candidate->media != NULL ? g_ptr_array_ref (candidate->media) : NULL);
    }
  out->name = source->name;
  out->sha256 = source->sha256;
  out->format = source->format;
  out->attachment = source->attachment;
  out->records = records;
  out->media = media;
  out->size = source->size;
}

static void
media_unref (gpointer media)
{
  if (media != NULL)
    g_ptr_array_unref (media);
}

static gboolean
write_all (RecStore   *store,
           GPtrArray  *sources,
           GError    **error)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree RecStoreImportSource *out = g_new0 (RecStoreImportSource, MAX (sources->len, 1));

  for (guint s = 0; s < sources->len; s++)
    {
      GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
      GPtrArray *media = g_ptr_array_new_with_free_func (media_unref);

      g_ptr_array_add (keep, records);
      g_ptr_array_add (keep, media);
      store_source_fill (&out[s], g_ptr_array_index (sources, s), records, media);
    }
  return rec_store_import (store, out, sources->len, error);
}

/* One line per kind of outcome ("added" always), then every rejected row. */
static void
print_report (RecImportKind  kind,
              GPtrArray     *sources)
{
  guint added = rec_import_count (sources, REC_IMPORT_NEW);
  guint duplicates = rec_import_count (sources, REC_IMPORT_DUPLICATE);
  guint not_matching = rec_import_count (sources, REC_IMPORT_NOT_MATCHING);
  guint rejected = rec_import_count (sources, REC_IMPORT_REJECTED);

  if (kind == REC_IMPORT_KIND_PAYMENTS)
    /* Translators: the report of recourse import-payments */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u payment added", "%u payments added", added),
             added);
  else
    /* Translators: the report of recourse import-messages */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u message added", "%u messages added", added),
             added);
  g_print ("\n");
  if (duplicates > 0)
    {
      /* Translators: rows of a statement (or messages) the case holds already */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u already in the case", "%u already in the case",
                            duplicates), duplicates);
      g_print ("\n");
    }
  if (not_matching > 0)
    {
      /* Translators: rows left out by --match or --with, money sent, fees */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u not matching", "%u not matching", not_matching),
               not_matching);
      g_print ("\n");
    }
  if (rejected > 0)
    {
      /* Translators: rows that could not be read; each follows with its reason */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected", rejected), rejected);
      g_print ("\n");
    }

  for (guint s = 0; s < sources->len; s++)
    {
      RecImportSource *source = g_ptr_array_index (sources, s);

      for (guint i = 0; i < source->candidates->len; i++)
        {
          RecImportCandidate *candidate = g_ptr_array_index (source->candidates, i);
          g_autofree char *where = NULL;
          g_autofree char *reason = NULL;

          if (candidate->status != REC_IMPORT_REJECTED)
            continue;
          where = _rec_cli_printable (candidate->where != NULL ? candidate->where : source->name,
                                      TRUE);
          reason = _rec_cli_printable (candidate->reason != NULL ? candidate->reason : "", TRUE);
          g_print ("%s: %s\n", where, reason);
        }
    }
}

/* "312 messages" */
static char *
message_count (guint count)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message", "%u messages", count),
                          count);
}

/* import-messages without --with: who the archives hold, to choose from, in
 * columns: address, count, name. */
static void
print_correspondents (GPtrArray *sources)
{
  g_autoptr(GPtrArray) list = rec_import_list_correspondents (sources);
  long address_width = 0, count_width = 0;

  if (list->len == 0)
    {
      g_print ("%s\n", _("No messages found: nothing was added"));
      return;
    }
  g_print ("%s\n", _("Nothing was added. Choose whose messages to add with --with ADDRESS:"));
  for (guint i = 0; i < list->len; i++)
    {
      RecImportCorrespondent *one = g_ptr_array_index (list, i);
      g_autofree char *count = message_count (one->count);

      address_width = MAX (address_width, g_utf8_strlen (one->address, -1));
      count_width = MAX (count_width, g_utf8_strlen (count, -1));
    }
  for (guint i = 0; i < list->len; i++)
    {
      RecImportCorrespondent *one = g_ptr_array_index (list, i);
      g_autofree char *address = _rec_cli_printable (one->address, TRUE);
      g_autofree char *contact = _rec_cli_printable (one->contact != NULL ? one->contact : "", TRUE);
      g_autofree char *count = message_count (one->count);
      int address_pad = (int) (address_width - g_utf8_strlen (one->address, -1));
      int count_pad = (int) (count_width - g_utf8_strlen (count, -1));

      if (*contact != '\0')
        g_print ("  %s%*s  %s%*s  %s\n", address, address_pad, "", count, count_pad, "", contact);
      else
        g_print ("  %s%*s  %s\n", address, address_pad, "", count);
    }
}

static int
report_done (const ImportArgs *args,
             GPtrArray        *sources)
{
  print_report (args->kind, sources);
  if (args->dry_run)
    g_print ("%s\n", _("Dry run: the case was not changed"));
  return REC_EXIT_OK;
}

/* import-messages --with: the messages stored as they are read. */
static int
run_streamed (ImportArgs  *args,
              RecStore    *store,
              RecCaseData *c,
              int          argc,
              char       **argv)
{
  g_autoptr(RecImportMarker) marker =
    rec_import_marker_new (args->kind, (const char *const *) args->filters, c);
  g_autoptr(GPtrArray) store_sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  Streamed run = { marker, NULL, NULL, store_sources, NULL };
  int status = REC_EXIT_OK;

  if (!args->dry_run)
    {
      run.session = rec_store_import_session_new (store, &error);
      if (run.session == NULL)
        return not_changed (error);
    }
  sources = read_all (args, c, -1, argc, argv, &run, &status);
  g_clear_error (&run.store_error);
  if (sources == NULL)
    {
      rec_store_import_session_abort (run.session);
      return status;
    }
  if (run.session != NULL && !rec_store_import_session_commit (run.session, &error))
    return not_changed (error);
  return report_done (args, sources);
}

/* Both verbs, once their options are parsed: argv[1] the case, then files. */
static int
run_import (ImportArgs *args,
            int         argc,
            char      **argv)
{
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  int status = REC_EXIT_OK;
  int method;

  if (!check_options (args, &method))
    return REC_EXIT_USAGE;
  c = load_case (argv[1], args->dry_run, &store, &status);
  if (c == NULL)
    return status;
  if (args->kind == REC_IMPORT_KIND_MESSAGES && args->filters != NULL
      && args->filters[0] != NULL)
    return run_streamed (args, store, c, argc, argv);
  sources = read_all (args, c, method, argc, argv, NULL, &status);
  if (sources == NULL)
    return status;

  for (guint s = 0; s < sources->len; s++)
    rec_import_source_filter (g_ptr_array_index (sources, s),
                              (const char *const *) args->filters);
  if (args->kind == REC_IMPORT_KIND_MESSAGES
      && (args->filters == NULL || args->filters[0] == NULL))
    {
      print_correspondents (sources);
      return REC_EXIT_OK;
    }
  rec_import_mark_duplicates (c, sources);

  if (!args->dry_run && !write_all (store, sources, &error))
    return not_changed (error);
  return report_done (args, sources);
}

static gboolean
parse (GOptionContext  *context,
       const char      *prgname,
       const char      *summary,
       GOptionEntry    *entries,
       int             *argc,
       char          ***argv,
       int             *out_exit)
{
  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return _rec_cli_parse_options (context, argc, argv, out_exit);
}

static gboolean
check_arguments (const char *verb,
                 int         argc)
{
  if (argc >= 3)
    return TRUE;
  if (argc < 2)
    /* Translators: %s is the verb, import-payments or import-messages */
    _rec_cli_error (_("%s: which case? Give one CASE.recourse"), verb);
  else
    /* Translators: %s is the verb, import-payments or import-messages */
    _rec_cli_error (_("%s: which files? Give one or more after the case"), verb);
  return FALSE;
}

int
_rec_cli_import_payments (int    argc,
                          char **argv)
{
  g_auto(ImportArgs) args = { .kind = REC_IMPORT_KIND_PAYMENTS };
  GOptionEntry entries[] = {
    { "match", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &args.filters,
      N_("Keep only rows whose description contains TEXT (any case; may be repeated)"),
      N_("TEXT") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &args.method,
      N_("The payments' method (default: from the row — check, bank_transfer or app)"),
      N_("METHOD") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &args.dry_run,
      N_("Say what would be added, and change nothing"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args.format,
      N_("auto (from the content), csv, ofx, venmo, paypal or cashapp"), N_("FORMAT") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &args.columns,
      N_("For a CSV without a header: which column is what, 1-based "
         "(date=1,amount=2,description=5)"), N_("COLUMNS") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &args.date_order,
      N_("mdy or dmy, for dates such as 03/04/2025 in a file that does not settle it"),
      N_("ORDER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE.recourse FILE…"));
  int status = REC_EXIT_OK;

  if (!parse (context, "recourse import-payments",
              _("Add the money received from bank and payment-app statements (CSV, "
                "OFX/QFX, Venmo, PayPal, Cash App) to the case as payments. A row "
                "already in the case is never added twice; the statement is kept "
                "as proof of the payments it gave. All the files are added, or "
                "none."),
              entries, &argc, &argv, &status))
    return status;
  if (!check_arguments ("import-payments", argc))
    return REC_EXIT_USAGE;
  return run_import (&args, argc, argv);
}

int
_rec_cli_import_messages (int    argc,
                          char **argv)
{
  g_auto(ImportArgs) args = { .kind = REC_IMPORT_KIND_MESSAGES };
  GOptionEntry entries[] = {
    { "with", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &args.filters,
      N_("Add the messages to or from this phone number or e-mail address (may be "
         "repeated); without it, list who the files hold"), N_("ADDRESS") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &args.dry_run,
      N_("Say what would be added, and change nothing"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args.format,
      N_("auto (from the content), sms, mbox or eml"), N_("FORMAT") },
    { "me", 0, 0, G_OPTION_ARG_STRING, &args.me,
      N_("Your own e-mail address, which tells sent mail from received (default: the "
         "case's)"), N_("ADDRESS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE.recourse FILE…"));
  int status = REC_EXIT_OK;

  if (!parse (context, "recourse import-messages",
              _("Add text messages (an SMS Backup & Restore file) and e-mail (mbox, "
                ".eml) with the other parent to the case's communication log. A "
                "message already in the case is never added twice; pictures and the "
                "original e-mail are kept as proof."),
              entries, &argc, &argv, &status))
    return status;
  if (!check_arguments ("import-messages", argc))
    return REC_EXIT_USAGE;
  return run_import (&args, argc, argv);
}
