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

# The bench's text names plugins at the start of lines: workflow commands stay off while it
# prints (a random token resumes them), so a file named ::error::x.wasm stays text.
token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
echo "::stop-commands::$token"
set +e
zenith_conform bench "${options[@]}" "${extra[@]}" -- "${plugins[@]}"
code=$?
set -e
echo "::$token::"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$reports/bench/report.md" ]; then
  {
    echo
    cat "$reports/bench/report.md"
  } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$code"
