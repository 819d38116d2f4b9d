#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: fetches the gazetteer data and the S3 emulator, starts
# PostgreSQL, then runs `dotnet test`. Extra arguments go to `dotnet test` (for example `--filter FullyQualifiedName~Api`).
# Test results are written as TRX files under artifacts/test-results.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/fetch-gazetteer.sh
scripts/fetch-s3rver.sh
scripts/postgres.sh start
eval "$(scripts/postgres.sh env)"

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test Orleans.sln \
  --configuration Release \
  --logger "trx" \
  --results-directory "$results" \
  "$@"
