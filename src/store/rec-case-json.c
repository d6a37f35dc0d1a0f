/* rec-case-json.c — reading and validating the `recourse-case` JSON document
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is checked; the first error names its path
 * (`payments[3].amount: "12,50" is not an amount`). Unknown keys are errors so
 * that a typo never loses data silently.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-case-json.h"
#include "rec-case-json-private.h"

#include "rec-attachment.h"
#include "rec-date.h"
#include "rec-rules.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

G_DEFINE_QUARK (rec-case-json-error-quark, rec_case_json_error)

/* Short names for the shared helpers of rec-case-json-private.h. */
static inline char *
join_path (const char *path,
           const char *key)
{
  return _rec_case_json_join_path (path, key);
}

static inline void
fail (GError     **error,
      const char  *path,
      const char  *key,
      const char  *reason)
{
  _rec_case_json_fail (error, path, key, reason);
}

/* "payments[3]" + "amount" → "payments[3].amount"; "" + "case" → "case". */
char *
_rec_case_json_join_path (const char *path,
                          const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);
  return g_strconcat (path, ".", key, NULL);
}

/* Sets "PATH.KEY: REASON" (or "PATH: REASON" when key is NULL). */
void
_rec_case_json_fail (GError     **error,
                     const char  *path,
                     const char  *key,
                     const char  *reason)
{
  g_autofree char *full = key != NULL ? _rec_case_json_join_path (path, key) : g_strdup (path);

  g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
               "%s: %s", full, reason);
}

/* Characters a one-line message must not carry raw: C0 and C1 controls,
 * DEL, the line and paragraph separators, and the bidirectional formatting
 * characters that would reorder the rest of a terminal line. */
static gboolean
needs_escape (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
         || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* See rec-case-json-private.h. */
char *
_rec_case_json_shown (const char *text,
                      gssize      length,
                      guint       max_chars)
{
  const char *end = text + (length < 0 ? strlen (text) : (gsize) length);
  GString *out = g_string_new (NULL);
  guint count = 0;

  for (const char *p = text; p < end; count++)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (count == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (c >= 0x110000)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (needs_escape (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/* A short rendering of a node for messages: strings quoted, others as JSON. */
static char *
node_to_text (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return _rec_case_json_shown (text, -1, 60);
}

static gboolean
check_keys (JsonObject         *obj,
            const char         *path,
            const char * const *allowed,
            GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *words = g_strjoinv (", ", (char **) allowed);
        /* Translators: an unknown key was found in a JSON document; %s lists the known keys */
        g_autofree char *reason = g_strdup_printf (_("unknown key (known keys: %s)"), words);

        g_autofree char *shown = _rec_case_json_shown (l->data, -1, 60);

        fail (error, path, shown, reason);
        return FALSE;
      }

  return TRUE;
}

static const char *
type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return C_("json type", "an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return C_("json type", "an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return C_("json type", "a string");
    case G_TYPE_BOOLEAN: return C_("json type", "true or false");
    default: return C_("json type", "a number");
    }
}

static void
fail_type (GError     **error,
           const char  *path,
           const char  *key,
           const char  *expected,
           JsonNode    *node)
{
  g_autofree char *reason =
    /* Translators: "expected a string, not a number"; both %s are JSON types */
    g_strdup_printf (_("expected %s, not %s"), expected, type_name (node));

  fail (error, path, key, reason);
}

/* The member `key`, or NULL: with the error set when it is required. */
static JsonNode *
member (JsonObject  *obj,
        const char  *path,
        const char  *key,
        gboolean     required,
        GError     **error)
{
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL && required)
    /* Translators: a required key is missing from a JSON document */
    fail (error, path, key, _("is required but missing"));
  return node;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* The text of a string node. The pre-scan already refused the escapes that
 * would give bytes that are not UTF-8 (lone surrogates); this makes sure of
 * it for every value taken from the document. */
static const char *
string_value (JsonNode    *node,
              const char  *path,
              const char  *key,
              GError     **error)
{
  const char *text = json_node_get_string (node);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      /* Translators: a text field of the document holds bytes that are not UTF-8 */
      fail (error, path, key, _("is not UTF-8 text"));
      return NULL;
    }

  return text;
}

/* Refuses `text` with the message of a core parser (`core_error`), which
 * quotes the text as it is. A text that does not fit on one line that way
 * (long, or with control characters) is quoted shortened and escaped, in
 * `format`: the core's own words for "not a valid value". */
static void
fail_value (GError     **error,
            const char  *path,
            const char  *key,
            const char  *text,
            GError      *core_error,
            const char  *format)
{
  g_autofree char *shown = _rec_case_json_shown (text, -1, 60);
  g_autofree char *reason = NULL;

  if (g_str_equal (shown, text))
    {
      fail (error, path, key, core_error->message);
      return;
    }

  reason = g_strdup_printf (format, shown);
  fail (error, path, key, reason);
}

/* A string field; a missing optional one keeps *out unchanged (its default). */
static gboolean
read_string (JsonObject  *obj,
             const char  *path,
             const char  *key,
             gboolean     required,
             char       **out,
             GError     **error)
{
  JsonNode *node = member (obj, path, key, required, error);
  const char *text;

  if (node == NULL)
    return !required;
  if (!is_string (node))
    {
      fail_type (error, path, key, C_("json type", "a string"), node);
      return FALSE;
    }
  text = string_value (node, path, key, error);
  if (text == NULL)
    return FALSE;

  rec_set_str (out, text);
  return TRUE;
}

static gboolean
read_bool (JsonObject  *obj,
           const char  *path,
           const char  *key,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      fail_type (error, path, key, C_("json type", "true or false"), node);
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* An amount string (a credit below zero only with `allow_negative`); the
 * text read in *out_text. */
static gboolean
read_amount_node (JsonNode     *node,
                  const char   *path,
                  const char   *key,
                  gboolean      allow_negative,
                  RecCents     *out,
                  const char  **out_text,
                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (!is_string (node))
    {
      g_autofree char *shown = node_to_text (node);
      g_autofree char *reason =
        /* Translators: %s is a JSON value; keep the example in quotes */
        g_strdup_printf (_("%s is not an amount: write amounts as strings, such as \"850.00\""),
                         shown);

      fail (error, path, key, reason);
      return FALSE;
    }

  text = string_value (node, path, key, error);
  if (text == NULL)
    return FALSE;
  if (!rec_cents_parse (text, allow_negative, out, &local_error))
    {
      fail_value (error, path, key, text, local_error,
                  /* Translators: %s is the text the user gave as an amount */
                  _("\"%s\" is not an amount"));
      return FALSE;
    }

  *out_text = text;
  return TRUE;
}

static gboolean
read_amount (JsonObject  *obj,
             const char  *path,
             const char  *key,
             RecCents    *out,
             GError     **error)
{
  JsonNode *node = member (obj, path, key, TRUE, error);
  const char *text;

  if (node == NULL || !read_amount_node (node, path, key, FALSE, out, &text, error))
    return FALSE;
  if (*out <= 0)
    {
      /* Translators: %s is the amount given */
      g_autofree char *reason = g_strdup_printf (_("\"%s\" is not more than zero"), text);

      fail (error, path, key, reason);
      return FALSE;
    }

  return TRUE;
}

/* A date; `nullable` allows null (or a missing key) for "no date". */
static gboolean
read_date (JsonObject  *obj,
           const char  *path,
           const char  *key,
           gboolean     nullable,
           GDate       *out,
           GError     **error)
{
  JsonNode *node = member (obj, path, key, !nullable, error);
  g_autoptr(GError) local_error = NULL;
  const char *text;

  g_date_clear (out, 1);
  if (node == NULL)
    return nullable;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!is_string (node))
    {
      fail_type (error, path, key,
                 nullable ? C_("json type", "a date string or null")
                          : C_("json type", "a date string"), node);
      return FALSE;
    }

  text = string_value (node, path, key, error);
  if (text == NULL)
    return FALSE;
  if (!rec_date_parse (text, out, &local_error))
    {
      fail_value (error, path, key, text, local_error,
                  /* Translators: %s is the text given as a date; keep YYYY-MM-DD */
                  _("\"%s\" is not a date (YYYY-MM-DD)"));
      return FALSE;
    }

  return TRUE;
}

/* An enumeration word; a missing optional key keeps *out (its default). */
static gboolean
read_enum (JsonObject  *obj,
           const char  *path,
           const char  *key,
           gboolean     required,
           int        (*from_word) (const char *),
           char      *(*words) (void),
           int         *out,
           GError     **error)
{
  JsonNode *node = member (obj, path, key, required, error);
  const char *text;
  int value;

  if (node == NULL)
    return !required;
  if (!is_string (node))
    {
      fail_type (error, path, key, C_("json type", "a string"), node);
      return FALSE;
    }

  text = string_value (node, path, key, error);
  if (text == NULL)
    return FALSE;
  value = from_word (text);
  if (value < 0)
    {
      g_autofree char *allowed = words ();
      g_autofree char *shown = _rec_case_json_shown (text, -1, 60);
      g_autofree char *reason =
        /* Translators: the first %s is the word given, the second the list of allowed words */
        g_strdup_printf (_("\"%s\" is not one of: %s"), shown, allowed);

      fail (error, path, key, reason);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* Fails when `key` is present: it does not belong on this entity. */
static gboolean
refuse_key (JsonObject  *obj,
            const char  *path,
            const char  *key,
            const char  *reason,
            GError     **error)
{
  if (!json_object_has_member (obj, key))
    return TRUE;

  fail (error, path, key, reason);
  return FALSE;
}

/* Checks that `a` is not after `b` (end >= effective, from <= to). */
static gboolean
check_order (const GDate  *a,
             const GDate  *b,
             const char   *path,
             const char   *key_b,
             const char   *key_a,
             GError      **error)
{
  char a_text[16], b_text[16];
  g_autofree char *reason = NULL;

  if (!rec_date_is_set (a) || !rec_date_is_set (b) || rec_date_compare (a, b) <= 0)
    return TRUE;

  rec_date_to_iso_buf (a, a_text);
  rec_date_to_iso_buf (b, b_text);
  /* Translators: "\"2022-01-01\" is before effective \"2023-01-01\""; the second %s
   * is a field name and stays in English */
  reason = g_strdup_printf (_("\"%s\" is before %s \"%s\""), b_text, key_a, a_text);
  fail (error, path, key_b, reason);
  return FALSE;
}

/* Entities */

static gboolean
parse_party (JsonObject  *parent,
             const char  *path,
             const char  *key,
             RecParty    *party,
             GError     **error)
{
  static const char * const keys[] = { "name", "address", "phone", "email", "employer", NULL };
  JsonNode *node = json_object_get_member (parent, key);
  g_autofree char *sub = join_path (path, key);
  JsonObject *obj;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_type (error, path, key, C_("json type", "an object"), node);
      return FALSE;
    }

  obj = json_node_get_object (node);
  return check_keys (obj, sub, keys, error)
         && read_string (obj, sub, "name", FALSE, &party->name, error)
         && read_string (obj, sub, "address", FALSE, &party->address, error)
         && read_string (obj, sub, "phone", FALSE, &party->phone, error)
         && read_string (obj, sub, "email", FALSE, &party->email, error)
         && read_string (obj, sub, "employer", FALSE, &party->employer, error);
}

static gboolean
check_case_values (RecCaseInfo  *info,
                   GError      **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *title = g_strstrip (g_strdup (info->title));
  g_autofree char *shown = NULL;

  if (title[0] == '\0')
    {
      /* Translators: a text field was left empty */
      fail (error, "case", "title", _("must not be empty"));
      return FALSE;
    }

  if (!rec_rules_exists (info->jurisdiction))
    {
      shown = _rec_case_json_shown (info->jurisdiction, -1, 60);
      g_autofree char *known = g_strjoinv (", ", (char **) rec_rules_list_ids ());

      /* Translators: the first %s is a jurisdiction code such as "us-zz", the second the
       * list of the known ones ("us, us-ca, us-ga, …") */
      reason = g_strdup_printf (_("\"%s\" is not a jurisdiction Recourse knows (%s)"),
                                shown, known);
      fail (error, "case", "jurisdiction", reason);
      return FALSE;
    }

  if (strlen (info->currency) != 3 || !g_ascii_isupper (info->currency[0])
      || !g_ascii_isupper (info->currency[1]) || !g_ascii_isupper (info->currency[2]))
    {
      shown = _rec_case_json_shown (info->currency, -1, 60);
      /* Translators: %s is the currency given */
      reason = g_strdup_printf (_("\"%s\" is not an ISO 4217 currency code (such as \"USD\")"),
                                shown);
      fail (error, "case", "currency", reason);
      return FALSE;
    }

  return TRUE;
}

/* case.agency_balance: an amount string (zero and a credit below zero
 * allowed: it is what the agency stated) or null. */
static gboolean
read_balance (JsonObject   *obj,
              RecCaseInfo  *info,
              GError      **error)
{
  JsonNode *node = json_object_get_member (obj, "agency_balance");
  const char *text;

  info->has_agency_balance = FALSE;
  info->agency_balance_cents = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!read_amount_node (node, "case", "agency_balance", TRUE, &info->agency_balance_cents,
                         &text, error))
    return FALSE;

  info->has_agency_balance = TRUE;
  return TRUE;
}

static gboolean
parse_case (JsonObject   *root,
            RecCaseInfo  *info,
            GError      **error)
{
  static const char * const keys[] = {
    "title", "jurisdiction", "currency", "agency_enforced", "public_assistance", "court",
    "court_case_number", "agency_case_number", "agency_balance", "agency_balance_as_of",
    "obligor", "obligee", "notes", NULL
  };
  JsonNode *node = member (root, "", "case", TRUE, error);
  JsonObject *obj;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_type (error, "", "case", C_("json type", "an object"), node);
      return FALSE;
    }

  obj = json_node_get_object (node);
  return check_keys (obj, "case", keys, error)
         && read_string (obj, "case", "title", TRUE, &info->title, error)
         && read_string (obj, "case", "jurisdiction", TRUE, &info->jurisdiction, error)
         && read_string (obj, "case", "currency", FALSE, &info->currency, error)
         && read_bool (obj, "case", "agency_enforced", &info->agency_enforced, error)
         && read_bool (obj, "case", "public_assistance", &info->public_assistance, error)
         && read_string (obj, "case", "court", FALSE, &info->court, error)
         && read_string (obj, "case", "court_case_number", FALSE, &info->court_case_number, error)
         && read_string (obj, "case", "agency_case_number", FALSE, &info->agency_case_number,
                         error)
         && read_balance (obj, info, error)
         && read_date (obj, "case", "agency_balance_as_of", TRUE, &info->agency_balance_as_of,
                       error)
         && parse_party (obj, "case", "obligor", &info->obligor, error)
         && parse_party (obj, "case", "obligee", &info->obligee, error)
         && read_string (obj, "case", "notes", FALSE, &info->notes, error)
         && check_case_values (info, error);
}

static gboolean
parse_child (JsonObject  *obj,
             const char  *path,
             RecEntity   *entity,
             GError     **error)
{
  static const char * const keys[] = { "name", "birth_date", NULL };
  RecChild *item = REC_CHILD (entity);

  return check_keys (obj, path, keys, error)
         && read_string (obj, path, "name", TRUE, &item->name, error)
         && read_date (obj, path, "birth_date", TRUE, &item->birth_date, error);
}

/* 1–31 or "last" (REC_DUE_DAY_LAST). */
static gboolean
read_due_day_node (JsonNode    *node,
                   const char  *path,
                   const char  *key,
                   int         *out,
                   GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *reason = NULL;

  if (is_string (node) && g_str_equal (json_node_get_string (node), "last"))
    {
      *out = REC_DUE_DAY_LAST;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
      && json_node_get_int (node) >= 1 && json_node_get_int (node) <= 31)
    {
      *out = (int) json_node_get_int (node);
      return TRUE;
    }

  shown = node_to_text (node);
  /* Translators: %s is the JSON value given; keep "last" in English */
  reason = g_strdup_printf (_("%s is not a day of the month (1 to 31) or \"last\""), shown);
  fail (error, path, key, reason);
  return FALSE;
}

static gboolean
read_due_days (JsonObject  *obj,
               const char  *path,
               RecTerm     *item,
               GError     **error)
{
  JsonNode *node = json_object_get_member (obj, "due_days");
  g_autofree char *sub = join_path (path, "due_days");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 2)
    {
      /* Translators: keep "last" in English */
      fail (error, path, "due_days", _("expected two days of the month, such as [1, 15]"));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *index = g_strdup_printf ("%s[%u]", sub, i);

      if (!read_due_day_node (json_array_get_element (array, i), index, NULL,
                              &item->due_days[i], error))
        return FALSE;
    }

  if (item->due_days[0] == item->due_days[1])
    {
      fail (error, path, "due_days", _("the two days must differ"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_term_days (JsonObject  *obj,
                const char  *path,
                RecTerm     *item,
                GError     **error)
{
  JsonNode *node = json_object_get_member (obj, "due_day");

  if (item->frequency != REC_FREQUENCY_MONTHLY
      /* Translators: keep "due_day" and "monthly" in English */
      && !refuse_key (obj, path, "due_day", _("only a monthly term has a due_day"), error))
    return FALSE;
  if (item->frequency != REC_FREQUENCY_SEMIMONTHLY
      /* Translators: keep "due_days" and "semimonthly" in English */
      && !refuse_key (obj, path, "due_days", _("only a semimonthly term has due_days"), error))
    return FALSE;

  if (node != NULL && !read_due_day_node (node, path, "due_day", &item->due_day, error))
    return FALSE;

  return read_due_days (obj, path, item, error);
}

static gboolean
parse_term (JsonObject  *obj,
            const char  *path,
            RecEntity   *entity,
            GError     **error)
{
  static const char * const keys[] = {
    "kind", "amount", "frequency", "due_day", "due_days", "effective", "end", "reference",
    "notes", NULL
  };
  RecTerm *item = REC_TERM (entity);
  int kind = 0, frequency = 0;

  if (!check_keys (obj, path, keys, error)
      || !read_enum (obj, path, "kind", TRUE, rec_term_kind_from_word, rec_term_kind_words,
                     &kind, error)
      || !read_amount (obj, path, "amount", &item->amount_cents, error)
      || !read_enum (obj, path, "frequency", TRUE, rec_frequency_from_word,
                     rec_frequency_words, &frequency, error))
    return FALSE;

  item->kind = kind;
  item->frequency = frequency;
  return read_term_days (obj, path, item, error)
         && read_date (obj, path, "effective", FALSE, &item->effective, error)
         && read_date (obj, path, "end", TRUE, &item->end, error)
         && check_order (&item->effective, &item->end, path, "end", "effective", error)
         && read_string (obj, path, "reference", FALSE, &item->reference, error)
         && read_string (obj, path, "notes", FALSE, &item->notes, error);
}

static gboolean
read_rate (JsonObject  *obj,
           const char  *path,
           int         *out,
           GError     **error)
{
  JsonNode *node = member (obj, path, "rate_percent", TRUE, error);
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (node == NULL)
    return FALSE;
  if (!is_string (node))
    {
      g_autofree char *shown = node_to_text (node);
      g_autofree char *reason =
        /* Translators: %s is a JSON value; keep the example in quotes */
        g_strdup_printf (_("%s is not a rate: write rates as strings, such as \"6\""), shown);

      fail (error, path, "rate_percent", reason);
      return FALSE;
    }

  text = string_value (node, path, "rate_percent", error);
  if (text == NULL)
    return FALSE;
  if (!rec_rate_parse (text, out, &local_error))
    {
      fail_value (error, path, "rate_percent", text, local_error,
                  /* Translators: %s is the text given as an interest rate */
                  _("\"%s\" is not a rate from 0 to 100"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_interest_override (JsonObject  *obj,
                         const char  *path,
                         RecEntity   *entity,
                         GError     **error)
{
  static const char * const keys[] = { "from", "to", "rate_percent", "reason", NULL };
  RecInterestOverride *item = REC_INTEREST_OVERRIDE (entity);

  return check_keys (obj, path, keys, error)
         && read_date (obj, path, "from", FALSE, &item->from, error)
         && read_date (obj, path, "to", FALSE, &item->to, error)
         && check_order (&item->from, &item->to, path, "to", "from", error)
         && read_rate (obj, path, &item->rate_basis_points, error)
         && read_string (obj, path, "reason", FALSE, &item->reason, error);
}

static gboolean
parse_charge (JsonObject  *obj,
              const char  *path,
              RecEntity   *entity,
              GError     **error)
{
  static const char * const keys[] = {
    "date", "amount", "description", "interest_bearing", NULL
  };
  RecCharge *item = REC_CHARGE (entity);

  return check_keys (obj, path, keys, error)
         && read_date (obj, path, "date", FALSE, &item->date, error)
         && read_amount (obj, path, "amount", &item->amount_cents, error)
         && read_string (obj, path, "description", FALSE, &item->description, error)
         && read_bool (obj, path, "interest_bearing", &item->interest_bearing, error);
}

static gboolean
parse_payment (JsonObject  *obj,
               const char  *path,
               RecEntity   *entity,
               GError     **error)
{
  static const char * const keys[] = { "date", "amount", "method", "reference", "notes", NULL };
  RecPayment *item = REC_PAYMENT (entity);
  int method = item->method;

  if (!check_keys (obj, path, keys, error)
      || !read_date (obj, path, "date", FALSE, &item->date, error)
      || !read_amount (obj, path, "amount", &item->amount_cents, error)
      || !read_enum (obj, path, "method", FALSE, rec_payment_method_from_word,
                     rec_payment_method_words, &method, error))
    return FALSE;

  item->method = method;
  return read_string (obj, path, "reference", FALSE, &item->reference, error)
         && read_string (obj, path, "notes", FALSE, &item->notes, error);
}

static gboolean
read_timestamp (JsonObject        *obj,
                const char        *path,
                RecCommunication  *item,
                GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!read_string (obj, path, "at", TRUE, &item->at, error))
    return FALSE;

  if (!rec_timestamp_parse (item->at, &item->at_unix, &local_error))
    {
      fail_value (error, path, "at", item->at, local_error,
                  /* Translators: %s is the text given as a date and time; keep the example */
                  _("\"%s\" is not a date and time with an offset "
                    "(2021-04-02T18:30:00-07:00)"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_communication (JsonObject  *obj,
                     const char  *path,
                     RecEntity   *entity,
                     GError     **error)
{
  static const char * const keys[] = {
    "at", "channel", "direction", "with", "subject", "summary", "follow_up", "follow_up_done",
    NULL
  };
  RecCommunication *item = REC_COMMUNICATION (entity);
  int channel = 0, direction = 0;

  if (!check_keys (obj, path, keys, error)
      || !read_timestamp (obj, path, item, error)
      || !read_enum (obj, path, "channel", TRUE, rec_channel_from_word, rec_channel_words,
                     &channel, error)
      || !read_enum (obj, path, "direction", TRUE, rec_direction_from_word,
                     rec_direction_words, &direction, error))
    return FALSE;

  item->channel = channel;
  item->direction = direction;
  return read_string (obj, path, "with", FALSE, &item->with, error)
         && read_string (obj, path, "subject", FALSE, &item->subject, error)
         && read_string (obj, path, "summary", FALSE, &item->summary, error)
         && read_date (obj, path, "follow_up", TRUE, &item->follow_up, error)
         && read_bool (obj, path, "follow_up_done", &item->follow_up_done, error);
}

static gboolean
parse_enforcement_step (JsonObject  *obj,
                        const char  *path,
                        RecEntity   *entity,
                        GError     **error)
{
  static const char * const keys[] = {
    "remedy", "status", "date", "agency", "reference", "next_date", "next_done", "notes", NULL
  };
  RecEnforcementStep *item = REC_ENFORCEMENT_STEP (entity);
  int remedy = 0, status = 0;

  if (!check_keys (obj, path, keys, error)
      || !read_enum (obj, path, "remedy", TRUE, rec_remedy_from_word, rec_remedy_words,
                     &remedy, error)
      || !read_enum (obj, path, "status", TRUE, rec_status_from_word, rec_status_words,
                     &status, error))
    return FALSE;

  item->remedy = remedy;
  item->status = status;
  return read_date (obj, path, "date", TRUE, &item->date, error)
         && read_string (obj, path, "agency", FALSE, &item->agency, error)
         && read_string (obj, path, "reference", FALSE, &item->reference, error)
         && read_date (obj, path, "next_date", TRUE, &item->next_date, error)
         && read_bool (obj, path, "next_done", &item->next_done, error)
         && read_string (obj, path, "notes", FALSE, &item->notes, error);
}

/* The document */

typedef gboolean (*ParseItemFunc) (JsonObject *obj, const char *path, RecEntity *entity,
                                   GError **error);

/* An optional array of objects; each becomes a new `type` at position i + 1. */
static gboolean
parse_array (JsonObject     *root,
             const char     *key,
             GType           type,
             ParseItemFunc   parse_item,
             GPtrArray      *out,
             GError        **error)
{
  JsonNode *node = json_object_get_member (root, key);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail_type (error, "", key, C_("json type", "an array"), node);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", key, i);
      g_autoptr(RecEntity) item = g_object_new (type, NULL);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail_type (error, path, NULL, C_("json type", "an object"), element);
          return FALSE;
        }
      if (!parse_item (json_node_get_object (element), path, item, error))
        return FALSE;

      item->position = (int) i + 1;
      g_ptr_array_add (out, g_steal_pointer (&item));
    }

  return TRUE;
}

static gboolean
check_format (JsonObject  *root,
              int         *out_version,
              GError     **error)
{
  JsonNode *format = member (root, "", "format", TRUE, error);
  JsonNode *version;
  g_autofree char *shown = NULL;
  g_autofree char *reason = NULL;

  if (format == NULL)
    return FALSE;
  if (!is_string (format) || !g_str_equal (json_node_get_string (format), "recourse-case"))
    {
      shown = node_to_text (format);
      /* Translators: %s is the value given; keep "recourse-case" in English */
      reason = g_strdup_printf (_("%s is not \"recourse-case\": this is not a Recourse case"),
                                shown);
      fail (error, "", "format", reason);
      return FALSE;
    }

  version = member (root, "", "version", TRUE, error);
  if (version == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64
      || json_node_get_int (version) < 1)
    {
      shown = node_to_text (version);
      /* Translators: %s is the value given */
      reason = g_strdup_printf (_("%s is not a format version (1 or 2)"), shown);
      fail (error, "", "version", reason);
      return FALSE;
    }

  if (json_node_get_int (version) > REC_CASE_JSON_VERSION)
    {
      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_TOO_NEW,
                   /* Translators: %d is a format version number */
                   _("version: %d — made by a newer Recourse; this one reads version %d"),
                   (int) json_node_get_int (version), REC_CASE_JSON_VERSION);
      return FALSE;
    }

  *out_version = (int) json_node_get_int (version);
  return TRUE;
}

/* Attachments (spec/evidence.md §4) */

/* The kinds a link names, in the document's order (not interest overrides:
 * spec/evidence.md §1), and where their records are. */
static const char * const link_words[] = {
  "case", "children", "terms", "charges", "payments", "communications", "enforcement", NULL
};

static GPtrArray *
link_array (RecCaseData *c,
            int          kind)
{
  GPtrArray *arrays[] = { NULL, c->children, c->terms, c->charges, c->payments,
                          c->communications, c->enforcement };

  return arrays[kind];
}

static int
link_word_from (const char *word)
{
  for (int i = 0; link_words[i] != NULL; i++)
    if (g_str_equal (word, link_words[i]))
      return i;
  return -1;
}

static char *
link_words_list (void)
{
  return g_strjoinv (", ", (char **) link_words);
}

/* One `{ "to": "payments", "index": 0 }`: the record it names, NULL for the
 * case, in *out. */
static gboolean
parse_link (JsonNode     *node,
            const char   *path,
            RecCaseData  *c,
            RecEntity   **out,
            GError      **error)
{
  static const char * const keys[] = { "to", "index", NULL };
  JsonObject *obj;
  JsonNode *index;
  GPtrArray *records;
  int kind = 0;
  gint64 i;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_type (error, path, NULL, C_("json type", "an object"), node);
      return FALSE;
    }
  obj = json_node_get_object (node);
  if (!check_keys (obj, path, keys, error)
      || !read_enum (obj, path, "to", TRUE, link_word_from, link_words_list, &kind, error))
    return FALSE;

  index = json_object_get_member (obj, "index");
  if (kind == 0)
    {
      *out = NULL;
      /* Translators: keep "case" and "index" in English */
      return refuse_key (obj, path, "index", _("a link to the case takes no index"), error);
    }
  if (member (obj, path, "index", TRUE, error) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (index) || json_node_get_value_type (index) != G_TYPE_INT64
      || json_node_get_int (index) < 0)
    {
      fail_type (error, path, "index", C_("json type", "a position from 0"), index);
      return FALSE;
    }

  records = link_array (c, kind);
  i = json_node_get_int (index);
  if (i >= records->len)
    {
      g_autofree char *reason =
        /* Translators: "there is no payments[7]"; keep the word and brackets as they are */
        g_strdup_printf (_("there is no %s[%lld]"), link_words[kind], (long long) i);

      fail (error, path, "index", reason);
      return FALSE;
    }

  *out = g_ptr_array_index (records, i);
  return TRUE;
}

static gboolean
parse_links (JsonObject     *obj,
             const char     *path,
             RecCaseData    *c,
             RecAttachment  *attachment,
             GError        **error)
{
  JsonNode *node = json_object_get_member (obj, "links");
  g_autofree char *sub = join_path (path, "links");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail_type (error, path, "links", C_("json type", "an array"), node);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *link_path = g_strdup_printf ("%s[%u]", sub, i);
      RecEntity *record = NULL;

      if (!parse_link (json_array_get_element (array, i), link_path, c, &record, error))
        return FALSE;
      if (rec_attachment_proves (attachment, record) && (record != NULL || attachment->links->len > 0))
        {
          /* Translators: an attachment names the same record twice in its links */
          fail (error, link_path, NULL, _("names the same record as an earlier link"));
          return FALSE;
        }
      rec_attachment_add_link (attachment, record);
    }

  return TRUE;
}

/* A JSON integer from 1 to the limit of spec/evidence.md §1. */
static gboolean
read_size (JsonObject  *obj,
           const char  *path,
           gint64      *out,
           GError     **error)
{
  JsonNode *node = member (obj, path, "size", TRUE, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < 1 || json_node_get_int (node) > REC_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *shown = node_to_text (node);
      g_autofree char *reason =
        /* Translators: %s is the JSON value given, %d a number of megabytes (64) */
        g_strdup_printf (_("%s is not a size in bytes from 1 to %d MiB"), shown,
                         (int) (REC_ATTACHMENT_MAX_SIZE / (1024 * 1024)));

      fail (error, path, "size", reason);
      return FALSE;
    }

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
is_lower_hex (const char *text,
              gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return TRUE;
}

/* A media type as the case file holds it: lower-case "type/subtype"
 * (the subtype starting with a letter or digit), no spaces or parameters. */
static gboolean
is_media_type (const char *text)
{
  const char *slash = strchr (text, '/');

  if (slash == NULL || slash == text || !g_ascii_islower (text[0])
      || !(g_ascii_islower (slash[1]) || g_ascii_isdigit (slash[1])))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || strchr ("/.+-", *p) != NULL)
        || (*p == '/' && p != slash))
      return FALSE;
  return TRUE;
}

/* media_type as above; sha256: 64 lower-case hex digits; added_at: UTC `YYYY-MM-DDTHH:MM:SSZ`. */
static gboolean
check_attachment_values (RecAttachment  *attachment,
                         const char     *path,
                         GError        **error)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *name = g_strstrip (g_strdup (attachment->name));
  const char *at = attachment->added_at;

  if (name[0] == '\0')
    {
      fail (error, path, "name", _("must not be empty"));
      return FALSE;
    }
  if (!is_media_type (attachment->media_type))
    {
      shown = _rec_case_json_shown (attachment->media_type, -1, 60);
      /* Translators: %s is the text given; keep the example */
      reason = g_strdup_printf (_("\"%s\" is not a media type (such as \"image/jpeg\")"), shown);
      fail (error, path, "media_type", reason);
      return FALSE;
    }

  if (strlen (at) == 20 && at[4] == '-' && at[7] == '-' && at[10] == 'T' && at[13] == ':'
      && at[16] == ':' && at[19] == 'Z')
    time = g_date_time_new_from_iso8601 (at, NULL);
  if (time == NULL)
    {
      shown = _rec_case_json_shown (at, -1, 60);
      /* Translators: %s is the text given; keep the example */
      reason = g_strdup_printf (_("\"%s\" is not a UTC date and time (2024-01-04T02:11:09Z)"),
                                shown);
      fail (error, path, "added_at", reason);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_sha256 (JsonObject     *obj,
             const char     *path,
             RecAttachment  *attachment,
             GError        **error)
{
  g_autofree char *text = NULL;

  if (!read_string (obj, path, "sha256", TRUE, &text, error))
    return FALSE;
  if (!is_lower_hex (text, 64))
    {
      /* Whole when it is about as long as one (cut after 72 characters). */
      g_autofree char *shown = _rec_case_json_shown (text, -1, 72);
      g_autofree char *reason =
        /* Translators: %s is the text given */
        g_strdup_printf (_("\"%s\" is not a SHA-256 (64 lower-case hex digits)"), shown);

      fail (error, path, "sha256", reason);
      return FALSE;
    }

  memcpy (attachment->sha256, text, 65);
  return TRUE;
}

/* Base64 of RFC 4648 as the export writes it: the alphabet, padded to a
 * multiple of four, no line breaks or spaces. (g_base64_decode skips what
 * it does not know; this refuses it.) */
static gboolean
is_base64 (const char *text,
           gsize       length)
{
  gsize pad = 0;

  if (length % 4 != 0)
    return FALSE;
  while (pad < 2 && pad < length && text[length - 1 - pad] == '=')
    pad++;
  for (gsize i = 0; i < length - pad; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/')
      return FALSE;
  return TRUE;
}

static gboolean
read_data (JsonObject     *obj,
           const char     *path,
           RecAttachment  *attachment,
           gboolean        check_data,
           GError        **error)
{
  JsonNode *node = member (obj, path, "data", TRUE, error);
  const char *text;
  guchar *bytes;
  gsize length, size;

  if (node == NULL)
    return FALSE;
  if (!is_string (node))
    {
      fail_type (error, path, "data", C_("json type", "a string"), node);
      return FALSE;
    }
  if (!check_data)
    return TRUE;

  text = json_node_get_string (node);
  length = strlen (text);
  if (!is_base64 (text, length))
    {
      /* Translators: keep "base64" as it is */
      fail (error, path, "data", _("is not base64 (RFC 4648, without line breaks)"));
      return FALSE;
    }

  bytes = length > 0 ? g_base64_decode (text, &size) : NULL;
  attachment->data = g_bytes_new_take (bytes, length > 0 ? size : 0);
  return _rec_case_json_check_data (attachment, path, error);
}

gboolean
_rec_case_json_check_data (const RecAttachment  *attachment,
                           const char           *path,
                           GError              **error)
{
  char sha256[65];
  gsize size = 0;
  const guint8 *data = attachment->data != NULL ? g_bytes_get_data (attachment->data, &size) : NULL;

  if (data == NULL || (gint64) size != attachment->size)
    {
      g_autofree char *reason =
        /* Translators: "decodes to 12 bytes, not its size 48213" */
        g_strdup_printf (_("decodes to %llu bytes, not its size %lld"),
                         (unsigned long long) size, (long long) attachment->size);

      fail (error, path, "data", reason);
      return FALSE;
    }

  rec_sha256_hex (data, size, sha256);
  if (strcmp (sha256, attachment->sha256) != 0)
    {
      /* Translators: keep "sha256" in English */
      fail (error, path, "data", _("does not match its sha256"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_attachment (JsonObject     *obj,
                  const char     *path,
                  RecCaseData    *c,
                  RecAttachment  *attachment,
                  gboolean        check_data,
                  GError        **error)
{
  static const char * const keys[] = {
    "name", "media_type", "size", "sha256", "added_at", "links", "data", NULL
  };

  return check_keys (obj, path, keys, error)
         && read_string (obj, path, "name", TRUE, &attachment->name, error)
         && read_string (obj, path, "media_type", TRUE, &attachment->media_type, error)
         && read_size (obj, path, &attachment->size, error)
         && read_sha256 (obj, path, attachment, error)
         && read_string (obj, path, "added_at", TRUE, &attachment->added_at, error)
         && check_attachment_values (attachment, path, error)
         && parse_links (obj, path, c, attachment, error)
         && read_data (obj, path, attachment, check_data, error);
}

static gboolean
parse_attachments (JsonObject   *root,
                   RecCaseData  *c,
                   gboolean      check_data,
                   GError      **error)
{
  JsonNode *node = json_object_get_member (root, "attachments");
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail_type (error, "", "attachments", C_("json type", "an array"), node);
      return FALSE;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("attachments[%u]", i);
      g_autoptr(RecAttachment) attachment = rec_attachment_new ();
      gpointer earlier;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail_type (error, path, NULL, C_("json type", "an object"), element);
          return FALSE;
        }
      if (!parse_attachment (json_node_get_object (element), path, c, attachment, check_data,
                             error))
        return FALSE;
      if (g_hash_table_lookup_extended (seen, attachment->sha256, NULL, &earlier))
        {
          g_autofree char *reason =
            /* Translators: two attachments of a document have the same bytes; keep the brackets */
            g_strdup_printf (_("the same file as attachments[%u]"), GPOINTER_TO_UINT (earlier));

          fail (error, path, "sha256", reason);
          return FALSE;
        }

      attachment->entity.position = (int) i + 1;
      g_ptr_array_add (c->attachments, g_object_ref (attachment));
      g_hash_table_insert (seen, ((RecAttachment *) g_ptr_array_index (c->attachments, i))->sha256,
                           GUINT_TO_POINTER (i));
    }

  return TRUE;
}

/* A version 1 document has none of version 2's keys (the unknown-key rule of
 * that version): each is refused naming it. */
static gboolean
refuse_v2_keys (JsonObject  *root,
                GError     **error)
{
  static const struct { const char *array; const char *key; } keys[] = {
    { NULL, "attachments" },
    { "case", "agency_balance" },
    { "case", "agency_balance_as_of" },
    { "communications", "follow_up_done" },
    { "enforcement", "next_done" },
  };
  /* Translators: a key of format version 2 in a document that says version 1 */
  const char *reason = _("needs format version 2; this document says version 1");

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      JsonNode *node = keys[k].array != NULL ? json_object_get_member (root, keys[k].array) : NULL;

      if (keys[k].array == NULL)
        {
          if (!refuse_key (root, "", keys[k].key, reason, error))
            return FALSE;
        }
      else if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          if (!refuse_key (json_node_get_object (node), keys[k].array, keys[k].key, reason, error))
            return FALSE;
        }
      else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              g_autofree char *path = g_strdup_printf ("%s[%u]", keys[k].array, i);

              if (JSON_NODE_HOLDS_OBJECT (element)
                  && !refuse_key (json_node_get_object (element), path, keys[k].key, reason,
                                  error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
parse_document (JsonObject   *root,
                RecCaseData  *c,
                gboolean      check_data,
                GError      **error)
{
  static const char * const keys[] = {
    "format", "version", "case", "children", "terms", "interest_overrides", "charges",
    "payments", "communications", "enforcement", "attachments", NULL
  };
  int version = 0;

  return check_format (root, &version, error)
    && (version >= 2 || refuse_v2_keys (root, error))
    && check_keys (root, "", keys, error)
    && parse_case (root, c->info, error)
    && parse_array (root, "children", REC_TYPE_CHILD, parse_child, c->children, error)
    && parse_array (root, "terms", REC_TYPE_TERM, parse_term, c->terms, error)
    && parse_array (root, "interest_overrides", REC_TYPE_INTEREST_OVERRIDE,
                    parse_interest_override, c->interest_overrides, error)
    && parse_array (root, "charges", REC_TYPE_CHARGE, parse_charge, c->charges, error)
    && parse_array (root, "payments", REC_TYPE_PAYMENT, parse_payment, c->payments, error)
    && parse_array (root, "communications", REC_TYPE_COMMUNICATION, parse_communication,
                    c->communications, error)
    && parse_array (root, "enforcement", REC_TYPE_ENFORCEMENT_STEP, parse_enforcement_step,
                    c->enforcement, error)
    && parse_attachments (root, c, check_data, error);
}

RecCaseData *
rec_case_json_parse (const char  *data,
                     gssize       length,
                     GError     **error)
{
  return _rec_case_json_parse_checked (data, length, TRUE, error);
}

RecCaseData *
_rec_case_json_parse_checked (const char  *data,
                              gssize       length,
                              gboolean     check_data,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(RecCaseData) case_data = NULL;
  JsonObject *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  root = _rec_case_json_load_root (parser, data, length, error);
  if (root == NULL)
    return NULL;

  case_data = rec_case_data_new ();
  if (!parse_document (root, case_data, check_data, error))
    return NULL;

  return g_steal_pointer (&case_data);
}
