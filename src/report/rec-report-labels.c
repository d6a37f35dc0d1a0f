/* rec-report-labels.c — the packet's labels, collected in its language
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-report"

#include "config.h"

#include "rec-report-private.h"

#include "rec-rules.h"

#include "rec-enums.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stddef.h>
#include <string.h>

/* glibc's gettext caches translations; changing this counter drops the
 * cache, so that a new LANGUAGE takes effect at once. */
extern int _nl_msg_cat_cntr;

typedef struct
{
  gsize       offset;
  const char *context;            /* NULL: none */
  const char *msgid;
} Label;

#define L(field, msgid)        { G_STRUCT_OFFSET (RecReportLabels, field), NULL, msgid }
#define LC(field, ctx, msgid)  { G_STRUCT_OFFSET (RecReportLabels, field), ctx, msgid }

static const Label labels[] = {
  L (packet_title, N_("Child Support Case Packet")),
  L (packet_subject, N_("Child support arrears, payment history and enforcement record")),
  /* Translators: the page footer; the first %d is the page, the second the number of pages */
  L (page_format, N_("Page %d of %d")),
  /* Translators: the page footer; %s is a date */
  L (footer_as_of, N_("Amounts as of %s")),
  /* Translators: shown in the packet for an empty field */
  LC (none, "packet", NC_("packet", "—")),
  L (yes, N_("Yes")),
  L (no, N_("No")),
  L (total, N_("Total")),

  L (court, N_("Court")),
  L (court_case_number, N_("Court case number")),
  L (agency_case_number, N_("Agency case number")),
  L (obligor, N_("Paying parent (obligor)")),
  L (obligee, N_("Receiving parent (obligee)")),
  L (name, N_("Name")),
  L (address, N_("Address")),
  L (phone, N_("Phone")),
  L (email, N_("Email address")),
  L (employer, N_("Employer")),
  /* Translators: in the packet, instead of the receiving parent's address and phone when they are left out */
  LC (withheld, "packet", NC_("packet", "Withheld")),
  L (children, N_("Children")),
  /* Translators: a child's birth date follows */
  L (born, N_("Born")),
  L (as_of, N_("Amounts as of")),
  L (prepared, N_("Prepared on")),
  L (totals, N_("Amounts owed")),
  L (principal_owed, N_("Unpaid support (principal)")),
  L (interest_owed, N_("Unpaid interest")),
  L (total_owed, N_("Total owed")),
  L (days_delinquent, N_("Days delinquent")),
  L (last_payment, N_("Last payment")),
  L (disclaimer, N_("Computed by Recourse from the records in this case file. Informational, not legal advice.")),
  /* Translators: the state or country whose rules apply to the case */
  L (state, N_("State")),
  /* Translators: after "not legal advice"; the first %s is a state ("Texas"), the second the day its rules were last checked against their sources */
  L (rules_checked, N_("Rules of %s, checked %s.")),
  /* Translators: after "not legal advice"; %s is a state ("Texas") */
  L (rules_of, N_("Rules of %s.")),
  /* The same message as rec_date_format (src/core/rec-date.c). */
  LC (date_format, "date format", NC_("date format", "%m/%d/%Y")),

  L (summary, N_("Summary")),
  L (terms, N_("Support order and modifications")),
  L (kind, N_("Type")),
  L (amount, N_("Amount")),
  L (frequency, N_("Frequency")),
  L (due_day, N_("Due day")),
  /* Translators: the due day of a monthly term: the last day of the month */
  L (due_day_last, N_("Last day")),
  L (effective, N_("Effective")),
  L (ends, N_("Ends")),
  L (reference, N_("Reference")),
  L (no_terms, N_("No support order terms are recorded.")),
  L (balance_chart, N_("Balance over time")),
  L (series_principal, N_("Unpaid support")),
  L (series_total, N_("Unpaid support and interest")),
  L (no_balance, N_("No balance to show yet.")),
  L (remedies, N_("Enforcement remedies")),
  L (remedy, N_("Remedy")),
  L (eligible, N_("Available")),
  L (why, N_("Why")),
  L (citation, N_("Law")),
  L (your_status, N_("Your status")),
  /* Translators: %s is a state ("New York") */
  L (no_automatic_interest, N_("Interest is not automatic in %s: these figures include only the interest rates recorded in this case as interest overrides.")),

  /* Translators: a heading; %s is an amount ("$500.00") */
  L (payoff_title, N_("What if the payer pays %s a month")),
  /* Translators: the first %s is an amount ("$500.00"), the second a date */
  L (payoff_assumption, N_("Assuming the current support continues and is paid in full when due, and %s more is paid toward the past-due support on the first of each month from %s.")),
  L (payoff_paid_off_on, N_("Paid off on")),
  L (payoff_never, N_("Never at this amount: the payment does not outgrow the interest")),
  L (payoff_interest, N_("Interest until then")),
  L (payoff_payment, N_("Payment")),
  L (payoff_interest_accrued, N_("Interest accrued")),
  L (principal_balance, N_("Principal balance")),
  L (interest_balance, N_("Interest balance")),

  L (history, N_("Payment history")),
  /* Translators: %s is the name of a court form ("FL-421") */
  L (history_form, N_("Payment history (as on form %s)")),
  L (history_intro, N_("For each year, the amount ordered and the amount paid each month.")),
  L (month, N_("Month")),
  L (amount_ordered, N_("Amount ordered")),
  L (amount_paid, N_("Amount paid")),
  L (no_history, N_("No support was due up to this date.")),
  /* Translators: a payment history of one type of support; %s is the type ("Child support") */
  L (history_kind, N_("Payment history — %s")),
  L (history_kind_intro, N_("The amounts ordered and paid of this type of support only, on a sheet of its own. Interest paid and credit are in no type's grid: the payment history above counts them.")),
  L (charges, N_("Charges")),
  L (charges_intro, N_("The charges ordered (fees, costs and other one-time amounts) and what the payments paid of them, each month.")),
  L (interest_paid, N_("Interest paid")),
  L (interest_paid_intro, N_("Interest paid by the payments made each month, in the months where some was paid. It is part of the amount paid in the payment history, not of any type of support.")),
  LC (months[0], "month", NC_("month", "January")),
  LC (months[1], "month", NC_("month", "February")),
  LC (months[2], "month", NC_("month", "March")),
  LC (months[3], "month", NC_("month", "April")),
  LC (months[4], "month", NC_("month", "May")),
  LC (months[5], "month", NC_("month", "June")),
  LC (months[6], "month", NC_("month", "July")),
  LC (months[7], "month", NC_("month", "August")),
  LC (months[8], "month", NC_("month", "September")),
  LC (months[9], "month", NC_("month", "October")),
  LC (months[10], "month", NC_("month", "November")),
  LC (months[11], "month", NC_("month", "December")),
  /* Translators: a month of a year in the packet's tables ("March 2026"): the month's name (as translated above), then the year */
  LC (month_year, "packet", NC_("packet", "%s %d")),

  L (ledger, N_("Ledger")),
  L (date, N_("Date")),
  L (entry, N_("Entry")),
  L (due, N_("Due")),
  L (paid, N_("Paid")),
  L (principal, N_("Support owed")),
  L (interest, N_("Interest owed")),
  L (balance, N_("Balance")),
  L (payment, N_("Payment")),
  L (no_ledger, N_("Nothing was due or paid up to this date.")),
  /* The words of rec_ledger_line_split_text (src/core/rec-arrears.c), found by msgid. */
  L (split_current, N_("%s to this month’s support")),
  L (split_interest, N_("%s to interest")),
  L (split_principal, N_("%s to past-due support")),
  L (split_credit, N_("%s kept as credit")),
  LC (list_separator, "list separator", NC_("list separator", ", ")),
  L (entry_and_split, N_("%s — %s")),

  L (contempt, N_("Contempt counts")),
  /* Translators: %s is the name of a court form ("FL-411") */
  L (contempt_form, N_("Months not paid in full (as on form %s)")),
  L (contempt_intro, N_("Each month below was not paid in full and is within the time limit for contempt; each may be a separate count.")),
  L (contempt_intro_no_bar, N_("Each month below was not paid in full; no time limit bars it here, and each may be a separate count.")),
  L (count, N_("Count")),
  L (amount_due, N_("Amount due")),
  L (unpaid, N_("Unpaid")),
  L (no_contempt, N_("No month within the time limit is unpaid.")),
  L (no_contempt_no_bar, N_("No month is unpaid.")),

  L (log, N_("Communication log")),
  L (when, N_("When")),
  L (channel, N_("How")),
  L (direction, N_("Direction")),
  L (with, N_("With")),
  L (what, N_("Subject and summary")),
  L (follow_up, N_("Follow-up")),
  L (no_log, N_("No communications are recorded.")),

  L (checklist, N_("Enforcement checklist")),
  L (status, N_("Status")),
  L (agency, N_("Agency")),
  L (next_date, N_("Next date")),
  L (notes, N_("Notes")),
  L (no_checklist, N_("No enforcement steps are recorded.")),

  L (exhibit_index, N_("Exhibit index")),
  L (exhibit_index_intro, N_("Each document kept in the case file follows as an exhibit. The original files are also attached to this PDF, byte for byte; the SHA-256 of each identifies its exact contents.")),
  L (exhibit_index_intro_none, N_("Each document kept in the case file follows as an exhibit, its pages shown at 150 dpi. The original files are kept in the case file; the SHA-256 of each identifies its exact contents.")),
  /* Translators: a column of the exhibit index: the exhibit's number */
  L (exhibit, N_("Exhibit")),
  /* Translators: %u is an exhibit's number */
  L (exhibit_n, N_("Exhibit %u")),
  /* Translators: a bookmark of the packet; %u is an exhibit's number, %s its file name */
  L (exhibit_title, N_("Exhibit %u — %s")),
  /* Translators: above a page of an exhibit; the numbers are the exhibit, the page and its pages */
  L (exhibit_page, N_("Exhibit %u, page %u of %u")),
  L (description, N_("Description")),
  L (first_page, N_("First page")),
  L (pages, N_("Pages")),
  /* Translators: %s is a SHA-256 hash (64 hexadecimal digits) */
  L (sha256, N_("SHA-256: %s")),
  /* Translators: an exhibit's description; the first %s is its file name, the second what it proves */
  L (exhibit_of, N_("%s — %s")),
  /* Translators: an exhibit that proves many records: %s lists the first, %u is how many in all */
  L (exhibit_more, N_("%s … (%u in all)")),
  /* Translators: what an exhibit proves: the case as a whole */
  L (proves_case, N_("the case")),
  /* Translators: what an exhibit proves; %s is a child's name */
  L (proves_child, N_("child %s")),
  /* Translators: what an exhibit proves; %s is an amount, then a date */
  L (proves_term, N_("order term of %s from %s")),
  /* Translators: what an exhibit proves; %s is a date */
  L (proves_override, N_("interest override from %s")),
  /* Translators: what an exhibit proves; %s is an amount, then a date */
  L (proves_charge, N_("charge of %s on %s")),
  /* Translators: what an exhibit proves; %s is an amount, then a date */
  L (proves_payment, N_("payment of %s on %s")),
  /* Translators: what an exhibit proves; %s is a date */
  L (proves_communication, N_("communication on %s")),
  /* Translators: what an exhibit proves; %s is a date */
  L (proves_enforcement, N_("enforcement step on %s")),
  /* Translators: the first %s is a file name, the second its type ("image/jpeg") */
  L (exhibit_unreadable, N_("“%s” could not be shown: it is damaged or in a form Recourse cannot read (%s).")),
  /* Translators: the first %s is a file name, the second its type ("application/zip"), the third its size */
  L (exhibit_not_shown, N_("“%s” (%s, %s) is a kind of file a page cannot show.")),
  L (exhibit_original, N_("The original file is attached to this PDF.")),
  L (exhibit_original_none, N_("The original file is kept in the case file.")),
  L (exhibit_cut, N_("Only the beginning is shown here; the rest is in the original file.")),
  /* Translators: an e-mail's header */
  LC (mail_from, "e-mail", NC_("e-mail", "From")),
  /* Translators: an e-mail's header */
  LC (mail_to, "e-mail", NC_("e-mail", "To")),
  /* Translators: an e-mail's header */
  LC (mail_date, "e-mail", NC_("e-mail", "Date")),
  /* Translators: an e-mail's header */
  LC (mail_subject, "e-mail", NC_("e-mail", "Subject")),
  /* Translators: on the cover, under the fingerprint; keep the command as it is */
  /* Translators: on the cover, under the fingerprint, instead of how to check it, when the case file was changed by another program; “Verify” is the window's Verify… button and `recourse verify` */
  L (history_altered, N_("Recourse found changes made outside it (see Verify): this case file was changed by another program after Recourse wrote it, so its history cannot show that these records are as they were entered.")),
  L (fingerprint_note, N_("Recourse keeps a tamper-evident history of every change to the case, each entry chained to the one before by SHA-256; the fingerprint identifies the history as it stood when this packet was made. To check that this packet came from the case file: recourse verify CASE --packet PACKET.pdf. The history shows changes made outside Recourse; it cannot prove when an entry was made.")),
};

/* Straight to libintl: g_dgettext() decides once per process whether to
 * translate at all, and in a C.UTF-8 environment it decides not to, which
 * would make --lang useless there. */
static const char *
translate_in_context (const char *context,
                      const char *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;

  if (context == NULL)
    return dgettext (GETTEXT_PACKAGE, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  translation = dgettext (GETTEXT_PACKAGE, key);
  return translation == key ? msgid : translation;
}

static char *
translate (const Label *label)
{
  return g_strdup (translate_in_context (label->context, label->msgid));
}

const char *
_rec_report_translate (const char *context,
                       const char *msgid)
{
  return translate_in_context (context, msgid);
}

const char *
rec_report_state_name (const char *jurisdiction,
                       const char *fallback)
{
  const char *msgid = rec_rules_name_msgid (jurisdiction);

  if (msgid != NULL)
    return translate_in_context (NULL, msgid);

  return fallback != NULL && *fallback != '\0' ? fallback : NULL;
}

/* The enumerations' labels come from rec-enums.c through g_dpgettext, which
 * has the same once-per-process decision and does not see the contexts its
 * NC_() marks give; so translate what it returns (the English label when it
 * did not translate) once more here, with those contexts. */
static char *
enum_label (const char *label,
            const char *context)
{
  return g_strdup (translate_in_context (context, label));
}

static void
collect_enums (RecReportLabels *self)
{
  for (int i = 0; i < REC_N_TERM_KINDS; i++)
    self->term_kinds[i] = enum_label (rec_term_kind_label (i),
                                      i == REC_TERM_KIND_OTHER ? "support kind" : NULL);
  for (int i = 0; i < REC_N_FREQUENCIES; i++)
    self->frequencies[i] = enum_label (rec_frequency_label (i), NULL);
  for (int i = 0; i < REC_N_PAYMENT_METHODS; i++)
    self->payment_methods[i] = enum_label (rec_payment_method_label (i),
                                           i == REC_PAYMENT_METHOD_OTHER ? "payment method" : NULL);
  for (int i = 0; i < REC_N_CHANNELS; i++)
    self->channels[i] = enum_label (rec_channel_label (i), i == REC_CHANNEL_OTHER ? "channel" : NULL);
  for (int i = 0; i < REC_N_DIRECTIONS; i++)
    self->directions[i] = enum_label (rec_direction_label (i), "direction");
  for (int i = 0; i < REC_N_REMEDIES; i++)
    self->remedy_names[i] = enum_label (rec_remedy_label (i), i == REC_REMEDY_OTHER ? "remedy" : NULL);
  for (int i = 0; i < REC_N_STATUSES; i++)
    self->statuses[i] = enum_label (rec_status_label (i), NULL);
}

RecReportLabels *
_rec_report_labels_collect (void)
{
  RecReportLabels *self = g_new0 (RecReportLabels, 1);

  self->by_msgid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      char *text = translate (&labels[i]);

      G_STRUCT_MEMBER (char *, self, labels[i].offset) = text;
      g_hash_table_insert (self->by_msgid,
                           labels[i].context != NULL
                           ? g_strconcat (labels[i].context, "\004", labels[i].msgid, NULL)
                           : g_strdup (labels[i].msgid),
                           text);
    }
  collect_enums (self);

  return self;
}

void
_rec_report_labels_free (RecReportLabels *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->by_msgid, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_free (G_STRUCT_MEMBER (char *, self, labels[i].offset));
  for (int i = 0; i < REC_N_TERM_KINDS; i++)
    g_free (self->term_kinds[i]);
  for (int i = 0; i < REC_N_FREQUENCIES; i++)
    g_free (self->frequencies[i]);
  for (int i = 0; i < REC_N_PAYMENT_METHODS; i++)
    g_free (self->payment_methods[i]);
  for (int i = 0; i < REC_N_CHANNELS; i++)
    g_free (self->channels[i]);
  for (int i = 0; i < REC_N_DIRECTIONS; i++)
    g_free (self->directions[i]);
  for (int i = 0; i < REC_N_REMEDIES; i++)
    g_free (self->remedy_names[i]);
  for (int i = 0; i < REC_N_STATUSES; i++)
    g_free (self->statuses[i]);
  g_free (self->payoff_more);
  g_free (self);
}

const char *
_rec_packet_translate (const char *context,
                       const char *msgid,
                       gpointer    user_data)
{
  const RecPacket *packet = user_data;
  g_autofree char *key = context != NULL ? g_strconcat (context, "\004", msgid, NULL) : NULL;
  const char *text = g_hash_table_lookup (packet->labels->by_msgid, key != NULL ? key : msgid);

  return text != NULL ? text : msgid;
}

/* Text the user typed */

/* The character after `p` (< end). A byte of invalid UTF-8 is a character,
 * as g_utf8_make_valid() makes it one U+FFFD. */
static const char *
next_char (const char *p,
           const char *end)
{
  const char *valid_end;

  if ((guchar) *p < 0x80)
    return p + 1;

  g_utf8_validate (p, MIN (end - p, 4), &valid_end);
  return valid_end > p ? g_utf8_next_char (p) : p + 1;
}

char *
_rec_report_bound_text (const char *text,
                        guint       max_chars,
                        guint       max_lines)
{
  const char *end;
  const char *p;
  const char *cut;
  guint n_chars = 0;
  guint n_lines = 1;
  gulong rest = 0;
  g_autofree char *note = NULL;

  if (text == NULL)
    return NULL;

  end = text + strlen (text);
  for (p = text; p < end; p = next_char (p, end))
    {
      if (n_chars == max_chars || (*p == '\n' && n_lines == max_lines))
        break;
      n_lines += *p == '\n';
      n_chars++;
    }
  if (p >= end)
    return NULL;

  /* After a word when one ends near the cut, without the spaces. */
  cut = p;
  for (const char *q = p; q > text && p - q < 40; q--)
    if (*q == ' ' || *q == '\n')
      {
        cut = q;
        break;
      }
  while (cut > text && (cut[-1] == ' ' || cut[-1] == '\n'))
    cut--;

  for (p = cut; p < end; p = next_char (p, end))
    rest++;

  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: after a very long text the packet cuts; %lu is how many characters it leaves out */
                                       "(%lu more character, see the case file)",
                                       "(%lu more characters, see the case file)", rest),
                          rest);

  return g_strdup_printf ("%.*s… %s", (int) (cut - text), text, note);
}

/* Language switching */

struct _RecReportLanguage
{
  gboolean  active;
  char     *language;            /* LANGUAGE before, NULL if unset */
  char     *messages_locale;     /* LC_MESSAGES before, when it was changed */
};

static const char * const languages[] = { "en", "es", "vi", NULL };

const char * const *
rec_report_get_languages (void)
{
  return languages;
}

gboolean
rec_report_language_is_supported (const char *lang)
{
  return lang != NULL && g_strv_contains (languages, lang);
}

gboolean
rec_report_language_find (const char  *lang,
                          GError     **error)
{
  const char *dir;
  g_autofree char *catalog = NULL;

  g_return_val_if_fail (lang != NULL, FALSE);

  if (!rec_report_language_is_supported (lang))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) languages);

      g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_LANGUAGE,
                   /* Translators: the first %s is what was given, the second a list such as "en, es, vi" */
                   _("“%s” is not a language of the packet (%s)"), lang, known);
      return FALSE;
    }
  /* The messages are English: English needs no catalog. */
  if (g_str_equal (lang, "en"))
    return TRUE;

  dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  catalog = g_build_filename (dir != NULL ? dir : LOCALEDIR, lang, "LC_MESSAGES",
                              GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalog, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, REC_REPORT_ERROR, REC_REPORT_ERROR_LANGUAGE,
                   /* Translators: the first %s is a language ("vi"), the second the file name of its translations */
                   _("no translations for “%s” (looked for %s)"), lang, catalog);
      return FALSE;
    }

  return TRUE;
}

RecReportLanguage *
rec_report_language_push (const char *lang)
{
  RecReportLanguage *saved = g_new0 (RecReportLanguage, 1);
  const char *messages;

  if (lang == NULL)
    return saved;

  saved->active = TRUE;
  saved->language = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", lang, TRUE);

  /* glibc ignores LANGUAGE while LC_MESSAGES is exactly "C" (or "POSIX"). */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages != NULL && (strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0))
    {
      saved->messages_locale = g_strdup (messages);
      setlocale (LC_MESSAGES, "C.UTF-8");
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  ++_nl_msg_cat_cntr;

  return saved;
}

void
rec_report_language_pop (RecReportLanguage *saved)
{
  if (saved == NULL)
    return;

  if (saved->active)
    {
      if (saved->language != NULL)
        g_setenv ("LANGUAGE", saved->language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      if (saved->messages_locale != NULL)
        setlocale (LC_MESSAGES, saved->messages_locale);
      ++_nl_msg_cat_cntr;
    }

  g_free (saved->language);
  g_free (saved->messages_locale);
  g_free (saved);
}
