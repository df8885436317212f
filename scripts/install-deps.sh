#!/usr/bin/env bash
# Installs the Debian packages plandeck builds, runs and tests with, but only those missing.
# Uses sudo when not run as root. Safe to run repeatedly: it does nothing when all are present.
set -euo pipefail

packages=(
  g++ cmake ninja-build make pkg-config libicu-dev
  libhpdf-dev libxlsxwriter-dev libyaml-cpp-dev libcli11-dev catch2 libharfbuzz-dev zlib1g-dev
  libdeflate-dev
  fonts-morisawa-bizud-gothic fonts-dejavu-core
  qpdf poppler-utils python3-openpyxl python3-jsonschema python3-yaml
  time valgrind  # /usr/bin/time and callgrind, for bench/run.sh
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
((${#missing[@]} == 0)) && exit 0

echo "plandeck: installing missing packages: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
