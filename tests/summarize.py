#!/usr/bin/env python3
"""Counts test cases in meson's test logs and prints 'N passed, N failed'.

Each test program reports its cases in TAP (cmocka with CMOCKA_MESSAGE_OUTPUT=TAP). A program
that failed without reporting a failed case (a crash, a sanitizer report) counts as one
failure, and a log that is missing counts as one failure too, so nothing fails silently."""
import json
import re
import sys

passed = failed = 0
for path in sys.argv[1:]:
    try:
        entries = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    except OSError:
        print(f"missing test log {path}")
        failed += 1
        continue
    for entry in entries:
        out = entry.get("stdout") or ""
        ok = len(re.findall(r"^ok \d+", out, re.M))
        not_ok = len(re.findall(r"^not ok \d+", out, re.M))
        passed += ok
        failed += not_ok
        if entry.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and not_ok == 0:
            print(f"{path}: {entry.get('name')} ended {entry.get('result')} without a failed case")
            failed += 1
if passed + failed == 0:
    print("no test ran")
    failed = 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
