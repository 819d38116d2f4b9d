#!/usr/bin/env bash
# Installs the S3 emulator s3rver 3.7.1 (npm, MIT licence) into tools/s3rver/node_modules for the lake store
# tests. The version is pinned in tools/s3rver/package.json and package-lock.json.
# Safe to run again: it does nothing when that version is already installed.
set -euo pipefail

readonly package="s3rver"
readonly version="3.7.1"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly tool_dir="${repo_root}/tools/s3rver"
readonly installed_manifest="${tool_dir}/node_modules/${package}/package.json"

# shellcheck source=lib/npm.sh
source "${repo_root}/scripts/lib/npm.sh"

installed_version() {
  node -p "require(process.argv[1]).version" "${installed_manifest}" 2>/dev/null || true
}

if [[ -f "${installed_manifest}" ]] && command -v node >/dev/null 2>&1 && [[ "$(installed_version)" == "${version}" ]]; then
  echo "${package}@${version} is already installed in ${tool_dir}/node_modules."
  exit 0
fi

ensure_npm "${package}@${version}"

# With a lock file, npm ci installs exactly the locked tree. Without one, npm install resolves the tree and writes it.
cd "${tool_dir}"
if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi

if [[ "$(installed_version)" != "${version}" ]]; then
  echo "Installing ${package}@${version} into ${tool_dir} failed: found version '$(installed_version)'." >&2
  exit 1
fi

echo "Installed ${package}@${version} in ${tool_dir}/node_modules."
