/* rec-editor-dialog.c — the base of every editor dialog: Cancel/Save, inline validation
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-dialogs"

#include "config.h"

#include "rec-editor-dialog.h"

#include "rec-date.h"
#include "rec-dialogs-private.h"
#include "rec-gui-util.h"
#include "rec-money.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  RecEditorDialog *dialog;        /* Borrowed: the field lives as long as it */
  char            *name;
  GtkWidget       *widget;        /* Borrowed: a template child */
  GtkLabel        *error_label;   /* Borrowed, nullable */
  GtkCalendar     *calendar;      /* Borrowed, date rows only */
  RecFieldKind     kind;
  char            *error;         /* what is wrong, or NULL */
  gboolean         touched;       /* edited since the dialog opened */
  gboolean         cross;         /* the error comes from a cross-field rule */
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

  gboolean             saved;
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

static char *
normalize_amount (const char *text)
{
  return rec_gui_normalize_amount (text);
}

static gboolean
parse_two_digits (const char *text,
                  int         max,
                  int        *out)
{
  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]))
    return FALSE;

  *out = (text[0] - '0') * 10 + (text[1] - '0');
  return *out <= max;
}

static gboolean
is_time (const char *text)
{
  int hour, minute, second;
  gsize len = strlen (text);

  if (len != 5 && len != 8)
    return FALSE;

  if (!parse_two_digits (text, 23, &hour) || text[2] != ':' ||
      !parse_two_digits (text + 3, 59, &minute))
    return FALSE;

  return len == 5 || (text[5] == ':' && parse_two_digits (text + 6, 59, &second));
}

static gboolean
is_offset (const char *text)
{
  int hours, minutes;

  if (strcmp (text, "Z") == 0)
    return TRUE;

  return strlen (text) == 6 && (text[0] == '+' || text[0] == '-') &&
         parse_two_digits (text + 1, 23, &hours) && text[3] == ':' &&
         parse_two_digits (text + 4, 59, &minutes);
}

static char *
check_amount (const char *text)
{
  return rec_gui_check_amount (text, NULL);
}

static char *
check_date (const char *text,
            gboolean    optional)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (text[0] == '\0')
    return optional ? NULL : g_strdup (_("Enter a date as YYYY-MM-DD"));

  if (!rec_date_parse (text, &date, &error))
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

/* What is wrong with one field on its own, or NULL. */
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
      return check_amount (text);
    case REC_FIELD_RATE:
      return check_rate (text);
    case REC_FIELD_DATE:
    case REC_FIELD_DATE_OPTIONAL:
      return check_date (text, field->kind == REC_FIELD_DATE_OPTIONAL);
    case REC_FIELD_TIME:
      if (is_time (text))
        return NULL;
      /* Translators: %s is what the user typed in a time field. */
      return g_strdup_printf (_("“%s” is not a time (HH:MM)"), text);
    case REC_FIELD_OFFSET:
      if (is_offset (text))
        return NULL;
      /* Translators: %s is what the user typed; keep +HH:MM as it is. */
      return g_strdup_printf (_("“%s” is not a UTC offset (+HH:MM)"), text);
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
  gboolean shown = field->error != NULL && (field->touched || field->cross || priv->show_all);

  if (shown)
    gtk_widget_add_css_class (field->widget, "error");
  else
    gtk_widget_remove_css_class (field->widget, "error");

  /* A screen reader announces the field as invalid and reads what is wrong. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_STATE_INVALID,
                               shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown ? field->error : "",
                                  -1);

  if (field->error_label == NULL)
    return;

  gtk_label_set_text (field->error_label, shown ? field->error : "");
  gtk_widget_set_visible (GTK_WIDGET (field->error_label), shown);
}

static void
field_changed_cb (Field *field)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (field->dialog);

  /* Only what the user typed shows its errors at once; a field filled by the
   * dialog shows them when a save is tried. */
  if (!priv->filling)
    field->touched = TRUE;
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
  g_autofree char *iso = g_date_time_format (picked, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (field->widget), iso);
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

  if (!rec_date_parse (gtk_editable_get_text (GTK_EDITABLE (field->widget)), &date, NULL))
    return;

  shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 12, 0, 0);
  g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, field);
  gtk_calendar_select_day (calendar, shown);
  g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, field);
}

/* A date row gets a button that opens a calendar: typing ISO dates stays
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
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick a Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  field->calendar = GTK_CALENDAR (calendar);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), field);
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

static void
dialog_cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
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
  if (!REC_EDITOR_DIALOG_GET_CLASS (self)->save (self, &error))
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

static void
rec_editor_dialog_dispose (GObject *object)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (object);
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_clear_object (&priv->session);

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

  object_class->dispose = rec_editor_dialog_dispose;
  object_class->finalize = rec_editor_dialog_finalize;

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

static void
rec_editor_dialog_init (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  priv->fields = g_hash_table_new (g_str_hash, g_str_equal);
  priv->order = g_ptr_array_new_with_free_func (field_free);
  gtk_widget_init_template (GTK_WIDGET (self));
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

RecCaseSession *
rec_editor_dialog_get_session (RecEditorDialog *self)
{
  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_return_val_if_fail (REC_IS_EDITOR_DIALOG (self), NULL);

  return priv->session;
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
  field->kind = kind;
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

      g_free (field->error);
      field->error = check_field (field);
      field->cross = FALSE;
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

  priv->valid = valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", valid);
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
  Field *field = lookup_field (self, name);

  g_return_if_fail (field != NULL);

  g_free (field->error);
  field->error = g_strdup (message);
  field->cross = message != NULL;
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

void
rec_editor_dialog_set_text (RecEditorDialog *self,
                            const char      *name,
                            const char      *text)
{
  Field *field = lookup_field (self, name);

  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_return_if_fail (field != NULL);

  priv->filling = TRUE;
  if (GTK_IS_TEXT_VIEW (field->widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                              text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text ? text : "");
  priv->filling = FALSE;
}

RecCents
rec_editor_dialog_get_amount (RecEditorDialog *self,
                              const char      *name)
{
  g_autofree char *normal = normalize_amount (rec_editor_dialog_get_text (self, name));
  RecCents cents = 0;

  if (!rec_cents_parse (normal, FALSE, &cents, NULL))
    g_return_val_if_reached (0);

  return cents;
}

void
rec_editor_dialog_set_amount (RecEditorDialog *self,
                              const char      *name,
                              RecCents         cents)
{
  g_autofree char *text = rec_cents_to_string (cents);

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
  if (text[0] != '\0' && !rec_date_parse (text, date, NULL))
    g_critical ("Field “%s” read while invalid", name);
}

void
rec_editor_dialog_set_date (RecEditorDialog *self,
                            const char      *name,
                            const GDate     *date)
{
  g_autofree char *iso = rec_date_to_iso (date);

  rec_editor_dialog_set_text (self, name, iso ? iso : "");
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

  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_return_if_fail (field != NULL && ADW_IS_COMBO_ROW (field->widget));

  priv->filling = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
  priv->filling = FALSE;
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

  RecEditorDialogPrivate *priv = rec_editor_dialog_get_instance_private (self);

  g_return_if_fail (field != NULL && GTK_IS_SWITCH (field->widget));

  priv->filling = TRUE;
  gtk_switch_set_active (GTK_SWITCH (field->widget), active);
  priv->filling = FALSE;
}

/* Test hooks (rec-dialogs-private.h). */

void
_rec_dialog_set_field (GtkWindow  *dialog,
                       const char *name,
                       const char *text)
{
  RecEditorDialog *self = REC_EDITOR_DIALOG (dialog);
  Field *field = lookup_field (self, name);

  g_return_if_fail (field != NULL);

  if (ADW_IS_COMBO_ROW (field->widget))
    rec_editor_dialog_set_choice (self, name, (guint) g_ascii_strtoull (text, NULL, 10));
  else if (GTK_IS_SWITCH (field->widget))
    rec_editor_dialog_set_active (self, name, g_strcmp0 (text, "true") == 0);
  else
    rec_editor_dialog_set_text (self, name, text);

  /* As if typed: its error shows at once. */
  field->touched = TRUE;
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

  g_return_if_fail (field != NULL && field->calendar != NULL);
  g_return_if_fail (rec_date_parse (iso, &date, NULL));

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
