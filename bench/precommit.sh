#!/usr/bin/env bash
# pre-commit benchmark: wall and CPU time of the PolicyGate hook on five changed files, as pre-commit installs
# it (language: dotnet, i.e. `dotnet pack -c Release` of this repository, ReadyToRun), compared with a
# framework-dependent (JIT-only) pack of the same code, and the whole `pre-commit run` around it.
# Usage: bench/precommit.sh [RUNS]   (default 20; needs git, dotnet and pre-commit)
# Prints a Markdown table: mean, median and p90 wall milliseconds, and mean CPU (user+sys) milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
command -v pre-commit >/dev/null || { echo "bench/precommit.sh: pre-commit is not installed (apt-get install -y pre-commit)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home" POLICYGATE_CACHE_DIR="$work/policygate-cache" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

# The hook repository: this working tree as it is, committed once in a scratch copy.
mkdir "$work/hook"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -f "$f" ] && mkdir -p "$work/hook/$(dirname "$f")" && cp "$f" "$work/hook/$f"
done
git -C "$work/hook" init -q && git -C "$work/hook" add -A && git -C "$work/hook" -c commit.gpgsign=false commit -q -m hook
rev=$(git -C "$work/hook" rev-parse HEAD)

# The project: five changed files (three JSON policies, a YAML policy, a CloudFormation template) among others.
project="$work/project"
mkdir -p "$project/iam" "$project/infra"
git -C "$project" init -q
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: policygate\n' "$work/hook" "$rev" > "$project/.pre-commit-config.yaml"
cp examples/policies/iam/s3-read-only.json examples/policies/iam/deploy-role-trust.json examples/policies/iam/ops-break-glass.json examples/policies/iam/billing-readonly.yaml "$project/iam/"
cat > "$project/infra/stack.yaml" <<'YAML'
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ReportsRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: reports
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, s3:ListBucket]
                Resource: !Sub 'arn:${AWS::Partition}:s3:::reports-${AWS::AccountId}/*'
YAML
# A typical policygate.yaml (read by every run).
printf 'fail-on: error\nexclude: ["**/fixtures/**"]\nrules:\n  PG1002: warning\nsuppressions:\n  - rule: PG2004\n    path: legacy/**\n    reason: legacy account\n' > "$project/policygate.yaml"
for i in $(seq 1 40); do cp examples/policies/iam/s3-read-only.json "$project/iam/unchanged-$i.json"; done
files=(iam/s3-read-only.json iam/deploy-role-trust.json iam/ops-break-glass.json iam/billing-readonly.yaml infra/stack.yaml)
git -C "$project" add -A

echo "installing the hook (pre-commit packs the repository)..." >&2
start=$(date +%s%N)
(cd "$project" && pre-commit install-hooks >/dev/null)
echo "hook installed in $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
hook_tool=$(ls -d "$PRE_COMMIT_HOME"/repo*/dotnetenv-default/bin)/policygate

echo "packing a framework-dependent (JIT-only) tool for comparison..." >&2
dotnet pack "$work/hook/src/PolicyGate" -c Release -p:PolicyGateReadyToRun=false -o "$work/fdd-pkg" --nologo -v quiet >/dev/null
printf '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>' > "$work/nuget.config"
dotnet tool install PolicyGate --tool-path "$work/fdd-tool" --configfile "$work/nuget.config" --add-source "$work/fdd-pkg" >/dev/null

measure() {
  local label=$1
  shift
  (cd "$project" && "$@" >/dev/null 2>&1) || true # warm the file cache
  local walls=() cpu=0
  for _ in $(seq "$runs"); do
    (cd "$project" && /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>&1) || true
    read -r e u s < <(tail -n 1 "$work/time")
    walls+=("$(awk -v e="$e" 'BEGIN { printf "%d", e * 1000 }')")
    cpu=$(awk -v c="$cpu" -v u="$u" -v s="$s" 'BEGIN { printf "%d", c + (u + s) * 1000 }')
  done
  printf '%s\n' "${walls[@]}" | sort -n | awk -v label="$label" -v cpu="$cpu" -v n="$runs" '
    { v[NR] = $1; sum += $1 }
    END { printf "| %-58s | %7.0f | %7.0f | %7.0f | %7.0f |\n", label, sum / NR, v[int((NR + 1) / 2)], v[int(NR * 0.9)], cpu / n }'
}

echo "| five changed files ($runs runs; load average $(cut -d' ' -f1-3 /proc/loadavg)) | mean ms | median ms | p90 ms | CPU ms |"
echo "|---|---:|---:|---:|---:|"
measure "hook command, ReadyToRun (as pre-commit installs it)" "$hook_tool" scan --include-referencing "${files[@]}"
measure "hook command, framework-dependent (JIT only)" "$work/fdd-tool/policygate" scan --include-referencing "${files[@]}"
measure "hook command, ReadyToRun, configuration cache off" env POLICYGATE_CACHE_DIR=off "$hook_tool" scan --include-referencing "${files[@]}"
measure "hook command, ReadyToRun, without --include-referencing" "$hook_tool" scan "${files[@]}"
measure "\`policygate --version\`, ReadyToRun" "$hook_tool" --version
measure "\`pre-commit run --files\` (pre-commit itself included)" pre-commit run --files "${files[@]}"
