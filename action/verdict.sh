#!/usr/bin/env bash
# The action's last step: fails it with the scan's exit code, after the report, summary and SARIF upload.
# Inputs: PG_EXIT_CODE (empty when the scan step did not run), PG_FINDINGS, PG_FAIL_ON.
set -uo pipefail
code=${PG_EXIT_CODE:-}
case "$code" in
  0) exit 0 ;;
  1)
    echo "::error title=PolicyGate::blocking findings at or above \"${PG_FAIL_ON:-error}\" (${PG_FINDINGS:-?} open findings); see the annotations and the job summary"
    exit 1 ;;
  2) echo "::error title=PolicyGate::the scan could not start: a usage, configuration or input error (see the log above)"; exit 2 ;;
  '') echo "::error title=PolicyGate::the scan did not run"; exit 3 ;;
  *) echo "::error title=PolicyGate::the scan did not complete (exit code $code); see the log above"; exit "$code" ;;
esac
