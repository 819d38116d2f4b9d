#!/usr/bin/env bash
# Runs the Dovetail demo from a fresh clone. It fetches the gazetteer data and builds the gazetteer stand-in, the API
# and the demo driver in Release. Then it runs the driver, which starts both services on free loopback ports, sends
# submissions, prints a summary and stops the services. Arguments go to the driver (see --help).
# Usage: ./scripts/demo.sh [--count N] [--concurrency N] [--seed N] [...]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"

# --help needs neither the data nor the services, so it skips straight to the driver once that is built.
wants_help=false
for argument in "$@"; do
  if [[ "${argument}" == "--help" || "${argument}" == "-h" ]]; then
    wants_help=true
  fi
done

if [[ "${wants_help}" == false ]]; then
  if [[ -x scripts/fetch-gazetteer.sh ]]; then
    scripts/fetch-gazetteer.sh
  elif [[ -f scripts/fetch-gazetteer.sh ]]; then
    bash scripts/fetch-gazetteer.sh
  else
    echo "scripts/fetch-gazetteer.sh is missing, so the demo expects tools/Gazetteer/data/cities.json to exist." >&2
  fi
fi

projects=(tools/Gazetteer/Dovetail.Gazetteer.csproj src/Api/Dovetail.Api.csproj tools/Demo/Dovetail.Demo.csproj)
if [[ "${wants_help}" == true ]]; then
  projects=(tools/Demo/Dovetail.Demo.csproj)
fi

for project in "${projects[@]}"; do
  echo "Building ${project} (Release)..."
  dotnet build "${project}" -c Release --nologo -v quiet
done

# exec hands signals (Ctrl-C, SIGTERM) straight to the driver, which stops the services it started.
# It also makes the driver's exit code the script's exit code.
exec dotnet tools/Demo/bin/Release/net10.0/Dovetail.Demo.dll "$@"
