/* rec-history-dialog.c — the case history, of one record or the whole case
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entries are read in a worker thread (rec_case_session_load_history_
 * async); each row keeps a borrowed entry and the record's data before it,
 * and is put into words only when a row shows it: a large case has some
 * 26 000 entries.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-history-dialog.h"

#include "rec-date.h"
#include "rec-gui-util.h"
#include "rec-verify-dialog.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

/* One entry as a row. */
#define REC_TYPE_HISTORY_ROW (rec_history_row_get_type ())
G_DECLARE_FINAL_TYPE (RecHistoryRow, rec_history_row, REC, HISTORY_ROW, GObject)

struct _RecHistoryRow
{
  GObject                parent_instance;

  /* Borrowed (the dialog's entries outlive the rows) */
  const RecHistoryEntry *entry;
  const char            *before;    /* the record's data before it (links: the record's) */
  const char            *document;  /* attachments, links: the document's name */

  /* Owned */
  char                  *imported;  /* import: "12 payments, 3 communications" */
};

G_DEFINE_FINAL_TYPE (RecHistoryRow, rec_history_row, G_TYPE_OBJECT)

static void
rec_history_row_finalize (GObject *object)
{
  g_free (REC_HISTORY_ROW (object)->imported);

  G_OBJECT_CLASS (rec_history_row_parent_class)->finalize (object);
}

static void
rec_history_row_class_init (RecHistoryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_history_row_finalize;
}

static void
rec_history_row_init (RecHistoryRow *self)
{
}

struct _RecHistoryDialog
{
  AdwWindow       parent_instance;

  /* Owned */
  RecCaseSession *session;
  char           *entity;      /* the record's kind word; NULL: the whole case */
  gint64          record;
  GPtrArray      *entries;     /* RecHistoryEntry, as read */
  GHashTable     *documents;   /* attachment id (gint64 *) → name (borrowed from entries) */
  GListStore     *rows;        /* RecHistoryRow, newest first */
  GCancellable   *cancellable;
  GHashTable     *parsed;      /* data (borrowed) → JsonNode, parsed once */

  /* Borrowed widgets */
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  gboolean        loaded;
};

G_DEFINE_FINAL_TYPE (RecHistoryDialog, rec_history_dialog, ADW_TYPE_WINDOW)

/* Data */

static JsonObject *
parse_object (RecHistoryDialog *self,
              const char       *data)
{
  JsonNode *node;

  if (data == NULL)
    return NULL;
  node = g_hash_table_lookup (self->parsed, data);
  if (node == NULL)
    {
      node = json_from_string (data, NULL);
      if (node == NULL)
        return NULL;
      g_hash_table_insert (self->parsed, (gpointer) data, node);
    }
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/* Values as the window shows them */

static char *
money_text (RecHistoryDialog *self,
            const char       *text)
{
  RecCents cents;

  if (text == NULL || !rec_cents_parse (text, TRUE, &cents, NULL))
    return NULL;
  return rec_gui_format_cents (self->session, cents);
}

static char *
date_text (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text == NULL || !rec_date_parse (text, &date, NULL))
    return NULL;
  return rec_gui_format_date (&date);
}

typedef enum
{
  VALUE_TEXT,
  VALUE_MONEY,
  VALUE_DATE,
  VALUE_TIME,
  VALUE_ENUM,
  VALUE_PERCENT,
} ValueKind;

/* The fields of spec/case-json.md, named as people read them. */
static const struct
{
  const char *key;
  const char *label;
  ValueKind   kind;
  const char *(*enum_label) (int value);
  int         (*enum_parse) (const char *word);
} fields[] = {
  /* Translators: the fields of a record, in the history ("amount $1,245.00 → $1,254.00") */
  { "amount", N_("amount"), VALUE_MONEY, NULL, NULL },
  { "agency_balance", N_("agency’s balance"), VALUE_MONEY, NULL, NULL },
  { "agency_balance_as_of", N_("agency’s balance as of"), VALUE_DATE, NULL, NULL },
  { "date", N_("date"), VALUE_DATE, NULL, NULL },
  { "effective", N_("effective"), VALUE_DATE, NULL, NULL },
  { "end", N_("end"), VALUE_DATE, NULL, NULL },
  { "from", N_("from"), VALUE_DATE, NULL, NULL },
  { "to", N_("to"), VALUE_DATE, NULL, NULL },
  { "birth_date", N_("birth date"), VALUE_DATE, NULL, NULL },
  { "follow_up", N_("follow-up"), VALUE_DATE, NULL, NULL },
  { "next_date", N_("next date"), VALUE_DATE, NULL, NULL },
  { "at", N_("time"), VALUE_TIME, NULL, NULL },
  { "method", N_("method"), VALUE_ENUM, (const char *(*) (int)) rec_payment_method_label,
    rec_payment_method_from_word },
  { "channel", N_("channel"), VALUE_ENUM, (const char *(*) (int)) rec_channel_label,
    rec_channel_from_word },
  { "direction", N_("direction"), VALUE_ENUM, (const char *(*) (int)) rec_direction_label,
    rec_direction_from_word },
  { "remedy", N_("remedy"), VALUE_ENUM, (const char *(*) (int)) rec_remedy_label,
    rec_remedy_from_word },
  { "status", N_("status"), VALUE_ENUM, (const char *(*) (int)) rec_status_label,
    rec_status_from_word },
  { "kind", N_("kind"), VALUE_ENUM, (const char *(*) (int)) rec_term_kind_label,
    rec_term_kind_from_word },
  { "frequency", N_("frequency"), VALUE_ENUM, (const char *(*) (int)) rec_frequency_label,
    rec_frequency_from_word },
  { "rate_percent", N_("rate"), VALUE_PERCENT, NULL, NULL },
  { "reference", N_("reference"), VALUE_TEXT, NULL, NULL },
  { "notes", N_("notes"), VALUE_TEXT, NULL, NULL },
  { "description", N_("description"), VALUE_TEXT, NULL, NULL },
  { "interest_bearing", N_("bears interest"), VALUE_TEXT, NULL, NULL },
  { "due_day", N_("due day"), VALUE_TEXT, NULL, NULL },
  { "due_days", N_("due days"), VALUE_TEXT, NULL, NULL },
  { "reason", N_("reason"), VALUE_TEXT, NULL, NULL },
  { "with", N_("with"), VALUE_TEXT, NULL, NULL },
  { "subject", N_("subject"), VALUE_TEXT, NULL, NULL },
  { "summary", N_("summary"), VALUE_TEXT, NULL, NULL },
  { "follow_up_done", N_("follow-up done"), VALUE_TEXT, NULL, NULL },
  { "agency", N_("agency"), VALUE_TEXT, NULL, NULL },
  { "next_done", N_("next step done"), VALUE_TEXT, NULL, NULL },
  { "name", N_("name"), VALUE_TEXT, NULL, NULL },
  { "title", N_("title"), VALUE_TEXT, NULL, NULL },
  { "jurisdiction", N_("jurisdiction"), VALUE_TEXT, NULL, NULL },
  { "currency", N_("currency"), VALUE_TEXT, NULL, NULL },
  { "agency_enforced", N_("enforced by the agency"), VALUE_TEXT, NULL, NULL },
  { "public_assistance", N_("public assistance"), VALUE_TEXT, NULL, NULL },
  { "court", N_("court"), VALUE_TEXT, NULL, NULL },
  { "court_case_number", N_("court case number"), VALUE_TEXT, NULL, NULL },
  { "agency_case_number", N_("agency case number"), VALUE_TEXT, NULL, NULL },
  { "address", N_("address"), VALUE_TEXT, NULL, NULL },
  { "phone", N_("phone"), VALUE_TEXT, NULL, NULL },
  { "email", N_("email"), VALUE_TEXT, NULL, NULL },
  { "employer", N_("employer"), VALUE_TEXT, NULL, NULL },
};

static int
field_index (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].key, key))
      return (int) i;
  return -1;
}

/* "amount", "payer’s name" (obligor.name). */
static char *
field_label (const char *path)
{
  const char *dot = strchr (path, '.');
  int i;

  if (dot != NULL)
    {
      g_autofree char *party = g_strndup (path, dot - path);
      g_autofree char *field = field_label (dot + 1);

      if (g_str_equal (party, "obligor"))
        /* Translators: a field of the paying parent in the history ("payer’s name"); %s is the field */
        return g_strdup_printf (_("payer’s %s"), field);
      if (g_str_equal (party, "obligee"))
        /* Translators: a field of the receiving parent in the history ("recipient’s name"); %s is the field */
        return g_strdup_printf (_("recipient’s %s"), field);
      return g_strdup (path);
    }
  i = field_index (path);
  return g_strdup (i >= 0 ? _(fields[i].label) : path);
}

/* A value of rec_history_changes() as the window shows it. */
static char *
value_text (RecHistoryDialog *self,
            const char       *path,
            const char       *value)
{
  const char *key = strrchr (path, '.') != NULL ? strrchr (path, '.') + 1 : path;
  int i = field_index (key);
  char *shown = NULL;

  if (value == NULL || g_str_equal (value, "null"))
    return g_strdup ("—");
  if (g_str_equal (value, "true"))
    return g_strdup (_("yes"));
  if (g_str_equal (value, "false"))
    return g_strdup (_("no"));
  if (i < 0)
    return g_strdup (value);
  switch (fields[i].kind)
    {
    case VALUE_MONEY:
      shown = money_text (self, value);
      break;
    case VALUE_DATE:
      shown = date_text (value);
      break;
    case VALUE_TIME:
      shown = rec_timestamp_format (value);
      break;
    case VALUE_ENUM:
      if (fields[i].enum_parse (value) >= 0)
        shown = g_strdup (fields[i].enum_label (fields[i].enum_parse (value)));
      break;
    case VALUE_PERCENT:
      /* Translators: an interest rate in the history; %s is a number ("6.5") */
      shown = g_strdup_printf (_("%s %%"), value);
      break;
    case VALUE_TEXT:
    default:
      break;
    }
  return shown != NULL ? shown : g_strdup (value);
}

/* What a record is, from its data: "Payment of $1,245.00 on 03/04/2026". */
static char *
record_text (RecHistoryDialog *self,
             const char       *entity,
             JsonObject       *data)
{
  g_autofree char *amount = money_text (self, member_string (data, "amount"));
  g_autofree char *date = date_text (member_string (data, "date"));

  if (g_str_equal (entity, "case"))
    return g_strdup (_("The case’s details"));
  if (data == NULL)
    return NULL;
  if (g_str_equal (entity, "payments") && amount != NULL && date != NULL)
    /* Translators: a record in the history; an amount, then a date */
    return g_strdup_printf (_("Payment of %s on %s"), amount, date);
  if (g_str_equal (entity, "charges") && amount != NULL && date != NULL)
    /* Translators: a record in the history; an amount, then a date */
    return g_strdup_printf (_("Charge of %s on %s"), amount, date);
  if (g_str_equal (entity, "terms") && amount != NULL)
    {
      g_autofree char *from = date_text (member_string (data, "effective"));

      /* Translators: a record in the history; an amount, then a date */
      return g_strdup_printf (_("Support order of %s from %s"), amount, from != NULL ? from : "—");
    }
  if (g_str_equal (entity, "communications"))
    {
      g_autofree char *at = rec_timestamp_format (member_string (data, "at"));
      int channel = rec_channel_from_word (member_string (data, "channel"));

      /* Translators: a record in the history; how (“Text message”), then when */
      return g_strdup_printf (_("%s on %s"),
                              channel >= 0 ? rec_channel_label (channel) : _("Communication"),
                              at != NULL ? at : "—");
    }
  if (g_str_equal (entity, "enforcement"))
    {
      int remedy = rec_remedy_from_word (member_string (data, "remedy"));

      return g_strdup (remedy >= 0 ? rec_remedy_label (remedy) : _("Enforcement step"));
    }
  if (g_str_equal (entity, "children") && member_string (data, "name") != NULL)
    /* Translators: a record in the history; %s is a child's name */
    return g_strdup_printf (_("Child: %s"), member_string (data, "name"));
  if (g_str_equal (entity, "interest_overrides"))
    {
      g_autofree char *from = date_text (member_string (data, "from"));

      /* Translators: a record in the history; %s is a date */
      return g_strdup_printf (_("Interest rate from %s"), from != NULL ? from : "—");
    }
  return NULL;
}

/* The words of an entry */

static char *
packet_title (JsonObject *data)
{
  g_autofree char *fingerprint = rec_fingerprint_format (member_string (data, "fingerprint"));
  gint64 pages = member_int (data, "pages");

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: in the history; a page count, then a fingerprint ("3F2A-91C0-77DE-0B14") */
                                       "Exported a case packet, %lld page, fingerprint %s",
                                       "Exported a case packet, %lld pages, fingerprint %s",
                                       (gulong) MAX (pages, 0)),
                          (long long) pages, fingerprint != NULL ? fingerprint : "—");
}

static char *
import_title (const RecHistoryRow *row)
{
  const char *what = row->imported != NULL && *row->imported != '\0' ? row->imported : NULL;

  if (row->document != NULL && what != NULL)
    /* Translators: in the history; a file name, then what came from it ("12 payments") */
    return g_strdup_printf (_("Imported %s: %s"), row->document, what);
  if (row->document != NULL)
    /* Translators: in the history; %s is a file name */
    return g_strdup_printf (_("Imported %s"), row->document);
  if (what != NULL)
    /* Translators: in the history; what was imported ("12 payments") */
    return g_strdup_printf (_("Imported a case file: %s"), what);
  return g_strdup (_("Imported a case file"));
}

static char *
document_title (const RecHistoryEntry *entry)
{
  gboolean links = g_str_equal (entry->entity, "links");

  if (g_str_equal (entry->action, "remove"))
    return g_strdup (links ? _("Document no longer linked") : _("Document removed"));
  if (g_str_equal (entry->action, "migrate"))
    return g_strdup (_("Carried over from an older version"));
  if (links)
    return g_strdup (_("Document linked"));
  /* Translators: a history entry, a document kept in the case */
  return g_strdup (C_("history", "Document added"));
}

static char *
row_title (RecHistoryDialog    *self,
           const RecHistoryRow *row)
{
  const RecHistoryEntry *entry = row->entry;

  if (g_str_equal (entry->action, "packet"))
    return packet_title (parse_object (self, entry->data));
  if (g_str_equal (entry->action, "import"))
    return import_title (row);
  if (g_str_equal (entry->entity, "attachments") || g_str_equal (entry->entity, "links"))
    return document_title (entry);
  if (g_str_equal (entry->action, "add"))
    return g_strdup (C_("history", "Added"));
  if (g_str_equal (entry->action, "change"))
    return g_strdup (C_("history", "Changed"));
  if (g_str_equal (entry->action, "remove"))
    return g_strdup (C_("history", "Removed"));
  if (g_str_equal (entry->action, "migrate"))
    return g_strdup (_("Carried over from an older version"));
  return g_strdup (entry->action);
}

/* Which record or document, under the title. */
static char *
row_subtitle (RecHistoryDialog    *self,
              const RecHistoryRow *row)
{
  const RecHistoryEntry *entry = row->entry;

  if (g_str_equal (entry->action, "packet") || g_str_equal (entry->action, "import"))
    return NULL;
  if (g_str_equal (entry->entity, "attachments"))
    return g_strdup (row->document);
  if (g_str_equal (entry->entity, "links"))
    {
      JsonObject *link = parse_object (self, entry->data);
      const char *entity = member_string (link, "entity");
      g_autofree char *record = entity != NULL
                                ? record_text (self, entity, parse_object (self, row->before))
                                : NULL;

      if (row->document == NULL)
        return g_steal_pointer (&record);
      if (record == NULL)
        return g_strdup (row->document);
      /* Translators: in the history: a document and the record it proves */
      return g_strdup_printf (_("%s — %s"), row->document, record);
    }
  return record_text (self, entry->entity,
                      parse_object (self, entry->data != NULL ? entry->data : row->before));
}

/* A change's fields, one a line: "amount $1,245.00 → $1,254.00". */
static char *
row_details (RecHistoryDialog    *self,
             const RecHistoryRow *row)
{
  g_autoptr(GPtrArray) changes = NULL;
  GString *text;

  if (!g_str_equal (row->entry->action, "change") || row->before == NULL
      || row->entry->data == NULL)
    return g_strdup ("");
  changes = rec_history_changes (row->before, row->entry->data);
  text = g_string_new (NULL);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      RecFieldChange *change = g_ptr_array_index (changes, i);
      g_autofree char *label = field_label (change->field);
      g_autofree char *before = value_text (self, change->field, change->before);
      g_autofree char *after = value_text (self, change->field, change->after);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: one field changed, in the history: the field ("amount"), its value before, its value after */
      g_string_append_printf (text, _("%s %s → %s"), label, before, after);
    }
  return g_string_free (text, FALSE);
}

/* Local date and time of an entry (stored in UTC). */
static char *
row_when (const RecHistoryRow *row)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (row->entry->at, NULL);
  g_autoptr(GDateTime) local = NULL;
  GDate day;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    return g_strdup (row->entry->at);
  local = g_date_time_to_local (utc);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  date = rec_gui_format_date (&day);
  time = rec_time_format (g_date_time_get_hour (local), g_date_time_get_minute (local));
  /* Translators: when an entry of the history was made: a date, then a time ("18:30") */
  return g_strdup_printf (C_("history", "%s %s"), date, time);
}

/* Rows */

static char *
record_key (const char *entity,
            gint64      record)
{
  return g_strdup_printf ("%s:%lld", entity, (long long) record);
}

/* A singular and its plural, marked for xgettext (--keyword=NP_:1,2, as in
 * po/meson.build) and translated later with g_dngettext. */
#define NP_(singular, plural) singular, plural

/* "12 payments, 3 communications": the records an import added. */
static char *
imported_text (GHashTable *counts)
{
  static const struct { const char *entity; const char *one; const char *many; } kinds[] = {
    /* Translators: what an import added, in the history */
    { "payments", NP_("%lld payment", "%lld payments") },
    { "communications", NP_("%lld communication", "%lld communications") },
    { "charges", NP_("%lld charge", "%lld charges") },
    { "terms", NP_("%lld support order term", "%lld support order terms") },
    { "children", NP_("%lld child", "%lld children") },
    { "enforcement", NP_("%lld enforcement step", "%lld enforcement steps") },
    { "interest_overrides", NP_("%lld interest rate override", "%lld interest rate overrides") },
    { "attachments", NP_("%lld document", "%lld documents") },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gint64 n = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, kinds[i].entity));

      if (n == 0)
        continue;
      if (text->len > 0)
        /* Translators: between the kinds of records an import added ("12 payments, 3 charges") */
        g_string_append (text, _(", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, kinds[i].one, kinds[i].many,
                                                 (gulong) n),
                              (long long) n);
    }
  return g_string_free (text, FALSE);
}

/* The entries an import made (the same time, right after it): what they
 * added, and the source document's name (its SHA-256 is the import's). */
static void
describe_import (RecHistoryDialog *self,
                 guint             index,
                 RecHistoryRow    *row)
{
  const RecHistoryEntry *import = g_ptr_array_index (self->entries, index);
  const char *source = member_string (parse_object (self, import->data), "source_sha256");
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = index + 1; j < self->entries->len; j++)
    {
      const RecHistoryEntry *entry = g_ptr_array_index (self->entries, j);
      gsize n;

      if (!g_str_equal (entry->at, import->at) || !g_str_equal (entry->action, "add"))
        break;
      n = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, entry->entity));
      g_hash_table_insert (counts, entry->entity, GSIZE_TO_POINTER (n + 1));
      if (g_str_equal (entry->entity, "attachments") && source != NULL
          && g_strcmp0 (member_string (parse_object (self, entry->data), "sha256"), source) == 0)
        {
          row->document = member_string (parse_object (self, entry->data), "name");
          g_hash_table_insert (counts, entry->entity, GSIZE_TO_POINTER (n));
        }
    }
  row->imported = imported_text (counts);
  /* rec_store_import names its source in the entry itself. */
  if (member_string (parse_object (self, import->data), "name") != NULL)
    row->document = member_string (parse_object (self, import->data), "name");
}

/* Whether the entry is about the dialog's record (its own, or a link to it). */
static gboolean
is_about_record (RecHistoryDialog      *self,
                 const RecHistoryEntry *entry)
{
  JsonObject *link;

  if (self->entity == NULL)
    return TRUE;
  if (g_str_equal (entry->entity, self->entity))
    return entry->record == self->record;
  if (!g_str_equal (entry->entity, "links"))
    return FALSE;
  link = parse_object (self, entry->data);
  return g_strcmp0 (member_string (link, "entity"), self->entity) == 0
         && member_int (link, "record") == self->record;
}

static RecHistoryRow *
row_new (RecHistoryDialog      *self,
         const RecHistoryEntry *entry,
         GHashTable            *state,
         guint                  index)
{
  RecHistoryRow *row = g_object_new (REC_TYPE_HISTORY_ROW, NULL);
  g_autofree char *key = record_key (entry->entity, entry->record);
  gint64 id = entry->record;

  row->entry = entry;
  if (g_str_equal (entry->entity, "links"))
    {
      JsonObject *link = parse_object (self, entry->data);
      g_autofree char *linked = record_key (member_string (link, "entity") != NULL
                                            ? member_string (link, "entity") : "",
                                            member_int (link, "record"));

      id = member_int (link, "attachment");
      row->before = g_hash_table_lookup (state, linked);
    }
  else
    row->before = g_hash_table_lookup (state, key);
  if (g_str_equal (entry->entity, "attachments") || g_str_equal (entry->entity, "links"))
    row->document = g_hash_table_lookup (self->documents, &id);
  if (g_str_equal (entry->action, "import"))
    describe_import (self, index, row);
  return row;
}

/* Follows every record's data through the history (state: key → its data
 * now) and the documents' names. */
static void
follow_entry (RecHistoryDialog      *self,
              const RecHistoryEntry *entry,
              GHashTable            *state)
{
  if (g_str_equal (entry->entity, "links") || g_str_equal (entry->action, "packet")
      || g_str_equal (entry->action, "import"))
    return;
  if (entry->data == NULL)
    {
      g_autofree char *key = record_key (entry->entity, entry->record);

      g_hash_table_remove (state, key);
    }
  else
    g_hash_table_insert (state, record_key (entry->entity, entry->record), entry->data);
  if (g_str_equal (entry->entity, "attachments") && entry->data != NULL)
    g_hash_table_insert (self->documents, g_memdup2 (&entry->record, sizeof entry->record),
                         (gpointer) member_string (parse_object (self, entry->data), "name"));
}

static void
fill_rows (RecHistoryDialog *self)
{
  g_autoptr(GHashTable) state = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const RecHistoryEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->entity, "attachments") && entry->data != NULL)
        follow_entry (self, entry, state);
      if (is_about_record (self, entry))
        {
          /* The store gives a removed record's id to the next one added:
           * this record's history starts after the last removal. */
          if (self->entity != NULL && g_str_equal (entry->action, "remove")
              && g_str_equal (entry->entity, self->entity))
            g_ptr_array_set_size (rows, 0);
          else
            g_ptr_array_add (rows, row_new (self, entry, state, i));
        }
      if (!g_str_equal (entry->entity, "attachments") || entry->data == NULL)
        follow_entry (self, entry, state);
    }
  /* Newest first, in one change of the model (26 000 rows on a large case). */
  for (guint i = 0; i < rows->len / 2; i++)
    {
      gpointer swap = rows->pdata[i];

      rows->pdata[i] = rows->pdata[rows->len - 1 - i];
      rows->pdata[rows->len - 1 - i] = swap;
    }
  g_list_store_splice (self->rows, 0, 0, rows->pdata, rows->len);
}

/* Widgets */

static GtkWidget *
row_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *when = row_label ("dim-label");

  gtk_widget_add_css_class (when, "caption");
  gtk_widget_add_css_class (when, "numeric");
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), row_label ("heading"));
  gtk_box_append (GTK_BOX (box), row_label (NULL));
  gtk_box_append (GTK_BOX (box), row_label (NULL));
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
set_line (GtkWidget  *label,
          const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RecHistoryDialog         *self)
{
  RecHistoryRow *row = gtk_list_item_get_item (item);
  GtkWidget *when = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *title = gtk_widget_get_next_sibling (when);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *details = gtk_widget_get_next_sibling (subtitle);
  g_autofree char *when_text = row_when (row);
  g_autofree char *title_text = row_title (self, row);
  g_autofree char *subtitle_text = row_subtitle (self, row);
  g_autofree char *details_text = row_details (self, row);

  set_line (when, when_text);
  set_line (title, title_text);
  set_line (subtitle, subtitle_text);
  set_line (details, details_text);
}

static void
history_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RecHistoryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  gint64 start;

  entries = rec_case_session_load_history_finish (REC_CASE_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loaded = TRUE;
  if (entries == NULL)
    {
      g_debug ("Cannot read the history: %s", error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->entries = entries;
  start = g_get_monotonic_time ();
  fill_rows (self);
  g_debug ("History: %u of %u entries listed in %.1f ms",
           g_list_model_get_n_items (G_LIST_MODEL (self->rows)), entries->len,
           (g_get_monotonic_time () - start) / 1000.0);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0
                                    ? "list" : "empty");
}

static GtkWidget *
new_list (RecHistoryDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows))));
  GtkWidget *list = gtk_list_view_new (selection, factory);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_widget_add_css_class (list, "rich-list");
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (list), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("History entries"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
new_stack (RecHistoryDialog *self)
{
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reading the history…"), -1);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No history yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every change Recourse makes to this case is recorded "
                                     "here."));
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("Could not read the history"));
  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_stack_add_named (self->stack, new_list (self), "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  return GTK_WIDGET (self->stack);
}

/* The honest line first (spec/evidence.md §3), then the verification's. */
static GtkWidget *
new_intro (const char *status)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *honest = row_label ("dim-label");

  gtk_label_set_text (GTK_LABEL (honest), rec_verify_tamper_evident_text ());
  gtk_box_append (GTK_BOX (box), honest);
  if (status != NULL)
    {
      GtkWidget *line = row_label ("caption");

      gtk_label_set_text (GTK_LABEL (line), status);
      gtk_box_append (GTK_BOX (box), line);
    }
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void
rec_history_dialog_dispose (GObject *object)
{
  RecHistoryDialog *self = REC_HISTORY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rec_history_dialog_parent_class)->dispose (object);
}

static void
rec_history_dialog_finalize (GObject *object)
{
  RecHistoryDialog *self = REC_HISTORY_DIALOG (object);

  /* The rows borrow from the entries and the parsed data. */
  g_clear_object (&self->rows);
  g_clear_pointer (&self->parsed, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self->entity);

  G_OBJECT_CLASS (rec_history_dialog_parent_class)->finalize (object);
}

static void
rec_history_dialog_class_init (RecHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rec_history_dialog_dispose;
  object_class->finalize = rec_history_dialog_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
rec_history_dialog_init (RecHistoryDialog *self)
{
  self->rows = g_list_store_new (REC_TYPE_HISTORY_ROW);
  self->parsed = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                        (GDestroyNotify) json_node_unref);
  self->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * rec_history_dialog_new:
 *
 * Returns: (transfer none): the window (it owns itself until closed)
 */
GtkWindow *
rec_history_dialog_new (GtkWindow      *parent,
                        RecCaseSession *session,
                        RecEntity      *record,
                        const char     *status)
{
  RecHistoryDialog *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);

  self = g_object_new (REC_TYPE_HISTORY_DIALOG, "modal", TRUE, "transient-for", parent,
                       "default-width", 560, "default-height", 640,
                       "destroy-with-parent", TRUE, NULL);
  self->session = g_object_ref (session);
  if (record != NULL)
    {
      self->entity = g_strdup (rec_entity_kind_word (record));
      self->record = record->id;
    }
  title = adw_window_title_new (record != NULL ? _("History") : _("Case History"), NULL);
  gtk_window_set_title (GTK_WINDOW (self), record != NULL ? _("History") : _("Case History"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), new_intro (status));
  gtk_box_append (GTK_BOX (box), new_stack (self));
  adw_window_set_content (ADW_WINDOW (self), box);

  rec_case_session_load_history_async (session, self->cancellable, history_loaded_cb,
                                       g_object_ref (self));
  return GTK_WINDOW (self);
}

/* The record dialogs' way in: a row under their groups. */

typedef struct
{
  RecCaseSession *session;
  RecEntity      *record;   /* a copy */
} HistoryRow;

static void
history_row_free (gpointer  data,
                  GClosure *closure)
{
  HistoryRow *row = data;

  g_clear_object (&row->session);
  g_clear_object (&row->record);
  g_free (row);
}

static void
history_row_activated_cb (AdwActionRow *action_row,
                          HistoryRow   *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (action_row));

  gtk_window_present (rec_history_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              row->session, row->record, NULL));
}

GtkWidget *
rec_history_group_new (RecCaseSession  *session,
                       const RecEntity *record)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *action_row = adw_action_row_new ();
  HistoryRow *row = g_new0 (HistoryRow, 1);

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  row->session = g_object_ref (session);
  row->record = rec_entity_copy (record);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), _("History"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row),
                               _("Every change to this record, with when it was made"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
  g_signal_connect_data (action_row, "activated", G_CALLBACK (history_row_activated_cb), row,
                         history_row_free, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), action_row);
  return group;
}

gboolean
_rec_history_dialog_is_loaded (RecHistoryDialog *self)
{
  return self->loaded;
}

guint
_rec_history_dialog_get_n_rows (RecHistoryDialog *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

char *
_rec_history_dialog_dup_title (RecHistoryDialog *self,
                               guint             i)
{
  g_autoptr(RecHistoryRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

  return row != NULL ? row_title (self, row) : NULL;
}

char *
_rec_history_dialog_dup_details (RecHistoryDialog *self,
                                 guint             i)
{
  g_autoptr(RecHistoryRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

  return row != NULL ? row_details (self, row) : NULL;
}
