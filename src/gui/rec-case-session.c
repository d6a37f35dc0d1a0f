/* rec-case-session.c — one open case: store, live list models, result, undo, redo
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-case-session.h"

#include "rec-date.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

/* Every kind derives from RecEntity (rec-case-data.h), which holds the id and
 * the position; the session handles them all through it. */
typedef enum
{
  KIND_CHILD,
  KIND_TERM,
  KIND_INTEREST_OVERRIDE,
  KIND_CHARGE,
  KIND_PAYMENT,
  KIND_COMMUNICATION,
  KIND_ENFORCEMENT,
  N_KINDS,
  KIND_INFO = N_KINDS,
} Kind;

/* Where each kind lives in RecCaseData. */
static const gsize kind_offsets[N_KINDS] = {
  G_STRUCT_OFFSET (RecCaseData, children),
  G_STRUCT_OFFSET (RecCaseData, terms),
  G_STRUCT_OFFSET (RecCaseData, interest_overrides),
  G_STRUCT_OFFSET (RecCaseData, charges),
  G_STRUCT_OFFSET (RecCaseData, payments),
  G_STRUCT_OFFSET (RecCaseData, communications),
  G_STRUCT_OFFSET (RecCaseData, enforcement),
};

static GType
kind_type (Kind kind)
{
  switch (kind)
    {
    case KIND_CHILD:             return REC_TYPE_CHILD;
    case KIND_TERM:              return REC_TYPE_TERM;
    case KIND_INTEREST_OVERRIDE: return REC_TYPE_INTEREST_OVERRIDE;
    case KIND_CHARGE:            return REC_TYPE_CHARGE;
    case KIND_PAYMENT:           return REC_TYPE_PAYMENT;
    case KIND_COMMUNICATION:     return REC_TYPE_COMMUNICATION;
    case KIND_ENFORCEMENT:       return REC_TYPE_ENFORCEMENT_STEP;
    case KIND_INFO:
    default:
      g_assert_not_reached ();
    }
}

/* What reverts a change (and, once done, what reverts that: the redo). */
typedef enum
{
  UNDO_DELETE,    /* undoes an add: delete the item with this id */
  UNDO_RESTORE,   /* undoes an update: write the previous copy back */
  UNDO_READD,     /* undoes a delete: add the copy back at its old place */
  UNDO_DETACH,    /* undoes an attach: unlink `documents` from the record `item` */
  UNDO_REATTACH,  /* undoes a detach: add `documents` (with bytes) back */
  UNDO_UNIMPORT,  /* undoes an import: delete the records of `import` in one transaction */
  UNDO_REIMPORT,  /* undoes that: add `import` again (rec_store_import) */
} UndoOp;

typedef struct
{
  guint64   change;   /* the id of the change it reverts (rec_case_session_get_last_change) */
  guint     record;   /* which record (record_of); 0 for KIND_INFO */
  UndoOp    op;
  Kind      kind;
  GObject  *item;     /* a private copy: a RecEntity, or RecCaseInfo for KIND_INFO */
  guint     index;    /* UNDO_READD: where it was in the list */
  GPtrArray *documents; /* UNDO_READD: RecAttachment (with bytes) that proved it, or NULL */
  GPtrArray *import;    /* UNDO_UNIMPORT, UNDO_REIMPORT: ImportPart, one per source */
} UndoEntry;

struct _RecCaseSession
{
  GObject            parent_instance;

  /* Owned */
  char              *path;
  RecStore          *store;
  RecCaseData       *data;
  RecRules          *rules;
  RecArrearsResult  *result;
  GListStore        *lists[N_KINDS];
  GPtrArray         *undo;          /* UndoEntry, newest change last */
  GPtrArray         *redo;          /* UndoEntry, the last undone last */
  guint64            next_change;   /* the id the next change gets */
  /* Which record an id names, for the records undo knows. The store gives
   * a deleted record's id to the next one added, so an id alone does not
   * say which record a change touched. id (gint64 *) → record (guint). */
  GHashTable        *records[N_KINDS];
  guint              next_record;
  gboolean           shown_read_only;  /* tests: _rec_case_session_set_read_only() */
  GListStore        *attachments;   /* RecAttachment: self->data->attachments */
  guint              group_depth;   /* begin_group() without its end_group() */
  gboolean           group_pushed;  /* the open group has its change id */
  char              *step_note;     /* what the last undo or redo kept back, or NULL */
};

G_DEFINE_FINAL_TYPE (RecCaseSession, rec_case_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (rec-case-session-error-quark, rec_case_session_error)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  ATTACHMENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
undo_entry_free (gpointer data)
{
  UndoEntry *entry = data;

  g_clear_object (&entry->item);
  g_clear_pointer (&entry->documents, g_ptr_array_unref);
  g_clear_pointer (&entry->import, g_ptr_array_unref);
  g_free (entry);
}

static UndoEntry *
undo_entry_new (guint64  change,
                guint    record,
                UndoOp   op,
                Kind     kind,
                GObject *item,
                guint    index)
{
  UndoEntry *entry = g_new0 (UndoEntry, 1);

  entry->change = change;
  entry->record = record;
  entry->op = op;
  entry->kind = kind;
  entry->item = item;
  entry->index = index;
  return entry;
}

static GPtrArray *
data_array (RecCaseSession *self,
            Kind            kind)
{
  return G_STRUCT_MEMBER (GPtrArray *, self->data, kind_offsets[kind]);
}

static gboolean
kind_of (GObject *item,
         Kind    *out_kind)
{
  for (guint i = 0; i < N_KINDS; i++)
    {
      if (G_OBJECT_TYPE (item) == kind_type (i))
        {
          *out_kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
find_by_id (RecCaseSession *self,
            Kind            kind,
            gint64          id,
            guint          *out_index)
{
  GPtrArray *array = data_array (self, kind);

  for (guint i = 0; i < array->len; i++)
    {
      if (REC_ENTITY (g_ptr_array_index (array, i))->id == id)
        {
          *out_index = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
recompute (RecCaseSession *self)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  rec_date_set_today (&today);
  g_clear_pointer (&self->result, rec_arrears_result_free);
  self->result = rec_arrears_compute (self->data, self->rules, &today, &error);
  if (self->result == NULL)
    g_debug ("Cannot compute the arrears: %s", error->message);
}

/* Announces can-undo / can-redo if it changed either. */
static void
notify_stacks (RecCaseSession *self,
               gboolean        could_undo,
               gboolean        could_redo)
{
  if (could_undo != (self->undo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (self->redo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* The record the stored row `id` of `kind` holds now (a new one the first
 * time undo hears of it). */
static guint
record_of (RecCaseSession *self,
           Kind            kind,
           gint64          id)
{
  gpointer record = g_hash_table_lookup (self->records[kind], &id);

  if (record == NULL)
    {
      record = GUINT_TO_POINTER (self->next_record++);
      g_hash_table_insert (self->records[kind], g_memdup2 (&id, sizeof id), record);
    }
  return GPOINTER_TO_UINT (record);
}

/* A new edit: it becomes the newest change, and what was undone before it
 * can no longer be redone. */
static void
push_change (RecCaseSession *self,
             guint           record,
             UndoOp          op,
             Kind            kind,
             GObject        *item,
             guint           index)
{
  gboolean could_undo = self->undo->len > 0;
  gboolean could_redo = self->redo->len > 0;
  guint64 change;

  /* The edits of one group share the first one's change id. */
  if (self->group_depth > 0 && self->group_pushed)
    change = self->next_change - 1;
  else
    change = self->next_change++;
  self->group_pushed = self->group_depth > 0;
  g_clear_pointer (&self->step_note, g_free);
  g_ptr_array_add (self->undo, undo_entry_new (change, record, op, kind, item, index));
  g_ptr_array_set_size (self->redo, 0);
  notify_stacks (self, could_undo, could_redo);
}

/* After a deleted record comes back under a new id, the other entries of
 * that record must follow. */
static void
remap_record (GPtrArray *stack,
              guint      record,
              gint64     new_id)
{
  for (guint i = 0; i < stack->len; i++)
    {
      UndoEntry *entry = g_ptr_array_index (stack, i);

      if (entry->record == record)
        REC_ENTITY (entry->item)->id = new_id;
    }
}

/* The three edits on memory, after the store has committed. Each recomputes
 * the result before the list model announces the change, so views that read
 * the result from items-changed see the new figures. */
static void
apply_insert (RecCaseSession *self,
              Kind            kind,
              GObject        *item,
              guint           index)
{
  GPtrArray *array = data_array (self, kind);

  index = MIN (index, array->len);
  g_ptr_array_insert (array, index, g_object_ref (item));
  recompute (self);
  g_list_store_insert (self->lists[kind], index, item);
}

static void
apply_replace (RecCaseSession *self,
               Kind            kind,
               GObject        *item,
               guint           index)
{
  GPtrArray *array = data_array (self, kind);
  g_autoptr(GObject) old G_GNUC_UNUSED = g_steal_pointer (&array->pdata[index]);

  array->pdata[index] = g_object_ref (item);
  recompute (self);
  g_list_store_splice (self->lists[kind], index, 1, (gpointer *) &item, 1);
}

static void
apply_remove (RecCaseSession *self,
              Kind            kind,
              guint           index)
{
  GPtrArray *array = data_array (self, kind);
  g_autoptr(GObject) old G_GNUC_UNUSED = g_object_ref (g_ptr_array_index (array, index));

  g_ptr_array_remove_index (array, index);
  recompute (self);
  g_list_store_remove (self->lists[kind], index);
}

static void     sync_attachments       (RecCaseSession *self);
static UndoEntry *apply_import_entry    (RecCaseSession *self,
                                        UndoEntry      *entry,
                                        GError        **error);
static UndoEntry *apply_documents_entry (RecCaseSession *self,
                                        UndoEntry      *entry,
                                        GError        **error);

static gboolean
do_add (RecCaseSession *self,
        Kind            kind,
        RecEntity      *item,
        guint           index,
        GError        **error)
{
  g_autoptr(RecEntity) copy = NULL;

  if (!rec_store_add (self->store, item, error))
    return FALSE;

  copy = rec_entity_copy (item);
  apply_insert (self, kind, G_OBJECT (copy), index);
  return TRUE;
}

static gboolean
not_found (gint64   id,
           GError **error)
{
  g_debug ("No record with id %" G_GINT64_FORMAT " in this case", id);
  g_set_error_literal (error, REC_STORE_ERROR, REC_STORE_ERROR_NOT_FOUND,
                       _("This record is no longer in the case."));
  return FALSE;
}

static gboolean
do_update (RecCaseSession *self,
           Kind            kind,
           RecEntity      *item,
           GObject       **out_previous,
           GError        **error)
{
  g_autoptr(RecEntity) copy = NULL;
  GPtrArray *array = data_array (self, kind);
  guint index;

  if (!find_by_id (self, kind, item->id, &index))
    return not_found (item->id, error);
  if (!rec_store_update (self->store, item, error))
    return FALSE;

  if (out_previous != NULL)
    *out_previous = g_object_ref (g_ptr_array_index (array, index));
  copy = rec_entity_copy (item);
  apply_replace (self, kind, G_OBJECT (copy), index);
  return TRUE;
}

/* `out_documents`: the documents that proved the record, linked to the
 * removed object, for its undo to bring back (spec/evidence.md §1: deleting
 * a record removes its links, and a document only it proved). */
static gboolean
do_delete (RecCaseSession *self,
           Kind            kind,
           RecEntity      *item,
           GObject       **out_removed,
           guint          *out_index,
           GPtrArray     **out_documents,
           GError        **error)
{
  GPtrArray *array = data_array (self, kind);
  g_autoptr(GPtrArray) documents = NULL;
  guint index;

  if (!find_by_id (self, kind, item->id, &index))
    return not_found (item->id, error);
  documents = rec_store_dup_attachments_proving (self->store, g_ptr_array_index (array, index), error);
  if (documents == NULL || !rec_store_delete (self->store, item, error))
    return FALSE;
  /* The documents in memory follow the file's (links gone with the record). */
  if (documents->len > 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!rec_store_load_attachments (self->store, self->data, &local_error))
        g_warning ("Cannot read the case's documents again: %s", local_error->message);
      sync_attachments (self);
    }
  if (out_documents != NULL)
    *out_documents = documents->len > 0 ? g_steal_pointer (&documents) : NULL;

  /* The id may name another record from now on. */
  g_hash_table_remove (self->records[kind], &item->id);
  if (out_removed != NULL)
    *out_removed = g_object_ref (g_ptr_array_index (array, index));
  if (out_index != NULL)
    *out_index = index;
  apply_remove (self, kind, index);
  return TRUE;
}

/* A new jurisdiction brings its rules: they are loaded before anything is
 * written, so a jurisdiction without rules changes nothing. */
static gboolean
do_update_info (RecCaseSession    *self,
                const RecCaseInfo *info,
                GError           **error)
{
  g_autoptr(RecRules) rules = NULL;

  if (g_strcmp0 (info->jurisdiction, self->data->info->jurisdiction) != 0)
    {
      rules = rec_rules_load (info->jurisdiction, error);
      if (rules == NULL)
        return FALSE;
    }
  if (!rec_store_update_case_info (self->store, info, error))
    return FALSE;

  if (rules != NULL)
    {
      g_clear_pointer (&self->rules, rec_rules_unref);
      self->rules = g_steal_pointer (&rules);
    }
  g_clear_object (&self->data->info);
  self->data->info = rec_case_info_copy (info);
  recompute (self);
  return TRUE;
}

/* Carries out `entry` and returns what reverts it in turn (for the other
 * stack), under the same change id; NULL with `error` when it failed (nothing
 * changed then). */
static UndoEntry *
apply_entry (RecCaseSession *self,
             UndoEntry      *entry,
             GError        **error)
{
  g_autoptr(GObject) other = NULL;
  RecEntity *item = entry->kind == KIND_INFO ? NULL : REC_ENTITY (entry->item);
  guint index = 0;
  gint64 old_id;

  switch (entry->op)
    {
    case UNDO_DELETE:
      {
        GPtrArray *documents = NULL;
        UndoEntry *readd;

        if (!do_delete (self, entry->kind, item, &other, &index, &documents, error))
          return NULL;
        readd = undo_entry_new (entry->change, entry->record, UNDO_READD, entry->kind,
                                g_steal_pointer (&other), index);
        readd->documents = documents;
        return readd;
      }

    case UNDO_RESTORE:
      if (entry->kind == KIND_INFO)
        {
          other = g_object_ref (G_OBJECT (self->data->info));
          if (!do_update_info (self, REC_CASE_INFO (entry->item), error))
            return NULL;
        }
      else if (!do_update (self, entry->kind, item, &other, error))
        return NULL;
      return undo_entry_new (entry->change, entry->record, UNDO_RESTORE, entry->kind,
                             g_steal_pointer (&other), 0);

    case UNDO_READD:
      old_id = item->id;
      item->id = 0;
      if (!do_add (self, entry->kind, item, entry->index, error))
        {
          item->id = old_id;
          return NULL;
        }
      g_hash_table_insert (self->records[entry->kind], g_memdup2 (&item->id, sizeof item->id),
                           GUINT_TO_POINTER (entry->record));
      /* Its documents come back linked to it (their links name `item`,
       * which has its new id now). */
      if (entry->documents != NULL)
        {
          g_autoptr(GError) local_error = NULL;

          if (!rec_store_add_attachments (self->store, entry->documents, &local_error))
            g_warning ("The documents of the record brought back could not be restored: %s",
                       local_error->message);
          else if (!rec_store_load_attachments (self->store, self->data, &local_error))
            g_warning ("Cannot read the case's documents again: %s", local_error->message);
          sync_attachments (self);
        }
      remap_record (self->undo, entry->record, item->id);
      remap_record (self->redo, entry->record, item->id);
      return undo_entry_new (entry->change, entry->record, UNDO_DELETE, entry->kind,
                             G_OBJECT (rec_entity_copy (item)), 0);

    case UNDO_UNIMPORT:
    case UNDO_REIMPORT:
      return apply_import_entry (self, entry, error);

    case UNDO_DETACH:
    case UNDO_REATTACH:
      return apply_documents_entry (self, entry, error);

    default:
      g_assert_not_reached ();
    }
}

/* Whether an entry newer than stack[index] touches the same record. */
static gboolean
touched_since (GPtrArray *stack,
               guint      index)
{
  UndoEntry *entry = g_ptr_array_index (stack, index);

  for (guint i = index + 1; i < stack->len; i++)
    {
      UndoEntry *newer = g_ptr_array_index (stack, i);

      /* The other edits of the same group go with it. */
      if (newer->change != entry->change && newer->kind == entry->kind
          && newer->record == entry->record)
        return TRUE;
    }
  return FALSE;
}

/* Moves stack[index] to the other stack by carrying it out. */
static gboolean
step (RecCaseSession  *self,
      GPtrArray       *from,
      GPtrArray       *to,
      guint            index,
      GError         **error)
{
  gboolean could_undo = self->undo->len > 0;
  gboolean could_redo = self->redo->len > 0;
  guint64 change = ((UndoEntry *) g_ptr_array_index (from, index))->change;
  g_autoptr(GError) local_error = NULL;
  guint top = index;
  gboolean done_any = FALSE;

  g_clear_pointer (&self->step_note, g_free);
  /* A group's edits are contiguous: revert them newest first. */
  while (top + 1 < from->len && ((UndoEntry *) g_ptr_array_index (from, top + 1))->change == change)
    top++;
  for (guint i = top + 1; i-- > 0;)
    {
      UndoEntry *entry = g_ptr_array_index (from, i);
      UndoEntry *inverse;

      if (entry->change != change)
        break;
      inverse = apply_entry (self, entry, &local_error);
      if (inverse == NULL && !done_any)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (inverse == NULL)
        {
          g_warning ("Part of a change could not be carried out: %s", local_error->message);
          break;
        }
      g_ptr_array_remove_index (from, i);
      g_ptr_array_add (to, inverse);
      done_any = TRUE;
    }
  notify_stacks (self, could_undo, could_redo);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
rec_case_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RecCaseSession *self = REC_CASE_SESSION (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rec_case_session_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, rec_case_session_can_redo (self));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, rec_case_session_get_read_only (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rec_case_session_dispose (GObject *object)
{
  RecCaseSession *self = REC_CASE_SESSION (object);

  for (guint i = 0; i < N_KINDS; i++)
    g_clear_object (&self->lists[i]);
  g_clear_object (&self->attachments);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rec_case_session_parent_class)->dispose (object);
}

static void
rec_case_session_finalize (GObject *object)
{
  RecCaseSession *self = REC_CASE_SESSION (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&self->records[i], g_hash_table_unref);
  g_clear_pointer (&self->result, rec_arrears_result_free);
  g_clear_pointer (&self->data, rec_case_data_free);
  g_clear_pointer (&self->rules, rec_rules_unref);
  g_free (self->step_note);
  g_free (self->path);

  G_OBJECT_CLASS (rec_case_session_parent_class)->finalize (object);
}

static void
rec_case_session_class_init (RecCaseSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rec_case_session_get_property;
  object_class->dispose = rec_case_session_dispose;
  object_class->finalize = rec_case_session_finalize;

  /**
   * RecCaseSession:can-undo:
   *
   * Whether there is an edit to undo.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RecCaseSession:can-redo:
   *
   * Whether there is an undone edit to carry out again.
   */
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RecCaseSession:read-only:
   *
   * Whether the case file can only be read (it, or its folder, is not
   * writable): every edit fails, export and print still work. Fixed once the
   * session is open; pages bind their add, edit and delete controls to it.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RecCaseSession::changed:
   *
   * Emitted after every successful edit or undo, once the list models and the
   * arrears result are up to date.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RecCaseSession::attachments-changed:
   *
   * Emitted after the case's documents or their links changed (an attach,
   * a detach, a record deleted or brought back with its documents, an undo
   * or redo of one), once rec_case_session_get_attachments() is up to date.
   */
  signals[ATTACHMENTS_CHANGED] = g_signal_new ("attachments-changed", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 0);
}

static void
rec_case_session_init (RecCaseSession *self)
{
  for (guint i = 0; i < N_KINDS; i++)
    {
      self->lists[i] = g_list_store_new (kind_type (i));
      self->records[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }
  self->attachments = g_list_store_new (REC_TYPE_ATTACHMENT);
  self->next_record = 1;
  self->undo = g_ptr_array_new_with_free_func (undo_entry_free);
  self->redo = g_ptr_array_new_with_free_func (undo_entry_free);
  self->next_change = 1;
}

static gboolean
session_load (RecCaseSession  *self,
              const char      *path,
              GError         **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  self->path = g_strdup (path);
  /* The store opens a write-protected file read-only by itself; a file in a
   * folder we cannot write to could not keep its journal there either. */
  self->store = rec_store_open (path, g_access (folder, W_OK) != 0, error);
  if (self->store == NULL)
    return FALSE;
  self->data = rec_store_load_case (self->store, error);
  if (self->data == NULL)
    return FALSE;
  self->rules = rec_rules_load (self->data->info->jurisdiction, error);
  if (self->rules == NULL)
    return FALSE;

  for (guint i = 0; i < N_KINDS; i++)
    {
      GPtrArray *array = data_array (self, i);

      g_list_store_splice (self->lists[i], 0, 0, array->pdata, array->len);
    }
  g_list_store_splice (self->attachments, 0, 0, self->data->attachments->pdata,
                       self->data->attachments->len);
  recompute (self);
  return TRUE;
}

/**
 * rec_case_session_open:
 * @path: a .recourse file
 * @error: the store's error when the file cannot be used
 *
 * Opens @path read-write (migrating it if it is older), loads the whole case
 * and computes the arrears as of today.
 *
 * Returns: (transfer full) (nullable): the session
 */
RecCaseSession *
rec_case_session_open (const char  *path,
                       GError     **error)
{
  g_autoptr(RecCaseSession) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (REC_TYPE_CASE_SESSION, NULL);
  if (!session_load (self, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Nothing else holds the new session until the task returns it, and no
 * signal is connected yet, so building it off the main thread is safe. */
static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(RecCaseSession) self = g_object_new (REC_TYPE_CASE_SESSION, NULL);
  GError *error = NULL;

  if (!session_load (self, task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

void
rec_case_session_open_async (const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rec_case_session_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

RecCaseSession *
rec_case_session_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
rec_case_session_get_path (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  return self->path;
}

RecStore *
rec_case_session_get_store (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  return self->store;
}

const RecCaseData *
rec_case_session_get_data (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  return self->data;
}

/**
 * rec_case_session_get_read_only:
 *
 * Returns: whether the case file can only be read (see RecCaseSession:read-only)
 */
gboolean
rec_case_session_get_read_only (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);

  return self->shown_read_only || rec_store_get_read_only (self->store);
}

/* Tests run as root, who can write any file: this makes a session read-only
 * for what the window shows (the store still writes). */
void
_rec_case_session_set_read_only (RecCaseSession *self,
                                 gboolean        read_only)
{
  g_return_if_fail (REC_IS_CASE_SESSION (self));

  if (self->shown_read_only == !!read_only)
    return;
  self->shown_read_only = !!read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

RecCaseInfo *
rec_case_session_get_info (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  return self->data->info;
}

#define LIST_GETTER(name, kind)                                    \
  GListModel *                                                     \
  rec_case_session_get_##name (RecCaseSession *self)               \
  {                                                                \
    g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);       \
                                                                   \
    return G_LIST_MODEL (self->lists[kind]);                       \
  }

LIST_GETTER (children, KIND_CHILD)
LIST_GETTER (terms, KIND_TERM)
LIST_GETTER (interest_overrides, KIND_INTEREST_OVERRIDE)
LIST_GETTER (charges, KIND_CHARGE)
LIST_GETTER (payments, KIND_PAYMENT)
LIST_GETTER (communications, KIND_COMMUNICATION)
LIST_GETTER (enforcement, KIND_ENFORCEMENT)

/**
 * rec_case_session_get_result:
 *
 * Returns: (nullable): the arrears as of today, NULL only if the engine
 *   refused the data (the reason is in the debug log)
 */
const RecArrearsResult *
rec_case_session_get_result (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  return self->result;
}

const RecRules *
rec_case_session_get_rules (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  return self->rules;
}

/* The session's work in a worker thread: `thread` runs on `job` (freed with
 * the task), its result comes to `callback` on the main thread. The
 * session's own connection is never used there. */
static void
run_in_thread (RecCaseSession      *self,
               gpointer             source_tag,
               gpointer             job,
               GDestroyNotify       job_free,
               GTaskThreadFunc      thread,
               gboolean             return_on_cancel,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (return_on_cancel)
    g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, thread);
}

/* A worker's end: `result` (freed with `result_free` when nobody takes
 * it), or `error` when there is none. */
static void
return_result (GTask          *task,
               gpointer        result,
               GDestroyNotify  result_free,
               GError         *error)
{
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, result_free);
}

/* What a worker of run_in_thread() gave (transfer full), or NULL with
 * `error`. */
static gpointer
finish_in_thread (RecCaseSession  *self,
                  GAsyncResult    *result,
                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  RecCaseData *data;       /* a snapshot: the main thread goes on editing its own */
  RecRules    *rules;
  GDate        today;
  RecCents     monthly;
} PayoffJob;

static void
payoff_job_free (gpointer user_data)
{
  PayoffJob *job = user_data;

  g_clear_pointer (&job->data, rec_case_data_free);
  g_clear_pointer (&job->rules, rec_rules_unref);
  g_free (job);
}

static gpointer
ref_item (gconstpointer item,
          gpointer      user_data)
{
  return g_object_ref ((gpointer) item);
}

/* The case as it is now, sharing its records: the session never changes a
 * stored record in place (an edit puts a new copy in the array), so a
 * worker may read them while the main thread goes on. */
RecCaseData *
rec_case_session_snapshot_data (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  RecCaseData *snapshot = rec_case_data_new ();

  g_set_object (&snapshot->info, self->data->info);
  for (guint i = 0; i < N_KINDS; i++)
    {
      GPtrArray **slot = &G_STRUCT_MEMBER (GPtrArray *, snapshot, kind_offsets[i]);

      g_ptr_array_unref (*slot);
      *slot = g_ptr_array_copy (data_array (self, i), ref_item, NULL);
      g_ptr_array_set_free_func (*slot, g_object_unref);
    }
  return snapshot;
}

static void
payoff_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PayoffJob *job = task_data;
  GError *error = NULL;
  RecPayoff *payoff;

  payoff = rec_payoff_compute (job->data, job->rules, &job->today, job->monthly, NULL, &error);
  return_result (task, payoff, (GDestroyNotify) rec_payoff_free, error);
}

/**
 * rec_case_session_compute_payoff_async:
 * @monthly: the extra payment toward the arrears each month
 *
 * Projects the payoff of the case as it is when called; the result comes to
 * @callback on the main thread.
 */
void
rec_case_session_compute_payoff_async (RecCaseSession      *self,
                                       RecCents             monthly,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  PayoffJob *job;

  g_return_if_fail (REC_IS_CASE_SESSION (self));

  job = g_new0 (PayoffJob, 1);
  job->data = rec_case_session_snapshot_data (self);
  job->rules = rec_rules_ref (self->rules);
  job->monthly = monthly;
  rec_date_set_today (&job->today);
  run_in_thread (self, rec_case_session_compute_payoff_async, job, payoff_job_free,
                 payoff_thread, TRUE, cancellable, callback, user_data);
}

/**
 * rec_case_session_compute_payoff_finish:
 *
 * Returns: (transfer full) (nullable): the projection, NULL with @error when
 *   the engine refused the data or the amount, or the call was cancelled
 */
RecPayoff *
rec_case_session_compute_payoff_finish (RecCaseSession  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return finish_in_thread (self, result, error);
}

/**
 * rec_case_session_add:
 * @item: a new entity; its id is set on success
 *
 * Stores @item; the list model gains a copy of it at the end.
 */
gboolean
rec_case_session_add (RecCaseSession  *self,
                      GObject         *item,
                      GError         **error)
{
  RecEntity *entity;
  Kind kind = N_KINDS;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (REC_IS_ENTITY (item), FALSE);

  entity = REC_ENTITY (item);
  if (!kind_of (item, &kind))
    g_return_val_if_reached (FALSE);

  entity->id = 0;
  entity->position = 0;
  if (!do_add (self, kind, entity, G_MAXUINT, error))
    return FALSE;

  push_change (self, record_of (self, kind, entity->id), UNDO_DELETE, kind,
               G_OBJECT (rec_entity_copy (entity)), 0);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * rec_case_session_update:
 * @item: an edited copy of a stored entity (same id)
 *
 * Replaces the stored entity in place; the list model item changes at the
 * same index. Pass a copy, never the list's own object.
 */
gboolean
rec_case_session_update (RecCaseSession  *self,
                         GObject         *item,
                         GError         **error)
{
  g_autoptr(GObject) previous = NULL;
  Kind kind = N_KINDS;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (REC_IS_ENTITY (item), FALSE);

  if (!kind_of (item, &kind))
    g_return_val_if_reached (FALSE);

  if (!do_update (self, kind, REC_ENTITY (item), &previous, error))
    return FALSE;

  push_change (self, record_of (self, kind, REC_ENTITY (item)->id), UNDO_RESTORE, kind,
               g_steal_pointer (&previous), 0);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
rec_case_session_delete (RecCaseSession  *self,
                         GObject         *item,
                         GError         **error)
{
  g_autoptr(GObject) removed = NULL;
  GPtrArray *documents = NULL;
  guint index;
  guint record;
  Kind kind = N_KINDS;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (REC_IS_ENTITY (item), FALSE);

  if (!kind_of (item, &kind))
    g_return_val_if_reached (FALSE);

  /* Before the delete, which forgets what the id named. */
  record = record_of (self, kind, REC_ENTITY (item)->id);
  if (!do_delete (self, kind, REC_ENTITY (item), &removed, &index, &documents, error))
    return FALSE;

  push_change (self, record, UNDO_READD, kind, g_steal_pointer (&removed), index);
  ((UndoEntry *) g_ptr_array_index (self->undo, self->undo->len - 1))->documents = documents;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
rec_case_session_update_info (RecCaseSession     *self,
                              const RecCaseInfo  *info,
                              GError            **error)
{
  g_autoptr(RecCaseInfo) previous = NULL;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (REC_IS_CASE_INFO ((gpointer) info), FALSE);

  previous = g_object_ref (self->data->info);
  if (!do_update_info (self, info, error))
    return FALSE;

  push_change (self, 0, UNDO_RESTORE, KIND_INFO, G_OBJECT (g_steal_pointer (&previous)), 0);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
rec_case_session_can_undo (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);

  return self->undo->len > 0;
}

gboolean
rec_case_session_can_redo (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);

  return self->redo->len > 0;
}

/**
 * rec_case_session_get_last_change:
 *
 * Returns: the id of the newest change that can be undone (an add, update,
 *   delete or update_info, or a redo), 0 when there is none
 */
guint64
rec_case_session_get_last_change (RecCaseSession *self)
{
  UndoEntry *entry;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), 0);

  if (self->undo->len == 0)
    return 0;
  entry = g_ptr_array_index (self->undo, self->undo->len - 1);
  return entry->change;
}

/**
 * rec_case_session_undo:
 *
 * Reverts the most recent edit that is not undone yet; it can then be redone.
 * On failure the edit stays on the stack, so the user may try again.
 */
gboolean
rec_case_session_undo (RecCaseSession  *self,
                       GError         **error)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (self->undo->len > 0, FALSE);

  return step (self, self->undo, self->redo, self->undo->len - 1, error);
}

/**
 * rec_case_session_undo_change:
 * @change: an id from rec_case_session_get_last_change()
 *
 * Reverts that change, newest or not, unless a newer change touched the
 * same record (REC_CASE_SESSION_ERROR_SUPERSEDED: undo that one first) or it
 * is no longer on the stack (REC_CASE_SESSION_ERROR_UNDONE: already undone).
 */
gboolean
rec_case_session_undo_change (RecCaseSession  *self,
                              guint64          change,
                              GError         **error)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);

  for (guint i = self->undo->len; i-- > 0;)
    {
      UndoEntry *entry = g_ptr_array_index (self->undo, i);

      if (entry->change != change)
        continue;
      if (touched_since (self->undo, i))
        {
          g_set_error_literal (error, REC_CASE_SESSION_ERROR, REC_CASE_SESSION_ERROR_SUPERSEDED,
                               _("This change can’t be undone: the record was changed again "
                                 "after it."));
          return FALSE;
        }
      return step (self, self->undo, self->redo, i, error);
    }

  g_set_error_literal (error, REC_CASE_SESSION_ERROR, REC_CASE_SESSION_ERROR_UNDONE,
                       _("This change was already undone."));
  return FALSE;
}

/**
 * rec_case_session_redo:
 *
 * Carries out again the change undone last. A new edit empties the redo
 * stack.
 */
gboolean
rec_case_session_redo (RecCaseSession  *self,
                       GError         **error)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (self->redo->len > 0, FALSE);

  return step (self, self->redo, self->undo, self->redo->len - 1, error);
}

/**
 * rec_case_session_get_step_note:
 *
 * Returns: (nullable): what the last undo or redo left as it was, in a
 *   sentence for a toast ("Import undone; 2 payments you changed since were
 *   kept"), or NULL when it did all it was asked
 */
const char *
rec_case_session_get_step_note (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  return self->step_note;
}

/* The history and its verification (spec/evidence.md §2–3): read in a
 * worker thread by a read-only connection of its own, so the session's
 * connection is only ever used on the main thread. */

static void
history_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(RecStore) store = NULL;
  GError *error = NULL;
  GPtrArray *entries = NULL;

  store = rec_store_open (path, TRUE, &error);
  if (store != NULL)
    entries = rec_store_load_history (store, &error);
  return_result (task, entries, (GDestroyNotify) g_ptr_array_unref, error);
}

/**
 * rec_case_session_load_history_async:
 *
 * Reads the case's history as the file holds it now.
 */
void
rec_case_session_load_history_async (RecCaseSession      *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (REC_IS_CASE_SESSION (self));

  run_in_thread (self, rec_case_session_load_history_async, g_strdup (self->path), g_free,
                 history_thread, FALSE, cancellable, callback, user_data);
}

/**
 * rec_case_session_load_history_finish:
 *
 * Returns: (transfer container) (nullable): RecHistoryEntry, in order
 */
GPtrArray *
rec_case_session_load_history_finish (RecCaseSession  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return finish_in_thread (self, result, error);
}

typedef struct
{
  RecStoreVerifyResult   result;
  char                 **problems;
} Verification;

static void
verification_free (gpointer data)
{
  Verification *verification = data;

  g_strfreev (verification->problems);
  g_free (verification);
}

/* The report has one problem a line. */
static char **
split_problems (const GString *report)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (report->str, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (builder, lines[i]);
  return g_strv_builder_end (builder);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GString) report = g_string_new (NULL);
  Verification *verification = g_new0 (Verification, 1);
  GError *error = NULL;

  /* FALSE with problems counted: they were found (the error only counts
   * them); FALSE without any: the file could not be read at all. */
  if (!rec_store_verify_file_result (path, report, &verification->result, &error)
      && verification->result.problems == 0)
    {
      verification_free (verification);
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  verification->problems = split_problems (report);
  verification->result.problems = MAX (verification->result.problems,
                                       g_strv_length (verification->problems));
  g_task_return_pointer (task, verification, verification_free);
}

/**
 * rec_case_session_verify_async:
 *
 * Verifies the case file as `recourse verify` does (integrity, the history's
 * chain and replay, the documents' bytes).
 */
void
rec_case_session_verify_async (RecCaseSession      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (REC_IS_CASE_SESSION (self));

  run_in_thread (self, rec_case_session_verify_async, g_strdup (self->path), g_free,
                 verify_thread, FALSE, cancellable, callback, user_data);
}

gboolean
rec_case_session_verify_finish (RecCaseSession        *self,
                                GAsyncResult          *result,
                                RecStoreVerifyResult  *out_result,
                                char                ***out_problems,
                                GError               **error)
{
  Verification *verification;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  verification = finish_in_thread (self, result, error);
  if (verification == NULL)
    return FALSE;
  if (out_result != NULL)
    *out_result = verification->result;
  if (out_problems != NULL)
    *out_problems = g_steal_pointer (&verification->problems);
  verification_free (verification);
  return TRUE;
}

typedef struct
{
  char   *path;
  gint64  id;
} DocumentJob;

static void
document_job_free (gpointer data)
{
  DocumentJob *job = data;

  g_free (job->path);
  g_free (job);
}

static void
document_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  DocumentJob *job = task_data;
  g_autoptr(RecStore) store = NULL;
  GError *error = NULL;
  GBytes *bytes = NULL;

  store = rec_store_open (job->path, TRUE, &error);
  if (store != NULL)
    bytes = rec_store_read_attachment_data (store, job->id, &error);
  return_result (task, bytes, (GDestroyNotify) g_bytes_unref, error);
}

void
rec_case_session_read_attachment_async (RecCaseSession      *self,
                                        gint64               attachment_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  DocumentJob *job;

  g_return_if_fail (REC_IS_CASE_SESSION (self));

  job = g_new0 (DocumentJob, 1);
  job->path = g_strdup (self->path);
  job->id = attachment_id;
  run_in_thread (self, rec_case_session_read_attachment_async, job, document_job_free,
                 document_thread, FALSE, cancellable, callback, user_data);
}

/**
 * rec_case_session_read_attachment_finish:
 *
 * Returns: (transfer full) (nullable): the document's bytes
 */
GBytes *
rec_case_session_read_attachment_finish (RecCaseSession  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  return finish_in_thread (self, result, error);
}

/**
 * rec_case_session_record_packet:
 *
 * Appends the `packet` entry of a packet the window made.
 */
gboolean
rec_case_session_record_packet (RecCaseSession  *self,
                                const char      *as_of,
                                int              pages,
                                const char      *sha256,
                                GError         **error)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (as_of != NULL && sha256 != NULL, FALSE);

  if (rec_case_session_get_read_only (self))
    {
      g_set_error_literal (error, REC_STORE_ERROR, REC_STORE_ERROR_FAILED,
                           _("This case file can’t be changed, so its history can’t record "
                             "the packet."));
      return FALSE;
    }
  return rec_store_append_packet_entry (self->store, as_of, pages, sha256, error);
}

/* Documents (spec/evidence.md §1). A record is named by its kind and id:
 * the session replaces a record's object on every update, so the links the
 * store loaded may point at an older copy of the same record. */

static gboolean
same_record (const RecEntity *a,
             const RecEntity *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b) && a->id == b->id;
}

static gboolean
attachment_proves (const RecAttachment *attachment,
                   const RecEntity     *record)
{
  if (record == NULL)
    return rec_attachment_is_case_level (attachment);
  for (guint i = 0; i < attachment->links->len; i++)
    if (same_record (g_ptr_array_index (attachment->links, i), record))
      return TRUE;
  return FALSE;
}

static RecAttachment *
find_by_sha256 (RecCaseSession *self,
                const char     *sha256)
{
  GPtrArray *attachments = self->data->attachments;

  for (guint i = 0; i < attachments->len; i++)
    {
      RecAttachment *attachment = g_ptr_array_index (attachments, i);

      if (g_str_equal (attachment->sha256, sha256))
        return attachment;
    }
  return NULL;
}

/* The list model follows self->data->attachments (just loaded again). */
static void
sync_attachments (RecCaseSession *self)
{
  g_list_store_splice (self->attachments, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->attachments)),
                       self->data->attachments->pdata, self->data->attachments->len);
  g_signal_emit (self, signals[ATTACHMENTS_CHANGED], 0);
}

static void
reload_attachments (RecCaseSession *self)
{
  g_autoptr(GError) error = NULL;

  if (!rec_store_load_attachments (self->store, self->data, &error))
    g_warning ("Cannot read the case's documents again: %s", error->message);
  sync_attachments (self);
}

/* A copy of `attachment` linked to `record` (NULL: the case) only. */
static RecAttachment *
linked_copy (const RecAttachment *attachment,
             RecEntity           *record)
{
  RecAttachment *copy = rec_attachment_copy (attachment);

  g_ptr_array_set_size (copy->links, 0);
  rec_attachment_add_link (copy, record);
  return copy;
}

/* Stores `documents` (bytes set, each linked to its record) in one
 * transaction. */
static gboolean
do_attach (RecCaseSession  *self,
           GPtrArray       *documents,
           GError         **error)
{
  if (!rec_store_add_attachments (self->store, documents, error))
    return FALSE;
  reload_attachments (self);
  return TRUE;
}

/* Unlinks each of `documents` (by SHA-256) from `record`; *out_restore gets
 * what brings them back (with their bytes, read before the unlink: the
 * document may go with its last link). A case-level document without any
 * link row gets one first, so that removing it removes the document. */
static gboolean
do_detach (RecCaseSession  *self,
           GPtrArray       *documents,
           RecEntity       *record,
           GPtrArray      **out_restore,
           GError         **error)
{
  g_autoptr(GPtrArray) restore = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < documents->len; i++)
    {
      RecAttachment *document = g_ptr_array_index (documents, i);
      RecAttachment *stored = find_by_sha256 (self, document->sha256);
      g_autoptr(GBytes) bytes = NULL;
      RecAttachment *back;

      if (stored == NULL)
        continue;
      bytes = rec_store_read_attachment_data (self->store, stored->entity.id, error);
      ok = bytes != NULL;
      if (ok && record == NULL && stored->links->len == 0)
        ok = rec_store_link_attachment (self->store, stored->entity.id, NULL, error);
      if (ok)
        ok = rec_store_unlink_attachment (self->store, stored->entity.id, record, error);
      if (!ok)
        break;
      back = linked_copy (stored, record);
      g_clear_pointer (&back->data, g_bytes_unref);
      back->data = g_steal_pointer (&bytes);
      g_ptr_array_add (restore, back);
    }

  /* Some may have gone before a failure: memory follows the file. */
  reload_attachments (self);
  if (!ok)
    return FALSE;
  *out_restore = g_steal_pointer (&restore);
  return TRUE;
}

/* Metadata only: what an undo of an attach needs to find them again. */
static GPtrArray *
without_bytes (GPtrArray *documents)
{
  GPtrArray *light = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < documents->len; i++)
    {
      RecAttachment *copy = rec_attachment_copy (g_ptr_array_index (documents, i));

      g_clear_pointer (&copy->data, g_bytes_unref);
      g_ptr_array_add (light, copy);
    }
  return light;
}

static UndoEntry *
apply_documents_entry (RecCaseSession  *self,
                       UndoEntry       *entry,
                       GError         **error)
{
  RecEntity *record = entry->item != NULL ? REC_ENTITY (entry->item) : NULL;
  g_autoptr(GPtrArray) restore = NULL;
  UndoEntry *inverse;

  if (entry->op == UNDO_DETACH)
    {
      if (!do_detach (self, entry->documents, record, &restore, error))
        return NULL;
    }
  else
    {
      /* The record may have come back under a new id since: link to it. */
      for (guint i = 0; i < entry->documents->len; i++)
        {
          RecAttachment *document = g_ptr_array_index (entry->documents, i);

          g_ptr_array_set_size (document->links, 0);
          rec_attachment_add_link (document, record);
        }
      if (!do_attach (self, entry->documents, error))
        return NULL;
      restore = without_bytes (entry->documents);
    }

  inverse = undo_entry_new (entry->change, entry->record,
                            entry->op == UNDO_DETACH ? UNDO_REATTACH : UNDO_DETACH, entry->kind,
                            record != NULL ? G_OBJECT (rec_entity_copy (record)) : NULL, 0);
  inverse->documents = g_steal_pointer (&restore);
  return inverse;
}

/* The session's own object for `record` (NULL for the case), its kind and
 * its undo record; FALSE with NOT_FOUND when the case no longer holds it. */
static gboolean
resolve_record (RecCaseSession   *self,
                const RecEntity  *record,
                RecEntity       **out_record,
                Kind             *out_kind,
                guint            *out_undo_record,
                GError          **error)
{
  guint index;

  *out_record = NULL;
  *out_kind = KIND_INFO;
  *out_undo_record = 0;
  if (record == NULL)
    return TRUE;
  if (!kind_of (G_OBJECT (record), out_kind))
    g_return_val_if_reached (FALSE);
  if (!find_by_id (self, *out_kind, record->id, &index))
    return not_found (record->id, error);
  *out_record = g_ptr_array_index (data_array (self, *out_kind), index);
  *out_undo_record = record_of (self, *out_kind, record->id);
  return TRUE;
}

/* One attach or detach done: the newest change, reverted by `op`. */
static void
push_documents_change (RecCaseSession *self,
                       guint           undo_record,
                       UndoOp          op,
                       Kind            kind,
                       RecEntity      *record,
                       GPtrArray      *documents)
{
  push_change (self, undo_record, op, kind,
               record != NULL ? G_OBJECT (rec_entity_copy (record)) : NULL, 0);
  ((UndoEntry *) g_ptr_array_index (self->undo, self->undo->len - 1))->documents = documents;
}

GListModel *
rec_case_session_get_attachments (RecCaseSession *self)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  return G_LIST_MODEL (self->attachments);
}

guint
rec_case_session_count_attachments (RecCaseSession  *self,
                                    const RecEntity *record)
{
  GPtrArray *attachments;
  guint count = 0;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), 0);

  attachments = self->data->attachments;
  for (guint i = 0; i < attachments->len; i++)
    count += attachment_proves (g_ptr_array_index (attachments, i), record);
  return count;
}

GPtrArray *
rec_case_session_dup_attachments_for (RecCaseSession  *self,
                                      const RecEntity *record)
{
  GPtrArray *found = g_ptr_array_new ();
  GPtrArray *attachments;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), found);

  attachments = self->data->attachments;
  for (guint i = 0; i < attachments->len; i++)
    if (attachment_proves (g_ptr_array_index (attachments, i), record))
      g_ptr_array_add (found, g_ptr_array_index (attachments, i));
  return found;
}

static void
read_files_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_file_get_path (file);
      GError *error = NULL;
      RecAttachment *attachment;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   /* Translators: %s is a file's name or address */
                                   _("“%s” is not a file on this computer: nothing was added"),
                                   name);
          return;
        }
      attachment = rec_attachment_new_from_file (path, &error);
      if (attachment == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (read, attachment);
    }
  g_task_return_pointer (task, g_steal_pointer (&read), (GDestroyNotify) g_ptr_array_unref);
}

void
rec_case_session_read_files_async (RecCaseSession      *self,
                                   GFile              **files,
                                   guint                n_files,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GPtrArray *copies;

  g_return_if_fail (REC_IS_CASE_SESSION (self));

  copies = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (copies, g_file_dup (files[i]));
  run_in_thread (self, rec_case_session_read_files_async, copies,
                 (GDestroyNotify) g_ptr_array_unref, read_files_thread, FALSE, cancellable,
                 callback, user_data);
}

GPtrArray *
rec_case_session_read_files_finish (RecCaseSession  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return finish_in_thread (self, result, error);
}

gboolean
rec_case_session_attach (RecCaseSession   *self,
                         GPtrArray        *attachments,
                         const RecEntity  *record,
                         GError          **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  RecEntity *target;
  guint undo_record;
  Kind kind;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (attachments != NULL, FALSE);

  if (!resolve_record (self, record, &target, &kind, &undo_record, error))
    return FALSE;
  for (guint i = 0; i < attachments->len; i++)
    {
      RecAttachment *attachment = g_ptr_array_index (attachments, i);
      RecAttachment *stored = find_by_sha256 (self, attachment->sha256);
      gboolean twice = FALSE;

      g_return_val_if_fail (attachment->data != NULL, FALSE);
      for (guint j = 0; j < documents->len; j++)
        twice = twice || g_str_equal (((RecAttachment *) documents->pdata[j])->sha256,
                                      attachment->sha256);
      /* Only links that are new: undo must not take an older one away. */
      if (!twice && (stored == NULL || !attachment_proves (stored, target)))
        g_ptr_array_add (documents, linked_copy (attachment, target));
    }
  if (documents->len == 0)
    return TRUE;

  if (!do_attach (self, documents, error))
    return FALSE;
  push_documents_change (self, undo_record, UNDO_DETACH, kind, target, without_bytes (documents));
  return TRUE;
}

gboolean
rec_case_session_detach (RecCaseSession   *self,
                         RecAttachment    *attachment,
                         const RecEntity  *record,
                         GError          **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *restore = NULL;
  RecEntity *target;
  guint undo_record;
  Kind kind;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (REC_IS_ATTACHMENT (attachment), FALSE);

  if (!resolve_record (self, record, &target, &kind, &undo_record, error))
    return FALSE;
  g_ptr_array_add (documents, g_object_ref (attachment));
  if (!do_detach (self, documents, target, &restore, error))
    return FALSE;
  push_documents_change (self, undo_record, UNDO_REATTACH, kind, target, restore);
  return TRUE;
}

GBytes *
rec_case_session_read_attachment (RecCaseSession  *self,
                                  RecAttachment   *attachment,
                                  GError         **error)
{
  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);
  g_return_val_if_fail (REC_IS_ATTACHMENT (attachment), NULL);

  if (attachment->data != NULL)
    return g_bytes_ref (attachment->data);
  return rec_store_read_attachment_data (self->store, attachment->entity.id, error);
}

/* Groups: the edits between begin and end are one change for undo. */
void
rec_case_session_begin_group (RecCaseSession *self)
{
  g_return_if_fail (REC_IS_CASE_SESSION (self));

  if (self->group_depth++ == 0)
    self->group_pushed = FALSE;
}

void
rec_case_session_end_group (RecCaseSession *self)
{
  g_return_if_fail (REC_IS_CASE_SESSION (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    self->group_pushed = FALSE;
}

/**
 * rec_case_session_get_last_record:
 *
 * Returns: (nullable) (transfer none): a copy of the record the newest change
 *   touched, with its id (the one just added: its new id), or NULL when that
 *   change is the case's own or there is none
 */
RecEntity *
rec_case_session_get_last_record (RecCaseSession *self)
{
  UndoEntry *entry;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  entry = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (entry->kind == KIND_INFO || entry->item == NULL)
    return NULL;
  return REC_ENTITY (entry->item);
}

/* --- Import (spec/import.md §4) --- */

/* One source of an import, as undo and redo need it: what rec_store_import
 * takes, with the records as they were added (copies). */
typedef struct
{
  char          *name;
  char          *sha256;
  char          *format;
  RecAttachment *attachment;   /* (nullable) with its bytes */
  GPtrArray     *records;      /* RecEntity copies, with their ids once stored */
  GPtrArray     *media;        /* per record: GPtrArray of RecAttachment, or NULL */
  GArray        *numbers;      /* per record: its record_of() once shown (guint) */
} ImportPart;

static void
import_media_unref (gpointer media)
{
  if (media != NULL)
    g_ptr_array_unref (media);
}

static void
import_part_free (gpointer data)
{
  ImportPart *part = data;

  g_free (part->name);
  g_free (part->sha256);
  g_free (part->format);
  g_clear_object (&part->attachment);
  g_clear_pointer (&part->records, g_ptr_array_unref);
  g_clear_pointer (&part->media, g_ptr_array_unref);
  g_clear_pointer (&part->numbers, g_array_unref);
  g_free (part);
}

/* A part of the same source without records yet. */
static ImportPart *
import_part_empty (const char    *name,
                   const char    *sha256,
                   const char    *format,
                   RecAttachment *attachment)
{
  ImportPart *part = g_new0 (ImportPart, 1);

  part->name = g_strdup (name);
  part->sha256 = g_strdup (sha256);
  part->format = g_strdup (format);
  part->attachment = attachment != NULL ? g_object_ref (attachment) : NULL;
  part->records = g_ptr_array_new_with_free_func (g_object_unref);
  part->media = g_ptr_array_new_with_free_func (import_media_unref);
  part->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  return part;
}

/* The candidates still NEW and ticked of `source`. */
static ImportPart *
import_part_new (RecImportSource *source)
{
  ImportPart *part = import_part_empty (source->name, source->sha256, source->format,
                                        source->attachment);

  for (guint i = 0; i < source->candidates->len; i++)
    {
      RecImportCandidate *candidate = g_ptr_array_index (source->candidates, i);

      if (candidate->status != REC_IMPORT_NEW || !candidate->selected)
        continue;
      g_ptr_array_add (part->records, rec_entity_copy (candidate->record));
      g_ptr_array_add (part->media,
                       candidate->media != NULL ? g_ptr_array_ref (candidate->media) : NULL);
    }
  return part;
}

/* Writes the parts (one transaction); their records take their new ids. */
static gboolean
import_write (RecCaseSession  *self,
              GPtrArray       *parts,
              GError         **error)
{
  g_autofree RecStoreImportSource *out = g_new0 (RecStoreImportSource, MAX (parts->len, 1));

  for (guint p = 0; p < parts->len; p++)
    {
      ImportPart *part = g_ptr_array_index (parts, p);

      out[p] = (RecStoreImportSource) { part->name, part->sha256, part->format, part->attachment,
                                        part->records, part->media };
    }
  return rec_store_import (self->store, out, parts->len, error);
}

/* The records just stored, in memory: copies appended to their lists in one
 * splice per kind, the figures computed once (an import may bring
 * thousands). */
static void
import_show (RecCaseSession *self,
             GPtrArray      *parts)
{
  GPtrArray *added[N_KINDS] = { NULL };

  for (guint p = 0; p < parts->len; p++)
    {
      ImportPart *part = g_ptr_array_index (parts, p);

      g_array_set_size (part->numbers, 0);
      for (guint i = 0; i < part->records->len; i++)
        {
          RecEntity *copy = rec_entity_copy (g_ptr_array_index (part->records, i));
          Kind kind = N_KINDS;
          guint number;

          if (!kind_of (G_OBJECT (copy), &kind))
            g_assert_not_reached ();
          if (added[kind] == NULL)
            added[kind] = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (added[kind], copy);
          g_ptr_array_add (data_array (self, kind), g_object_ref (copy));
          number = record_of (self, kind, copy->id);
          g_array_append_val (part->numbers, number);
        }
    }
  recompute (self);
  for (guint k = 0; k < N_KINDS; k++)
    if (added[k] != NULL)
      {
        g_list_store_splice (self->lists[k],
                             g_list_model_get_n_items (G_LIST_MODEL (self->lists[k])), 0,
                             added[k]->pdata, added[k]->len);
        g_ptr_array_unref (added[k]);
      }
  reload_attachments (self);
}

/* `records` (as the lists hold them) out of memory, after the store deleted
 * them: each list rebuilt once. */
static void
import_hide (RecCaseSession *self,
             GPtrArray      *records)
{
  GHashTable *gone[N_KINDS] = { NULL };

  for (guint k = 0; k < N_KINDS; k++)
    gone[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      RecEntity *record = g_ptr_array_index (records, i);
      Kind kind = N_KINDS;

      if (!kind_of (G_OBJECT (record), &kind))
        g_assert_not_reached ();
      g_hash_table_add (gone[kind], g_memdup2 (&record->id, sizeof record->id));
      g_hash_table_remove (self->records[kind], &record->id);
    }
  for (guint k = 0; k < N_KINDS; k++)
    {
      GPtrArray *array = data_array (self, k);
      g_autoptr(GPtrArray) leaving = NULL;
      guint kept = 0;

      if (g_hash_table_size (gone[k]) == 0)
        continue;
      /* Those that stay move up in order, those that go after them, and the
       * array's own free function lets them go. */
      leaving = g_ptr_array_new ();
      for (guint i = 0; i < array->len; i++)
        {
          RecEntity *item = g_ptr_array_index (array, i);

          if (g_hash_table_contains (gone[k], &item->id))
            g_ptr_array_add (leaving, item);
          else
            array->pdata[kept++] = item;
        }
      for (guint i = 0; i < leaving->len; i++)
        array->pdata[kept + i] = leaving->pdata[i];
      g_ptr_array_set_size (array, kept);
      g_list_store_splice (self->lists[k], 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->lists[k])),
                           array->pdata, array->len);
    }
  for (guint k = 0; k < N_KINDS; k++)
    g_hash_table_unref (gone[k]);
  recompute (self);
  reload_attachments (self);
}

/* Whether `now` holds what `imported` held (an import brings payments and
 * communications; the id, position and stamps aside). */
static gboolean
same_content (RecEntity *now,
              RecEntity *imported)
{
  if (G_OBJECT_TYPE (now) != G_OBJECT_TYPE (imported))
    return FALSE;
  if (REC_IS_PAYMENT (now))
    {
      const RecPayment *a = REC_PAYMENT (now);
      const RecPayment *b = REC_PAYMENT (imported);

      return g_date_compare (&a->date, &b->date) == 0 && a->amount_cents == b->amount_cents
             && a->method == b->method && g_strcmp0 (a->reference, b->reference) == 0
             && g_strcmp0 (a->notes, b->notes) == 0;
    }
  if (REC_IS_COMMUNICATION (now))
    {
      const RecCommunication *a = REC_COMMUNICATION (now);
      const RecCommunication *b = REC_COMMUNICATION (imported);

      return g_strcmp0 (a->at, b->at) == 0 && a->channel == b->channel
             && a->direction == b->direction && g_strcmp0 (a->with, b->with) == 0
             && g_strcmp0 (a->subject, b->subject) == 0
             && g_strcmp0 (a->summary, b->summary) == 0
             && g_date_valid (&a->follow_up) == g_date_valid (&b->follow_up)
             && (!g_date_valid (&a->follow_up)
                 || g_date_compare (&a->follow_up, &b->follow_up) == 0)
             && a->follow_up_done == b->follow_up_done;
    }
  /* No other kind comes from an import: kept, never guessed at. */
  return FALSE;
}

/* What an undo of the import `parts` takes back: each record found as it is
 * now by its record (one deleted and brought back since has a new id), and
 * taken back only when it is as it was imported and proven by no document
 * but the import's own (the source, its MMS pictures). One deleted since is
 * gone already; one edited since, or given a document of the user's, stays
 * (*out_kept counts those). *out_current: the records to delete, as the
 * lists hold them; *out_parts: the same as imported, per source, for the
 * redo. */
static void
import_sort_out (RecCaseSession  *self,
                 GPtrArray       *parts,
                 GPtrArray      **out_current,
                 GPtrArray      **out_parts,
                 guint           *out_kept)
{
  g_autoptr(GHashTable) own = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *ids[N_KINDS] = { NULL };      /* record → its id now */
  GHashTable *items[N_KINDS] = { NULL };    /* id → the record now */
  GHashTable *proven[N_KINDS] = { NULL };   /* ids proven by another document */
  GPtrArray *current = g_ptr_array_new ();
  GPtrArray *taken = g_ptr_array_new_with_free_func (import_part_free);
  guint kept = 0;

  /* The import's own documents, by SHA-256. */
  for (guint p = 0; p < parts->len; p++)
    {
      ImportPart *part = g_ptr_array_index (parts, p);

      if (part->attachment != NULL)
        g_hash_table_add (own, part->attachment->sha256);
      for (guint i = 0; i < part->media->len; i++)
        {
          GPtrArray *media = g_ptr_array_index (part->media, i);

          for (guint m = 0; media != NULL && m < media->len; m++)
            g_hash_table_add (own, ((RecAttachment *) g_ptr_array_index (media, m))->sha256);
        }
    }
  for (guint k = 0; k < N_KINDS; k++)
    {
      GHashTableIter iter;
      gpointer id, record;
      GPtrArray *array = data_array (self, k);

      ids[k] = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_hash_table_iter_init (&iter, self->records[k]);
      while (g_hash_table_iter_next (&iter, &id, &record))
        g_hash_table_insert (ids[k], record, id);
      items[k] = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < array->len; i++)
        {
          RecEntity *item = g_ptr_array_index (array, i);

          g_hash_table_insert (items[k], &item->id, item);
        }
      proven[k] = g_hash_table_new (g_int64_hash, g_int64_equal);
    }
  for (guint a = 0; a < self->data->attachments->len; a++)
    {
      RecAttachment *attachment = g_ptr_array_index (self->data->attachments, a);

      if (g_hash_table_contains (own, attachment->sha256) || attachment->links == NULL)
        continue;
      for (guint l = 0; l < attachment->links->len; l++)
        {
          RecEntity *linked = g_ptr_array_index (attachment->links, l);
          Kind kind = N_KINDS;

          if (linked != NULL && kind_of (G_OBJECT (linked), &kind))
            g_hash_table_add (proven[kind], &linked->id);
        }
    }

  for (guint p = 0; p < parts->len; p++)
    {
      ImportPart *part = g_ptr_array_index (parts, p);
      ImportPart *again = import_part_empty (part->name, part->sha256, part->format,
                                             part->attachment);

      for (guint i = 0; i < part->records->len; i++)
        {
          RecEntity *imported = g_ptr_array_index (part->records, i);
          guint number = i < part->numbers->len ? g_array_index (part->numbers, guint, i) : 0;
          GPtrArray *media = g_ptr_array_index (part->media, i);
          Kind kind = N_KINDS;
          gint64 *id;
          RecEntity *now;

          if (!kind_of (G_OBJECT (imported), &kind))
            continue;
          id = g_hash_table_lookup (ids[kind], GUINT_TO_POINTER (number));
          now = id != NULL ? g_hash_table_lookup (items[kind], id) : NULL;
          if (now == NULL)
            continue;                       /* deleted since: gone already */
          if (!same_content (now, imported) || g_hash_table_contains (proven[kind], &now->id))
            {
              kept++;
              continue;
            }
          g_ptr_array_add (current, now);
          g_ptr_array_add (again->records, g_object_ref (imported));
          g_ptr_array_add (again->media, media != NULL ? g_ptr_array_ref (media) : NULL);
        }
      g_ptr_array_add (taken, again);
    }
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_hash_table_unref (ids[k]);
      g_hash_table_unref (items[k]);
      g_hash_table_unref (proven[k]);
    }
  *out_current = current;
  *out_parts = taken;
  *out_kept = kept;
}

/* "Import undone; 2 payments you changed since were kept" */
static char *
import_kept_note (Kind  kind,
                  guint kept)
{
  if (kind == KIND_COMMUNICATION)
    /* Translators: a toast after the undo of an import of messages */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Import undone; %u message you changed since was kept",
                                         "Import undone; %u messages you changed since were kept",
                                         kept), kept);
  /* Translators: a toast after the undo of an import of payments */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Import undone; %u payment you changed since was kept",
                                       "Import undone; %u payments you changed since were kept",
                                       kept), kept);
}

/* Undo: the records of the import that are as it added them deleted in one
 * transaction (the documents only they proved go with them), those changed
 * since kept (import_sort_out; the note says how many); when every one left
 * was changed, nothing is undone and the error says why. Redo: what the
 * undo took back added again, with its documents (a new `import` entry). */
static UndoEntry *
apply_import_entry (RecCaseSession *self,
                    UndoEntry      *entry,
                    GError        **error)
{
  g_autoptr(GPtrArray) parts = NULL;
  UndoEntry *inverse;

  if (entry->op == UNDO_UNIMPORT)
    {
      g_autoptr(GPtrArray) current = NULL;
      guint kept = 0;

      import_sort_out (self, entry->import, &current, &parts, &kept);
      if (current->len == 0 && kept > 0)
        {
          g_set_error_literal (error, REC_CASE_SESSION_ERROR, REC_CASE_SESSION_ERROR_SUPERSEDED,
                               entry->kind == KIND_COMMUNICATION
                               ? _("This import can’t be undone: every message it added "
                                   "was changed since.")
                               : _("This import can’t be undone: every payment it added "
                                   "was changed since."));
          return NULL;
        }
      if (!rec_store_delete_records (self->store, current, error))
        return NULL;
      import_hide (self, current);
      if (kept > 0)
        {
          g_free (self->step_note);
          self->step_note = import_kept_note (entry->kind, kept);
        }
    }
  else
    {
      for (guint p = 0; p < entry->import->len; p++)
        {
          ImportPart *part = g_ptr_array_index (entry->import, p);

          for (guint i = 0; i < part->records->len; i++)
            REC_ENTITY (g_ptr_array_index (part->records, i))->id = 0;
        }
      if (!import_write (self, entry->import, error))
        return NULL;
      import_show (self, entry->import);
      parts = g_ptr_array_ref (entry->import);
    }
  inverse = undo_entry_new (entry->change, entry->record,
                            entry->op == UNDO_UNIMPORT ? UNDO_REIMPORT : UNDO_UNIMPORT,
                            entry->kind, NULL, 0);
  inverse->import = g_steal_pointer (&parts);
  return inverse;
}

gboolean
rec_case_session_import (RecCaseSession  *self,
                         GPtrArray       *sources,
                         guint           *out_added,
                         GError         **error)
{
  g_autoptr(GPtrArray) parts = NULL;
  UndoEntry *entry;
  guint added = 0;
  Kind kind = KIND_PAYMENT;

  g_return_val_if_fail (REC_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (sources != NULL, FALSE);

  parts = g_ptr_array_new_with_free_func (import_part_free);
  for (guint s = 0; s < sources->len; s++)
    {
      ImportPart *part = import_part_new (g_ptr_array_index (sources, s));

      if (part->records->len > 0)
        (void) kind_of (g_ptr_array_index (part->records, 0), &kind);
      added += part->records->len;
      g_ptr_array_add (parts, part);
    }
  if (out_added != NULL)
    *out_added = added;
  if (added == 0)
    return TRUE;
  if (!import_write (self, parts, error))
    return FALSE;

  import_show (self, parts);
  /* One change for undo, the whole import: a "record" of its own, which no
   * other change touches. */
  push_change (self, self->next_record++, UNDO_UNIMPORT, kind, NULL, 0);
  entry = g_ptr_array_index (self->undo, self->undo->len - 1);
  entry->import = g_steal_pointer (&parts);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}
