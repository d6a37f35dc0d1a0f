/* rec-enums.h — the enumerations of a case, their interchange words and labels
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The order of RecTermKind is the "oldest first" tie-break of spec/arrears.md §3. */
typedef enum
{
  REC_TERM_KIND_CHILD_SUPPORT,
  REC_TERM_KIND_FAMILY_SUPPORT,
  REC_TERM_KIND_MEDICAL_SUPPORT,
  REC_TERM_KIND_CHILDCARE,
  REC_TERM_KIND_SPOUSAL_SUPPORT,
  REC_TERM_KIND_OTHER,
  REC_N_TERM_KINDS
} RecTermKind;

typedef enum
{
  REC_FREQUENCY_MONTHLY,
  REC_FREQUENCY_SEMIMONTHLY,
  REC_FREQUENCY_BIWEEKLY,
  REC_FREQUENCY_WEEKLY,
  REC_N_FREQUENCIES
} RecFrequency;

typedef enum
{
  REC_PAYMENT_METHOD_CHECK,
  REC_PAYMENT_METHOD_CASH,
  REC_PAYMENT_METHOD_BANK_TRANSFER,
  REC_PAYMENT_METHOD_MONEY_ORDER,
  REC_PAYMENT_METHOD_WAGE_WITHHOLDING,
  REC_PAYMENT_METHOD_AGENCY,
  REC_PAYMENT_METHOD_TAX_OFFSET,
  REC_PAYMENT_METHOD_APP,
  REC_PAYMENT_METHOD_OTHER,
  REC_N_PAYMENT_METHODS
} RecPaymentMethod;

typedef enum
{
  REC_CHANNEL_EMAIL,
  REC_CHANNEL_TEXT,
  REC_CHANNEL_PHONE,
  REC_CHANNEL_IN_PERSON,
  REC_CHANNEL_LETTER,
  REC_CHANNEL_APP,
  REC_CHANNEL_OTHER,
  REC_N_CHANNELS
} RecChannel;

typedef enum
{
  REC_DIRECTION_SENT,
  REC_DIRECTION_RECEIVED,
  REC_DIRECTION_BOTH,
  REC_N_DIRECTIONS
} RecDirection;

/* The first nine are the remedies of spec/arrears.md §7, in its order. */
typedef enum
{
  REC_REMEDY_WAGE_GARNISHMENT,
  REC_REMEDY_TAX_REFUND_INTERCEPT,
  REC_REMEDY_LICENSE_SUSPENSION,
  REC_REMEDY_BANK_LEVY,
  REC_REMEDY_PROPERTY_LIEN,
  REC_REMEDY_PASSPORT_DENIAL,
  REC_REMEDY_CREDIT_REPORTING,
  REC_REMEDY_CONTEMPT,
  REC_REMEDY_DELINQUENCY_NOTICE,
  REC_REMEDY_OTHER,
  REC_N_REMEDIES
} RecRemedy;

#define REC_N_ENGINE_REMEDIES REC_REMEDY_OTHER

typedef enum
{
  REC_STATUS_NOT_STARTED,
  REC_STATUS_REQUESTED,
  REC_STATUS_FILED,
  REC_STATUS_GRANTED,
  REC_STATUS_DENIED,
  REC_STATUS_IN_EFFECT,
  REC_STATUS_CLOSED,
  REC_N_STATUSES
} RecStatus;

/* Interchange words (spec/case-json.md): never translated. The *_from_word
 * functions return -1 for an unknown word. */
const char *rec_term_kind_to_word      (RecTermKind      kind);
int         rec_term_kind_from_word    (const char      *word);
const char *rec_frequency_to_word      (RecFrequency     frequency);
int         rec_frequency_from_word    (const char      *word);
const char *rec_payment_method_to_word (RecPaymentMethod method);
int         rec_payment_method_from_word (const char    *word);
const char *rec_channel_to_word        (RecChannel       channel);
int         rec_channel_from_word      (const char      *word);
const char *rec_direction_to_word      (RecDirection     direction);
int         rec_direction_from_word    (const char      *word);
const char *rec_remedy_to_word         (RecRemedy        remedy);
int         rec_remedy_from_word       (const char      *word);
const char *rec_status_to_word         (RecStatus        status);
int         rec_status_from_word       (const char      *word);

/* All words of one enumeration joined by ", " for error messages (transfer full). */
char       *rec_term_kind_words        (void);
char       *rec_frequency_words        (void);
char       *rec_payment_method_words   (void);
char       *rec_channel_words          (void);
char       *rec_direction_words        (void);
char       *rec_remedy_words           (void);
char       *rec_status_words           (void);

/* Translated labels for people (window, text summary, packet). */
const char *rec_term_kind_label        (RecTermKind      kind);
const char *rec_frequency_label        (RecFrequency     frequency);
const char *rec_payment_method_label   (RecPaymentMethod method);
const char *rec_channel_label          (RecChannel       channel);
const char *rec_direction_label        (RecDirection     direction);
const char *rec_remedy_label           (RecRemedy        remedy);
const char *rec_status_label           (RecStatus        status);

G_END_DECLS
