#!/usr/bin/env bash
# The action's conformance step: checks the plugins, writing annotations and the job summary
# (zenith-conform does both when GITHUB_ACTIONS=true) and report.json, junit.xml and
# results.sarif into the reports folder; exits with zenith-conform's exit code.
set -euo pipefail
# shellcheck source=action/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# With no plugins input, zenith-conform reads them (and their contracts) from the config.
read_plugins config-allowed
read_extra "${INPUT_ARGS:-}"
options=()
case "${INPUT_DEPTH:-quick}" in
  quick) ;;
  thorough) options+=(--thorough) ;;
  *) input_error "depth must be quick or thorough, got: ${INPUT_DEPTH}" ;;
esac
case "${INPUT_STRICT:-false}" in
  true) options+=(--strict) ;;
  false) ;;
  *) input_error "strict must be true or false, got: ${INPUT_STRICT}" ;;
esac
if [ -n "${INPUT_EXPECT:-}" ]; then options+=(--expect "$INPUT_EXPECT"); fi

mkdir -p "$reports"
set +e
zenith_conform "${options[@]}" "${extra[@]}" \
  --json-file "$reports/report.json" \
  --junit "$reports/junit.xml" \
  --sarif "$reports/results.sarif" \
  ${plugins[@]+-- "${plugins[@]}"}
code=$?
set -e
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$code"
    echo "reports=$reports"
  } >>"$GITHUB_OUTPUT"
fi
exit "$code"
