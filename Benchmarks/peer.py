#!/usr/bin/env python3
"""The Python peer of the wsoa replay benchmark (issue 12).

Reads one journal line by line with json.loads, checks its SHA-256 hash chain (each line's
`prev` must be the SHA-256 of the line before, 64 zeros on the first) and computes what a replay
must: the plan's phase (by the 2016 lifecycle table) and the number of events of each type.
Prints the time taken for the loop (reading the file included), so the benchmark can compare.

Usage: peer.py JOURNAL
"""
import hashlib
import json
import sys
import time


def replay(path):
    phase = None
    counts = {}
    previous = "0" * 64
    with open(path, "rb") as journal:
        for number, raw in enumerate(journal, start=1):
            line = raw[:-1] if raw.endswith(b"\n") else raw
            entry = json.loads(line)
            if entry["prev"] != previous:
                raise SystemExit(f"the hash chain breaks at line {number}")
            previous = hashlib.sha256(line).hexdigest()
            kind = entry["type"]
            counts[kind] = counts.get(kind, 0) + 1
            data = entry["data"]
            if kind == "planCreated":
                phase = "inspected"
            elif kind == "letterPublished" and phase == "inspected":
                phase = "statementDue" if data["statementRequired"] else "noStatementRequired"
            elif kind == "statementSubmitted" and phase == "statementDue":
                phase = "statementUnderReview"
            elif kind == "statementJudged" and phase == "statementUnderReview":
                phase = "monitoring" if data["fit"] else "statementDue"
            elif kind == "revisitReported" and phase == "monitoring":
                sufficient = all(value == "sufficient" for value in data["outcomes"].values())
                phase = "cessationRecommended" if sufficient else "acceleratedProgress"
            elif kind == "monitoringCeased" and phase in ("cessationRecommended", "acceleratedProgress"):
                phase = "closed"
    return phase, counts


def main():
    start, cpu_start = time.perf_counter(), time.process_time()
    phase, counts = replay(sys.argv[1])
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print("seconds", seconds)
    print("cpu", cpu)
    print("events", sum(counts.values()))
    print("phase", phase)
    print("counts", ",".join(f"{key}={counts[key]}" for key in sorted(counts)))


if __name__ == "__main__":
    main()
