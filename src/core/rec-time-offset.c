/* rec-time-offset.c — whether a recorded time's UTC offset needs showing
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rec-time-offset.h"

#include "rec-date.h"

gboolean
rec_timestamp_offset_is_local (const char *text)
{
  g_autoptr(GDateTime) recorded = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (text == NULL || !rec_timestamp_parse (text, NULL, NULL))
    return FALSE;
  recorded = g_date_time_new_from_iso8601 (text, NULL);
  local = recorded != NULL ? g_date_time_to_local (recorded) : NULL;
  return local != NULL &&
         g_date_time_get_utc_offset (recorded) == g_date_time_get_utc_offset (local);
}
