/* rec-editor-dialog.c — the base of every editor dialog: Cancel/Save, inline validation
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-editor-dialog.h"

#include "rec-date.h"
#include "rec-dialogs-private.h"
#include "rec-evidence-group.h"
#include "rec-gui-util.h"
#include "rec-history-dialog.h"
#include "rec-money.h"

#include <glib/gi18n.h>

typedef struct
{
  RecEditorDialog *dialog;        /* Borrowed: the field lives as long as it */
  char            *name;
  GtkWidget       *widget;        /* Borrowed: a template child */
  GtkLabel        *error_label;   /* Borrowed, nullable */
  GtkWidget       *note_row;      /* Borrowed: the row holding error_label, nullable */
  GtkCalendar     *calendar;      /* Borrowed, date rows only */
  RecFieldKind     kind;
  char            *error;         /* what is wrong, or NULL */
  char            *note;          /* shown under a valid field, or NULL */
  char            *initial;       /* the text the dialog filled in */
  gboolean         note_warning;  /* the note is a warning, not a hint */
  gboolean         touched;       /* edited since the dialog opened */
  gboolean         cross;         /* the error comes from a cross-field rule */
  gboolean         missing;       /* the error is something not filled in yet */
} Field;

typedef struct
{
  /* Template widgets */
  AdwPreferencesPage  *page;
  GtkButton           *save_button;
  AdwPreferencesGroup *save_error_group;
  GtkLabel            *save_error_label;

  /* Owned */
  RecCaseSession      *session;
  GHashTable          *fields;    /* name → Field */
  GPtrArray           *order;     /* Field, in the order they were added */
  char                *save_error;
  GtkWindow           *discard_prompt;  /* weak: the open "Discard changes?" */
  GtkWidget           *initial_focus;   /* borrowed template child, until mapped */
  RecEvidenceGroup    *evidence;        /* borrowed: the page's "Evidence", or NULL */
  RecEntity           *evidence_record; /* what it proves (id 0: new), NULL: the case */

  gboolean             saved;
  gboolean             discarding;  /* the user chose to discard the changes */
  gboolean             edited;    /* the user changed a field */
  gboolean             valid;
  gboolean             show_all;  /* a save was tried: show every error */
  gboolean             filling;   /* the program, not the user, sets a field */
} RecEditorDialogPrivate;

static void rec_editor_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (RecEditorDialog, rec_editor_dialog, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (RecEditorDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                rec_editor_dialog_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->name);
  g_free (field->error);
  g_free (field->note);
  g_free (field->initial);
  g_free (field);
}

static Field *
lookup_field (RecEditorDialog *self,
              const char      *name)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  Field *field = g_hash_table_lookup (priv->fields, name);

  if (field == NULL)
    g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), name);

  return field;
}

static char *
dup_widget_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  if (ADW_IS_COMBO_ROW (widget))
    return g_strdup_printf ("%u", adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));

  if (GTK_IS_SWITCH (widget))
    return g_strdup (gtk_switch_get_active (GTK_SWITCH (widget)) ? "true" : "false");

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The case's currency, for the amount parser ("$" or its code). */
static const char *
get_currency (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  if (priv->session == NULL)
    return NULL;

  return rec_case_session_get_info (priv->session)->currency;
}

/* What the parser understood of an ambiguous text becomes the field's note. */
static char *
check_amount (Field      *field,
              const char *text)
{
  char *problem;

  g_free (field->note);
  problem = rec_gui_check_amount (text, get_currency (field->dialog), NULL, &field->note);
  field->note_warning = FALSE;
  return problem;
}

/* Dates as the window shows them ("12/15/2026", "15/12/2026") or ISO. */
static char *
check_date (Field      *field,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (text[0] == '\0')
    {
      g_autofree char *hint = NULL;

      if (field->kind == REC_FIELD_DATE_OPTIONAL)
        return NULL;

      hint = rec_date_format_hint ();
      /* Translators: %s is the form of a date, as MM/DD/YYYY */
      return g_strdup_printf (_("Enter a date as %s"), hint);
    }

  if (!rec_date_parse_display (text, &date, &error))
    return g_strdup (error->message);

  return NULL;
}

static char *
check_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  int hour, minute;

  if (!rec_time_parse_display (text, &hour, &minute, &error))
    return g_strdup (error->message);

  return NULL;
}

/* The core's parser decides (the one the JSON importer uses for
 * rate_percent), so the window takes exactly what a case file takes. */
static char *
check_rate (const char *text)
{
  g_autoptr(GError) error = NULL;
  int basis_points;

  if (text[0] == '\0')
    return g_strdup (_("Enter the rate in percent, as 6 or 6.5"));

  if (!rec_rate_parse (text, &basis_points, &error))
    return g_strdup (error->message);

  return NULL;
}

/* What is wrong with one field on its own, or NULL; it may set the field's
 * note. */
static char *
check_field (Field *field)
{
  g_autofree char *raw = dup_widget_text (field->widget);
  g_autofree char *text = g_strstrip (g_strdup (raw));

  switch (field->kind)
    {
    case REC_FIELD_TEXT_REQUIRED:
      return text[0] == '\0' ? g_strdup (_("This cannot be empty")) : NULL;
    case REC_FIELD_AMOUNT:
      return check_amount (field, text);
    case REC_FIELD_RATE:
      return check_rate (text);
    case REC_FIELD_DATE:
    case REC_FIELD_DATE_OPTIONAL:
      return check_date (field, text);
    case REC_FIELD_TIME:
      return check_time (text);
    case REC_FIELD_TEXT:
    case REC_FIELD_CHOICE:
    case REC_FIELD_SWITCH:
    case REC_FIELD_MULTILINE:
    default:
      return NULL;
    }
}

static void
show_field_error (RecEditorDialog *self,
                  Field           *field)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  gboolean shown = field->error != NULL &&
                   (field->touched || field->cross || priv->show_all ||
                    (field->missing && priv->edited));
  const char *note = shown ? NULL : field->note;

  if (shown)
    gtk_widget_add_css_class (field->widget, "error");
  else
    gtk_widget_remove_css_class (field->widget, "error");

  /* A screen reader announces the field as invalid and reads what is wrong. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_STATE_INVALID,
                               shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  shown ? field->error : note ? note : "", -1);

  if (field->error_label == NULL)
    return;

  /* The same label shows a note (what the parser understood, a warning) in
   * a quieter style when there is nothing wrong. */
  gtk_label_set_text (field->error_label, shown ? field->error : note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (field->error_label), shown || note != NULL);
  if (field->note_row != NULL)
    gtk_widget_set_visible (field->note_row, shown || note != NULL);
  if (shown)
    gtk_widget_add_css_class (GTK_WIDGET (field->error_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field->error_label), "error");
  if (note != NULL && field->note_warning)
    gtk_widget_add_css_class (GTK_WIDGET (field->error_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field->error_label), "warning");
  if (note != NULL && !field->note_warning)
    gtk_widget_add_css_class (GTK_WIDGET (field->error_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field->error_label), "dim-label");
}

static void
field_changed_cb (Field *field)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (field->dialog);

  /* Only what the user typed shows its errors at once; a field filled by the
   * dialog shows them when a save is tried. */
  if (!priv->filling)
    {
      field->touched = TRUE;
      priv->edited = TRUE;
    }
  rec_editor_dialog_validate (field->dialog);
}

static void
editable_changed_cb (GtkEditable *editable,
                     Field       *field)
{
  field_changed_cb (field);
}

static void
widget_notified_cb (GObject    *object,
           GParamSpec *pspec,
           Field      *field)
{
  field_changed_cb (field);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Field         *field)
{
  field_changed_cb (field);
}

/* Enter saves when everything is valid; otherwise it shows every error,
 * including those of fields not touched yet, so the user sees why not. */
static void
entry_activated_cb (AdwEntryRow *row,
                    Field       *field)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (field->dialog);

  priv->show_all = TRUE;
  rec_editor_dialog_validate (field->dialog);
  gtk_widget_activate_action (GTK_WIDGET (field->dialog), "dialog.save", NULL);
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          Field       *field)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  text = rec_date_format (&date);
  gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Opens the calendar on the date in the field, when there is one. */
static void
calendar_popover_shown_cb (GtkWidget *popover,
                          Field     *field)
{
  GtkCalendar *calendar = field->calendar;
  g_autoptr(GDateTime) shown = NULL;
  GDate date;

  if (!rec_date_parse_display (gtk_editable_get_text (GTK_EDITABLE (field->widget)), &date,
                               NULL))
    return;

  shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 12, 0, 0);
  g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, field);
  gtk_calendar_select_day (calendar, shown);
  g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, field);
}

/* The form dates are typed in, in this language: the placeholder of the
 * empty entry once it has the focus (the row's title moves above it), and
 * the row's tooltip. */
static void
set_date_hint (GtkWidget *row)
{
  g_autofree char *hint = rec_date_format_hint ();
  g_autofree char *tooltip = NULL;
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (GTK_IS_TEXT (text))
    gtk_text_set_placeholder_text (GTK_TEXT (text), hint);

  /* Translators: %s is the form of a date in this language, as MM/DD/YYYY */
  tooltip = g_strdup_printf (_("Type the date as %s or YYYY-MM-DD, or pick it in the calendar"),
                             hint);
  gtk_widget_set_tooltip_text (row, tooltip);
}

/* A date row gets a button that opens a calendar: typing dates stays
 * possible, picking one is easier. The button is built here because every
 * date field of every dialog has one. */
static void
add_calendar_button (Field *field)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick a date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  field->calendar = GTK_CALENDAR (calendar);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), field);
  set_date_hint (field->widget);
  g_signal_connect (popover, "show", G_CALLBACK (calendar_popover_shown_cb), field);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->widget), button);
}

static void
connect_field (Field *field)
{
  GtkWidget *widget = field->widget;

  if (GTK_IS_EDITABLE (widget))
    g_signal_connect (widget, "changed", G_CALLBACK (editable_changed_cb), field);
  else if (ADW_IS_COMBO_ROW (widget))
    g_signal_connect (widget, "notify::selected", G_CALLBACK (widget_notified_cb), field);
  else if (GTK_IS_SWITCH (widget))
    g_signal_connect (widget, "notify::active", G_CALLBACK (widget_notified_cb), field);
  else
    g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                      G_CALLBACK (buffer_changed_cb), field);

  if (ADW_IS_ENTRY_ROW (widget))
    g_signal_connect (widget, "entry-activated", G_CALLBACK (entry_activated_cb), field);

  if (ADW_IS_ENTRY_ROW (widget) &&
      (field->kind == REC_FIELD_DATE || field->kind == REC_FIELD_DATE_OPTIONAL))
    add_calendar_button (field);
}

static void
set_save_error (RecEditorDialog *self,
                const char      *message)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_free (priv->save_error);
  priv->save_error = g_strdup (message);
  gtk_label_set_text (priv->save_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->save_error_group), message != NULL);
}

/* Whether any field differs from what the dialog filled in. */
static gboolean
is_changed (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  for (guint i = 0; i < priv->order->len; i++)
    {
      Field *field = g_ptr_array_index (priv->order, i);
      g_autofree char *text = dup_widget_text (field->widget);

      if (g_strcmp0 (text, field->initial) != 0)
        return TRUE;
    }

  return priv->evidence != NULL && rec_evidence_group_has_changes (priv->evidence);
}

static void
discard_response_cb (AdwMessageDialog *prompt,
                     const char       *response,
                     RecEditorDialog  *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  if (g_strcmp0 (response, "discard") != 0)
    return;

  priv->discarding = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ask_discard (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  AdwMessageDialog *prompt;

  if (priv->discard_prompt != NULL)
    {
      gtk_window_present (priv->discard_prompt);
      return;
    }

  prompt = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard changes?"),
                                                       /* Translators: the body of "Discard changes?" */
                                                       _("The changes you made in this window will be lost.")));
  adw_message_dialog_add_responses (prompt,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (prompt, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (prompt, "keep");
  adw_message_dialog_set_close_response (prompt, "keep");
  g_signal_connect_object (prompt, "response", G_CALLBACK (discard_response_cb), self, 0);
  priv->discard_prompt = GTK_WINDOW (prompt);
  g_object_add_weak_pointer (G_OBJECT (prompt), (gpointer *) &priv->discard_prompt);
  gtk_window_present (GTK_WINDOW (prompt));
}

/* Cancel, Escape and the window's close button: a changed form asks before
 * its changes are thrown away; an unchanged one closes at once. */
static gboolean
must_ask (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  return !priv->saved && !priv->discarding && is_changed (self);
}

static gboolean
rec_editor_dialog_close_request (GtkWindow *window)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (window);

  if (!must_ask (self))
    return GTK_WINDOW_CLASS (rec_editor_dialog_parent_class)->close_request (window);

  ask_discard (self);
  return TRUE;
}

static void
dialog_cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (widget);

  if (must_ask (self))
    ask_discard (self);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* The record saved, then its documents: one change for undo. When the
 * documents cannot be stored, the record's save is undone too, and the
 * dialog stays open with the error. */
static gboolean
save_with_evidence (RecEditorDialog  *self,
                    GError          **error)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  RecEditorDialogClass *klass = REC_EDITOR_DIALOG_GET_CLASS (self);
  guint64 before = rec_case_session_get_last_change (priv->session);
  const RecEntity *record = priv->evidence_record;
  gboolean saved;

  if (priv->evidence == NULL || !rec_evidence_group_has_changes (priv->evidence))
    return klass->save (self, error);

  rec_case_session_begin_group (priv->session);
  saved = klass->save (self, error);
  /* A new record: the id its add gave. */
  if (saved && record != NULL && record->id == 0)
    record = rec_case_session_get_last_record (priv->session);
  if (saved)
    saved = rec_evidence_group_apply (priv->evidence, record, error);
  rec_case_session_end_group (priv->session);
  if (!saved && rec_case_session_get_last_change (priv->session) != before
      && !rec_case_session_undo (priv->session, NULL))
    g_warning ("The record saved without its documents could not be taken back");
  return saved;
}

static void
dialog_save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (widget);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  priv->show_all = TRUE;
  rec_editor_dialog_validate (self);
  if (!priv->valid || priv->saved)
    return;

  set_save_error (self, NULL);
  if (!save_with_evidence (self, &error))
    {
      g_debug ("Saving failed: %s", error->message);
      set_save_error (self, error->message);
      return;
    }

  priv->saved = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rec_editor_dialog_buildable_add_child (GtkBuildable *buildable,
                                       GtkBuilder   *builder,
                                       GObject      *child,
                                       const char   *type)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (buildable);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  /* A subclass's groups go into the base template's page. */
  if (priv->page != NULL && ADW_IS_PREFERENCES_GROUP (child))
    adw_preferences_page_add (priv->page, ADW_PREFERENCES_GROUP (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
rec_editor_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rec_editor_dialog_buildable_add_child;
}

/* The first field gets the focus once the window is on screen: grabbed
 * before, it makes GTK 4.8 expose the window through AT-SPI as a "filler"
 * that is not showing, which screen readers skip. */
static void
rec_editor_dialog_map (GtkWidget *widget)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (widget);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  GTK_WIDGET_CLASS (rec_editor_dialog_parent_class)->map (widget);

  if (priv->initial_focus != NULL)
    gtk_widget_grab_focus (g_steal_pointer (&priv->initial_focus));
}

static void
rec_editor_dialog_dispose (GObject *object)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (object);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_clear_object (&priv->session);
  g_clear_object (&priv->evidence_record);
  if (priv->discard_prompt != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (priv->discard_prompt),
                                    (gpointer *) &priv->discard_prompt);
      gtk_window_destroy (g_steal_pointer (&priv->discard_prompt));
    }

  G_OBJECT_CLASS (rec_editor_dialog_parent_class)->dispose (object);
}

static void
rec_editor_dialog_finalize (GObject *object)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (object);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_clear_pointer (&priv->order, g_ptr_array_unref);
  g_clear_pointer (&priv->fields, g_hash_table_unref);
  g_free (priv->save_error);

  G_OBJECT_CLASS (rec_editor_dialog_parent_class)->finalize (object);
}

static void
rec_editor_dialog_class_init (RecEditorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rec_editor_dialog_dispose;
  object_class->finalize = rec_editor_dialog_finalize;
  widget_class->map = rec_editor_dialog_map;
  window_class->close_request = rec_editor_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/recourse/Recourse/ui/"
                                               "rec-editor-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, RecEditorDialog, page);
  gtk_widget_class_bind_template_child_private (widget_class, RecEditorDialog, save_button);
  gtk_widget_class_bind_template_child_private (widget_class, RecEditorDialog, save_error_group);
  gtk_widget_class_bind_template_child_private (widget_class, RecEditorDialog, save_error_label);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, dialog_save_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, dialog_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

/* A long title ("Điều khoản mới của lệnh" at 360 px) wraps to a second
 * line between Cancel and Save instead of being cut. */
static void
wrap_title (RecEditorDialog *self)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (self));
  GtkWidget *header = content ? gtk_widget_get_first_child (content) : NULL;
  GtkWidget *title;

  if (!ADW_IS_HEADER_BAR (header))
    return;

  title = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (title), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_widget_add_css_class (title, "title");
  g_object_bind_property (self, "title", title, "label", G_BINDING_SYNC_CREATE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
}

static void
rec_editor_dialog_init (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  priv->fields = g_hash_table_new (g_str_hash, g_str_equal);
  priv->order = g_ptr_array_new_with_free_func (field_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  wrap_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
}

/**
 * rec_editor_dialog_setup:
 * @is_new: whether Save adds a new item (its label is then “Add”)
 *
 * Called by a subclass's constructor before it fills the fields.
 */
void
rec_editor_dialog_setup (RecEditorDialog *self,
                         GtkWindow       *parent,
                         RecCaseSession  *session,
                         gboolean         is_new)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_return_if_fail (REC_IS_EDITOR_DIALOG (self));
  g_return_if_fail (REC_IS_CASE_SESSION (session));

  g_set_object (&priv->session, session);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_button_set_label (priv->save_button, is_new ? _("_Add") : _("_Save"));
}

/**
 * rec_editor_dialog_set_initial_focus:
 * @widget: a field of the dialog's template
 *
 * Names the widget that gets the keyboard focus when the dialog opens; the
 * focus moves there once the window is mapped.
 */
void
rec_editor_dialog_set_initial_focus (RecEditorDialog *self,
                                     GtkWidget       *widget)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_return_if_fail (REC_IS_EDITOR_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (gtk_widget_is_ancestor (widget, GTK_WIDGET (self)));

  priv->initial_focus = widget;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (g_steal_pointer (&priv->initial_focus));
}

static void
evidence_busy_cb (RecEditorDialog *self)
{
  rec_editor_dialog_validate (self);
}

/* Files dropped anywhere on the dialog join its documents. */
static gboolean
files_dropped_cb (GtkDropTarget   *target,
                  const GValue    *value,
                  double           x,
                  double           y,
                  RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (priv->evidence == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST)
      || rec_case_session_get_read_only (priv->session))
    return FALSE;
  for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  rec_evidence_group_add_files (priv->evidence, (GFile **) files->pdata, files->len);
  return TRUE;
}

/**
 * rec_editor_dialog_add_evidence:
 * @record: (nullable): the record the dialog edits (a copy; id 0 when it
 *   is new), NULL for the case itself
 *
 * Adds the "Evidence" group (rec-evidence-group.h) after the dialog's own
 * groups; dropping files on the dialog adds them too. Its changes are
 * stored with the record when the dialog is saved, in the same change.
 */
void
rec_editor_dialog_add_evidence (RecEditorDialog *self,
                                const RecEntity *record)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  GtkDropTarget *target;

  g_return_if_fail (REC_IS_EDITOR_DIALOG (self));
  g_return_if_fail (priv->session != NULL && priv->evidence == NULL);

  priv->evidence_record = record != NULL ? rec_entity_copy (record) : NULL;
  priv->evidence = REC_EVIDENCE_GROUP (rec_evidence_group_new (priv->session, record));
  adw_preferences_page_add (priv->page, ADW_PREFERENCES_GROUP (priv->evidence));
  /* A stored record's history (rec-history-dialog.h). */
  if (record != NULL && record->id > 0)
    adw_preferences_page_add (priv->page,
                              ADW_PREFERENCES_GROUP (rec_history_group_new (priv->session, record)));
  g_signal_connect_object (priv->evidence, "notify::busy", G_CALLBACK (evidence_busy_cb), self,
                           G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (files_dropped_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

RecEvidenceGroup *
rec_editor_dialog_get_evidence (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_return_val_if_fail (REC_IS_EDITOR_DIALOG (self), NULL);

  return priv->evidence;
}

RecCaseSession *
rec_editor_dialog_get_session (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_return_val_if_fail (REC_IS_EDITOR_DIALOG (self), NULL);

  return priv->session;
}

/* An AdwPreferencesGroup puts every child that is not a row after its whole
 * list, so a field's label declared after its row in a template would stand
 * under the group, away from its field. The label moves into a row of its
 * own directly under the field's row (shown only while it has something to
 * say), in the same boxed list. */
static void
place_note_under_row (Field *field)
{
  GtkWidget *label = GTK_WIDGET (field->error_label);
  GtkWidget *list = gtk_widget_get_parent (field->widget);
  GtkWidget *parent = gtk_widget_get_parent (label);
  GtkWidget *row;

  if (!GTK_IS_LIST_BOX (list) || !GTK_IS_LIST_BOX_ROW (field->widget) ||
      parent == NULL || GTK_IS_LIST_BOX_ROW (parent) || !GTK_IS_BOX (parent))
    return;

  row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "rec-field-note");
  g_object_ref (label);
  gtk_box_remove (GTK_BOX (parent), label);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_unref (label);
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field->widget)) + 1);
  gtk_widget_set_visible (row, gtk_widget_get_visible (label));
  field->note_row = row;
}

/**
 * rec_editor_dialog_add_field:
 * @widget: an AdwEntryRow (or any GtkEditable), AdwComboRow, GtkSwitch or GtkTextView
 * @error_label: (nullable): where the field's inline error is shown
 *
 * Registers a template widget as the field @name.
 */
void
rec_editor_dialog_add_field (RecEditorDialog *self,
                             const char      *name,
                             GtkWidget       *widget,
                             GtkLabel        *error_label,
                             RecFieldKind     kind)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  Field *field;

  g_return_if_fail (REC_IS_EDITOR_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (!g_hash_table_contains (priv->fields, name));

  field = g_new0 (Field, 1);
  field->dialog = self;
  field->name = g_strdup (name);
  field->widget = widget;
  field->error_label = error_label;
  if (error_label != NULL)
    place_note_under_row (field);
  field->kind = kind;
  field->initial = dup_widget_text (widget);
  g_ptr_array_add (priv->order, field);
  g_hash_table_insert (priv->fields, field->name, field);
  connect_field (field);
}

void
rec_editor_dialog_validate (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  RecEditorDialogClass *klass = REC_EDITOR_DIALOG_GET_CLASS (self);
  gboolean valid = TRUE;

  for (guint i = 0; i < priv->order->len; i++)
    {
      Field *field = g_ptr_array_index (priv->order, i);

      g_clear_pointer (&field->note, g_free);
      g_free (field->error);
      field->error = check_field (field);
      field->cross = FALSE;
      field->missing = FALSE;
      valid = valid && field->error == NULL;
    }

  if (valid && klass->check != NULL)
    klass->check (self);

  for (guint i = 0; i < priv->order->len; i++)
    {
      Field *field = g_ptr_array_index (priv->order, i);

      valid = valid && field->error == NULL;
      show_field_error (self, field);
    }

  /* Files still being read are saved once read. */
  if (priv->evidence != NULL && rec_evidence_group_is_busy (priv->evidence))
    valid = FALSE;
  priv->valid = valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", valid);
}

static void
report_error (RecEditorDialog *self,
              const char      *name,
              const char      *message,
              gboolean         missing)
{
  Field *field = lookup_field (self, name);

  g_return_if_fail (field != NULL);

  g_free (field->error);
  field->error = g_strdup (message);
  field->cross = message != NULL && !missing;
  field->missing = message != NULL && missing;
}

/**
 * rec_editor_dialog_set_field_error:
 *
 * Reports a cross-field problem from the check() vfunc (shown at once, even
 * on a field the user has not touched).
 */
void
rec_editor_dialog_set_field_error (RecEditorDialog *self,
                                   const char      *name,
                                   const char      *message)
{
  report_error (self, name, message, FALSE);
}

/**
 * rec_editor_dialog_set_field_missing:
 *
 * Reports from the check() vfunc that something required is not filled in
 * (Save is refused); shown once the user has changed the form or tried to
 * save, as a field's own "cannot be empty" is.
 */
void
rec_editor_dialog_set_field_missing (RecEditorDialog *self,
                                     const char      *name,
                                     const char      *message)
{
  report_error (self, name, message, TRUE);
}

/**
 * rec_editor_dialog_set_field_note:
 * @warning: whether the note warns (a date in the future) or only informs
 *
 * Shows a note under a valid field from the check() vfunc; it does not
 * keep the dialog from saving.
 */
void
rec_editor_dialog_set_field_note (RecEditorDialog *self,
                                  const char      *name,
                                  const char      *message,
                                  gboolean         warning)
{
  Field *field = lookup_field (self, name);

  g_return_if_fail (field != NULL);

  g_free (field->note);
  field->note = g_strdup (message);
  field->note_warning = warning;
}

/* Whether the field differs from what the dialog filled in. */
gboolean
rec_editor_dialog_is_field_changed (RecEditorDialog *self,
                                    const char      *name)
{
  Field *field = lookup_field (self, name);
  g_autofree char *text = NULL;

  g_return_val_if_fail (field != NULL, FALSE);

  text = dup_widget_text (field->widget);
  return g_strcmp0 (text, field->initial) != 0;
}

const char *
rec_editor_dialog_get_text (RecEditorDialog *self,
                            const char      *name)
{
  Field *field = lookup_field (self, name);

  g_return_val_if_fail (field != NULL && GTK_IS_EDITABLE (field->widget), "");

  return gtk_editable_get_text (GTK_EDITABLE (field->widget));
}

/* The text with surrounding blanks removed (multi-line text keeps its lines). */
char *
rec_editor_dialog_dup_text (RecEditorDialog *self,
                            const char      *name)
{
  Field *field = lookup_field (self, name);

  g_return_val_if_fail (field != NULL, g_strdup (""));

  return g_strstrip (dup_widget_text (field->widget));
}

/* What the program fills in is what "unchanged" means for the field. */
static void
remember_initial (Field *field)
{
  g_free (field->initial);
  field->initial = dup_widget_text (field->widget);
}

static void
put_text (RecEditorDialog *self,
          Field           *field,
          const char      *text)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  priv->filling = TRUE;
  if (GTK_IS_TEXT_VIEW (field->widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                              text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text ? text : "");
  priv->filling = FALSE;
}

static void
put_choice (RecEditorDialog *self,
            Field           *field,
            guint            position)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  priv->filling = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
  priv->filling = FALSE;
}

static void
put_active (RecEditorDialog *self,
            Field           *field,
            gboolean         active)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  priv->filling = TRUE;
  gtk_switch_set_active (GTK_SWITCH (field->widget), active);
  priv->filling = FALSE;
}

void
rec_editor_dialog_set_text (RecEditorDialog *self,
                            const char      *name,
                            const char      *text)
{
  Field *field = lookup_field (self, name);

  g_return_if_fail (field != NULL);

  put_text (self, field, text);
  remember_initial (field);
}

RecCents
rec_editor_dialog_get_amount (RecEditorDialog *self,
                              const char      *name)
{
  g_autofree char *text = rec_editor_dialog_dup_text (self, name);
  RecCents cents = 0;

  if (!rec_cents_parse_display (text, get_currency (self), FALSE, &cents, NULL, NULL))
    g_return_val_if_reached (0);

  return cents;
}

void
rec_editor_dialog_set_amount (RecEditorDialog *self,
                              const char      *name,
                              RecCents         cents)
{
  g_autofree char *text = rec_cents_format (cents, get_currency (self));

  rec_editor_dialog_set_text (self, name, text);
}

int
rec_editor_dialog_get_rate (RecEditorDialog *self,
                            const char      *name)
{
  g_autofree char *text = rec_editor_dialog_dup_text (self, name);
  int basis_points = 0;

  if (!rec_rate_parse (text, &basis_points, NULL))
    g_return_val_if_reached (0);

  return basis_points;
}

void
rec_editor_dialog_set_rate (RecEditorDialog *self,
                            const char      *name,
                            int              basis_points)
{
  g_autofree char *text = rec_rate_to_string (basis_points);

  rec_editor_dialog_set_text (self, name, text);
}

void
rec_editor_dialog_get_date (RecEditorDialog *self,
                            const char      *name,
                            GDate           *date)
{
  g_autofree char *text = rec_editor_dialog_dup_text (self, name);

  g_date_clear (date, 1);
  if (text[0] != '\0' && !rec_date_parse_display (text, date, NULL))
    g_critical ("Field “%s” read while invalid", name);
}

void
rec_editor_dialog_set_date (RecEditorDialog *self,
                            const char      *name,
                            const GDate     *date)
{
  g_autofree char *text = rec_date_format (date);

  rec_editor_dialog_set_text (self, name, text);
}

void
rec_editor_dialog_get_time (RecEditorDialog *self,
                            const char      *name,
                            int             *hour,
                            int             *minute)
{
  g_autofree char *text = rec_editor_dialog_dup_text (self, name);

  *hour = *minute = 0;
  if (!rec_time_parse_display (text, hour, minute, NULL))
    g_critical ("Field “%s” read while invalid", name);
}

guint
rec_editor_dialog_get_choice (RecEditorDialog *self,
                              const char      *name)
{
  Field *field = lookup_field (self, name);

  g_return_val_if_fail (field != NULL && ADW_IS_COMBO_ROW (field->widget), 0);

  return adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
}

void
rec_editor_dialog_set_choice (RecEditorDialog *self,
                              const char      *name,
                              guint            position)
{
  Field *field = lookup_field (self, name);

  g_return_if_fail (field != NULL && ADW_IS_COMBO_ROW (field->widget));

  put_choice (self, field, position);
  remember_initial (field);
}

gboolean
rec_editor_dialog_get_active (RecEditorDialog *self,
                              const char      *name)
{
  Field *field = lookup_field (self, name);

  g_return_val_if_fail (field != NULL && GTK_IS_SWITCH (field->widget), FALSE);

  return gtk_switch_get_active (GTK_SWITCH (field->widget));
}

void
rec_editor_dialog_set_active (RecEditorDialog *self,
                              const char      *name,
                              gboolean         active)
{
  Field *field = lookup_field (self, name);

  g_return_if_fail (field != NULL && GTK_IS_SWITCH (field->widget));

  put_active (self, field, active);
  remember_initial (field);
}

/* Test hooks (rec-dialogs-private.h). */

void
_rec_dialog_set_field (GtkWindow  *dialog,
                       const char *name,
                       const char *text)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (dialog);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  Field *field = lookup_field (self, name);

  g_return_if_fail (field != NULL);

  if (ADW_IS_COMBO_ROW (field->widget))
    put_choice (self, field, (guint) g_ascii_strtoull (text, NULL, 10));
  else if (GTK_IS_SWITCH (field->widget))
    put_active (self, field, g_strcmp0 (text, "true") == 0);
  else
    put_text (self, field, text);

  /* As if typed: its error shows at once. */
  field->touched = TRUE;
  priv->edited = TRUE;
  rec_editor_dialog_validate (self);
}

char *
_rec_dialog_get_field (GtkWindow  *dialog,
                       const char *name)
{
  Field *field = lookup_field (REC_EDITOR_DIALOG (dialog), name);

  g_return_val_if_fail (field != NULL, NULL);

  return dup_widget_text (field->widget);
}

void
_rec_dialog_activate_field (GtkWindow  *dialog,
                            const char *name)
{
  Field *field = lookup_field (REC_EDITOR_DIALOG (dialog), name);

  g_return_if_fail (field != NULL && ADW_IS_ENTRY_ROW (field->widget));

  g_signal_emit_by_name (field->widget, "entry-activated");
}

void
_rec_dialog_pick_date (GtkWindow  *dialog,
                       const char *name,
                       const char *iso)
{
  Field *field = lookup_field (REC_EDITOR_DIALOG (dialog), name);
  g_autoptr(GDateTime) day = NULL;
  GDate date;
  gboolean parsed;

  g_return_if_fail (field != NULL && field->calendar != NULL);
  /* The parse runs in every build, not only in the check. */
  parsed = rec_date_parse (iso, &date, NULL);
  g_return_if_fail (parsed);

  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 12, 0, 0);
  gtk_calendar_select_day (field->calendar, day);
}

gboolean
_rec_dialog_save (GtkWindow *dialog)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (dialog);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
  return priv->saved;
}

gboolean
_rec_dialog_can_save (GtkWindow *dialog)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (dialog);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  return priv->valid;
}

const char *
_rec_dialog_get_error (GtkWindow  *dialog,
                       const char *name)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (dialog);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  Field *field;

  if (name == NULL)
    return priv->save_error;

  field = lookup_field (self, name);
  g_return_val_if_fail (field != NULL, NULL);

  /* Only what the user can see counts. */
  if (field->error_label != NULL && !gtk_widget_get_visible (GTK_WIDGET (field->error_label)))
    return NULL;

  return field->error;
}

const char *
_rec_dialog_get_note (GtkWindow  *dialog,
                      const char *name)
{
  Field *field = lookup_field (REC_EDITOR_DIALOG (dialog), name);

  g_return_val_if_fail (field != NULL, NULL);

  /* Only a note the user can see counts (an error hides it). */
  if (field->error_label == NULL || !gtk_widget_get_visible (GTK_WIDGET (field->error_label)) ||
      gtk_widget_has_css_class (GTK_WIDGET (field->error_label), "error"))
    return NULL;

  return field->note;
}

GtkWidget *
_rec_dialog_get_field_widget (GtkWindow  *dialog,
                              const char *name,
                              GtkWidget **out_label)
{
  Field *field = lookup_field (REC_EDITOR_DIALOG (dialog), name);

  g_return_val_if_fail (field != NULL, NULL);

  if (out_label != NULL)
    *out_label = field->error_label != NULL ? GTK_WIDGET (field->error_label) : NULL;
  return field->widget;
}

GtkWindow *
_rec_dialog_get_discard_prompt (GtkWindow *dialog)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (dialog);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  return priv->discard_prompt;
}

const char *
_rec_dialog_get_focus_field (GtkWindow *dialog)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (dialog);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  for (guint i = 0; focus != NULL && i < priv->order->len; i++)
    {
      Field *field = g_ptr_array_index (priv->order, i);

      if (focus == field->widget || gtk_widget_is_ancestor (focus, field->widget))
        return field->name;
    }

  return NULL;
}

GStrv
_rec_dialog_dup_shown_fields (GtkWindow *dialog)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (dialog);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < priv->order->len; i++)
    {
      Field *field = g_ptr_array_index (priv->order, i);

      /* An insensitive field (a Done switch without its date) is on
       * screen but out of reach of the keyboard. */
      if (gtk_widget_get_mapped (field->widget) && gtk_widget_is_sensitive (field->widget))
        g_strv_builder_add (names, field->name);
    }

  return g_strv_builder_end (names);
}
