#!/usr/bin/python3
"""The timed events of a calendar file as python3-icalendar, an independent parser, reads
them: one line "UID DATE HH:MM" each, the start in the zone given (argv[2]), for the import
tests to compare with what huiwu imported. Recurring events (RRULE, RDATE), cancelled ones and events
without a DTSTART date-time are left out; a floating time is in the calendar's X-WR-TIMEZONE, else
in the zone given. An override (RECURRENCE-ID) is named UID/RECURRENCE-ID in UTC, as huiwu
names the occurrence it replaces."""
import datetime
import sys
import zoneinfo

import icalendar

zone = zoneinfo.ZoneInfo(sys.argv[2])
raw = open(sys.argv[1], "rb").read()
if raw.startswith(b"\xef\xbb\xbf"):
    raw = raw[3:]
lines = []
for calendar in icalendar.Calendar.from_ical(raw, multiple=True):
    floating = calendar.get("X-WR-TIMEZONE")
    floating = zoneinfo.ZoneInfo(str(floating)) if floating else zone
    for event in calendar.walk("VEVENT"):
        if event.get("DTSTART") is None or event.get("RRULE") or event.get("RDATE"):
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue  # not busy: a cancelled occurrence is removed
        start = event.decoded("DTSTART")
        if not isinstance(start, datetime.datetime):
            continue
        if start.tzinfo is None:
            start = start.replace(tzinfo=floating)
        start = start.astimezone(zone)
        uid = str(event.get("UID")) if event.get("UID") else "?"
        # An override is the occurrence it replaces: huiwu names it UID/RECURRENCE-ID (UTC).
        if event.get("RECURRENCE-ID") is not None:
            replaced = event.decoded("RECURRENCE-ID")
            if isinstance(replaced, datetime.datetime):
                if replaced.tzinfo is None:
                    replaced = replaced.replace(tzinfo=floating)
                replaced = replaced.astimezone(datetime.timezone.utc)
                uid += "/" + replaced.strftime("%Y%m%dT%H%M%SZ")
            else:
                uid += "/" + replaced.strftime("%Y%m%d")
        lines.append(f"{uid} {start:%Y-%m-%d %H:%M}")
print("\n".join(sorted(lines)))
