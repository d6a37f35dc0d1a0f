/* rec-page.c — the base of the case view's pages: session, lazy load, refresh
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-page.h"

#include "rec-remedy-item.h"

typedef struct
{
  RecCaseSession *session;
  GSignalGroup   *signals;        /* of the session */
  gboolean        loaded;         /* load() has run for this session */
  gboolean        stale;          /* "changed" came while out of sight */
  gboolean        more_pending;   /* load_more() has yet to run */
  guint           n_loads;
  guint           load_idle;
  GdkFrameClock  *clock;          /* waited on for its next frame, before load_idle */
  gulong          after_paint_id;
} RecPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RecPage, rec_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cancel_pending_load (RecPage *self)
{
  RecPagePrivate *priv = rec_page_get_instance_private (self);

  g_clear_handle_id (&priv->load_idle, g_source_remove);
  /* A window destroyed meanwhile has run the clock's dispose, which
   * disconnected every handler. */
  if (priv->clock != NULL && g_signal_handler_is_connected (priv->clock, priv->after_paint_id))
    g_signal_handler_disconnect (priv->clock, priv->after_paint_id);
  priv->after_paint_id = 0;
  g_clear_object (&priv->clock);
}

static void schedule_load (RecPage *self);

/* Loads the page if it is not yet (and refreshes it if a change came out of
 * sight); with `all`, runs load_more() too, else leaves it for after the
 * next frame. */
static void
run_load (RecPage  *self,
          gboolean  all)
{
  RecPagePrivate *priv = rec_page_get_instance_private (self);
  RecPageClass *klass = REC_PAGE_GET_CLASS (self);

  if (priv->session == NULL)
    return;
  if (!priv->loaded)
    {
      cancel_pending_load (self);
      priv->loaded = TRUE;
      priv->stale = FALSE;
      priv->more_pending = klass->load_more != NULL;
      priv->n_loads++;
      if (klass->load != NULL)
        klass->load (self);
    }
  else if (priv->stale)
    {
      priv->stale = FALSE;
      if (klass->refresh != NULL)
        klass->refresh (self);
    }

  if (!priv->more_pending)
    return;
  if (all)
    {
      cancel_pending_load (self);
      priv->more_pending = FALSE;
      klass->load_more (self);
    }
  else if (priv->load_idle == 0 && priv->clock == NULL)
    schedule_load (self);
}

void
rec_page_ensure_loaded (RecPage *self)
{
  g_return_if_fail (REC_IS_PAGE (self));

  run_load (self, TRUE);
}

static gboolean
load_idle_cb (gpointer user_data)
{
  RecPage *self = user_data;
  RecPagePrivate *priv = rec_page_get_instance_private (self);

  priv->load_idle = 0;
  run_load (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
add_load_idle (RecPage *self)
{
  RecPagePrivate *priv = rec_page_get_instance_private (self);

  priv->load_idle = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                RecPage       *self)
{
  RecPagePrivate *priv = rec_page_get_instance_private (self);

  g_clear_signal_handler (&priv->after_paint_id, clock);
  g_clear_object (&priv->clock);
  add_load_idle (self);
}

/* A page out of sight loads in idle time, but only after the window's next
 * frame: an idle source alone may run before that frame (the frame clock
 * waits for its time) and delay the page the user does see. */
static void
schedule_load (RecPage *self)
{
  RecPagePrivate *priv = rec_page_get_instance_private (self);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

  if (native == NULL || !gtk_widget_get_realized (GTK_WIDGET (native)))
    {
      add_load_idle (self);
      return;
    }
  priv->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (native)));
  priv->after_paint_id = g_signal_connect (priv->clock, "after-paint",
                                           G_CALLBACK (after_paint_cb), self);
  gdk_frame_clock_request_phase (priv->clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* A page out of sight only notes the change: it is refreshed once, when
 * it is shown again, however many edits came meanwhile. */
static void
session_changed_cb (RecPage *self)
{
  RecPagePrivate *priv = rec_page_get_instance_private (self);
  RecPageClass *klass = REC_PAGE_GET_CLASS (self);

  if (!priv->loaded)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    priv->stale = TRUE;
  else if (klass->refresh != NULL)
    klass->refresh (self);
}

RecCaseSession *
rec_page_get_session (RecPage *self)
{
  RecPagePrivate *priv;

  g_return_val_if_fail (REC_IS_PAGE (self), NULL);

  priv = rec_page_get_instance_private (self);
  return priv->session;
}

void
rec_page_set_session (RecPage        *self,
                      RecCaseSession *session)
{
  RecPagePrivate *priv;
  RecPageClass *klass;

  g_return_if_fail (REC_IS_PAGE (self));
  g_return_if_fail (session == NULL || REC_IS_CASE_SESSION (session));

  priv = rec_page_get_instance_private (self);
  klass = REC_PAGE_GET_CLASS (self);
  if (priv->session == session)
    return;

  cancel_pending_load (self);
  /* No signal of the old session reaches the page from here on. */
  g_signal_group_set_target (priv->signals, session);
  if (priv->loaded && klass->unload != NULL)
    klass->unload (self);
  priv->loaded = FALSE;
  priv->stale = FALSE;
  priv->more_pending = FALSE;
  g_set_object (&priv->session, session);

  if (session != NULL)
    {
      if (klass->bind != NULL)
        klass->bind (self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        run_load (self, FALSE);
      else
        schedule_load (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GSignalGroup *
rec_page_get_signal_group (RecPage *self)
{
  RecPagePrivate *priv;

  g_return_val_if_fail (REC_IS_PAGE (self), NULL);

  priv = rec_page_get_instance_private (self);
  return priv->signals;
}

gboolean
rec_page_is_loaded (RecPage *self)
{
  RecPagePrivate *priv;

  g_return_val_if_fail (REC_IS_PAGE (self), FALSE);

  priv = rec_page_get_instance_private (self);
  return priv->loaded;
}

guint
rec_page_get_n_loads (RecPage *self)
{
  RecPagePrivate *priv;

  g_return_val_if_fail (REC_IS_PAGE (self), 0);

  priv = rec_page_get_instance_private (self);
  return priv->n_loads;
}

static gboolean
items_equal (GListModel *a,
             guint       i,
             GListModel *b,
             guint       j,
             GEqualFunc  equal)
{
  g_autoptr(GObject) item_a = g_list_model_get_item (a, i);
  g_autoptr(GObject) item_b = g_list_model_get_item (b, j);

  return item_a == item_b || equal (item_a, item_b);
}

/* Puts fresh's items [position, position + n_added) in place of store's
 * [position, position + n_removed). */
static void
splice_from (GListStore *store,
             guint       position,
             guint       n_removed,
             GListModel *fresh,
             guint       n_added)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_added, g_object_unref);

  for (guint i = 0; i < n_added; i++)
    g_ptr_array_add (items, g_list_model_get_item (fresh, position + i));
  g_list_store_splice (store, position, n_removed, items->pdata, items->len);
}

void
rec_page_update_store (GListStore *store,
                       GListModel *fresh,
                       GEqualFunc  equal)
{
  GListModel *old = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (old);
  guint n_new = g_list_model_get_n_items (fresh);
  guint start = 0;
  guint end = 0;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (G_IS_LIST_MODEL (fresh));
  g_return_if_fail (equal != NULL);

  while (start < n_old && start < n_new && items_equal (old, start, fresh, start, equal))
    start++;
  while (end < n_old - start && end < n_new - start
         && items_equal (old, n_old - 1 - end, fresh, n_new - 1 - end, equal))
    end++;
  n_old -= start + end;
  n_new -= start + end;

  if (n_old != n_new)
    {
      splice_from (store, start, n_old, fresh, n_new);
      return;
    }
  /* As many items as before: only the runs that differ are replaced. */
  for (guint i = start; i < start + n_old;)
    {
      guint run = i;

      while (run < start + n_old && !items_equal (old, run, fresh, run, equal))
        run++;
      if (run > i)
        splice_from (store, i, run - i, fresh, run - i);
      else
        run++;
      i = run;
    }
}

/* Everything a remedy's row shows: its verdict and its current step (a step
 * edited is a new object in the session). */
static gboolean
remedy_item_equal (gconstpointer a,
                   gconstpointer b)
{
  const RecRemedyItem *x = a;
  const RecRemedyItem *y = b;

  return x->remedy == y->remedy
         && x->has_verdict == y->has_verdict
         && x->not_in_rules == y->not_in_rules
         && x->eligible == y->eligible
         && x->step == y->step
         && g_strcmp0 (x->reason_label, y->reason_label) == 0
         && g_strcmp0 (x->citation, y->citation) == 0;
}

void
rec_page_update_remedies (GListStore     *store,
                          RecCaseSession *session)
{
  g_autoptr(GListStore) fresh = g_list_store_new (REC_TYPE_REMEDY_ITEM);

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (REC_IS_CASE_SESSION (session));

  rec_remedy_items_fill (fresh, rec_case_session_get_result (session),
                         rec_case_session_get_enforcement (session));
  rec_page_update_store (store, G_LIST_MODEL (fresh), remedy_item_equal);
}

static void
rec_page_map (GtkWidget *widget)
{
  run_load (REC_PAGE (widget), FALSE);

  GTK_WIDGET_CLASS (rec_page_parent_class)->map (widget);
}

static void
rec_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RecPage *self = REC_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, rec_page_get_session (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  RecPage *self = REC_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rec_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_page_dispose (GObject *object)
{
  RecPage *self = REC_PAGE (object);
  RecPagePrivate *priv = rec_page_get_instance_private (self);

  /* The subclass has dropped its content already: no unload() here. */
  cancel_pending_load (self);
  if (priv->signals != NULL)
    g_signal_group_set_target (priv->signals, NULL);
  g_clear_object (&priv->signals);
  g_clear_object (&priv->session);
  priv->loaded = FALSE;

  G_OBJECT_CLASS (rec_page_parent_class)->dispose (object);
}

static void
rec_page_class_init (RecPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rec_page_get_property;
  object_class->set_property = rec_page_set_property;
  object_class->dispose = rec_page_dispose;
  widget_class->map = rec_page_map;

  /**
   * RecPage:session: (nullable)
   *
   * The case shown; it may be replaced or cleared.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, REC_TYPE_CASE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rec_page_init (RecPage *self)
{
  RecPagePrivate *priv = rec_page_get_instance_private (self);

  priv->signals = g_signal_group_new (REC_TYPE_CASE_SESSION);
  g_signal_group_connect_swapped (priv->signals, "changed", G_CALLBACK (session_changed_cb), self);
}
