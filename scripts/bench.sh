#!/usr/bin/env bash
# Runs the Dovetail benchmarks: fetches the gazetteer data, builds the stand-in, the API and the benchmark tool in
# Release, then runs the tool. Arguments go to the tool; without any it runs `all` (see docs/benchmarks.md).
# `lake` hosts its silo inside the tool and `warehouse` its loader, so they build only the tool and need neither the
# data nor wrk.
# Usage: ./scripts/bench.sh [pick|get|all|lake|warehouse] [--duration S] [--rounds N] [--events N] [...]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"

if [[ "${1:-}" == "lake" || "${1:-}" == "warehouse" ]]; then
  echo "Building tools/Benchmarks/Dovetail.Benchmarks.csproj (Release)..."
  dotnet build tools/Benchmarks/Dovetail.Benchmarks.csproj -c Release --nologo -v quiet
  # The silo or the loader runs inside the tool, whose project keeps the workstation GC for the pick benchmark.
  # Production silos use the server GC (the web SDK's default), so this run switches to it.
  DOTNET_gcServer=1 exec dotnet tools/Benchmarks/bin/Release/net10.0/Dovetail.Benchmarks.dll "$@"
fi

bash scripts/fetch-gazetteer.sh

# The read benchmark uses wrk when it is on the PATH and an in-process HttpClient loop otherwise. Install it from
# Debian's packages when this runs as root on a machine with apt-get; elsewhere the fallback is used.
if ! command -v wrk >/dev/null 2>&1; then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing wrk from Debian's packages..."
    apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; } \
      || echo "wrk could not be installed; the in-process HttpClient loop generates the load instead." >&2
  else
    echo "wrk is not installed; the in-process HttpClient loop generates the load instead." >&2
  fi
fi

for project in tools/Gazetteer/Dovetail.Gazetteer.csproj src/Api/Dovetail.Api.csproj \
  tools/Benchmarks/Dovetail.Benchmarks.csproj; do
  echo "Building ${project} (Release)..."
  dotnet build "${project}" -c Release --nologo -v quiet
done

if [[ $# -eq 0 ]]; then
  set -- all
fi

# exec makes the tool's exit status the script's: 0 all targets met, 1 a target missed, 2 the run failed.
exec dotnet tools/Benchmarks/bin/Release/net10.0/Dovetail.Benchmarks.dll "$@"
