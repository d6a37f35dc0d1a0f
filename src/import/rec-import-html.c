/* rec-import-html.c — an HTML-only e-mail's body as plain text
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not an HTML parser: what mail clients send is simple enough that dropping
 * the tags, keeping the line breaks the block elements stand for and
 * decoding the entities gives the text a reader sees. GMime converts text to
 * HTML but not back; libxml2's HTML parser would build a tree of the whole
 * message for the same result.
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import-messages-private.h"

#include <string.h>

typedef struct
{
  GString  *out;
  int       breaks;   /* line breaks owed before the next text (at most 2) */
  gboolean  space;    /* a space owed before the next text */
} TextOut;

static void
owe_breaks (TextOut *t,
            int      n)
{
  t->breaks = MAX (t->breaks, n);
  t->space = FALSE;
}

static void
put_text (TextOut    *t,
          const char *text,
          gsize       len)
{
  if (t->out->len > 0)
    {
      for (int i = 0; i < t->breaks; i++)
        g_string_append_c (t->out, '\n');
      if (t->breaks == 0 && t->space)
        g_string_append_c (t->out, ' ');
    }
  t->breaks = 0;
  t->space = FALSE;
  g_string_append_len (t->out, text, len);
}

static const struct
{
  const char *name;
  const char *text;
} entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", " " }, { "copy", "©" }, { "reg", "®" }, { "hellip", "…" }, { "mdash", "—" },
  { "ndash", "–" }, { "lsquo", "‘" }, { "rsquo", "’" }, { "ldquo", "“" }, { "rdquo", "”" },
  { "euro", "€" }, { "pound", "£" }, { "cent", "¢" }, { "yen", "¥" }, { "sect", "§" },
  { "deg", "°" }, { "trade", "™" }, { "times", "×" }, { "shy", "" }, { "zwnj", "" }, { "laquo", "«" }, { "raquo", "»" }, { "bull", "•" }, { "middot", "·" },
};

/* An entity at `p` ("&amp;", "&#233;", "&#xE9;"): its text into buf and the
 * length it takes in the HTML, or 0 when it is none (the '&' stays). */
static gsize
entity (const char *p,
        const char *end,
        char        buf[8])
{
  const char *semi = memchr (p, ';', MIN (end - p, 12));
  gsize len;

  if (semi == NULL)
    return 0;
  len = semi - p - 1;
  if (len >= 2 && p[1] == '#')
    {
      gboolean hex = p[2] == 'x' || p[2] == 'X';
      g_autofree char *digits = g_strndup (p + (hex ? 3 : 2), len - (hex ? 2 : 1));
      guint64 code = 0;

      if (!g_ascii_string_to_unsigned (digits, hex ? 16 : 10, 1, 0x10FFFF, &code, NULL)
          || !g_unichar_validate ((gunichar) code))
        return 0;
      buf[g_unichar_to_utf8 ((gunichar) code, buf)] = '\0';
      if (code == 0xA0)
        strcpy (buf, " ");
      return semi - p + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strlen (entities[i].name) == len && strncmp (p + 1, entities[i].name, len) == 0)
      {
        strcpy (buf, entities[i].text);
        return semi - p + 1;
      }
  return 0;
}

/* How many line breaks a tag stands for (-1: none; the tag is dropped). */
static int
tag_breaks (const char *name)
{
  static const char *const paragraphs[] = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "pre", NULL
  };
  static const char *const lines[] = { "br", "div", "li", "tr", "hr", "dt", "dd", NULL };

  if (g_strv_contains (paragraphs, name))
    return 2;
  if (g_strv_contains (lines, name))
    return 1;
  return -1;
}

/* Past the end of a tag starting at `p` ('<'), quotes respected. */
static const char *
tag_end (const char *p,
         const char *end)
{
  char quote = 0;

  for (p++; p < end; p++)
    {
      if (quote != 0)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p + 1;
    }
  return end;
}

/* Past what an element whose content is not text holds (<script>, <style>,
 * <head>): up to its closing tag. */
static const char *
skip_content (const char *p,
              const char *end,
              const char *name)
{
  g_autofree char *closing = g_strconcat ("</", name, NULL);
  gsize n = strlen (closing);

  for (; p + n <= end; p++)
    if (g_ascii_strncasecmp (p, closing, n) == 0)
      return tag_end (p, end);
  return end;
}

/* A tag at `p`: the breaks it stands for; returns past it. */
static const char *
put_tag (TextOut    *t,
         const char *p,
         const char *end)
{
  const char *q = p + 1;
  gboolean closing = FALSE;
  char name[16];
  gsize n = 0;
  int breaks;

  if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
    {
      const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

      return close != NULL ? close + 3 : end;
    }
  if (q < end && *q == '/')
    {
      closing = TRUE;
      q++;
    }
  while (q < end && g_ascii_isalnum (*q) && n < sizeof name - 1)
    name[n++] = g_ascii_tolower (*q++);
  name[n] = '\0';
  p = tag_end (p, end);
  if (!closing && (strcmp (name, "script") == 0 || strcmp (name, "style") == 0
                   || strcmp (name, "head") == 0))
    return skip_content (p, end, name);
  breaks = tag_breaks (name);
  if (strcmp (name, "br") == 0)
    {
      /* Each <br> is one more line break: two make an empty line. */
      t->breaks = MIN (t->breaks + 1, 2);
      t->space = FALSE;
    }
  else if (breaks > 0)
    owe_breaks (t, breaks);
  return p;
}

char *
_rec_html_to_text (const char *html,
                   gssize      size)
{
  TextOut t = { g_string_new (NULL), 0, FALSE };
  const char *p = html;
  const char *end = html + (size < 0 ? strlen (html) : (gsize) size);

  while (p < end)
    {
      const char *run = p;
      char buf[8];
      gsize len;

      if (*p == '<')
        {
          p = put_tag (&t, p, end);
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          t.space = TRUE;
          p++;
          continue;
        }
      if (*p == '&' && (len = entity (p, end, buf)) > 0)
        {
          if (strcmp (buf, " ") == 0)
            t.space = TRUE;
          else
            put_text (&t, buf, strlen (buf));
          p += len;
          continue;
        }
      for (p++; p < end && *p != '<' && *p != '&' && !g_ascii_isspace (*p); p++)
        ;
      put_text (&t, run, p - run);
    }
  return g_string_free (t.out, FALSE);
}
