#!/usr/bin/python3
"""Reads an iCalendar file with python3-icalendar, an independent parser, and prints what it
sees as JSON, so the C tests can compare it with what huiwu exported. Also checks the file's
lines as RFC 5545 wants them: CRLF, at most 75 octets, no UTF-8 character split by a fold.
Exits 1, naming the problem, on anything malformed."""
import json
import sys

import icalendar
from dateutil import rrule

raw = open(sys.argv[1], "rb").read()
problems = []
if raw and not raw.endswith(b"\r\n"):
    problems.append("the file does not end in CRLF")
for number, line in enumerate(raw.split(b"\r\n"), 1):
    if b"\n" in line or b"\r" in line:
        problems.append(f"line {number}: a bare LF or CR")
    if len(line) > 75:
        problems.append(f"line {number}: {len(line)} octets")
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"line {number}: a UTF-8 character split by folding")
if problems:
    print("\n".join(problems[:10]))
    sys.exit(1)

calendar = icalendar.Calendar.from_ical(raw)
result = {
    "version": str(calendar.get("VERSION")),
    "method": str(calendar.get("METHOD")) if calendar.get("METHOD") else None,
    "name": str(calendar.get("NAME")),
    "x_wr_calname": str(calendar.get("X-WR-CALNAME")),
    "x_wr_timezone": str(calendar.get("X-WR-TIMEZONE")),
    "timezones": [str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")],
    "events": [],
    "todos": [],
}
for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART")
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    result["events"].append({
        "uid": str(event.get("UID")),
        "summary": str(event.get("SUMMARY")),
        "description": str(event.get("DESCRIPTION")) if event.get("DESCRIPTION") else None,
        "location": str(event.get("LOCATION")) if event.get("LOCATION") else None,
        "start": start.isoformat(),
        "start_tzid": event["DTSTART"].params.get("TZID"),
        "utc_offset": start.utcoffset().total_seconds() if start.utcoffset() is not None else None,
        "status": str(event.get("STATUS")),
        "sequence": int(event.get("SEQUENCE", 0)),
        "categories": [str(c) for c in event.get("CATEGORIES").cats] if event.get("CATEGORIES") else [],
        "alarms": len(event.walk("VALARM")),
        "attendees": [{
            "address": str(a),
            "cn": str(a.params.get("CN")),
            "role": str(a.params.get("ROLE")),
            "partstat": str(a.params.get("PARTSTAT")),
            "delegated_to": str(a.params.get("DELEGATED-TO")) if a.params.get("DELEGATED-TO") else None,
            "delegated_from": str(a.params.get("DELEGATED-FROM")) if a.params.get("DELEGATED-FROM") else None,
        } for a in attendees],
    })
# Every event's instances, recurrence expanded by python-dateutil: RRULE from DTSTART, less
# EXDATE, plus RDATE, with overrides (RECURRENCE-ID) put in their instances' place.
instances = {}
overrides = {}
for event in calendar.walk("VEVENT"):
    uid = str(event.get("UID"))
    start = event.decoded("DTSTART")
    if event.get("RECURRENCE-ID") is not None:
        overrides.setdefault(uid, {})[event.decoded("RECURRENCE-ID")] = start
        continue
    if event.get("RRULE") is None:
        instances.setdefault(uid, []).append(start)
        continue
    dates = rrule.rruleset()
    dates.rrule(rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
    for name, add in (("EXDATE", dates.exdate), ("RDATE", dates.rdate)):
        values = event.get(name, [])
        for value in values if isinstance(values, list) else [values]:
            for item in value.dts:
                add(item.dt)
    instances.setdefault(uid, []).extend(dates)
for uid, moved in overrides.items():
    instances[uid] = sorted(moved.get(when, when) for when in instances.get(uid, []))
result["instances"] = sorted(when.isoformat() for whens in instances.values() for when in whens)
for todo in calendar.walk("VTODO"):
    result["todos"].append({
        "uid": str(todo.get("UID")),
        "due": todo.decoded("DUE").isoformat(),
        "summary": str(todo.get("SUMMARY")),
        "related_to": str(todo.get("RELATED-TO")),
        "description": str(todo.get("DESCRIPTION")),
        "summary": str(todo.get("SUMMARY")),
    })
print(json.dumps(result, ensure_ascii=False))
