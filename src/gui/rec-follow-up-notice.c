/* rec-follow-up-notice.c — the desktop notification of follow-ups due when a
 * case is opened
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rec-gui"

#include "config.h"

#include "rec-follow-up-notice.h"

#include "rec-enums.h"
#include "rec-follow-ups.h"
#include "rec-gui-util.h"

#include <glib/gi18n.h>

/* What the follow-up is about ("Phone call", a subject, a remedy) and whom it
 * is with (NULL for a step). */
static void
describe (const RecFollowUp  *follow_up,
          const char        **what,
          const char        **who)
{
  if (follow_up->kind == REC_FOLLOW_UP_COMMUNICATION)
    {
      const RecCommunication *communication = REC_COMMUNICATION (follow_up->record);

      *what = *communication->subject != '\0' ? communication->subject
                                              : rec_channel_label (communication->channel);
      *who = *communication->with != '\0' ? communication->with : NULL;
      return;
    }

  *what = rec_remedy_label (REC_ENFORCEMENT_STEP (follow_up->record)->remedy);
  *who = NULL;
}

static char *
dup_line (const RecFollowUp *follow_up)
{
  g_autofree char *day = rec_gui_format_date (&follow_up->date);
  const char *what, *who;

  describe (follow_up, &what, &who);
  if (follow_up->days_overdue == 0)
    {
      if (who != NULL)
        /* Translators: a line of the notification of follow-ups due: %1$s is
         * whom the contact was with, %2$s what it was about ("Phone call",
         * its subject) */
        return g_strdup_printf (_("%1$s: %2$s — due today"), who, what);
      /* Translators: a line of the notification of follow-ups due: %s is what
       * it is about (a subject, or a remedy such as "Credit reporting") */
      return g_strdup_printf (_("%s — due today"), what);
    }

  if (who != NULL)
    /* Translators: a line of the notification of follow-ups due: %1$s is
     * whom the contact was with, %2$s what it was about ("Phone call", its
     * subject), %3$s the follow-up date ("11/20/2026") */
    return g_strdup_printf (_("%1$s: %2$s — overdue since %3$s"), who, what, day);
  /* Translators: a line of the notification of follow-ups due: %1$s is what
   * it is about (a subject, or a remedy such as "Credit reporting"), %2$s the
   * date ("11/20/2026") */
  return g_strdup_printf (_("%1$s — overdue since %2$s"), what, day);
}

char *
rec_follow_up_notice_dup_title (GPtrArray *due)
{
  g_return_val_if_fail (due != NULL, NULL);

  return g_strdup_printf (g_dngettext (NULL, "%u follow-up due",
                                       "%u follow-ups due", due->len),
                          due->len);
}

char *
rec_follow_up_notice_dup_body (GPtrArray *due)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint shown;

  g_return_val_if_fail (due != NULL, NULL);

  shown = MIN (due->len, REC_FOLLOW_UP_NOTICE_MAX_LINES);
  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *line = dup_line (g_ptr_array_index (due, i));

      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, line);
    }
  if (due->len > shown)
    {
      guint more = due->len - shown;

      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (NULL, "And %u more follow-up",
                                                 "And %u more follow-ups", more),
                              more);
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

char *
rec_follow_up_notice_dup_id (const char *path)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* Short, and free of the characters a path may hold. */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  return g_strdup_printf ("follow-ups-%.16s", hash);
}

GNotification *
rec_follow_up_notice_new (const RecCaseData *data,
                          const GDate       *today,
                          const char        *path)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (data != NULL && today != NULL && path != NULL, NULL);

  due = rec_case_data_due_follow_ups (data, today);
  if (due->len == 0)
    return NULL;

  title = rec_follow_up_notice_dup_title (due);
  body = rec_follow_up_notice_dup_body (due);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-follow-ups", "s", path);
  return g_steal_pointer (&notification);
}
