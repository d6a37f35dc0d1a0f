/* rec-store-migrate.c — the schema of a case file and its migrations
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entry of `migrations` takes a file from user_version N to N + 1 and runs
 * in its own transaction together with the new user_version, so a crash leaves
 * the file at N or at N + 1, never in between. Never edit a step that shipped:
 * add a new one.
 */
#define G_LOG_DOMAIN "rec-store"

#include "config.h"

#include "rec-store-private.h"

#define ISO_DATE "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
#define UTC_STAMP "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'"
#define DATE_CHECK(col) "CHECK (" col " GLOB " ISO_DATE ")"
#define OPT_DATE_CHECK(col) "CHECK (" col " IS NULL OR " col " GLOB " ISO_DATE ")"
#define AMOUNT_CHECK "CHECK (amount > 0 AND amount <= 99999999999)"
#define ROW_COMMON                                                              \
  "id INTEGER PRIMARY KEY,"                                                     \
  "case_id INTEGER NOT NULL DEFAULT 1 REFERENCES case_info (id),"               \
  "position INTEGER NOT NULL CHECK (position > 0),"
#define STAMPS                                                                  \
  "created_at TEXT NOT NULL CHECK (created_at GLOB " UTC_STAMP "),"             \
  "updated_at TEXT NOT NULL CHECK (updated_at GLOB " UTC_STAMP ")"
#define PARTY(p)                                                                \
  p "_name TEXT NOT NULL DEFAULT '',"                                           \
  p "_address TEXT NOT NULL DEFAULT '',"                                        \
  p "_phone TEXT NOT NULL DEFAULT '',"                                          \
  p "_email TEXT NOT NULL DEFAULT '',"                                          \
  p "_employer TEXT NOT NULL DEFAULT '',"
#define DUE_DAY_CHECK(col) "CHECK (" col " BETWEEN 0 AND 31)"

/* Version 1: every entity of spec/case-json.md v1. */
static const char migration_1[] =
  "CREATE TABLE case_info ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  jurisdiction TEXT NOT NULL CHECK (jurisdiction GLOB '[a-z][a-z]-[a-z]*'),"
  "  currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),"
  "  agency_enforced INTEGER NOT NULL CHECK (agency_enforced IN (0, 1)),"
  "  public_assistance INTEGER NOT NULL CHECK (public_assistance IN (0, 1)),"
  "  court TEXT NOT NULL DEFAULT '',"
  "  court_case_number TEXT NOT NULL DEFAULT '',"
  "  agency_case_number TEXT NOT NULL DEFAULT '',"
  PARTY ("obligor")
  PARTY ("obligee")
  "  notes TEXT NOT NULL DEFAULT '',"
  STAMPS
  ") STRICT;"
  "CREATE TABLE children ("
  ROW_COMMON
  "  name TEXT NOT NULL,"
  "  birth_date TEXT " OPT_DATE_CHECK ("birth_date") ","
  STAMPS
  ") STRICT;"
  "CREATE TABLE terms ("
  ROW_COMMON
  "  kind TEXT NOT NULL CHECK (kind IN ('child_support', 'family_support',"
  "    'medical_support', 'childcare', 'spousal_support', 'other')),"
  "  amount INTEGER NOT NULL " AMOUNT_CHECK ","
  "  frequency TEXT NOT NULL CHECK (frequency IN ('monthly', 'semimonthly',"
  "    'biweekly', 'weekly')),"
  "  due_day INTEGER NOT NULL " DUE_DAY_CHECK ("due_day") ","
  "  due_day_first INTEGER NOT NULL " DUE_DAY_CHECK ("due_day_first") ","
  "  due_day_second INTEGER NOT NULL " DUE_DAY_CHECK ("due_day_second") ","
  "  effective TEXT NOT NULL " DATE_CHECK ("effective") ","
  "  end_date TEXT " OPT_DATE_CHECK ("end_date") ","
  "  reference TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  STAMPS ","
  "  CHECK (end_date IS NULL OR end_date >= effective),"
  "  CHECK (due_day_first <> due_day_second)"
  ") STRICT;"
  "CREATE TABLE interest_overrides ("
  ROW_COMMON
  "  from_date TEXT NOT NULL " DATE_CHECK ("from_date") ","
  "  to_date TEXT NOT NULL " DATE_CHECK ("to_date") ","
  "  rate_basis_points INTEGER NOT NULL CHECK (rate_basis_points BETWEEN 0 AND 10000),"
  "  reason TEXT NOT NULL DEFAULT '',"
  STAMPS ","
  "  CHECK (from_date <= to_date)"
  ") STRICT;"
  "CREATE TABLE charges ("
  ROW_COMMON
  "  date TEXT NOT NULL " DATE_CHECK ("date") ","
  "  amount INTEGER NOT NULL " AMOUNT_CHECK ","
  "  description TEXT NOT NULL DEFAULT '',"
  "  interest_bearing INTEGER NOT NULL CHECK (interest_bearing IN (0, 1)),"
  STAMPS
  ") STRICT;"
  "CREATE TABLE payments ("
  ROW_COMMON
  "  date TEXT NOT NULL " DATE_CHECK ("date") ","
  "  amount INTEGER NOT NULL " AMOUNT_CHECK ","
  "  method TEXT NOT NULL CHECK (method IN ('check', 'cash', 'bank_transfer',"
  "    'money_order', 'wage_withholding', 'agency', 'tax_offset', 'app', 'other')),"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  STAMPS
  ") STRICT;"
  "CREATE TABLE communications ("
  ROW_COMMON
  "  at TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),"
  "  at_unix INTEGER NOT NULL,"
  "  channel TEXT NOT NULL CHECK (channel IN ('email', 'text', 'phone', 'in_person',"
  "    'letter', 'app', 'other')),"
  "  direction TEXT NOT NULL CHECK (direction IN ('sent', 'received', 'both')),"
  "  with_whom TEXT NOT NULL DEFAULT '',"
  "  subject TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  follow_up TEXT " OPT_DATE_CHECK ("follow_up") ","
  STAMPS
  ") STRICT;"
  "CREATE TABLE enforcement_steps ("
  ROW_COMMON
  "  remedy TEXT NOT NULL CHECK (remedy IN ('wage_garnishment', 'tax_refund_intercept',"
  "    'license_suspension', 'property_lien', 'bank_levy', 'passport_denial',"
  "    'credit_reporting', 'contempt', 'delinquency_notice', 'other')),"
  "  status TEXT NOT NULL CHECK (status IN ('not_started', 'requested', 'filed',"
  "    'granted', 'denied', 'in_effect', 'closed')),"
  "  date TEXT " OPT_DATE_CHECK ("date") ","
  "  agency TEXT NOT NULL DEFAULT '',"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  next_date TEXT " OPT_DATE_CHECK ("next_date") ","
  "  notes TEXT NOT NULL DEFAULT '',"
  STAMPS
  ") STRICT;";

/* Version 2: indexes for the ledger and the log of a large case (18 years of
 * weekly support, 20 000 payments, 5 000 communications). */
static const char migration_2[] =
  "CREATE INDEX payments_by_date ON payments (date, position);"
  "CREATE INDEX charges_by_date ON charges (date, position);"
  "CREATE INDEX communications_by_instant ON communications (at_unix, position);"
  "CREATE INDEX communications_by_follow_up ON communications (follow_up)"
  "  WHERE follow_up IS NOT NULL;";

/* Version 3: every list is read in entry order (position, id); without these
 * indexes each load sorts the whole table and each add scans it for the
 * largest position. Measured on the large demo case, `recourse summary`. */
static const char migration_3[] =
  "CREATE INDEX children_by_position ON children (position, id);"
  "CREATE INDEX terms_by_position ON terms (position, id);"
  "CREATE INDEX interest_overrides_by_position ON interest_overrides (position, id);"
  "CREATE INDEX charges_by_position ON charges (position, id);"
  "CREATE INDEX payments_by_position ON payments (position, id);"
  "CREATE INDEX communications_by_position ON communications (position, id);"
  "CREATE INDEX enforcement_steps_by_position ON enforcement_steps (position, id);";

/* Version 4: the jurisdiction may be "us" (United States — another state,
 * spec/arrears.md §9) as well as "xx-yyy". SQLite cannot change a CHECK, so
 * case_info is rebuilt under its own name; the step runs with foreign keys off
 * (run_step), as SQLite's documentation for such changes says, so that the
 * rows that refer to the case are kept as they are. */
static const char migration_4[] =
  "CREATE TABLE case_info_v4 ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  jurisdiction TEXT NOT NULL CHECK (jurisdiction GLOB '[a-z][a-z]'"
  "    OR jurisdiction GLOB '[a-z][a-z]-[a-z]*'),"
  "  currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),"
  "  agency_enforced INTEGER NOT NULL CHECK (agency_enforced IN (0, 1)),"
  "  public_assistance INTEGER NOT NULL CHECK (public_assistance IN (0, 1)),"
  "  court TEXT NOT NULL DEFAULT '',"
  "  court_case_number TEXT NOT NULL DEFAULT '',"
  "  agency_case_number TEXT NOT NULL DEFAULT '',"
  PARTY ("obligor")
  PARTY ("obligee")
  "  notes TEXT NOT NULL DEFAULT '',"
  STAMPS
  ") STRICT;"
  "INSERT INTO case_info_v4 SELECT * FROM case_info;"
  "DROP TABLE case_info;"
  "ALTER TABLE case_info_v4 RENAME TO case_info;";

/* Version 5: evidence (spec/evidence.md; the spec's "v4", this project's 5).
 * The documents (attachments, content-addressed by SHA-256) and the records
 * they prove (attachment_links: `record_id` names a row of the table that
 * `entity` names, 0 for the case); the hash-chained history (journal, written
 * only by rec-store-journal.c, never edited); the fields of JSON v2 (a
 * follow-up or a next step marked done, the balance the agency last stated,
 * in cents, and its date). The step then writes one `migrate` entry per
 * record (migrate_journal). */
#define HEX64_CHECK(col) \
  "CHECK (length (" col ") = 64 AND NOT " col " GLOB '*[^0-9a-f]*')"
static const char migration_5[] =
  "ALTER TABLE case_info ADD COLUMN agency_balance INTEGER"
  "  CHECK (agency_balance IS NULL OR agency_balance BETWEEN -99999999999 AND 99999999999);"
  "ALTER TABLE case_info ADD COLUMN agency_balance_as_of TEXT "
  OPT_DATE_CHECK ("agency_balance_as_of") ";"
  "ALTER TABLE communications ADD COLUMN follow_up_done INTEGER NOT NULL DEFAULT 0"
  "  CHECK (follow_up_done IN (0, 1));"
  "ALTER TABLE enforcement_steps ADD COLUMN next_done INTEGER NOT NULL DEFAULT 0"
  "  CHECK (next_done IN (0, 1));"
  "CREATE TABLE attachments ("
  "  id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL UNIQUE " HEX64_CHECK ("sha256") ","
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  media_type TEXT NOT NULL CHECK (media_type GLOB '[a-z]*/[a-z0-9]*'),"
  "  size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 67108864),"
  "  data BLOB NOT NULL CHECK (length (data) = size),"
  "  added_at TEXT NOT NULL CHECK (added_at GLOB " UTC_STAMP ")"
  ") STRICT;"
  "CREATE TABLE attachment_links ("
  "  attachment_id INTEGER NOT NULL REFERENCES attachments (id),"
  "  entity TEXT NOT NULL CHECK (entity IN ('terms', 'charges', 'payments',"
  "    'communications', 'enforcement', 'children', 'case')),"
  "  record_id INTEGER NOT NULL CHECK (record_id >= 0),"
  "  PRIMARY KEY (attachment_id, entity, record_id)"
  ") STRICT;"
  "CREATE INDEX attachment_links_by_record ON attachment_links (entity, record_id);"
  "CREATE TABLE journal ("
  "  seq INTEGER PRIMARY KEY CHECK (seq > 0),"
  "  at TEXT NOT NULL CHECK (at GLOB " UTC_STAMP "),"
  "  action TEXT NOT NULL CHECK (action IN ('add', 'change', 'remove', 'import',"
  "    'migrate', 'packet')),"
  "  entity TEXT NOT NULL CHECK (entity IN ('case', 'children', 'terms',"
  "    'interest_overrides', 'charges', 'payments', 'communications', 'enforcement',"
  "    'attachments', 'links')),"
  "  record INTEGER NOT NULL CHECK (record >= 0),"
  "  data TEXT,"
  "  prev TEXT NOT NULL " HEX64_CHECK ("prev") ","
  "  hash TEXT NOT NULL " HEX64_CHECK ("hash")
  ") STRICT;"
  /* verify's replay: the last entry of each record, in bounded memory. */
  "CREATE INDEX journal_by_record ON journal (entity, record, seq);";

/* Version 6: the same rules, each list of allowed words written as
 * comparisons joined by OR instead of IN (…). SQLite builds a temporary
 * table for an IN list of more than two values every time it checks a row:
 * 8 µs of a journal entry's 14, as much again in every message and payment
 * added (22 000 entries of a 1 GB SMS backup: 0.3 s). SQLite cannot change a
 * CHECK, so the six tables are rebuilt under their own names, their rows
 * copied as they are — the journal's too: no entry changes, the chain and
 * the fingerprint are the same — and their indexes made again; the
 * journal's two hashes are checked with ltrim instead of GLOB. No table
 * refers to them; the step runs with foreign keys off all the same
 * (run_step), as SQLite's documentation for such changes says. */
#define ONE_OF_2(col, a, b) "(" col " = '" a "' OR " col " = '" b "')"
#define ONE_OF_3(col, a, b, c) "(" col " = '" a "' OR " ONE_OF_2 (col, b, c) ")"
#define ONE_OF_4(col, a, b, c, d) "(" col " = '" a "' OR " ONE_OF_3 (col, b, c, d) ")"
#define ONE_OF_6(col, a, b, c, d, e, f) \
  "(" ONE_OF_3 (col, a, b, c) " OR " ONE_OF_3 (col, d, e, f) ")"
#define ONE_OF_7(col, a, b, c, d, e, f, g) \
  "(" ONE_OF_4 (col, a, b, c, d) " OR " ONE_OF_3 (col, e, f, g) ")"
#define ONE_OF_9(col, a, b, c, d, e, f, g, h, i) \
  "(" ONE_OF_6 (col, a, b, c, d, e, f) " OR " ONE_OF_3 (col, g, h, i) ")"
#define ONE_OF_10(col, a, b, c, d, e, f, g, h, i, j) \
  "(" ONE_OF_6 (col, a, b, c, d, e, f) " OR " ONE_OF_4 (col, g, h, i, j) ")"
/* The same as HEX64_CHECK, in a third of its time: GLOB '*[^0-9a-f]*' tries
 * the class at every position of the 64 (3 µs a column, each entry has two). */
#define HEX64_CHECK_V6(col) \
  "CHECK (length (" col ") = 64 AND ltrim (" col ", '0123456789abcdef') = '')"
static const char migration_6[] =
  "CREATE TABLE terms_v6 ("
  ROW_COMMON
  "  kind TEXT NOT NULL CHECK " ONE_OF_6 ("kind", "child_support", "family_support",
                                          "medical_support", "childcare", "spousal_support",
                                          "other") ","
  "  amount INTEGER NOT NULL " AMOUNT_CHECK ","
  "  frequency TEXT NOT NULL CHECK " ONE_OF_4 ("frequency", "monthly", "semimonthly",
                                               "biweekly", "weekly") ","
  "  due_day INTEGER NOT NULL " DUE_DAY_CHECK ("due_day") ","
  "  due_day_first INTEGER NOT NULL " DUE_DAY_CHECK ("due_day_first") ","
  "  due_day_second INTEGER NOT NULL " DUE_DAY_CHECK ("due_day_second") ","
  "  effective TEXT NOT NULL " DATE_CHECK ("effective") ","
  "  end_date TEXT " OPT_DATE_CHECK ("end_date") ","
  "  reference TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  STAMPS ","
  "  CHECK (end_date IS NULL OR end_date >= effective),"
  "  CHECK (due_day_first <> due_day_second)"
  ") STRICT;"
  "INSERT INTO terms_v6 SELECT * FROM terms;"
  "DROP TABLE terms;"
  "ALTER TABLE terms_v6 RENAME TO terms;"
  "CREATE INDEX terms_by_position ON terms (position, id);"
  "CREATE TABLE payments_v6 ("
  ROW_COMMON
  "  date TEXT NOT NULL " DATE_CHECK ("date") ","
  "  amount INTEGER NOT NULL " AMOUNT_CHECK ","
  "  method TEXT NOT NULL CHECK " ONE_OF_9 ("method", "check", "cash", "bank_transfer",
                                            "money_order", "wage_withholding", "agency",
                                            "tax_offset", "app", "other") ","
  "  reference TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  STAMPS
  ") STRICT;"
  "INSERT INTO payments_v6 SELECT * FROM payments;"
  "DROP TABLE payments;"
  "ALTER TABLE payments_v6 RENAME TO payments;"
  "CREATE INDEX payments_by_date ON payments (date, position);"
  "CREATE INDEX payments_by_position ON payments (position, id);"
  "CREATE TABLE communications_v6 ("
  ROW_COMMON
  "  at TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),"
  "  at_unix INTEGER NOT NULL,"
  "  channel TEXT NOT NULL CHECK " ONE_OF_7 ("channel", "email", "text", "phone",
                                             "in_person", "letter", "app", "other") ","
  "  direction TEXT NOT NULL CHECK " ONE_OF_3 ("direction", "sent", "received", "both") ","
  "  with_whom TEXT NOT NULL DEFAULT '',"
  "  subject TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  follow_up TEXT " OPT_DATE_CHECK ("follow_up") ","
  STAMPS ","
  "  follow_up_done INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1))"
  ") STRICT;"
  "INSERT INTO communications_v6 SELECT * FROM communications;"
  "DROP TABLE communications;"
  "ALTER TABLE communications_v6 RENAME TO communications;"
  "CREATE INDEX communications_by_instant ON communications (at_unix, position);"
  "CREATE INDEX communications_by_follow_up ON communications (follow_up)"
  "  WHERE follow_up IS NOT NULL;"
  "CREATE INDEX communications_by_position ON communications (position, id);"
  "CREATE TABLE enforcement_steps_v6 ("
  ROW_COMMON
  "  remedy TEXT NOT NULL CHECK " ONE_OF_10 ("remedy", "wage_garnishment",
                                             "tax_refund_intercept", "license_suspension",
                                             "property_lien", "bank_levy", "passport_denial",
                                             "credit_reporting", "contempt",
                                             "delinquency_notice", "other") ","
  "  status TEXT NOT NULL CHECK " ONE_OF_7 ("status", "not_started", "requested", "filed",
                                            "granted", "denied", "in_effect", "closed") ","
  "  date TEXT " OPT_DATE_CHECK ("date") ","
  "  agency TEXT NOT NULL DEFAULT '',"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  next_date TEXT " OPT_DATE_CHECK ("next_date") ","
  "  notes TEXT NOT NULL DEFAULT '',"
  STAMPS ","
  "  next_done INTEGER NOT NULL DEFAULT 0 CHECK (next_done IN (0, 1))"
  ") STRICT;"
  "INSERT INTO enforcement_steps_v6 SELECT * FROM enforcement_steps;"
  "DROP TABLE enforcement_steps;"
  "ALTER TABLE enforcement_steps_v6 RENAME TO enforcement_steps;"
  "CREATE INDEX enforcement_steps_by_position ON enforcement_steps (position, id);"
  "CREATE TABLE attachment_links_v6 ("
  "  attachment_id INTEGER NOT NULL REFERENCES attachments (id),"
  "  entity TEXT NOT NULL CHECK " ONE_OF_7 ("entity", "terms", "charges", "payments",
                                            "communications", "enforcement", "children",
                                            "case") ","
  "  record_id INTEGER NOT NULL CHECK (record_id >= 0),"
  "  PRIMARY KEY (attachment_id, entity, record_id)"
  ") STRICT;"
  "INSERT INTO attachment_links_v6 SELECT * FROM attachment_links;"
  "DROP TABLE attachment_links;"
  "ALTER TABLE attachment_links_v6 RENAME TO attachment_links;"
  "CREATE INDEX attachment_links_by_record ON attachment_links (entity, record_id);"
  "CREATE TABLE journal_v6 ("
  "  seq INTEGER PRIMARY KEY CHECK (seq > 0),"
  "  at TEXT NOT NULL CHECK (at GLOB " UTC_STAMP "),"
  "  action TEXT NOT NULL CHECK " ONE_OF_6 ("action", "add", "change", "remove", "import",
                                            "migrate", "packet") ","
  "  entity TEXT NOT NULL CHECK " ONE_OF_10 ("entity", "case", "children", "terms",
                                             "interest_overrides", "charges", "payments",
                                             "communications", "enforcement", "attachments",
                                             "links") ","
  "  record INTEGER NOT NULL CHECK (record >= 0),"
  "  data TEXT,"
  "  prev TEXT NOT NULL " HEX64_CHECK_V6 ("prev") ","
  "  hash TEXT NOT NULL " HEX64_CHECK_V6 ("hash")
  ") STRICT;"
  "INSERT INTO journal_v6 SELECT * FROM journal;"
  "DROP TABLE journal;"
  "ALTER TABLE journal_v6 RENAME TO journal;"
  "CREATE INDEX journal_by_record ON journal (entity, record, seq);";

static const char *const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
};

/* Steps that rebuild tables: with foreign keys off, then checked. */
static gboolean
rebuilds_tables (int step)
{
  return step == 3 || step == 5;
}

int
rec_store_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
set_user_version (sqlite3  *db,
                  int       version,
                  GError  **error)
{
  /* PRAGMA takes no bound parameters; the value is an integer we chose. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  return _rec_store_exec (db, sql, error);
}

static gboolean
set_application_id (sqlite3  *db,
                    GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d",
                                          REC_STORE_APPLICATION_ID);

  return _rec_store_exec (db, sql, error);
}

/* After a rebuild: every reference still finds its row. */
static gboolean
check_foreign_keys (sqlite3  *db,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _rec_store_prepare (db, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  _rec_store_set_error (error, db, rc == SQLITE_ROW ? SQLITE_CONSTRAINT_FOREIGNKEY : rc, "migrate");
  return FALSE;
}

/* The step to version 5 starts the history: one `migrate` entry per record
 * already in the file, in the step's transaction. */
static gboolean
starts_journal (int step)
{
  return step == 4;
}

static gboolean
run_step (sqlite3  *db,
          int       step,
          GError  **error)
{
  gboolean rebuild = rebuilds_tables (step);
  gboolean ok;

  g_debug ("Migrating a case file to schema version %d", step + 1);

  /* foreign_keys cannot change inside a transaction. */
  if (rebuild && !_rec_store_exec (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  ok = _rec_store_exec (db, "BEGIN IMMEDIATE", error);
  if (ok && ((step == 0 && !set_application_id (db, error))
             || !_rec_store_exec (db, migrations[step], error)
             || (rebuild && !check_foreign_keys (db, error))
             || (starts_journal (step) && !_rec_store_journal_record_all (db, "migrate", error))
             || !set_user_version (db, step + 1, error)
             || !_rec_store_exec (db, "COMMIT", error)))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      ok = FALSE;
    }

  if (rebuild)
    sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return ok;
}

gboolean
_rec_store_migrate_to (sqlite3  *db,
                       int       from_version,
                       int       to_version,
                       GError  **error)
{
  g_assert (from_version >= 0 && to_version <= rec_store_schema_version ());

  for (int step = from_version; step < to_version; step++)
    if (!run_step (db, step, error))
      return FALSE;

  return TRUE;
}

gboolean
_rec_store_migrate (sqlite3  *db,
                    int       from_version,
                    GError  **error)
{
  return _rec_store_migrate_to (db, from_version, rec_store_schema_version (), error);
}
