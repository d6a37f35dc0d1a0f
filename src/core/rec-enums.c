/* rec-enums.c — interchange words and translated labels of the case enumerations
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-enums.h"

#include <glib/gi18n.h>

typedef struct
{
  const char *word;
  const char *label;
  const char *context;   /* the msgctxt of label, or NULL */
} Entry;

static const Entry term_kinds[] = {
  { "child_support", N_("Child support") },
  { "family_support", N_("Family support") },
  { "medical_support", N_("Medical support") },
  { "childcare", N_("Child care") },
  { "spousal_support", N_("Spousal support") },
  { "other", NC_("support kind", "Other"), "support kind" },
};

static const Entry frequencies[] = {
  { "monthly", N_("Monthly") },
  { "semimonthly", N_("Twice a month") },
  { "biweekly", N_("Every two weeks") },
  { "weekly", N_("Weekly") },
};

static const Entry payment_methods[] = {
  { "check", N_("Check") },
  { "cash", N_("Cash") },
  { "bank_transfer", N_("Bank transfer") },
  { "money_order", N_("Money order") },
  { "wage_withholding", N_("Wage withholding") },
  { "agency", N_("Through the agency") },
  { "tax_offset", N_("Tax refund offset") },
  { "app", N_("Payment app") },
  { "other", NC_("payment method", "Other"), "payment method" },
};

static const Entry channels[] = {
  { "email", N_("Email") },
  { "text", N_("Text message") },
  { "phone", N_("Phone call") },
  { "in_person", N_("In person") },
  { "letter", N_("Letter") },
  { "app", N_("Co-parenting app") },
  { "other", NC_("channel", "Other"), "channel" },
};

static const Entry directions[] = {
  { "sent", NC_("direction", "Sent"), "direction" },
  { "received", NC_("direction", "Received"), "direction" },
  { "both", NC_("direction", "Both ways"), "direction" },
};

static const Entry remedies[] = {
  { "wage_garnishment", N_("Wage garnishment") },
  { "tax_refund_intercept", N_("Tax refund intercept") },
  { "license_suspension", N_("License suspension") },
  { "bank_levy", N_("Bank levy") },
  { "property_lien", N_("Property lien") },
  { "passport_denial", N_("Passport denial") },
  { "credit_reporting", N_("Credit reporting") },
  { "contempt", N_("Contempt of court") },
  { "delinquency_notice", N_("Notice of delinquency") },
  { "other", NC_("remedy", "Other"), "remedy" },
};

static const Entry statuses[] = {
  { "not_started", N_("Not started") },
  { "requested", N_("Requested") },
  { "filed", N_("Filed") },
  { "granted", N_("Granted") },
  { "denied", N_("Denied") },
  { "in_effect", N_("In effect") },
  { "closed", N_("Closed") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (term_kinds) == REC_N_TERM_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (frequencies) == REC_N_FREQUENCIES);
G_STATIC_ASSERT (G_N_ELEMENTS (payment_methods) == REC_N_PAYMENT_METHODS);
G_STATIC_ASSERT (G_N_ELEMENTS (channels) == REC_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (directions) == REC_N_DIRECTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (remedies) == REC_N_REMEDIES);
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == REC_N_STATUSES);

static int
find_word (const Entry *entries,
           guint        n_entries,
           const char  *word)
{
  if (word == NULL)
    return -1;

  for (guint i = 0; i < n_entries; i++)
    if (g_str_equal (entries[i].word, word))
      return (int) i;

  return -1;
}

static char *
join_words (const Entry *entries,
            guint        n_entries)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_entries; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, entries[i].word);
    }

  return g_string_free (s, FALSE);
}

/* GLib's NC_() keeps only the string, so the context travels in its own
 * field (it must match the NC_() literal for xgettext). */
static const char *
translate_label (const Entry *entry)
{
  if (entry->context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, entry->context, entry->label);

  return gettext (entry->label);
}

#define DEFINE_ENUM_FUNCS(Type, name, table)                                  \
  const char *rec_##name##_to_word (Type value)                             \
  {                                                                         \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);      \
    return table[value].word;                                               \
  }                                                                         \
  int rec_##name##_from_word (const char *word)                             \
  {                                                                         \
    return find_word (table, G_N_ELEMENTS (table), word);                   \
  }                                                                         \
  char *rec_##name##_words (void)                                           \
  {                                                                         \
    return join_words (table, G_N_ELEMENTS (table));                        \
  }                                                                         \
  const char *rec_##name##_label (Type value)                               \
  {                                                                         \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);      \
    return translate_label (&table[value]);                                 \
  }

DEFINE_ENUM_FUNCS (RecTermKind, term_kind, term_kinds)
DEFINE_ENUM_FUNCS (RecFrequency, frequency, frequencies)
DEFINE_ENUM_FUNCS (RecPaymentMethod, payment_method, payment_methods)
DEFINE_ENUM_FUNCS (RecChannel, channel, channels)
DEFINE_ENUM_FUNCS (RecDirection, direction, directions)
DEFINE_ENUM_FUNCS (RecRemedy, remedy, remedies)
DEFINE_ENUM_FUNCS (RecStatus, status, statuses)
