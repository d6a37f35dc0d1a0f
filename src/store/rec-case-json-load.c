/* rec-case-json-load.c — from JSON text to a tree: text checks, duplicate keys
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-case-json.h"
#include "rec-case-json-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Duplicate keys: JsonObject keeps the last value silently, which would lose
 * data just like a typo. The parser's signals give each member as it is read;
 * a stack of name sets (one per open object) finds a repeated one. */
typedef struct
{
  GPtrArray  *open;          /* GHashTable of member names, innermost last */
  JsonObject *object;        /* where the first duplicate was found */
  char       *name;
} DuplicateCheck;

static void
on_object_start (JsonParser *parser,
                 gpointer    data)
{
  DuplicateCheck *check = data;

  g_ptr_array_add (check->open, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
}

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  gpointer    data)
{
  DuplicateCheck *check = data;
  GHashTable *names;

  if (check->open->len == 0 || check->name != NULL)
    return;

  names = g_ptr_array_index (check->open, check->open->len - 1);
  if (!g_hash_table_add (names, g_strdup (name)))
    {
      check->object = object;
      check->name = g_strdup (name);
    }
}

static void
on_object_end (JsonParser *parser,
               JsonObject *object,
               gpointer    data)
{
  DuplicateCheck *check = data;

  if (check->open->len > 0)
    g_ptr_array_remove_index (check->open, check->open->len - 1);
}

/* The path of `target` below `node` ("payments[3]"), or NULL. */
static char *
find_object_path (JsonNode    *node,
                  JsonObject  *target,
                  const char  *path)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      if (obj == target)
        return g_strdup (path);
      members = json_object_get_members (obj);
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *sub = _rec_case_json_join_path (path, l->data);
          char *found = find_object_path (json_object_get_member (obj, l->data), target, sub);

          if (found != NULL)
            return found;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
          char *found = find_object_path (json_array_get_element (array, i), target, sub);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

static gboolean
check_duplicates (DuplicateCheck  *check,
                  JsonNode        *root,
                  GError         **error)
{
  g_autofree char *path = NULL;

  if (check->name == NULL)
    return TRUE;

  path = find_object_path (root, check->object, "");
  /* Translators: a key appears twice in the same JSON object */
  _rec_case_json_fail (error, path != NULL ? path : "", check->name, _("duplicate key"));
  return FALSE;
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
  if (memchr (*data, '\0', (gsize) *length) != NULL || !g_utf8_validate (*data, *length, NULL))
    {
      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                   _("The document is not UTF-8 text"));
      return FALSE;
    }

  return TRUE;
}

/* Parses the JSON text and checks for duplicate keys; the root object is
 * owned by `parser`. */
JsonObject *
_rec_case_json_load_root (JsonParser  *parser,
                          const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GError) local_error = NULL;
  DuplicateCheck check = { open, NULL, NULL };
  g_autofree char *duplicate_name = NULL;
  JsonNode *root;
  gboolean ok;

  if (!check_text (&data, &length, error))
    return NULL;

  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start), &check);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &check);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), &check);
  ok = json_parser_load_from_data (parser, data, length, &local_error);
  duplicate_name = check.name;    /* owned here from now on */
  if (!ok)
    {
      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                   /* Translators: %s is the JSON parser's explanation */
                   _("The document is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && !check_duplicates (&check, root, error))
    return NULL;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, REC_CASE_JSON_ERROR, REC_CASE_JSON_ERROR_INVALID,
                   _("The document is not a JSON object"));
      return NULL;
    }

  return json_node_get_object (root);
}
