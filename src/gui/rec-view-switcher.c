/* rec-view-switcher.c — the header bar's page switcher: one toggle button
 * (the page's icon and title) per page of an AdwViewStack
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why not AdwViewSwitcherTitle: libadwaita 1.2 builds two AdwViewSwitchers
 * in it (wide and narrow), and each of their buttons holds a horizontal and
 * a vertical layout, two badge holders and four labels — about 150 widgets
 * for our six pages, 40 M instructions or a twentieth of the first frame
 * on a case. This switcher builds the wide layout only (four widgets a
 * page). Where it does not fit, the case view shows the case's title in its
 * place and the bar at the bottom of the window (AdwViewSwitcherBar) shows
 * the pages (rec-case-view.c).
 *
 * It wears libadwaita's own style for its wide switcher: the CSS name
 * "viewswitcher" with class "wide", homogeneous "button.toggle" children
 * (style.css gives their box the padding libadwaita gives its inner one).
 * To assistive technologies it is a tab list of tabs, as AdwViewSwitcher is.
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-view-switcher.h"

struct _RecViewSwitcher
{
  GtkWidget          parent_instance;

  AdwViewStack      *stack;     /* (nullable) */
  GtkSelectionModel *pages;     /* (nullable) the stack's, while set */
  GPtrArray         *buttons;   /* GtkToggleButton, one per page, in order */
  gboolean           syncing;   /* buttons following the stack, not the user */
};

G_DEFINE_FINAL_TYPE (RecViewSwitcher, rec_view_switcher, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_selection (RecViewSwitcher *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      gboolean selected = gtk_selection_model_is_selected (self->pages, i);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), selected);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_SELECTED,
                                   selected, -1);
    }
  self->syncing = FALSE;
}

static void
button_toggled_cb (GtkToggleButton *button,
                   RecViewSwitcher *self)
{
  guint position;

  if (self->syncing || !gtk_toggle_button_get_active (button)
      || !g_ptr_array_find (self->buttons, button, &position))
    return;
  gtk_selection_model_select_item (self->pages, position, TRUE);
}

/* The button's accessible name is the page's title as read (no mnemonic
 * underscore); the visible label follows the page itself. */
static void
title_changed_cb (AdwViewStackPage *page,
                  GParamSpec       *pspec,
                  GtkWidget        *button)
{
  const char *title = adw_view_stack_page_get_title (page);
  g_autofree char *plain = NULL;

  if (title != NULL && adw_view_stack_page_get_use_underline (page))
    {
      g_auto(GStrv) parts = g_strsplit (title, "_", -1);

      plain = g_strjoinv ("", parts);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  plain != NULL ? plain : title != NULL ? title : "", -1);
}

static GtkWidget *
button_new (RecViewSwitcher  *self,
            AdwViewStackPage *page,
            GtkToggleButton  *group)
{
  GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_TAB,
                                    NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (box, "wide");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  g_object_bind_property (page, "icon-name", image, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "use-underline", label, "use-underline", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "visible", button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (page, "notify::title", G_CALLBACK (title_changed_cb), button, 0);
  g_signal_connect_object (page, "notify::use-underline", G_CALLBACK (title_changed_cb),
                           button, 0);
  title_changed_cb (page, NULL, button);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  g_signal_connect_object (button, "toggled", G_CALLBACK (button_toggled_cb), self, 0);
  return button;
}

static void
clear_buttons (RecViewSwitcher *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->buttons, i));
  g_ptr_array_set_size (self->buttons, 0);
}

/* Pages come and go rarely (never, in Recourse): every button again. */
static void
pages_changed_cb (GListModel      *pages,
                  guint            position,
                  guint            removed,
                  guint            added,
                  RecViewSwitcher *self)
{
  guint n = g_list_model_get_n_items (pages);

  clear_buttons (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);
      GtkWidget *button = button_new (self, page,
                                      i > 0 ? g_ptr_array_index (self->buttons, 0) : NULL);

      gtk_widget_set_parent (button, GTK_WIDGET (self));
      g_ptr_array_add (self->buttons, button);
    }
  sync_selection (self);
}

static void
selection_changed_cb (GtkSelectionModel *pages,
                      guint              position,
                      guint              n_items,
                      RecViewSwitcher   *self)
{
  sync_selection (self);
}

void
rec_view_switcher_set_stack (RecViewSwitcher *self,
                             AdwViewStack    *stack)
{
  g_return_if_fail (REC_IS_VIEW_SWITCHER (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  if (self->stack == stack)
    return;
  if (self->pages != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->pages, self);
      g_clear_object (&self->pages);
    }
  clear_buttons (self);
  g_set_object (&self->stack, stack);
  if (stack != NULL)
    {
      self->pages = adw_view_stack_get_pages (stack);
      g_signal_connect_object (self->pages, "items-changed", G_CALLBACK (pages_changed_cb),
                               self, 0);
      g_signal_connect_object (self->pages, "selection-changed",
                               G_CALLBACK (selection_changed_cb), self, 0);
      pages_changed_cb (G_LIST_MODEL (self->pages), 0, 0, 0, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

AdwViewStack *
rec_view_switcher_get_stack (RecViewSwitcher *self)
{
  g_return_val_if_fail (REC_IS_VIEW_SWITCHER (self), NULL);

  return self->stack;
}

GtkWidget *
rec_view_switcher_new (void)
{
  return g_object_new (REC_TYPE_VIEW_SWITCHER, NULL);
}

static void
rec_view_switcher_dispose (GObject *object)
{
  RecViewSwitcher *self = REC_VIEW_SWITCHER (object);

  rec_view_switcher_set_stack (self, NULL);

  G_OBJECT_CLASS (rec_view_switcher_parent_class)->dispose (object);
}

static void
rec_view_switcher_finalize (GObject *object)
{
  RecViewSwitcher *self = REC_VIEW_SWITCHER (object);

  g_ptr_array_unref (self->buttons);

  G_OBJECT_CLASS (rec_view_switcher_parent_class)->finalize (object);
}

static void
rec_view_switcher_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RecViewSwitcher *self = REC_VIEW_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_view_switcher_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RecViewSwitcher *self = REC_VIEW_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      rec_view_switcher_set_stack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_view_switcher_class_init (RecViewSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rec_view_switcher_dispose;
  object_class->finalize = rec_view_switcher_finalize;
  object_class->get_property = rec_view_switcher_get_property;
  object_class->set_property = rec_view_switcher_set_property;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "viewswitcher");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TAB_LIST);
}

static void
rec_view_switcher_init (RecViewSwitcher *self)
{
  self->buttons = g_ptr_array_new ();
  /* Every button as wide as the widest, as libadwaita's wide switcher. */
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "wide");
}
