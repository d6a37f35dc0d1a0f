/* rec-cli.c — dispatch of the command-line verbs and what they share
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-attach.h"
#include "rec-cli-import.h"
#include "rec-cli-private.h"

#include "rec-atomic-file.h"
#include "rec-date.h"
#include "rec-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct
{
  const char     *name;
  RecCliVerbFunc  func;
  const char     *usage;       /* untranslated synopsis */
  const char     *summary;     /* translated with _() when printed */
} Verb;

/* Verbs appear here once their issue implements them. */
static const Verb verbs[] = {
  { "new", _rec_cli_new, "new CASE --title T", N_("create an empty case file") },
  { "import", _rec_cli_import, "import JSON -o CASE", N_("create a case file from interchange JSON") },
  { "export", _rec_cli_export, "export CASE --json -o OUT", N_("write the case as interchange JSON (- = stdout)") },
  { "verify", _rec_cli_verify, "verify CASE [--packet PACKET.pdf]", N_("check the case file (integrity, schema, values, its history)") },
  { "history", _rec_cli_history, "history CASE [--json]", N_("list every change of the case") },
  { "demo", _rec_cli_demo, "demo -o CASE [--large]", N_("write the demo case") },
  { "summary", _rec_cli_summary, "summary CASE [--json]", N_("show what is owed, contempt counts and remedies (--as-of)") },
  { "report", _rec_cli_report, "report CASE -o PACKET.pdf", N_("write the PDF case packet (--as-of, --lang, --paper)") },
  { "letter", _rec_cli_letter, "letter CASE --kind KIND -o PDF", N_("write a demand letter, or California's notice of delinquency attachment (--pay-by, --lang)") },
  { "calendar", _rec_cli_calendar, "calendar CASE -o FILE.ics", N_("write the follow-up dates as a calendar") },
  { "attach", _rec_cli_attach, "attach CASE FILE… [--to payments[3]]", N_("keep documents in the case as proof") },
  { "attachments", _rec_cli_attachments, "attachments CASE", N_("list the documents kept in the case") },
  { "extract", _rec_cli_extract, "extract CASE SHA256-PREFIX -o FILE", N_("write a document of the case, byte for byte") },
  { "import-payments", _rec_cli_import_payments, "import-payments CASE FILE…", N_("add the money received from bank and app statements (--match, --dry-run)") },
  { "import-messages", _rec_cli_import_messages, "import-messages CASE FILE…", N_("add text messages and e-mail with the other parent (--with, --dry-run)") },
  { NULL, NULL, NULL, NULL },
};

static const Verb *
find_verb (const char *name)
{
  for (guint i = 0; verbs[i].name != NULL; i++)
    if (g_str_equal (verbs[i].name, name))
      return &verbs[i];

  return NULL;
}

static void
print_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n\n", _("Recourse — keep a child support enforcement case"));
  g_string_append_printf (out, "%s\n", _("Usage:"));
  g_string_append_printf (out, "  %-38s %s\n", "recourse", _("open the window"));
  g_string_append_printf (out, "  %-38s %s\n", "recourse CASE.recourse",
                          _("open that case in the window"));
  for (guint i = 0; verbs[i].name != NULL; i++)
    g_string_append_printf (out, "  recourse %-29s %s\n", verbs[i].usage, _(verbs[i].summary));
  g_string_append_printf (out, "  %-38s %s\n\n", "recourse --help | --version",
                          _("this help, or the version; VERB --help for a verb"));
  g_string_append_printf (out, "%s\n",
                          _("Exit status: 0 success, 1 the work failed, 2 bad usage or bad input."));
  fputs (out->str, stdout);
}

void
_rec_cli_error (const char *format,
                ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *printable = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Messages quote the case's text: never a raw control character. */
  printable = _rec_cli_printable (message, TRUE);
  fprintf (stderr, "recourse: %s\n", printable);
}

gboolean
_rec_cli_parse_options (GOptionContext *context,
                        int            *argc,
                        char         ***argv,
                        int            *out_exit)
{
  g_autoptr(GError) error = NULL;
  gboolean want_help = FALSE;

  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--help") || g_str_equal ((*argv)[i], "-h"))
      want_help = TRUE;

  if (want_help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stdout);
      *out_exit = REC_EXIT_OK;
      return FALSE;
    }

  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _rec_cli_error ("%s", error->message);
      /* Translators: %s is a verb such as "summary" */
      fprintf (stderr, _("Try “recourse %s --help”.\n"), (*argv)[0]);
      *out_exit = REC_EXIT_USAGE;
      return FALSE;
    }

  return TRUE;
}

gboolean
_rec_cli_write_atomically (const char  *path,
                           const char  *contents,
                           gsize        length,
                           GError     **error)
{
  if (g_str_equal (path, "-"))
    {
      if (fwrite (contents, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  return rec_atomic_file_set_contents (path, contents, length, error);
}

/* The first bytes of a file that tell a database (or its journal or WAL). */
#define HEADER_LENGTH 72
#define RECOURSE_APPLICATION_ID 0x52435345u   /* "RCSE", spec/DESIGN.md */

typedef enum
{
  CONTENT_OTHER,
  CONTENT_CASE,         /* SQLite with Recourse's application_id */
  CONTENT_DATABASE,     /* any other SQLite database, journal or WAL */
} Content;

static Content
content_of (const char *path)
{
  static const guchar sqlite_magic[16] = "SQLite format 3";   /* with its NUL */
  static const guchar journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  guchar header[HEADER_LENGTH] = { 0, };
  gsize n = 0;
  guint32 magic;
  int fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    return CONTENT_OTHER;
  while (n < sizeof header)
    {
      gssize got = read (fd, header + n, sizeof header - n);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        break;
      n += (gsize) got;
    }
  close (fd);

  magic = (guint32) header[0] << 24 | (guint32) header[1] << 16 | (guint32) header[2] << 8 | header[3];
  if (n >= sizeof sqlite_magic && memcmp (header, sqlite_magic, sizeof sqlite_magic) == 0)
    {
      guint32 application_id = (guint32) header[68] << 24 | (guint32) header[69] << 16
                               | (guint32) header[70] << 8 | header[71];

      return n == sizeof header && application_id == RECOURSE_APPLICATION_ID
             ? CONTENT_CASE : CONTENT_DATABASE;
    }
  if ((n >= sizeof journal_magic && memcmp (header, journal_magic, sizeof journal_magic) == 0)
      || (n >= 4 && (magic == 0x377f0682u || magic == 0x377f0683u)))
    return CONTENT_DATABASE;
  return CONTENT_OTHER;
}

/* "CASE-journal", "CASE-wal", "CASE-shm" beside a database: SQLite would take
 * the file for the database's own and delete or apply it. */
static gboolean
beside_a_database (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (path, suffixes[i]))
      {
        g_autofree char *database = g_strndup (path, strlen (path) - strlen (suffixes[i]));

        if (content_of (database) != CONTENT_OTHER)
          return TRUE;
      }
  return FALSE;
}

static gboolean
refuse_database (const char *output)
{
  /* Translators: %s is a file name given with -o */
  _rec_cli_error (_("“%s” is part of a database; choose another output file"), output);
  return FALSE;
}

gboolean
_rec_cli_check_output (const char   *output,
                       const char   *input,
                       RecCliOutput  kind,
                       gboolean      force)
{
  GStatBuf out_st, in_st;
  Content content;

  g_return_val_if_fail (output != NULL, FALSE);

  if (g_str_equal (output, "-"))
    return TRUE;

  /* A name that does not exist (or a dangling link, which the rename
   * replaces) holds nothing to lose, unless SQLite would take it for a
   * database's journal; a name that cannot be looked up is left to the
   * writer, whose message says why. */
  if (g_stat (output, &out_st) != 0)
    return !beside_a_database (output) || refuse_database (output);

  if (input != NULL && g_stat (input, &in_st) == 0
      && in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)
    {
      /* Translators: %s is a file name given both as input and as -o */
      _rec_cli_error (_("“%s” is both the input and the output"), output);
      return FALSE;
    }

  if (!S_ISREG (out_st.st_mode))
    {
      /* Translators: %s is a file name; a FIFO, a device or a folder is not a regular file */
      _rec_cli_error (_("“%s” is not a regular file"), output);
      return FALSE;
    }

  content = content_of (output);
  if (content == CONTENT_OTHER && beside_a_database (output))
    content = CONTENT_DATABASE;
  if (content == CONTENT_DATABASE)
    return refuse_database (output);
  if (content == CONTENT_CASE && kind == REC_CLI_OUTPUT_DOCUMENT)
    {
      /* Translators: %s is a file name given with -o; no option overrides this */
      _rec_cli_error (_("“%s” is a case file; choose another output file"), output);
      return FALSE;
    }
  if (kind == REC_CLI_OUTPUT_CASE && !force)
    {
      /* Translators: %s is a file name */
      _rec_cli_error (_("“%s” already exists; use --force to replace it"), output);
      return FALSE;
    }

  return TRUE;
}

static gboolean
too_large (const char *path,
           int        *out_exit)
{
  /* Translators: %s is a file name; %d a number of megabytes such as 512 */
  _rec_cli_error (_("“%s” is larger than %d MB, the most a case's JSON can be"),
                  path, REC_CLI_MAX_INPUT_MB);
  *out_exit = REC_EXIT_USAGE;
  return FALSE;
}

gboolean
_rec_cli_parse_amount (const char *option,
                       const char *text,
                       RecCents   *out_cents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *machine = NULL;
  RecCents cents;

  if (rec_cents_parse (text, FALSE, out_cents, &error))
    return TRUE;

  /* What the window would take: say how the command line writes it. */
  if (rec_cents_parse_display (text, NULL, FALSE, &cents, NULL, NULL))
    {
      g_autofree char *shown = _rec_cli_printable (text, TRUE);

      machine = rec_cents_to_string (cents);
      /* Translators: the first %s is an option (--payoff), the second the amount
       * as given ("1.250,00"), the third the same amount as the command line
       * writes it ("1250.00") */
      _rec_cli_error (_("%s: \"%s\": write the amount with a point before the cents and no "
                        "thousands separator, as %s"), option, shown, machine);
      return FALSE;
    }
  /* Translators: the first %s is an option (--payoff), the second what is wrong */
  _rec_cli_error (_("%s: %s"), option, error->message);
  return FALSE;
}

gboolean
_rec_cli_read_input (const char  *path,
                     char       **out_contents,
                     gsize       *out_length,
                     int         *out_exit)
{
  const gsize max = (gsize) REC_CLI_MAX_INPUT_MB * 1024 * 1024;
  g_autofree char *contents = NULL;
  struct stat st;
  gsize length = 0, capacity;
  int fd;

  /* O_NONBLOCK: opening a FIFO without a writer must not wait. */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      /* Translators: %s is a file name, the second %s the system's reason */
      _rec_cli_error (_("Cannot read “%s”: %s"), path, g_strerror (saved));
      *out_exit = saved == ENOENT || saved == ENOTDIR ? REC_EXIT_USAGE : REC_EXIT_FAILED;
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      /* Translators: %s is a file name; a FIFO, a device or a folder is not a regular file */
      _rec_cli_error (_("“%s” is not a regular file"), path);
      *out_exit = REC_EXIT_USAGE;
      return FALSE;
    }

  if ((guint64) st.st_size > max)
    {
      close (fd);
      return too_large (path, out_exit);
    }

  /* One byte more than its size sees a file that grows meanwhile: read on,
   * up to one byte past the cap. */
  capacity = (gsize) st.st_size + 1;
  contents = g_malloc (capacity + 1);
  for (;;)
    {
      gssize got;

      if (length == capacity)
        {
          if (capacity > max)
            break;
          capacity = MIN (capacity * 2, max + 1);
          contents = g_realloc (contents, capacity + 1);
        }
      got = read (fd, contents + length, capacity - length);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved = errno;

          close (fd);
          /* Translators: %s is a file name, the second %s the system's reason */
          _rec_cli_error (_("Cannot read “%s”: %s"), path, g_strerror (saved));
          *out_exit = REC_EXIT_FAILED;
          return FALSE;
        }
      if (got == 0)
        break;
      length += (gsize) got;
    }
  close (fd);

  if (length > max)
    return too_large (path, out_exit);

  contents[length] = '\0';
  *out_contents = g_steal_pointer (&contents);
  *out_length = length;
  return TRUE;
}

static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061c || c == 0x200e || c == 0x200f
         || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

char *
_rec_cli_printable (const char *text,
                    gboolean    one_line)
{
  GString *out;
  const char *p, *end;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if ((c < 0x20 && c != '\t' && (c != '\n' || one_line)) || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if ((c >= 0x80 && c <= 0x9f) || is_bidi_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }

  return g_string_free (out, FALSE);
}

gboolean
_rec_cli_parse_as_of (const char *text,
                      GDate      *out_date)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      rec_date_set_today (out_date);
      return TRUE;
    }

  if (!rec_date_parse (text, out_date, &error))
    {
      /* Translators: %s explains what is wrong with the date */
      _rec_cli_error (_("--as-of: %s"), error->message);
      return FALSE;
    }

  return TRUE;
}

/* One mapping for every verb: a file that is not a case, is too new, or holds
 * a schema another program changed is bad input (2); a case that cannot be
 * read or written, or is in use by another program (try again), is failed
 * work (1). */
int
_rec_cli_exit_for_store_error (const GError *error)
{
  if (error->domain == REC_STORE_ERROR
      && (error->code == REC_STORE_ERROR_NOT_A_CASE || error->code == REC_STORE_ERROR_TOO_NEW
          || error->code == REC_STORE_ERROR_EXISTS || error->code == REC_STORE_ERROR_CONSTRAINT
          || error->code == REC_STORE_ERROR_MODIFIED))
    return REC_EXIT_USAGE;
  return REC_EXIT_FAILED;
}

int
_rec_cli_load_case_read_only (const char   *path,
                              gboolean      ledger_only,
                              RecStore    **out_store,
                              RecCaseData **out_case,
                              RecRules    **out_rules)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) case_data = NULL;
  RecRules *rules;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: %s is a file name */
      _rec_cli_error (_("“%s”: no such case file"), path);
      return REC_EXIT_USAGE;
    }

  /* The store's messages name the file already. */
  store = rec_store_open (path, TRUE, &error);
  if (store != NULL)
    case_data = ledger_only ? rec_store_load_ledger (store, &error)
                            : rec_store_load_case (store, &error);
  if (case_data == NULL)
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  rules = rec_rules_load (case_data->info->jurisdiction, &error);
  if (rules == NULL)
    {
      _rec_cli_error (_("%s: %s"), path, error->message);
      return REC_EXIT_FAILED;
    }

  *out_rules = rules;
  *out_case = g_steal_pointer (&case_data);
  if (out_store != NULL)
    *out_store = g_steal_pointer (&store);
  return REC_EXIT_OK;
}

gboolean
rec_cli_handles (int    argc,
                 char **argv)
{
  if (argc < 2)
    return FALSE;

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")
      || g_str_equal (argv[1], "--version") || find_verb (argv[1]) != NULL)
    return TRUE;

  /* A word that is neither a verb nor a case file is a typo of a verb: say so
   * here rather than open a window that cannot find the file. */
  return !g_str_has_suffix (argv[1], ".recourse") && !g_file_test (argv[1], G_FILE_TEST_EXISTS)
         && argv[1][0] != '-';
}

int
rec_cli_run (int    argc,
             char **argv)
{
  const Verb *verb;

  g_return_val_if_fail (argc >= 2, REC_EXIT_USAGE);

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("recourse %s\n", PACKAGE_VERSION);
      return REC_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return REC_EXIT_OK;
    }

  verb = find_verb (argv[1]);
  if (verb == NULL)
    {
      /* Translators: %s is what the user typed instead of a verb */
      _rec_cli_error (_("“%s” is not a command. Try “recourse --help”."), argv[1]);
      return REC_EXIT_USAGE;
    }

  return verb->func (argc - 1, argv + 1);
}
