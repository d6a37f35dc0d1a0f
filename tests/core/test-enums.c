/* test-enums.c — interchange words and translated labels of the enumerations
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-enums.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

static void
test_words_round_trip (void)
{
  g_autofree char *words = rec_remedy_words ();

  for (int i = 0; i < REC_N_REMEDIES; i++)
    g_assert_cmpint (rec_remedy_from_word (rec_remedy_to_word (i)), ==, i);
  for (int i = 0; i < REC_N_PAYMENT_METHODS; i++)
    g_assert_cmpint (rec_payment_method_from_word (rec_payment_method_to_word (i)), ==, i);
  g_assert_cmpint (rec_channel_from_word ("fax"), ==, -1);
  g_assert_cmpint (rec_status_from_word (NULL), ==, -1);
  g_assert_nonnull (strstr (words, "passport_denial"));
}

static void
test_english_labels (void)
{
  g_assert_cmpstr (rec_direction_label (REC_DIRECTION_SENT), ==, "Sent");
  g_assert_cmpstr (rec_payment_method_label (REC_PAYMENT_METHOD_OTHER), ==, "Other");
}

/* Labels with a message context ("Other" is a different word for a payment
 * method and a remedy in Spanish) must be found with their context. */
static void
test_translated_labels (gconstpointer data)
{
  const char *language = data;

  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (g_strcmp0 (gettext ("Child support"), "Child support") == 0)
    {
      g_test_skip ("no catalog for this language in the build tree");
      return;
    }

  g_assert_cmpstr (rec_direction_label (REC_DIRECTION_SENT), !=, "Sent");
  g_assert_cmpstr (rec_direction_label (REC_DIRECTION_RECEIVED), !=, "Received");
  g_assert_cmpstr (rec_payment_method_label (REC_PAYMENT_METHOD_OTHER), !=, "Other");
  g_assert_cmpstr (rec_remedy_label (REC_REMEDY_OTHER), !=, "Other");
  g_assert_cmpstr (rec_term_kind_label (REC_TERM_KIND_CHILD_SUPPORT), !=, "Child support");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/enums/words", test_words_round_trip);
  g_test_add_func ("/core/enums/english", test_english_labels);
  g_test_add_data_func ("/core/enums/spanish", "es", test_translated_labels);
  g_test_add_data_func ("/core/enums/vietnamese", "vi", test_translated_labels);

  return g_test_run ();
}
