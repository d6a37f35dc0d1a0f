/* rec-verify-dialog.c — what verification found in the case file
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wording follows spec/evidence.md §3: the history is tamper-evident,
 * never "tamper-proof"; it shows a change made by another program, and
 * cannot prevent one or say who made it.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-verify-dialog.h"

#include "rec-attachment.h"

#include <glib/gi18n.h>
#include <string.h>

const char *
rec_verify_tamper_evident_text (void)
{
  return _("This history is tamper-evident: Recourse can tell when the file was changed by "
           "another program, but cannot prevent it.");
}

/* "1 234": the entry count grouped as `recourse verify` prints it. */
static char *
group_digits (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%lld", (long long) n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
rec_verify_intact_text (const RecStoreVerifyResult *result)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  fingerprint = rec_fingerprint_format (result->fingerprint);
  if (fingerprint == NULL)
    return g_strdup (_("Intact: this case file has no history yet"));
  count = group_digits (result->entries);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the first %s is a number of entries ("1 234"), the second a fingerprint ("3F2A-91C0-77DE-0B14") */
                                       "Intact: %s entry, fingerprint %s",
                                       "Intact: %s entries, fingerprint %s",
                                       (gulong) MAX (result->entries, 0)),
                          count, fingerprint);
}

static GtkWidget *
problem_row (const char *problem)
{
  GtkWidget *label = gtk_label_new (problem);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* The problems, one a row, scrolling past a few. */
static GtkWidget *
problems_list (const char * const *problems)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems found"), -1);
  for (guint i = 0; problems[i] != NULL; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), problem_row (problems[i]));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

GtkWindow *
rec_verify_dialog_new (GtkWindow                  *parent,
                       const char * const         *problems,
                       const RecStoreVerifyResult *result)
{
  static const char *const none[] = { NULL };
  AdwMessageDialog *dialog;
  guint n;

  g_return_val_if_fail (result != NULL, NULL);

  if (problems == NULL)
    problems = none;
  n = g_strv_length ((char **) problems);
  if (n == 0)
    {
      g_autofree char *intact = rec_verify_intact_text (result);
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", intact,
                                               rec_verify_tamper_evident_text ());

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("History Intact"), body));
    }
  else
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                           _("This Case Was Changed Outside Recourse"),
                                                           NULL));
      adw_message_dialog_format_body (dialog, "%s\n\n%s",
                                      _("Another program changed this case file after Recourse "
                                        "wrote it: what is listed below no longer matches the "
                                        "case’s history."),
                                      _("Recourse’s history is tamper-evident: it shows that the "
                                        "file was changed, but cannot prevent it or tell who "
                                        "changed it. You can go on using the case; a case packet "
                                        "made from it says that these changes were found."));
      adw_message_dialog_set_extra_child (dialog, problems_list (problems));
    }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return GTK_WINDOW (dialog);
}

GtkListBox *
_rec_verify_dialog_get_list (GtkWindow *dialog)
{
  GtkWidget *scrolled = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkWidget *viewport;

  if (scrolled == NULL)
    return NULL;
  /* The scrolled window put the list in a viewport. */
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  return GTK_LIST_BOX (gtk_viewport_get_child (GTK_VIEWPORT (viewport)));
}
