#!/usr/bin/env bash
# Installs PolicyGate from the action's own checkout ($GITHUB_ACTION_PATH) as a dotnet tool in $PG_TOOL_DIR and
# puts it on the PATH of the following steps ($GITHUB_PATH). The package source is only the freshly packed
# project (a nuget.config with <clear/>), so no other "PolicyGate" package can be picked up.
set -euo pipefail
: "${GITHUB_ACTION_PATH:?install.sh runs inside the action (GITHUB_ACTION_PATH is not set)}"
tool_dir=${PG_TOOL_DIR:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/policygate-tool}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "::group::Pack PolicyGate from $GITHUB_ACTION_PATH"
dotnet pack "$GITHUB_ACTION_PATH/src/PolicyGate/PolicyGate.csproj" -c Release -o "$work/packages" --nologo -v quiet
echo "::endgroup::"

cat > "$work/nuget.config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /></packageSources></configuration>
XML
rm -rf "$tool_dir"
dotnet tool install PolicyGate --tool-path "$tool_dir" --configfile "$work/nuget.config" --add-source "$work/packages"
"$tool_dir/policygate" --version
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$tool_dir" >> "$GITHUB_PATH"
fi
