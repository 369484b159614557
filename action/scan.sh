#!/usr/bin/env bash
# Runs `policygate scan` with the action's inputs (environment variables PG_*), prints the report (annotations
# with --format github), and writes the step outputs findings, errors, sarif-file, result and exit-code to
# $GITHUB_OUTPUT. It exits 0 whatever was found, so that the SARIF upload still runs; verdict.sh fails the step.
#
# Inputs: PG_PATH (paths, one per line), PG_CONFIG, PG_ENGINE, PG_FAIL_ON, PG_FORMAT, PG_SARIF_FILE,
# PG_CHANGED_SINCE ("auto": the pull request's base from $GITHUB_EVENT_PATH), PG_BASELINE, PG_PARAMETERS
# (KEY=VALUE per line). Optional flags (--config, --engine, --baseline, --parameter, --changed-since) are
# passed only when their input is not empty, so an input left empty never needs the option to exist.
# PG_TOOL overrides the command (default: policygate on PATH).
set -uo pipefail

tool=${PG_TOOL:-policygate}
format=${PG_FORMAT:-github}
fail_on=${PG_FAIL_ON:-error}
sarif=${PG_SARIF_FILE:-}
[ -n "$sarif" ] || sarif="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/policygate.sarif"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"
  fi
}

# Prints a file that may contain text from scanned files with workflow commands switched off, so a line such
# as "::error::..." inside a policy is shown, not obeyed.
show_untrusted() {
  [ -s "$1" ] || return 0
  local token
  token=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  echo "::stop-commands::$token"
  cat "$1"
  echo "::$token::"
}

case "$format" in
  github|text|json|sarif) ;;
  *) echo "::error title=PolicyGate::input format must be github, text, json or sarif, not \"$format\""; output exit-code 2; output result error; exit 0 ;;
esac

args=(scan --format "$format" --fail-on "$fail_on" --sarif-file "$sarif")
[ -n "${PG_CONFIG:-}" ] && args+=(--config "$PG_CONFIG")
[ -n "${PG_ENGINE:-}" ] && args+=(--engine "$PG_ENGINE")
[ -n "${PG_BASELINE:-}" ] && args+=(--baseline "$PG_BASELINE")
while IFS= read -r parameter; do
  parameter=${parameter%$'\r'}
  [ -n "${parameter// }" ] && args+=(--parameter "$parameter")
done <<< "${PG_PARAMETERS:-}"

changed_since=${PG_CHANGED_SINCE:-}
if [ "$changed_since" = auto ]; then
  changed_since=""
  if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
    base=$(jq -r '.pull_request.base.sha // empty' "$GITHUB_EVENT_PATH" 2>/dev/null || true)
    if [ -n "$base" ]; then
      if git cat-file -e "$base^{commit}" 2>/dev/null && git merge-base "$base" HEAD >/dev/null 2>&1; then
        changed_since=$base
      else
        echo "::warning title=PolicyGate::the pull request's base commit ${base:0:12} is not in this clone, so every file is scanned; check out with fetch-depth: 0 to scan only the changed files"
      fi
    fi
  fi
fi
[ -n "$changed_since" ] && args+=(--changed-since "$changed_since")

# "--" ends the options: a path such as "-x" is a path.
args+=(--)
while IFS= read -r path; do
  path=${path%$'\r'}
  [ -n "$path" ] && args+=("$path")
done <<< "${PG_PATH:-.}"

rm -f "$sarif"
"$tool" "${args[@]}" > "$work/stdout" 2> "$work/stderr"
code=$?

if [ "$format" = github ]; then
  # The annotations are escaped workflow commands: the runner must read them.
  cat "$work/stdout"
else
  show_untrusted "$work/stdout"
fi
# Standard error can quote configuration values and paths.
show_untrusted "$work/stderr"

findings=0
errors=0
if [ -f "$sarif" ]; then
  open='[.runs[] | (.results // [])[] | select((.suppressions // []) | length == 0)]'
  findings=$(jq "$open | length" "$sarif")
  errors=$(jq "$open | map(select(.level == \"error\")) | length" "$sarif")
  output sarif-file "$sarif"
fi

case "$code" in
  0) result=pass ;;
  1) result=fail ;;
  *) result=error ;;
esac
output findings "$findings"
output errors "$errors"
output result "$result"
output exit-code "$code"
exit 0
