/* rec-store-attachments-private.h — what the rest of the store calls of the attachments
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each runs inside the caller's transaction and journals what it writes
 * (spec/evidence.md §2: `attachments` entries with the metadata, `links`
 * entries naming the link).
 */
#pragma once

#include <sqlite3.h>

#include "rec-attachment.h"
#include "rec-case-data.h"

G_BEGIN_DECLS

/* rec_store_write_case, after every record is written: the case's
 * attachments (their data must be loaded) and their links, a link naming
 * the record at the same position (index + 1) of its table. */
gboolean _rec_store_write_attachments          (sqlite3            *db,
                                                const RecCaseData  *case_data,
                                                const char         *now,
                                                GError            **error);
/* rec_store_load_case, after every record is loaded: the metadata of every
 * attachment (data NULL: rec_store_read_attachment_data) in id order, its
 * links to the loaded records (NULL for the case) in the order of the
 * document's arrays. */
gboolean _rec_store_load_attachments           (sqlite3            *db,
                                                RecCaseData        *case_data,
                                                GError            **error);
/* The record `record_id` of `entity` ("payments") was deleted: its links go,
 * and so does each attachment that it was the only link of (an attachment
 * linked to the case, or to nothing, stays). */
gboolean _rec_store_attachments_record_removed (sqlite3            *db,
                                                const char         *entity,
                                                gint64              record_id,
                                                const char         *now,
                                                GError            **error);

/* rec_store_import (rec-store-import.c): one attachment (data set) with its
 * links, in the caller's transaction, as rec_store_add_attachments adds each
 * (the same bytes again only take the links); sets its id. */
gboolean _rec_store_add_attachment_in          (sqlite3            *db,
                                                const char         *now,
                                                RecAttachment      *attachment,
                                                GError            **error);

G_END_DECLS
