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
#include "rec-gui-util.h"
#include "rec-ledger-model.h"
#include "rec-pages-private.h"
#include "rec-payment-dialog.h"
#include "rec-term-dialog.h"

#include <glib/gi18n.h>
#include <stdlib.h>

struct _RecLedgerPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkDropDown        *year_dropdown;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *entry_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *paid_column;
  GtkColumnViewColumn *principal_column;
  GtkColumnViewColumn *interest_column;

  /* Owned */
  RecCaseSession     *session;
  RecLedgerModel     *ledger;
  GtkStringList      *years;        /* "All Years", then the years, newest first */
  GtkCustomFilter    *year_filter;
  GtkFilterListModel *filtered;     /* filter set only for one year */
  GtkSingleSelection *selection;
  int                 year;         /* 0: all */
  gboolean            shown;        /* scrolled to the latest entries once */
  gboolean            bound;        /* the ledger has been loaded into the view */
  guint               bind_idle;
};

G_DEFINE_FINAL_TYPE (RecLedgerPage, rec_ledger_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
date_text (GObject  *object,
           gpointer  user_data)
{
  return rec_gui_format_date (&REC_LEDGER_ITEM (object)->line.date);
}

/* How the engine applied a payment (spec/arrears.md §4), e.g. "$600.00 to
 * this month's support, $45.00 to interest", or NULL when it all went to this
 * month's support. */
static char *
split_text (RecLedgerPage       *self,
            const RecLedgerLine *line)
{
  const struct { RecCents cents; const char *format; } parts[] = {
    /* Translators: %s is an amount of a payment */
    { line->to_current_cents, N_("%s to this month’s support") },
    /* Translators: %s is an amount of a payment */
    { line->to_interest_cents, N_("%s to interest") },
    /* Translators: %s is an amount of a payment */
    { line->to_principal_cents, N_("%s to past-due support") },
    /* Translators: %s is an amount of a payment, kept for later installments */
    { line->to_credit_cents, N_("%s kept as credit") },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_parts = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *amount = NULL;

      if (parts[i].cents == 0)
        continue;
      amount = rec_gui_format_cents (self->session, parts[i].cents);
      if (n_parts++ > 0)
        /* Translators: separates the parts of a list, "A, B" */
        g_string_append (text, C_("list separator", ", "));
      g_string_append_printf (text, _(parts[i].format), amount);
    }

  /* A payment that simply paid this month's support needs no explanation. */
  if (n_parts == 0 || line->to_current_cents == line->amount_cents)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
payment_text (RecLedgerPage       *self,
              const RecLedgerLine *line)
{
  RecPayment *payment = REC_PAYMENT (line->source);
  g_autofree char *split = split_text (self, line);
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
  return rec_gui_format_cents (self->session, line->amount_cents);
}

static char *
paid_text (GObject  *object,
           gpointer  user_data)
{
  RecLedgerPage *self = user_data;
  const RecLedgerLine *line = &REC_LEDGER_ITEM (object)->line;

  if (line->kind != REC_LEDGER_PAYMENT)
    return NULL;
  return rec_gui_format_cents (self->session, line->amount_cents);
}

static char *
principal_text (GObject  *object,
                gpointer  user_data)
{
  RecLedgerPage *self = user_data;

  return rec_gui_format_cents (self->session,
                               REC_LEDGER_ITEM (object)->line.principal_balance_cents);
}

static char *
interest_text (GObject  *object,
               gpointer  user_data)
{
  RecLedgerPage *self = user_data;

  return rec_gui_format_cents (self->session,
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

static void
set_column (GtkColumnViewColumn *column,
            RecCellTextFunc      func,
            gpointer             user_data,
            RecCellFlags         flags,
            GCompareDataFunc     compare)
{
  g_autoptr(GtkListItemFactory) factory = rec_gui_label_factory_new (func, user_data, flags);

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
  set_column (self->due_column, due_text, self, REC_CELL_NUMERIC, compare_amounts);
  set_column (self->paid_column, paid_text, self, REC_CELL_NUMERIC | REC_CELL_SUCCESS,
              compare_amounts);
  set_column (self->principal_column, principal_text, self, REC_CELL_NUMERIC, NULL);
  set_column (self->interest_column, interest_text, self, REC_CELL_NUMERIC | REC_CELL_DIM, NULL);
}

static RecLedgerItem *
selected_item (RecLedgerPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (RecLedgerPage *self)
{
  RecLedgerItem *item = selected_item (self);
  gboolean has_session = self->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.add-payment", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.add-charge", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.edit", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.delete",
                                 item != NULL && item->line.kind != REC_LEDGER_INSTALLMENT);
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

static void
refresh (RecLedgerPage *self)
{
  const RecArrearsResult *result = rec_case_session_get_result (self->session);

  rec_ledger_model_set_result (self->ledger, result);
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

  switch (item->line.kind)
    {
    case REC_LEDGER_INSTALLMENT:
      dialog = rec_term_dialog_new (parent, self->session, REC_TERM (item->line.source));
      break;

    case REC_LEDGER_CHARGE:
      dialog = rec_charge_dialog_new (parent, self->session, REC_CHARGE (item->line.source));
      break;

    case REC_LEDGER_PAYMENT:
      dialog = rec_payment_dialog_new (parent, self->session, REC_PAYMENT (item->line.source));
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
  if (self->shown || self->session == NULL)
    return;
  self->shown = TRUE;
  gtk_widget_add_tick_callback (view, scroll_to_end_cb, NULL, NULL);
}

/* A long ledger (tens of thousands of rows) is loaded into the view when the
 * page is first shown, or once the window is idle, whichever comes first, so
 * opening a case does not wait for a page nobody is looking at. */
static void
ensure_bound (RecLedgerPage *self)
{
  if (self->bound || self->session == NULL)
    return;

  self->bound = TRUE;
  g_clear_handle_id (&self->bind_idle, g_source_remove);
  refresh (self);
}

static gboolean
bind_idle_cb (gpointer user_data)
{
  RecLedgerPage *self = user_data;

  self->bind_idle = 0;
  ensure_bound (self);
  return G_SOURCE_REMOVE;
}

static void
session_changed_cb (RecCaseSession *session,
                    RecLedgerPage  *self)
{
  if (self->bound)
    refresh (self);
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

  if (item != NULL)
    edit_item (self, item);
}

static void
ledger_add_payment_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (widget);

  gtk_window_present (rec_payment_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                              self->session, NULL));
}

static void
ledger_add_charge_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (widget);

  gtk_window_present (rec_charge_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                             self->session, NULL));
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
  rec_gui_delete_with_undo (widget, self->session, source,
                            item->line.kind == REC_LEDGER_PAYMENT ? _("Payment deleted")
                                                                  : _("Charge deleted"));
}

static void
set_session (RecLedgerPage  *self,
             RecCaseSession *session)
{
  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "changed", G_CALLBACK (session_changed_cb), self, 0);
      self->bound = FALSE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        ensure_bound (self);
      else if (self->bind_idle == 0)
        self->bind_idle = g_idle_add_full (G_PRIORITY_LOW, bind_idle_cb, self, NULL);
    }
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
rec_ledger_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_ledger_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_ledger_page_map (GtkWidget *widget)
{
  ensure_bound (REC_LEDGER_PAGE (widget));

  GTK_WIDGET_CLASS (rec_ledger_page_parent_class)->map (widget);
}

static void
rec_ledger_page_dispose (GObject *object)
{
  RecLedgerPage *self = REC_LEDGER_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->bind_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_LEDGER_PAGE);
  /* The template's root child is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->year_filter);
  g_clear_object (&self->years);
  g_clear_object (&self->ledger);

  G_OBJECT_CLASS (rec_ledger_page_parent_class)->dispose (object);
}

static void
rec_ledger_page_class_init (RecLedgerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rec_ledger_page_get_property;
  object_class->set_property = rec_ledger_page_set_property;
  object_class->dispose = rec_ledger_page_dispose;
  widget_class->map = rec_ledger_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, REC_TYPE_CASE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-ledger-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecLedgerPage, stack);
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

static void
rec_ledger_page_init (RecLedgerPage *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->ledger = rec_ledger_model_new ();
  self->years = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (self->years));
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
  update_years (self, NULL);
  update_actions (self);
}

GtkSingleSelection *
_rec_ledger_page_get_rows (RecLedgerPage *self)
{
  ensure_bound (self);
  return self->selection;
}
