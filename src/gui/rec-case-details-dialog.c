/* rec-case-details-dialog.c — edit the case: jurisdiction, court, case numbers,
 * the arrears the agency last stated, parties, notes
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-case-details-dialog.h"

#include "rec-date.h"
#include "rec-gui-util.h"

#include <glib/gi18n.h>

struct _RecCaseDetailsDialog
{
  RecEditorDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow     *title_row;
  GtkLabel        *title_error;
  AdwComboRow     *jurisdiction_row;
  AdwEntryRow     *court_row;
  AdwEntryRow     *court_case_number_row;
  AdwEntryRow     *agency_case_number_row;
  GtkSwitch       *agency_enforced_switch;
  GtkSwitch       *public_assistance_switch;
  AdwEntryRow     *agency_balance_row;
  GtkLabel        *agency_balance_error;
  AdwEntryRow     *agency_balance_as_of_row;
  GtkLabel        *agency_balance_as_of_error;
  AdwEntryRow     *obligor_name_row;
  AdwEntryRow     *obligor_address_row;
  AdwEntryRow     *obligor_phone_row;
  AdwEntryRow     *obligor_email_row;
  AdwEntryRow     *obligor_employer_row;
  AdwEntryRow     *obligee_name_row;
  AdwEntryRow     *obligee_address_row;
  AdwEntryRow     *obligee_phone_row;
  AdwEntryRow     *obligee_email_row;
  AdwEntryRow     *obligee_employer_row;
  AdwEntryRow     *notes_row;

  /* Owned */
  RecCaseInfo     *info;          /* the copy being edited */
};

G_DEFINE_FINAL_TYPE (RecCaseDetailsDialog, rec_case_details_dialog, REC_TYPE_EDITOR_DIALOG)

/* The text fields of RecCaseInfo, by field name; party fields are found
 * through their RecParty. */
typedef struct
{
  const char *field;
  gsize       offset;
} TextField;

static const TextField info_fields[] = {
  { "title", G_STRUCT_OFFSET (RecCaseInfo, title) },
  { "court", G_STRUCT_OFFSET (RecCaseInfo, court) },
  { "court_case_number", G_STRUCT_OFFSET (RecCaseInfo, court_case_number) },
  { "agency_case_number", G_STRUCT_OFFSET (RecCaseInfo, agency_case_number) },
  { "notes", G_STRUCT_OFFSET (RecCaseInfo, notes) },
};

static const TextField party_fields[] = {
  { "name", G_STRUCT_OFFSET (RecParty, name) },
  { "address", G_STRUCT_OFFSET (RecParty, address) },
  { "phone", G_STRUCT_OFFSET (RecParty, phone) },
  { "email", G_STRUCT_OFFSET (RecParty, email) },
  { "employer", G_STRUCT_OFFSET (RecParty, employer) },
};

static char **
text_slot (gpointer    base,
           gsize       offset)
{
  return G_STRUCT_MEMBER_P (base, offset);
}

static void
fill_party (RecEditorDialog *dialog,
            const char      *prefix,
            RecParty        *party)
{
  for (guint i = 0; i < G_N_ELEMENTS (party_fields); i++)
    {
      g_autofree char *name = g_strconcat (prefix, "_", party_fields[i].field, NULL);

      rec_editor_dialog_set_text (dialog, name, *text_slot (party, party_fields[i].offset));
    }
}

static void
read_party (RecEditorDialog *dialog,
            const char      *prefix,
            RecParty        *party)
{
  for (guint i = 0; i < G_N_ELEMENTS (party_fields); i++)
    {
      g_autofree char *name = g_strconcat (prefix, "_", party_fields[i].field, NULL);
      g_autofree char *text = rec_editor_dialog_dup_text (dialog, name);

      rec_set_str (text_slot (party, party_fields[i].offset), text);
    }
}

static void
fill_fields (RecCaseDetailsDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);

  for (guint i = 0; i < G_N_ELEMENTS (info_fields); i++)
    rec_editor_dialog_set_text (dialog, info_fields[i].field,
                                *text_slot (self->info, info_fields[i].offset));

  rec_editor_dialog_set_choice (dialog, "jurisdiction",
                                rec_gui_jurisdiction_position (self->info->jurisdiction));
  rec_editor_dialog_set_active (dialog, "agency_enforced", self->info->agency_enforced);
  rec_editor_dialog_set_active (dialog, "public_assistance", self->info->public_assistance);
  if (self->info->has_agency_balance)
    rec_editor_dialog_set_amount (dialog, "agency_balance", self->info->agency_balance_cents);
  if (rec_date_is_set (&self->info->agency_balance_as_of))
    rec_editor_dialog_set_date (dialog, "agency_balance_as_of", &self->info->agency_balance_as_of);
  fill_party (dialog, "obligor", &self->info->obligor);
  fill_party (dialog, "obligee", &self->info->obligee);
}

/* The agency's figure as typed: FALSE with a message when it cannot be read.
 * Zero and a credit (below zero) are what an agency may state. */
static gboolean
read_agency_balance (RecEditorDialog  *dialog,
                     const char       *text,
                     RecCents         *out_cents,
                     char            **out_understood,
                     char            **out_problem)
{
  g_autoptr(GError) error = NULL;
  const char *currency = rec_case_session_get_info (rec_editor_dialog_get_session (dialog))->currency;

  if (!rec_cents_parse_display (text, currency, TRUE, out_cents, out_understood, &error))
    {
      *out_problem = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

/* Both optional, but together: an amount without its day cannot be
 * compared with ours, a day without an amount says nothing; and the agency
 * cannot have stated a figure on a day still to come. */
static void
rec_case_details_dialog_check (RecEditorDialog *dialog)
{
  g_autofree char *amount = rec_editor_dialog_dup_text (dialog, "agency_balance");
  g_autofree char *understood = NULL;
  g_autofree char *problem = NULL;
  GDate as_of, today;
  RecCents cents;

  rec_editor_dialog_get_date (dialog, "agency_balance_as_of", &as_of);
  if (amount[0] != '\0')
    {
      if (!read_agency_balance (dialog, amount, &cents, &understood, &problem))
        rec_editor_dialog_set_field_error (dialog, "agency_balance", problem);
      else if (understood != NULL)
        rec_editor_dialog_set_field_note (dialog, "agency_balance", understood, FALSE);
      if (!rec_date_is_set (&as_of))
        rec_editor_dialog_set_field_missing (dialog, "agency_balance_as_of",
                                             _("Enter the date the agency stated this figure"));
    }
  else if (rec_date_is_set (&as_of))
    rec_editor_dialog_set_field_missing (dialog, "agency_balance",
                                         _("Enter the arrears the agency stated on this date, "
                                           "or clear the date"));

  rec_date_set_today (&today);
  if (rec_date_is_set (&as_of) && rec_date_compare (&as_of, &today) > 0)
    rec_editor_dialog_set_field_error (dialog, "agency_balance_as_of",
                                       _("This date is in the future: enter the day the agency "
                                         "stated its figure"));
}

static gboolean
rec_case_details_dialog_save (RecEditorDialog  *dialog,
                              GError          **error)
{
  RecCaseDetailsDialog *self = REC_CASE_DETAILS_DIALOG (dialog);
  g_autoptr(RecCaseInfo) info = rec_case_info_copy (self->info);
  const char * const *ids = rec_gui_jurisdiction_ids ();
  guint jurisdiction = rec_editor_dialog_get_choice (dialog, "jurisdiction");

  for (guint i = 0; i < G_N_ELEMENTS (info_fields); i++)
    {
      g_autofree char *text = rec_editor_dialog_dup_text (dialog, info_fields[i].field);

      rec_set_str (text_slot (info, info_fields[i].offset), text);
    }

  /* A jurisdiction the list does not offer (none selected) stays as it is. */
  if (jurisdiction < g_strv_length ((char **) ids))
    rec_set_str (&info->jurisdiction, ids[jurisdiction]);
  info->agency_enforced = rec_editor_dialog_get_active (dialog, "agency_enforced");
  info->public_assistance = rec_editor_dialog_get_active (dialog, "public_assistance");
  read_party (dialog, "obligor", &info->obligor);
  read_party (dialog, "obligee", &info->obligee);

  /* check() refused anything but both fields or neither. */
  {
    g_autofree char *amount = rec_editor_dialog_dup_text (dialog, "agency_balance");
    g_autofree char *problem = NULL;

    info->has_agency_balance = amount[0] != '\0';
    info->agency_balance_cents = 0;
    if (info->has_agency_balance
        && !read_agency_balance (dialog, amount, &info->agency_balance_cents, NULL, &problem))
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, problem);
        return FALSE;
      }
    rec_editor_dialog_get_date (dialog, "agency_balance_as_of", &info->agency_balance_as_of);
  }

  if (!rec_case_session_update_info (rec_editor_dialog_get_session (dialog), info, error))
    return FALSE;
  if (!g_str_equal (info->jurisdiction, self->info->jurisdiction))
    rec_gui_remember_jurisdiction (info->jurisdiction);
  return TRUE;
}

static void
rec_case_details_dialog_dispose (GObject *object)
{
  RecCaseDetailsDialog *self = REC_CASE_DETAILS_DIALOG (object);

  g_clear_object (&self->info);

  G_OBJECT_CLASS (rec_case_details_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RecCaseDetailsDialog, name)

static void
rec_case_details_dialog_class_init (RecCaseDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_case_details_dialog_dispose;
  REC_EDITOR_DIALOG_CLASS (klass)->check = rec_case_details_dialog_check;
  REC_EDITOR_DIALOG_CLASS (klass)->save = rec_case_details_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/"
                                               "rec-case-details-dialog.ui");
  BIND (title_row);
  BIND (title_error);
  BIND (jurisdiction_row);
  BIND (court_row);
  BIND (court_case_number_row);
  BIND (agency_case_number_row);
  BIND (agency_enforced_switch);
  BIND (public_assistance_switch);
  BIND (agency_balance_row);
  BIND (agency_balance_error);
  BIND (agency_balance_as_of_row);
  BIND (agency_balance_as_of_error);
  BIND (obligor_name_row);
  BIND (obligor_address_row);
  BIND (obligor_phone_row);
  BIND (obligor_email_row);
  BIND (obligor_employer_row);
  BIND (obligee_name_row);
  BIND (obligee_address_row);
  BIND (obligee_phone_row);
  BIND (obligee_email_row);
  BIND (obligee_employer_row);
  BIND (notes_row);
}

#undef BIND

#define TEXT_FIELD(name) \
  rec_editor_dialog_add_field (dialog, #name, GTK_WIDGET (self->name##_row), NULL, REC_FIELD_TEXT)

static void
rec_case_details_dialog_init (RecCaseDetailsDialog *self)
{
  RecEditorDialog *dialog = REC_EDITOR_DIALOG (self);
  g_autoptr(GListModel) jurisdictions = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  rec_editor_dialog_add_field (dialog, "title", GTK_WIDGET (self->title_row), self->title_error,
                               REC_FIELD_TEXT_REQUIRED);
  jurisdictions = rec_gui_jurisdiction_model_new ();
  adw_combo_row_set_model (self->jurisdiction_row, jurisdictions);
  rec_editor_dialog_add_field (dialog, "jurisdiction", GTK_WIDGET (self->jurisdiction_row), NULL,
                               REC_FIELD_CHOICE);
  TEXT_FIELD (court);
  TEXT_FIELD (court_case_number);
  TEXT_FIELD (agency_case_number);
  rec_editor_dialog_add_field (dialog, "agency_enforced", GTK_WIDGET (self->agency_enforced_switch),
                               NULL, REC_FIELD_SWITCH);
  rec_editor_dialog_add_field (dialog, "public_assistance",
                               GTK_WIDGET (self->public_assistance_switch), NULL, REC_FIELD_SWITCH);
  /* An amount that may be zero or a credit: read by check(), not the base's
   * REC_FIELD_AMOUNT (more than zero, required). */
  rec_editor_dialog_add_field (dialog, "agency_balance", GTK_WIDGET (self->agency_balance_row),
                               self->agency_balance_error, REC_FIELD_TEXT);
  rec_editor_dialog_add_field (dialog, "agency_balance_as_of",
                               GTK_WIDGET (self->agency_balance_as_of_row),
                               self->agency_balance_as_of_error, REC_FIELD_DATE_OPTIONAL);
  TEXT_FIELD (obligor_name);
  TEXT_FIELD (obligor_address);
  TEXT_FIELD (obligor_phone);
  TEXT_FIELD (obligor_email);
  TEXT_FIELD (obligor_employer);
  TEXT_FIELD (obligee_name);
  TEXT_FIELD (obligee_address);
  TEXT_FIELD (obligee_phone);
  TEXT_FIELD (obligee_email);
  TEXT_FIELD (obligee_employer);
  TEXT_FIELD (notes);
}

#undef TEXT_FIELD

GtkWindow *
rec_case_details_dialog_new (GtkWindow      *parent,
                             RecCaseSession *session)
{
  RecCaseDetailsDialog *self;

  g_return_val_if_fail (REC_IS_CASE_SESSION (session), NULL);

  self = g_object_new (REC_TYPE_CASE_DETAILS_DIALOG, NULL);
  rec_editor_dialog_setup (REC_EDITOR_DIALOG (self), parent, session, FALSE);
  self->info = rec_case_info_copy (rec_case_session_get_info (session));
  gtk_window_set_title (GTK_WINDOW (self), _("Case Details"));

  fill_fields (self);
  rec_editor_dialog_add_evidence (REC_EDITOR_DIALOG (self), NULL);
  rec_editor_dialog_validate (REC_EDITOR_DIALOG (self));
  rec_editor_dialog_set_initial_focus (REC_EDITOR_DIALOG (self), GTK_WIDGET (self->title_row));
  return GTK_WINDOW (self);
}
