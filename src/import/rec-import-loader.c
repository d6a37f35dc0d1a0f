/* rec-import-loader.c — the readers, loaded the first time a file is read
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers need libofx (with OpenSP and libstdc++), GMime (with gpgme),
 * libxml2 and nettle: linked into `recourse`, loading them cost every verb a
 * third of `recourse summary`'s time (tests/bench/bench-import.sh). So the
 * executable holds only this file and rec-import.c; the readers are the
 * module librecourse-import.so (beside the executable in the build tree, in
 * IMPORT_MODULE_DIR once installed; $RECOURSE_IMPORT_MODULE overrides both),
 * compiled with their two entry points renamed _rec_import_module_read_*,
 * which the functions below open on first use. The module takes everything
 * else (rec-import.c, core) from the executable, which exports it. The tests
 * of the import layer link the readers directly (librec-import.a).
 */
#define G_LOG_DOMAIN "rec-import"

#include "config.h"

#include "rec-import.h"

#include <glib/gi18n.h>
#include <gmodule.h>

typedef RecImportSource *(*ReadPaymentsFunc) (const char                    *path,
                                              const RecImportPaymentOptions *options,
                                              RecImportProgressFunc          progress,
                                              gpointer                       user_data,
                                              GCancellable                  *cancellable,
                                              GError                       **error);
typedef RecImportSource *(*ReadMessagesFunc) (const char                    *path,
                                              const RecImportMessageOptions *options,
                                              RecImportProgressFunc          progress,
                                              gpointer                       user_data,
                                              GCancellable                  *cancellable,
                                              GError                       **error);

typedef const RecImportSource *(*StreamSourceFunc) (RecImportStream  *stream,
                                                    GError          **error);

typedef struct
{
  ReadPaymentsFunc  read_payments;
  ReadMessagesFunc  read_messages;
  StreamSourceFunc  stream_source;
  char             *error;       /* why the module could not be opened */
} Readers;

static char *
module_path (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (g_getenv ("RECOURSE_IMPORT_MODULE") != NULL)
    return g_strdup (g_getenv ("RECOURSE_IMPORT_MODULE"));
  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *beside = g_build_filename (dir, "librecourse-import.so", NULL);

      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (IMPORT_MODULE_DIR, "librecourse-import.so", NULL);
}

/* Opened once per process, from whichever thread reads first (the window
 * reads in a worker); the module stays loaded. */
static gpointer
open_readers (gpointer data)
{
  Readers *readers = g_new0 (Readers, 1);
  g_autofree char *path = module_path ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL
      || !g_module_symbol (module, "_rec_import_module_read_payments",
                           (gpointer *) &readers->read_payments)
      || !g_module_symbol (module, "_rec_import_module_read_messages",
                           (gpointer *) &readers->read_messages)
      || !g_module_symbol (module, "_rec_import_module_stream_get_source",
                           (gpointer *) &readers->stream_source))
    {
      readers->error = g_strdup (g_module_error ());
      readers->read_payments = NULL;
      readers->read_messages = NULL;
      readers->stream_source = NULL;
      g_debug ("Cannot open the readers %s: %s", path, readers->error);
      return readers;
    }
  g_module_make_resident (module);
  return readers;
}

static const Readers *
get_readers (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const Readers *readers = g_once (&once, open_readers, NULL);

  if (readers->error != NULL)
    {
      g_set_error (error, REC_IMPORT_ERROR, REC_IMPORT_ERROR_IO,
                   /* Translators: %s is the technical reason */
                   _("The readers of statements and messages cannot be loaded: %s"),
                   readers->error);
      return NULL;
    }
  return readers;
}

RecImportSource *
rec_import_read_payments (const char                    *path,
                          const RecImportPaymentOptions *options,
                          RecImportProgressFunc          progress,
                          gpointer                       user_data,
                          GCancellable                  *cancellable,
                          GError                       **error)
{
  const Readers *readers = get_readers (error);

  if (readers == NULL)
    return NULL;
  return readers->read_payments (path, options, progress, user_data, cancellable, error);
}

RecImportSource *
rec_import_read_messages (const char                    *path,
                          const RecImportMessageOptions *options,
                          RecImportProgressFunc          progress,
                          gpointer                       user_data,
                          GCancellable                  *cancellable,
                          GError                       **error)
{
  const Readers *readers = get_readers (error);

  if (readers == NULL)
    return NULL;
  return readers->read_messages (path, options, progress, user_data, cancellable, error);
}

const RecImportSource *
rec_import_stream_get_source (RecImportStream  *stream,
                              GError          **error)
{
  /* Only ever called from a read's `each`: the module is open. */
  const Readers *readers = get_readers (error);

  if (readers == NULL)
    return NULL;
  return readers->stream_source (stream, error);
}
