/* rec-case-json-load.c — from JSON text to a tree: text checks, a pre-scan, duplicate keys
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 is not safe on every input, so one pass over the bytes
 * refuses what it mishandles before it sees the text:
 *   - nesting: its parser recurses once per level and overflows the stack
 *     somewhere past 60 000 levels; the format needs four;
 *   - `\u0000` cuts a string short there, and a lone surrogate escape
 *     (`\ud800`) becomes bytes that are not UTF-8; an unknown escape (`\q`,
 *     `\u00zz`) is dropped or empties the string;
 *   - a repeated key costs it a walk over the object's members, quadratic in
 *     the size of the document (a 1 MB object took 33 s), and a JsonObject
 *     would keep only the last value: the pre-scan finds repeats itself, and
 *     bounds the keys of an object (the format's largest has 11);
 *   - it also reads single quotes, comments and hexadecimal numbers, which
 *     JSON does not have and which would make this scan see other strings
 *     than it does: outside strings only JSON's own characters are let by.
 * Whatever passes is then tokenized by json-glib exactly as here.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-case-json.h"
#include "rec-case-json-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Deeper than this is refused (the format needs 4: terms[0].due_days). */
#define MAX_DEPTH 64
/* More keys in one object is refused (the format's largest object has 11). */
#define MAX_KEYS 64

typedef struct
{
  gboolean    is_object;
  gboolean    want_key;     /* objects: the next string is a member name */
  guint       index;        /* arrays: the element being read */
  const char *key;          /* objects: the member being read (in keys), or NULL */
  GPtrArray  *keys;         /* objects: the names read so far, decoded */
} Level;

typedef struct
{
  const char *data;
  gsize       length;
  guint       depth;
  Level       levels[MAX_DEPTH];
} Scan;

/* Line and column (in characters, from 1) of a byte offset, for messages. */
static void
line_column (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        (*column)++;
    }
}

/* The path of the value being read ("payments[3].amount"); with `raw_key`,
 * of that member name of the innermost object (as written in the text). */
static char *
scan_path (const Scan *scan,
           const char *raw_key,
           gsize       raw_key_length)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < scan->depth; i++)
    {
      const Level *level = &scan->levels[i];

      if (!level->is_object)
        g_string_append_printf (path, "[%u]", level->index);
      else if (level->key != NULL)
        {
          g_autofree char *shown = _rec_case_json_shown (level->key, -1, 60);

          g_string_append (path, path->len > 0 ? "." : "");
          g_string_append (path, shown);
        }
    }
  if (raw_key != NULL)
    {
      g_autofree char *shown = _rec_case_json_shown (raw_key, (gssize) raw_key_length, 60);

      g_string_append (path, path->len > 0 ? "." : "");
      g_string_append (path, shown);
    }

  return g_string_free (path, FALSE);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of the `\uXXXX` at data[pos], or -1. */
static int
read_unit (const Scan *scan,
           gsize       pos)
{
  int unit = 0;

  if (pos + 6 > scan->length || scan->data[pos] != '\\' || scan->data[pos + 1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      int digit = hex_value (scan->data[pos + i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }

  return unit;
}

static char *
lone_surrogate (const char *escape)
{
  g_autofree char *text = g_strndup (escape, 6);

  /* Translators: %s is a JSON escape such as \ud800 */
  return g_strdup_printf (_("contains a lone surrogate (%s), which is not a character"), text);
}

/* Reads the string that starts at data[*pos] (a quote) and leaves *pos after
 * it; `name`, when not NULL, gets its decoded text. Refuses text that is not
 * UTF-8, a NUL, a lone surrogate and an unknown escape, naming the string's
 * path. A string that never ends is left to json-glib to report. */
static gboolean
scan_string (const Scan  *scan,
             gsize       *pos,
             GString     *name,
             GError     **error)
{
  const char *data = scan->data;
  gsize start = *pos + 1;
  gsize p = start;
  gsize shown_end = p;      /* a member name is shown as written, up to here */
  const char *reason = NULL;
  g_autofree char *owned_reason = NULL;
  g_autofree char *path = NULL;

  while (p < scan->length && data[p] != '"')
    {
      gsize run = p;
      const char *escape;
      int unit;

      while (p < scan->length && data[p] != '"' && data[p] != '\\')
        p++;
      shown_end = p;
      if (!g_utf8_validate (data + run, (gssize) (p - run), NULL))
        {
          /* Translators: a text field of the document holds bytes that are not UTF-8 */
          reason = _("is not UTF-8 text");
          break;
        }
      if (name != NULL)
        g_string_append_len (name, data + run, (gssize) (p - run));
      if (p >= scan->length || data[p] == '"')
        break;

      /* A backslash. */
      escape = p + 1 < scan->length ? strchr ("\"\\/bfnrt", data[p + 1]) : NULL;
      if (escape != NULL)
        {
          if (name != NULL)
            g_string_append_c (name, "\"\\/\b\f\n\r\t"[escape - "\"\\/bfnrt"]);
          p += 2;
          continue;
        }

      unit = read_unit (scan, p);
      if (unit < 0)
        {
          shown_end = MIN (p + 2, scan->length);
          /* Translators: a JSON string holds a backslash not followed by one
           * of the escapes JSON has; keep \\ as it is */
          reason = _("contains a backslash that starts no JSON escape (write \\\\ for a backslash)");
          break;
        }
      shown_end = p + 6;
      if (unit == 0)
        {
          /* Translators: keep \u0000 as it is */
          reason = _("contains a NUL character (\\u0000)");
          break;
        }
      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          int low = read_unit (scan, p + 6);

          if (low >= 0xdc00 && low <= 0xdfff)
            {
              if (name != NULL)
                g_string_append_unichar (name, 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
              p += 12;
              continue;
            }
        }
      if (unit >= 0xd800 && unit <= 0xdfff)
        {
          reason = owned_reason = lone_surrogate (data + p);
          break;
        }

      if (name != NULL)
        g_string_append_unichar (name, (gunichar) unit);
      p += 6;
    }

  if (reason == NULL)
    {
      *pos = p < scan->length ? p + 1 : p;
      return TRUE;
    }

  path = scan_path (scan, name != NULL ? data + start : NULL, shown_end - start);
  _rec_case_json_fail (error, path, NULL, reason);
  return FALSE;
}

/* A member name: decoded, it must differ from the others of its object. */
static gboolean
scan_key (Scan     *scan,
          Level    *level,
          gsize    *pos,
          GString  *name,
          GError  **error)
{
  gsize start = *pos;
  char *key;

  g_string_truncate (name, 0);
  if (!scan_string (scan, pos, name, error))
    return FALSE;

  if (level->keys->len == MAX_KEYS)
    {
      guint line, column;

      line_column (scan->data, start, &line, &column);
      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                   /* Translators: %d is a number of keys, then the line and column in the file */
                   _("The document has an object with more than %d keys (line %u, column %u)"),
                   MAX_KEYS, line, column);
      return FALSE;
    }

  for (guint i = 0; i < level->keys->len; i++)
    /* No NUL inside: scan_string refuses \u0000. */
    if (strcmp (g_ptr_array_index (level->keys, i), name->str) == 0)
      {
        g_autofree char *path = scan_path (scan, NULL, 0);
        g_autofree char *shown = _rec_case_json_shown (name->str, (gssize) name->len, 60);

        /* Translators: a key appears twice in the same JSON object */
        _rec_case_json_fail (error, path, shown, _("duplicate key"));
        return FALSE;
      }

  key = g_strndup (name->str, name->len);
  g_ptr_array_add (level->keys, key);
  level->key = key;
  level->want_key = FALSE;
  return TRUE;
}

/* Inside the root object: JSON's structure, white space and the characters
 * of numbers, true, false and null. Around it: white space only. */
static gboolean
is_json_character (char     c,
                   gboolean inside)
{
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
    return TRUE;
  return inside && ((c >= '0' && c <= '9')
                    || (c != '\0' && strchr ("{}[],:+-.eEtrufalsn", c) != NULL));
}

static void
fail_unexpected (GError     **error,
                 const char  *data,
                 gsize        length,
                 gsize        pos)
{
  const char *end = data + length;
  const char *next;
  guint line, column;
  g_autofree char *shown = NULL;
  g_autofree char *reason = NULL;

  if (g_utf8_get_char_validated (data + pos, end - (data + pos)) >= 0x110000)
    {
      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                   _("The document is not UTF-8 text"));
      return;
    }

  next = g_utf8_next_char (data + pos);
  shown = _rec_case_json_shown (data + pos, next - (data + pos), 60);
  line_column (data, pos, &line, &column);
  /* Translators: %s is a character, then the line and column in the file */
  reason = g_strdup_printf (_("unexpected character “%s” at line %u, column %u"),
                            shown, line, column);
  g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
               /* Translators: %s is the JSON parser's explanation */
               _("The document is not valid JSON: %s"), reason);
}

/* The pre-scan described at the top of this file. */
static gboolean
scan_document (const char  *data,
               gsize        length,
               GError     **error)
{
  Scan scan = { data, length, 0, { { 0 } } };
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean seen_root = FALSE;
  gboolean ok = TRUE;
  gsize pos = 0;

  while (ok && pos < length)
    {
      char c = data[pos];
      Level *top = scan.depth > 0 ? &scan.levels[scan.depth - 1] : NULL;

      if (top == NULL && !seen_root && c != '{' && !is_json_character (c, FALSE))
        {
          g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                       _("The document is not a JSON object"));
          ok = FALSE;
        }
      else if (top == NULL && !(c == '{' && !seen_root) && !is_json_character (c, FALSE))
        {
          fail_unexpected (error, data, length, pos);
          ok = FALSE;
        }
      else if (c == '"')
        {
          if (top->is_object && top->want_key)
            ok = scan_key (&scan, top, &pos, name, error);
          else
            ok = scan_string (&scan, &pos, NULL, error);
          continue;
        }
      else if (c == '{' || c == '[')
        {
          Level *level;

          if (scan.depth == MAX_DEPTH)
            {
              guint line, column;

              line_column (data, pos, &line, &column);
              g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                           /* Translators: %d is a number of levels, then the line and column in the file */
                           _("The document is nested more than %d levels deep (line %u, column %u)"),
                           MAX_DEPTH, line, column);
              ok = FALSE;
              break;
            }
          seen_root = TRUE;
          level = &scan.levels[scan.depth++];
          level->is_object = c == '{';
          level->want_key = level->is_object;
          level->index = 0;
          level->key = NULL;
          if (level->keys == NULL)
            level->keys = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_set_size (level->keys, 0);
        }
      else if (c == '}' || c == ']')
        scan.depth--;
      else if (c == ',')
        {
          if (top->is_object)
            {
              top->want_key = TRUE;
              top->key = NULL;
            }
          else
            top->index++;
        }
      else if (!is_json_character (c, TRUE))
        {
          fail_unexpected (error, data, length, pos);
          ok = FALSE;
        }
      pos++;
    }

  for (guint i = 0; i < MAX_DEPTH && scan.levels[i].keys != NULL; i++)
    g_ptr_array_unref (scan.levels[i].keys);

  return ok;
}

/* Text checks before any JSON parsing; skips a leading byte order mark. */
static gboolean
check_text (const char **data,
            gssize      *length,
            GError     **error)
{
  if (*length < 0)
    *length = (gssize) strlen (*data);
  /* A byte order mark some editors put first is not part of the document. */
  if (*length >= 3 && memcmp (*data, "\xef\xbb\xbf", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }

  if (*length == 0)
    {
      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                   _("The document is empty"));
      return FALSE;
    }
  /* A NUL byte: not text at all (a case file given by mistake). Text that is
   * not UTF-8 is found by the pre-scan, which names the field. */
  if (memchr (*data, '\0', (gsize) *length) != NULL)
    {
      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                   _("The document is not UTF-8 text"));
      return FALSE;
    }

  return TRUE;
}

/* Checks the text, pre-scans it, parses it; the root object is owned by
 * `parser`. */
JsonObject *
_rec_case_json_load_root (JsonParser  *parser,
                          const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!check_text (&data, &length, error) || !scan_document (data, (gsize) length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib's message quotes the token it stopped at, decoded: a
       * string may bring line breaks. */
      g_autofree char *explanation = _rec_case_json_shown (local_error->message, -1, 200);

      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                   /* Translators: %s is the JSON parser's explanation */
                   _("The document is not valid JSON: %s"), explanation);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                   _("The document is not a JSON object"));
      return NULL;
    }

  return json_node_get_object (root);
}
