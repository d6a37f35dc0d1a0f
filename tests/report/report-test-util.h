/* report-test-util.h — cases built in C and PDFs read back with poppler-glib
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rec-arrears.h"
#include "rec-date.h"
#include "rec-report.h"
#include "rec-rules.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static inline void
rt_init_gettext (void)
{
  const char *dir = g_getenv ("RECOURSE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static inline GDate
rt_date (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (rec_date_parse (text, &date, NULL));
  return date;
}

static inline char *
rt_temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rec-test-report-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

/* RECOURSE_TEST_KEEP=DIR keeps a copy of every packet there, to look at. */
static inline void
rt_remove (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *keep = g_getenv ("RECOURSE_TEST_KEEP");
  static int n_kept;

  if (keep != NULL)
    {
      g_autofree char *program = g_path_get_basename (g_get_prgname ());
      g_autofree char *name = g_strdup_printf ("%s/%s-%d.pdf", keep, program, ++n_kept);
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = g_file_new_for_path (name);

      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }

  g_unlink (path);
  g_rmdir (dir);
}

static inline PopplerDocument *
rt_open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PopplerDocument *doc = poppler_document_new_from_gfile (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static inline char *
rt_page_text (PopplerDocument *doc,
              int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);

  return poppler_page_get_text (page);
}

static inline char *
rt_document_text (PopplerDocument *doc)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = rt_page_text (doc, i);

      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }

  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* The text without any white space (wrapping may add or move line breaks). */
static inline char *
rt_squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
