/* rec-demo.c — the demo case (normal and large)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is computed from `today`: the same day always gives the same
 * case. The people, addresses and numbers are invented (phone numbers use the
 * 555-01xx block reserved for fiction, mail addresses example.com). The case
 * content is data, like a user's own case, so it is not translated.
 */
#define G_LOG_DOMAIN "rec-core"

#include "config.h"

#include "rec-demo.h"

#include "rec-date.h"

#define OBLIGOR "Victor Marquez"
#define OBLIGEE "Elena Marquez"
#define CASEWORKER "Ana Lopez (DCSS caseworker)"
#define DCSS "Santa Clara County Department of Child Support Services"

/* The first day of the month `months` after (or before) `date`'s month. */
static void
month_start (const GDate *date,
             int          months,
             GDate       *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, g_date_get_month (date), g_date_get_year (date));
  if (months > 0)
    g_date_add_months (out, months);
  else if (months < 0)
    g_date_subtract_months (out, -months);
}

/* Day `day` of the month `months` after `start` (clamped to the month). */
static void
day_of_month (const GDate *start,
              int          months,
              int          day,
              GDate       *out)
{
  month_start (start, months, out);
  day = MIN (day, g_date_get_days_in_month (g_date_get_month (out), g_date_get_year (out)));
  g_date_set_day (out, day);
}

/* Pacific time: daylight time from the second Sunday of March to the first
 * Sunday of November (the rule since 2007). */
static gboolean
is_daylight_time (const GDate *date)
{
  int year = g_date_get_year (date);
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 8, G_DATE_MARCH, year);
  while (g_date_get_weekday (&start) != G_DATE_SUNDAY)
    g_date_add_days (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 1, G_DATE_NOVEMBER, year);
  while (g_date_get_weekday (&end) != G_DATE_SUNDAY)
    g_date_add_days (&end, 1);

  return g_date_compare (date, &start) >= 0 && g_date_compare (date, &end) < 0;
}

static void
set_party (RecParty   *party,
           const char *name,
           const char *address,
           const char *phone,
           const char *email,
           const char *employer)
{
  rec_set_str (&party->name, name);
  rec_set_str (&party->address, address);
  rec_set_str (&party->phone, phone);
  rec_set_str (&party->email, email);
  rec_set_str (&party->employer, employer);
}

static void
fill_info (RecCaseInfo *info,
           const GDate *start,
           gboolean     large)
{
  g_autofree char *number = g_strdup_printf ("%02uFL%06u", g_date_get_year (start) % 100,
                                             large ? 118204u : 4871u);

  rec_set_str (&info->title, large ? "Marquez v. Marquez (large demo)" : "Marquez v. Marquez");
  rec_set_str (&info->jurisdiction, "us-ca");
  rec_set_str (&info->currency, "USD");
  info->agency_enforced = TRUE;
  info->public_assistance = FALSE;
  rec_set_str (&info->court, "Superior Court of California, County of Santa Clara");
  rec_set_str (&info->court_case_number, number);
  rec_set_str (&info->agency_case_number, "4300-2281-0917");
  set_party (&info->obligor, OBLIGOR, "3310 Stevens Creek Blvd, Apt 12\nSanta Clara, CA 95050",
             "(408) 555-0143", "victor.marquez@example.com", "Bayline Logistics, Milpitas");
  set_party (&info->obligee, OBLIGEE, "1482 Alameda Ave\nSan Jose, CA 95126",
             "(408) 555-0178", "elena.marquez@example.com", "Valley Medical Center");
  rec_set_str (&info->notes, "Demo case: invented people and numbers, for trying Recourse.");
}

static void
add_child (RecCaseData *c,
           const char  *name,
           const GDate *today,
           int          years,
           int          month,
           int          day)
{
  g_autoptr(RecChild) child = rec_child_new ();

  rec_set_str (&child->name, name);
  g_date_set_dmy (&child->birth_date, day, month, g_date_get_year (today) - years);
  child->entity.position = (int) c->children->len + 1;
  g_ptr_array_add (c->children, g_steal_pointer (&child));
}

static RecTerm *
add_term (RecCaseData  *c,
          RecTermKind   kind,
          RecFrequency  frequency,
          RecCents      amount,
          const GDate  *effective,
          const GDate  *end,
          const char   *reference)
{
  RecTerm *term = rec_term_new ();

  term->kind = kind;
  term->frequency = frequency;
  term->amount_cents = amount;
  term->due_day = frequency == REC_FREQUENCY_MONTHLY ? 1 : REC_DUE_DAY_LAST;
  term->effective = *effective;
  if (end != NULL)
    term->end = *end;
  rec_set_str (&term->reference, reference);
  term->entity.position = (int) c->terms->len + 1;
  g_ptr_array_add (c->terms, term);
  return term;
}

static void
add_payment (RecCaseData      *c,
             const GDate      *date,
             RecCents          amount,
             RecPaymentMethod  method,
             const char       *reference,
             const char       *notes)
{
  g_autoptr(RecPayment) payment = rec_payment_new ();

  payment->date = *date;
  payment->amount_cents = amount;
  payment->method = method;
  rec_set_str (&payment->reference, reference);
  rec_set_str (&payment->notes, notes);
  payment->entity.position = (int) c->payments->len + 1;
  g_ptr_array_add (c->payments, g_steal_pointer (&payment));
}

static void
add_charge (RecCaseData *c,
            const GDate *date,
            RecCents     amount,
            const char  *description,
            gboolean     interest_bearing)
{
  g_autoptr(RecCharge) charge = rec_charge_new ();

  charge->date = *date;
  charge->amount_cents = amount;
  rec_set_str (&charge->description, description);
  charge->interest_bearing = interest_bearing;
  charge->entity.position = (int) c->charges->len + 1;
  g_ptr_array_add (c->charges, g_steal_pointer (&charge));
}

static void
add_communication (RecCaseData  *c,
                   const GDate  *date,
                   int           minutes,
                   RecChannel    channel,
                   RecDirection  direction,
                   const char   *with,
                   const char   *subject,
                   const char   *summary,
                   int           follow_up_days)
{
  g_autoptr(RecCommunication) item = rec_communication_new ();
  gboolean dst = is_daylight_time (date);
  g_autofree char *at =
    g_strdup_printf ("%04u-%02u-%02uT%02d:%02d:00%s", g_date_get_year (date),
                     g_date_get_month (date), g_date_get_day (date), minutes / 60, minutes % 60,
                     dst ? "-07:00" : "-08:00");

  rec_set_str (&item->at, at);
  if (!rec_timestamp_parse (at, &item->at_unix, NULL))
    g_return_if_reached ();
  item->channel = channel;
  item->direction = direction;
  rec_set_str (&item->with, with);
  rec_set_str (&item->subject, subject);
  rec_set_str (&item->summary, summary);
  if (follow_up_days >= 0)
    {
      item->follow_up = *date;
      g_date_add_days (&item->follow_up, follow_up_days);
    }
  item->entity.position = (int) c->communications->len + 1;
  g_ptr_array_add (c->communications, g_steal_pointer (&item));
}

static void
add_step (RecCaseData  *c,
          RecRemedy     remedy,
          RecStatus     status,
          const GDate  *date,
          const char   *agency,
          const char   *reference,
          const GDate  *next_date,
          const char   *notes)
{
  g_autoptr(RecEnforcementStep) step = rec_enforcement_step_new ();

  step->remedy = remedy;
  step->status = status;
  if (date != NULL)
    step->date = *date;
  rec_set_str (&step->agency, agency);
  rec_set_str (&step->reference, reference);
  if (next_date != NULL)
    step->next_date = *next_date;
  rec_set_str (&step->notes, notes);
  step->entity.position = (int) c->enforcement->len + 1;
  g_ptr_array_add (c->enforcement, g_steal_pointer (&step));
}

/* The normal demo */

/* One letter per month from the start of the order: O on time, L late,
 * P partial, M missed, T on time plus a tax refund offset; from month 30 the
 * earnings assignment pays on time (W). */
static const char payment_pattern[] = "OOOOLOOOPOOLOMOPOOLMPOPMLOTPMMM";

typedef struct
{
  int          month;           /* months after the start of the order */
  int          day;
  int          minutes;         /* local time of day */
  RecChannel   channel;
  RecDirection direction;
  const char  *with;
  const char  *subject;
  const char  *summary;
  int          follow_up_days;  /* -1: none */
} DemoContact;

static const DemoContact contacts[] = {
  { 0, 2, 1140, REC_CHANNEL_TEXT, REC_DIRECTION_SENT, OBLIGOR, "",
    "Reminded him that the new order starts this month and asked for payment by the 1st each month.", -1 },
  { 0, 3, 1200, REC_CHANNEL_TEXT, REC_DIRECTION_RECEIVED, OBLIGOR, "",
    "Confirmed he got the order and will mail a check each month.", -1 },
  { 2, 20, 600, REC_CHANNEL_EMAIL, REC_DIRECTION_SENT, OBLIGOR, "Lucia's school supplies",
    "Sent the list of school supplies and asked whether he wants to split the cost.", 7 },
  { 4, 9, 1230, REC_CHANNEL_PHONE, REC_DIRECTION_RECEIVED, OBLIGOR, "",
    "Said this month's payment will be about ten days late because of a payroll change at work.", 15 },
  { 4, 16, 840, REC_CHANNEL_APP, REC_DIRECTION_RECEIVED, OBLIGOR, "Payment",
    "Message through the co-parenting app that the payment was sent.", -1 },
  { 6, 1, 1020, REC_CHANNEL_IN_PERSON, REC_DIRECTION_BOTH, OBLIGOR, "Exchange at school",
    "Talked briefly at the custody exchange; he mentioned fewer hours at work.", -1 },
  { 8, 6, 1290, REC_CHANNEL_TEXT, REC_DIRECTION_SENT, OBLIGOR, "",
    "Asked about the rest of this month's support; only part of it arrived.", 7 },
  { 8, 8, 1305, REC_CHANNEL_TEXT, REC_DIRECTION_RECEIVED, OBLIGOR, "",
    "Replied that he will make up the difference next month.", 30 },
  { 9, 12, 690, REC_CHANNEL_EMAIL, REC_DIRECTION_SENT, OBLIGOR, "Orthodontist invoice",
    "Sent the orthodontist invoice and asked for his half under the order.", 30 },
  { 10, 4, 900, REC_CHANNEL_LETTER, REC_DIRECTION_SENT, OBLIGOR, "Past-due support",
    "Mailed a polite letter listing the months that were short and the total past due.", 30 },
  { 11, 18, 1110, REC_CHANNEL_PHONE, REC_DIRECTION_BOTH, OBLIGOR, "",
    "Calm call about the late payments; he asked for patience until his hours come back.", -1 },
  { 13, 3, 1185, REC_CHANNEL_TEXT, REC_DIRECTION_SENT, OBLIGOR, "",
    "Let him know that no payment came this month.", 5 },
  { 13, 21, 700, REC_CHANNEL_APP, REC_DIRECTION_RECEIVED, OBLIGOR, "Orthodontist",
    "Sent his half of the orthodontist bill through the payment app.", -1 },
  { 14, 10, 630, REC_CHANNEL_EMAIL, REC_DIRECTION_SENT, "Family Law Facilitator", "Questions",
    "Asked the court's family law facilitator how to ask the agency for help collecting.", 14 },
  { 14, 24, 600, REC_CHANNEL_IN_PERSON, REC_DIRECTION_BOTH, "Family Law Facilitator",
    "Workshop", "Went to the facilitator's workshop; they explained opening a DCSS case.", -1 },
  { 15, 2, 540, REC_CHANNEL_OTHER, REC_DIRECTION_SENT, DCSS, "Application",
    "Filed the application for services with DCSS through its online portal.", 21 },
  { 15, 28, 870, REC_CHANNEL_LETTER, REC_DIRECTION_RECEIVED, DCSS, "Case opened",
    "Letter from DCSS confirming the case was opened and naming the caseworker.", -1 },
  { 17, 7, 1215, REC_CHANNEL_TEXT, REC_DIRECTION_RECEIVED, OBLIGOR, "",
    "Said he got a raise and agreed to change support by stipulation.", 10 },
  { 17, 19, 780, REC_CHANNEL_EMAIL, REC_DIRECTION_BOTH, OBLIGOR, "Stipulation",
    "Exchanged drafts of the stipulation to modify support; both signed.", -1 },
  { 18, 4, 1320, REC_CHANNEL_PHONE, REC_DIRECTION_SENT, OBLIGOR, "",
    "Called to confirm the new amount starts this month.", -1 },
  { 19, 3, 660, REC_CHANNEL_EMAIL, REC_DIRECTION_SENT, OBLIGOR, "Summer camp",
    "Sent the summer day camp receipt and asked for his half.", 30 },
  { 19, 22, 1170, REC_CHANNEL_APP, REC_DIRECTION_RECEIVED, OBLIGOR, "Camp",
    "Said he cannot pay for camp this month.", -1 },
  { 20, 15, 600, REC_CHANNEL_PHONE, REC_DIRECTION_SENT, CASEWORKER, "",
    "Gave the caseworker the list of missed months and asked about a wage assignment.", 20 },
  { 21, 6, 930, REC_CHANNEL_LETTER, REC_DIRECTION_SENT, CASEWORKER, "Payment records",
    "Mailed copies of the payment records and the bank statements to DCSS.", -1 },
  { 22, 11, 1260, REC_CHANNEL_TEXT, REC_DIRECTION_SENT, OBLIGOR, "",
    "Reminded him that this month's payment was short.", 7 },
  { 22, 12, 1275, REC_CHANNEL_TEXT, REC_DIRECTION_RECEIVED, OBLIGOR, "",
    "Answered that the car repair took most of his check.", -1 },
  { 23, 9, 840, REC_CHANNEL_EMAIL, REC_DIRECTION_RECEIVED, CASEWORKER, "Tax intercept",
    "The caseworker said the arrears qualify for the tax refund intercept.", -1 },
  { 24, 1, 1080, REC_CHANNEL_IN_PERSON, REC_DIRECTION_BOTH, OBLIGOR, "Birthday party",
    "Spoke at Mateo's birthday party; kept it to the children.", -1 },
  { 24, 15, 720, REC_CHANNEL_PHONE, REC_DIRECTION_RECEIVED, CASEWORKER, "",
    "DCSS will send the past-due amount to the credit bureaus after notice.", 30 },
  { 25, 20, 1200, REC_CHANNEL_APP, REC_DIRECTION_SENT, OBLIGOR, "Urgent care",
    "Shared the urgent care copay receipts for Mateo.", 30 },
  { 26, 5, 570, REC_CHANNEL_LETTER, REC_DIRECTION_RECEIVED, DCSS, "Intercept notice",
    "Notice that part of his state tax refund was intercepted for the arrears.", -1 },
  { 27, 2, 1230, REC_CHANNEL_TEXT, REC_DIRECTION_RECEIVED, OBLIGOR, "",
    "Upset about the intercept; said he would call the agency.", -1 },
  { 27, 14, 660, REC_CHANNEL_EMAIL, REC_DIRECTION_SENT, CASEWORKER, "Missed months",
    "Reported two more missed months and asked about the earnings assignment.", 14 },
  { 28, 18, 960, REC_CHANNEL_PHONE, REC_DIRECTION_RECEIVED, CASEWORKER, "",
    "The earnings assignment order was sent to his employer.", 30 },
  { 29, 8, 1140, REC_CHANNEL_OTHER, REC_DIRECTION_RECEIVED, "Bayline Logistics payroll",
    "Employer letter", "His employer confirmed the withholding starts next month.", -1 },
  { 30, 10, 1020, REC_CHANNEL_APP, REC_DIRECTION_SENT, OBLIGOR, "First withholding",
    "Let him know the first payment from the withholding arrived.", -1 },
  { 31, 3, 1290, REC_CHANNEL_TEXT, REC_DIRECTION_BOTH, OBLIGOR, "",
    "Agreed on the holiday schedule; he asked how much is still owed.", -1 },
  { 32, 12, 600, REC_CHANNEL_EMAIL, REC_DIRECTION_SENT, CASEWORKER, "Arrears",
    "Asked whether the past-due balance is also collected through the withholding.", 14 },
  { 33, 20, 900, REC_CHANNEL_PHONE, REC_DIRECTION_RECEIVED, CASEWORKER, "",
    "The caseworker suggested asking the court about contempt if nothing changes.", 45 },
  { 34, 6, 1110, REC_CHANNEL_LETTER, REC_DIRECTION_SENT, OBLIGOR, "Balance",
    "Mailed him a statement of the past-due balance with interest.", 30 },
  { 35, 1, 1200, REC_CHANNEL_TEXT, REC_DIRECTION_RECEIVED, OBLIGOR, "",
    "Offered to talk about a plan for the past-due amount.", 14 },
};

static void
add_normal_terms (RecCaseData *c,
                  const GDate *start)
{
  GDate end_first, modified, hearing;
  g_autofree char *reference = NULL;
  char buf[16];
  RecTerm *term;

  month_start (start, 18, &modified);
  end_first = modified;
  g_date_subtract_days (&end_first, 1);
  hearing = *start;
  g_date_subtract_days (&hearing, 19);
  rec_date_to_iso_buf (&hearing, buf);
  reference = g_strdup_printf ("Findings and Order After Hearing (FL-340), %s", buf);

  term = add_term (c, REC_TERM_KIND_CHILD_SUPPORT, REC_FREQUENCY_MONTHLY, 115000, start,
                   &end_first, reference);
  rec_set_str (&term->notes, "Guideline support for two children.");
  term = add_term (c, REC_TERM_KIND_MEDICAL_SUPPORT, REC_FREQUENCY_MONTHLY, 9500, start, NULL,
                   reference);
  rec_set_str (&term->notes, "His half of the children's health insurance premium.");
  term = add_term (c, REC_TERM_KIND_CHILD_SUPPORT, REC_FREQUENCY_MONTHLY, 132000, &modified,
                   NULL, "Stipulation and Order to modify child support (FL-350)");
  rec_set_str (&term->notes, "Raised after his pay increase.");
}

static RecCents
monthly_due (int month)
{
  return (month < 18 ? 115000 : 132000) + 9500;
}

static void
add_month_payment (RecCaseData *c,
                   const GDate *start,
                   int          month,
                   char         kind,
                   char        *reference)
{
  RecPaymentMethod method = month < 12 ? REC_PAYMENT_METHOD_CHECK : REC_PAYMENT_METHOD_APP;
  GDate date;

  if (month < 12)
    g_snprintf (reference, 16, "%d", 1041 + month);
  switch (kind)
    {
    case 'O':
    case 'T':
      day_of_month (start, month, 1 + month % 3, &date);
      add_payment (c, &date, monthly_due (month), method, reference, "");
      break;
    case 'L':
      day_of_month (start, month, 14 + month % 6, &date);
      add_payment (c, &date, monthly_due (month), method, reference,
                   "Late; he said payday moved.");
      break;
    case 'P':
      day_of_month (start, month, 5 + month % 5, &date);
      add_payment (c, &date, 60000 + (month % 4) * 5000, method, reference, "Partial payment.");
      break;
    case 'W':
      day_of_month (start, month, 9, &date);
      add_payment (c, &date, monthly_due (month), REC_PAYMENT_METHOD_WAGE_WITHHOLDING,
                   "Earnings assignment", "Paid through the State Disbursement Unit.");
      break;
    default:
      break;
    }
}

static void
add_normal_payments (RecCaseData *c,
                     const GDate *start,
                     const GDate *today,
                     int          months)
{
  for (int month = 0; month <= months; month++)
    {
      char kind = month < 30 ? payment_pattern[month] : 'W';
      char reference[16] = "";
      GDate date;

      add_month_payment (c, start, month, kind, reference);
      if (kind == 'T')
        {
          day_of_month (start, month, 24, &date);
          add_payment (c, &date, 148637, REC_PAYMENT_METHOD_TAX_OFFSET, "FTB intercept",
                       "State tax refund intercepted by DCSS.");
        }
      if (month == 13)
        {
          day_of_month (start, month, 21, &date);
          add_payment (c, &date, 32000, REC_PAYMENT_METHOD_APP, "",
                       "His half of the orthodontist bill.");
        }
    }

  /* Nothing after today. */
  for (guint i = c->payments->len; i > 0; i--)
    {
      RecPayment *payment = g_ptr_array_index (c->payments, i - 1);

      if (g_date_compare (&payment->date, today) > 0)
        g_ptr_array_remove_index (c->payments, i - 1);
    }
}

static void
add_normal_charges (RecCaseData *c,
                    const GDate *start,
                    const GDate *today)
{
  GDate date;

  day_of_month (start, 9, 12, &date);
  add_charge (c, &date, 64000, "Half of Lucia's orthodontist bill (invoice 2291)", TRUE);
  day_of_month (start, 19, 3, &date);
  add_charge (c, &date, 38000, "Half of summer day camp (YMCA)", TRUE);
  day_of_month (start, 25, 20, &date);
  if (g_date_compare (&date, today) <= 0)
    add_charge (c, &date, 8750, "Half of Mateo's urgent care copays", TRUE);
}

static void
add_normal_contacts (RecCaseData *c,
                     const GDate *start,
                     const GDate *today)
{
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      const DemoContact *k = &contacts[i];
      GDate date;

      day_of_month (start, k->month, k->day, &date);
      if (g_date_compare (&date, today) > 0)
        continue;
      add_communication (c, &date, k->minutes, k->channel, k->direction, k->with, k->subject,
                         k->summary, k->follow_up_days);
    }
}

/* The demo is a case someone keeps up: every follow-up gone by is marked
 * done but the latest one, which shows as overdue (and is what the window's
 * notification names); the coming ones stay open. */
static void
keep_up_follow_ups (RecCaseData *c,
                    const GDate *today)
{
  GDate latest_past;

  g_date_clear (&latest_past, 1);
  for (guint i = 0; i < c->communications->len; i++)
    {
      RecCommunication *item = g_ptr_array_index (c->communications, i);

      if (rec_date_is_set (&item->follow_up) && g_date_compare (&item->follow_up, today) < 0
          && (!rec_date_is_set (&latest_past)
              || g_date_compare (&item->follow_up, &latest_past) > 0))
        latest_past = item->follow_up;
    }
  if (!rec_date_is_set (&latest_past))
    return;
  for (guint i = 0; i < c->communications->len; i++)
    {
      RecCommunication *item = g_ptr_array_index (c->communications, i);

      item->follow_up_done = rec_date_is_set (&item->follow_up)
                             && g_date_compare (&item->follow_up, &latest_past) < 0;
    }
}

static void
add_normal_steps (RecCaseData *c,
                  const GDate *start,
                  const GDate *today)
{
  GDate date, next;

  day_of_month (start, 10, 4, &date);
  add_step (c, REC_REMEDY_DELINQUENCY_NOTICE, REC_STATUS_CLOSED, &date, "",
            "Certified mail 7019 2280 0001 4471 2210", NULL,
            "Letter listing the past-due months; partly paid afterwards.");
  day_of_month (start, 23, 9, &date);
  add_step (c, REC_REMEDY_TAX_REFUND_INTERCEPT, REC_STATUS_GRANTED, &date, DCSS,
            "FTB offset 2291-44", NULL, "State refund intercepted once.");
  day_of_month (start, 24, 15, &date);
  next = *today;
  g_date_add_days (&next, 21);
  add_step (c, REC_REMEDY_CREDIT_REPORTING, REC_STATUS_REQUESTED, &date, DCSS, "", &next,
            "Agency sends notice to him before reporting.");
  day_of_month (start, 28, 18, &date);
  add_step (c, REC_REMEDY_WAGE_GARNISHMENT, REC_STATUS_IN_EFFECT, &date, DCSS,
            "Income Withholding Order, employer Bayline Logistics", NULL,
            "Current support withheld from each paycheck.");
  day_of_month (start, 26, 2, &date);
  add_step (c, REC_REMEDY_LICENSE_SUSPENSION, REC_STATUS_DENIED, &date, DCSS, "", NULL,
            "Not pursued while the wage withholding pays current support.");
  next = *today;
  g_date_add_days (&next, 30);
  add_step (c, REC_REMEDY_CONTEMPT, REC_STATUS_NOT_STARTED, NULL, "", "", &next,
            "Ask the family law facilitator about an Order to Show Cause (FL-410).");

  /* Steps dated after today are not part of the story yet. */
  for (guint i = c->enforcement->len; i > 0; i--)
    {
      RecEnforcementStep *step = g_ptr_array_index (c->enforcement, i - 1);

      if (rec_date_is_set (&step->date) && g_date_compare (&step->date, today) > 0)
        g_ptr_array_remove_index (c->enforcement, i - 1);
    }
}

static void
fill_normal (RecCaseData *c,
             const GDate *today)
{
  const int months = 35;
  GDate start;

  month_start (today, -months, &start);
  fill_info (c->info, &start, FALSE);
  add_child (c, "Lucia Marquez", today, 9, 5, 9);
  add_child (c, "Mateo Marquez", today, 6, 11, 27);
  add_normal_terms (c, &start);
  add_normal_charges (c, &start, today);
  add_normal_payments (c, &start, today, months);
  add_normal_contacts (c, &start, today);
  keep_up_follow_ups (c, today);
  add_normal_steps (c, &start, today);
}

/* The large demo */

static const RecCents large_weekly[] = { 21000, 24500, 23000, 27500, 26000 };

static void
add_large_terms (RecCaseData *c,
                 const GDate *start,
                 const GDate *today)
{
  int n = G_N_ELEMENTS (large_weekly);
  int days = g_date_days_between (start, today);
  GDate effective = *start;
  RecTerm *term;

  for (int i = 0; i < n; i++)
    {
      GDate end = *start;

      /* Each order lasts a whole number of weeks, so the weekday stays. */
      g_date_add_days (&end, (days * (i + 1) / n) / 7 * 7 - 1);
      term = add_term (c, REC_TERM_KIND_CHILD_SUPPORT, REC_FREQUENCY_WEEKLY, large_weekly[i],
                       &effective, i + 1 < n ? &end : NULL,
                       i == 0 ? "Judgment of Dissolution" : "Order after modification hearing");
      effective = end;
      g_date_add_days (&effective, 1);
    }

  term = add_term (c, REC_TERM_KIND_MEDICAL_SUPPORT, REC_FREQUENCY_WEEKLY, 2000, start, NULL,
                   "Judgment of Dissolution");
  rec_set_str (&term->notes, "Health insurance premium share.");
}

/* 20 000 payments spread evenly over the years, each a small share of a
 * week's support (wage withholding remitted every pay run). */
static void
add_large_payments (RecCaseData *c,
                    GRand       *rand,
                    const GDate *start,
                    const GDate *today)
{
  int days = g_date_days_between (start, today);
  int n = REC_DEMO_LARGE_PAYMENTS;

  for (int i = 0; i < n; i++)
    {
      GDate date = *start;
      int term = MIN ((int) G_N_ELEMENTS (large_weekly) - 1,
                      i * (int) G_N_ELEMENTS (large_weekly) / n);
      RecCents weekly = large_weekly[term] + 2000;
      /* A week's support shared over the payments of a week, 70–105 % of it. */
      RecCents amount = weekly * (days / 7) * g_rand_int_range (rand, 70, 106) / ((RecCents) n * 100);

      g_date_add_days (&date, (int) ((gint64) days * i / n));
      add_payment (c, &date, MAX (amount, 100),
                   i % 11 == 0 ? REC_PAYMENT_METHOD_CHECK : REC_PAYMENT_METHOD_WAGE_WITHHOLDING,
                   "", "");
    }
}

static void
add_large_contacts (RecCaseData *c,
                    GRand       *rand,
                    const GDate *start,
                    const GDate *today)
{
  int days = g_date_days_between (start, today);

  for (int i = 0; i < REC_DEMO_LARGE_COMMUNICATIONS; i++)
    {
      const DemoContact *k = &contacts[g_rand_int_range (rand, 0, G_N_ELEMENTS (contacts))];
      GDate date = *start;

      g_date_add_days (&date, (int) ((gint64) days * i / REC_DEMO_LARGE_COMMUNICATIONS));
      add_communication (c, &date, g_rand_int_range (rand, 8 * 60, 21 * 60), k->channel,
                         k->direction, k->with, k->subject, k->summary, k->follow_up_days);
    }
}

static void
fill_large (RecCaseData *c,
            const GDate *today)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  GDate start, date;

  month_start (today, -12 * REC_DEMO_LARGE_YEARS, &start);
  while (g_date_get_weekday (&start) != G_DATE_FRIDAY)
    g_date_add_days (&start, 1);

  fill_info (c->info, &start, TRUE);
  add_child (c, "Lucia Marquez", today, 17, 5, 9);
  add_child (c, "Mateo Marquez", today, 15, 11, 27);
  add_large_terms (c, &start, today);
  for (int year = 1; year < REC_DEMO_LARGE_YEARS; year += 3)
    {
      day_of_month (&start, 12 * year + 4, 10, &date);
      add_charge (c, &date, 25000 + 1000 * year, "Half of medical expenses", TRUE);
    }
  add_large_payments (c, rand, &start, today);
  add_large_contacts (c, rand, &start, today);
  keep_up_follow_ups (c, today);
  add_normal_steps (c, &start, today);
}

RecCaseData *
rec_demo_case_new (const GDate *today,
                   gboolean     large)
{
  RecCaseData *c;

  g_return_val_if_fail (rec_date_is_set (today), NULL);

  c = rec_case_data_new ();
  if (large)
    fill_large (c, today);
  else
    fill_normal (c, today);
  return c;
}
