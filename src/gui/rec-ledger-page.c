/* rec-ledger-page.c — the ledger: installments, charges and payments
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are the engine's ledger (result->ledger) in processing order, each
 * with the balances after it; the page only filters, sorts and formats.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-ledger-page.h"

#include "rec-charge-dialog.h"
#include "rec-evidence-group.h"
#include "rec-gui-util.h"
#include "rec-import-dialog.h"
#include "rec-ledger-model.h"
#include "rec-pages-private.h"
#include "rec-payment-dialog.h"
#include "rec-term-dialog.h"

#include <glib/gi18n.h>
#include <stdlib.h>

struct _RecLedgerPage
{
  RecPage             parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  AdwSplitButton     *add_button;
  GtkDropDown        *year_dropdown;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *entry_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *paid_column;
  GtkColumnViewColumn *principal_column;
  GtkColumnViewColumn *interest_column;
  GtkColumnViewColumn *evidence_column;  /* the paperclip: documents proving the row */
  GtkColumnViewColumn *amount_column;    /* narrow: due or paid in one column */

  /* Owned */
  RecLedgerModel     *ledger;
  GtkStringList      *years;        /* "All Years", then the years, newest first */
  GtkCustomFilter    *year_filter;
  GtkFilterListModel *filtered;     /* filter set only for one year */
  GtkSingleSelection *selection;
  GObject            *added;        /* a payment or charge just added, to show */
  int                 amount_chars; /* the widest amount of the ledger, in characters */
  int                 year;         /* 0: all */
  gboolean            shown;        /* scrolled to the latest entries once */
  gboolean            narrow;       /* phone width: fewer columns */
  GHashTable         *entry_cells;  /* GtkListItem of the entry column, bound now */
  guint               narrow_idle;  /* the switch, after the allocation */
};

/* Below this width the ledger shows date, entry, amount and the unpaid
 * support after it; Due, Paid, Interest and the paperclip give way
 * (issue 10). */
#define NARROW_WIDTH 640
#define NARROW_ENTRY_CHARS 4
#define NARROW_ENTRY_WIDTH 72

G_DEFINE_FINAL_TYPE (RecLedgerPage, rec_ledger_page, REC_TYPE_PAGE)

static RecCaseSession *
session_of (RecLedgerPage *self)
{
  return rec_page_get_session (REC_PAGE (self));
}

static char *
date_text (GObject  *object,
           gpointer  user_data)
{
  return rec_gui_format_date (&REC_LEDGER_ITEM (object)->line.date);
}

static char *
payment_text (RecLedgerPage       *self,
              const RecLedgerLine *line)
{
  RecPayment *payment = REC_PAYMENT (line->source);
  const RecRenderer renderer = { NULL, NULL, rec_case_session_get_info (session_of (self))->currency,
                                 NULL };
  g_autofree char *split = rec_ledger_line_split_text (line, &renderer);
  g_autofree char *name = NULL;

  if (*payment->reference != '\0')
    /* Translators: a payment method ("Check"), then its reference ("#1043") */
    name = g_strdup_printf (_("Payment · %s · %s"), rec_payment_method_label (payment->method),
                            payment->reference);
  else
    /* Translators: %s is a payment method, e.g. "Check" */
    name = g_strdup_printf (_("Payment · %s"), rec_payment_method_label (payment->method));

  if (split == NULL)
    return g_steal_pointer (&name);

  /* Translators: a payment ("Payment · Check · 1043"), then how it was applied
   * ("$600.00 to this month’s support, $45.00 to interest") */
  return g_strdup_printf (_("%s — %s"), name, split);
}

static char *
entry_text (GObject  *object,
            gpointer  user_data)
{
  const RecLedgerLine *line = &REC_LEDGER_ITEM (object)->line;
  RecCharge *charge;

  if (REC_LEDGER_ITEM (object)->accrual)
    return g_strdup (_("Interest accrued"));

  switch (line->kind)
    {
    case REC_LEDGER_INSTALLMENT:
      /* Translators: %s is a kind of support, e.g. "Child support" */
      return g_strdup_printf (_("%s due"), rec_term_kind_label (line->term_kind));

    case REC_LEDGER_CHARGE:
      charge = REC_CHARGE (line->source);
      return g_strdup (*charge->description != '\0' ? charge->description : _("Charge"));

    case REC_LEDGER_PAYMENT:
      return payment_text (user_data, line);

    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
due_text (GObject  *object,
          gpointer  user_data)
{
  RecLedgerPage *self = user_data;
  const RecLedgerLine *line = &REC_LEDGER_ITEM (object)->line;

  if (line->kind == REC_LEDGER_PAYMENT)
    return NULL;
  return rec_gui_format_cents (session_of (self), line->amount_cents);
}

static char *
paid_text (GObject  *object,
           gpointer  user_data)
{
  RecLedgerPage *self = user_data;
  const RecLedgerLine *line = &REC_LEDGER_ITEM (object)->line;

  if (line->kind != REC_LEDGER_PAYMENT)
    return NULL;
  return rec_gui_format_cents (session_of (self), line->amount_cents);
}

/* The narrow amount: what fell due, or a payment as a minus. */
static char *
amount_text (GObject  *object,
             gpointer  user_data)
{
  RecLedgerPage *self = user_data;
  const RecLedgerLine *line = &REC_LEDGER_ITEM (object)->line;

  return rec_gui_format_cents (session_of (self), line->kind == REC_LEDGER_PAYMENT
                                                  ? -line->amount_cents : line->amount_cents);
}

/* The record whose documents a row counts: a payment's or a charge's. */
static GObject *
evidence_record_of (GObject *object)
{
  RecLedgerItem *item = REC_LEDGER_ITEM (object);

  if (item->accrual || item->line.kind == REC_LEDGER_INSTALLMENT)
    return NULL;
  return item->line.source;
}

static char *
principal_text (GObject  *object,
                gpointer  user_data)
{
  RecLedgerPage *self = user_data;

  return rec_gui_format_cents (session_of (self),
                               REC_LEDGER_ITEM (object)->line.principal_balance_cents);
}

static char *
interest_text (GObject  *object,
               gpointer  user_data)
{
  RecLedgerPage *self = user_data;

  return rec_gui_format_cents (session_of (self),
                               REC_LEDGER_ITEM (object)->line.interest_balance_cents);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const RecLedgerItem *item_a = a;
  const RecLedgerItem *item_b = b;
  int order = g_date_compare (&item_a->line.date, &item_b->line.date);

  if (order != 0)
    return order;
  return (item_a->index > item_b->index) - (item_a->index < item_b->index);
}

static int
compare_amounts (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  RecCents amount_a = ((const RecLedgerItem *) a)->line.amount_cents;
  RecCents amount_b = ((const RecLedgerItem *) b)->line.amount_cents;

  return (amount_a > amount_b) - (amount_a < amount_b);
}

static gboolean
in_selected_year (gpointer item,
                  gpointer user_data)
{
  RecLedgerPage *self = user_data;

  return self->year == 0 || g_date_get_year (&REC_LEDGER_ITEM (item)->line.date) == self->year;
}

/* Every cell of an amount column asks for the room of the widest amount
 * the ledger holds: GTK 4.8 sizes a column from the rows it has bound so
 * far, and a longer figure scrolled into view was cut mid-number. */
static void
amount_cell_bind_cb (GtkListItemFactory *factory,
                     GtkListItem        *list_item,
                     RecLedgerPage      *self)
{
  gtk_label_set_width_chars (GTK_LABEL (gtk_list_item_get_child (list_item)),
                             self->amount_chars);
}

/* At phone width the entry ellipsizes sooner, so the amounts fit. */
static void
set_entry_chars (GtkListItem   *list_item,
                 gpointer       unused,
                 RecLedgerPage *self)
{
  gtk_label_set_width_chars (GTK_LABEL (gtk_list_item_get_child (list_item)),
                             self->narrow ? NARROW_ENTRY_CHARS : 12);
}

static void
entry_cell_bind_cb (GtkListItemFactory *factory,
                    GtkListItem        *list_item,
                    RecLedgerPage      *self)
{
  if (self->entry_cells == NULL)
    return;
  g_hash_table_add (self->entry_cells, list_item);
  set_entry_chars (list_item, NULL, self);
}

static void
entry_cell_unbind_cb (GtkListItemFactory *factory,
                      GtkListItem        *list_item,
                      RecLedgerPage      *self)
{
  if (self->entry_cells != NULL)
    g_hash_table_remove (self->entry_cells, list_item);
}

static void
set_column (GtkColumnViewColumn *column,
            RecCellTextFunc      func,
            RecLedgerPage       *self,
            RecCellFlags         flags,
            GCompareDataFunc     compare)
{
  g_autoptr(GtkListItemFactory) factory = rec_gui_label_factory_new (func, self, flags);

  if (flags & REC_CELL_NUMERIC)
    g_signal_connect (factory, "bind", G_CALLBACK (amount_cell_bind_cb), self);
  gtk_column_view_column_set_factory (column, factory);
  if (compare != NULL)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
    }
}

static void
setup_columns (RecLedgerPage *self)
{
  set_column (self->date_column, date_text, self, REC_CELL_TABULAR, compare_dates);
  set_column (self->entry_column, entry_text, self, REC_CELL_ELLIPSIZE, NULL);
  /* The cells may go after the page (a column view freed late). */
  g_signal_connect_object (gtk_column_view_column_get_factory (self->entry_column), "bind",
                           G_CALLBACK (entry_cell_bind_cb), self, 0);
  g_signal_connect_object (gtk_column_view_column_get_factory (self->entry_column), "unbind",
                           G_CALLBACK (entry_cell_unbind_cb), self, 0);
  g_signal_connect_object (gtk_column_view_column_get_factory (self->entry_column), "teardown",
                           G_CALLBACK (entry_cell_unbind_cb), self, 0);
  set_column (self->due_column, due_text, self, REC_CELL_NUMERIC, compare_amounts);
  set_column (self->paid_column, paid_text, self, REC_CELL_NUMERIC | REC_CELL_SUCCESS,
              compare_amounts);
  set_column (self->principal_column, principal_text, self, REC_CELL_NUMERIC, NULL);
  set_column (self->interest_column, interest_text, self, REC_CELL_NUMERIC | REC_CELL_DIM, NULL);

  self->evidence_column = rec_evidence_column_new (REC_PAGE (self), evidence_record_of);
  gtk_column_view_insert_column (self->column_view, 2, self->evidence_column);
  self->amount_column = gtk_column_view_column_new (_("Amount"), NULL);
  set_column (self->amount_column, amount_text, self, REC_CELL_NUMERIC, compare_amounts);
  gtk_column_view_column_set_visible (self->amount_column, FALSE);
  gtk_column_view_insert_column (self->column_view, 3, self->amount_column);
}

static gboolean
switch_narrow_cb (gpointer user_data)
{
  RecLedgerPage *self = user_data;
  /* The paperclip too: at 360 px the unpaid support after each row matters
   * more (the dialog and the Evidence page still show the documents). */
  GtkColumnViewColumn *wide[] = { self->due_column, self->paid_column, self->interest_column,
                                  self->evidence_column };

  self->narrow_idle = 0;
  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    gtk_column_view_column_set_visible (wide[i], !self->narrow);
  gtk_column_view_column_set_visible (self->amount_column, self->narrow);
  /* Its title, not its figures, made the balance column the widest. */
  gtk_column_view_column_set_title (self->principal_column,
                                    self->narrow
                                    ? C_("ledger column at phone width", "Unpaid")
                                    : _("Unpaid Support"));
  /* The entry gives up its room first (its text ellipsizes); a fixed
   * width makes the column measure again. */
  g_hash_table_foreach (self->entry_cells, (GHFunc) set_entry_chars, self);
  gtk_column_view_column_set_fixed_width (self->entry_column, self->narrow ? NARROW_ENTRY_WIDTH
                                                                           : -1);
  return G_SOURCE_REMOVE;
}

/* Columns are shown or hidden after the allocation, never during it: the
 * horizontal adjustment's page size follows the page's width (RecPage
 * allocates through a layout manager, so no size_allocate vfunc runs). The
 * width comes from the window, not from the columns (they scroll), so hiding
 * them cannot bring the width back over the line. */
static void
page_width_changed_cb (GtkAdjustment *adjustment,
                       GParamSpec    *pspec,
                       RecLedgerPage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean narrow = width > 0 && width < NARROW_WIDTH;

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  if (self->narrow_idle == 0)
    self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, switch_narrow_cb, self, NULL);
}

static void
attachments_changed_cb (RecLedgerPage *self)
{
  rec_evidence_column_refresh (self->evidence_column);
}

static RecLedgerItem *
selected_item (RecLedgerPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* A case that cannot be written is shown, not edited. */
static gboolean
is_editable (RecLedgerPage *self)
{
  RecCaseSession *session = session_of (self);

  return session != NULL && !rec_case_session_get_read_only (session);
}

static void
update_actions (RecLedgerPage *self)
{
  RecLedgerItem *item = selected_item (self);
  gboolean editable = is_editable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.add-payment", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.add-charge", editable);
  /* The action only reaches the split button's main half: its arrow would
   * still open a menu of adds that cannot be used. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.edit",
                                 editable && item != NULL && !item->accrual);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.delete",
                                 editable && item != NULL
                                 && item->line.kind != REC_LEDGER_INSTALLMENT);
}

/* The years the case spans, from the engine's history, newest first. */
static void
update_years (RecLedgerPage          *self,
              const RecArrearsResult *result)
{
  guint n_years = result != NULL ? result->history->len : 0;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->years));
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  g_ptr_array_add (years, g_strdup (_("All Years")));
  for (guint i = n_years; i > 0; i--)
    {
      int year = g_array_index (result->history, RecHistoryYear, i - 1).year;

      if (year == self->year)
        selected = years->len;
      g_ptr_array_add (years, g_strdup_printf ("%d", year));
    }
  g_ptr_array_add (years, NULL);

  if (n_items == years->len - 1)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < n_items; i++)
        same = g_str_equal (gtk_string_list_get_string (self->years, i), years->pdata[i]);
      if (same)
        return;
    }
  gtk_string_list_splice (self->years, 0, n_items, (const char * const *) years->pdata);
  gtk_drop_down_set_selected (self->year_dropdown, selected);
}

/* The characters of the longest amount a column shows (the amounts, the
 * balances after them, the totals), so a column never has less room. */
static int
widest_amount (RecLedgerPage          *self,
               const RecArrearsResult *result)
{
  RecCents lowest = 0;
  RecCents highest = MAX (result->total_balance_cents, result->principal_balance_cents);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  for (guint i = 0; i < result->ledger->len; i++)
    {
      const RecLedgerLine *line = &g_array_index (result->ledger, RecLedgerLine, i);
      RecCents values[] = { line->amount_cents, line->principal_balance_cents,
                            line->interest_balance_cents };

      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        {
          lowest = MIN (lowest, values[j]);
          highest = MAX (highest, values[j]);
        }
    }
  low = rec_gui_format_cents (session_of (self), lowest);
  high = rec_gui_format_cents (session_of (self), highest);
  return (int) MAX (g_utf8_strlen (low, -1), g_utf8_strlen (high, -1));
}

static void
update_amount_width (RecLedgerPage          *self,
                     const RecArrearsResult *result)
{
  GtkColumnViewColumn *columns[] = { self->due_column, self->paid_column,
                                     self->principal_column, self->interest_column,
                                     self->amount_column };
  int chars = result != NULL ? widest_amount (self, result) : 0;

  if (chars <= self->amount_chars)
    return;
  self->amount_chars = chars;
  /* Cells already bound take the new width when bound again. */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = NULL;

      g_set_object (&factory, gtk_column_view_column_get_factory (columns[i]));
      gtk_column_view_column_set_factory (columns[i], NULL);
      gtk_column_view_column_set_factory (columns[i], factory);
    }
}

/* Selects the row of the payment or charge just added and scrolls to it
 * (it may be in a year not shown: then nothing). */
static void
show_added (RecLedgerPage *self)
{
  g_autoptr(GObject) added = g_steal_pointer (&self->added);
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint position = rec_ledger_model_find (self->ledger, added);
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(RecLedgerItem) item = NULL;

  if (position == G_MAXUINT)
    return;
  /* Unsorted and unfiltered, rows are in the ledger's order; else look. */
  item = g_list_model_get_item (rows, position);
  if (item == NULL || item->line.source != added)
    for (position = 0; position < n; position++)
      {
        g_clear_object (&item);
        item = g_list_model_get_item (rows, position);
        if (item->line.source == added)
          break;
      }
  if (position < n)
    _rec_column_view_show_row (self->column_view, self->selection, position);
}

static void
refresh (RecLedgerPage *self)
{
  const RecArrearsResult *result = rec_case_session_get_result (session_of (self));

  update_amount_width (self, result);
  rec_ledger_model_set_result (self->ledger, result);
  if (self->added != NULL)
    show_added (self);
  update_years (self, result);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->ledger)) == 0
                                    ? "empty" : "content");
  update_actions (self);
}

static void
edit_item (RecLedgerPage *self,
           RecLedgerItem *item)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWindow *dialog = NULL;

  /* The interest accrued to today is the engine's, not an entry. */
  if (item->accrual)
    return;

  switch (item->line.kind)
    {
    case REC_LEDGER_INSTALLMENT:
      dialog = rec_term_dialog_new (parent, session_of (self), REC_TERM (item->line.source));
      break;

    case REC_LEDGER_CHARGE:
      dialog = rec_charge_dialog_new (parent, session_of (self), REC_CHARGE (item->line.source));
      break;

    case REC_LEDGER_PAYMENT:
      dialog = rec_payment_dialog_new (parent, session_of (self), REC_PAYMENT (item->line.source));
      break;

    default:
      g_return_if_reached ();
    }
  gtk_window_present (dialog);
}

/* The newest entries matter most: the first time the ledger is shown, it
 * opens at its end. A tick runs after the rows have their sizes. */
static gboolean
scroll_to_end_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget));

  if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
    return G_SOURCE_CONTINUE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

static void
column_view_mapped_cb (GtkWidget     *view,
                       RecLedgerPage *self)
{
  if (self->shown || session_of (self) == NULL)
    return;
  self->shown = TRUE;
  gtk_widget_add_tick_callback (view, scroll_to_end_cb, NULL, NULL);
}

static void
entries_changed_cb (GListModel    *model,
                    guint          position,
                    guint          removed,
                    guint          added,
                    RecLedgerPage *self)
{
  _rec_page_note_added (&self->added, model, position, removed, added);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      RecLedgerPage      *self)
{
  update_actions (self);
}

static void
year_selected_cb (GtkDropDown   *dropdown,
                  GParamSpec    *pspec,
                  RecLedgerPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *text = selected > 0 && selected != GTK_INVALID_LIST_POSITION
                     ? gtk_string_list_get_string (self->years, selected) : NULL;
  int year = text != NULL ? atoi (text) : 0;

  if (year == self->year)
    return;
  self->year = year;
  /* Without a filter the model passes rows through untouched; a filter would
   * look at (and create) every row of a long ledger. */
  gtk_filter_list_model_set_filter (self->filtered, year != 0 ? GTK_FILTER (self->year_filter)
                                                              : NULL);
  gtk_filter_changed (GTK_FILTER (self->year_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
column_view_activate_cb (GtkColumnView *view,
                         guint          position,
                         RecLedgerPage *self)
{
  g_autoptr(RecLedgerItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL && is_editable (self))
    edit_item (self, item);
}

static void
ledger_add_payment_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (widget);

  gtk_window_present (rec_payment_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                              session_of (self), NULL));
}

static void
ledger_add_charge_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (widget);

  gtk_window_present (rec_charge_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                             session_of (self), NULL));
}

static void
ledger_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (widget);
  RecLedgerItem *item = selected_item (self);

  if (item != NULL)
    edit_item (self, item);
}

static void
ledger_delete_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (widget);
  RecLedgerItem *item = selected_item (self);
  g_autoptr(GObject) source = NULL;

  if (item == NULL || item->line.kind == REC_LEDGER_INSTALLMENT)
    return;

  source = g_object_ref (item->line.source);
  rec_gui_delete_with_undo (widget, session_of (self), source,
                            item->line.kind == REC_LEDGER_PAYMENT ? _("Payment deleted")
                                                                  : _("Charge deleted"));
}

static void
connect_entries (RecLedgerPage *self,
                 gboolean       connect)
{
  GListModel *models[] = { rec_case_session_get_payments (session_of (self)),
                           rec_case_session_get_charges (session_of (self)) };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    if (connect)
      g_signal_connect_object (models[i], "items-changed", G_CALLBACK (entries_changed_cb), self,
                               0);
    else
      g_signal_handlers_disconnect_by_data (models[i], self);
}

/* A long ledger (tens of thousands of rows) is loaded into the view when the
 * page is first shown, or once the window is idle (RecPage), so opening a
 * case does not wait for a page nobody is looking at. */
static void
rec_ledger_page_load (RecPage *page)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (page);

  connect_entries (self, TRUE);
  g_signal_connect_object (rec_page_get_session (page), "attachments-changed",
                           G_CALLBACK (attachments_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
rec_ledger_page_refresh (RecPage *page)
{
  refresh (REC_LEDGER_PAGE (page));
}

static void
rec_ledger_page_unload (RecPage *page)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (page);

  connect_entries (self, FALSE);
  g_signal_handlers_disconnect_by_func (rec_page_get_session (page), attachments_changed_cb, self);
  g_clear_object (&self->added);
  self->amount_chars = 0;
  rec_ledger_model_set_result (self->ledger, NULL);
  update_years (self, NULL);
}

static void
session_notify_cb (RecLedgerPage *self,
                   GParamSpec    *pspec,
                   gpointer       user_data)
{
  update_actions (self);
}

static gboolean
rec_ledger_page_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  return _rec_page_focus_past_list (widget, GTK_WIDGET (REC_LEDGER_PAGE (widget)->column_view),
                                    direction,
                                    GTK_WIDGET_CLASS (rec_ledger_page_parent_class)->focus);
}

static void
rec_ledger_page_dispose (GObject *object)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (object);
  GtkWidget *child;

  /* The columns going with the template sort the rows again: no update of
   * widgets already gone. */
  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->year_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->year_dropdown, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_LEDGER_PAGE);
  /* The template's root child is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (rec_page_is_loaded (REC_PAGE (self)))
    connect_entries (self, FALSE);
  g_clear_object (&self->added);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->year_filter);
  g_clear_object (&self->years);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->entry_cells, g_hash_table_unref);

  G_OBJECT_CLASS (rec_ledger_page_parent_class)->dispose (object);
}

static void
rec_ledger_page_class_init (RecLedgerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RecPageClass *page_class = REC_PAGE_CLASS (klass);

  object_class->dispose = rec_ledger_page_dispose;
  widget_class->focus = rec_ledger_page_focus;
  page_class->load = rec_ledger_page_load;
  page_class->refresh = rec_ledger_page_refresh;
  page_class->unload = rec_ledger_page_unload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-ledger-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, entry_column);
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, paid_column);
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, principal_column);
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, interest_column);

  gtk_widget_class_install_action (widget_class, "ledger.add-payment", NULL,
                                   ledger_add_payment_action);
  gtk_widget_class_install_action (widget_class, "ledger.add-charge", NULL,
                                   ledger_add_charge_action);
  gtk_widget_class_install_action (widget_class, "ledger.edit", NULL, ledger_edit_action);
  gtk_widget_class_install_action (widget_class, "ledger.delete", NULL, ledger_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "ledger.delete", NULL);
}

/* The year button's label gives way at phone width ("Tất cả các năm" in
 * Vietnamese made the window wider than 360 px); the list shows it whole. */
static void
year_label_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (list_item, label);
}

static void
year_label_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (list_item)));
}

static void
setup_year_dropdown (RecLedgerPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (year_label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (year_label_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (year_label_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (year_label_bind_cb), NULL);
  gtk_drop_down_set_factory (self->year_dropdown, factory);
  gtk_drop_down_set_list_factory (self->year_dropdown, list_factory);
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (self->years));
}

/* Gives `label` to `widget` and to its descendants of `type`, for
 * assistive technologies (the template's widgets have a tooltip only). */
static void
label_accessibles (GtkWidget  *widget,
                   GType       type,
                   const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    label_accessibles (child, type, label);
}

static void
rec_ledger_page_init (RecLedgerPage *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A statement or archive dropped here opens Import (spec/import.md §4). */
  rec_import_add_drop_target (GTK_WIDGET (self), REC_IMPORT_KIND_PAYMENTS);

  self->ledger = rec_ledger_model_new ();
  self->entry_cells = g_hash_table_new (NULL, NULL);
  self->years = gtk_string_list_new (NULL);
  setup_year_dropdown (self);
  label_accessibles (GTK_WIDGET (self->year_dropdown), GTK_TYPE_DROP_DOWN, _("Show one year"));
  label_accessibles (GTK_WIDGET (self->year_dropdown), GTK_TYPE_TOGGLE_BUTTON, _("Show one year"));
  /* The split button's arrow, before the year button. */
  label_accessibles (gtk_widget_get_prev_sibling (GTK_WIDGET (self->year_dropdown)),
                     GTK_TYPE_MENU_BUTTON, _("Add something else"));
  self->year_filter = gtk_custom_filter_new (in_selected_year, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->ledger)), NULL);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  setup_columns (self);

  g_signal_connect (self->selection, "notify::selected-item",
                    G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self->year_dropdown, "notify::selected", G_CALLBACK (year_selected_cb), self);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (column_view_activate_cb), self);
  g_signal_connect (self->column_view, "map", G_CALLBACK (column_view_mapped_cb), self);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)),
                           "notify::page-size", G_CALLBACK (page_width_changed_cb), self, 0);
  g_signal_connect (self, "notify::session", G_CALLBACK (session_notify_cb), NULL);
  update_years (self, NULL);
  update_actions (self);
}

GtkSingleSelection *
_rec_ledger_page_get_rows (RecLedgerPage *self)
{
  rec_page_ensure_loaded (REC_PAGE (self));
  return self->selection;
}

/* GTK 4.8 moves one row per Tab in a column view (its focus() takes Tab for
 * the next row), so a long list holds the keyboard: from inside `list`, Tab
 * and Shift+Tab skip it for the control after or before it, as from any
 * other control. The arrows still move between rows. */
gboolean
_rec_page_focus_past_list (GtkWidget         *page,
                           GtkWidget         *list,
                           GtkDirectionType   direction,
                           RecFocusFunc       chain_up)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean moved;

  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
      || focus == NULL || (focus != list && !gtk_widget_is_ancestor (focus, list)))
    return chain_up (page, direction);

  /* A widget that cannot take focus is passed over, with its rows. */
  gtk_widget_set_can_focus (list, FALSE);
  moved = chain_up (page, direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

void
_rec_page_note_added (GObject    **slot,
                      GListModel  *model,
                      guint        position,
                      guint        removed,
                      guint        added)
{
  if (removed != 0 || added != 1)
    return;
  g_clear_object (slot);
  *slot = g_list_model_get_item (model, position);
}

/* The frames after a row was added: GTK 4.8's list scrolls to an item
 * within the height it had before the row was laid out, so a row added at
 * the end stayed one row below the view. Asked again once the new row has
 * been measured (the second frame), it is wholly in view. */
#define SHOW_ROW_FRAMES 2

typedef struct
{
  guint position;
  guint frames;
} ShowRow;

static gboolean
show_row_again_cb (GtkWidget     *list,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  ShowRow *show = user_data;

  if (++show->frames < SHOW_ROW_FRAMES)
    return G_SOURCE_CONTINUE;
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", show->position);
  return G_SOURCE_REMOVE;
}

void
_rec_column_view_show_row (GtkColumnView      *view,
                           GtkSingleSelection *selection,
                           guint               position)
{
  gtk_single_selection_set_selected (selection, position);
  /* The column view's rows are a GtkListView, which scrolls to an item. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        ShowRow *show = g_new0 (ShowRow, 1);

        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        show->position = position;
        gtk_widget_add_tick_callback (child, show_row_again_cb, show, g_free);
      }
}
