/* rec-cli-history.c — the case history on the command line: `recourse history`,
 * and what `recourse verify` says of it (spec/evidence.md §3)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-private.h"

#include "rec-attachment.h"
#include "rec-store.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

char *
_rec_cli_group_digits (gint64 number)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (number));
  GString *out = g_string_new (number < 0 ? "-" : "");
  gsize length = strlen (digits);

  /* Groups of three with a plain space, as the spec writes "1 234". */
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

void
_rec_cli_print_intact (const RecStoreVerifyResult *result)
{
  g_autofree char *count = _rec_cli_group_digits (result->entries);
  g_autofree char *fingerprint = rec_fingerprint_format (result->fingerprint);

  if (result->entries <= 0 || fingerprint == NULL)
    return;

  /* Translators: "intact: 1 234 entries, fingerprint 3F2A-91C0-77DE-0B14";
   * the first %s is the number of history entries, the second the fingerprint */
  printf (g_dngettext (GETTEXT_PACKAGE, "intact: %s entry, fingerprint %s\n",
                       "intact: %s entries, fingerprint %s\n", (gulong) result->entries),
          count, fingerprint);
}

void
_rec_cli_print_altered (guint problems)
{
  /* Translators: %u is how many problems verify found */
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "altered: %u problem\n", "altered: %u problems\n",
                                problems),
           problems);
}

/* The 64 hex digits of a hash after `p` in the form it has in the file
 * (`width` 1: as text; 4: as the UTF-16BE hex digits "0066" of a hex
 * string, as libharu writes document information); NULL if they are not. */
static char *
read_hash (const char *p,
           const char *end,
           guint       width)
{
  char hash[65];

  if ((gsize) (end - p) < 64 * width)
    return NULL;
  for (guint i = 0; i < 64; i++, p += width)
    {
      char c;

      if (width == 4)
        {
          if (p[0] != '0' || p[1] != '0' || !g_ascii_isxdigit (p[2]) || !g_ascii_isxdigit (p[3]))
            return NULL;
          c = (char) (g_ascii_xdigit_value (p[2]) * 16 + g_ascii_xdigit_value (p[3]));
        }
      else
        c = p[0];
      if (!g_ascii_isxdigit (c))
        return NULL;
      hash[i] = g_ascii_tolower (c);
    }
  hash[64] = '\0';
  return g_strdup (hash);
}

/* The full hash of the packet's Keywords "recourse-fingerprint:<hash>",
 * found in the file as plain text or as the UTF-16 hex string libharu
 * writes (the document information dictionary is not compressed); NULL if
 * none. */
static char *
packet_fingerprint (const char *contents,
                    gsize       length)
{
  static const char marker[] = "recourse-fingerprint:";
  const char *end = contents + length;
  GString *hex = g_string_new (NULL);
  g_autofree char *hex_marker = NULL;
  char *found = NULL;

  for (const char *m = marker; *m != '\0'; m++)
    g_string_append_printf (hex, "00%02X", (guchar) *m);
  hex_marker = g_string_free (hex, FALSE);

  for (const char *p = contents; found == NULL && p < end; p++)
    {
      gsize left = end - p;

      if (*p == 'r' && left > sizeof marker - 1 && memcmp (p, marker, sizeof marker - 1) == 0)
        found = read_hash (p + sizeof marker - 1, end, 1);
      else if (*p == '0' && left > strlen (hex_marker)
               && g_ascii_strncasecmp (p, hex_marker, strlen (hex_marker)) == 0)
        found = read_hash (p + strlen (hex_marker), end, 4);
    }

  return found;
}

int
_rec_cli_verify_packet (const char *case_path,
                        const char *pdf_path,
                        gboolean    intact)
{
  g_autofree char *contents = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RecStorePacketInfo info;
  gsize length = 0;
  int status = REC_EXIT_OK;
  char sha256[65];

  if (!_rec_cli_read_input (pdf_path, &contents, &length, &status))
    return status;
  rec_sha256_hex ((const guint8 *) contents, length, sha256);
  fingerprint = packet_fingerprint (contents, length);

  store = rec_store_open (case_path, TRUE, &error);
  if (store == NULL || !rec_store_find_packet (store, sha256, fingerprint, &info, &error))
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  if (info.match == REC_STORE_PACKET_MADE_HERE)
    {
      g_autofree char *entry = _rec_cli_group_digits (info.entry);
      g_autofree char *since = _rec_cli_group_digits (info.changes_since);

      /* Translators: "this packet was made from this case at entry 1 200 on
       * 2026-12-01; 34 changes since": an entry number, a date, a count */
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "this packet was made from this case at entry %s on %s; %s change since\n",
                           "this packet was made from this case at entry %s on %s; %s changes since\n",
                           (gulong) info.changes_since),
              entry, info.date, since);
      return intact ? REC_EXIT_OK : REC_EXIT_FAILED;
    }

  if (info.match == REC_STORE_PACKET_FINGERPRINT_ONLY)
    {
      g_autofree char *entry = _rec_cli_group_digits (info.entry);

      /* Translators: %s is the number of the history entry the packet shows */
      printf (_("this packet was made from this case at entry %s, but the PDF file was modified\n"),
              entry);
      return REC_EXIT_FAILED;
    }

  printf ("%s\n", _("this packet was not made from this case: neither its SHA-256 nor its "
                    "fingerprint is in the history"));
  return REC_EXIT_FAILED;
}

/* The words of the history, translated. */
static const char *
action_word (const char *action)
{
  static const struct { const char *action; const char *word; } words[] = {
    /* Translators: what an entry of the case history did */
    { "add", N_("added") },
    { "change", N_("changed") },
    { "remove", N_("removed") },
    { "import", N_("imported") },
    { "migrate", N_("carried over") },
    { "packet", N_("packet written") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (action, words[i].action))
      return _(words[i].word);
  return action;
}

static const char *
entity_word (const char *entity)
{
  static const struct { const char *entity; const char *word; } words[] = {
    /* Translators: the kind of record an entry of the case history is about */
    { "case", N_("case") },
    { "children", N_("child") },
    { "terms", N_("support term") },
    { "interest_overrides", N_("interest rate") },
    { "charges", N_("charge") },
    { "payments", N_("payment") },
    { "communications", N_("communication") },
    { "enforcement", N_("enforcement step") },
    { "attachments", N_("document") },
    { "links", N_("document link") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (entity, words[i].entity))
      return _(words[i].word);
  return entity;
}

/* The data of the entry before `entry` for the same record (NULL: none). */
static const char *
previous_data (GHashTable            *last,
               const RecHistoryEntry *entry,
               char                 **out_key)
{
  *out_key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT, entry->entity, entry->record);
  return g_hash_table_lookup (last, *out_key);
}

static JsonNode *
json_or_null (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL))
    return json_node_copy (json_parser_get_root (parser));
  return json_node_new (JSON_NODE_NULL);
}

static void
print_text_entry (const RecHistoryEntry *entry,
                  GPtrArray             *changes)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *printable = NULL;

  g_string_append_printf (line, "%" G_GINT64_FORMAT "  %s  %s  %s", entry->seq, entry->at,
                          action_word (entry->action), entity_word (entry->entity));
  if (!g_str_equal (entry->entity, "case"))
    g_string_append_printf (line, " %" G_GINT64_FORMAT, entry->record);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const RecFieldChange *change = changes->pdata[i];

      /* Translators: one field of a change: "amount 1245.00 → 1254.00" */
      g_string_append_printf (line, i == 0 ? ": " : "; ");
      g_string_append_printf (line, _("%s %s → %s"), change->field, change->before,
                              change->after);
    }
  printable = _rec_cli_printable (line->str, TRUE);
  printf ("%s\n", printable);
}

static void
add_json_entry (JsonBuilder           *builder,
                const RecHistoryEntry *entry,
                GPtrArray             *changes)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, entry->seq);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, entry->at);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, entry->action);
  json_builder_set_member_name (builder, "entity");
  json_builder_add_string_value (builder, entry->entity);
  json_builder_set_member_name (builder, "record");
  json_builder_add_int_value (builder, entry->record);
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, json_or_null (entry->data));
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const RecFieldChange *change = changes->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, change->field);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, change->before);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, change->after);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "hash");
  json_builder_add_string_value (builder, entry->hash);
  json_builder_end_object (builder);
}

/* history CASE [--json] */
int
_rec_cli_history (int    argc,
                  char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write the entries as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RecStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) last = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  int status = REC_EXIT_OK;

  g_set_prgname ("recourse history");
  context = g_option_context_new (_("CASE.recourse — list every change of the case (its history)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    {
      if (argc < 2)
        /* Translators: %s names the missing argument, e.g. CASE.recourse */
        _rec_cli_error (_("missing %s"), "CASE.recourse");
      else
        /* Translators: %s is an argument the command did not expect */
        _rec_cli_error (_("unexpected argument “%s”"), argv[2]);
      /* Translators: %s is a verb such as "import" */
      fprintf (stderr, _("Try “recourse %s --help”.\n"), "history");
      return REC_EXIT_USAGE;
    }

  store = rec_store_open (argv[1], TRUE, &error);
  if (store != NULL)
    history = rec_store_load_history (store, &error);
  if (history == NULL)
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    {
      const RecHistoryEntry *entry = history->pdata[i];
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *key = NULL;
      const char *before = previous_data (last, entry, &key);

      if (g_str_equal (entry->action, "change"))
        changes = rec_history_changes (before, entry->data);
      if (json)
        add_json_entry (builder, entry, changes);
      else
        print_text_entry (entry, changes);
      if (!g_str_equal (entry->action, "import") && !g_str_equal (entry->action, "packet"))
        g_hash_table_replace (last, g_steal_pointer (&key), g_strdup (entry->data));
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
    }

  return REC_EXIT_OK;
}
