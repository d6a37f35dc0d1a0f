/* rec-cli-attach.c — `recourse attach`, `attachments` and `extract` (spec/evidence.md §1)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record is named as in the export: its array and its 0-based index there
 * ("payments[3]"); "case" is the case itself. A document is named by the
 * start of its SHA-256 (the list shows 12 digits).
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-attach.h"
#include "rec-cli-private.h"

#include "rec-attachment.h"
#include "rec-date.h"
#include "rec-enums.h"
#include "rec-money.h"
#include "rec-store.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* The digits of a SHA-256 the list shows. */
#define PREFIX_DIGITS 12

/* The arrays a document can prove, in the export's order. */
static const struct
{
  const char *word;
  gsize       offset;
} kinds[] = {
  { "children", G_STRUCT_OFFSET (RecCaseData, children) },
  { "terms", G_STRUCT_OFFSET (RecCaseData, terms) },
  { "charges", G_STRUCT_OFFSET (RecCaseData, charges) },
  { "payments", G_STRUCT_OFFSET (RecCaseData, payments) },
  { "communications", G_STRUCT_OFFSET (RecCaseData, communications) },
  { "enforcement", G_STRUCT_OFFSET (RecCaseData, enforcement) },
};

static GPtrArray *
kind_array (const RecCaseData *c,
            guint              kind)
{
  return G_STRUCT_MEMBER (GPtrArray *, c, kinds[kind].offset);
}

/* Sets up the verb's options and parses them (FALSE: exit with *out_exit). */
static gboolean
parse_options (GOptionContext  *context,
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

/* Opens and loads the case with its documents (no bytes); prints the error
 * and sets *out_exit on failure. */
static RecCaseData *
load (const char  *path,
      gboolean     read_only,
      RecStore   **out_store,
      int         *out_exit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) c = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: %s is a file name */
      _rec_cli_error (_("“%s”: no such case file"), path);
      *out_exit = REC_EXIT_USAGE;
      return NULL;
    }

  store = rec_store_open (path, read_only, &error);
  if (store == NULL || (c = rec_store_load_case (store, &error)) == NULL)
    {
      _rec_cli_error ("%s", error->message);
      *out_exit = _rec_cli_exit_for_store_error (error);
      return NULL;
    }
  if (!read_only && rec_store_get_read_only (store))
    {
      /* Translators: %s is a file name */
      _rec_cli_error (_("“%s” is write-protected: nothing was added"), path);
      *out_exit = REC_EXIT_FAILED;
      return NULL;
    }

  *out_store = g_steal_pointer (&store);
  return g_steal_pointer (&c);
}

/* --to: "payments[3]" → that record; "case" → NULL. */
static gboolean
parse_target (const char         *text,
              const RecCaseData  *c,
              RecEntity         **out_record)
{
  const char *bracket = strchr (text, '[');
  g_autofree char *word = bracket != NULL ? g_strndup (text, bracket - text) : g_strdup (text);
  g_autofree char *shown = _rec_cli_printable (text, TRUE);
  guint64 index = 0;
  char *end = NULL;

  *out_record = NULL;
  if (g_str_equal (text, "case"))
    return TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *items = kind_array (c, k);

      if (!g_str_equal (word, kinds[k].word))
        continue;
      if (bracket == NULL || !g_ascii_isdigit (bracket[1])
          || (index = g_ascii_strtoull (bracket + 1, &end, 10), end == NULL)
          || strcmp (end, "]") != 0)
        break;
      if (index >= items->len)
        {
          /* Translators: "--to payments[7]: there is no payments[7]" */
          _rec_cli_error (_("--to %s: there is no %s"), shown, shown);
          return FALSE;
        }
      *out_record = items->pdata[index];
      return TRUE;
    }

  /* Translators: %s is what was given; keep the examples as they are */
  _rec_cli_error (_("--to %s: name a record as in the export, such as payments[3] or "
                    "communications[0], or the case"), shown);
  return FALSE;
}

/* attach CASE FILE… [--to ENTITY[N]] */
int
_rec_cli_attach (int    argc,
                 char **argv)
{
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to,
      N_("The record the files prove, as in the export (payments[3]); without it, the case"),
      N_("ENTITY[N]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE.recourse FILE…"));
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(GError) error = NULL;
  RecEntity *record = NULL;
  int status = REC_EXIT_OK;

  if (!parse_options (context, "recourse attach",
                      _("Keep documents in the case — a photo of a check, a "
                        "bank statement, the order — as proof of a record or "
                        "of the case. All the files are added, or none."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc < 3)
    {
      _rec_cli_error ("%s", argc < 2 ? _("attach: which case? Give one CASE.recourse")
                                     : _("attach: which files? Give one or more after the case"));
      return REC_EXIT_USAGE;
    }

  c = load (argv[1], FALSE, &store, &status);
  if (c == NULL)
    return status;
  if (to != NULL && !parse_target (to, c, &record))
    return REC_EXIT_USAGE;

  /* Every file is read first: one refused, and nothing is added. */
  for (int i = 2; i < argc; i++)
    {
      RecAttachment *attachment = rec_attachment_new_from_file (argv[i], &error);

      if (attachment == NULL)
        {
          _rec_cli_error ("%s", error->message);
          return REC_EXIT_USAGE;
        }
      if (record != NULL)
        rec_attachment_add_link (attachment, record);
      g_ptr_array_add (attachments, attachment);
    }

  if (!rec_store_add_attachments (store, attachments, &error))
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  for (guint i = 0; i < attachments->len; i++)
    {
      RecAttachment *attachment = attachments->pdata[i];
      g_autofree char *name = _rec_cli_printable (attachment->name, TRUE);

      printf ("%.*s  %s\n", PREFIX_DIGITS, attachment->sha256, name);
    }
  return REC_EXIT_OK;
}

/* What a record is, in a few words: "payments[3] 03/04/2026 $1,250.00". */
static char *
describe (const RecCaseData *c,
          const RecEntity   *record,
          GHashTable        *index)
{
  const char *word = rec_entity_kind_word (record);
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, record));
  const char *currency = c->info->currency;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  const char *label = "";

  if (record == NULL)
    /* Translators: what a document proves when it is the case's own */
    return g_strdup (_("the case"));

  if (REC_IS_PAYMENT ((RecEntity *) record))
    {
      const RecPayment *payment = REC_PAYMENT ((RecEntity *) record);

      date = rec_date_format (&payment->date);
      amount = rec_cents_format (payment->amount_cents, currency);
    }
  else if (REC_IS_CHARGE ((RecEntity *) record))
    {
      const RecCharge *charge = REC_CHARGE ((RecEntity *) record);

      date = rec_date_format (&charge->date);
      amount = rec_cents_format (charge->amount_cents, currency);
    }
  else if (REC_IS_TERM ((RecEntity *) record))
    {
      const RecTerm *term = REC_TERM ((RecEntity *) record);

      date = rec_date_format (&term->effective);
      amount = rec_cents_format (term->amount_cents, currency);
    }
  else if (REC_IS_CHILD ((RecEntity *) record))
    label = REC_CHILD ((RecEntity *) record)->name;
  else if (REC_IS_COMMUNICATION ((RecEntity *) record))
    label = REC_COMMUNICATION ((RecEntity *) record)->subject;
  else if (REC_IS_ENFORCEMENT_STEP ((RecEntity *) record))
    label = rec_remedy_label (REC_ENFORCEMENT_STEP ((RecEntity *) record)->remedy);

  if (date != NULL)
    return g_strdup_printf ("%s[%u] %s %s", word, i, date, amount);
  if (*label != '\0')
    {
      g_autofree char *shown = _rec_cli_printable (label, TRUE);

      return g_strdup_printf ("%s[%u] %s", word, i, shown);
    }
  return g_strdup_printf ("%s[%u]", word, i);
}

/* attachments CASE */
int
_rec_cli_attachments (int    argc,
                      char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE.recourse"));
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  int status = REC_EXIT_OK;

  if (!parse_options (context, "recourse attachments",
                      _("List the documents kept in the case: the start of "
                        "each one's SHA-256, its name, its size and what it "
                        "proves."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    {
      _rec_cli_error ("%s", argc < 2 ? _("attachments: which case? Give one CASE.recourse")
                                     : _("attachments: give exactly one CASE.recourse"));
      return REC_EXIT_USAGE;
    }

  c = load (argv[1], TRUE, &store, &status);
  if (c == NULL)
    return status;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < kind_array (c, k)->len; i++)
      g_hash_table_insert (index, kind_array (c, k)->pdata[i], GUINT_TO_POINTER (i));

  for (guint a = 0; a < c->attachments->len; a++)
    {
      RecAttachment *attachment = c->attachments->pdata[a];
      g_autoptr(GString) proves = g_string_new (NULL);
      g_autofree char *name = _rec_cli_printable (attachment->name, TRUE);
      g_autofree char *size = g_format_size ((guint64) attachment->size);

      if (attachment->links->len == 0)
        g_string_append (proves, _("the case"));
      for (guint l = 0; l < attachment->links->len; l++)
        {
          g_autofree char *what = describe (c, g_ptr_array_index (attachment->links, l), index);

          g_string_append (proves, l > 0 ? "; " : "");
          g_string_append (proves, what);
        }
      printf ("%.*s  %s  %s  %s\n", PREFIX_DIGITS, attachment->sha256, name, size, proves->str);
    }

  return REC_EXIT_OK;
}

/* extract CASE SHA256-PREFIX -o FILE */
int
_rec_cli_extract (int    argc,
                  char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the document to this file (- = standard output)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE.recourse SHA256-PREFIX"));
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *shown = NULL;
  RecAttachment *attachment;
  int status = REC_EXIT_OK;

  if (!parse_options (context, "recourse extract",
                      _("Write a document of the case, byte for byte, to a "
                        "file; name it by the start of its SHA-256 as "
                        "“recourse attachments” shows it."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    {
      _rec_cli_error ("%s", _("extract: give one CASE.recourse and the start of a SHA-256"));
      return REC_EXIT_USAGE;
    }
  if (output == NULL || *output == '\0')
    {
      _rec_cli_error ("%s", _("missing -o OUTPUT"));
      return REC_EXIT_USAGE;
    }

  prefix = g_ascii_strdown (argv[2], -1);
  shown = _rec_cli_printable (argv[2], TRUE);
  if (*prefix == '\0' || strspn (prefix, "0123456789abcdef") != strlen (prefix))
    {
      /* Translators: %s is what was given as the start of a SHA-256 */
      _rec_cli_error (_("“%s” is not the start of a SHA-256 (hex digits)"), shown);
      return REC_EXIT_USAGE;
    }
  if (!_rec_cli_check_output (output, argv[1], REC_CLI_OUTPUT_DOCUMENT, FALSE))
    return REC_EXIT_USAGE;

  c = load (argv[1], TRUE, &store, &status);
  if (c == NULL)
    return status;

  for (guint i = 0; i < c->attachments->len; i++)
    if (g_str_has_prefix (REC_ATTACHMENT (c->attachments->pdata[i])->sha256, prefix))
      g_ptr_array_add (found, c->attachments->pdata[i]);

  if (found->len != 1)
    {
      RecCaseData *all = c;
      GPtrArray *candidates = found->len == 0 ? all->attachments : found;

      if (found->len == 0)
        /* Translators: %s is the start of a SHA-256 */
        _rec_cli_error (_("no document of the case has a SHA-256 starting with %s"), shown);
      else
        /* Translators: %s is the start of a SHA-256; the documents follow, one a line */
        _rec_cli_error (_("%s is the start of more than one document's SHA-256: give more digits"),
                        shown);
      for (guint i = 0; i < candidates->len; i++)
        {
          RecAttachment *candidate = candidates->pdata[i];
          g_autofree char *name = _rec_cli_printable (candidate->name, TRUE);

          fprintf (stderr, "  %.*s  %s\n", PREFIX_DIGITS, candidate->sha256, name);
        }
      return REC_EXIT_USAGE;
    }

  attachment = found->pdata[0];
  bytes = rec_store_read_attachment_data (store, attachment->entity.id, &error);
  if (bytes == NULL
      || !_rec_cli_write_atomically (output, g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), &error))
    {
      _rec_cli_error ("%s", error->message);
      return REC_EXIT_FAILED;
    }

  return REC_EXIT_OK;
}
