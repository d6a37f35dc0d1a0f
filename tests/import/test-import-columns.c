/* test-import-columns.c — which column of a statement's header row is what
 * (spec/import.md §3), table by table: English, Spanish and Vietnamese
 * names, with and without their accents, in any case; then whole Spanish
 * and Vietnamese statements read through the payments reader (a Tipo or
 * Loại column's Cargo / Abono, Nợ / Có deciding the direction)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-import.h"
#include "rec-import-csv.h"
#include "rec-import-payments-private.h"

#include "rec-date.h"

#include <string.h>

/* The header keys as compared: folded, accents gone. */
typedef struct
{
  const char *cell;
  const char *key;
} KeyCase;

static const KeyCase key_cases[] = {
  { "Date", "date" },
  { "  Posting_Date: ", "posting date" },
  { "Descripción", "descripcion" },
  { "DESCRIPCIÓN", "descripcion" },
  { "Débito", "debito" },
  { "CRÉDITO", "credito" },
  { "Ngày", "ngay" },
  { "NGÀY GIAO DỊCH", "ngay giao dich" },
  { "Số tiền", "so tien" },
  { "Mô tả", "mo ta" },
  { "Nội dung", "noi dung" },
  { "Ghi có", "ghi co" },
  { "Ghi nợ", "ghi no" },
  { "Số dư", "so du" },
  { "ĐỐI TÁC", "doi tac" },
  /* Decomposed already (NFD, as some Mac exports write it). */
  { "Descripcio\xcc\x81n", "descripcion" },
};

static void
test_keys (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_cases); i++)
    {
      g_autofree char *key = _rec_import_header_key (key_cases[i].cell);

      g_test_message ("key case %u: %s", i, key_cases[i].cell);
      g_assert_cmpstr (key, ==, key_cases[i].key);
    }
}

/* A header row and the columns it names (0-based, -1 none). */
typedef struct
{
  const char *header;
  gboolean    is_header;     /* names a date and an amount (or credit / debit) */
  int         date;
  int         amount;
  int         credit;
  int         debit;
  int         description;   /* text[0] */
  int         reference;
  int         indicator;     /* indicator[0] */
} LayoutCase;

static const LayoutCase layout_cases[] = {
  /* English, as before. */
  { "Date,Description,Amount", TRUE, 0, 2, -1, -1, 1, -1, -1 },
  { "Posting Date,Transaction Date,Memo,Debit,Credit,Check Number", TRUE,
    1, -1, 4, 3, 2, 5, -1 },
  /* Spanish: Mexico's Cargo / Abono, Spain's Importe and Concepto, Saldo
   * ignored; with and without accents, in any case. */
  { "Fecha,Descripción,Cargo,Abono,Saldo", TRUE, 0, -1, 3, 2, 1, -1, -1 },
  { "FECHA,DESCRIPCION,CARGOS,ABONOS,SALDO", TRUE, 0, -1, 3, 2, 1, -1, -1 },
  { "fecha valor,Fecha de operación,Concepto,Importe,Saldo", TRUE, 1, 3, -1, -1, 2, -1, -1 },
  { "Fecha,Concepto,Monto,Tipo", TRUE, 0, 2, -1, -1, 1, -1, 3 },
  { "Fecha,Descripcion,Débito,Crédito,Número de cheque", TRUE, 0, -1, 3, 2, 1, 4, -1 },
  { "FECHA,MOVIMIENTO,DEPÓSITOS,RETIROS,SALDO", TRUE, 0, -1, 2, 3, 1, -1, 1 },
  /* Vietnamese: Ngày, Số tiền, Mô tả / Nội dung, Ghi có / Ghi nợ, Số dư. */
  { "Ngày,Mô tả,Số tiền,Số dư", TRUE, 0, 2, -1, -1, 1, -1, -1 },
  { "NGAY GIAO DICH,NOI DUNG,GHI NO,GHI CO,SO DU", TRUE, 0, -1, 3, 2, 1, -1, -1 },
  { "Ngày hiệu lực,Ngày giao dịch,Diễn giải,Số tiền ghi nợ,Số tiền ghi có", TRUE,
    1, -1, 4, 3, 2, -1, -1 },
  { "ngày,nội dung,số tiền,loại", TRUE, 0, 2, -1, -1, 1, -1, 3 },
  /* A balance is no amount: a date and a balance alone are no header. */
  { "Fecha,Concepto,Saldo", FALSE, 0, -1, -1, -1, 1, -1, -1 },
  { "Ngày,Nội dung,Số dư", FALSE, 0, -1, -1, -1, 1, -1, -1 },
};

static void
test_layouts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout_cases); i++)
    {
      const LayoutCase *c = &layout_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;
      RecImportLayout layout;
      gboolean is_header;

      g_test_message ("layout case %u: %s", i, c->header);
      records = rec_csv_parse_all (c->header, strlen (c->header), "test.csv", ',', &error);
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, 1);
      is_header = _rec_import_header_layout (records->pdata[0], NULL, &layout);
      g_assert_cmpint (is_header, ==, c->is_header);
      g_assert_cmpint (layout.kind, ==, REC_IMPORT_LAYOUT_BANK);
      g_assert_cmpint (layout.date, ==, c->date);
      g_assert_cmpint (layout.amount, ==, c->amount);
      g_assert_cmpint (layout.credit, ==, c->credit);
      g_assert_cmpint (layout.debit, ==, c->debit);
      g_assert_cmpint (layout.n_text > 0 ? layout.text[0] : -1, ==, c->description);
      g_assert_cmpint (layout.reference, ==, c->reference);
      g_assert_cmpint (layout.indicator[0], ==, c->indicator);
    }
}

/* Whole statements: only the money received becomes a payment, with its
 * date, amount and description from the named columns. */
typedef struct
{
  const char *name;
  const char *text;
  const char *date_order;
  guint       n_new;
  const char *first_date;
  RecCents    first_cents;
  const char *first_description;
} StatementCase;

static const StatementCase statement_cases[] = {
  /* Mexico: Cargo and Abono, day first, a summary line before the header. */
  { "estado-de-cuenta.csv",
    "Estado de cuenta,Cuenta 1234\n"
    "Fecha,Descripción,Cargo,Abono,Saldo\n"
    "03/01/2031,DEPOSITO SPEI VICTOR MARQUEZ,,4500.00,5200.00\n"
    "10/01/2031,OXXO PAGO,52.10,,5147.90\n"
    "17/01/2031,DEPOSITO SPEI VICTOR MARQUEZ,,4510.00,9657.90\n",
    "dmy", 2, "2031-01-03", 450000, "DEPOSITO SPEI VICTOR MARQUEZ" },
  /* Spain: ';' and decimal commas, Importe signed, no accents in capitals. */
  { "movimientos.csv",
    "FECHA OPERACION;FECHA VALOR;CONCEPTO;IMPORTE;SALDO\n"
    "24/01/2031;24/01/2031;TRANSFERENCIA DE VICTOR MARQUEZ;1.245,00;3.000,00\n"
    "25/01/2031;25/01/2031;RECIBO LUZ;-61,20;2.938,80\n",
    "dmy", 1, "2031-01-24", 124500, "TRANSFERENCIA DE VICTOR MARQUEZ" },
  /* Vietnam: Ghi nợ / Ghi có, Nội dung. */
  { "sao-ke.csv",
    "Ngày giao dịch,Nội dung,Ghi nợ,Ghi có,Số dư\n"
    "2031-02-03,CHUYEN TIEN TU VICTOR MARQUEZ,,450.00,900.00\n"
    "2031-02-05,THANH TOAN DIEN,30.00,,870.00\n",
    NULL, 1, "2031-02-03", 45000, "CHUYEN TIEN TU VICTOR MARQUEZ" },
  /* A Tipo column says which way the unsigned Monto went. */
  { "movimientos-tipo.csv",
    "Fecha,Concepto,Monto,Tipo\n"
    "05/02/2031,PAGO DE LUZ,45.00,Cargo\n"
    "14/02/2031,DEPOSITO VICTOR MARQUEZ,4500.00,ABONO\n"
    "15/02/2031,RETIRO CAJERO,200.00,Débito\n"
    "16/02/2031,TRANSFERENCIA RECIBIDA,100.00,Crédito\n",
    "dmy", 2, "2031-02-14", 450000, "DEPOSITO VICTOR MARQUEZ" },
  /* Loại: Nợ / Có. */
  { "sao-ke-loai.csv",
    "Ngày,Nội dung,Số tiền,Loại\n"
    "2031-03-01,THANH TOAN NUOC,20.00,Nợ\n"
    "2031-03-02,NHAN TIEN VICTOR MARQUEZ,450.00,Có\n",
    NULL, 1, "2031-03-02", 45000, "NHAN TIEN VICTOR MARQUEZ" },
  /* Vietnamese without accents, upper case; Số tiền signed. */
  { "sao-ke-2.csv",
    "NGAY,MO TA,SO TIEN,SO DU\n"
    "2031-02-10,NHAN TIEN VICTOR MARQUEZ,451.00,1321.00\n"
    "2031-02-11,RUT TIEN ATM,-100.00,1221.00\n",
    NULL, 1, "2031-02-10", 45100, "NHAN TIEN VICTOR MARQUEZ" },
};

static void
test_statements (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (statement_cases); i++)
    {
      const StatementCase *c = &statement_cases[i];
      RecImportPaymentOptions options = { .date_order = c->date_order, .method = -1 };
      g_autoptr(GError) error = NULL;
      g_autoptr(RecImportSource) source = NULL;
      RecImportCandidate *first = NULL;
      g_autofree char *date = NULL;
      guint n_new = 0;

      g_test_message ("statement case %u: %s", i, c->name);
      source = _rec_import_read_payments_data (c->name, c->text, strlen (c->text), &options,
                                               NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (source);
      g_assert_cmpstr (source->format, ==, "csv");
      for (guint r = 0; r < source->candidates->len; r++)
        {
          RecImportCandidate *candidate = source->candidates->pdata[r];

          g_assert_cmpint (candidate->status, !=, REC_IMPORT_REJECTED);
          if (candidate->status != REC_IMPORT_NEW)
            continue;
          if (first == NULL)
            first = candidate;
          n_new++;
        }
      g_assert_cmpuint (n_new, ==, c->n_new);
      g_assert_nonnull (first);
      date = rec_date_to_iso (&REC_PAYMENT (first->record)->date);
      g_assert_cmpstr (date, ==, c->first_date);
      g_assert_cmpint (REC_PAYMENT (first->record)->amount_cents, ==, c->first_cents);
      g_assert_cmpstr (first->description, ==, c->first_description);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/columns/keys", test_keys);
  g_test_add_func ("/import/columns/layouts", test_layouts);
  g_test_add_func ("/import/columns/statements", test_statements);
  return g_test_run ();
}
