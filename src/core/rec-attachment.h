/* rec-attachment.h — a document kept in the case: its bytes, their SHA-256,
 * and the records it proves (spec/evidence.md §1)
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An attachment is content-addressed: two files with the same bytes are one
 * attachment. Its bytes are never changed; what comes out has the SHA-256 of
 * what went in. It proves any number of records (a bank statement, twelve
 * payments); a link to no record (NULL) means the case itself, and an
 * attachment without links belongs to the case too.
 *
 * `data` may be NULL when only the metadata was loaded (the window lists a
 * case's documents without holding every byte in memory); rec_attachment_
 * get_data() then returns NULL and the caller asks the store for the bytes.
 */
#pragma once

#include "rec-case-data.h"

G_BEGIN_DECLS

/* At most 64 MiB per file (spec/evidence.md §1). */
#define REC_ATTACHMENT_MAX_SIZE (G_GINT64_CONSTANT (64) * 1024 * 1024)

#define REC_TYPE_ATTACHMENT (rec_attachment_get_type ())
G_DECLARE_FINAL_TYPE (RecAttachment, rec_attachment, REC, ATTACHMENT, RecEntity)

struct _RecAttachment
{
  RecEntity   entity;

  char        sha256[65];        /* lower-case hex of the bytes */
  char       *name;              /* the file's base name as the user had it */
  char       *media_type;        /* sniffed from the content: "image/jpeg" */
  gint64      size;              /* bytes */
  char       *added_at;          /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
  GBytes     *data;              /* (nullable) not loaded */
  GPtrArray  *links;             /* RecEntity (owned refs) or NULL for the case */
};

/* An empty attachment ("" strings, no data, no links). */
RecAttachment *rec_attachment_new            (void) G_GNUC_WARN_UNUSED_RESULT;
/* From bytes the user chose: sets sha256, size, media_type (sniffed from the
 * bytes, the name only breaking ties) and added_at (now, UTC). Refuses empty
 * data and more than REC_ATTACHMENT_MAX_SIZE, naming the file:
 * "“scan.pdf” is empty: nothing was added". */
RecAttachment *rec_attachment_new_from_bytes (const char     *name,
                                              GBytes         *data,
                                              GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same from a file on disk; refuses a folder, an unreadable file, an empty
 * one and one over the limit with a message naming it (REC_CORE_ERROR_INVALID). */
RecAttachment *rec_attachment_new_from_file  (const char     *path,
                                              GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* A deep copy: the same id, metadata, data (a new reference) and links (new
 * references to the same records). */
RecAttachment *rec_attachment_copy           (const RecAttachment *self) G_GNUC_WARN_UNUSED_RESULT;

/* Adds a link to `record` (NULL: the case) unless it is there already. */
void           rec_attachment_add_link       (RecAttachment  *self,
                                              RecEntity      *record);
/* Removes the link to `record` (NULL: the case); FALSE if there was none. */
gboolean       rec_attachment_remove_link    (RecAttachment  *self,
                                              RecEntity      *record);
/* TRUE when it proves `record` (NULL: when it is the case's own). */
gboolean       rec_attachment_proves         (const RecAttachment *self,
                                              const RecEntity     *record);
/* TRUE when linked to the case, or linked to nothing. */
gboolean       rec_attachment_is_case_level  (const RecAttachment *self);

/* The media type of these bytes: image/jpeg, image/png, image/gif,
 * image/webp, image/heic, image/tiff, application/pdf, message/rfc822,
 * text/plain, text/csv, application/xml, else application/octet-stream. The
 * name decides only between text kinds (".csv"). */
const char    *rec_media_type_sniff          (const guint8   *data,
                                              gsize           size,
                                              const char     *name);

/* Lower-case hex of a SHA-256 digest (32 bytes) into out (65 bytes). */
void           rec_sha256_digest_hex         (const guint8    digest[32],
                                              char            out[65]);

/* Lower-case hex SHA-256 of the bytes into out (65 bytes), with nettle. */
void           rec_sha256_hex                (const guint8   *data,
                                              gsize           size,
                                              char            out[65]);

/* The word spec/evidence.md uses for a record's kind in links and in the
 * journal: "children", "terms", "interest_overrides", "charges", "payments",
 * "communications", "enforcement"; "case" for NULL. */
const char    *rec_entity_kind_word          (const RecEntity *record);

/* A case's fingerprint (the last journal entry's hash, 64 hex digits) as
 * people see it: its first 16 digits upper-case in groups of four,
 * "3F2A-91C0-77DE-0B14". NULL if `hash` is not 64 hex digits. */
char          *rec_fingerprint_format        (const char     *hash) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
