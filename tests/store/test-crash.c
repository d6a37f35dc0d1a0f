/* test-crash.c — a crash at every write of a commit: the case opens afterwards
 * and holds the old state or the new one, never anything else
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each trial forks a child that installs an SQLite VFS shim (the default VFS,
 * wrapping "unix") and runs one edit through the public store API. The shim
 * counts every xWrite, xTruncate, xSync and xDelete, and at the Nth one ends
 * the process with _exit(): before doing it, after doing it, or (writes only)
 * after writing the first half of the buffer ("torn"). A first run without a
 * kill counts the calls T of the edit; then every N in 1..T is tried in each
 * mode. The parent, without the shim, opens the case read-only (in a copy of
 * the files, so a read-write open cannot hide a read-only failure), then
 * read-write, loads and verifies it, and compares its JSON export with the
 * state before and after the edit.
 *
 * Scenarios: four edits (a payment whose notes grow the file, the case
 * details, a deleted payment, an import of a statement's 12 payments with
 * the statement as their document); replacing a case (rec_store_write_case with
 * overwrite, as import/demo/new --force and New Case do) over a case left with
 * a hot rollback journal, which must not be applied to the new file; and a
 * kill at every write of such a replace, with and without that journal; and
 * the hidden temporaries such a kill leaves, which the next replace removes.
 *
 * Speed (it runs under AddressSanitizer too): children are forked from a
 * small helper process started before anything else; the shim gives SQLite
 * the same random seed in every child, so the same edit writes the same
 * bytes, and a trial that leaves exactly the bytes of an earlier one (a kill
 * after call N and one before call N + 1, mostly) takes that one's verdict
 * instead of being opened again. Every trial's outcome is still counted.
 * Calls on a replace's hidden temporary are tried "before" only (and "after"
 * the last of them): it is published by the rename that follows them, so the
 * other kinds of kill leave the same case.
 */
#include "config.h"

#include "rec-case-json.h"
#include "rec-date.h"
#include "rec-demo.h"
#include "rec-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* The child's exit status when the shim ended it. */
#define KILLED_STATUS 42

/* The VFS shim (only ever installed in a child) */

typedef enum
{
  KILL_BEFORE,
  KILL_AFTER,
  KILL_TORN,
  N_KILL_MODES
} KillMode;

static const char *const kill_mode_names[N_KILL_MODES] = { "before", "after", "torn" };

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;           /* the "unix" file, in the same allocation */
  char          role;           /* 'd' the case, 'j' its journal, 't' a hidden temporary
                                 * ".NAME.XXXXXX", 'u' its journal, 'o' other */
} ShimFile;

static struct
{
  sqlite3_vfs  vfs;
  sqlite3_vfs *real;
  guint        target;          /* the call to die at, 1-based; 0: never */
  KillMode     mode;
  guint        count;
  GString     *log;             /* two characters per call: the call, the file's role */
} shim;

#define SHIM_REAL_OFFSET ((sizeof (ShimFile) + 15) & ~(gsize) 15)

/* Counts a call; TRUE when it is the one to die at. */
static gboolean
shim_hit (char op,
          char role)
{
  shim.count++;
  g_string_append_c (shim.log, op);
  g_string_append_c (shim.log, role);
  return shim.count == shim.target;
}

G_GNUC_NORETURN static void
shim_die (void)
{
  _exit (KILLED_STATUS);
}

static int
shim_close (sqlite3_file *file)
{
  ShimFile *sf = (ShimFile *) file;

  return sf->real->pMethods->xClose (sf->real);
}

static int
shim_read (sqlite3_file  *file,
           void          *buf,
           int            amount,
           sqlite3_int64  offset)
{
  ShimFile *sf = (ShimFile *) file;

  return sf->real->pMethods->xRead (sf->real, buf, amount, offset);
}

static int
shim_write (sqlite3_file  *file,
            const void    *buf,
            int            amount,
            sqlite3_int64  offset)
{
  ShimFile *sf = (ShimFile *) file;

  if (!shim_hit ('W', sf->role))
    return sf->real->pMethods->xWrite (sf->real, buf, amount, offset);

  if (shim.mode == KILL_TORN && amount / 2 > 0)
    sf->real->pMethods->xWrite (sf->real, buf, amount / 2, offset);
  else if (shim.mode == KILL_AFTER)
    sf->real->pMethods->xWrite (sf->real, buf, amount, offset);
  shim_die ();
}

static int
shim_truncate (sqlite3_file  *file,
               sqlite3_int64  size)
{
  ShimFile *sf = (ShimFile *) file;

  if (!shim_hit ('T', sf->role))
    return sf->real->pMethods->xTruncate (sf->real, size);

  if (shim.mode == KILL_AFTER)
    sf->real->pMethods->xTruncate (sf->real, size);
  shim_die ();
}

static int
shim_sync (sqlite3_file *file,
           int           flags)
{
  ShimFile *sf = (ShimFile *) file;

  if (!shim_hit ('S', sf->role))
    return sf->real->pMethods->xSync (sf->real, flags);

  if (shim.mode == KILL_AFTER)
    sf->real->pMethods->xSync (sf->real, flags);
  shim_die ();
}

static int
shim_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  ShimFile *sf = (ShimFile *) file;

  return sf->real->pMethods->xFileSize (sf->real, size);
}

static int
shim_lock (sqlite3_file *file,
           int           level)
{
  ShimFile *sf = (ShimFile *) file;

  return sf->real->pMethods->xLock (sf->real, level);
}

static int
shim_unlock (sqlite3_file *file,
             int           level)
{
  ShimFile *sf = (ShimFile *) file;

  return sf->real->pMethods->xUnlock (sf->real, level);
}

static int
shim_check_reserved_lock (sqlite3_file *file,
                          int          *out)
{
  ShimFile *sf = (ShimFile *) file;

  return sf->real->pMethods->xCheckReservedLock (sf->real, out);
}

static int
shim_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  ShimFile *sf = (ShimFile *) file;

  return sf->real->pMethods->xFileControl (sf->real, op, arg);
}

static int
shim_sector_size (sqlite3_file *file)
{
  ShimFile *sf = (ShimFile *) file;

  return sf->real->pMethods->xSectorSize (sf->real);
}

static int
shim_device_characteristics (sqlite3_file *file)
{
  ShimFile *sf = (ShimFile *) file;

  return sf->real->pMethods->xDeviceCharacteristics (sf->real);
}

static int
shim_shm_map (sqlite3_file  *file,
              int            page,
              int            page_size,
              int            extend,
              void volatile **out)
{
  ShimFile *sf = (ShimFile *) file;

  if (sf->real->pMethods->iVersion < 2)
    return SQLITE_IOERR;
  return sf->real->pMethods->xShmMap (sf->real, page, page_size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *file,
               int           offset,
               int           n,
               int           flags)
{
  ShimFile *sf = (ShimFile *) file;

  if (sf->real->pMethods->iVersion < 2)
    return SQLITE_IOERR;
  return sf->real->pMethods->xShmLock (sf->real, offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *file)
{
  ShimFile *sf = (ShimFile *) file;

  if (sf->real->pMethods->iVersion >= 2)
    sf->real->pMethods->xShmBarrier (sf->real);
}

static int
shim_shm_unmap (sqlite3_file *file,
                int           delete_flag)
{
  ShimFile *sf = (ShimFile *) file;

  if (sf->real->pMethods->iVersion < 2)
    return SQLITE_OK;
  return sf->real->pMethods->xShmUnmap (sf->real, delete_flag);
}

static int
shim_fetch (sqlite3_file   *file,
            sqlite3_int64   offset,
            int             amount,
            void          **out)
{
  ShimFile *sf = (ShimFile *) file;

  if (sf->real->pMethods->iVersion < 3)
    {
      *out = NULL;
      return SQLITE_OK;
    }
  return sf->real->pMethods->xFetch (sf->real, offset, amount, out);
}

static int
shim_unfetch (sqlite3_file  *file,
              sqlite3_int64  offset,
              void          *p)
{
  ShimFile *sf = (ShimFile *) file;

  if (sf->real->pMethods->iVersion < 3)
    return SQLITE_OK;
  return sf->real->pMethods->xUnfetch (sf->real, offset, p);
}

static const sqlite3_io_methods shim_io_methods = {
  .iVersion = 3,
  .xClose = shim_close,
  .xRead = shim_read,
  .xWrite = shim_write,
  .xTruncate = shim_truncate,
  .xSync = shim_sync,
  .xFileSize = shim_file_size,
  .xLock = shim_lock,
  .xUnlock = shim_unlock,
  .xCheckReservedLock = shim_check_reserved_lock,
  .xFileControl = shim_file_control,
  .xSectorSize = shim_sector_size,
  .xDeviceCharacteristics = shim_device_characteristics,
  .xShmMap = shim_shm_map,
  .xShmLock = shim_shm_lock,
  .xShmBarrier = shim_shm_barrier,
  .xShmUnmap = shim_shm_unmap,
  .xFetch = shim_fetch,
  .xUnfetch = shim_unfetch,
};

static char
shim_role (const char *name,
           int         flags)
{
  const char *base = name != NULL ? strrchr (name, '/') : NULL;

  if (base != NULL && base[1] == '.')
    return (flags & SQLITE_OPEN_MAIN_JOURNAL) ? 'u' : 't';
  if (flags & SQLITE_OPEN_MAIN_DB)
    return 'd';
  if (flags & SQLITE_OPEN_MAIN_JOURNAL)
    return 'j';
  return 'o';
}

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  ShimFile *sf = (ShimFile *) file;
  int rc;

  sf->real = (sqlite3_file *) ((char *) file + SHIM_REAL_OFFSET);
  sf->role = shim_role (name, flags);
  rc = shim.real->xOpen (shim.real, name, sf->real, flags, out_flags);
  sf->base.pMethods = sf->real->pMethods != NULL ? &shim_io_methods : NULL;
  return rc;
}

static int
shim_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  char role = shim_role (name, g_str_has_suffix (name, "-journal") ? SQLITE_OPEN_MAIN_JOURNAL : 0);

  if (!shim_hit ('D', role))
    return shim.real->xDelete (shim.real, name, sync_dir);

  if (shim.mode == KILL_AFTER)
    shim.real->xDelete (shim.real, name, sync_dir);
  shim_die ();
}

static int
shim_access (sqlite3_vfs *vfs,
             const char  *name,
             int          flags,
             int         *out)
{
  return shim.real->xAccess (shim.real, name, flags, out);
}

static int
shim_full_pathname (sqlite3_vfs *vfs,
                    const char  *name,
                    int          n_out,
                    char        *out)
{
  return shim.real->xFullPathname (shim.real, name, n_out, out);
}

static void *
shim_dl_open (sqlite3_vfs *vfs,
              const char  *name)
{
  return shim.real->xDlOpen (shim.real, name);
}

static void
shim_dl_error (sqlite3_vfs *vfs,
               int          n,
               char        *out)
{
  shim.real->xDlError (shim.real, n, out);
}

static void (*shim_dl_sym (sqlite3_vfs *vfs,
                           void        *handle,
                           const char  *symbol)) (void)
{
  return shim.real->xDlSym (shim.real, handle, symbol);
}

static void
shim_dl_close (sqlite3_vfs *vfs,
               void        *handle)
{
  shim.real->xDlClose (shim.real, handle);
}

/* The same seed in every child: a journal's nonce (and so its bytes) is the
 * same for the same edit, which lets identical outcomes be recognised. */
static int
shim_randomness (sqlite3_vfs *vfs,
                 int          n,
                 char        *out)
{
  for (int i = 0; i < n; i++)
    out[i] = (char) (i * 37 + 11);
  return n;
}

static int
shim_sleep (sqlite3_vfs *vfs,
            int          microseconds)
{
  return shim.real->xSleep (shim.real, microseconds);
}

static int
shim_current_time (sqlite3_vfs *vfs,
                   double      *out)
{
  return shim.real->xCurrentTime (shim.real, out);
}

static int
shim_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *out)
{
  return shim.real->xGetLastError != NULL ? shim.real->xGetLastError (shim.real, n, out) : 0;
}

static int
shim_current_time_int64 (sqlite3_vfs   *vfs,
                         sqlite3_int64 *out)
{
  return shim.real->xCurrentTimeInt64 (shim.real, out);
}

static int
shim_set_system_call (sqlite3_vfs         *vfs,
                      const char          *name,
                      sqlite3_syscall_ptr  call)
{
  return shim.real->xSetSystemCall (shim.real, name, call);
}

static sqlite3_syscall_ptr
shim_get_system_call (sqlite3_vfs *vfs,
                      const char  *name)
{
  return shim.real->xGetSystemCall (shim.real, name);
}

static const char *
shim_next_system_call (sqlite3_vfs *vfs,
                       const char  *name)
{
  return shim.real->xNextSystemCall (shim.real, name);
}

/* Makes the shim SQLite's default VFS in this (child) process. */
static void
shim_install (guint    target,
              KillMode mode)
{
  shim.real = sqlite3_vfs_find ("unix");
  g_assert_nonnull (shim.real);
  g_assert_cmpint (shim.real->iVersion, >=, 3);

  shim.target = target;
  shim.mode = mode;
  shim.count = 0;
  shim.log = g_string_new (NULL);

  shim.vfs = (sqlite3_vfs) {
    .iVersion = 3,
    .szOsFile = (int) (SHIM_REAL_OFFSET + (gsize) shim.real->szOsFile),
    .mxPathname = shim.real->mxPathname,
    .zName = "recourse-crash-shim",
    .xOpen = shim_open,
    .xDelete = shim_delete,
    .xAccess = shim_access,
    .xFullPathname = shim_full_pathname,
    .xDlOpen = shim_dl_open,
    .xDlError = shim_dl_error,
    .xDlSym = shim_dl_sym,
    .xDlClose = shim_dl_close,
    .xRandomness = shim_randomness,
    .xSleep = shim_sleep,
    .xCurrentTime = shim_current_time,
    .xGetLastError = shim_get_last_error,
    .xCurrentTimeInt64 = shim_current_time_int64,
    .xSetSystemCall = shim_set_system_call,
    .xGetSystemCall = shim_get_system_call,
    .xNextSystemCall = shim_next_system_call,
  };
  g_assert_cmpint (sqlite3_vfs_register (&shim.vfs, 1), ==, SQLITE_OK);
}

/* Files and folders */

typedef struct
{
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rec-crash-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  int fd;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_no_error (error);
  fd = g_open (to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, contents, length), ==, (gssize) length);
  g_assert_cmpint (close (fd), ==, 0);
}

/* Empties `to` (creating it), then copies every regular file of `from`. */
static void
copy_folder (const char *from,
             const char *to)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  remove_tree (to);
  g_assert_cmpint (g_mkdir (to, 0700), ==, 0);
  dir = g_dir_open (from, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_REGULAR))
        copy_file (source, target);
    }
}

/* The hidden temporaries ".NAME.XXXXXX" a writer of `path` left (and what
 * SQLite keeps beside them: ".NAME.XXXXXX-journal"), their names appended to
 * `names` when not NULL. */
static guint
list_leftovers (const char *path,
                GString    *names)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        n++;
        if (names != NULL)
          g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", name);
      }
  return n;
}

static guint
count_leftovers (const char *path)
{
  return list_leftovers (path, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* A digest of what a trial left in `folder`: every file's name and bytes,
 * but the hidden temporaries of `base` (which no open reads; they are
 * counted apart). Two trials that leave the same bytes open the same way. */
static char *
folder_digest (const char *folder,
               const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      char header[64];

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_snprintf (header, sizeof header, "%" G_GSIZE_FORMAT ":", length);
      g_checksum_update (sum, names->pdata[i], -1);
      g_checksum_update (sum, (const guchar *) header, -1);
      g_checksum_update (sum, (const guchar *) contents, length);
    }

  return g_strdup (g_checksum_get_string (sum));
}

/* A rollback journal SQLite would play back: it starts with the magic, which
 * SQLite writes only once the journal's records are synced. */
static gboolean
has_hot_journal (const char *path)
{
  static const guint8 magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guint8 header[8];
  gboolean hot;
  int fd = g_open (journal, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  hot = read (fd, header, sizeof header) == sizeof header && memcmp (header, magic, sizeof magic) == 0;
  close (fd);
  return hot;
}

/* What a case holds */

typedef struct
{
  char     *json;               /* the whole case, every field */
  guint     payments;
  RecCents  sum;
  char     *title;
} State;

static void
state_clear (State *s)
{
  g_clear_pointer (&s->json, g_free);
  g_clear_pointer (&s->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (State, state_clear)

/* The case's JSON, then its history's length and last entry (without its
 * time, so a trial run at another second compares equal): an edit and its
 * journal entry are both in the state after it, or neither (spec/evidence.md
 * §2), and verify's replay checks that every record matches its entry. */
static void
state_from_case (State                 *s,
                 const RecCaseData     *c,
                 const GPtrArray       *history)
{
  g_autofree char *json = rec_case_json_to_string (c);
  const RecHistoryEntry *last =
    history->len > 0 ? history->pdata[history->len - 1] : NULL;

  s->json = g_strdup_printf ("%sjournal: %u entries, the last %s %s %" G_GINT64_FORMAT " %s\n",
                             json, history->len, last != NULL ? last->action : "-",
                             last != NULL ? last->entity : "-", last != NULL ? last->record : 0,
                             last != NULL && last->data != NULL ? last->data : "null");
  s->payments = c->payments->len;
  s->sum = 0;
  for (guint i = 0; i < c->payments->len; i++)
    s->sum += REC_PAYMENT (c->payments->pdata[i])->amount_cents;
  s->title = g_strdup (c->info->title);
}

static char *
state_describe (const State *s)
{
  return g_strdup_printf ("“%s”, %u payments summing %" G_GINT64_FORMAT " cents",
                          s->title, s->payments, (gint64) s->sum);
}

/* The first line of `got`'s JSON that differs from `want`'s. */
static char *
state_first_difference (const State *got,
                        const State *want)
{
  g_auto(GStrv) a = g_strsplit (got->json, "\n", -1);
  g_auto(GStrv) b = g_strsplit (want->json, "\n", -1);
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (strcmp (a[i], b[i]) != 0)
      break;
  if (a[i] == NULL && b[i] == NULL)
    return g_strdup ("none");
  return g_strdup_printf ("line %u: %s / %s", i + 1, a[i] != NULL ? g_strstrip (a[i]) : "(end)",
                          b[i] != NULL ? g_strstrip (b[i]) : "(end)");
}

/* Opens the case the way the CLI and the window do, loads it and verifies
 * it. FALSE with `error` when any of that fails. */
static gboolean
state_read (State       *s,
            const char  *path,
            gboolean     read_only,
            GError     **error)
{
  g_autoptr(RecStore) store = rec_store_open (path, read_only, error);
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GPtrArray) history = NULL;

  if (store == NULL)
    {
      g_prefix_error (error, "rec_store_open (%s): ", read_only ? "read-only" : "read-write");
      return FALSE;
    }

  c = rec_store_load_case (store, error);
  if (c == NULL)
    {
      g_prefix_error (error, "rec_store_load_case (%s): ", read_only ? "read-only" : "read-write");
      return FALSE;
    }

  if (!rec_store_verify (store, report, error))
    {
      g_prefix_error (error, "rec_store_verify (%s): %s: ",
                      read_only ? "read-only" : "read-write", report->str);
      return FALSE;
    }

  history = rec_store_load_history (store, error);
  if (history == NULL)
    {
      g_prefix_error (error, "rec_store_load_history: ");
      return FALSE;
    }

  state_from_case (s, c, history);
  return TRUE;
}

static void
state_read_or_die (State      *s,
                   const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (state_read (s, path, TRUE, &error));
  g_assert_no_error (error);
}

/* Cases and edits */

static RecCaseData *
demo_case (const char *today_text)
{
  GDate today;

  g_assert_true (rec_date_parse (today_text, &today, NULL));
  return rec_demo_case_new (&today, FALSE);
}

/* The case that replaces the demo case: another one, kept small (a replace
 * is tried at every one of its writes). */
static RecCaseData *
replacement_case (void)
{
  RecCaseData *c = demo_case ("2024-02-29");

  rec_set_str (&c->info->title, "The imported case");
  g_ptr_array_set_size (c->payments, MIN (c->payments->len, 6));
  g_ptr_array_set_size (c->communications, MIN (c->communications->len, 4));
  return c;
}

static void
write_case_or_die (const char        *path,
                   const RecCaseData *c)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rec_store_write_case (path, c, TRUE, &error));
  g_assert_no_error (error);
}

/* The edits a child runs. Each is given the case's path and (delete) the id
 * of a payment; the replacement case is built the same in every process. */
typedef enum
{
  EDIT_ADD_PAYMENT,
  EDIT_CASE_INFO,
  EDIT_DELETE_PAYMENT,
  EDIT_REPLACE,
  EDIT_IMPORT,
  N_EDITS
} EditKind;

typedef gboolean (*EditFunc) (const char  *path,
                              gint64       id,
                              GError     **error);

/* The same case in every process (rec_demo_case_new has no clock). */
static const RecCaseData *
replacement (void)
{
  static RecCaseData *c;

  if (c == NULL)
    c = replacement_case ();
  return c;
}

/* A payment whose notes take overflow pages: the commit grows the file, so
 * page 1 (with the new page count) is written before the file is longer. */
static gboolean
edit_add_payment (const char  *path,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(RecStore) store = rec_store_open (path, FALSE, error);
  g_autoptr(RecPayment) payment = rec_payment_new ();
  g_autoptr(GString) notes = g_string_new (NULL);

  if (store == NULL)
    return FALSE;

  for (int i = 0; notes->len < 9000; i++)
    g_string_append_printf (notes, "Receipt line %d: paid at the counter, stamped copy kept. ", i);
  g_assert_true (rec_date_parse ("2026-06-15", &payment->date, NULL));
  payment->amount_cents = 123456;
  rec_set_str (&payment->reference, "Money order 0042");
  rec_set_str (&payment->notes, notes->str);
  return rec_store_add_payment (store, payment, error);
}

static gboolean
edit_case_info (const char  *path,
                gint64       id,
                GError     **error)
{
  g_autoptr(RecStore) store = rec_store_open (path, FALSE, error);
  g_autoptr(RecCaseData) c = NULL;
  g_autoptr(RecCaseInfo) info = NULL;
  g_autofree char *notes = NULL;

  if (store == NULL || (c = rec_store_load_case (store, error)) == NULL)
    return FALSE;

  info = rec_case_info_copy (c->info);
  notes = g_strnfill (5000, 'x');
  rec_set_str (&info->title, "Renamed after the hearing");
  rec_set_str (&info->notes, notes);
  return rec_store_update_case_info (store, info, error);
}

static gboolean
edit_delete_payment (const char  *path,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(RecStore) store = rec_store_open (path, FALSE, error);

  if (store == NULL)
    return FALSE;

  return rec_store_delete_payment (store, id, error);
}

/* Replaces the case with another one, as import --force does. */
static gboolean
edit_replace (const char  *path,
              gint64       id,
              GError     **error)
{
  return rec_store_write_case (path, replacement (), TRUE, error);
}

/* An import (spec/import.md §1): a statement's 12 payments and the statement
 * kept as their document, in one transaction (12: enough for pages of
 * rows, links and entries; the trials are one per write). */
static gboolean
edit_import (const char  *path,
             gint64       id,
             GError     **error)
{
  g_autoptr(RecStore) store = rec_store_open (path, FALSE, error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) text = g_string_new ("Date,Description,Amount\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RecAttachment) statement = NULL;
  RecStoreImportSource source;

  if (store == NULL)
    return FALSE;
  for (int i = 0; i < 12; i++)
    {
      RecPayment *payment = rec_payment_new ();

      g_date_clear (&payment->date, 1);
      g_date_set_dmy (&payment->date, 1 + i % 28, G_DATE_JANUARY + i / 28, 2026);
      payment->amount_cents = 45000 + i;
      payment->method = REC_PAYMENT_METHOD_BANK_TRANSFER;
      rec_set_str (&payment->notes, "ZELLE FROM OTHER PARENT");
      g_string_append_printf (text, "2026-%02d-%02d,ZELLE FROM OTHER PARENT,%d.%02d\n",
                              1 + i / 28, 1 + i % 28, 450, i);
      g_ptr_array_add (records, payment);
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  statement = rec_attachment_new_from_bytes ("statement.csv", bytes, error);
  if (statement == NULL)
    return FALSE;
  /* The same stamp in every process: the bytes written must not differ. */
  rec_set_str (&statement->added_at, "2026-12-02T00:00:00Z");
  source = (RecStoreImportSource) { "statement.csv", statement->sha256, "csv", statement,
                                    records, NULL };
  return rec_store_import (store, &source, 1, error);
}

static const EditFunc edit_funcs[N_EDITS] = {
  [EDIT_ADD_PAYMENT] = edit_add_payment,
  [EDIT_CASE_INFO] = edit_case_info,
  [EDIT_DELETE_PAYMENT] = edit_delete_payment,
  [EDIT_REPLACE] = edit_replace,
  [EDIT_IMPORT] = edit_import,
};

/* Children are forked by a small helper process (the "zygote"), forked
 * itself at the start, before the test has allocated anything: forking the
 * test process (hundreds of megabytes under AddressSanitizer) would cost
 * more than the trial. */

typedef struct
{
  EditKind edit;
  guint    target;              /* 0: no kill */
  KillMode mode;
  gint64   id;
  char     path[1024];
} Job;

typedef struct
{
  int   code;                   /* the child's exit status; 128 + signal */
  guint log_length;
} JobResult;

static struct
{
  pid_t pid;
  int   jobs;                   /* parent → zygote */
  int   results;                /* zygote → parent */
} zygote = { -1, -1, -1 };

static gboolean
write_all (int         fd,
           const void *data,
           gsize       length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = write (fd, (const char *) data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += (gsize) n;
    }
  return TRUE;
}

static gboolean
read_all (int    fd,
          void  *data,
          gsize  length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = read (fd, (char *) data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += (gsize) n;
    }
  return TRUE;
}

/* In the zygote: one child, the shim, the edit. Returns its status and
 * (when it ran to the end) the calls it counted. */
static int
spawn_trial (const Job *job,
             GString   *log)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  char buffer[512];
  gssize n;

  if (pipe (fds) != 0 || (pid = fork ()) < 0)
    return -1;
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      int code;

      close (fds[0]);
      shim_install (job->target, job->mode);
      code = edit_funcs[job->edit] (job->path, job->id, &error) ? 0 : 3;
      if (error != NULL)
        g_printerr ("# edit failed: %s\n", error->message);
      if (!write_all (fds[1], shim.log->str, shim.log->len))
        _exit (4);
      _exit (code);
    }

  close (fds[1]);
  while ((n = read (fds[0], buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      g_string_append_len (log, buffer, n);
    }
  close (fds[0]);
  if (waitpid (pid, &status, 0) != pid)
    return -1;
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

G_GNUC_NORETURN static void
zygote_main (int jobs,
             int results)
{
  Job job;

  /* Built once here rather than in every child. */
  (void) replacement ();

  while (read_all (jobs, &job, sizeof job))
    {
      g_autoptr(GString) log = g_string_new (NULL);
      JobResult result = { 0 };

      result.code = spawn_trial (&job, log);
      result.log_length = (guint) log->len;
      if (!write_all (results, &result, sizeof result)
          || !write_all (results, log->str, log->len))
        break;
    }
  _exit (0);
}

static void
zygote_start (void)
{
  int to_zygote[2];
  int from_zygote[2];

  if (pipe (to_zygote) != 0 || pipe (from_zygote) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  zygote.pid = fork ();
  if (zygote.pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (zygote.pid == 0)
    {
      close (to_zygote[1]);
      close (from_zygote[0]);
      zygote_main (to_zygote[0], from_zygote[1]);
    }
  close (to_zygote[0]);
  close (from_zygote[1]);
  zygote.jobs = to_zygote[1];
  zygote.results = from_zygote[0];
}

static void
zygote_stop (void)
{
  int status;

  close (zygote.jobs);
  close (zygote.results);
  waitpid (zygote.pid, &status, 0);
}

/* Runs `edit` on `path` in a child killed at call `target` (0: never).
 * Returns the child's exit status; `log` (may be NULL) gets the calls it
 * counted when it ran to the end. */
static int
run_child (const char *path,
           EditKind    edit,
           gint64      id,
           guint       target,
           KillMode    mode,
           GString    *log)
{
  Job job = { .edit = edit, .target = target, .mode = mode, .id = id };
  JobResult result;
  g_autofree char *text = NULL;

  g_assert_cmpuint (strlen (path), <, sizeof job.path);
  strcpy (job.path, path);
  g_assert_true (write_all (zygote.jobs, &job, sizeof job));
  g_assert_true (read_all (zygote.results, &result, sizeof result));
  text = g_malloc (result.log_length + 1);
  g_assert_true (read_all (zygote.results, text, result.log_length));
  if (log != NULL)
    g_string_append_len (log, text, result.log_length);
  g_assert_cmpint (result.code, >=, 0);
  return result.code;
}

static const char *
op_name (const char *log,
         guint       n)
{
  switch (log[2 * (n - 1)])
    {
    case 'W': return "write";
    case 'T': return "truncate";
    case 'S': return "sync";
    case 'D': return "delete";
    default: return "?";
    }
}

static const char *
role_name (const char *log,
           guint       n)
{
  switch (log[2 * (n - 1) + 1])
    {
    case 'd': return "case";
    case 'j': return "journal";
    case 't': return "temporary";
    case 'u': return "temporary's journal";
    default: return "other";
    }
}

static gboolean
is_temporary (const char *log,
              guint       n)
{
  char role = log[2 * (n - 1) + 1];

  return role == 't' || role == 'u';
}

/* The crash trials of one scenario */

typedef struct
{
  const char    *name;
  EditKind       edit;          /* run in the child, under the shim */
  gint64         id;
  const char    *seed;          /* folder copied into each trial's folder */
  const char    *base_name;     /* the case file's name in it */
  const State   *before;
  const State   *after;
} Scenario;

typedef struct
{
  guint trials;
  guint opened;                 /* the others left the same bytes as an earlier trial */
  guint old_state;
  guint new_state;
  guint journal_left;
  guint leftovers_after_kill;
} Tally;

typedef enum
{
  HELD_OLD,
  HELD_NEW,
  HELD_NEITHER,
} Held;

static Held
classify (const Scenario *sc,
          const State    *s)
{
  if (s->json == NULL)
    return HELD_NEITHER;
  if (g_strcmp0 (s->json, sc->before->json) == 0)
    return HELD_OLD;
  if (g_strcmp0 (s->json, sc->after->json) == 0)
    return HELD_NEW;
  return HELD_NEITHER;
}

static const char *
held_name (Held held)
{
  return held == HELD_OLD ? "old" : held == HELD_NEW ? "new" : "neither";
}

/* Reads what a trial left: a read-only open of a copy, then a read-write
 * open of the files themselves. Appends to `failures` what went wrong. */
static gboolean
check_outcome (const Scenario *sc,
               const char     *trial_dir,
               const char     *copy_dir,
               const char     *label,
               Held           *out,
               GPtrArray      *failures)
{
  g_autofree char *path = g_build_filename (trial_dir, sc->base_name, NULL);
  g_autofree char *copy = g_build_filename (copy_dir, sc->base_name, NULL);
  g_auto(State) ro = { 0 };
  g_auto(State) rw = { 0 };
  g_autoptr(GError) ro_error = NULL;
  g_autoptr(GError) rw_error = NULL;
  gboolean ro_ok, rw_ok;
  Held ro_held, rw_held;

  copy_folder (trial_dir, copy_dir);

  /* Both opens are always tried, so that the message says what each did. */
  ro_ok = state_read (&ro, copy, TRUE, &ro_error);
  rw_ok = state_read (&rw, path, FALSE, &rw_error);
  ro_held = ro_ok ? classify (sc, &ro) : HELD_NEITHER;
  rw_held = rw_ok ? classify (sc, &rw) : HELD_NEITHER;
  if (!ro_ok || !rw_ok)
    {
      g_autofree char *ro_text = ro_ok ? g_strdup_printf ("read-only open held the %s state",
                                                          held_name (ro_held)) : NULL;
      g_autofree char *rw_text = rw_ok ? g_strdup_printf ("read-write open held the %s state",
                                                          held_name (rw_held)) : NULL;

      g_ptr_array_add (failures,
                       g_strdup_printf ("%s: %s; %s", label,
                                        ro_ok ? ro_text : ro_error->message,
                                        rw_ok ? rw_text : rw_error->message));
      return FALSE;
    }

  if (ro_held == HELD_NEITHER || rw_held == HELD_NEITHER || ro_held != rw_held)
    {
      g_autofree char *ro_text = state_describe (&ro);
      g_autofree char *rw_text = state_describe (&rw);
      g_autofree char *old_text = state_describe (sc->before);
      g_autofree char *new_text = state_describe (sc->after);
      g_autofree char *diff = state_first_difference (&rw, sc->after);

      g_ptr_array_add (failures,
                       g_strdup_printf ("%s: read-only open holds the %s state (%s), read-write "
                                        "the %s state (%s); old: %s, new: %s; first difference "
                                        "from the new state: %s",
                                        label, held_name (ro_held), ro_text,
                                        held_name (rw_held), rw_text, old_text, new_text, diff));
      return FALSE;
    }

  *out = rw_held;
  return TRUE;
}

static void
report_failures (const char *name,
                 GPtrArray  *failures)
{
  for (guint i = 0; i < failures->len && i < 40; i++)
    g_test_message ("FAIL %s", (const char *) failures->pdata[i]);
  if (failures->len > 40)
    g_test_message ("… and %u more", failures->len - 40);
  if (failures->len > 0)
    g_test_fail_printf ("%s: %u failures", name, failures->len);
}

static void
run_scenario (Fixture        *f,
              const Scenario *sc)
{
  g_autofree char *trial = g_build_filename (f->dir, "trial", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "trial-ro", NULL);
  g_autofree char *path = g_build_filename (trial, sc->base_name, NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Tally tally[N_KILL_MODES] = { { 0 } };
  guint total;
  int code;

  g_assert_cmpstr (sc->before->json, !=, sc->after->json);

  /* The edit without a kill: how many calls it makes, and its result. */
  copy_folder (sc->seed, trial);
  code = run_child (path, sc->edit, sc->id, 0, KILL_BEFORE, log);
  g_assert_cmpint (code, ==, 0);
  total = (guint) log->len / 2;
  g_assert_cmpuint (total, >, 0);
  g_test_message ("%s: %u counted calls: %s", sc->name, total, log->str);
  {
    g_autofree char *label = g_strdup_printf ("%s, no kill", sc->name);
    Held held = HELD_NEITHER;

    if (check_outcome (sc, trial, copy, label, &held, failures) && held != HELD_NEW)
      g_ptr_array_add (failures, g_strdup_printf ("%s: the edit left the old state", label));
  }

  for (KillMode mode = 0; mode < N_KILL_MODES; mode++)
    for (guint n = 1; n <= total; n++)
      {
        g_autofree char *label = NULL;
        Held held = HELD_NEITHER;

        if (mode == KILL_TORN && log->str[2 * (n - 1)] != 'W')
          continue;
        /* A hidden temporary is published by the rename after its last call,
         * never by a writer that died: a kill after such a call leaves what a
         * kill before the next one does, and a torn write to it is never read.
         * Only the kill after the last call on it is tried besides "before". */
        if (mode != KILL_BEFORE && is_temporary (log->str, n)
            && (mode == KILL_TORN || (n < total && is_temporary (log->str, n + 1))))
          continue;

        label = g_strdup_printf ("%s, kill %s call %u/%u (%s of the %s)", sc->name,
                                 kill_mode_names[mode], n, total, op_name (log->str, n),
                                 role_name (log->str, n));
        copy_folder (sc->seed, trial);
        code = run_child (path, sc->edit, sc->id, n, mode, NULL);
        if (code != KILLED_STATUS)
          {
            g_ptr_array_add (failures, g_strdup_printf ("%s: the child was not killed (exit %d)",
                                                        label, code));
            continue;
          }

        tally[mode].trials++;
        if (has_hot_journal (path))
          tally[mode].journal_left++;
        if (count_leftovers (path) > 0)
          tally[mode].leftovers_after_kill++;

        /* A kill after call n mostly leaves the bytes a kill before call
         * n + 1 leaves: those are opened once. The verdict is kept by digest
         * (HELD_NEITHER: that trial failed). */
        {
          g_autofree char *digest = folder_digest (trial, sc->base_name);
          Held *known = g_hash_table_lookup (seen, digest);

          if (known != NULL)
            held = *known;
          else
            {
              tally[mode].opened++;
              if (!check_outcome (sc, trial, copy, label, &held, failures))
                held = HELD_NEITHER;
              g_hash_table_insert (seen, g_steal_pointer (&digest), g_memdup2 (&held, sizeof held));
              known = &held;
            }
          if (held == HELD_NEITHER)
            {
              if (known != &held)
                g_ptr_array_add (failures, g_strdup_printf ("%s: the same files as a failed "
                                                            "trial above", label));
              continue;
            }
        }
        if (held == HELD_OLD)
          tally[mode].old_state++;
        else
          tally[mode].new_state++;
      }

  for (KillMode mode = 0; mode < N_KILL_MODES; mode++)
    {
      g_autofree char *extra = NULL;

      if (sc->edit == EDIT_REPLACE)
        extra = g_strdup_printf (", hidden temporaries left by %u",
                                 tally[mode].leftovers_after_kill);
      g_test_message ("%-24s %-6s %3u kills: %3u old state, %3u new state, %3u refused or "
                      "wrong (%u opened, the others left the same bytes as an earlier kill); "
                      "hot journal left by %u%s",
                      sc->name, kill_mode_names[mode], tally[mode].trials, tally[mode].old_state,
                      tally[mode].new_state,
                      tally[mode].trials - tally[mode].old_state - tally[mode].new_state,
                      tally[mode].opened, tally[mode].journal_left, extra != NULL ? extra : "");
    }

  report_failures (sc->name, failures);
}

/* The seed of the edit scenarios: the demo case alone in its folder. */
static char *
make_seed (Fixture           *f,
           const char        *name,
           const RecCaseData *c,
           State             *before)
{
  char *seed = g_build_filename (f->dir, name, NULL);
  g_autofree char *path = g_build_filename (seed, "case.recourse", NULL);

  g_assert_cmpint (g_mkdir (seed, 0700), ==, 0);
  write_case_or_die (path, c);
  state_read_or_die (before, path);
  return seed;
}

/* What the edit gives when nothing goes wrong. */
static void
expected_after (Fixture    *f,
                const char *seed,
                EditKind    edit,
                gint64      id,
                State      *after)
{
  g_autofree char *scratch = g_build_filename (f->dir, "expected", NULL);
  g_autofree char *path = g_build_filename (scratch, "case.recourse", NULL);
  g_autoptr(GError) error = NULL;

  copy_folder (seed, scratch);
  g_assert_true (edit_funcs[edit] (path, id, &error));
  g_assert_no_error (error);
  state_read_or_die (after, path);
  remove_tree (scratch);
}

typedef struct
{
  const char *name;
  EditKind    edit;
} EditCase;

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  const EditCase *ec = data;
  g_autoptr(RecCaseData) demo = demo_case ("2026-06-30");
  g_auto(State) before = { 0 };
  g_auto(State) after = { 0 };
  g_autofree char *seed = make_seed (f, "seed", demo, &before);
  gint64 id = 0;
  Scenario sc = { 0 };

  /* delete-payment deletes one in the middle of the ledger. */
  g_assert_cmpuint (demo->payments->len, >, 2);
  {
    g_autofree char *path = g_build_filename (seed, "case.recourse", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(RecStore) store = rec_store_open (path, TRUE, &error);
    g_autoptr(RecCaseData) c = NULL;

    g_assert_no_error (error);
    c = rec_store_load_case (store, &error);
    g_assert_no_error (error);
    id = REC_PAYMENT (c->payments->pdata[c->payments->len / 2])->entity.id;
  }

  expected_after (f, seed, ec->edit, id, &after);
  sc = (Scenario) {
    .name = ec->name,
    .edit = ec->edit,
    .id = id,
    .seed = seed,
    .base_name = "case.recourse",
    .before = &before,
    .after = &after,
  };
  run_scenario (f, &sc);
}

/* Kills an add-payment edit at call `n` (after doing it) in a copy of
 * `seed` placed at `dir`; TRUE when that left a hot journal. */
static gboolean
leave_hot_journal (const char *seed,
                   const char *dir,
                   guint       n)
{
  g_autofree char *path = g_build_filename (dir, "case.recourse", NULL);

  copy_folder (seed, dir);
  g_assert_cmpint (run_child (path, EDIT_ADD_PAYMENT, 0, n, KILL_AFTER, NULL), ==,
                   KILLED_STATUS);
  return has_hot_journal (path);
}

/* The calls of an add-payment edit of `seed`. */
static guint
count_edit_calls (Fixture    *f,
                  const char *seed,
                  GString    *log)
{
  g_autofree char *dir = g_build_filename (f->dir, "count", NULL);
  g_autofree char *path = g_build_filename (dir, "case.recourse", NULL);

  copy_folder (seed, dir);
  g_assert_cmpint (run_child (path, EDIT_ADD_PAYMENT, 0, 0, KILL_BEFORE, log), ==, 0);
  remove_tree (dir);
  return (guint) log->len / 2;
}

/* A case killed in the middle of a commit keeps its hot journal; replacing
 * the case must not let that journal be played back into the new file (the
 * next read-write open would roll the old case's pages into it). Every kill
 * point that leaves a hot journal is tried. */
static void
test_replace_stale_journal (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RecCaseData) old_case = demo_case ("2026-06-30");
  const RecCaseData *new_case = replacement ();
  g_auto(State) before = { 0 };
  g_auto(State) wanted = { 0 };
  g_autofree char *seed = make_seed (f, "seed", old_case, &before);
  g_autofree char *trial = g_build_filename (f->dir, "trial", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "trial-ro", NULL);
  g_autofree char *path = g_build_filename (trial, "case.recourse", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  guint total = count_edit_calls (f, seed, log);
  guint hot = 0, right = 0;
  Scenario sc = { 0 };

  {
    g_autofree char *scratch = g_build_filename (f->dir, "new.recourse", NULL);

    write_case_or_die (scratch, new_case);
    state_read_or_die (&wanted, scratch);
    g_remove (scratch);
  }
  /* The new case must never be mistaken for the old one, before or after. */
  sc = (Scenario) { .name = "replace-stale-journal", .base_name = "case.recourse",
                    .before = &wanted, .after = &wanted };

  for (guint n = 1; n <= total; n++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GError) error = NULL;
      Held held;

      if (!leave_hot_journal (seed, trial, n))
        continue;
      hot++;
      label = g_strdup_printf ("replace over the hot journal of a kill after call %u/%u "
                               "(%s of the %s)", n, total, op_name (log->str, n),
                               role_name (log->str, n));
      if (!rec_store_write_case (path, new_case, TRUE, &error))
        {
          g_ptr_array_add (failures, g_strdup_printf ("%s: rec_store_write_case failed: %s",
                                                      label, error->message));
          continue;
        }
      if (check_outcome (&sc, trial, copy, label, &held, failures))
        right++;
    }

  g_test_message ("replace-stale-journal: %u of %u kill points left a hot journal; the "
                  "replaced case opened whole after %u, wrong or refused after %u",
                  hot, total, right, hot - right);
  g_assert_cmpuint (hot, >, 0);
  report_failures (sc.name, failures);
}

/* rec_store_write_case (overwrite) killed at every call: the path holds the
 * old case or the new one, whole. `data` non-NULL: the old case also has a
 * hot journal beside it (its last committed state is the one before the
 * killed edit). */
static void
test_replace_kill (Fixture       *f,
                   gconstpointer  data)
{
  gboolean with_journal = data != NULL;
  g_autoptr(RecCaseData) old_case = demo_case ("2026-06-30");
  const RecCaseData *new_case = replacement ();
  g_auto(State) before = { 0 };
  g_auto(State) after = { 0 };
  g_autofree char *seed = make_seed (f, "seed", old_case, &before);
  Scenario sc = { 0 };

  {
    g_autofree char *scratch = g_build_filename (f->dir, "new.recourse", NULL);

    write_case_or_die (scratch, new_case);
    state_read_or_die (&after, scratch);
    g_remove (scratch);
  }

  if (with_journal)
    {
      g_autofree char *hot_seed = g_build_filename (f->dir, "seed-hot", NULL);
      g_autoptr(GString) log = g_string_new (NULL);
      guint total = count_edit_calls (f, seed, log);
      guint n;

      /* The first write of the case file itself: the journal is complete. */
      for (n = 1; n <= total; n++)
        if (log->str[2 * (n - 1)] == 'W' && log->str[2 * (n - 1) + 1] == 'd')
          break;
      g_assert_cmpuint (n, <=, total);
      g_assert_true (leave_hot_journal (seed, hot_seed, n));
      g_free (seed);
      seed = g_steal_pointer (&hot_seed);
    }

  sc = (Scenario) {
    .name = with_journal ? "replace-over-hot-journal" : "replace",
    .edit = EDIT_REPLACE,
    .seed = seed,
    .base_name = "case.recourse",
    .before = &before,
    .after = &after,
  };
  run_scenario (f, &sc);
}

/* A replace killed at any call leaves its hidden temporary; the next replace
 * of that case removes it (no live writer holds it) and whatever SQLite kept
 * beside it, and leaves nothing of its own. */
static void
test_replace_leftovers (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RecCaseData) old_case = demo_case ("2026-06-30");
  g_auto(State) before = { 0 };
  g_autofree char *seed = make_seed (f, "seed", old_case, &before);
  g_autofree char *trial = g_build_filename (f->dir, "trial", NULL);
  g_autofree char *path = g_build_filename (trial, "case.recourse", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  guint total, left = 0, files = 0, remained = 0;

  copy_folder (seed, trial);
  g_assert_cmpint (run_child (path, EDIT_REPLACE, 0, 0, KILL_BEFORE, log), ==, 0);
  g_assert_cmpuint (count_leftovers (path), ==, 0);
  total = (guint) log->len / 2;

  for (guint n = 1; n <= total; n++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      guint k;

      copy_folder (seed, trial);
      g_assert_cmpint (run_child (path, EDIT_REPLACE, 0, n, KILL_BEFORE, NULL), ==, KILLED_STATUS);
      k = count_leftovers (path);
      if (k > 0)
        left++;
      files += k;

      if (!rec_store_write_case (path, replacement (), TRUE, &error))
        g_ptr_array_add (failures, g_strdup_printf ("kill before call %u/%u: the next replace "
                                                    "failed: %s", n, total, error->message));
      else if (list_leftovers (path, names) > 0)
        {
          remained++;
          g_ptr_array_add (failures,
                           g_strdup_printf ("kill before call %u/%u (%s of the %s): left after "
                                            "the next replace: %s", n, total,
                                            op_name (log->str, n), role_name (log->str, n),
                                            names->str));
        }
    }

  g_test_message ("replace-leftovers: %u of %u kills left hidden temporaries (%u files); "
                  "the next replace left files after %u", left, total, files, remained);
  g_assert_cmpuint (left, >, 0);
  report_failures ("replace-leftovers", failures);
}

static const EditCase edits[] = {
  { "add-payment", EDIT_ADD_PAYMENT },
  { "update-case-info", EDIT_CASE_INFO },
  { "delete-payment", EDIT_DELETE_PAYMENT },
  { "import", EDIT_IMPORT },
};

static void
drop_message (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        data)
{
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Hundreds of cases are written: not their migration messages. */
  g_log_set_handler ("rec-store", G_LOG_LEVEL_DEBUG, drop_message, NULL);
  zygote_start ();
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/crash/edit/%s", edits[i].name);

      g_test_add (path, Fixture, &edits[i], fixture_set_up, test_edit, fixture_tear_down);
    }
  g_test_add ("/crash/replace/stale-journal", Fixture, NULL, fixture_set_up,
              test_replace_stale_journal, fixture_tear_down);
  g_test_add ("/crash/replace/kill", Fixture, NULL, fixture_set_up, test_replace_kill,
              fixture_tear_down);
  g_test_add ("/crash/replace/kill-over-hot-journal", Fixture, "hot", fixture_set_up,
              test_replace_kill, fixture_tear_down);
  g_test_add ("/crash/replace/leftovers", Fixture, NULL, fixture_set_up,
              test_replace_leftovers, fixture_tear_down);

  status = g_test_run ();
  zygote_stop ();
  return status;
}
