# Shared shell functions for scripts that need npm. Source this file, which defines functions only.

# Installs Debian's npm package when npm is missing and the script runs as root on a machine with apt-get, then
# fails with a message naming the package when npm is still missing. The first argument names the package the
# caller wants npm for.
ensure_npm() {
  local wanted="$1"

  if ! command -v npm >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    # A fresh Debian machine with only the .NET SDK has no npm, and Debian's package brings it with Node.js.
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi

  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is required to fetch ${wanted}; install Node.js and npm, then run this script again." >&2
    return 1
  fi
}
