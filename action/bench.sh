#!/usr/bin/env bash
# The action's bench step (input bench: true): benchmarks the plugins into the reports folder's
# bench/ (report.json, report.md, report.html), compared with a baseline report.json when one
# is given, and appends report.md to the job summary.
set -euo pipefail
# shellcheck source=action/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

read_plugins
read_extra "${INPUT_BENCH_ARGS:-}"
options=(--out "$reports/bench")
if [ -n "${INPUT_BASELINE:-}" ]; then options+=(--baseline "$INPUT_BASELINE"); fi

set +e
zenith_conform bench "${options[@]}" "${extra[@]}" -- "${plugins[@]}"
code=$?
set -e
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$reports/bench/report.md" ]; then
  {
    echo
    cat "$reports/bench/report.md"
  } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$code"
