/* rec-report-error.h — the report layer's error domain
 * Copyright 2026 The Recourse authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define REC_REPORT_ERROR (rec_report_error_quark ())

typedef enum
{
  REC_REPORT_ERROR_FAILED,   /* libharu failed */
  REC_REPORT_ERROR_FONT,     /* a font could not be found or loaded */
  REC_REPORT_ERROR_WRITE,    /* the file could not be written */
  REC_REPORT_ERROR_LANGUAGE, /* no catalog for the packet's language */
} RecReportError;

GQuark rec_report_error_quark (void);

G_END_DECLS
