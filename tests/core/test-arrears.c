/* test-arrears.c — the arrears engine, one table row per rule of spec/arrears.md
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected figure is worked out by hand in the row's comment from the
 * spec's text, never copied from the engine's output.
 */
#include "config.h"

#include "arrears-fixture.h"
#include "rec-arrears-private.h"

#include <json-glib/json-glib.h>

typedef struct
{
  const char *name;
  const char *rules;                    /* edits of us-ca.ini (fx_rules), or NULL */
  const char *terms, *charges, *payments, *overrides;
  gboolean    agency, public_assistance;
  const char *as_of;
  /* expected */
  const char *principal_due, *paid, *principal_paid, *interest_paid, *credit;
  const char *principal_balance, *interest_accrued, *interest_balance;
  const char *oldest;                   /* NULL: nothing unpaid */
  int         days;
  const char *splits;                   /* per payment "current/interest/principal/credit"; NULL: not checked */
} Row;

#define MONTHLY "accrual=daily=>accrual=monthly"
#define MONTHLY_NEXT "accrual=daily=>accrual=monthly|starts=due_date=>starts=next_month"

static const Row rows[] = {
  /* spec §5 worked example: 500.00 on the 1st, Jan–Jun 2024, nothing paid,
   * as_of 2024-07-01. Days from each due date to Jul 1 (2024 is a leap year):
   * Jan 182, Feb 151, Mar 122, Apr 91, May 61, Jun 30 = 637.
   * 50000 × 0.10 × 637 / 365 = 8726.03 cents → 87.26. Oldest unpaid Jan 1,
   * 182 days before Jul 1. */
  { "worked example daily", NULL,
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, NULL, FALSE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "87.26", "87.26", "2024-01-01", 182, "" },
  /* Monthly accrual, starts=due_date: on each 1st F <= as_of, 500 × 10 % / 12 =
   * 4.1666… per installment whose start < F: Jan item charged Feb..Jul = 6,
   * Feb 5, Mar 4, Apr 3, May 2, Jun 1 = 21 → 21 × 4.1666… = 87.50. */
  { "worked example monthly", MONTHLY,
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, NULL, FALSE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "87.50", "87.50", "2024-01-01", 182, "" },
  /* Monthly, starts=next_month: Jan item starts Feb 1, charged Mar..Jul = 5,
   * then 4, 3, 2, 1, 0 = 15 → 15 × 4.1666… = 62.50. */
  { "worked example monthly next_month", MONTHLY_NEXT,
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, NULL, FALSE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "62.50", "62.50", "2024-01-01", 182, "" },
  /* The same through the agency keys (accrual_agency=monthly,
   * starts_agency=next_month, FC 17433.5): 62.50. */
  { "agency case", NULL,
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, NULL, TRUE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "62.50", "62.50", "2024-01-01", 182, "" },
  /* Allocation, CCP 695.221: 500.00 on the 1st, Jan and Feb 2024; 600.00 paid
   * Feb 10. Interest at Feb 10: Jan 1 item 40 days (Jan 1–Feb 9), Feb 1 item 9
   * days: 50000 × 0.10 × 49 / 365 = 671.23 cents → 6.71. Current (Feb 1) 500.00,
   * interest 6.71 (exact remainder forgiven), principal (Jan 1) 93.29 → 406.71
   * unpaid. Then 406.71 accrues Feb 10–14: 40671 × 0.10 × 5 / 365 = 55.71 cents
   * → 0.56. Accrued 671.23 + 55.71 = 726.95 cents → 7.27. 45 days since Jan 1. */
  { "current, interest, principal", NULL,
    "child_support 500.00 monthly 1 2024-01-01 2024-02-29", NULL, "2024-02-10 600.00", NULL,
    FALSE, FALSE, "2024-02-15",
    "1000.00", "600.00", "593.29", "6.71", "0.00", "406.71", "7.27", "0.56", "2024-01-01", 45,
    "500.00/6.71/93.29/0.00" },
  /* A payment that covers only part of the current month: 500.00 on the 1st of
   * Jan and Feb, 300.00 paid Feb 5 all goes to Feb 1 (current). Interest at Feb
   * 5: Jan 1 35 days + Feb 1 4 days = 39: 50000 × 0.10 × 39 / 365 = 534.25
   * cents → 5.34, untouched. 35 days since Jan 1. */
  { "partial current", NULL,
    "child_support 500.00 monthly 1 2024-01-01 2024-02-29", NULL, "2024-02-05 300.00", NULL,
    FALSE, FALSE, "2024-02-05",
    "1000.00", "300.00", "300.00", "0.00", "0.00", "700.00", "5.34", "5.34", "2024-01-01", 35,
    "300.00/0.00/0.00/0.00" },
  /* A payment covering only part of the interest: 1000.00 due Jan 1 2024, no
   * installment in March so nothing is current. Interest at Mar 1: 60 days,
   * 100000 × 0.10 × 60 / 365 = 1643.8356 cents → 16.44. 10.00 paid leaves
   * exactly 643.8356 cents → 6.44. */
  { "partial interest", NULL,
    "child_support 1000.00 monthly 1 2024-01-01 2024-01-31", NULL, "2024-03-01 10.00", NULL,
    FALSE, FALSE, "2024-03-01",
    "1000.00", "10.00", "0.00", "10.00", "0.00", "1000.00", "16.44", "6.44", "2024-01-01", 60,
    "0.00/10.00/0.00/0.00" },
  /* The same, then 6.44 (the whole rounded balance of 643.8356 cents: it
   * becomes exactly 0, not −0.16 cents), then 0.01 (interest rounds to 0.00:
   * all to principal). On Mar 1 999.99 accrues one day: 99999 × 0.10 / 365 =
   * 27.397 cents → 0.27. Accrued 1643.8356 + 27.397 = 1671.23 cents → 16.71. */
  { "interest covered exactly, sub-cent forgiven", NULL,
    "child_support 1000.00 monthly 1 2024-01-01 2024-01-31", NULL,
    "2024-03-01 10.00; 2024-03-01 6.44; 2024-03-01 0.01", NULL,
    FALSE, FALSE, "2024-03-02",
    "1000.00", "16.45", "0.01", "16.44", "0.00", "999.99", "16.71", "0.27", "2024-01-01", 61,
    "0.00/10.00/0.00/0.00; 0.00/6.44/0.00/0.00; 0.00/0.00/0.01/0.00" },
  /* Prepayment: 1200.00 paid Dec 20 2023 with nothing due is all credit. It
   * covers Jan 1 (500) and Feb 1 (500) on their due dates and 200 of Mar 1;
   * 300.00 of Mar 1 accrues Mar 1–14: 30000 × 0.10 × 14 / 365 = 115.07 cents
   * → 1.15. Credit used up. */
  { "prepayment credit applied on due dates", NULL,
    "child_support 500.00 monthly 1 2024-01-01", NULL, "2023-12-20 1200.00", NULL,
    FALSE, FALSE, "2024-03-15",
    "1500.00", "1200.00", "1200.00", "0.00", "0.00", "300.00", "1.15", "1.15", "2024-03-01", 14,
    "0.00/0.00/0.00/1200.00" },
  /* 2000.00 prepaid: 1500.00 of it applied, 500.00 credit left, nothing unpaid,
   * no interest. */
  { "credit left over", NULL,
    "child_support 500.00 monthly 1 2024-01-01", NULL, "2023-12-20 2000.00", NULL,
    FALSE, FALSE, "2024-03-15",
    "1500.00", "2000.00", "1500.00", "0.00", "500.00", "0.00", "0.00", "0.00", NULL, 0,
    "0.00/0.00/0.00/2000.00" },
  /* Credit is applied before the day's payments: 300.00 credit covers 300 of
   * Jan 1; the 250.00 paid Jan 1 pays the other 200 as current and 50 becomes
   * credit. No day of interest (paid on its due date). */
  { "credit before same-day payment", NULL,
    "child_support 500.00 monthly 1 2024-01-01 2024-02-29", NULL,
    "2023-12-31 300.00; 2024-01-01 250.00", NULL, FALSE, FALSE, "2024-01-10",
    "500.00", "550.00", "500.00", "0.00", "50.00", "0.00", "0.00", "0.00", NULL, 0,
    "0.00/0.00/0.00/300.00; 200.00/0.00/0.00/50.00" },
  /* Charges: 1000.00 not interest bearing and 365.00 bearing, both Jan 1 2024;
   * 31 days: 36500 × 0.10 × 31 / 365 = 310 cents = 3.10. */
  { "non-interest-bearing charge", NULL, NULL,
    "2024-01-01 1000.00 noint; 2024-01-01 365.00", NULL, NULL, FALSE, FALSE, "2024-02-01",
    "1365.00", "0.00", "0.00", "0.00", "0.00", "1365.00", "3.10", "3.10", "2024-01-01", 31, "" },
  /* Current is installments only: 500.00 due Mar 1, charge 200.00 Mar 5, 600.00
   * paid Mar 10. Current 500; interest Mar 1 item 9 days 123.29 cents + charge 5
   * days 27.40 cents = 150.68 → 1.51; principal 98.49 to the charge → 101.51. */
  { "charge is not current", NULL,
    "child_support 500.00 monthly 1 2024-03-01 2024-03-31", "2024-03-05 200.00",
    "2024-03-10 600.00", NULL, FALSE, FALSE, "2024-03-10",
    "700.00", "600.00", "598.49", "1.51", "0.00", "101.51", "1.51", "0.00", "2024-03-05", 5,
    "500.00/1.51/98.49/0.00" },
  /* Semimonthly 300.00 on the 1st and 15th; 400.00 paid Feb 10. Current: Feb 1
   * only (Feb 15 not yet due). Interest: Jan 1 40 days, Jan 15 26 days, Feb 1 9
   * days = 75: 30000 × 0.10 × 75 / 365 = 616.44 cents → 6.16; principal 93.84 to
   * Jan 1. Owed: 206.16 (Jan 1) + 300 (Jan 15). */
  { "current is this month up to the payment", NULL,
    "child_support 300.00 semimonthly 1,15 2024-01-01", NULL, "2024-02-10 400.00", NULL,
    FALSE, FALSE, "2024-02-10",
    "900.00", "400.00", "393.84", "6.16", "0.00", "506.16", "6.16", "0.00", "2024-01-01", 40,
    "300.00/6.16/93.84/0.00" },
  /* SCRA override 6 % Jan 11–20 on 1000.00 due Jan 1 2024, as_of Feb 1: rate-days
   * 10 × 10 % + 10 × 6 % + 11 × 10 % = 27000 basis-point days;
   * 100000 × 27000 / 3 650 000 = 739.73 cents → 7.40. */
  { "SCRA override", NULL,
    "child_support 1000.00 monthly 1 2024-01-01 2024-01-31", NULL, NULL,
    "2024-01-11 2024-01-20 6", FALSE, FALSE, "2024-02-01",
    "1000.00", "0.00", "0.00", "0.00", "0.00", "1000.00", "7.40", "7.40", "2024-01-01", 31, "" },
  /* Agency, monthly at rate (F − 1): 1000.00 due Jan 1 starts Feb 1; charged Mar
   * 1 at the override's 6 % (Feb 29): 100000 × 0.06 / 12 = 500 cents; Apr 1 at
   * 10 %: 833.33 cents. 1333.33 → 13.33. */
  { "agency monthly with override", NULL,
    "child_support 1000.00 monthly 1 2024-01-01 2024-01-31", NULL, NULL,
    "2024-02-01 2024-02-29 6", TRUE, FALSE, "2024-04-01",
    "1000.00", "0.00", "0.00", "0.00", "0.00", "1000.00", "13.33", "13.33", "2024-01-01", 91, "" },
  /* Agency, next_month: 600.00 due Jan 15 starts Feb 1; 100.00 paid Feb 20 (no
   * installment in Feb, no interest yet) goes to principal. Mar 1 and Apr 1 each
   * charge 50000 × 0.10 / 12 = 416.67 cents: 833.33 → 8.33. Jan 15 → Apr 1 = 77. */
  { "agency next_month with payment", NULL,
    "child_support 600.00 monthly 15 2024-01-01 2024-01-31", NULL, "2024-02-20 100.00", NULL,
    TRUE, FALSE, "2024-04-01",
    "600.00", "100.00", "100.00", "0.00", "0.00", "500.00", "8.33", "8.33", "2024-01-15", 77,
    "0.00/0.00/100.00/0.00" },
  /* Monthly accrual: the month's interest is charged on the 1st before that
   * day's payments. 1200.00 due Jan 1: Feb 1 charges 120000 × 0.10 / 12 = 10.00,
   * paid that day; Mar 1 charges 10.00 more. */
  { "monthly charge before same-day payment", MONTHLY,
    "child_support 1200.00 monthly 1 2024-01-01 2024-01-31", NULL, "2024-02-01 10.00", NULL,
    FALSE, FALSE, "2024-03-01",
    "1200.00", "10.00", "0.00", "10.00", "0.00", "1200.00", "20.00", "10.00", "2024-01-01", 60,
    "0.00/10.00/0.00/0.00" },
  /* 30 years of 999 999 999.99 (the largest amount): the numerator
   * 99999999999 × 1000 × 10958 days × 12 exceeds 2^63. 10958 days from
   * 2000-01-01 to 2030-01-01; 99999999999 × 1000 × 10958 / 3 650 000 =
   * 300219178079.19 cents → 3002191780.79. */
  { "largest amount over 30 years", NULL, NULL, "2000-01-01 999999999.99", NULL, NULL,
    FALSE, FALSE, "2030-01-01",
    "999999999.99", "0.00", "0.00", "0.00", "0.00", "999999999.99", "3002191780.79",
    "3002191780.79", "2000-01-01", 10958, "" },
  /* Payments after as_of and installments due after it do not count; a payment
   * on as_of does. 500.00 due Jan 1, 500.00 paid Jan 1 (current), another on Feb
   * 2 after as_of Feb 1 (when the Feb 1 installment is due and unpaid, 0 days). */
  { "as_of bounds", NULL,
    "child_support 500.00 monthly 1 2024-01-01", NULL, "2024-01-01 500.00; 2024-02-02 500.00",
    NULL, FALSE, FALSE, "2024-02-01",
    "1000.00", "500.00", "500.00", "0.00", "0.00", "500.00", "0.00", "0.00", "2024-02-01", 0,
    "500.00/0.00/0.00/0.00" },
  /* Rules v2 (spec §9). starts=after_days:30: 500.00 due Jan 1 2024 starts
   * to accrue Jan 31; to as_of Mar 1 that is Jan 31 + Feb 1–29 = 30 days:
   * 50000 × 0.10 × 30 / 365 = 410.96 cents → 4.11. 60 days since Jan 1. */
  { "starts after_days:30", "starts=due_date=>starts=after_days:30",
    "child_support 500.00 monthly 1 2024-01-01 2024-01-31", NULL, NULL, NULL, FALSE, FALSE, "2024-03-01",
    "500.00", "0.00", "0.00", "0.00", "0.00", "500.00", "4.11", "4.11", "2024-01-01", 60, "" },
  /* starts_agency=after_days:10 (agency case, accrual_agency monthly): Jan 1's
   * 500.00 starts Jan 11, so it is charged on Feb 1, Mar 1 (start < F), Feb 1's
   * starts Feb 11: charged Mar 1. 3 × 500 × 10 % / 12 = 3 × 416.67 = 1250
   * cents = 12.50 at as_of Mar 1 (Mar 1's own installment not yet started). */
  { "starts_agency after_days:10", "starts_agency=next_month=>starts_agency=after_days:10",
    "child_support 500.00 monthly 1 2024-01-01 2024-03-31", NULL, NULL, NULL, TRUE, FALSE, "2024-03-01",
    "1500.00", "0.00", "0.00", "0.00", "0.00", "1500.00", "12.50", "12.50", "2024-01-01", 60, "" },
  /* rate_percent_agency=5 for the agency case of the worked example
   * (monthly, next_month): 15 month-charges of 500 × 5 % / 12 = 208.33 cents
   * → 3125 cents = 31.25 (62.50 at California's 10 %). */
  { "rate_percent_agency", "interest_on=all=>interest_on=all\nrate_percent_agency=5",
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, NULL, TRUE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "31.25", "31.25", "2024-01-01", 182, "" },
  /* ...but an interest override still wins on its days: 0 % from Jan 1 to
   * Mar 31 2024. A month-charge on F uses the rate of F − 1, and counts the
   * items whose start (the 1st of the next month) is < F: Mar 1 (Jan item) and
   * Apr 1 (Jan, Feb) are at 0 %; May 1 3 items, Jun 1 4, Jul 1 5 = 12 charges
   * of 208.33 cents = 2500 cents = 25.00. */
  { "rate_percent_agency, override wins", "interest_on=all=>interest_on=all\nrate_percent_agency=5",
    "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, "2024-01-01 2024-03-31 0",
    TRUE, FALSE, "2024-07-01",
    "3000.00", "0.00", "0.00", "0.00", "0.00", "3000.00", "25.00", "25.00", "2024-01-01", 182, "" },
  /* interest_on=above_one_month, daily: 500.00 a month, M = 500.00. Jan 1–31
   * P = 500: base 0. Feb 1–29 P = 1000: base 500, 29 days: 50000 × 0.10 × 29
   * / 365 = 397.26 cents → 3.97. Mar 1 is as_of (not counted). */
  { "above_one_month daily", "interest_on=all=>interest_on=above_one_month",
    "child_support 500.00 monthly 1 2024-01-01", NULL, NULL, NULL, FALSE, FALSE, "2024-03-01",
    "1500.00", "0.00", "0.00", "0.00", "0.00", "1500.00", "3.97", "3.97", "2024-01-01", 60, "" },
  /* The same, monthly: Feb 1 P = 500 (Jan), base 0; Mar 1 P = 1000, base 500
   * → 416.67 cents; Apr 1 P = 1500, base 1000 → 833.33 cents; 1250 = 12.50. */
  { "above_one_month monthly", "interest_on=all=>interest_on=above_one_month|" MONTHLY,
    "child_support 500.00 monthly 1 2024-01-01", NULL, NULL, NULL, FALSE, FALSE, "2024-04-01",
    "2000.00", "0.00", "0.00", "0.00", "0.00", "2000.00", "12.50", "12.50", "2024-01-01", 91, "" },
  /* Monthly, M on F − 1: weekly 100.00 from Mon Jan 1 2024 to Jan 29 (5
   * installments, 500.00), M = 100 × 52 / 12 = 433.33 (half-up of 433.333…)
   * while in force. Feb 1: P = 500 at the end of Jan 31, but M of Jan 31 is 0
   * (the term ended Jan 29): base 500 → 416.67 cents. Mar 1: base 500 again →
   * 833.33 cents → 8.33 (M is 0 once no term is in force). */
  { "above_one_month monthly, M on F - 1", "interest_on=all=>interest_on=above_one_month|" MONTHLY,
    "child_support 100.00 weekly - 2024-01-01 2024-01-29", NULL, NULL, NULL, FALSE, FALSE, "2024-03-01",
    "500.00", "0.00", "0.00", "0.00", "0.00", "500.00", "8.33", "8.33", "2024-01-01", 60, "" },
  /* M is taken on F − 1: child 500.00 for January only, spousal 300.00 from
   * Feb 1. The Feb 1 charge: P = 500 (Jan item) at the end of Jan 31, M of
   * Jan 31 = 500 → base 0 → 0.00 (with M of Feb 1 = 300 it would be 200 ×
   * 10 % / 12 = 1.67). The Feb 1 spousal item has not started (start = F). */
  { "above_one_month monthly, M changes on F", "interest_on=all=>interest_on=above_one_month|" MONTHLY,
    "child_support 500.00 monthly 1 2024-01-01 2024-01-31; spousal_support 300.00 monthly 1 2024-02-01",
    NULL, NULL, NULL, FALSE, FALSE, "2024-02-01",
    "800.00", "0.00", "0.00", "0.00", "0.00", "800.00", "0.00", "0.00", "2024-01-01", 31, "" },
  /* Daily with the weekly term in force: weekly 100.00 from Jan 1 2024, no
   * end; M = 433.33. As of Jan 22 (Jan 1, 8, 15, 22 due): P 100 Jan 1–7, 200
   * Jan 8–14, 300 Jan 15–21: all <= 433.33, base 0 → 0.00. */
  { "above_one_month weekly under M", "interest_on=all=>interest_on=above_one_month",
    "child_support 100.00 weekly - 2024-01-01", NULL, NULL, NULL, FALSE, FALSE, "2024-01-22",
    "400.00", "0.00", "0.00", "0.00", "0.00", "400.00", "0.00", "0.00", "2024-01-01", 21, "" },
  /* ...and as of Feb 1: Jan 22–28 P = 400, base 0; Jan 29–31 P = 500, base
   * 500 − 433.33 = 66.67, 3 days: 6667 × 0.10 × 3 / 365 = 5.48 cents → 0.05. */
  { "above_one_month weekly over M", "interest_on=all=>interest_on=above_one_month",
    "child_support 100.00 weekly - 2024-01-01", NULL, NULL, NULL, FALSE, FALSE, "2024-02-01",
    "500.00", "0.00", "0.00", "0.00", "0.00", "500.00", "0.05", "0.05", "2024-01-01", 31, "" },
  /* order_tax_offset=interest;principal (California, 42 U.S.C. 664): the row
   * "current, interest, principal" with the 600.00 paid Feb 10 a tax offset.
   * Interest 6.71 as there; then principal oldest first: Jan 1 500.00, Feb 1
   * 93.29 → 406.71 of Feb 1 unpaid (not Jan 1's). 406.71 accrues Feb 10–14:
   * 0.56; accrued 7.27. The oldest unpaid is now Feb 1: 14 days, not 45. */
  { "tax offset goes to past-due support", NULL,
    "child_support 500.00 monthly 1 2024-01-01 2024-02-29", NULL, "2024-02-10 600.00 tax", NULL,
    FALSE, FALSE, "2024-02-15",
    "1000.00", "600.00", "593.29", "6.71", "0.00", "406.71", "7.27", "0.56", "2024-02-01", 14,
    "0.00/6.71/593.29/0.00" },
  /* Absent order_tax_offset, a tax offset follows `order`: as the v1 row. */
  { "tax offset without order_tax_offset", "order_tax_offset=interest;principal=>",
    "child_support 500.00 monthly 1 2024-01-01 2024-02-29", NULL, "2024-02-10 600.00 tax", NULL,
    FALSE, FALSE, "2024-02-15",
    "1000.00", "600.00", "593.29", "6.71", "0.00", "406.71", "7.27", "0.56", "2024-01-01", 45,
    "500.00/6.71/93.29/0.00" },
  /* order=current;principal;interest (Texas): 600.00 on Feb 10: current 500
   * (Feb 1), principal 100 (Jan 1), interest 0 left. Interest 6.71 stays;
   * then 400 (Jan 1) accrues Feb 10–14: 40000 × 0.10 × 5 / 365 = 54.79 cents;
   * accrued 671.23 + 54.79 = 726.03 → 7.26, balance 726.03 → 7.26. */
  { "principal before interest", "order=current;interest;principal;=>order=current;principal;interest",
    "child_support 500.00 monthly 1 2024-01-01 2024-02-29", NULL, "2024-02-10 600.00", NULL,
    FALSE, FALSE, "2024-02-15",
    "1000.00", "600.00", "600.00", "0.00", "0.00", "400.00", "7.26", "7.26", "2024-01-01", 45,
    "500.00/0.00/100.00/0.00" },
  /* Payments entered out of date order are processed by date: Jan 1 pays the
   * 500.00 due that day (current), Jan 20's 100.00 finds nothing owed: credit. */
  { "payments by date, not entry", NULL,
    "child_support 500.00 monthly 1 2024-01-01 2024-01-31", NULL, "2024-01-20 100.00; 2024-01-01 500.00",
    NULL, FALSE, FALSE, "2024-01-31",
    "500.00", "600.00", "500.00", "0.00", "100.00", "0.00", "0.00", "0.00", NULL, 0,
    "500.00/0.00/0.00/0.00; 0.00/0.00/0.00/100.00" },
};

static void
check_row (const Row *row)
{
  g_autoptr(RecRules) rules = fx_rules (row->rules);
  g_autoptr(RecCaseData) data = fx_case (row->terms, row->charges, row->payments, row->overrides,
                                         row->agency, row->public_assistance);
  GDate as_of = fx_date (row->as_of);
  g_autoptr(GError) error = NULL;
  g_autoptr(RecArrearsResult) r = rec_arrears_compute (data, rules, &as_of, &error);
  g_autoptr(GString) splits = g_string_new (NULL);
  RecCents sum;

  g_assert_no_error (error);
  g_assert_cmpint (r->principal_due_cents, ==, fx_cents (row->principal_due));
  g_assert_cmpint (r->paid_cents, ==, fx_cents (row->paid));
  g_assert_cmpint (r->principal_paid_cents, ==, fx_cents (row->principal_paid));
  g_assert_cmpint (r->interest_paid_cents, ==, fx_cents (row->interest_paid));
  g_assert_cmpint (r->credit_cents, ==, fx_cents (row->credit));
  g_assert_cmpint (r->principal_balance_cents, ==, fx_cents (row->principal_balance));
  g_assert_cmpint (r->interest_accrued_cents, ==, fx_cents (row->interest_accrued));
  g_assert_cmpint (r->interest_balance_cents, ==, fx_cents (row->interest_balance));
  g_assert_cmpint (r->days_delinquent, ==, row->days);
  if (row->oldest == NULL)
    g_assert_false (rec_date_is_set (&r->oldest_unpaid_due));
  else
    {
      GDate oldest = fx_date (row->oldest);

      g_assert_true (rec_date_is_set (&r->oldest_unpaid_due));
      g_assert_cmpint (g_date_compare (&r->oldest_unpaid_due, &oldest), ==, 0);
    }

  /* The identities of spec §8, on every row. */
  g_assert_cmpint (r->paid_cents, ==,
                   r->principal_paid_cents + r->interest_paid_cents + r->credit_cents);
  g_assert_cmpint (r->principal_balance_cents, ==, r->principal_due_cents - r->principal_paid_cents);
  g_assert_cmpint (r->total_balance_cents, ==, r->principal_balance_cents + r->interest_balance_cents);
  /* The histories per kind reconcile with the merged one (spec §11). */
  fx_check_kind_histories (r);

  for (guint i = 0; i < r->ledger->len; i++)
    {
      const RecLedgerLine *line = &g_array_index (r->ledger, RecLedgerLine, i);
      g_autofree char *c = NULL, *n = NULL, *p = NULL, *k = NULL;

      if (line->kind != REC_LEDGER_PAYMENT)
        continue;
      sum = line->to_current_cents + line->to_interest_cents + line->to_principal_cents
            + line->to_credit_cents;
      g_assert_cmpint (sum, ==, line->amount_cents);
      c = rec_cents_to_string (line->to_current_cents);
      n = rec_cents_to_string (line->to_interest_cents);
      p = rec_cents_to_string (line->to_principal_cents);
      k = rec_cents_to_string (line->to_credit_cents);
      g_string_append_printf (splits, "%s%s/%s/%s/%s", splits->len ? "; " : "", c, n, p, k);
    }
  if (row->splits != NULL)
    g_assert_cmpstr (splits->str, ==, row->splits);
}

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("row %u: %s", i, rows[i].name);
      check_row (&rows[i]);
    }
}

static RecArrearsResult *
compute (const char *rules_edits,
         const char *terms,
         const char *charges,
         const char *payments,
         gboolean    public_assistance,
         const char *as_of_text)
{
  g_autoptr(RecRules) rules = fx_rules (rules_edits);
  g_autoptr(RecCaseData) data = fx_case (terms, charges, payments, NULL, FALSE, public_assistance);
  GDate as_of = fx_date (as_of_text);
  g_autoptr(GError) error = NULL;
  RecArrearsResult *result = rec_arrears_compute (data, rules, &as_of, &error);

  g_assert_no_error (error);
  /* The ledger borrows from data; the tables below only read dates and amounts. */
  return result;
}

typedef struct
{
  const char *name;
  const char *terms, *charges;
  const char *as_of;
  const char *expect;   /* "DATE AMOUNT WHAT, …" in processing order */
} ScheduleRow;

static const ScheduleRow schedule_rows[] = {
  /* due_day 31: February's last day (29 in 2024), 30-day months their 30th. */
  { "due_day 31 in 2024", "child_support 100.00 monthly 31 2024-01-01 2024-06-30", NULL, "2024-12-31",
    "2024-01-31 100.00 child_support, 2024-02-29 100.00 child_support, 2024-03-31 100.00 child_support, "
    "2024-04-30 100.00 child_support, 2024-05-31 100.00 child_support, 2024-06-30 100.00 child_support" },
  { "due_day 31 in 2023", "child_support 100.00 monthly 31 2023-01-15 2023-04-30", NULL, "2023-12-31",
    "2023-01-31 100.00 child_support, 2023-02-28 100.00 child_support, 2023-03-31 100.00 child_support, "
    "2023-04-30 100.00 child_support" },
  { "due_day 30", "child_support 100.00 monthly 30 2023-01-30 2023-03-31", NULL, "2023-12-31",
    "2023-01-30 100.00 child_support, 2023-02-28 100.00 child_support, 2023-03-30 100.00 child_support" },
  /* FC 5204: no due day means the last day of the month. */
  { "last", "child_support 100.00 monthly last 2023-11-10 2024-02-29", NULL, "2024-12-31",
    "2023-11-30 100.00 child_support, 2023-12-31 100.00 child_support, 2024-01-31 100.00 child_support, "
    "2024-02-29 100.00 child_support" },
  { "default due day is last", "child_support 100.00 monthly - 2024-01-10 2024-02-29", NULL, "2024-12-31",
    "2024-01-31 100.00 child_support, 2024-02-29 100.00 child_support" },
  /* The first installment is the first due date on or after effective. */
  { "first on or after effective", "child_support 100.00 monthly 1 2024-01-15", NULL, "2024-04-01",
    "2024-02-01 100.00 child_support, 2024-03-01 100.00 child_support, 2024-04-01 100.00 child_support" },
  { "semimonthly default 1 and 15", "child_support 100.00 semimonthly - 2024-01-10", NULL, "2024-02-29",
    "2024-01-15 100.00 child_support, 2024-02-01 100.00 child_support, 2024-02-15 100.00 child_support" },
  { "semimonthly 5 and 20", "child_support 100.00 semimonthly 5,20 2024-01-01 2024-02-29", NULL, "2024-12-31",
    "2024-01-05 100.00 child_support, 2024-01-20 100.00 child_support, 2024-02-05 100.00 child_support, "
    "2024-02-20 100.00 child_support" },
  { "semimonthly 31 and 15, clamped", "child_support 100.00 semimonthly 31,15 2023-02-01 2023-03-31", NULL,
    "2023-12-31",
    "2023-02-15 100.00 child_support, 2023-02-28 100.00 child_support, 2023-03-15 100.00 child_support, "
    "2023-03-31 100.00 child_support" },
  /* Weekly and biweekly count from the effective date (a Wednesday, a Friday). */
  { "weekly", "child_support 100.00 weekly - 2024-01-03", NULL, "2024-01-31",
    "2024-01-03 100.00 child_support, 2024-01-10 100.00 child_support, 2024-01-17 100.00 child_support, "
    "2024-01-24 100.00 child_support, 2024-01-31 100.00 child_support" },
  { "biweekly", "child_support 100.00 biweekly - 2024-01-05 2024-03-01", NULL, "2024-12-31",
    "2024-01-05 100.00 child_support, 2024-01-19 100.00 child_support, 2024-02-02 100.00 child_support, "
    "2024-02-16 100.00 child_support, 2024-03-01 100.00 child_support" },
  /* A modification mid-month: the first term ends Mar 9, the day before. */
  { "modification mid-month",
    "child_support 500.00 monthly 1 2024-01-01; child_support 600.00 monthly 15 2024-03-10", NULL,
    "2024-05-31",
    "2024-01-01 500.00 child_support, 2024-02-01 500.00 child_support, 2024-03-01 500.00 child_support, "
    "2024-03-15 600.00 child_support, 2024-04-15 600.00 child_support, 2024-05-15 600.00 child_support" },
  /* "Next" is by effective date, not by entry order. */
  { "modification entered first",
    "child_support 600.00 monthly 1 2024-03-01; child_support 500.00 monthly 1 2024-01-01", NULL,
    "2024-04-01",
    "2024-01-01 500.00 child_support, 2024-02-01 500.00 child_support, 2024-03-01 600.00 child_support, "
    "2024-04-01 600.00 child_support" },
  /* The earlier of the term's end and the day before the next effective date. */
  { "end before the next term",
    "child_support 500.00 monthly 1 2024-01-01 2024-01-31; child_support 600.00 monthly 1 2024-03-01", NULL,
    "2024-03-31",
    "2024-01-01 500.00 child_support, 2024-03-01 600.00 child_support" },
  { "term end", "child_support 500.00 monthly 1 2024-01-01 2024-02-15", NULL, "2024-06-01",
    "2024-01-01 500.00 child_support, 2024-02-01 500.00 child_support" },
  /* Two kinds side by side; on one date by kind (child before spousal) however
   * entered; installments before charges, charges in entry order. */
  { "two kinds and charges",
    "spousal_support 300.00 monthly 1 2024-02-01; child_support 500.00 monthly 1 2024-01-01",
    "2024-02-01 20.00; 2024-02-01 10.00", "2024-03-01",
    "2024-01-01 500.00 child_support, 2024-02-01 500.00 child_support, 2024-02-01 300.00 spousal_support, "
    "2024-02-01 20.00 charge, 2024-02-01 10.00 charge, 2024-03-01 500.00 child_support, "
    "2024-03-01 300.00 spousal_support" },
};

static void
test_schedule (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (schedule_rows); i++)
    {
      const ScheduleRow *row = &schedule_rows[i];
      g_autoptr(RecArrearsResult) r = NULL;
      g_autoptr(GString) got = g_string_new (NULL);

      g_test_message ("schedule row %u: %s", i, row->name);
      r = compute (NULL, row->terms, row->charges, NULL, FALSE, row->as_of);
      for (guint l = 0; l < r->ledger->len; l++)
        {
          const RecLedgerLine *line = &g_array_index (r->ledger, RecLedgerLine, l);
          g_autofree char *date = rec_date_to_iso (&line->date);
          g_autofree char *amount = rec_cents_to_string (line->amount_cents);

          g_string_append_printf (got, "%s%s %s %s", l ? ", " : "", date, amount,
                                  line->kind == REC_LEDGER_CHARGE ? "charge"
                                  : rec_term_kind_to_word (line->term_kind));
        }
      g_assert_cmpstr (got->str, ==, row->expect);
    }
}

typedef struct
{
  const char *name;
  const char *terms, *charges, *payments;
  const char *as_of;
  const char *expect;   /* "YYYY-MM due unpaid; …" */
} ContemptRow;

static const ContemptRow contempt_rows[] = {
  /* CCP 1218.5, 3 years: as_of 2027-03-15, limit 2024-03-15. Feb 2024 (latest
   * unpaid Feb 15) is barred; Mar 15 is exactly 3 years: a count. */
  { "exactly three years", "child_support 500.00 monthly 15 2024-02-01 2024-04-30", NULL, NULL,
    "2027-03-15", "2024-03 500.00 500.00; 2024-04 500.00 500.00" },
  { "one day later", "child_support 500.00 monthly 15 2024-02-01 2024-04-30", NULL, NULL,
    "2027-03-16", "2024-04 500.00 500.00" },
  /* as_of Feb 29 2028: minus 3 years is Feb 28 2025, so Feb 28 2025 counts. */
  { "Feb 29", "child_support 500.00 monthly last 2025-01-01 2025-03-31", NULL, NULL,
    "2028-02-29", "2025-02 500.00 500.00; 2025-03 500.00 500.00" },
  /* Partly paid months count with what is unpaid; paid months and months with
   * only charges do not. 700.00 on Feb 10: Feb 1 current 500, interest 6.71
   * (Jan 1 40 days 547.95 + Feb 1 9 days 123.29 cents), Jan 1 gets 193.29. */
  { "partial and charges", "child_support 500.00 monthly 1 2024-01-01 2024-03-31", "2024-04-10 300.00",
    "2024-02-10 700.00", "2024-05-01", "2024-01 500.00 306.71; 2024-03 500.00 500.00" },
  /* A month's latest unpaid due date decides: weekly 100.00 from Wed Jan 3 2024;
   * 250.00 paid Jan 31 is current (Jan 3, Jan 10, half of Jan 17), so Jan's
   * latest unpaid date is Jan 31. as_of 2027-01-25: limit 2024-01-25 — Jan 2024
   * counts (due 500, unpaid 250), Feb 2024 (7, 14, 21, 28) too. */
  { "latest unpaid date of the month", "child_support 100.00 weekly - 2024-01-03 2024-02-29", NULL,
    "2024-01-31 250.00", "2027-01-25", "2024-01 500.00 250.00; 2024-02 400.00 400.00" },
  { "nothing unpaid", "child_support 100.00 monthly 1 2024-01-01 2024-01-31", NULL, "2024-01-01 100.00",
    "2024-06-01", "" },
};

static void
test_contempt (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (contempt_rows); i++)
    {
      const ContemptRow *row = &contempt_rows[i];
      g_autoptr(RecArrearsResult) r = NULL;
      g_autoptr(GString) got = g_string_new (NULL);

      g_test_message ("contempt row %u: %s", i, row->name);
      r = compute (NULL, row->terms, row->charges, row->payments, FALSE, row->as_of);
      for (guint c = 0; c < r->contempt_counts->len; c++)
        {
          const RecContemptCount *count = &g_array_index (r->contempt_counts, RecContemptCount, c);
          g_autofree char *due = rec_cents_to_string (count->due_cents);
          g_autofree char *unpaid = rec_cents_to_string (count->unpaid_cents);

          g_string_append_printf (got, "%s%04d-%02d %s %s", c ? "; " : "", count->year, count->month,
                                  due, unpaid);
        }
      g_assert_cmpstr (got->str, ==, row->expect);
    }
}

typedef struct
{
  const char *name;
  const char *terms, *charges, *payments;
  const char *as_of;
  const char *expect;   /* "YEAR ordered/paid: M ordered/paid, …; …" */
} HistoryRow;

static const HistoryRow history_rows[] = {
  /* Months with nothing due or paid are listed; the last is as_of's month. */
  { "months with nothing", "child_support 500.00 monthly 1 2024-01-01 2024-01-31", NULL,
    "2024-03-10 100.00", "2024-04-15",
    "2024 500.00/100.00: 1 500.00/0.00, 2 0.00/0.00, 3 0.00/100.00, 4 0.00/0.00" },
  /* A payment before the first due date starts the history; years are grouped. */
  { "first payment earlier, two years", "child_support 500.00 monthly 1 2024-01-01 2024-01-31",
    "2024-02-05 25.00", "2023-11-20 50.00; 2024-02-09 10.00; 2024-03-01 99.00", "2024-02-10",
    "2023 0.00/50.00: 11 0.00/50.00, 12 0.00/0.00; 2024 525.00/10.00: 1 500.00/0.00, 2 25.00/10.00" },
  { "nothing at all", NULL, NULL, NULL, "2024-02-10", "" },
};

static void
test_history (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (history_rows); i++)
    {
      const HistoryRow *row = &history_rows[i];
      g_autoptr(RecArrearsResult) r = NULL;
      g_autoptr(GString) got = g_string_new (NULL);
      guint n_months = 0;

      g_test_message ("history row %u: %s", i, row->name);
      r = compute (NULL, row->terms, row->charges, row->payments, FALSE, row->as_of);
      for (guint y = 0; y < r->history->len; y++)
        {
          const RecHistoryYear *year = &g_array_index (r->history, RecHistoryYear, y);
          g_autofree char *ordered = rec_cents_to_string (year->ordered_cents);
          g_autofree char *paid = rec_cents_to_string (year->paid_cents);

          g_string_append_printf (got, "%s%d %s/%s:", y ? "; " : "", year->year, ordered, paid);
          for (int m = 0; m < year->n_months; m++)
            {
              g_autofree char *mo = rec_cents_to_string (year->months[m].ordered_cents);
              g_autofree char *mp = rec_cents_to_string (year->months[m].paid_cents);

              g_string_append_printf (got, "%s %d %s/%s", m ? "," : "", year->months[m].month, mo, mp);
              n_months++;
            }
        }
      g_assert_cmpstr (got->str, ==, row->expect);
      fx_check_kind_histories (r);

      /* One balance point per history month, the last one the result's. */
      g_assert_cmpuint (r->balance_points->len, ==, n_months);
      if (n_months > 0)
        {
          const RecBalancePoint *last = &g_array_index (r->balance_points, RecBalancePoint, n_months - 1);

          g_assert_cmpint (last->principal_balance_cents, ==, r->principal_balance_cents);
          g_assert_cmpint (last->interest_balance_cents, ==, r->interest_balance_cents);
        }
    }
}

/* Balance points at each month's end: 500.00 due Jan 1 2024, unpaid. End of
 * Jan: 31 days, 50000 × 0.10 × 31 / 365 = 424.66 cents → 4.25; end of Feb: 60
 * days → 821.92 cents → 8.22; as_of Mar 10: 69 days → 945.21 cents → 9.45. */
static void
test_balance_points (void)
{
  g_autoptr(RecArrearsResult) r =
    compute (NULL, "child_support 500.00 monthly 1 2024-01-01 2024-01-31", NULL, NULL, FALSE, "2024-03-10");
  const RecCents expect[] = { 425, 822, 945 };

  g_assert_cmpuint (r->balance_points->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const RecBalancePoint *point = &g_array_index (r->balance_points, RecBalancePoint, i);

      g_assert_cmpint (point->year, ==, 2024);
      g_assert_cmpint (point->month, ==, (int) i + 1);
      g_assert_cmpint (point->principal_balance_cents, ==, 50000);
      g_assert_cmpint (point->interest_balance_cents, ==, expect[i]);
    }
}

/* Ledger lines carry the balances after each event. 500.00 due Jan 1 and Feb
 * 1 2024, 600.00 paid Feb 10: after Jan 1, 500.00 and no interest; after Feb 1,
 * 1000.00 and 31 days on 500.00 = 424.66 cents → 4.25; after the payment
 * (500.00 current, 6.71 interest, 93.29 principal) 406.71 and 0.00. */
static void
test_ledger (void)
{
  g_autoptr(RecArrearsResult) r =
    compute (NULL, "child_support 500.00 monthly 1 2024-01-01 2024-02-29", NULL, "2024-02-10 600.00",
             FALSE, "2024-02-15");
  const struct { RecLedgerKind kind; const char *date; RecCents amount, principal, interest; } expect[] = {
    { REC_LEDGER_INSTALLMENT, "2024-01-01", 50000, 50000, 0 },
    { REC_LEDGER_INSTALLMENT, "2024-02-01", 50000, 100000, 425 },
    { REC_LEDGER_PAYMENT, "2024-02-10", 60000, 40671, 0 },
  };

  g_assert_cmpuint (r->ledger->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      const RecLedgerLine *line = &g_array_index (r->ledger, RecLedgerLine, i);
      GDate date = fx_date (expect[i].date);

      g_assert_cmpint (line->kind, ==, expect[i].kind);
      g_assert_cmpint (g_date_compare (&line->date, &date), ==, 0);
      g_assert_cmpint (line->amount_cents, ==, expect[i].amount);
      g_assert_cmpint (line->principal_balance_cents, ==, expect[i].principal);
      g_assert_cmpint (line->interest_balance_cents, ==, expect[i].interest);
    }
  g_assert_true (rec_date_is_set (&r->last_payment));
  g_assert_cmpint (r->last_payment_cents, ==, 60000);
  g_assert_true (r->term_in_force);
}

typedef struct
{
  const char *name;
  const char *terms, *charges;
  gboolean    public_assistance;
  const char *as_of;
  const char *eligible;       /* Y/N for the nine remedies of spec §7, in order */
  RecRemedy   remedy;         /* and the reason of one of them */
  const char *reason;
} RemedyRow;

static const RemedyRow remedy_rows[] = {
  /* Principal owed 2500.00 (due on as_of: 0 days, no installment). */
  { "2500.00", NULL, "2024-01-01 2500.00", FALSE, "2024-01-01", "YYNNYNYNN",
    REC_REMEDY_PASSPORT_DENIAL, "principal owed 2500.00 does not exceed 2500.00" },
  { "2500.01", NULL, "2024-01-01 2500.01", FALSE, "2024-01-01", "YYNNYYYNN",
    REC_REMEDY_PASSPORT_DENIAL, "principal owed 2500.01 exceeds 2500.00" },
  /* 30 days: bank levy (>= 30) but not license or notice (> 30). */
  { "30 days", NULL, "2024-01-01 100.00", FALSE, "2024-01-31", "YNNYYNYNN",
    REC_REMEDY_LICENSE_SUSPENSION, "days delinquent 30 does not exceed 30" },
  { "31 days", NULL, "2024-01-01 100.00", FALSE, "2024-02-01", "YNYYYNYNY",
    REC_REMEDY_LICENSE_SUSPENSION, "days delinquent 31 exceeds 30" },
  { "499.99", NULL, "2024-01-01 499.99", FALSE, "2024-01-01", "YNNNYNYNN",
    REC_REMEDY_TAX_REFUND_INTERCEPT, "principal owed 499.99 is less than 500.00" },
  { "500.00", NULL, "2024-01-01 500.00", FALSE, "2024-01-01", "YYNNYNYNN",
    REC_REMEDY_TAX_REFUND_INTERCEPT, "principal owed 500.00 is at least 500.00" },
  { "150.00 with public assistance", NULL, "2024-01-01 150.00", TRUE, "2024-01-01", "YYNNYNYNN",
    REC_REMEDY_TAX_REFUND_INTERCEPT, "principal owed 150.00 is at least 150.00" },
  { "149.99 with public assistance", NULL, "2024-01-01 149.99", TRUE, "2024-01-01", "YNNNYNYNN",
    REC_REMEDY_TAX_REFUND_INTERCEPT, "principal owed 149.99 is less than 150.00" },
  { "150.00 without public assistance", NULL, "2024-01-01 150.00", FALSE, "2024-01-01", "YNNNYNYNN",
    REC_REMEDY_TAX_REFUND_INTERCEPT, "principal owed 150.00 is less than 500.00" },
  /* A term in force (first installment Jan 31 not yet due) and nothing owed. */
  { "term in force, nothing owed", "child_support 500.00 monthly last 2024-01-10", NULL, FALSE,
    "2024-01-20", "YNNNNNNNN", REC_REMEDY_WAGE_GARNISHMENT, "a support term is in force" },
  { "nothing at all", NULL, NULL, FALSE, "2024-01-20", "NNNNNNNNN",
    REC_REMEDY_WAGE_GARNISHMENT, "no support term is in force and principal owed is 0.00" },
  /* The term ended; 500.00 unpaid since Jan 1: 60 days, one contempt count. */
  { "ended term, arrears", "child_support 500.00 monthly 1 2024-01-01 2024-01-31", NULL, FALSE,
    "2024-03-01", "YYYYYNYYY", REC_REMEDY_WAGE_GARNISHMENT, "principal owed 500.00 exceeds 0.00" },
  { "contempt count", "child_support 500.00 monthly 1 2024-01-01 2024-01-31", NULL, FALSE,
    "2024-03-01", "YYYYYNYYY", REC_REMEDY_CONTEMPT, "contempt counts 1 is at least 1" },
  { "charges are no contempt count", NULL, "2024-01-01 600.00", FALSE, "2024-03-01", "YYYYYNYNY",
    REC_REMEDY_CONTEMPT, "contempt counts 0 is less than 1" },
};

static void
test_remedies (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (remedy_rows); i++)
    {
      const RemedyRow *row = &remedy_rows[i];
      g_autoptr(RecArrearsResult) r = NULL;
      char got[REC_N_ENGINE_REMEDIES + 1] = { 0, };

      g_test_message ("remedy row %u: %s", i, row->name);
      r = compute (NULL, row->terms, row->charges, NULL, row->public_assistance, row->as_of);
      g_assert_cmpuint (r->remedies->len, ==, REC_N_ENGINE_REMEDIES);
      for (guint k = 0; k < r->remedies->len; k++)
        {
          const RecRemedyResult *remedy = &g_array_index (r->remedies, RecRemedyResult, k);

          g_assert_cmpint (remedy->remedy, ==, (RecRemedy) k);
          g_assert_nonnull (remedy->reason_label);
          g_assert_nonnull (remedy->citation);
          got[k] = remedy->eligible ? 'Y' : 'N';
        }
      g_assert_cmpstr (got, ==, row->eligible);
      g_assert_cmpstr (g_array_index (r->remedies, RecRemedyResult, row->remedy).reason, ==, row->reason);
    }
}

/* Rules v2 remedies (spec §9): license suspension as months_of_support >= 2
 * and days_delinquent > 90 (the and_* condition). */
typedef struct
{
  const char *name;
  const char *terms, *charges;
  const char *as_of;
  gboolean    eligible;
  const char *reason;
} MonthsRow;

static const MonthsRow months_rows[] = {
  /* 500.00 a month from Jan 1 2024, nothing paid, as_of Apr 1: owed 4 × 500
   * = 2000.00 >= 2 × 500.00 = 1000.00, and 91 days > 90. */
  { "both hold", "child_support 500.00 monthly 1 2024-01-01", NULL, "2024-04-01", TRUE,
    "principal owed 2000.00 is at least 1000.00; days delinquent 91 exceeds 90" },
  /* as_of Mar 31: owed 1500.00 >= 1000.00 but 90 days is not more than 90. */
  { "and_test fails", "child_support 500.00 monthly 1 2024-01-01", NULL, "2024-03-31", FALSE,
    "days delinquent 90 does not exceed 90" },
  /* Semimonthly 300.00: M = 600.00. as_of Feb 1: Jan 1, Jan 15, Feb 1 owed =
   * 900.00 < 1200.00. */
  { "under two months", "child_support 300.00 semimonthly 1,15 2024-01-01", NULL, "2024-02-01", FALSE,
    "principal owed 900.00 is less than 1200.00" },
  /* The term ended Jan 31 (one installment of 500.00): no term in force at
   * as_of Jun 1, so M is of Jan 31 = 500.00; a 2000.00 charge makes 2500.00
   * >= 1000.00; 152 days > 90. */
  { "no term in force: last day's support", "child_support 500.00 monthly 1 2024-01-01 2024-01-31",
    "2024-01-01 2000.00", "2024-06-01", TRUE,
    "principal owed 2500.00 is at least 1000.00; days delinquent 152 exceeds 90" },
  /* No term at all: the test does not hold, whatever is owed. */
  { "no term at all", NULL, "2024-01-01 5000.00", "2024-06-01", FALSE,
    "principal owed 5000.00 is less than 0.00" },
};

static void
test_remedies_v2 (void)
{
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (months_rows); i++)
    {
      const MonthsRow *row = &months_rows[i];
      g_autoptr(RecRules) edited =
        fx_rules_raw ("test=days_delinquent\ncomparison=>\nthreshold=30\n"
                      "reason=days delinquent {value} exceeds {threshold}\n"
                      "reason_not=days delinquent {value} does not exceed {threshold}\n"
                      "citation=FC 17520\n",
                      "test=months_of_support\ncomparison=>=\nthreshold=2\n"
                      "reason=principal owed {value} is at least {threshold}\n"
                      "and_test=days_delinquent\nand_comparison=>\nand_threshold=90\n"
                      "and_reason=days delinquent {value} exceeds {threshold}\n"
                      "and_reason_not=days delinquent {value} does not exceed {threshold}\n"
                      "reason_not=principal owed {value} is less than {threshold}\n"
                      "citation=FC 17520\n",
                      "[remedy delinquency_notice]\n"
                      "# More than 30 days late: after notice FL-485, a penalty of 6 % a month, up to 72 %.\n"
                      "test=days_delinquent\ncomparison=>\nthreshold=30\n"
                      "reason=days delinquent {value} exceeds {threshold}\n"
                      "reason_not=days delinquent {value} does not exceed {threshold}\n", "",
                      "citation=FC 4720–4733, form FL-485\n", "", NULL);
      g_autoptr(RecCaseData) data = fx_case (row->terms, row->charges, NULL, NULL, FALSE, FALSE);
      GDate as_of = fx_date (row->as_of);
      g_autoptr(GError) error = NULL;
      g_autoptr(RecArrearsResult) r = rec_arrears_compute (data, edited, &as_of, &error);
      const RecRemedyResult *license;

      g_test_message ("months row %u: %s", i, row->name);
      g_assert_no_error (error);
      /* Eight remedies: delinquency_notice is not in the file. */
      g_assert_cmpuint (r->remedies->len, ==, REC_N_ENGINE_REMEDIES - 1);
      for (guint k = 0; k < r->remedies->len; k++)
        g_assert_cmpint (g_array_index (r->remedies, RecRemedyResult, k).remedy, !=,
                         REC_REMEDY_DELINQUENCY_NOTICE);
      license = &g_array_index (r->remedies, RecRemedyResult, REC_REMEDY_LICENSE_SUSPENSION);
      g_assert_cmpint (license->remedy, ==, REC_REMEDY_LICENSE_SUSPENSION);
      g_assert_cmpint (license->eligible, ==, row->eligible);
      g_assert_cmpstr (license->reason, ==, row->reason);
      text = rec_arrears_result_to_json (r);
      g_assert_null (strstr (text, "delinquency_notice"));
      g_clear_pointer (&text, g_free);
    }
}

/* contempt_years=none: every unpaid month is a count. 500.00 a month from
 * Jan 2020 to Dec 2020, nothing paid, as_of 2024-06-01: with the 3-year bar
 * only months whose due date is >= 2021-06-01 count — none; with none all 12. */
static void
test_contempt_none (void)
{
  g_autoptr(RecRules) barred = fx_rules (NULL);
  g_autoptr(RecRules) unbarred = fx_rules ("contempt_years=3=>contempt_years=none");
  g_autoptr(RecCaseData) data =
    fx_case ("child_support 500.00 monthly 1 2020-01-01 2020-12-31", NULL, NULL, NULL, FALSE, FALSE);
  GDate as_of = fx_date ("2024-06-01");
  g_autoptr(RecArrearsResult) a = rec_arrears_compute (data, barred, &as_of, NULL);
  g_autoptr(RecArrearsResult) b = rec_arrears_compute (data, unbarred, &as_of, NULL);

  g_assert_cmpint (unbarred->contempt_years, ==, REC_CONTEMPT_YEARS_NONE);
  g_assert_cmpuint (a->contempt_counts->len, ==, 0);
  g_assert_cmpuint (b->contempt_counts->len, ==, 12);
  g_assert_cmpint (g_array_index (b->contempt_counts, RecContemptCount, 0).year, ==, 2020);
  g_assert_cmpint (g_array_index (b->contempt_counts, RecContemptCount, 0).unpaid_cents, ==, 50000);
}

/* Every reason of the shipped rules is in the list xgettext collects, so
 * reason_label can be translated. */
static void
test_reasons_translatable (void)
{
  g_autoptr(RecRules) rules = fx_rules (NULL);

  for (int r = 0; r < REC_N_ENGINE_REMEDIES; r++)
    {
      const RecRemedyRule *rule = &rules->remedies[r];

      for (int c = 0; c <= rule->n_conditions; c++)
        {
          const char *template = c < rule->n_conditions ? rule->conditions[c].reason : rule->reason_not;
          gboolean found = FALSE;

          for (guint k = 0; rec_known_reason_templates[k] != NULL; k++)
            found = found || g_str_equal (rec_known_reason_templates[k], template);
          g_test_message ("%s", template);
          g_assert_true (found);
        }
    }
}

/* A history as test_history writes it: "YEAR ORDERED/PAID: M O/P, …; …". */
static char *
history_text (const GArray *history)
{
  GString *got = g_string_new (NULL);

  for (guint y = 0; y < history->len; y++)
    {
      const RecHistoryYear *year = &g_array_index (history, RecHistoryYear, y);
      g_autofree char *ordered = rec_cents_to_string (year->ordered_cents);
      g_autofree char *paid = rec_cents_to_string (year->paid_cents);

      g_string_append_printf (got, "%s%d %s/%s:", y ? "; " : "", year->year, ordered, paid);
      for (int m = 0; m < year->n_months; m++)
        {
          g_autofree char *mo = rec_cents_to_string (year->months[m].ordered_cents);
          g_autofree char *mp = rec_cents_to_string (year->months[m].paid_cents);

          g_string_append_printf (got, "%s %d %s/%s", m ? "," : "", year->months[m].month, mo, mp);
        }
    }
  return g_string_free (got, FALSE);
}

/* The hand-worked case of spec §11. Medical support 100.00 (entered first)
 * and child support 500.00 on the 1st, Jan and Feb 2024; a 200.00 charge on
 * Jan 15; a 50.00 charge on Apr 1; 10 % daily from the due date.
 *
 * Feb 10, 1400.00: current = Feb 1 child 500.00 then medical 100.00 (kind
 * order of §3, not entry order) = 600.00. Interest at Feb 10: Jan 1 items
 * 60000 × 40 days (Jan 1–Feb 9) + charge 20000 × 26 (Jan 15–Feb 9) + Feb 1
 * items 60000 × 9 = 3 460 000 cent-days × 0.10 / 365 = 947.95 cents → 9.48,
 * paid (remainder forgiven). Principal 790.52: Jan 1 child 500.00, Jan 1
 * medical 100.00, the charge 190.52 (9.48 unpaid).
 * Mar 5, 100.00: interest on 9.48 for Feb 10–Mar 4, 24 days: 948 × 24 × 0.10
 * / 365 = 6.23 cents → 0.06; principal: the charge's 9.48; credit 90.46.
 * Apr 1: the 50.00 charge is covered by credit, paid in April (its due date's
 * month); credit 40.46 left.
 * Merged: Jan 800.00/0.00, Feb 600.00/1400.00, Mar 0.00/100.00, Apr 50.00/0.00.
 * Feb: 1000.00 + 200.00 + 190.52 + interest 9.48 = 1400.00; Mar: 9.48 + 0.06
 * + credit 90.46 = 100.00; Apr: 50.00 + 0 − credit applied 50.00 = 0.00. */
#define BY_KIND_TERMS "medical_support 100.00 monthly 1 2024-01-01 2024-02-29; " \
                      "child_support 500.00 monthly 1 2024-01-01 2024-02-29"
#define BY_KIND_CHARGES "2024-01-15 200.00; 2024-04-01 50.00"
#define BY_KIND_PAYMENTS "2024-02-10 1400.00; 2024-03-05 100.00"

static void
test_history_by_kind (void)
{
  static const struct
  {
    gboolean    is_charges;
    RecTermKind kind;
    const char *expect;
  } kinds[] = {
    { FALSE, REC_TERM_KIND_CHILD_SUPPORT,
      "2024 1000.00/1000.00: 1 500.00/0.00, 2 500.00/1000.00, 3 0.00/0.00, 4 0.00/0.00" },
    { FALSE, REC_TERM_KIND_MEDICAL_SUPPORT,
      "2024 200.00/200.00: 1 100.00/0.00, 2 100.00/200.00, 3 0.00/0.00, 4 0.00/0.00" },
    { TRUE, REC_TERM_KIND_OTHER,
      "2024 250.00/250.00: 1 200.00/0.00, 2 0.00/190.52, 3 0.00/9.48, 4 50.00/50.00" },
  };
  g_autoptr(RecArrearsResult) r =
    compute (NULL, BY_KIND_TERMS, BY_KIND_CHARGES, BY_KIND_PAYMENTS, FALSE, "2024-04-30");
  g_autofree char *merged = history_text (r->history);
  const RecInterestPaidMonth *interest;

  g_assert_cmpstr (merged, ==, "2024 1450.00/1500.00: 1 800.00/0.00, 2 600.00/1400.00, 3 0.00/100.00, "
                   "4 50.00/0.00");
  g_assert_cmpint (r->interest_paid_cents, ==, 948 + 6);
  g_assert_cmpint (r->credit_cents, ==, 4046);

  g_assert_cmpuint (r->history_by_kind->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const RecKindHistory *kind = &g_array_index (r->history_by_kind, RecKindHistory, i);
      g_autofree char *got = history_text (kind->history);

      g_test_message ("kind %u", i);
      g_assert_cmpint (kind->is_charges, ==, kinds[i].is_charges);
      if (!kinds[i].is_charges)
        g_assert_cmpint (kind->kind, ==, kinds[i].kind);
      g_assert_cmpstr (got, ==, kinds[i].expect);
    }

  g_assert_cmpuint (r->history_interest_paid->len, ==, 2);
  interest = &g_array_index (r->history_interest_paid, RecInterestPaidMonth, 0);
  g_assert_cmpint (interest->year, ==, 2024);
  g_assert_cmpint (interest->month, ==, 2);
  g_assert_cmpint (interest->paid_cents, ==, 948);
  interest = &g_array_index (r->history_interest_paid, RecInterestPaidMonth, 1);
  g_assert_cmpint (interest->month, ==, 3);
  g_assert_cmpint (interest->paid_cents, ==, 6);

  fx_check_kind_histories (r);

  /* A deep copy outlives the result. */
  {
    g_autoptr(GArray) copy = rec_arrears_history_by_kind_copy (r->history_by_kind);
    g_autofree char *first = history_text (g_array_index (r->history_by_kind, RecKindHistory, 0).history);

    g_clear_pointer (&r, rec_arrears_result_free);
    g_assert_cmpuint (copy->len, ==, G_N_ELEMENTS (kinds));
    for (guint i = 0; i < copy->len; i++)
      {
        g_autofree char *got = history_text (g_array_index (copy, RecKindHistory, i).history);

        g_assert_cmpstr (got, ==, kinds[i].expect);
      }
    g_assert_cmpstr (first, ==, kinds[0].expect);
  }
}

/* The same case as JSON (spec §11's shape): history_by_kind and
 * history_interest_paid after history, each kind's history shaped like it. */
static void
test_json_history_by_kind (void)
{
  g_autoptr(RecArrearsResult) r =
    compute (NULL, BY_KIND_TERMS, BY_KIND_CHARGES, BY_KIND_PAYMENTS, FALSE, "2024-04-30");
  g_autofree char *text = rec_arrears_result_to_json (r);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  static const char * const kinds[] = { "child_support", "medical_support", "charges" };
  JsonObject *root, *entry, *year, *month;
  JsonArray *by_kind, *interest;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  by_kind = json_object_get_array_member (root, "history_by_kind");
  g_assert_cmpuint (json_array_get_length (by_kind), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      entry = json_array_get_object_element (by_kind, i);
      g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, kinds[i]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "history")), ==, 1);
    }
  /* Charges, 2024: ordered 250.00, paid 250.00; February paid 190.52. */
  entry = json_array_get_object_element (by_kind, 2);
  year = json_array_get_object_element (json_object_get_array_member (entry, "history"), 0);
  g_assert_cmpint (json_object_get_int_member (year, "year"), ==, 2024);
  g_assert_cmpstr (json_object_get_string_member (year, "ordered"), ==, "250.00");
  g_assert_cmpstr (json_object_get_string_member (year, "paid"), ==, "250.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (year, "months")), ==, 4);
  month = json_array_get_object_element (json_object_get_array_member (year, "months"), 1);
  g_assert_cmpint (json_object_get_int_member (month, "month"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (month, "ordered"), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (month, "paid"), ==, "190.52");

  interest = json_object_get_array_member (root, "history_interest_paid");
  g_assert_cmpuint (json_array_get_length (interest), ==, 2);
  entry = json_array_get_object_element (interest, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "month"), ==, "2024-02");
  g_assert_cmpstr (json_object_get_string_member (entry, "paid"), ==, "9.48");
  entry = json_array_get_object_element (interest, 1);
  g_assert_cmpstr (json_object_get_string_member (entry, "month"), ==, "2024-03");
  g_assert_cmpstr (json_object_get_string_member (entry, "paid"), ==, "0.06");

  /* In order: history, then these, then remedies. */
  g_assert_true (strstr (text, "\n  \"history\":") < strstr (text, "\n  \"history_by_kind\":"));
  g_assert_true (strstr (text, "\n  \"history_by_kind\":") < strstr (text, "\n  \"history_interest_paid\":"));
  g_assert_true (strstr (text, "\n  \"history_interest_paid\":") < strstr (text, "\n  \"remedies\":"));
}

static const char * const json_keys[] = {
  "as_of", "currency", "principal_due", "paid", "principal_paid", "interest_paid", "credit",
  "principal_balance", "interest_accrued", "interest_balance", "total_balance",
  "oldest_unpaid_due", "days_delinquent", "contempt_counts", "history", "history_by_kind",
  "history_interest_paid", "remedies",
};

/* spec §8 with the worked example of §5: keys in order, amounts as strings. */
static void
test_json (void)
{
  g_autoptr(RecArrearsResult) r =
    compute (NULL, "child_support 500.00 monthly 1 2024-01-01 2024-06-30", NULL, NULL, FALSE, "2024-07-01");
  g_autofree char *text = rec_arrears_result_to_json (r);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *remedy, *count, *year;
  const char *previous = text;
  g_autoptr(GList) members = NULL;

  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  /* Exactly these keys, in this order. */
  members = json_object_get_members (root);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (json_keys));
  for (guint i = 0; i < G_N_ELEMENTS (json_keys); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("\n  \"%s\":", json_keys[i]);
      const char *at = strstr (text, quoted);

      g_assert_nonnull (at);
      g_assert_true (at >= previous);
      previous = at;
    }

  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2024-07-01");
  g_assert_cmpstr (json_object_get_string_member (root, "currency"), ==, "USD");
  g_assert_cmpstr (json_object_get_string_member (root, "principal_due"), ==, "3000.00");
  g_assert_cmpstr (json_object_get_string_member (root, "paid"), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (root, "interest_accrued"), ==, "87.26");
  g_assert_cmpstr (json_object_get_string_member (root, "total_balance"), ==, "3087.26");
  g_assert_cmpstr (json_object_get_string_member (root, "oldest_unpaid_due"), ==, "2024-01-01");
  g_assert_cmpint (json_object_get_int_member (root, "days_delinquent"), ==, 182);

  /* Six unpaid months, within three years. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "contempt_counts")), ==, 6);
  count = json_array_get_object_element (json_object_get_array_member (root, "contempt_counts"), 0);
  g_assert_cmpstr (json_object_get_string_member (count, "month"), ==, "2024-01");
  g_assert_cmpstr (json_object_get_string_member (count, "due"), ==, "500.00");
  g_assert_cmpstr (json_object_get_string_member (count, "unpaid"), ==, "500.00");

  /* 2024, January to July (as_of's month). */
  year = json_array_get_object_element (json_object_get_array_member (root, "history"), 0);
  g_assert_cmpint (json_object_get_int_member (year, "year"), ==, 2024);
  g_assert_cmpstr (json_object_get_string_member (year, "ordered"), ==, "3000.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (year, "months")), ==, 7);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "remedies")), ==, 9);
  remedy = json_array_get_object_element (json_object_get_array_member (root, "remedies"), 5);
  g_assert_cmpstr (json_object_get_string_member (remedy, "remedy"), ==, "passport_denial");
  g_assert_true (json_object_get_boolean_member (remedy, "eligible"));
  g_assert_cmpstr (json_object_get_string_member (remedy, "reason"), ==,
                   "principal owed 3000.00 exceeds 2500.00");
  g_assert_cmpstr (json_object_get_string_member (remedy, "citation"), ==, "42 U.S.C. 652(k)");
}

/* Nothing unpaid: oldest_unpaid_due is null (spec §6; §8's example does not
 * show it), days 0, empty lists. */
static void
test_json_nothing_unpaid (void)
{
  g_autoptr(RecArrearsResult) r =
    compute (NULL, "child_support 500.00 monthly 1 2024-01-01 2024-01-31", NULL, "2024-01-01 500.00",
             FALSE, "2024-02-01");
  g_autofree char *text = rec_arrears_result_to_json (r);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "oldest_unpaid_due"));
  g_assert_true (json_object_get_null_member (root, "oldest_unpaid_due"));
  g_assert_cmpint (json_object_get_int_member (root, "days_delinquent"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "contempt_counts")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (root, "principal_paid"), ==, "500.00");
}

/* Amounts beyond what a case may hold (a file written by another program,
 * its CHECK constraints ignored) stop with REC_CORE_ERROR_OVERFLOW; no sum
 * wraps around on the way (under UndefinedBehaviorSanitizer the old engine
 * stopped at a signed overflow: the credit of two such payments, the accruing
 * principal of two such charges, the principal paid). Amounts at the limit
 * over centuries still compute, exactly. */
static void
test_overflow (void)
{
  static const struct
  {
    const char *name, *charges, *payments;
  } rows[] = {
    { "two payments into credit", NULL, "2024-01-02 1.00; 2024-01-03 1.00" },
    { "two interest-bearing charges", "2024-01-01 1.00; 2024-01-01 1.00", NULL },
    { "charges, then payments", "2024-01-01 1.00; 2024-01-01 1.00", "2024-02-01 1.00; 2024-02-02 1.00" },
  };
  g_autoptr(RecRules) rules = fx_rules (NULL);
  GDate as_of = fx_date ("2024-06-01");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(RecCaseData) data = fx_case ("child_support 100.00 monthly 1 2024-01-01", rows[i].charges,
                                             rows[i].payments, NULL, FALSE, FALSE);
      g_autoptr(GError) error = NULL;
      g_autoptr(RecArrearsResult) r = NULL;

      g_test_message ("overflow row %u: %s", i, rows[i].name);
      for (guint k = 0; k < data->charges->len; k++)
        ((RecCharge *) g_ptr_array_index (data->charges, k))->amount_cents = G_MAXINT64 - (gint64) k;
      for (guint k = 0; k < data->payments->len; k++)
        ((RecPayment *) g_ptr_array_index (data->payments, k))->amount_cents = G_MAXINT64 - (gint64) k;
      r = rec_arrears_compute (data, rules, &as_of, &error);
      g_assert_error (error, REC_CORE_ERROR, REC_CORE_ERROR_OVERFLOW);
      g_assert_null (r);
    }

  /* 999 999 999.99 every week from 1900-01-01 through 2024-12-30, both
   * Mondays 45 654 days = 6 522 weeks apart: 6 523 installments, 6 523 ×
   * 99 999 999 999 = 652 299 999 993 477 cents due; with nothing paid and no
   * interest (0 %) the balance is that too. */
  {
    g_autoptr(RecRules) no_interest = fx_rules ("rate_percent=10=>rate_percent=0");
    g_autoptr(RecCaseData) data = fx_case ("child_support 999999999.99 weekly - 1900-01-01", NULL, NULL,
                                           NULL, FALSE, FALSE);
    GDate end = fx_date ("2024-12-30");
    g_autoptr(GError) error = NULL;
    g_autoptr(RecArrearsResult) r = rec_arrears_compute (data, no_interest, &end, &error);

    g_assert_no_error (error);
    g_assert_cmpint (r->principal_due_cents, ==, G_GINT64_CONSTANT (652299999993477));
    g_assert_cmpint (r->total_balance_cents, ==, G_GINT64_CONSTANT (652299999993477));
    g_assert_cmpint (r->interest_accrued_cents, ==, 0);
  }
}

/* One answer to each question (issue 10, point 10) */

/* The chart's value axis: (lo, hi) → min, max, step, n_steps, in cents. */
typedef struct
{
  RecCents lo, hi;
  guint    max_steps;
  RecCents min, max, step;
  guint    n_steps;
} AxisRow;

static const AxisRow axis_rows[] = {
  /* Nothing owed: one step of one unit. */
  { 0, 0, 5, 0, 100, 100, 1 },
  /* $12,345.67 in at most 5 steps: 1, 2, 5 × 10^k → $5,000 steps up to $15,000
   * ($2,000 would need 7). */
  { 0, 1234567, 5, 0, 1500000, 500000, 3 },
  /* Exactly $10,000: $2,000 steps end on it. */
  { 0, 1000000, 5, 0, 1000000, 200000, 5 },
  /* $10,000.01 needs a sixth $2,000 step: $5,000 steps. */
  { 0, 1000001, 5, 0, 1500000, 500000, 3 },
  /* A few cents: still whole units. */
  { 0, 37, 5, 0, 100, 100, 1 },
  /* Credit below zero: the axis reaches down to whole steps. */
  { -25000, 90000, 5, -50000, 100000, 50000, 3 },
  /* Only negative: zero stays on the axis. */
  { -30000, -10000, 5, -30000, 0, 10000, 3 },
  /* The largest amount a case holds, twice (support and interest). */
  { 0, 2 * REC_CENTS_MAX, 5, 0, 200000000000, 50000000000, 4 },
  /* Fewer steps asked: a coarser step. */
  { 0, 450000, 2, 0, 500000, 500000, 1 },
};

static void
test_chart_axis (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (axis_rows); i++)
    {
      const AxisRow *row = &axis_rows[i];
      RecChartAxis axis;

      g_test_message ("axis row %u: %" G_GINT64_FORMAT " … %" G_GINT64_FORMAT, i, row->lo, row->hi);
      rec_chart_axis_compute (row->lo, row->hi, row->max_steps, &axis);
      g_assert_cmpint (axis.min_cents, ==, row->min);
      g_assert_cmpint (axis.max_cents, ==, row->max);
      g_assert_cmpint (axis.step_cents, ==, row->step);
      g_assert_cmpuint (axis.n_steps, ==, row->n_steps);
      g_assert_cmpint (axis.min_cents + (RecCents) axis.n_steps * axis.step_cents, ==, axis.max_cents);
    }
}

/* An amount's place on the axis, in integers: the ends, zero, a value
 * between, values outside (clamped), and the widest axis without overflow. */
static void
test_chart_axis_millionths (void)
{
  RecChartAxis axis;

  rec_chart_axis_compute (-250000, 1000000, REC_CHART_MAX_STEPS, &axis);
  g_assert_cmpint (axis.min_cents, ==, -500000);
  g_assert_cmpint (axis.max_cents, ==, 1000000);
  g_assert_cmpint (rec_chart_axis_millionths (&axis, -500000), ==, 0);
  g_assert_cmpint (rec_chart_axis_millionths (&axis, 1000000), ==, 1000000);
  g_assert_cmpint (rec_chart_axis_millionths (&axis, 0), ==, 333333);
  g_assert_cmpint (rec_chart_axis_millionths (&axis, 250000), ==, 500000);
  g_assert_cmpint (rec_chart_axis_millionths (&axis, -9000000), ==, 0);
  g_assert_cmpint (rec_chart_axis_millionths (&axis, 9000000), ==, 1000000);

  rec_chart_axis_compute (-REC_CENTS_MAX * 10, REC_CENTS_MAX * 10, REC_CHART_MAX_STEPS, &axis);
  g_assert_cmpint (rec_chart_axis_millionths (&axis, 0), ==,
                   (-axis.min_cents) * G_GINT64_CONSTANT (1000000) / (axis.max_cents - axis.min_cents));
  g_assert_cmpint (rec_chart_axis_millionths (&axis, axis.max_cents), ==, 1000000);
}

/* The range the chart covers: both series, zero included. */
static void
test_chart_range (void)
{
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (RecBalancePoint));
  RecBalancePoint a = { 2024, 1, 50000, 1200 };
  RecBalancePoint b = { 2024, 2, -3000, 0 };
  RecBalancePoint c = { 2024, 3, REC_CENTS_MAX, REC_CENTS_MAX };
  RecCents lo, hi;

  rec_balance_points_range (points, &lo, &hi);
  g_assert_cmpint (lo, ==, 0);
  g_assert_cmpint (hi, ==, 0);
  g_array_append_val (points, a);
  g_array_append_val (points, b);
  rec_balance_points_range (points, &lo, &hi);
  g_assert_cmpint (lo, ==, -3000);
  g_assert_cmpint (hi, ==, 51200);
  g_array_append_val (points, c);
  rec_balance_points_range (points, &lo, &hi);
  g_assert_cmpint (hi, ==, 2 * REC_CENTS_MAX);
}

/* The words of a payment's split, with a formatter and a "language" of our
 * own: the parts, their order and the separator come from core. */
static char *
test_cents (RecCents  cents,
            gpointer  user_data)
{
  return g_strdup_printf ("<%" G_GINT64_FORMAT ">", cents);
}

static const char *
test_language (const char *context,
               const char *msgid,
               gpointer    user_data)
{
  static const char * const pairs[][2] = {
    { "%s to this month’s support", "%s al mes" },
    { "%s to interest", "%s a interés" },
    { "%s to past-due support", "%s a atrasos" },
    { "%s kept as credit", "%s como crédito" },
    { "list separator\004, ", " / " },
  };
  g_autofree char *key = context != NULL ? g_strconcat (context, "\004", msgid, NULL)
                                         : g_strdup (msgid);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (g_str_equal (pairs[i][0], key))
      return pairs[i][1];
  return msgid;
}

typedef struct
{
  RecLedgerKind kind;
  RecCents      amount, current, interest, principal, credit;
  const char   *english;       /* NULL: no words */
  const char   *other;
} SplitRow;

static const SplitRow split_rows[] = {
  { REC_LEDGER_PAYMENT, 60000, 60000, 0, 0, 0, NULL, NULL },
  { REC_LEDGER_PAYMENT, 64500, 60000, 4500, 0, 0,
    "<60000> to this month’s support, <4500> to interest", "<60000> al mes / <4500> a interés" },
  { REC_LEDGER_PAYMENT, 100000, 60000, 4500, 30000, 5500,
    "<60000> to this month’s support, <4500> to interest, <30000> to past-due support, <5500> kept as credit",
    "<60000> al mes / <4500> a interés / <30000> a atrasos / <5500> como crédito" },
  { REC_LEDGER_PAYMENT, 20000, 0, 0, 0, 20000, "<20000> kept as credit", "<20000> como crédito" },
  { REC_LEDGER_PAYMENT, 15000, 0, 5000, 10000, 0,
    "<5000> to interest, <10000> to past-due support", "<5000> a interés / <10000> a atrasos" },
  /* Not a payment: no split. */
  { REC_LEDGER_INSTALLMENT, 60000, 0, 0, 0, 0, NULL, NULL },
};

static void
test_split_text (void)
{
  const RecRenderer english = { NULL, test_cents, "USD", NULL };
  const RecRenderer other = { test_language, test_cents, "USD", NULL };
  const RecRenderer by_default = { NULL, NULL, "USD", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (split_rows); i++)
    {
      const SplitRow *row = &split_rows[i];
      RecLedgerLine line = { 0, };
      g_autofree char *text = NULL;
      g_autofree char *translated = NULL;

      g_test_message ("split row %u", i);
      line.kind = row->kind;
      line.amount_cents = row->amount;
      line.to_current_cents = row->current;
      line.to_interest_cents = row->interest;
      line.to_principal_cents = row->principal;
      line.to_credit_cents = row->credit;
      text = rec_ledger_line_split_text (&line, &english);
      translated = rec_ledger_line_split_text (&line, &other);
      g_assert_cmpstr (text, ==, row->english);
      g_assert_cmpstr (translated, ==, row->other);
    }

  /* Without a formatter: rec_cents_format in the case's currency. */
  {
    RecLedgerLine line = { REC_LEDGER_PAYMENT, };
    g_autofree char *text = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *amount = rec_cents_format (4500, "USD");

    line.amount_cents = 4500;
    line.to_interest_cents = 4500;
    text = rec_ledger_line_split_text (&line, &by_default);
    expected = g_strdup_printf ("%s to interest", amount);
    g_assert_cmpstr (text, ==, expected);
  }
}

/* The reasons as templates with figures: rendered in the caller's language
 * and money, whatever language the engine ran in. */
static const char *
reason_language (const char *context,
                 const char *msgid,
                 gpointer    user_data)
{
  if (g_str_equal (msgid, "principal owed {value} exceeds {threshold}"))
    return "deuda {value} supera {threshold}";
  if (g_str_equal (msgid, "days delinquent {value} exceeds {threshold}"))
    return "{value} días > {threshold}";
  /* A broken translation: rendered from the English template. */
  if (g_str_equal (msgid, "a support term is in force"))
    return "{nope}";
  return msgid;
}

static void
test_reason_templates (void)
{
  /* 500.00 a month from Jan 2024, nothing paid, as of Jul 1: 3500.00 owed
   * (7 installments), 182 days. */
  g_autoptr(RecArrearsResult) r = compute (NULL, "child_support 500.00 monthly 1 2024-01-01", NULL,
                                           NULL, FALSE, "2024-07-01");
  const RecRenderer other = { reason_language, test_cents, NULL, NULL };
  gboolean saw_amount = FALSE, saw_days = FALSE;

  for (guint k = 0; k < r->remedies->len; k++)
    {
      const RecRemedyResult *remedy = &g_array_index (r->remedies, RecRemedyResult, k);
      g_autofree char *again = rec_remedy_result_render_reason (remedy, NULL);
      g_autofree char *text = rec_remedy_result_render_reason (remedy, &other);
      RecRemedyResult copy;

      /* reason_label is the default rendering; the copy renders the same. */
      g_assert_nonnull (remedy->parts[0].template);
      g_assert_cmpstr (again, ==, remedy->reason_label);
      rec_remedy_result_copy (&copy, remedy);
      g_clear_pointer (&again, g_free);
      again = rec_remedy_result_render_reason (&copy, &other);
      g_assert_cmpstr (again, ==, text);
      rec_remedy_result_clear (&copy);

      if (g_str_equal (remedy->parts[0].template, "principal owed {value} exceeds {threshold}"))
        {
          g_autofree char *expected = g_strdup_printf ("deuda <350000> supera <%" G_GINT64_FORMAT ">",
                                                       remedy->parts[0].threshold);

          g_assert_true (remedy->parts[0].is_amount);
          g_assert_cmpint (remedy->parts[0].value, ==, 350000);
          g_assert_true (g_str_has_prefix (text, expected));
          saw_amount = TRUE;
        }
      if (g_str_equal (remedy->parts[0].template, "days delinquent {value} exceeds {threshold}"))
        {
          g_assert_false (remedy->parts[0].is_amount);
          g_assert_cmpint (remedy->parts[0].value, ==, 182);
          g_assert_true (g_str_has_prefix (text, "182 días > "));
          saw_days = TRUE;
        }
      if (g_str_equal (remedy->parts[0].template, "a support term is in force"))
        g_assert_cmpstr (text, ==, "a support term is in force");
    }
  g_assert_true (saw_amount);
  g_assert_true (saw_days);
}

/* A remedy's current state: the latest dated step, the later entered on
 * equal dates; undated steps only when none is dated (the last entered). */
typedef struct
{
  const char *name;
  const char *steps;          /* "STATUS@DATE …", DATE "-" for none; all passport */
  int         expected;       /* index of the current step, -1: none */
} StepRow;

static const StepRow step_rows[] = {
  { "none", "", -1 },
  { "one undated", "filed@-", 0 },
  /* The window took the last entered (filed), the packet the latest dated
   * (granted): one answer now. */
  { "granted, then an older step entered", "granted@2024-05-01 filed@2024-02-01", 0 },
  { "in date order", "filed@2024-02-01 granted@2024-05-01", 1 },
  { "equal dates: the later entered", "filed@2024-02-01 granted@2024-02-01", 1 },
  { "an undated step never overrides a dated one", "filed@2024-02-01 granted@-", 0 },
  { "a dated step overrides undated ones", "granted@- filed@2024-02-01", 1 },
  { "undated only: the last entered", "filed@- granted@- denied@-", 2 },
};

static void
test_current_step (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_rows); i++)
    {
      const StepRow *row = &step_rows[i];
      g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);
      g_auto(GStrv) words = g_strsplit (row->steps, " ", -1);
      RecEnforcementStep *other = rec_enforcement_step_new ();

      g_test_message ("step row %u: %s", i, row->name);
      /* A later step of another remedy does not count. */
      other->remedy = REC_REMEDY_CONTEMPT;
      other->date = fx_date ("2030-01-01");
      for (guint w = 0; words[w] != NULL; w++)
        {
          RecEnforcementStep *step = rec_enforcement_step_new ();
          g_auto(GStrv) parts = g_strsplit (words[w], "@", 2);

          if (*words[w] == '\0')
            {
              g_object_unref (step);
              continue;
            }
          step->remedy = REC_REMEDY_PASSPORT_DENIAL;
          step->status = g_str_equal (parts[0], "filed") ? REC_STATUS_FILED
                         : g_str_equal (parts[0], "granted") ? REC_STATUS_GRANTED : REC_STATUS_DENIED;
          if (!g_str_equal (parts[1], "-"))
            step->date = fx_date (parts[1]);
          g_ptr_array_add (steps, step);
        }
      g_ptr_array_add (steps, other);
      if (row->expected < 0)
        g_assert_null (rec_enforcement_current_step (steps, REC_REMEDY_PASSPORT_DENIAL));
      else
        g_assert_true (rec_enforcement_current_step (steps, REC_REMEDY_PASSPORT_DENIAL)
                       == g_ptr_array_index (steps, row->expected));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arrears/table", test_table);
  g_test_add_func ("/arrears/schedule", test_schedule);
  g_test_add_func ("/arrears/contempt", test_contempt);
  g_test_add_func ("/arrears/history", test_history);
  g_test_add_func ("/arrears/history-by-kind", test_history_by_kind);
  g_test_add_func ("/arrears/balance-points", test_balance_points);
  g_test_add_func ("/arrears/ledger", test_ledger);
  g_test_add_func ("/arrears/remedies", test_remedies);
  g_test_add_func ("/arrears/remedies-v2", test_remedies_v2);
  g_test_add_func ("/arrears/contempt-none", test_contempt_none);
  g_test_add_func ("/arrears/reasons-translatable", test_reasons_translatable);
  g_test_add_func ("/arrears/json", test_json);
  g_test_add_func ("/arrears/json-nothing-unpaid", test_json_nothing_unpaid);
  g_test_add_func ("/arrears/json-history-by-kind", test_json_history_by_kind);
  g_test_add_func ("/arrears/overflow", test_overflow);
  g_test_add_func ("/arrears/chart-axis", test_chart_axis);
  g_test_add_func ("/arrears/chart-axis-millionths", test_chart_axis_millionths);
  g_test_add_func ("/arrears/chart-range", test_chart_range);
  g_test_add_func ("/arrears/split-text", test_split_text);
  g_test_add_func ("/arrears/reason-templates", test_reason_templates);
  g_test_add_func ("/arrears/current-step", test_current_step);

  return g_test_run ();
}
