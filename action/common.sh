# Shared by the action's step scripts (sourced, not run): how to run zenith-conform, and the
# inputs every step reads. Inputs arrive as environment variables (INPUT_*), never pasted into
# a script by the workflow, so no input or plugin text can become shell code.

# GitHub workflow-command data escaping (%, CR, LF), for messages that quote an input.
gh_escape() {
  local text=${1//%/%25}
  text=${text//$'\r'/%0D}
  text=${text//$'\n'/%0A}
  printf '%s' "$text"
}

# A mistake in the action's inputs: one annotation and exit 2, as the CLI does for its options.
input_error() {
  printf '::error title=zenith-conform action::%s\n' "$(gh_escape "$1")"
  exit 2
}

# The pinned zenith-conform through npx, with binaryen beside it so that `bench` counts
# instructions (the bench imports binaryen from zenith-conform's own node_modules, where npx
# installs both). ZENITH_CONFORM_BIN runs a local build instead: a path to
# dist/src/cli/main.js, or any executable (tests, a checkout of zenith-conform itself).
zenith_conform() {
  if [ -n "${ZENITH_CONFORM_BIN:-}" ]; then
    case "$ZENITH_CONFORM_BIN" in
      *.js) node "$ZENITH_CONFORM_BIN" "$@" ;;
      *) "$ZENITH_CONFORM_BIN" "$@" ;;
    esac
  else
    npx --yes \
      -p "zenith-conform@${ZENITH_CONFORM_VERSION:?the action sets ZENITH_CONFORM_VERSION}" \
      -p "binaryen@${BINARYEN_VERSION:?the action sets BINARYEN_VERSION}" \
      zenith-conform "$@"
  fi
}

# The plugins input: one path or quoted-glob pattern per line (zenith-conform expands globs
# itself, so none is expanded here); blank lines and surrounding spaces are ignored.
read_plugins() {
  plugins=()
  local line
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    if [ -n "$line" ]; then plugins+=("$line"); fi
  done <<<"${INPUT_PLUGINS:-}"
  if [ "${#plugins[@]}" -eq 0 ] && { [ "${1:-}" != config-allowed ] || ! has_config; }; then
    input_error 'the plugins input is empty: give one .wasm path or glob per line (or, for the conformance gate, a zenith-conform.config.json in the working directory)'
  fi
}

# Whether the working directory has a zenith-conform config (which then names the plugins).
has_config() {
  local name
  for name in zenith-conform.config.json zenith-conform.config.mjs zenith-conform.config.js zenith-conform.config.ts; do
    if [ -f "$name" ]; then return 0; fi
  done
  return 1
}

# Extra options for a command, split on whitespace (no quoting, no glob expansion).
read_extra() {
  extra=()
  if [ -n "${1:-}" ]; then read -r -a extra <<<"$1"; fi
}

reports="${INPUT_REPORTS:-zenith-conform-reports}"
