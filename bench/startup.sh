#!/usr/bin/env bash
# Startup benchmark: wall time of `policygate --version` and of a scan of one small policy, for the
# framework-dependent build (what the dotnet tool package ships) and a ReadyToRun publish.
# Usage: bench/startup.sh [RUNS]   (default 30 runs each; prints mean, median and p90 in milliseconds)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
out=out/bench-startup
rm -rf "$out"
mkdir -p "$out"

dotnet publish src/PolicyGate -c Release -o "$out/fdd" --nologo -v quiet >/dev/null
dotnet publish src/PolicyGate -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/r2r" --nologo -v quiet >/dev/null

cat > "$out/policy.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
JSON

measure() {
  local label=$1
  shift
  "$@" >/dev/null 2>&1 || true # warm the file cache
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { v[NR] = $1; sum += $1 }
    END { printf "| %-44s | %7.1f | %7.1f | %7.1f |\n", label, sum / NR / 1000, v[int((NR + 1) / 2)] / 1000, v[int(NR * 0.9)] / 1000 }'
}

echo "| command ($runs runs) | mean ms | median ms | p90 ms |"
echo "|---|---:|---:|---:|"
measure "framework-dependent: policygate --version" "$out/fdd/PolicyGate" --version
measure "ReadyToRun: policygate --version" "$out/r2r/PolicyGate" --version
measure "framework-dependent: scan one policy" "$out/fdd/PolicyGate" scan "$out/policy.json"
measure "ReadyToRun: scan one policy" "$out/r2r/PolicyGate" scan "$out/policy.json"
