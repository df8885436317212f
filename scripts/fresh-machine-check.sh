#!/usr/bin/env bash
# Runs the README's two commands on a brand-new Debian bookworm system: a minimal
# debootstrap chroot with nothing but `make` added, and a clone of the committed tree.
# Proves that `make test` and `make run` install everything they need. Needs root and
# access to the Debian archive. Usage: scripts/fresh-machine-check.sh [CHROOT_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-/tmp/plandeck-fresh}
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
[[ -x $root/bin/bash ]] || debootstrap --variant=minbase bookworm "$root" "$mirror"
cp /etc/resolv.conf "$root/etc/resolv.conf"
for fs in proc dev sys; do
  mountpoint -q "$root/$fs" || mount --bind "/$fs" "$root/$fs"
done
trap 'for fs in proc dev sys; do umount -l "$root/$fs" 2>/dev/null || true; done' EXIT

rm -rf "$root/root/plandeck"
git clone -q "$repo" "$root/root/plandeck"
# The seed comparison reads ../shared/seeds, as in CI.
if [[ -d $repo/../shared ]]; then rm -rf "$root/root/shared"; cp -r "$repo/../shared" "$root/root/shared"; fi

chroot "$root" /bin/bash -euc '
  export DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
  apt-get update -qq && apt-get install -y -qq make >/dev/null
  cd /root/plandeck
  make test
  make run
  ls -l out/'
