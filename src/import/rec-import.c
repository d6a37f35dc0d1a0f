/* rec-import.c — what is done with a reader's candidates: the filter, the
 * duplicates (spec/import.md §2), the correspondents and the counts
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import.h"

#include <string.h>

G_DEFINE_QUARK (rec-import-error-quark, rec_import_error)

RecImportCandidate *
rec_import_candidate_new (RecImportStatus status)
{
  RecImportCandidate *candidate = g_new0 (RecImportCandidate, 1);

  candidate->status = status;
  candidate->selected = status == REC_IMPORT_NEW;
  candidate->media = g_ptr_array_new_with_free_func (g_object_unref);
  return candidate;
}

void
rec_import_candidate_free (RecImportCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_clear_object (&candidate->record);
  g_free (candidate->where);
  g_free (candidate->reason);
  g_free (candidate->match_text);
  g_free (candidate->address);
  g_free (candidate->contact);
  g_free (candidate->description);
  g_clear_pointer (&candidate->media, g_ptr_array_unref);
  g_free (candidate);
}

void
rec_import_source_free (RecImportSource *source)
{
  if (source == NULL)
    return;
  g_free (source->path);
  g_free (source->name);
  g_free (source->format);
  g_clear_object (&source->attachment);
  g_clear_pointer (&source->candidates, g_ptr_array_unref);
  g_free (source);
}

void
rec_import_correspondent_free (RecImportCorrespondent *correspondent)
{
  if (correspondent == NULL)
    return;
  g_free (correspondent->address);
  g_free (correspondent->contact);
  g_free (correspondent);
}

/* --- Addresses --- */

/* The form two addresses are compared in: an e-mail address trimmed and
 * case-folded; a phone number its digits, without the leading country code 1
 * of a North American number written in full (+1 555 010 2030 is
 * 555-010-2030). Text that is neither is compared trimmed and case-folded. */
static char *
address_key (const char *address)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (address != NULL ? address : ""));
  GString *digits;

  if (strchr (trimmed, '@') != NULL)
    return g_utf8_casefold (trimmed, -1);

  digits = g_string_new (NULL);
  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (g_ascii_isalpha (*p))
        {
          /* Letters: a short code or a name, not a number. */
          g_string_free (digits, TRUE);
          return g_utf8_casefold (trimmed, -1);
        }
    }
  if (digits->len == 11 && digits->str[0] == '1')
    g_string_erase (digits, 0, 1);
  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return g_utf8_casefold (trimmed, -1);
    }
  return g_string_free (digits, FALSE);
}

/* --- The filter --- */

static void
keep_read_status (RecImportCandidate *candidate)
{
  if (candidate->read_kept)
    return;
  candidate->read_status = candidate->status;
  candidate->read_kept = TRUE;
}

static void
set_status (RecImportCandidate *candidate,
            RecImportStatus     status)
{
  if (status == REC_IMPORT_NEW && candidate->status != REC_IMPORT_NEW)
    candidate->selected = TRUE;
  else if (status != REC_IMPORT_NEW)
    candidate->selected = FALSE;
  candidate->status = status;
}

static gboolean
payment_matches (const RecImportCandidate *candidate,
                 char                     **folded_filters)
{
  g_autofree char *text = NULL;

  if (candidate->match_text == NULL)
    return FALSE;
  text = g_utf8_casefold (candidate->match_text, -1);
  for (guint i = 0; folded_filters[i] != NULL; i++)
    if (strstr (text, folded_filters[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
message_matches (const RecImportCandidate *candidate,
                 char                     **address_keys)
{
  g_autofree char *key = NULL;

  if (candidate->address == NULL)
    return FALSE;
  key = address_key (candidate->address);
  return g_strv_contains ((const char *const *) address_keys, key);
}

/* What a candidate becomes under the filters (`keys`: NULL for none). */
static RecImportStatus
filtered_status (RecImportKind             kind,
                 const RecImportCandidate *candidate,
                 char                    **keys)
{
  gboolean matches;

  if (kind == REC_IMPORT_KIND_PAYMENTS)
    {
      if (!candidate->credit)
        return REC_IMPORT_NOT_MATCHING;
      if (keys == NULL)
        return candidate->read_status == REC_IMPORT_NOT_MATCHING
               ? REC_IMPORT_NOT_MATCHING : REC_IMPORT_NEW;
      matches = payment_matches (candidate, keys);
    }
  else
    matches = keys != NULL && message_matches (candidate, keys);
  return matches ? REC_IMPORT_NEW : REC_IMPORT_NOT_MATCHING;
}

/* The filters in the form they are compared in (NULL when there is none
 * that is not blank). */
static char **
filter_keys (RecImportKind      kind,
             const char *const *filters)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; filters != NULL && filters[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (filters[i]));

      if (*trimmed == '\0')
        continue;
      g_ptr_array_add (keys, kind == REC_IMPORT_KIND_PAYMENTS
                               ? g_utf8_casefold (trimmed, -1)
                               : address_key (trimmed));
    }
  if (keys->len == 0)
    return NULL;
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

static void
filter_one (RecImportKind       kind,
            char              **keys,
            RecImportCandidate *candidate)
{
  keep_read_status (candidate);
  if (candidate->status == REC_IMPORT_REJECTED || candidate->record == NULL)
    return;
  set_status (candidate, filtered_status (kind, candidate, keys));
}

void
rec_import_source_filter (RecImportSource   *source,
                          const char *const *filters)
{
  g_auto(GStrv) keys = NULL;

  g_return_if_fail (source != NULL);

  keys = filter_keys (source->kind, filters);
  for (guint i = 0; i < source->candidates->len; i++)
    filter_one (source->kind, keys, g_ptr_array_index (source->candidates, i));
}

/* --- Duplicates (spec §2) --- */

/* A record a candidate may match: each matches one candidate at most. */
typedef struct
{
  const char *reference;  /* payments: "" for none */
  gboolean    used;
} Slot;

/* Payments match on date and amount, then on the reference when both have
 * one; messages on the second, direction, channel and text. */
static char *
record_key (const RecEntity *record)
{
  if (REC_IS_PAYMENT ((RecEntity *) record))
    {
      const RecPayment *payment = REC_PAYMENT ((RecEntity *) record);

      if (!g_date_valid (&payment->date))
        return NULL;
      return g_strdup_printf ("p%u|%lld", g_date_get_julian (&payment->date),
                              (long long) payment->amount_cents);
    }
  if (REC_IS_COMMUNICATION ((RecEntity *) record))
    {
      const RecCommunication *message = REC_COMMUNICATION ((RecEntity *) record);

      return g_strdup_printf ("m%lld|%d|%d|%s", (long long) message->at_unix,
                              (int) message->direction, (int) message->channel,
                              message->summary != NULL ? message->summary : "");
    }
  return NULL;
}

static const char *
record_reference (const RecEntity *record)
{
  if (REC_IS_PAYMENT ((RecEntity *) record))
    {
      const char *reference = REC_PAYMENT ((RecEntity *) record)->reference;

      return reference != NULL ? reference : "";
    }
  return "";
}

static void
slots_add (GHashTable      *slots,
           const RecEntity *record)
{
  char *key = record_key (record);
  GArray *bucket;
  Slot slot = { record_reference (record), FALSE };

  if (key == NULL)
    return;
  bucket = g_hash_table_lookup (slots, key);
  if (bucket == NULL)
    {
      bucket = g_array_new (FALSE, FALSE, sizeof (Slot));
      g_hash_table_insert (slots, key, bucket);
    }
  else
    g_free (key);
  g_array_append_val (bucket, slot);
}

/* Takes the record of `bucket` that matches `reference`: the same reference
 * first, else one where either has none. FALSE when none is left. */
static gboolean
bucket_take (GArray     *bucket,
             const char *reference)
{
  Slot *loose = NULL;

  for (guint i = 0; i < bucket->len; i++)
    {
      Slot *slot = &g_array_index (bucket, Slot, i);

      if (slot->used)
        continue;
      if (g_strcmp0 (slot->reference, reference) == 0)
        {
          slot->used = TRUE;
          return TRUE;
        }
      if (loose == NULL && (*slot->reference == '\0' || *reference == '\0'))
        loose = slot;
    }
  if (loose == NULL)
    return FALSE;
  loose->used = TRUE;
  return TRUE;
}

static gboolean
slots_take (GHashTable      *slots,
            const RecEntity *record)
{
  g_autofree char *key = record_key (record);
  GArray *bucket;

  if (key == NULL)
    return FALSE;
  bucket = g_hash_table_lookup (slots, key);
  return bucket != NULL && bucket_take (bucket, record_reference (record));
}

static void
slots_add_all (GHashTable *slots,
               GPtrArray  *records)
{
  for (guint i = 0; records != NULL && i < records->len; i++)
    slots_add (slots, g_ptr_array_index (records, i));
}

/* The records of the case (and of earlier sources) by key. */
static GHashTable *
slots_new (const RecCaseData *existing)
{
  GHashTable *slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_array_unref);

  if (existing != NULL)
    {
      slots_add_all (slots, existing->payments);
      slots_add_all (slots, existing->communications);
    }
  return slots;
}

static void
duplicate_mark_one (GHashTable         *slots,
                    RecImportCandidate *candidate)
{
  keep_read_status (candidate);
  /* Marked by an earlier call: decided again (the call is idempotent). */
  if (candidate->status == REC_IMPORT_DUPLICATE)
    candidate->status = REC_IMPORT_NEW;
  if (candidate->status == REC_IMPORT_NEW && slots_take (slots, candidate->record))
    set_status (candidate, REC_IMPORT_DUPLICATE);
}

void
rec_import_mark_duplicates (const RecCaseData *existing,
                            GPtrArray         *sources)
{
  g_autoptr(GHashTable) slots = NULL;

  g_return_if_fail (sources != NULL);

  slots = slots_new (existing);
  for (guint s = 0; s < sources->len; s++)
    {
      RecImportSource *source = g_ptr_array_index (sources, s);

      for (guint i = 0; i < source->candidates->len; i++)
        duplicate_mark_one (slots, g_ptr_array_index (source->candidates, i));
      /* What this source adds is in the case for the sources after it. */
      for (guint i = 0; i < source->candidates->len; i++)
        {
          RecImportCandidate *candidate = g_ptr_array_index (source->candidates, i);

          if (candidate->status == REC_IMPORT_NEW)
            slots_add (slots, candidate->record);
        }
    }
}

/* --- One at a time --- */

struct _RecImportMarker
{
  RecImportKind  kind;
  char         **keys;     /* the filters' (NULL: none) */
  GHashTable    *slots;
  GPtrArray     *added;    /* RecEntity: the NEW ones, kept while the slots
                            * point into them */
  guint          n_ended;  /* of `added`, those of sources already ended */
};

RecImportMarker *
rec_import_marker_new (RecImportKind       kind,
                       const char *const  *filters,
                       const RecCaseData  *existing)
{
  RecImportMarker *marker = g_new0 (RecImportMarker, 1);

  marker->kind = kind;
  marker->keys = filter_keys (kind, filters);
  marker->slots = slots_new (existing);
  marker->added = g_ptr_array_new_with_free_func (g_object_unref);
  return marker;
}

void
rec_import_marker_mark (RecImportMarker    *marker,
                        RecImportCandidate *candidate)
{
  g_return_if_fail (marker != NULL && candidate != NULL);

  filter_one (marker->kind, marker->keys, candidate);
  duplicate_mark_one (marker->slots, candidate);
  if (candidate->status == REC_IMPORT_NEW)
    g_ptr_array_add (marker->added, g_object_ref (candidate->record));
}

void
rec_import_marker_end_source (RecImportMarker *marker)
{
  g_return_if_fail (marker != NULL);

  for (; marker->n_ended < marker->added->len; marker->n_ended++)
    slots_add (marker->slots, g_ptr_array_index (marker->added, marker->n_ended));
}

void
rec_import_marker_free (RecImportMarker *marker)
{
  if (marker == NULL)
    return;
  g_strfreev (marker->keys);
  g_hash_table_unref (marker->slots);
  g_ptr_array_unref (marker->added);
  g_free (marker);
}

/* --- Correspondents and counts --- */

static gint
correspondent_compare (gconstpointer a,
                       gconstpointer b)
{
  const RecImportCorrespondent *x = *(RecImportCorrespondent **) a;
  const RecImportCorrespondent *y = *(RecImportCorrespondent **) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->address, y->address);
}

static void
correspondent_count (GHashTable               *by_key,
                     GPtrArray                *list,
                     const RecImportCandidate *candidate)
{
  g_autofree char *key = address_key (candidate->address);
  RecImportCorrespondent *correspondent = g_hash_table_lookup (by_key, key);

  if (correspondent == NULL)
    {
      correspondent = g_new0 (RecImportCorrespondent, 1);
      correspondent->address = g_strdup (candidate->address);
      g_ptr_array_add (list, correspondent);
      g_hash_table_insert (by_key, g_steal_pointer (&key), correspondent);
    }
  if (correspondent->contact == NULL && candidate->contact != NULL && *candidate->contact != '\0')
    correspondent->contact = g_strdup (candidate->contact);
  correspondent->count++;
}

GPtrArray *
rec_import_list_correspondents (GPtrArray *sources)
{
  g_autoptr(GHashTable) by_key = NULL;
  GPtrArray *list;

  g_return_val_if_fail (sources != NULL, NULL);

  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_import_correspondent_free);
  for (guint s = 0; s < sources->len; s++)
    {
      RecImportSource *source = g_ptr_array_index (sources, s);

      for (guint i = 0; i < source->candidates->len; i++)
        {
          RecImportCandidate *candidate = g_ptr_array_index (source->candidates, i);

          if (candidate->status != REC_IMPORT_REJECTED && candidate->address != NULL
              && *candidate->address != '\0')
            correspondent_count (by_key, list, candidate);
        }
    }
  g_ptr_array_sort (list, correspondent_compare);
  return list;
}

guint
rec_import_count (GPtrArray       *sources,
                  RecImportStatus  status)
{
  guint count = 0;

  g_return_val_if_fail (sources != NULL, 0);

  for (guint s = 0; s < sources->len; s++)
    {
      RecImportSource *source = g_ptr_array_index (sources, s);

      for (guint i = 0; i < source->candidates->len; i++)
        {
          RecImportCandidate *candidate = g_ptr_array_index (source->candidates, i);

          count += candidate->status == status;
        }
    }
  return count;
}
