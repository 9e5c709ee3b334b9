#!/usr/bin/env python3
"""A developer's check that `wsoa deadlines --format ics` parses with a standard iCalendar parser.

Needs the PyPI package `icalendar` (`pip install icalendar`); it is never a dependency of wsoa.
Runs the command over the shipped plans at a few as-of days and checks that the file parses,
that it holds one VEVENT per deadline `--json` lists, each all-day with a unique UID and one
VALARM, and that every line is CRLF-terminated and at most 75 octets.

Usage: scripts/check-deadlines-ics.py [WSOA_BINARY]
"""
import json
import os
import subprocess
import sys

from icalendar import Calendar

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    subprocess.run(["swift", "build", "--show-bin-path"], cwd=root, capture_output=True, text=True, check=True).stdout.strip(), "wsoa")
plans = os.path.join(root, "plans")
events = 0
for as_of in ["2019-06-01", "2023-11-27", "2025-09-01", "2026-12-03"]:
    raw = subprocess.run([binary, "deadlines", "--format", "ics", "--as-of", as_of, "--plans", plans], capture_output=True).stdout
    listed = json.loads(subprocess.run([binary, "deadlines", "--json", "--as-of", as_of, "--plans", plans], capture_output=True).stdout)
    for line in raw.split(b"\r\n")[:-1]:
        assert b"\n" not in line and len(line) <= 75, (as_of, line)
    calendar = Calendar.from_ical(raw)
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == len(listed), (as_of, len(vevents), len(listed))
    uids = [str(event["UID"]) for event in vevents]
    assert len(set(uids)) == len(uids), (as_of, "duplicate UIDs")
    for event in vevents:
        assert event["DTSTART"].params.get("VALUE") == "DATE", (as_of, event["UID"])
        assert len(event.walk("VALARM")) == 1, (as_of, event["UID"])
    events += len(vevents)
print(f"{events} events at 4 as-of days parse with icalendar {__import__('icalendar').__version__}: all-day, unique UIDs, one reminder each")
