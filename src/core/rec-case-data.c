/* rec-case-data.c — the case entities: construction, copying, freeing
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-case-data.h"

#include "rec-attachment.h"

G_DEFINE_FINAL_TYPE (RecCaseInfo, rec_case_info, G_TYPE_OBJECT)
G_DEFINE_ABSTRACT_TYPE (RecEntity, rec_entity, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RecChild, rec_child, REC_TYPE_ENTITY)
G_DEFINE_FINAL_TYPE (RecTerm, rec_term, REC_TYPE_ENTITY)
G_DEFINE_FINAL_TYPE (RecInterestOverride, rec_interest_override, REC_TYPE_ENTITY)
G_DEFINE_FINAL_TYPE (RecCharge, rec_charge, REC_TYPE_ENTITY)
G_DEFINE_FINAL_TYPE (RecPayment, rec_payment, REC_TYPE_ENTITY)
G_DEFINE_FINAL_TYPE (RecCommunication, rec_communication, REC_TYPE_ENTITY)
G_DEFINE_FINAL_TYPE (RecEnforcementStep, rec_enforcement_step, REC_TYPE_ENTITY)

static void
party_init (RecParty *party)
{
  party->name = g_strdup ("");
  party->address = g_strdup ("");
  party->phone = g_strdup ("");
  party->email = g_strdup ("");
  party->employer = g_strdup ("");
}

static void
party_clear (RecParty *party)
{
  g_clear_pointer (&party->name, g_free);
  g_clear_pointer (&party->address, g_free);
  g_clear_pointer (&party->phone, g_free);
  g_clear_pointer (&party->email, g_free);
  g_clear_pointer (&party->employer, g_free);
}

static void
party_copy (RecParty       *dest,
            const RecParty *src)
{
  rec_set_str (&dest->name, src->name);
  rec_set_str (&dest->address, src->address);
  rec_set_str (&dest->phone, src->phone);
  rec_set_str (&dest->email, src->email);
  rec_set_str (&dest->employer, src->employer);
}

/* RecCaseInfo */

static void
rec_case_info_finalize (GObject *object)
{
  RecCaseInfo *self = REC_CASE_INFO (object);

  g_free (self->title);
  g_free (self->jurisdiction);
  g_free (self->currency);
  g_free (self->court);
  g_free (self->court_case_number);
  g_free (self->agency_case_number);
  party_clear (&self->obligor);
  party_clear (&self->obligee);
  g_free (self->notes);

  G_OBJECT_CLASS (rec_case_info_parent_class)->finalize (object);
}

static void
rec_case_info_class_init (RecCaseInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_case_info_finalize;
}

static void
rec_case_info_init (RecCaseInfo *self)
{
  self->title = g_strdup ("");
  self->jurisdiction = g_strdup ("us-ca");
  self->currency = g_strdup ("USD");
  self->court = g_strdup ("");
  self->court_case_number = g_strdup ("");
  self->agency_case_number = g_strdup ("");
  party_init (&self->obligor);
  party_init (&self->obligee);
  self->notes = g_strdup ("");
  g_date_clear (&self->agency_balance_as_of, 1);
}

/* RecEntity */

static void
rec_entity_finalize (GObject *object)
{
  RecEntity *self = REC_ENTITY (object);

  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (rec_entity_parent_class)->finalize (object);
}

static void
rec_entity_class_init (RecEntityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_entity_finalize;
}

static void
rec_entity_init (RecEntity *self)
{
}

static void
entity_copy_fields (RecEntity       *copy,
                    const RecEntity *self)
{
  copy->id = self->id;
  copy->position = self->position;
  g_free (copy->created_at);
  copy->created_at = g_strdup (self->created_at);
  g_free (copy->updated_at);
  copy->updated_at = g_strdup (self->updated_at);
}

RecEntity *
rec_entity_copy (const RecEntity *self)
{
  g_return_val_if_fail (REC_IS_ENTITY ((RecEntity *) self), NULL);

  return REC_ENTITY_GET_CLASS ((RecEntity *) self)->copy (self);
}

static RecEntity *rec_child_entity_copy (const RecEntity *self);
static RecEntity *rec_term_entity_copy (const RecEntity *self);
static RecEntity *rec_interest_override_entity_copy (const RecEntity *self);
static RecEntity *rec_charge_entity_copy (const RecEntity *self);
static RecEntity *rec_payment_entity_copy (const RecEntity *self);
static RecEntity *rec_communication_entity_copy (const RecEntity *self);
static RecEntity *rec_enforcement_step_entity_copy (const RecEntity *self);

/* RecChild */

static void
rec_child_finalize (GObject *object)
{
  RecChild *self = REC_CHILD (object);

  g_free (self->name);

  G_OBJECT_CLASS (rec_child_parent_class)->finalize (object);
}

static void
rec_child_class_init (RecChildClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_child_finalize;
  REC_ENTITY_CLASS (klass)->copy = rec_child_entity_copy;
}

static void
rec_child_init (RecChild *self)
{
  self->name = g_strdup ("");
  g_date_clear (&self->birth_date, 1);
}

/* RecTerm */

static void
rec_term_finalize (GObject *object)
{
  RecTerm *self = REC_TERM (object);

  g_free (self->reference);
  g_free (self->notes);

  G_OBJECT_CLASS (rec_term_parent_class)->finalize (object);
}

static void
rec_term_class_init (RecTermClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_term_finalize;
  REC_ENTITY_CLASS (klass)->copy = rec_term_entity_copy;
}

static void
rec_term_init (RecTerm *self)
{
  self->kind = REC_TERM_KIND_CHILD_SUPPORT;
  self->frequency = REC_FREQUENCY_MONTHLY;
  self->due_day = REC_DUE_DAY_LAST;
  self->due_days[0] = 1;
  self->due_days[1] = 15;
  g_date_clear (&self->effective, 1);
  g_date_clear (&self->end, 1);
  self->reference = g_strdup ("");
  self->notes = g_strdup ("");
}

/* RecInterestOverride */

static void
rec_interest_override_finalize (GObject *object)
{
  RecInterestOverride *self = REC_INTEREST_OVERRIDE (object);

  g_free (self->reason);

  G_OBJECT_CLASS (rec_interest_override_parent_class)->finalize (object);
}

static void
rec_interest_override_class_init (RecInterestOverrideClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_interest_override_finalize;
  REC_ENTITY_CLASS (klass)->copy = rec_interest_override_entity_copy;
}

static void
rec_interest_override_init (RecInterestOverride *self)
{
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  self->reason = g_strdup ("");
}

/* RecCharge */

static void
rec_charge_finalize (GObject *object)
{
  RecCharge *self = REC_CHARGE (object);

  g_free (self->description);

  G_OBJECT_CLASS (rec_charge_parent_class)->finalize (object);
}

static void
rec_charge_class_init (RecChargeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_charge_finalize;
  REC_ENTITY_CLASS (klass)->copy = rec_charge_entity_copy;
}

static void
rec_charge_init (RecCharge *self)
{
  g_date_clear (&self->date, 1);
  self->description = g_strdup ("");
  self->interest_bearing = TRUE;
}

/* RecPayment */

static void
rec_payment_finalize (GObject *object)
{
  RecPayment *self = REC_PAYMENT (object);

  g_free (self->reference);
  g_free (self->notes);

  G_OBJECT_CLASS (rec_payment_parent_class)->finalize (object);
}

static void
rec_payment_class_init (RecPaymentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_payment_finalize;
  REC_ENTITY_CLASS (klass)->copy = rec_payment_entity_copy;
}

static void
rec_payment_init (RecPayment *self)
{
  g_date_clear (&self->date, 1);
  self->method = REC_PAYMENT_METHOD_OTHER;
  self->reference = g_strdup ("");
  self->notes = g_strdup ("");
}

/* RecCommunication */

static void
rec_communication_finalize (GObject *object)
{
  RecCommunication *self = REC_COMMUNICATION (object);

  g_free (self->at);
  g_free (self->with);
  g_free (self->subject);
  g_free (self->summary);

  G_OBJECT_CLASS (rec_communication_parent_class)->finalize (object);
}

static void
rec_communication_class_init (RecCommunicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_communication_finalize;
  REC_ENTITY_CLASS (klass)->copy = rec_communication_entity_copy;
}

static void
rec_communication_init (RecCommunication *self)
{
  self->at = g_strdup ("");
  self->channel = REC_CHANNEL_OTHER;
  self->direction = REC_DIRECTION_RECEIVED;
  self->with = g_strdup ("");
  self->subject = g_strdup ("");
  self->summary = g_strdup ("");
  g_date_clear (&self->follow_up, 1);
}

/* RecEnforcementStep */

static void
rec_enforcement_step_finalize (GObject *object)
{
  RecEnforcementStep *self = REC_ENFORCEMENT_STEP (object);

  g_free (self->agency);
  g_free (self->reference);
  g_free (self->notes);

  G_OBJECT_CLASS (rec_enforcement_step_parent_class)->finalize (object);
}

static void
rec_enforcement_step_class_init (RecEnforcementStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rec_enforcement_step_finalize;
  REC_ENTITY_CLASS (klass)->copy = rec_enforcement_step_entity_copy;
}

static void
rec_enforcement_step_init (RecEnforcementStep *self)
{
  self->remedy = REC_REMEDY_OTHER;
  self->status = REC_STATUS_NOT_STARTED;
  g_date_clear (&self->date, 1);
  self->agency = g_strdup ("");
  self->reference = g_strdup ("");
  g_date_clear (&self->next_date, 1);
  self->notes = g_strdup ("");
}

/* Public API */

void
rec_set_str (char       **field,
             const char  *value)
{
  char *copy = g_strdup (value != NULL ? value : "");

  g_free (*field);
  *field = copy;
}

RecCaseInfo *
rec_case_info_new (void)
{
  return g_object_new (REC_TYPE_CASE_INFO, NULL);
}

RecChild *
rec_child_new (void)
{
  return g_object_new (REC_TYPE_CHILD, NULL);
}

RecTerm *
rec_term_new (void)
{
  return g_object_new (REC_TYPE_TERM, NULL);
}

RecInterestOverride *
rec_interest_override_new (void)
{
  return g_object_new (REC_TYPE_INTEREST_OVERRIDE, NULL);
}

RecCharge *
rec_charge_new (void)
{
  return g_object_new (REC_TYPE_CHARGE, NULL);
}

RecPayment *
rec_payment_new (void)
{
  return g_object_new (REC_TYPE_PAYMENT, NULL);
}

RecCommunication *
rec_communication_new (void)
{
  return g_object_new (REC_TYPE_COMMUNICATION, NULL);
}

RecEnforcementStep *
rec_enforcement_step_new (void)
{
  return g_object_new (REC_TYPE_ENFORCEMENT_STEP, NULL);
}

RecCaseInfo *
rec_case_info_copy (const RecCaseInfo *self)
{
  RecCaseInfo *copy = rec_case_info_new ();

  rec_set_str (&copy->title, self->title);
  rec_set_str (&copy->jurisdiction, self->jurisdiction);
  rec_set_str (&copy->currency, self->currency);
  copy->agency_enforced = self->agency_enforced;
  copy->public_assistance = self->public_assistance;
  rec_set_str (&copy->court, self->court);
  rec_set_str (&copy->court_case_number, self->court_case_number);
  rec_set_str (&copy->agency_case_number, self->agency_case_number);
  party_copy (&copy->obligor, &self->obligor);
  party_copy (&copy->obligee, &self->obligee);
  rec_set_str (&copy->notes, self->notes);
  copy->has_agency_balance = self->has_agency_balance;
  copy->agency_balance_cents = self->agency_balance_cents;
  copy->agency_balance_as_of = self->agency_balance_as_of;

  return copy;
}

RecChild *
rec_child_copy (const RecChild *self)
{
  RecChild *copy = rec_child_new ();

  entity_copy_fields (&copy->entity, &self->entity);
  rec_set_str (&copy->name, self->name);
  copy->birth_date = self->birth_date;

  return copy;
}

RecTerm *
rec_term_copy (const RecTerm *self)
{
  RecTerm *copy = rec_term_new ();

  entity_copy_fields (&copy->entity, &self->entity);
  copy->kind = self->kind;
  copy->amount_cents = self->amount_cents;
  copy->frequency = self->frequency;
  copy->due_day = self->due_day;
  copy->due_days[0] = self->due_days[0];
  copy->due_days[1] = self->due_days[1];
  copy->effective = self->effective;
  copy->end = self->end;
  rec_set_str (&copy->reference, self->reference);
  rec_set_str (&copy->notes, self->notes);

  return copy;
}

RecInterestOverride *
rec_interest_override_copy (const RecInterestOverride *self)
{
  RecInterestOverride *copy = rec_interest_override_new ();

  entity_copy_fields (&copy->entity, &self->entity);
  copy->from = self->from;
  copy->to = self->to;
  copy->rate_basis_points = self->rate_basis_points;
  rec_set_str (&copy->reason, self->reason);

  return copy;
}

RecCharge *
rec_charge_copy (const RecCharge *self)
{
  RecCharge *copy = rec_charge_new ();

  entity_copy_fields (&copy->entity, &self->entity);
  copy->date = self->date;
  copy->amount_cents = self->amount_cents;
  rec_set_str (&copy->description, self->description);
  copy->interest_bearing = self->interest_bearing;

  return copy;
}

RecPayment *
rec_payment_copy (const RecPayment *self)
{
  RecPayment *copy = rec_payment_new ();

  entity_copy_fields (&copy->entity, &self->entity);
  copy->date = self->date;
  copy->amount_cents = self->amount_cents;
  copy->method = self->method;
  rec_set_str (&copy->reference, self->reference);
  rec_set_str (&copy->notes, self->notes);

  return copy;
}

RecCommunication *
rec_communication_copy (const RecCommunication *self)
{
  RecCommunication *copy = rec_communication_new ();

  entity_copy_fields (&copy->entity, &self->entity);
  rec_set_str (&copy->at, self->at);
  copy->at_unix = self->at_unix;
  copy->channel = self->channel;
  copy->direction = self->direction;
  rec_set_str (&copy->with, self->with);
  rec_set_str (&copy->subject, self->subject);
  rec_set_str (&copy->summary, self->summary);
  copy->follow_up = self->follow_up;
  copy->follow_up_done = self->follow_up_done;

  return copy;
}

RecEnforcementStep *
rec_enforcement_step_copy (const RecEnforcementStep *self)
{
  RecEnforcementStep *copy = rec_enforcement_step_new ();

  entity_copy_fields (&copy->entity, &self->entity);
  copy->remedy = self->remedy;
  copy->status = self->status;
  copy->date = self->date;
  rec_set_str (&copy->agency, self->agency);
  rec_set_str (&copy->reference, self->reference);
  copy->next_date = self->next_date;
  copy->next_done = self->next_done;
  rec_set_str (&copy->notes, self->notes);

  return copy;
}

RecCaseData *
rec_case_data_new (void)
{
  RecCaseData *case_data = g_new0 (RecCaseData, 1);

  case_data->info = rec_case_info_new ();
  case_data->children = g_ptr_array_new_with_free_func (g_object_unref);
  case_data->terms = g_ptr_array_new_with_free_func (g_object_unref);
  case_data->interest_overrides = g_ptr_array_new_with_free_func (g_object_unref);
  case_data->charges = g_ptr_array_new_with_free_func (g_object_unref);
  case_data->payments = g_ptr_array_new_with_free_func (g_object_unref);
  case_data->communications = g_ptr_array_new_with_free_func (g_object_unref);
  case_data->enforcement = g_ptr_array_new_with_free_func (g_object_unref);
  case_data->attachments = g_ptr_array_new_with_free_func (g_object_unref);

  return case_data;
}

void
rec_case_data_free (RecCaseData *case_data)
{
  if (case_data == NULL)
    return;

  g_clear_object (&case_data->info);
  g_ptr_array_unref (case_data->children);
  g_ptr_array_unref (case_data->terms);
  g_ptr_array_unref (case_data->interest_overrides);
  g_ptr_array_unref (case_data->charges);
  g_ptr_array_unref (case_data->payments);
  g_ptr_array_unref (case_data->communications);
  g_ptr_array_unref (case_data->enforcement);
  g_ptr_array_unref (case_data->attachments);
  g_free (case_data);
}

/* Copies every record; `originals` maps each original to its copy, so the
 * attachments' links can follow. */
static GPtrArray *
copy_array (GPtrArray  *array,
            GHashTable *originals)
{
  GPtrArray *copy = g_ptr_array_new_full (array->len, g_object_unref);

  for (guint i = 0; i < array->len; i++)
    {
      RecEntity *item = g_ptr_array_index (array, i);
      RecEntity *item_copy = rec_entity_copy (item);

      g_ptr_array_add (copy, item_copy);
      g_hash_table_insert (originals, item, item_copy);
    }

  return copy;
}

static GPtrArray *
copy_attachments (GPtrArray  *array,
                  GHashTable *originals)
{
  GPtrArray *copy = g_ptr_array_new_full (array->len, g_object_unref);

  for (guint i = 0; i < array->len; i++)
    {
      RecAttachment *attachment = rec_attachment_copy (g_ptr_array_index (array, i));

      /* The links of the copy name the copied records. */
      for (guint j = 0; j < attachment->links->len; j++)
        {
          RecEntity *record = g_ptr_array_index (attachment->links, j);
          RecEntity *record_copy;

          if (record == NULL)
            continue;
          record_copy = g_hash_table_lookup (originals, record);
          g_object_unref (record);
          attachment->links->pdata[j] = record_copy != NULL ? g_object_ref (record_copy) : NULL;
        }
      g_ptr_array_add (copy, attachment);
    }

  return copy;
}

static RecEntity *
rec_child_entity_copy (const RecEntity *self)
{
  return REC_ENTITY (rec_child_copy (REC_CHILD ((RecEntity *) self)));
}

static RecEntity *
rec_term_entity_copy (const RecEntity *self)
{
  return REC_ENTITY (rec_term_copy (REC_TERM ((RecEntity *) self)));
}

static RecEntity *
rec_interest_override_entity_copy (const RecEntity *self)
{
  return REC_ENTITY (rec_interest_override_copy (REC_INTEREST_OVERRIDE ((RecEntity *) self)));
}

static RecEntity *
rec_charge_entity_copy (const RecEntity *self)
{
  return REC_ENTITY (rec_charge_copy (REC_CHARGE ((RecEntity *) self)));
}

static RecEntity *
rec_payment_entity_copy (const RecEntity *self)
{
  return REC_ENTITY (rec_payment_copy (REC_PAYMENT ((RecEntity *) self)));
}

static RecEntity *
rec_communication_entity_copy (const RecEntity *self)
{
  return REC_ENTITY (rec_communication_copy (REC_COMMUNICATION ((RecEntity *) self)));
}

static RecEntity *
rec_enforcement_step_entity_copy (const RecEntity *self)
{
  return REC_ENTITY (rec_enforcement_step_copy (REC_ENFORCEMENT_STEP ((RecEntity *) self)));
}

RecCaseData *
rec_case_data_copy (const RecCaseData *case_data)
{
  RecCaseData *copy = g_new0 (RecCaseData, 1);
  g_autoptr(GHashTable) originals = g_hash_table_new (NULL, NULL);

  copy->info = rec_case_info_copy (case_data->info);
  copy->children = copy_array (case_data->children, originals);
  copy->terms = copy_array (case_data->terms, originals);
  copy->interest_overrides = copy_array (case_data->interest_overrides, originals);
  copy->charges = copy_array (case_data->charges, originals);
  copy->payments = copy_array (case_data->payments, originals);
  copy->communications = copy_array (case_data->communications, originals);
  copy->enforcement = copy_array (case_data->enforcement, originals);
  copy->attachments = copy_attachments (case_data->attachments, originals);

  return copy;
}
