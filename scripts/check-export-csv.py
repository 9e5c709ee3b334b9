#!/usr/bin/env python3
"""A developer's check that every export of every shipped plan opens cleanly in Python's csv module.

For each plan in plans/ and each kind, runs `wsoa export PLAN --what KIND` and `--json`, reads the
CSV with csv.reader (after its byte-order mark), and checks: CRLF record ends, one header row,
as many rows as the JSON gives, every cell equal to the JSON's (a neutralised cell with its
leading apostrophe). Python 3 standard library only; not a dependency of wsoa.

Usage: scripts/check-export-csv.py [WSOA_BINARY]
"""
import csv
import io
import json
import os
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    subprocess.run(["swift", "build", "--show-bin-path"], cwd=root, capture_output=True, text=True, check=True).stdout.strip(), "wsoa")
plans = os.path.join(root, "plans")
kinds = ["actions", "measures", "readings", "evidence", "visits", "followups"]
checked = 0
for plan in sorted(p for p in os.listdir(plans) if os.path.isdir(os.path.join(plans, p))):
    for kind in kinds:
        raw = subprocess.run([binary, "export", plan, "--what", kind, "--plans", plans], capture_output=True, check=True).stdout
        assert raw.startswith(b"\xef\xbb\xbf"), (plan, kind, "no byte-order mark")
        text = raw[3:].decode("utf-8")
        assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", ""), (plan, kind, "a record does not end in CRLF")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        rows_json = json.loads(subprocess.run([binary, "export", plan, "--what", kind, "--json", "--plans", plans],
                                              capture_output=True, check=True).stdout)
        header, body = rows[0], rows[1:]
        assert len(body) == len(rows_json), (plan, kind, len(body), len(rows_json))
        for row, obj in zip(body, rows_json):
            assert len(row) == len(header), (plan, kind, row)
            for name, cell in zip(header, row):
                want = obj[name] or ""
                if want[:1] in ("=", "+", "-", "@", "\t", "\r") and cell != want:
                    want = "'" + want
                assert cell == want, (plan, kind, name, cell, want)
        checked += len(body)
print(f"{checked} rows of {len(kinds)} kinds across the shipped plans read cleanly with Python's csv module")
