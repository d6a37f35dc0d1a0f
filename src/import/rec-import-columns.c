/* rec-import-columns.c — which column of a statement is what: the header
 * rows of banks (spec/import.md §3) and of the payment apps, --columns
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import-payments-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* `text` case-folded and without its accents: "Descripción" and
 * "DESCRIPCION" are "descripcion", "Số tiền" is "so tien", "Đ" is "d" (the
 * one Vietnamese letter that is no letter plus a mark). Text that is not
 * UTF-8 (a cell of a Windows-1252 file is converted before it comes here)
 * is only case-folded where it is ASCII. */
static char *
fold_text (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (!g_utf8_validate (text, -1, NULL))
    return g_ascii_strdown (text, -1);
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_steal_pointer (&folded);
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0111)                 /* đ */
        c = 'd';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A header cell as compared: case-folded, accents dropped, spaces
 * collapsed, "_" as a space, a trailing ":" dropped. */
char *
_rec_import_header_key (const char *text)
{
  g_autofree char *folded = fold_text (text);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '\t' || *p == '\r' || *p == '\n')
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_c (key, *p);
    }
  if (key->len > 0 && key->str[key->len - 1] == ':')
    g_string_truncate (key, key->len - 1);
  return g_string_free (key, FALSE);
}

/* TRUE when a and b are the same but for spaces ("PostingDate" is
 * "posting date" once folded). */
static gboolean
equal_but_spaces (const char *a,
                  const char *b)
{
  for (;;)
    {
      while (*a == ' ')
        a++;
      while (*b == ' ')
        b++;
      if (*a != *b)
        return FALSE;
      if (*a == '\0')
        return TRUE;
      a++;
      b++;
    }
}

gboolean
_rec_import_key_is (const char        *key,
                    const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (equal_but_spaces (key, words[i]))
      return TRUE;
  return FALSE;
}

static void
layout_init (RecImportLayout     *layout,
             RecImportLayoutKind  kind)
{
  memset (layout, 0, sizeof *layout);
  layout->kind = kind;
  layout->date = layout->amount = layout->credit = layout->debit = -1;
  layout->reference = layout->status = layout->type = -1;
  layout->party = layout->party_out = layout->email = -1;
  layout->indicator[0] = layout->indicator[1] = -1;
  layout->date_rank = G_MAXINT;
}

/* Keeps the text columns sorted by rank: the description is text[0]. */
static void
add_text (RecImportLayout *layout,
          int              column,
          int              rank)
{
  guint i;

  if (layout->n_text == REC_IMPORT_MAX_TEXT_COLUMNS)
    return;
  for (i = layout->n_text; i > 0 && layout->text_rank[i - 1] > rank; i--)
    {
      layout->text[i] = layout->text[i - 1];
      layout->text_rank[i] = layout->text_rank[i - 1];
    }
  layout->text[i] = column;
  layout->text_rank[i] = rank;
  layout->n_text++;
}

static void
add_indicator (RecImportLayout *layout,
               int              column)
{
  if (layout->indicator[0] < 0)
    layout->indicator[0] = column;
  else if (layout->indicator[1] < 0)
    layout->indicator[1] = column;
}

/* A bank header cell (spec §3), a leading "transaction" ignored. The
 * names are English, Spanish and Vietnamese (the languages of the window;
 * banks in Mexico, Spain, Latin America and Vietnam write them so, and
 * users there send money home), compared without accents: the keys come
 * folded (_rec_import_header_key). A balance ("Balance", "Saldo", "Số dư")
 * is no column of ours. */
static void
bank_column (RecImportLayout *layout,
             const char      *full_key,
             int              column)
{
  static const char *const dates[] = {
    "date",
    "fecha", "fecha de operacion", "fecha operacion", "fecha de la operacion",
    "fecha de transaccion", "fecha transaccion", "fecha de movimiento", "fecha movimiento",
    "ngay", "ngay giao dich", NULL };
  static const char *const posting[] = {
    "posting date", "posted date", "post date", "date posted", "booking date", "value date",
    "fecha valor", "fecha de valor", "fecha contable", "fecha de aplicacion",
    "ngay hieu luc", "ngay hach toan", "ngay ghi so", NULL };
  static const char *const descriptions[] = {
    "description",
    "descripcion", "concepto", "descripcion del movimiento",
    "mo ta", "noi dung", "noi dung giao dich", "dien giai", "mo ta giao dich", NULL };
  static const char *const memos[] = {
    "memo",
    "observaciones", "notas", "nota",
    "ghi chu", NULL };
  static const char *const names[] = {
    "name", "payee", "payee name", "payer",
    "nombre", "beneficiario", "ordenante",
    "ten", "nguoi chuyen", "ten nguoi chuyen", NULL };
  static const char *const details[] = {
    "details", "narrative", "remittance information",
    "detalle", "detalles", "movimiento",
    "chi tiet", NULL };
  static const char *const amounts[] = {
    "amount", "amount usd", "amt",
    "importe", "monto", "importe eur", "monto usd",
    "so tien", "so tien giao dich", NULL };
  static const char *const credits[] = {
    "credit", "credits", "deposit", "deposits", "credit amount", "deposit amount", "paid in",
    "money in",
    "abono", "abonos", "credito", "creditos", "deposito", "depositos", "ingreso", "ingresos",
    "ghi co", "so tien ghi co", "phat sinh co", NULL };
  static const char *const debits[] = {
    "debit", "debits", "withdrawal", "withdrawals", "debit amount", "withdrawal amount",
    "paid out", "money out",
    "cargo", "cargos", "debito", "debitos", "retiro", "retiros", "egreso", "egresos",
    "ghi no", "so tien ghi no", "phat sinh no", NULL };
  /* "Transaction" alone is US Bank's column of CREDIT and DEBIT. */
  static const char *const indicators[] = {
    "type", "credit/debit", "debit/credit", "cr/dr", "dr/cr", "credit debit indicator",
    "transaction",
    "tipo", "tipo de movimiento", "credito/debito", "debito/credito", "cargo/abono",
    "abono/cargo",
    "loai", "loai giao dich", "no/co", "co/no", NULL };
  /* Besides any name with "check", "cheque" or "slip" in it: */
  static const char *const references[] = { "so sec", NULL };
  g_autofree char *unit_less = NULL;
  const char *key = full_key;
  const char *unit = strstr (full_key, " (");

  /* A unit after the name is no part of it: "Amount ($)", "Deposits (USD)". */
  if (unit != NULL && unit > full_key && g_str_has_suffix (unit, ")"))
    key = unit_less = g_strndup (full_key, (gsize) (unit - full_key));
  /* A leading "transaction" is ignored (spec §3), and so is its short form
   * ("Trans. Date", Discover's). */
  if (g_str_has_prefix (key, "transaction ") && key[12] != '\0')
    key += 12;
  else if (g_str_has_prefix (key, "transaction") && key[11] != '\0')
    key += 11;                       /* "TransactionDate" */
  else if (g_str_has_prefix (key, "trans. ") && key[7] != '\0')
    key += 7;
  else if (g_str_has_prefix (key, "trans ") && key[6] != '\0')
    key += 6;
  if (_rec_import_key_is (key, dates) || _rec_import_key_is (key, posting))
    {
      int rank = _rec_import_key_is (key, dates) ? 0 : 1;

      if (rank < layout->date_rank)
        {
          layout->date = column;
          layout->date_rank = rank;
        }
    }
  else if (_rec_import_key_is (key, descriptions))
    add_text (layout, column, 0);
  else if (_rec_import_key_is (key, memos))
    add_text (layout, column, 1);
  else if (_rec_import_key_is (key, names))
    add_text (layout, column, 2);
  else if (_rec_import_key_is (key, details))
    {
      add_text (layout, column, 3);
      add_indicator (layout, column);
    }
  else if (_rec_import_key_is (key, amounts) && layout->amount < 0)
    layout->amount = column;
  else if (_rec_import_key_is (key, credits) && layout->credit < 0)
    layout->credit = column;
  else if (_rec_import_key_is (key, debits) && layout->debit < 0)
    layout->debit = column;
  else if (_rec_import_key_is (key, indicators))
    add_indicator (layout, column);
  else if ((strstr (key, "check") || strstr (key, "cheque") || strstr (key, "slip")
            || _rec_import_key_is (key, references))
           && layout->reference < 0)
    layout->reference = column;
}

/* The index of the cell named `key`, or -1. */
static int
find_key (GPtrArray  *keys,
          const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_strcmp0 (keys->pdata[i], key) == 0)
      return (int) i;
  return -1;
}

static gboolean
app_layout (GPtrArray       *keys,
            RecImportLayout *layout)
{
  if (find_key (keys, "datetime") >= 0 && find_key (keys, "amount (total)") >= 0)
    {
      /* Venmo: ",ID,Datetime,Type,Status,Note,From,To,Amount (total),…" */
      layout_init (layout, REC_IMPORT_LAYOUT_VENMO);
      layout->date = find_key (keys, "datetime");
      layout->amount = find_key (keys, "amount (total)");
      layout->reference = find_key (keys, "id");
      layout->party = find_key (keys, "from");
      layout->party_out = find_key (keys, "to");
      add_text (layout, find_key (keys, "note"), 0);
    }
  else if (find_key (keys, "gross") >= 0 && find_key (keys, "transaction id") >= 0)
    {
      /* PayPal: "Date","Time","TimeZone","Name","Type","Status","Currency","Gross",… */
      layout_init (layout, REC_IMPORT_LAYOUT_PAYPAL);
      layout->date = find_key (keys, "date");
      layout->amount = find_key (keys, "gross");
      layout->reference = find_key (keys, "transaction id");
      layout->party = find_key (keys, "name");
      layout->email = find_key (keys, "from email address");
      add_text (layout, find_key (keys, "note"), 0);
      add_text (layout, find_key (keys, "subject"), 1);
      add_text (layout, find_key (keys, "item title"), 2);
    }
  else if (find_key (keys, "net amount") >= 0 && find_key (keys, "transaction id") >= 0
           && find_key (keys, "transaction type") >= 0)
    {
      /* Cash App: "Transaction ID,Date,Transaction Type,Currency,Amount,Fee,Net Amount,…" */
      layout_init (layout, REC_IMPORT_LAYOUT_CASHAPP);
      layout->date = find_key (keys, "date");
      layout->amount = find_key (keys, "amount");
      layout->reference = find_key (keys, "transaction id");
      layout->party = find_key (keys, "name of sender/receiver");
      add_text (layout, find_key (keys, "notes"), 0);
    }
  else
    return FALSE;
  layout->status = find_key (keys, "status");
  layout->type = find_key (keys, find_key (keys, "transaction type") >= 0
                           ? "transaction type" : "type");
  /* A missing Note column leaves text[0] at -1: cell() reads it as "". */
  return layout->date >= 0 && layout->amount >= 0;
}

/* Which kinds a --format allows. */
static gboolean
kind_allowed (RecImportLayoutKind  kind,
              const char          *format)
{
  static const char *const words[] = { "csv", "venmo", "paypal", "cashapp" };

  if (format == NULL || g_str_equal (format, "auto"))
    return TRUE;
  return g_str_equal (format, words[kind]);
}

gboolean
_rec_import_header_layout (const RecCsvRecord *row,
                           const char         *format,
                           RecImportLayout    *layout)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < row->fields->len; i++)
    g_ptr_array_add (keys, _rec_import_header_key (row->fields->pdata[i]));
  if (app_layout (keys, layout) && kind_allowed (layout->kind, format))
    return TRUE;
  layout_init (layout, REC_IMPORT_LAYOUT_BANK);
  for (guint i = 0; i < keys->len; i++)
    bank_column (layout, keys->pdata[i], (int) i);
  return kind_allowed (REC_IMPORT_LAYOUT_BANK, format) && layout->date >= 0
         && (layout->amount >= 0 || layout->credit >= 0 || layout->debit >= 0);
}

/* --columns "date=1,amount=2,description=5" (1-based). */
gboolean
_rec_import_parse_columns (const char       *spec,
                           RecImportLayout  *layout,
                           GError          **error)
{
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);

  layout_init (layout, REC_IMPORT_LAYOUT_BANK);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (items[i]), "=", 2);
      guint64 number = 0;
      int column;

      if (g_strv_length (pair) != 2
          || !g_ascii_string_to_unsigned (g_strstrip (pair[1]), 10, 1, 1000, &number, NULL))
        {
          g_autofree char *quoted = rec_core_quote_text (items[i]);

          /* Translators: the --columns option; "%s" is the part that is wrong. */
          g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_BAD_OPTION,
                       _("--columns: \"%s\" is not NAME=NUMBER (date=1,amount=2,description=5)"),
                       quoted);
          return FALSE;
        }
      column = (int) number - 1;
      g_strstrip (pair[0]);
      if (g_ascii_strcasecmp (pair[0], "reference") == 0)
        layout->reference = column;
      else if (g_ascii_strcasecmp (pair[0], "payee") == 0)
        add_text (layout, column, 2);
      else
        {
          RecImportLayout before = *layout;

          bank_column (layout, pair[0], column);
          if (memcmp (&before, layout, sizeof before) == 0)
            {
              g_autofree char *quoted = rec_core_quote_text (pair[0]);

              /* Translators: the --columns option; the words in parentheses
               * are the option's own and stay in English. */
              g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_BAD_OPTION,
                           _("--columns: \"%s\" is not a column name (date, amount, credit, "
                             "debit, description, memo, payee, reference, type)"), quoted);
              return FALSE;
            }
        }
    }
  if (layout->date < 0 || (layout->amount < 0 && layout->credit < 0 && layout->debit < 0))
    {
      g_set_error_literal (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_BAD_OPTION,
                           _("--columns must name the date and the amount (or credit and "
                             "debit): date=1,amount=2"));
      return FALSE;
    }
  return TRUE;
}

const char *
_rec_import_layout_format (RecImportLayoutKind kind)
{
  static const char *const formats[] = { "csv", "venmo", "paypal", "cashapp" };

  return formats[kind];
}
