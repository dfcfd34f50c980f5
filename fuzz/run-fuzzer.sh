#!/bin/sh
# Runs one libFuzzer harness on a copy of its seed corpus for SECONDS and reports in TAP:
# run-fuzzer.sh FUZZER CORPUS SECONDS. A crash leaves its input (crash-*) in the working folder
# and the fuzzer's report in the test log; reproduce with: FUZZER crash-FILE.
fuzzer=$1 corpus=$2 seconds=$3
name=$(basename "$fuzzer")
work=$(mktemp -d "${TMPDIR:-/tmp}/huiwu-$name-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work" # the harnesses' own files go with it
cp -r "$corpus"/. "$work/corpus/" 2>/dev/null || { mkdir -p "$work/corpus" && cp -r "$corpus"/. "$work/corpus/"; }
echo "1..1"
# -rss_limit_mb and -timeout bound each input; leaks are reported (ASan's detect_leaks).
if "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" >"$work/log" 2>&1; then
  echo "ok 1 - $name ran $seconds s without a finding"
  grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$work/log" | sed 's/^/# /'
else
  echo "not ok 1 - $name found a problem"
  sed 's/^/# /' "$work/log" | tail -n 60
  for artifact in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
    [ -e "$artifact" ] || continue
    kept=$(basename "$artifact")
    cp "$artifact" "./$kept" && echo "# input kept as $(pwd)/$kept"
  done
fi
