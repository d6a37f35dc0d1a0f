/* rec-cli-calendar.c — `recourse calendar CASE -o FOLLOWUPS.ics`
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An RFC 5545 calendar with one all-day event per follow-up date of the
 * communication log and per next date of an enforcement step that is still
 * open (rec-follow-ups.h: not marked done, the step neither denied nor
 * closed). Each event's UID names the case file and the record, so importing
 * a newer calendar updates the events instead of adding them twice. A case
 * without any gives a valid, empty calendar.
 *
 * A follow-up marked done (or a step that ended) is written as the same
 * event with STATUS:CANCELLED rather than left out. Importing a calendar
 * merges it into what the calendar program holds; it never deletes: an event
 * simply absent from the newer file would stay in the parent's calendar as a
 * reminder of something already done. The cancelled event with the same UID
 * replaces it, and calendar programs hide it or strike it through. Each
 * event's SEQUENCE is its record's last change (updated_at, in seconds since
 * 2000-01-01 UTC): it grows with every change of the record (marked done,
 * marked open again, moved to another day), which is what tells a calendar
 * program that the event it already has is older, and stays the same when
 * nothing changed, so importing the same calendar twice changes nothing.
 * A follow-up date cleared or a record deleted leaves no event to cancel
 * (an event needs its day); those stay behind in a calendar imported before.
 */
#define G_LOG_DOMAIN "rec-cli"

#include "config.h"

#include "rec-cli-private.h"

#include "rec-date.h"
#include "rec-enums.h"
#include "rec-follow-ups.h"
#include "rec-store.h"

#include <glib/gi18n.h>
#include <string.h>

/* TEXT of RFC 5545 §3.3.11: backslash, semicolon, comma and newline escaped. */
static void
append_text (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ';': g_string_append (out, "\\;"); break;
      case ',': g_string_append (out, "\\,"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': break;
      default:
        /* Other controls have no place in a content line. */
        if ((guchar) *p >= 0x20 && *p != 0x7f)
          g_string_append_c (out, *p);
        break;
      }
}

/* One content line, folded at 75 octets (never inside a UTF-8 character),
 * ended with CRLF (§3.1). */
static void
append_line (GString    *out,
             const char *line)
{
  gsize length = strlen (line);
  gsize start = 0;
  gsize limit = 75;

  while (length - start > limit)
    {
      gsize cut = start + limit;

      while (cut > start && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, cut - start);
      g_string_append (out, "\r\n ");
      start = cut;
      limit = 74;   /* the leading space counts */
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

/* SEQUENCE (§3.8.7.4) of a record's event: the seconds from 2000-01-01 UTC
 * to its last change (updated_at), which fit the 32-bit INTEGER of §3.3.8
 * until 2068; 0 for a record never stored. */
static gint64
event_sequence (const RecEntity *record)
{
  g_autoptr(GDateTime) changed = NULL;
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);

  if (record->updated_at != NULL)
    changed = g_date_time_new_from_iso8601 (record->updated_at, NULL);
  if (changed == NULL)
    return 0;

  return CLAMP (g_date_time_difference (changed, epoch) / G_TIME_SPAN_SECOND, 0, G_MAXINT32);
}

static void
append_event (GString         *out,
              const char      *uid,
              const char      *stamp,
              const RecEntity *record,
              gboolean         open,
              const GDate     *date,
              const char      *summary,
              const char      *description)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GDateTime) changed = NULL;
  GDate next = *date;
  char day[16];

  append_line (out, "BEGIN:VEVENT");
  g_string_printf (line, "UID:%s", uid);
  append_line (out, line->str);
  g_string_printf (line, "DTSTAMP:%s", stamp);
  append_line (out, line->str);
  g_string_printf (line, "SEQUENCE:%" G_GINT64_FORMAT, event_sequence (record));
  append_line (out, line->str);
  if (record->updated_at != NULL
      && (changed = g_date_time_new_from_iso8601 (record->updated_at, NULL)) != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (changed);
      g_autofree char *text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

      g_string_printf (line, "LAST-MODIFIED:%s", text);
      append_line (out, line->str);
    }
  g_date_strftime (day, sizeof day, "%Y%m%d", date);
  g_string_printf (line, "DTSTART;VALUE=DATE:%s", day);
  append_line (out, line->str);
  g_date_add_days (&next, 1);
  g_date_strftime (day, sizeof day, "%Y%m%d", &next);
  g_string_printf (line, "DTEND;VALUE=DATE:%s", day);
  append_line (out, line->str);
  g_string_assign (line, "SUMMARY:");
  append_text (line, summary);
  append_line (out, line->str);
  if (description != NULL && *description != '\0')
    {
      g_string_assign (line, "DESCRIPTION:");
      append_text (line, description);
      append_line (out, line->str);
    }
  /* Done: the same event, cancelled (see the top of the file). */
  append_line (out, open ? "STATUS:CONFIRMED" : "STATUS:CANCELLED");
  append_line (out, "TRANSP:TRANSPARENT");
  append_line (out, "END:VEVENT");
}

/* The first line of a text, at most 80 characters. */
static char *
headline (const char *text)
{
  const char *end = strchr (text, '\n');
  g_autofree char *line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);

  if (g_utf8_validate (line, -1, NULL) && g_utf8_strlen (line, -1) > 80)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 79);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static char *
make_calendar (const RecCaseData *c,
               const char        *key)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *prodid = g_strdup_printf ("PRODID:-//Recourse//Recourse %s//EN", PACKAGE_VERSION);
  g_autofree char *name = NULL;

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, prodid);
  append_line (out, "CALSCALE:GREGORIAN");
  append_line (out, "METHOD:PUBLISH");
  {
    g_autoptr(GString) line = g_string_new ("X-WR-CALNAME:");

    /* Translators: the name of the calendar of follow-ups; %s is the case title */
    name = g_strdup_printf (_("Follow-ups: %s"), c->info->title);
    append_text (line, name);
    append_line (out, line->str);
  }

  for (guint i = 0; i < c->communications->len; i++)
    {
      RecCommunication *item = c->communications->pdata[i];
      g_autofree char *uid = NULL;
      g_autofree char *what = NULL;
      g_autofree char *summary = NULL;

      if (!rec_date_is_set (&item->follow_up))
        continue;
      uid = g_strdup_printf ("communication-%" G_GINT64_FORMAT "-follow-up@%.32s.recourse",
                             item->entity.id, key);
      what = headline (*item->subject != '\0' ? item->subject : item->summary);
      /* Translators: an event of the calendar; %s is the subject of the communication */
      summary = g_strdup_printf (_("Follow up: %s"), what);
      append_event (out, uid, stamp, REC_ENTITY (item), rec_communication_follow_up_is_open (item),
                    &item->follow_up, summary, item->summary);
    }

  for (guint i = 0; i < c->enforcement->len; i++)
    {
      RecEnforcementStep *step = c->enforcement->pdata[i];
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;

      if (!rec_date_is_set (&step->next_date))
        continue;
      uid = g_strdup_printf ("enforcement-%" G_GINT64_FORMAT "-next@%.32s.recourse", step->entity.id, key);
      /* Translators: an event of the calendar; %s is a remedy such as "Wage garnishment" */
      summary = g_strdup_printf (_("Next step: %s"), rec_remedy_label (step->remedy));
      append_event (out, uid, stamp, REC_ENTITY (step), rec_enforcement_step_next_is_open (step),
                    &step->next_date, summary, step->notes);
    }

  append_line (out, "END:VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* calendar CASE -o FILE.ics */
int
_rec_cli_calendar (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the calendar to this file (- = standard output)"), N_("FOLLOWUPS.ics") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CASE.recourse"));
  g_autoptr(RecStore) store = NULL;
  g_autoptr(RecCaseData) case_data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  int status = REC_EXIT_OK;

  g_set_prgname ("recourse calendar");
  g_option_context_set_summary (context, _("Write the open follow-ups and next enforcement dates "
                                           "as a calendar (RFC 5545) that calendar programs import."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!_rec_cli_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc != 2)
    {
      _rec_cli_error ("%s", argc < 2 ? _("calendar: which case? Give one CASE.recourse")
                                     : _("calendar: give exactly one CASE.recourse"));
      return REC_EXIT_USAGE;
    }
  if (output == NULL || *output == '\0')
    {
      _rec_cli_error ("%s", _("calendar: -o FOLLOWUPS.ics is required"));
      return REC_EXIT_USAGE;
    }
  if (!_rec_cli_check_output (output, argv[1], REC_CLI_OUTPUT_DOCUMENT, FALSE))
    return REC_EXIT_USAGE;

  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: %s is a file name */
      _rec_cli_error (_("“%s”: no such case file"), argv[1]);
      return REC_EXIT_USAGE;
    }

  store = rec_store_open (argv[1], TRUE, &error);
  if (store == NULL || (case_data = rec_store_load_case (store, &error)) == NULL
      || (key = rec_store_dup_case_key (store, &error)) == NULL)
    {
      _rec_cli_error ("%s", error->message);
      return _rec_cli_exit_for_store_error (error);
    }

  text = make_calendar (case_data, key);
  if (!_rec_cli_write_atomically (output, text, strlen (text), &error))
    {
      _rec_cli_error ("%s", error->message);
      return REC_EXIT_FAILED;
    }

  return REC_EXIT_OK;
}
