/* rec-case-json-export.c — writing the `recourse-case` JSON document
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by hand rather than through JsonGenerator so that the layout is
 * fixed forever (one entity per line, keys in spec order) and export → import
 * → export gives the same bytes.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-case-json.h"
#include "rec-case-json-private.h"
#include "rec-store-private.h"

#include "rec-attachment.h"
#include "rec-date.h"

#include <glib/gi18n.h>
#include <string.h>

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* `"key": "value"` with the separator that comes before it. */
static void
append_key (GString    *out,
            gboolean   *first,
            const char *key)
{
  g_string_append (out, *first ? "" : ", ");
  *first = FALSE;
  append_string (out, key);
  g_string_append (out, ": ");
}

static void
append_text (GString    *out,
             gboolean   *first,
             const char *key,
             const char *value)
{
  append_key (out, first, key);
  append_string (out, value);
}

static void
append_date (GString     *out,
             gboolean    *first,
             const char  *key,
             const GDate *date)
{
  char buf[16];

  append_key (out, first, key);
  if (!rec_date_is_set (date))
    {
      g_string_append (out, "null");
      return;
    }
  rec_date_to_iso_buf (date, buf);
  append_string (out, buf);
}

static void
append_amount (GString    *out,
               gboolean   *first,
               const char *key,
               RecCents    cents)
{
  g_autofree char *text = rec_cents_to_string (cents);

  append_text (out, first, key, text);
}

static void
append_bool (GString    *out,
             gboolean   *first,
             const char *key,
             gboolean    value)
{
  append_key (out, first, key);
  g_string_append (out, value ? "true" : "false");
}

static void
append_due_day (GString *out,
                int      day)
{
  if (day == REC_DUE_DAY_LAST)
    g_string_append (out, "\"last\"");
  else
    g_string_append_printf (out, "%d", day);
}

static void
append_party (GString        *out,
              const char     *key,
              const RecParty *party)
{
  gboolean first = TRUE;

  g_string_append_printf (out, "    \"%s\": { ", key);
  append_text (out, &first, "name", party->name);
  append_text (out, &first, "address", party->address);
  append_text (out, &first, "phone", party->phone);
  append_text (out, &first, "email", party->email);
  append_text (out, &first, "employer", party->employer);
  g_string_append (out, " },\n");
}

/* The case's object, from `{` to `}` (no key, no separator after it). */
static void
append_case_object (GString           *out,
                    const RecCaseInfo *info)
{
  g_string_append (out, "{\n    \"title\": ");
  append_string (out, info->title);
  g_string_append (out, ",\n    \"jurisdiction\": ");
  append_string (out, info->jurisdiction);
  g_string_append (out, ",\n    \"currency\": ");
  append_string (out, info->currency);
  g_string_append_printf (out, ",\n    \"agency_enforced\": %s",
                          info->agency_enforced ? "true" : "false");
  g_string_append_printf (out, ",\n    \"public_assistance\": %s",
                          info->public_assistance ? "true" : "false");
  g_string_append (out, ",\n    \"court\": ");
  append_string (out, info->court);
  g_string_append (out, ",\n    \"court_case_number\": ");
  append_string (out, info->court_case_number);
  g_string_append (out, ",\n    \"agency_case_number\": ");
  append_string (out, info->agency_case_number);
  g_string_append (out, ",\n    \"agency_balance\": ");
  if (info->has_agency_balance)
    {
      g_autofree char *balance = rec_cents_to_string (info->agency_balance_cents);

      append_string (out, balance);
    }
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n    ");
  {
    gboolean first = TRUE;

    append_date (out, &first, "agency_balance_as_of", &info->agency_balance_as_of);
  }
  g_string_append (out, ",\n");
  append_party (out, "obligor", &info->obligor);
  append_party (out, "obligee", &info->obligee);
  g_string_append (out, "    \"notes\": ");
  append_string (out, info->notes);
  g_string_append (out, "\n  }");
}

static void
append_case (GString           *out,
             const RecCaseInfo *info)
{
  g_string_append (out, "  \"case\": ");
  append_case_object (out, info);
  g_string_append (out, ",\n");
}

static void
append_child (GString         *out,
              const RecEntity *entity)
{
  const RecChild *item = REC_STORE_CONST_CAST (entity, REC_TYPE_CHILD, RecChild);
  gboolean first = TRUE;

  append_text (out, &first, "name", item->name);
  append_date (out, &first, "birth_date", &item->birth_date);
}

static void
append_term (GString         *out,
             const RecEntity *entity)
{
  const RecTerm *item = REC_STORE_CONST_CAST (entity, REC_TYPE_TERM, RecTerm);
  gboolean first = TRUE;

  append_text (out, &first, "kind", rec_term_kind_to_word (item->kind));
  append_amount (out, &first, "amount", item->amount_cents);
  append_text (out, &first, "frequency", rec_frequency_to_word (item->frequency));
  if (item->frequency == REC_FREQUENCY_MONTHLY)
    {
      append_key (out, &first, "due_day");
      append_due_day (out, item->due_day);
    }
  else if (item->frequency == REC_FREQUENCY_SEMIMONTHLY)
    {
      append_key (out, &first, "due_days");
      g_string_append_c (out, '[');
      append_due_day (out, item->due_days[0]);
      g_string_append (out, ", ");
      append_due_day (out, item->due_days[1]);
      g_string_append_c (out, ']');
    }
  append_date (out, &first, "effective", &item->effective);
  append_date (out, &first, "end", &item->end);
  append_text (out, &first, "reference", item->reference);
  append_text (out, &first, "notes", item->notes);
}

static void
append_interest_override (GString         *out,
                          const RecEntity *entity)
{
  const RecInterestOverride *item = REC_STORE_CONST_CAST (entity, REC_TYPE_INTEREST_OVERRIDE, RecInterestOverride);
  g_autofree char *rate = rec_rate_to_string (item->rate_basis_points);
  gboolean first = TRUE;

  append_date (out, &first, "from", &item->from);
  append_date (out, &first, "to", &item->to);
  append_text (out, &first, "rate_percent", rate);
  append_text (out, &first, "reason", item->reason);
}

static void
append_charge (GString         *out,
               const RecEntity *entity)
{
  const RecCharge *item = REC_STORE_CONST_CAST (entity, REC_TYPE_CHARGE, RecCharge);
  gboolean first = TRUE;

  append_date (out, &first, "date", &item->date);
  append_amount (out, &first, "amount", item->amount_cents);
  append_text (out, &first, "description", item->description);
  append_bool (out, &first, "interest_bearing", item->interest_bearing);
}

static void
append_payment (GString         *out,
                const RecEntity *entity)
{
  const RecPayment *item = REC_STORE_CONST_CAST (entity, REC_TYPE_PAYMENT, RecPayment);
  gboolean first = TRUE;

  append_date (out, &first, "date", &item->date);
  append_amount (out, &first, "amount", item->amount_cents);
  append_text (out, &first, "method", rec_payment_method_to_word (item->method));
  append_text (out, &first, "reference", item->reference);
  append_text (out, &first, "notes", item->notes);
}

static void
append_communication (GString         *out,
                      const RecEntity *entity)
{
  const RecCommunication *item = REC_STORE_CONST_CAST (entity, REC_TYPE_COMMUNICATION, RecCommunication);
  gboolean first = TRUE;

  append_text (out, &first, "at", item->at);
  append_text (out, &first, "channel", rec_channel_to_word (item->channel));
  append_text (out, &first, "direction", rec_direction_to_word (item->direction));
  append_text (out, &first, "with", item->with);
  append_text (out, &first, "subject", item->subject);
  append_text (out, &first, "summary", item->summary);
  append_date (out, &first, "follow_up", &item->follow_up);
  append_bool (out, &first, "follow_up_done", item->follow_up_done);
}

static void
append_enforcement_step (GString         *out,
                         const RecEntity *entity)
{
  const RecEnforcementStep *item = REC_STORE_CONST_CAST (entity, REC_TYPE_ENFORCEMENT_STEP, RecEnforcementStep);
  gboolean first = TRUE;

  append_text (out, &first, "remedy", rec_remedy_to_word (item->remedy));
  append_text (out, &first, "status", rec_status_to_word (item->status));
  append_date (out, &first, "date", &item->date);
  append_text (out, &first, "agency", item->agency);
  append_text (out, &first, "reference", item->reference);
  append_date (out, &first, "next_date", &item->next_date);
  append_bool (out, &first, "next_done", item->next_done);
  append_text (out, &first, "notes", item->notes);
}

typedef void (*AppendItem) (GString *, const RecEntity *);

/* The members of a record's object, by its kind. */
static AppendItem
append_item_for (const RecEntity *entity)
{
  static const struct { GType (*get_type) (void); AppendItem append; } kinds[] = {
    { rec_child_get_type, append_child },
    { rec_term_get_type, append_term },
    { rec_interest_override_get_type, append_interest_override },
    { rec_charge_get_type, append_charge },
    { rec_payment_get_type, append_payment },
    { rec_communication_get_type, append_communication },
    { rec_enforcement_step_get_type, append_enforcement_step },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (G_OBJECT_TYPE (entity) == kinds[i].get_type ())
      return kinds[i].append;

  g_return_val_if_reached (NULL);
}

/* The document's text without its layout: every space and line break outside
 * a string removed (inside strings the writer escapes line breaks, so none is
 * raw there); strings and escapes kept byte for byte. In place. */
static char *
compact (GString *text)
{
  gboolean in_string = FALSE;
  gsize kept = 0;

  for (gsize i = 0; i < text->len; i++)
    {
      char c = text->str[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < text->len)
            {
              text->str[kept++] = c;
              c = text->str[++i];
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == ' ' || c == '\n')
        continue;
      else if (c == '"')
        in_string = TRUE;
      text->str[kept++] = c;
    }
  g_string_truncate (text, kept);

  return g_string_free (text, FALSE);
}

char *
_rec_case_json_record_compact (const RecEntity *record)
{
  AppendItem append;
  GString *out;

  g_return_val_if_fail (REC_IS_ENTITY ((RecEntity *) record), NULL);

  append = append_item_for (record);
  g_return_val_if_fail (append != NULL, NULL);

  out = g_string_sized_new (256);
  g_string_append_c (out, '{');
  append (out, record);
  g_string_append_c (out, '}');
  return compact (out);
}

char *
_rec_case_json_case_compact (const RecCaseInfo *info)
{
  GString *out;

  g_return_val_if_fail (REC_IS_CASE_INFO ((RecCaseInfo *) info), NULL);

  out = g_string_sized_new (512);
  append_case_object (out, info);
  return compact (out);
}

void
_rec_case_json_append_quoted (GString    *out,
                              const char *text)
{
  append_string (out, text);
}

/* `"key": [` one `{ … }` per line `]`; `[]` when empty. */
static void
append_array (GString    *out,
              const char *key,
              GPtrArray  *items,
              AppendItem  append_item,
              gboolean    last)
{
  g_string_append_printf (out, "  \"%s\": [", key);
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (out, i == 0 ? "\n    { " : ",\n    { ");
      append_item (out, g_ptr_array_index (items, i));
      g_string_append (out, " }");
    }
  g_string_append (out, items->len > 0 ? "\n  ]" : "]");
  g_string_append (out, last ? "\n" : ",\n");
}

/* Attachments (spec/evidence.md §4) */

/* Where each record of the case is in its array, by its object (links name
 * records by it). */
static GHashTable *
index_records (const RecCaseData *c)
{
  GPtrArray *arrays[] = { c->children, c->terms, c->interest_overrides, c->charges,
                          c->payments, c->communications, c->enforcement };
  GHashTable *index = g_hash_table_new (NULL, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (arrays); k++)
    for (guint i = 0; i < arrays[k]->len; i++)
      g_hash_table_insert (index, arrays[k]->pdata[i], GUINT_TO_POINTER (i));
  return index;
}

typedef struct
{
  guint kind;     /* 0 the case, then in the order of the document's arrays */
  guint index;
} Link;

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const Link *x = a, *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* The kinds a link may name, in the order of the document's arrays
 * (spec/evidence.md §1: not interest overrides). */
static const char * const link_words[] = {
  "case", "children", "terms", "charges", "payments", "communications", "enforcement", NULL
};

/* The attachment's links as (kind, index) in the document's order: the case
 * first, then by array and index, so that the export does not depend on the
 * order links were made in. A link to a record that is not in the case (or of
 * a kind links cannot name) sets `*bad` and is left out. */
static GArray *
sorted_links (const RecAttachment *attachment,
              GHashTable          *index,
              gboolean            *bad)
{
  GArray *links = g_array_sized_new (FALSE, FALSE, sizeof (Link), attachment->links->len);

  for (guint i = 0; i < attachment->links->len; i++)
    {
      RecEntity *record = g_ptr_array_index (attachment->links, i);
      const char *word = rec_entity_kind_word (record);
      Link link = { 0, 0 };
      gpointer value;

      while (link_words[link.kind] != NULL && strcmp (link_words[link.kind], word) != 0)
        link.kind++;
      if (link_words[link.kind] == NULL
          || (record != NULL && !g_hash_table_lookup_extended (index, record, NULL, &value)))
        {
          *bad = TRUE;
          continue;
        }
      link.index = record != NULL ? GPOINTER_TO_UINT (value) : 0;
      g_array_append_val (links, link);
    }
  g_array_sort (links, compare_links);
  return links;
}

/* Base64 (RFC 4648, no line breaks) of the bytes, encoded straight into
 * `out`, which the caller sized for it: no second copy of the text. */
static void
append_base64 (GString      *out,
               const guint8 *data,
               gsize         size)
{
  gsize start = out->len;
  gsize written = 0;
  int state = 0, save = 0;

  /* Room for the text (4 per 3 bytes) and what g_base64_encode_step may
   * want beyond it on its last call. */
  g_string_set_size (out, start + (size + 2) / 3 * 4 + 8);
  for (gsize done = 0; done < size;)
    {
      gsize chunk = MIN (size - done, 3 * 65536);

      written += g_base64_encode_step (data + done, chunk, FALSE, out->str + start + written,
                                       &state, &save);
      done += chunk;
    }
  written += g_base64_encode_close (FALSE, out->str + start + written, &state, &save);
  g_string_truncate (out, start + written);
}

/* One attachment's object. Without `with_data` its data is written empty
 * (the export's check of everything else). */
static void
append_attachment (GString             *out,
                   const RecAttachment *attachment,
                   GHashTable          *index,
                   gboolean             with_data,
                   gboolean            *bad)
{
  g_autoptr(GArray) links = sorted_links (attachment, index, bad);
  gboolean first = TRUE;

  append_text (out, &first, "name", attachment->name);
  append_text (out, &first, "media_type", attachment->media_type);
  append_key (out, &first, "size");
  g_string_append_printf (out, "%" G_GINT64_FORMAT, attachment->size);
  append_text (out, &first, "sha256", attachment->sha256);
  append_text (out, &first, "added_at", attachment->added_at);
  append_key (out, &first, "links");
  g_string_append_c (out, '[');
  for (guint i = 0; i < links->len; i++)
    {
      const Link *link = &g_array_index (links, Link, i);

      g_string_append_printf (out, "%s{ \"to\": \"%s\"", i > 0 ? ", " : "",
                              link_words[link->kind]);
      if (link->kind > 0)
        g_string_append_printf (out, ", \"index\": %u", link->index);
      g_string_append (out, " }");
    }
  g_string_append_c (out, ']');
  append_key (out, &first, "data");
  g_string_append_c (out, '"');
  if (with_data && attachment->data != NULL)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (attachment->data, &size);

      append_base64 (out, data, size);
    }
  g_string_append_c (out, '"');
}

/* The whole document; `bad` is set when a link names no record of the case. */
static char *
write_document (const RecCaseData *case_data,
                gboolean           with_data,
                gboolean          *bad)
{
  g_autoptr(GHashTable) index = NULL;
  gsize size = 4096 + 160 * (case_data->payments->len + case_data->communications->len);
  GString *out;

  for (guint i = 0; with_data && i < case_data->attachments->len; i++)
    {
      RecAttachment *attachment = g_ptr_array_index (case_data->attachments, i);

      if (attachment->data != NULL)
        size += g_bytes_get_size (attachment->data) / 3 * 4 + 512;
    }

  out = g_string_sized_new (size);
  g_string_append_printf (out, "{\n  \"format\": \"recourse-case\",\n  \"version\": %d,\n",
                          REC_CASE_JSON_VERSION);
  append_case (out, case_data->info);
  append_array (out, "children", case_data->children, append_child, FALSE);
  append_array (out, "terms", case_data->terms, append_term, FALSE);
  append_array (out, "interest_overrides", case_data->interest_overrides,
                append_interest_override, FALSE);
  append_array (out, "charges", case_data->charges, append_charge, FALSE);
  append_array (out, "payments", case_data->payments, append_payment, FALSE);
  append_array (out, "communications", case_data->communications, append_communication,
                FALSE);
  append_array (out, "enforcement", case_data->enforcement, append_enforcement_step, FALSE);

  g_string_append (out, "  \"attachments\": [");
  if (case_data->attachments->len > 0)
    index = index_records (case_data);
  for (guint i = 0; i < case_data->attachments->len; i++)
    {
      g_string_append (out, i == 0 ? "\n    { " : ",\n    { ");
      append_attachment (out, g_ptr_array_index (case_data->attachments, i), index,
                         with_data, bad);
      g_string_append (out, " }");
    }
  g_string_append (out, case_data->attachments->len > 0 ? "\n  ]\n" : "]\n");
  g_string_append (out, "}\n");

  return g_string_free (out, FALSE);
}

char *
rec_case_json_to_string (const RecCaseData *case_data)
{
  gboolean bad = FALSE;

  g_return_val_if_fail (case_data != NULL && case_data->info != NULL, NULL);

  return write_document (case_data, TRUE, &bad);
}

char *
rec_case_json_export (const RecCaseData  *case_data,
                      GError            **error)
{
  g_autofree char *check = NULL;
  g_autoptr(RecCaseData) again = NULL;
  gboolean bad = FALSE;

  g_return_val_if_fail (case_data != NULL && case_data->info != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The importer's checks of everything but the attachments' bytes, which
   * are not parsed a second time (a 64 MiB file would be in memory four
   * times): they are checked against their size and SHA-256 below. */
  check = write_document (case_data, FALSE, &bad);
  again = _rec_case_json_parse_checked (check, -1, FALSE, error);
  if (again == NULL)
    return NULL;

  for (guint i = 0; i < case_data->attachments->len; i++)
    {
      RecAttachment *attachment = g_ptr_array_index (case_data->attachments, i);
      g_autofree char *path = g_strdup_printf ("attachments[%u]", i);

      if (!_rec_case_json_check_data (attachment, path, error))
        return NULL;
    }
  if (bad)
    {
      g_set_error_literal (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                           /* Translators: an attachment is linked to a record the case does not hold */
                           _("attachments: a document proves a record that is not in the case"));
      return NULL;
    }

  return write_document (case_data, TRUE, &bad);
}
