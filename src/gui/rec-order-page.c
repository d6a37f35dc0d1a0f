/* rec-order-page.c — the case details, the children, the order's terms and
 * its interest overrides
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-order-page.h"

#include "rec-case-details-dialog.h"
#include "rec-child-dialog.h"
#include "rec-date.h"
#include "rec-gui-util.h"
#include "rec-interest-override-dialog.h"
#include "rec-money.h"
#include "rec-pages-private.h"
#include "rec-term-dialog.h"

#include <glib/gi18n.h>

struct _RecOrderPage
{
  RecPage         parent_instance;

  /* Template widgets */
  AdwActionRow   *court_row;
  AdwActionRow   *court_case_row;
  AdwActionRow   *agency_case_row;
  AdwActionRow   *obligor_row;
  AdwActionRow   *obligee_row;
  AdwActionRow   *flags_row;
  GtkListBox     *children_list;
  GtkListBox     *terms_list;
  GtkListBox     *overrides_list;

  /* Owned */
  GListModel     *sorted_terms;
  GListModel     *sorted_overrides;
  GObject        *added;          /* a child, term or override just added, to show */
};

G_DEFINE_FINAL_TYPE (RecOrderPage, rec_order_page, REC_TYPE_PAGE)

static RecCaseSession *
session_of (RecOrderPage *self)
{
  return rec_page_get_session (REC_PAGE (self));
}

static void
set_value (AdwActionRow *row,
           const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : _("Not entered"));
}

static char *
describe_party (const RecParty *party)
{
  if (*party->name == '\0')
    return NULL;
  if (*party->employer == '\0')
    return g_strdup (party->name);
  /* Translators: a person's name, then their employer */
  return g_strdup_printf (_("%s · works for %s"), party->name, party->employer);
}

static void
refresh_case (RecOrderPage *self)
{
  RecCaseInfo *info = rec_case_session_get_info (session_of (self));
  g_autofree char *obligor = describe_party (&info->obligor);
  g_autofree char *obligee = describe_party (&info->obligee);
  const char *agency = info->agency_enforced ? _("Enforced by the child support agency")
                                             : _("Not enforced by the agency");
  g_autofree char *flags = NULL;

  set_value (self->court_row, info->court);
  set_value (self->court_case_row, info->court_case_number);
  set_value (self->agency_case_row, info->agency_case_number);
  set_value (self->obligor_row, obligor);
  set_value (self->obligee_row, obligee);
  /* Translators: two facts about the case joined, e.g. "Not enforced by the agency · public assistance received" */
  flags = info->public_assistance ? g_strdup_printf (_("%s · public assistance received"), agency)
                                  : g_strdup (agency);
  set_value (self->flags_row, flags);
}

static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip,
            const char *action_name,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static GtkWidget *
create_child_row (gpointer item,
                  gpointer user_data)
{
  RecChild *child = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *born = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), child->name);
  if (rec_date_is_set (&child->birth_date))
    {
      born = rec_gui_format_date (&child->birth_date);
      /* Translators: %s is a date of birth */
      subtitle = g_strdup_printf (_("Born %s"), born);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("document-edit-symbolic", _("Edit"),
                                         "order.edit-child", child->entity.id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("user-trash-symbolic", _("Delete"),
                                         "order.delete-child", child->entity.id));
  return row;
}

static gboolean
term_in_force (RecTerm *term)
{
  GDate today;

  rec_date_set_today (&today);
  return rec_date_compare (&term->effective, &today) <= 0
         && (!rec_date_is_set (&term->end) || rec_date_compare (&term->end, &today) >= 0);
}

static char *
describe_term_dates (RecTerm *term)
{
  g_autofree char *from = rec_gui_format_date (&term->effective);
  g_autofree char *to = NULL;
  gboolean in_force = term_in_force (term);

  if (!rec_date_is_set (&term->end))
    {
      if (in_force)
        /* Translators: %s is the date a support term took effect */
        return g_strdup_printf (_("In force since %s"), from);
      /* Translators: %s is the date a support term takes or took effect */
      return g_strdup_printf (_("From %s, no end date"), from);
    }
  to = rec_gui_format_date (&term->end);
  if (in_force)
    /* Translators: the first and last date of a support term in force */
    return g_strdup_printf (_("In force from %s to %s"), from, to);
  /* Translators: the first and last date of a support term */
  return g_strdup_printf (_("From %s to %s"), from, to);
}

/* A term is a modification when an earlier term of the same kind exists. */
static gboolean
is_modification (RecOrderPage *self,
                 RecTerm      *term)
{
  GListModel *terms = rec_case_session_get_terms (session_of (self));
  guint n = g_list_model_get_n_items (terms);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RecTerm) other = g_list_model_get_item (terms, i);

      if (other->kind == term->kind && other->entity.id != term->entity.id
          && rec_date_compare (&other->effective, &term->effective) < 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
create_term_row (gpointer item,
                 gpointer user_data)
{
  RecOrderPage *self = user_data;
  RecTerm *term = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *amount = rec_gui_format_cents (session_of (self), term->amount_cents);
  g_autofree char *title = NULL;
  g_autofree char *dates = describe_term_dates (term);
  g_autofree char *subtitle = NULL;

  /* Translators: an amount, then how often it is due ("Monthly") */
  title = g_strdup_printf (_("%s · %s"), amount, rec_frequency_label (term->frequency));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Translators: "Modification" or "Original order", then the dates of a term */
  subtitle = g_strdup_printf (_("%s · %s"),
                              is_modification (self, term) ? _("Modification")
                                                           : _("Original order"),
                              dates);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* In force: an accent mark before the row rather than a badge after it,
   * which leaves the title its room at phone width. */
  if (term_in_force (term))
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (mark, "accent");
      gtk_widget_set_tooltip_text (mark, _("In force"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("In force"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
    }
  else
    {
      GtkWidget *space = gtk_image_new ();

      /* Keeps the titles of every term in line. */
      gtk_image_set_pixel_size (GTK_IMAGE (space), 16);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), space);
    }
  if (!rec_date_is_set (&term->end))
    {
      GtkWidget *end = gtk_button_new_with_mnemonic (_("_End"));

      gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (end, _("End this term today"));
      gtk_widget_add_css_class (end, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "order.end-term");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (end), "x", term->entity.id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("document-edit-symbolic", _("Edit"),
                                         "order.edit-term", term->entity.id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("user-trash-symbolic", _("Delete"),
                                         "order.delete-term", term->entity.id));
  return row;
}

/* The timeline groups terms by kind; within a kind, oldest first. */
static int
compare_terms (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const RecTerm *term_a = a;
  const RecTerm *term_b = b;

  if (term_a->kind != term_b->kind)
    return term_a->kind < term_b->kind ? -1 : 1;
  if (rec_date_compare (&term_a->effective, &term_b->effective) != 0)
    return rec_date_compare (&term_a->effective, &term_b->effective);
  return (term_a->entity.position > term_b->entity.position) - (term_a->entity.position < term_b->entity.position);
}

static void
terms_header_func (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  RecOrderPage *self = user_data;
  g_autoptr(RecTerm) term = g_list_model_get_item (self->sorted_terms,
                                                   gtk_list_box_row_get_index (row));
  g_autoptr(RecTerm) previous = NULL;
  GtkWidget *header;

  if (before != NULL)
    previous = g_list_model_get_item (self->sorted_terms, gtk_list_box_row_get_index (before));
  if (term == NULL || (previous != NULL && previous->kind == term->kind))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (rec_term_kind_label (term->kind));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
create_override_row (gpointer item,
                     gpointer user_data)
{
  RecInterestOverride *override = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *rate = rec_rate_to_string (override->rate_basis_points);
  g_autofree char *title = NULL;
  g_autofree char *from = rec_gui_format_date (&override->from);
  g_autofree char *to = rec_gui_format_date (&override->to);
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: %s is an annual interest rate such as "10" or "7.25";
   * %% is the percent sign */
  title = g_strdup_printf (_("%s%% a year"), rate);
  /* Translators: the first and last date of a support term */
  dates = g_strdup_printf (_("From %s to %s"), from, to);
  /* Translators: the dates of an interest override, then why the rate applies */
  subtitle = g_strdup_printf (_("%s · %s"), dates, override->reason);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("document-edit-symbolic", _("Edit"),
                                         "order.edit-override", override->entity.id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("user-trash-symbolic", _("Delete"),
                                         "order.delete-override", override->entity.id));
  return row;
}

/* Oldest first, as the engine reads them. */
static int
compare_overrides (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const RecInterestOverride *override_a = a;
  const RecInterestOverride *override_b = b;

  if (rec_date_compare (&override_a->from, &override_b->from) != 0)
    return rec_date_compare (&override_a->from, &override_b->from);
  return (override_a->entity.position > override_b->entity.position)
         - (override_a->entity.position < override_b->entity.position);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWindow *
parent_window (RecOrderPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
order_edit_case_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);

  gtk_window_present (rec_case_details_dialog_new (parent_window (self), session_of (self)));
}

static void
order_add_child_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);

  gtk_window_present (rec_child_dialog_new (parent_window (self), session_of (self), NULL));
}

static void
order_add_term_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);

  gtk_window_present (rec_term_dialog_new (parent_window (self), session_of (self), NULL));
}

static void
order_edit_child_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);
  g_autoptr(RecChild) child = rec_gui_find_by_id (rec_case_session_get_children (session_of (self)),
                                                  g_variant_get_int64 (parameter));

  if (child != NULL)
    gtk_window_present (rec_child_dialog_new (parent_window (self), session_of (self), child));
}

static void
order_edit_term_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);
  g_autoptr(RecTerm) term = rec_gui_find_by_id (rec_case_session_get_terms (session_of (self)),
                                                g_variant_get_int64 (parameter));

  if (term != NULL)
    gtk_window_present (rec_term_dialog_new (parent_window (self), session_of (self), term));
}

static void
order_delete_child_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);
  g_autoptr(GObject) child = rec_gui_find_by_id (rec_case_session_get_children (session_of (self)),
                                                 g_variant_get_int64 (parameter));

  if (child != NULL)
    rec_gui_delete_with_undo (widget, session_of (self), child, _("Child removed"));
}

static void
order_delete_term_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);
  g_autoptr(GObject) term = rec_gui_find_by_id (rec_case_session_get_terms (session_of (self)),
                                                g_variant_get_int64 (parameter));

  if (term != NULL)
    rec_gui_delete_with_undo (widget, session_of (self), term, _("Term deleted"));
}

static void
order_add_override_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);

  gtk_window_present (rec_interest_override_dialog_new (parent_window (self), session_of (self),
                                                        NULL));
}

static void
order_edit_override_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);
  g_autoptr(RecInterestOverride) override =
    rec_gui_find_by_id (rec_case_session_get_interest_overrides (session_of (self)),
                        g_variant_get_int64 (parameter));

  if (override != NULL)
    gtk_window_present (rec_interest_override_dialog_new (parent_window (self), session_of (self),
                                                          override));
}

static void
order_delete_override_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);
  g_autoptr(GObject) override =
    rec_gui_find_by_id (rec_case_session_get_interest_overrides (session_of (self)),
                        g_variant_get_int64 (parameter));

  if (override != NULL)
    rec_gui_delete_with_undo (widget, session_of (self), override, _("Interest override deleted"));
}

/* Ending a term sets its end date to today; the engine stops the
 * installments after it and everything already due stays owed. */
static void
order_end_term_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RecOrderPage *self = REC_ORDER_PAGE (widget);
  g_autoptr(RecTerm) term = rec_gui_find_by_id (rec_case_session_get_terms (session_of (self)),
                                                g_variant_get_int64 (parameter));
  g_autoptr(RecTerm) ended = NULL;
  g_autoptr(GError) error = NULL;

  if (term == NULL)
    return;
  ended = rec_term_copy (term);
  rec_date_set_today (&ended->end);
  if (rec_date_compare (&ended->end, &ended->effective) < 0)
    ended->end = ended->effective;
  if (!rec_case_session_update (session_of (self), G_OBJECT (ended), &error))
    {
      g_debug ("Cannot end the term: %s", error->message);
      gtk_widget_activate_action (widget, "win.show-toast", "s", _("Could not end the term"));
      return;
    }
  gtk_widget_activate_action (widget, "win.show-undo-toast", "s", _("Term ended today"));
}

/* A row just added (a child, a term, an override) is selected and scrolled
 * to: the session's list announces it first, then the list box's model,
 * once the row exists. */
static void
entity_added_cb (GListModel   *model,
                 guint         position,
                 guint         removed,
                 guint         added,
                 RecOrderPage *self)
{
  _rec_page_note_added (&self->added, model, position, removed, added);
}

static void
show_added (RecOrderPage *self,
            GtkListBox   *list,
            GListModel   *model)
{
  guint n = g_list_model_get_n_items (model);

  if (self->added == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      GtkListBoxRow *row;

      if (item != self->added)
        continue;
      g_clear_object (&self->added);
      row = gtk_list_box_get_row_at_index (list, (int) i);
      gtk_list_box_select_row (list, row);
      /* The page's viewport scrolls to the focus. */
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }
}

static void
children_shown_cb (GListModel   *model,
                   guint         position,
                   guint         removed,
                   guint         added,
                   RecOrderPage *self)
{
  show_added (self, self->children_list, model);
}

static void
terms_shown_cb (GListModel   *model,
                guint         position,
                guint         removed,
                guint         added,
                RecOrderPage *self)
{
  show_added (self, self->terms_list, model);
}

static void
overrides_shown_cb (GListModel   *model,
                    guint         position,
                    guint         removed,
                    guint         added,
                    RecOrderPage *self)
{
  show_added (self, self->overrides_list, model);
}

/* The session's three lists, whose additions the page shows. */
static void
session_lists (RecOrderPage *self,
               GListModel   *lists[3])
{
  RecCaseSession *session = session_of (self);

  lists[0] = rec_case_session_get_children (session);
  lists[1] = rec_case_session_get_terms (session);
  lists[2] = rec_case_session_get_interest_overrides (session);
}

static void
rec_order_page_bind (RecPage *page)
{
  refresh_case (REC_ORDER_PAGE (page));
}

static void
rec_order_page_load (RecPage *page)
{
  RecOrderPage *self = REC_ORDER_PAGE (page);
  RecCaseSession *session = rec_page_get_session (page);
  g_autoptr(GtkSorter) sorter = NULL;
  GListModel *lists[3];

  /* Connected before the models below, which then create the rows. */
  session_lists (self, lists);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_signal_connect_object (lists[i], "items-changed", G_CALLBACK (entity_added_cb), self, 0);

  gtk_list_box_bind_model (self->children_list, rec_case_session_get_children (session),
                           create_child_row, self, NULL);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_terms, NULL, NULL));
  self->sorted_terms = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (rec_case_session_get_terms (session)),
                                                              g_object_ref (sorter)));
  gtk_list_box_bind_model (self->terms_list, self->sorted_terms, create_term_row, self, NULL);
  gtk_list_box_set_header_func (self->terms_list, terms_header_func, self, NULL);
  g_clear_object (&sorter);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_overrides, NULL, NULL));
  self->sorted_overrides =
    G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (rec_case_session_get_interest_overrides (session)),
                                           g_object_ref (sorter)));
  gtk_list_box_bind_model (self->overrides_list, self->sorted_overrides, create_override_row,
                           self, NULL);

  /* After the list boxes' own handlers: the rows exist. */
  g_signal_connect_object (rec_case_session_get_children (session), "items-changed",
                           G_CALLBACK (children_shown_cb), self, 0);
  g_signal_connect_object (self->sorted_terms, "items-changed", G_CALLBACK (terms_shown_cb),
                           self, 0);
  g_signal_connect_object (self->sorted_overrides, "items-changed",
                           G_CALLBACK (overrides_shown_cb), self, 0);
  refresh_case (self);
}

static void
rec_order_page_refresh (RecPage *page)
{
  RecOrderPage *self = REC_ORDER_PAGE (page);

  refresh_case (self);
  gtk_list_box_invalidate_headers (self->terms_list);
}

/* Drops the rows and models of the session going away. */
static void
unbind_lists (RecOrderPage *self)
{
  GListModel *lists[3];

  session_lists (self, lists);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_signal_handlers_disconnect_by_data (lists[i], self);
  if (self->children_list != NULL)
    {
      gtk_list_box_bind_model (self->children_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->terms_list, NULL, NULL, NULL, NULL);
      gtk_list_box_set_header_func (self->terms_list, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->overrides_list, NULL, NULL, NULL, NULL);
    }
  g_clear_object (&self->sorted_terms);
  g_clear_object (&self->sorted_overrides);
  g_clear_object (&self->added);
}

static void
rec_order_page_unload (RecPage *page)
{
  unbind_lists (REC_ORDER_PAGE (page));
}

/* A case that cannot be written is shown, not edited: every action of the
 * page adds, edits or deletes. */
static void
session_notify_cb (RecOrderPage *self,
                   GParamSpec   *pspec,
                   gpointer      user_data)
{
  static const char *const actions[] = {
    "order.edit-case", "order.add-child", "order.add-term", "order.edit-child",
    "order.edit-term", "order.delete-child", "order.delete-term", "order.end-term",
    "order.add-override", "order.edit-override", "order.delete-override",
  };
  RecCaseSession *session = session_of (self);
  gboolean editable = session != NULL && !rec_case_session_get_read_only (session);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], editable);
}

static void
rec_order_page_dispose (GObject *object)
{
  RecOrderPage *self = REC_ORDER_PAGE (object);
  GtkWidget *child;

  if (rec_page_is_loaded (REC_PAGE (self)))
    unbind_lists (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), REC_TYPE_ORDER_PAGE);
  /* The template's root child is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rec_order_page_parent_class)->dispose (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "order.edit-case", NULL, order_edit_case_action);
  gtk_widget_class_install_action (widget_class, "order.add-child", NULL, order_add_child_action);
  gtk_widget_class_install_action (widget_class, "order.add-term", NULL, order_add_term_action);
  gtk_widget_class_install_action (widget_class, "order.edit-child", "x", order_edit_child_action);
  gtk_widget_class_install_action (widget_class, "order.edit-term", "x", order_edit_term_action);
  gtk_widget_class_install_action (widget_class, "order.delete-child", "x",
                                   order_delete_child_action);
  gtk_widget_class_install_action (widget_class, "order.delete-term", "x",
                                   order_delete_term_action);
  gtk_widget_class_install_action (widget_class, "order.end-term", "x", order_end_term_action);
  gtk_widget_class_install_action (widget_class, "order.add-override", NULL,
                                   order_add_override_action);
  gtk_widget_class_install_action (widget_class, "order.edit-override", "x",
                                   order_edit_override_action);
  gtk_widget_class_install_action (widget_class, "order.delete-override", "x",
                                   order_delete_override_action);
}

static void
rec_order_page_class_init (RecOrderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RecPageClass *page_class = REC_PAGE_CLASS (klass);

  object_class->dispose = rec_order_page_dispose;
  page_class->bind = rec_order_page_bind;
  page_class->load = rec_order_page_load;
  page_class->refresh = rec_order_page_refresh;
  page_class->unload = rec_order_page_unload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/rec-order-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RecOrderPage, court_row);
  gtk_widget_class_bind_template_child (widget_class, RecOrderPage, court_case_row);
  gtk_widget_class_bind_template_child (widget_class, RecOrderPage, agency_case_row);
  gtk_widget_class_bind_template_child (widget_class, RecOrderPage, obligor_row);
  gtk_widget_class_bind_template_child (widget_class, RecOrderPage, obligee_row);
  gtk_widget_class_bind_template_child (widget_class, RecOrderPage, flags_row);
  gtk_widget_class_bind_template_child (widget_class, RecOrderPage, children_list);
  gtk_widget_class_bind_template_child (widget_class, RecOrderPage, terms_list);
  gtk_widget_class_bind_template_child (widget_class, RecOrderPage, overrides_list);
  install_actions (widget_class);
}

static void
rec_order_page_init (RecOrderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->children_list,
                                placeholder_new (_("No children added yet.")));
  gtk_list_box_set_placeholder (self->terms_list,
                                placeholder_new (_("No terms yet. Add the amount, how often it "
                                                   "is due and the date the order took effect.")));
  gtk_list_box_set_placeholder (self->overrides_list,
                                placeholder_new (_("No overrides: the state’s rates apply.")));
  /* A row just added is shown selected. */
  gtk_list_box_set_selection_mode (self->children_list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_selection_mode (self->terms_list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_selection_mode (self->overrides_list, GTK_SELECTION_SINGLE);
  g_signal_connect (self, "notify::session", G_CALLBACK (session_notify_cb), NULL);
  session_notify_cb (self, NULL, NULL);
}

GtkListBox *
_rec_order_page_get_overrides (RecOrderPage *self)
{
  g_return_val_if_fail (REC_IS_ORDER_PAGE (self), NULL);

  rec_page_ensure_loaded (REC_PAGE (self));
  return self->overrides_list;
}
