/* rec-case-data.h — a whole case in memory: the entities of spec/case-json.md v1
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Entities are small GObjects with public fields, so the engine, the store and
 * the report read them directly and the window can hold them in GListStores.
 * Strings are owned and never NULL (empty string for "none"), except where a
 * field says (nullable). Dates that may be absent are cleared GDates.
 * The seven kinds of record derive from RecEntity (id, position, stamps).
 */
#pragma once

#include <glib-object.h>

#include "rec-enums.h"
#include "rec-money.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *address;
  char *phone;
  char *email;
  char *employer;
} RecParty;

#define REC_TYPE_CASE_INFO (rec_case_info_get_type ())
G_DECLARE_FINAL_TYPE (RecCaseInfo, rec_case_info, REC, CASE_INFO, GObject)

struct _RecCaseInfo
{
  GObject   parent_instance;

  char     *title;
  char     *jurisdiction;        /* "us-ca" */
  char     *currency;            /* "USD" */
  gboolean  agency_enforced;
  gboolean  public_assistance;
  char     *court;
  char     *court_case_number;
  char     *agency_case_number;
  RecParty  obligor;
  RecParty  obligee;
  char     *notes;
  /* The arrears the agency last stated and when (JSON v2), to compare with
   * ours: has_agency_balance FALSE = none stated. */
  gboolean  has_agency_balance;
  RecCents  agency_balance_cents;
  GDate     agency_balance_as_of;  /* may be cleared */
};

/* The base of the seven entity kinds (children, terms, interest overrides,
 * charges, payments, communications, enforcement steps): what every record of
 * the case file has. Each kind embeds it as its first member `entity`, so code
 * reads `payment->entity.id`, and code that handles any kind takes a
 * RecEntity * (REC_ENTITY (item), or &payment->entity).
 *
 * `id` is the row id in the case file (0 until stored); `position` is the entry
 * order used for ties (spec/arrears.md §3; 0 = "append"); `created_at` and
 * `updated_at` are the store's UTC stamps (NULL until stored). */
#define REC_TYPE_ENTITY            (rec_entity_get_type ())
#define REC_ENTITY(obj)            (G_TYPE_CHECK_INSTANCE_CAST ((obj), REC_TYPE_ENTITY, RecEntity))
#define REC_IS_ENTITY(obj)         (G_TYPE_CHECK_INSTANCE_TYPE ((obj), REC_TYPE_ENTITY))
#define REC_ENTITY_CLASS(klass)    (G_TYPE_CHECK_CLASS_CAST ((klass), REC_TYPE_ENTITY, RecEntityClass))
#define REC_ENTITY_GET_CLASS(obj)  (G_TYPE_INSTANCE_GET_CLASS ((obj), REC_TYPE_ENTITY, RecEntityClass))

typedef struct _RecEntity      RecEntity;
typedef struct _RecEntityClass RecEntityClass;

struct _RecEntity
{
  GObject  parent_instance;

  gint64   id;
  int      position;
  char    *created_at;            /* nullable */
  char    *updated_at;            /* nullable */
};

struct _RecEntityClass
{
  GObjectClass parent_class;

  /* A deep copy of the whole record (the same id, position and stamps). */
  RecEntity *(*copy) (const RecEntity *self);
};

GType                rec_entity_get_type            (void) G_GNUC_CONST;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecEntity, g_object_unref)

/* A deep copy of any kind (the kind's own _copy()). */
RecEntity           *rec_entity_copy                (const RecEntity *self) G_GNUC_WARN_UNUSED_RESULT;

#define REC_TYPE_CHILD (rec_child_get_type ())
G_DECLARE_FINAL_TYPE (RecChild, rec_child, REC, CHILD, RecEntity)

struct _RecChild
{
  RecEntity     entity;

  char    *name;
  GDate    birth_date;            /* may be cleared */
};

#define REC_TYPE_TERM (rec_term_get_type ())
G_DECLARE_FINAL_TYPE (RecTerm, rec_term, REC, TERM, RecEntity)

/* due_day: 1–31, or REC_DUE_DAY_LAST for the last day of the month. */
#define REC_DUE_DAY_LAST 0

struct _RecTerm
{
  RecEntity     entity;

  RecTermKind   kind;
  RecCents      amount_cents;      /* per installment, > 0 */
  RecFrequency  frequency;
  int           due_day;           /* monthly */
  int           due_days[2];       /* semimonthly, default 1 and 15 */
  GDate         effective;
  GDate         end;               /* may be cleared */
  char         *reference;
  char         *notes;
};

#define REC_TYPE_INTEREST_OVERRIDE (rec_interest_override_get_type ())
G_DECLARE_FINAL_TYPE (RecInterestOverride, rec_interest_override, REC, INTEREST_OVERRIDE, RecEntity)

struct _RecInterestOverride
{
  RecEntity     entity;

  GDate    from;
  GDate    to;                    /* inclusive */
  int      rate_basis_points;     /* 600 = 6 % */
  char    *reason;
};

#define REC_TYPE_CHARGE (rec_charge_get_type ())
G_DECLARE_FINAL_TYPE (RecCharge, rec_charge, REC, CHARGE, RecEntity)

struct _RecCharge
{
  RecEntity     entity;

  GDate     date;
  RecCents  amount_cents;         /* > 0 */
  char     *description;
  gboolean  interest_bearing;
};

#define REC_TYPE_PAYMENT (rec_payment_get_type ())
G_DECLARE_FINAL_TYPE (RecPayment, rec_payment, REC, PAYMENT, RecEntity)

struct _RecPayment
{
  RecEntity     entity;

  GDate             date;
  RecCents          amount_cents; /* > 0 */
  RecPaymentMethod  method;
  char             *reference;
  char             *notes;
};

#define REC_TYPE_COMMUNICATION (rec_communication_get_type ())
G_DECLARE_FINAL_TYPE (RecCommunication, rec_communication, REC, COMMUNICATION, RecEntity)

struct _RecCommunication
{
  RecEntity     entity;

  char         *at;               /* RFC 3339 with the offset it was recorded with */
  gint64        at_unix;          /* the same instant, for sorting */
  RecChannel    channel;
  RecDirection  direction;
  char         *with;
  char         *subject;
  char         *summary;
  GDate         follow_up;        /* may be cleared */
  gboolean      follow_up_done;   /* the follow-up was done (JSON v2) */
};

#define REC_TYPE_ENFORCEMENT_STEP (rec_enforcement_step_get_type ())
G_DECLARE_FINAL_TYPE (RecEnforcementStep, rec_enforcement_step, REC, ENFORCEMENT_STEP, RecEntity)

struct _RecEnforcementStep
{
  RecEntity     entity;

  RecRemedy  remedy;
  RecStatus  status;
  GDate      date;                /* may be cleared */
  char      *agency;
  char      *reference;
  GDate      next_date;           /* may be cleared */
  gboolean   next_done;           /* the next step was taken (JSON v2) */
  char      *notes;
};

/* A whole case. Arrays hold the GObjects above (element free: g_object_unref),
 * in entry order. */
typedef struct
{
  RecCaseInfo *info;
  GPtrArray   *children;          /* RecChild */
  GPtrArray   *terms;             /* RecTerm */
  GPtrArray   *interest_overrides;/* RecInterestOverride */
  GPtrArray   *charges;           /* RecCharge */
  GPtrArray   *payments;          /* RecPayment */
  GPtrArray   *communications;    /* RecCommunication */
  GPtrArray   *enforcement;       /* RecEnforcementStep */
  GPtrArray   *attachments;       /* RecAttachment (rec-attachment.h), in id order */
} RecCaseData;

RecCaseData         *rec_case_data_new              (void) G_GNUC_WARN_UNUSED_RESULT;
void                 rec_case_data_free             (RecCaseData *case_data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecCaseData, rec_case_data_free)

/* Constructors give every string "" and sensible defaults (term: monthly, due
 * day last, days 1 and 15; charge: interest bearing; payment: method other). */
RecCaseInfo         *rec_case_info_new              (void) G_GNUC_WARN_UNUSED_RESULT;
RecChild            *rec_child_new                  (void) G_GNUC_WARN_UNUSED_RESULT;
RecTerm             *rec_term_new                   (void) G_GNUC_WARN_UNUSED_RESULT;
RecInterestOverride *rec_interest_override_new      (void) G_GNUC_WARN_UNUSED_RESULT;
RecCharge           *rec_charge_new                 (void) G_GNUC_WARN_UNUSED_RESULT;
RecPayment          *rec_payment_new                (void) G_GNUC_WARN_UNUSED_RESULT;
RecCommunication    *rec_communication_new          (void) G_GNUC_WARN_UNUSED_RESULT;
RecEnforcementStep  *rec_enforcement_step_new       (void) G_GNUC_WARN_UNUSED_RESULT;

/* Deep copies (same id and position). */
RecCaseInfo         *rec_case_info_copy             (const RecCaseInfo         *self) G_GNUC_WARN_UNUSED_RESULT;
RecChild            *rec_child_copy                 (const RecChild            *self) G_GNUC_WARN_UNUSED_RESULT;
RecTerm             *rec_term_copy                  (const RecTerm             *self) G_GNUC_WARN_UNUSED_RESULT;
RecInterestOverride *rec_interest_override_copy     (const RecInterestOverride *self) G_GNUC_WARN_UNUSED_RESULT;
RecCharge           *rec_charge_copy                (const RecCharge           *self) G_GNUC_WARN_UNUSED_RESULT;
RecPayment          *rec_payment_copy               (const RecPayment          *self) G_GNUC_WARN_UNUSED_RESULT;
RecCommunication    *rec_communication_copy         (const RecCommunication    *self) G_GNUC_WARN_UNUSED_RESULT;
RecEnforcementStep  *rec_enforcement_step_copy      (const RecEnforcementStep  *self) G_GNUC_WARN_UNUSED_RESULT;
RecCaseData         *rec_case_data_copy             (const RecCaseData         *case_data) G_GNUC_WARN_UNUSED_RESULT;

/* Replace an owned string field: rec_set_str (&payment->notes, "…"). NULL → "". */
void                 rec_set_str                    (char       **field,
                                                     const char  *value);

G_END_DECLS
