#!/bin/sh
# Builds the tests' standard roster for one government through the command line, as a clerk
# would: make-fixture.sh HUIWU GOVERNMENT OUTPUT. Built once per build (tests/meson.build);
# every test that needs it works on a copy (fixture_open in tests/fixture.c, which documents the
# roster).
set -eu
huiwu=$1 government=$2 output=$3
rm -f "$output" "$output.tmp" "$output.tmp-wal" "$output.tmp-shm"
export LANGUAGE= LC_ALL=C.UTF-8 HUIWU_TODAY=2026-11-23 HUIWU_DB="$output.tmp"
# The tests' audit key (tests/meson.build), beside the fixtures.
export HUIWU_AUDIT_KEY="$(dirname "$output")/audit.key"
run() { "$huiwu" "$@" >/dev/null; }
run init --gov "$government"
run person add 首长 --title 首长 --role head
run person add 常务副职 --title 常务副职 --role executive_deputy
run person add 副职甲 --title 副职 --role deputy
run person add 副职乙 --title 副职 --role deputy
run person add 办公室主任 --title 办公室主任 --role secretary
run dept add 农业农村局 --deputy 副职甲
run dept add 财政局 --deputy 副职甲 --member-of-executive
run dept add 教育局 --deputy 副职乙
run dept add 司法局 --deputy 副职乙 --function justice_bureau
for department in 农业农村局 财政局 教育局 司法局; do
  run person add "${department}局长" --title 局长 --role department_head --dept "$department"
  case $department in 农业农村局|财政局)
    run person add "${department}副局长" --title 副局长 --role department_deputy --dept "$department"
    run person add "${department}工作人员" --title 科员 --role staff --dept "$department" ;;
  esac
done
# huiwu checkpoints and removes the -wal when it closes: the database is one file.
[ ! -e "$output.tmp-wal" ] || { echo "make-fixture.sh: $output.tmp-wal is left over" >&2; exit 1; }
mv "$output.tmp" "$output"
