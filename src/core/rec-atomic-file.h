/* rec-atomic-file.h — every output (case, JSON, PDF, .ics) appears whole or not at all
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is written as a hidden temporary ".NAME.XXXXXX" beside its target,
 * mode 0600 (it holds a family's names, addresses and money), synced, then
 * renamed into place and the folder synced. While it is being written the
 * temporary holds an flock(2): a temporary whose lock can be taken belongs to
 * a process that was killed, and the next writer in that folder removes it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RecAtomicFile RecAtomicFile;

/* Removes the leftovers ".BASE.XXXXXX" of `path` that no live writer holds,
 * then creates a fresh locked temporary. G_FILE_ERROR on failure, with a
 * message naming the folder. */
RecAtomicFile *rec_atomic_file_new         (const char     *path,
                                            GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* The temporary's name (to be filled by SQLite, say) and its descriptor. */
const char    *rec_atomic_file_get_temp_path (RecAtomicFile *self);
int            rec_atomic_file_get_fd      (RecAtomicFile  *self);
const char    *rec_atomic_file_get_path    (RecAtomicFile  *self);
/* write(2) until done; G_FILE_ERROR naming the target on failure. */
gboolean       rec_atomic_file_write       (RecAtomicFile  *self,
                                            const void     *data,
                                            gsize           length,
                                            GError        **error);
/* fsync, then put it in place: rename(2) over the target when `overwrite`,
 * otherwise link(2), which fails with G_FILE_ERROR_EXIST when the target
 * appeared meanwhile. Then the folder is synced. */
gboolean       rec_atomic_file_commit      (RecAtomicFile  *self,
                                            gboolean        overwrite,
                                            GError        **error);
/* Removes the temporary unless it was committed, and frees. */
void           rec_atomic_file_free        (RecAtomicFile  *self);

/* Writes `data` to `path` through a RecAtomicFile (overwriting). */
gboolean       rec_atomic_file_set_contents (const char    *path,
                                             const void    *data,
                                             gsize          length,
                                             GError       **error);

/* The leftovers of `path` only (exposed for tests): how many were removed. */
guint          rec_atomic_file_clean_stale (const char     *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecAtomicFile, rec_atomic_file_free)

G_END_DECLS
