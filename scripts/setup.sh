#!/usr/bin/env bash
# Provisions everything kvmkit needs on a fresh Debian 12 machine that has only Node and npm:
#   - Node 24 LTS from the npm registry when the machine's Node is older than 22.12 (Node 20 is
#     past end of life; vitest 5, changesets 3 and eslint 10 need a newer one),
#   - pnpm at the version pinned in package.json's "packageManager",
#   - the Debian host packages (libvirt daemon, QEMU, swtpm, OVMF, xmllint, and the parts of the
#     tiny test guest: kernel, busybox, qemu-guest-agent),
#   - a newer libvirt's RelaxNG schemas, unpacked into the cache (scripts/fetch-libvirt-schemas.sh),
#   - the workspace's npm dependencies.
# Safe to run again: each step checks first. Source it (`. scripts/setup.sh`) to keep the PATH it sets.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolchain_dir="${KVMKIT_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kvmkit/toolchain}"
min_node="22.12.0"
provisioned_node_major="24"
host_packages=(libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils swtpm swtpm-tools ovmf
  libxml2-utils busybox-static linux-image-amd64 qemu-guest-agent cpio python3-libvirt gnutls-bin genisoimage virtinst zsh
  dnsmasq-base iptables)

say() { printf '[setup] %s\n' "$*"; }

version_at_least() { # $1 >= $2, dotted numeric versions
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

ensure_node() {
  local current=""
  current="$(node -p 'process.versions.node' 2>/dev/null || true)"
  if [ -n "$current" ] && version_at_least "$current" "$min_node"; then
    say "Node $current (supported: >=$min_node, Node $provisioned_node_major LTS recommended)"
    return
  fi
  local node_prefix="$toolchain_dir/node$provisioned_node_major"
  if [ ! -x "$node_prefix/node_modules/.bin/node" ] ||
    ! version_at_least "$("$node_prefix/node_modules/.bin/node" -p 'process.versions.node')" "$min_node"; then
    say "Node ${current:-none} is older than $min_node; installing Node $provisioned_node_major LTS from the npm registry into $node_prefix"
    mkdir -p "$node_prefix"
    npm install --prefix "$node_prefix" --no-audit --no-fund --loglevel=error "node@$provisioned_node_major" >/dev/null
  fi
  export PATH="$node_prefix/node_modules/.bin:$PATH"
  say "using Node $(node -p 'process.versions.node') from $node_prefix (the machine's Node ${current:-none} is too old)"
}

ensure_pnpm() {
  local wanted
  wanted="$(node -p "require('$repo_root/package.json').packageManager.split('@')[1]")"
  if [ "$(pnpm --version 2>/dev/null || true)" = "$wanted" ]; then return; fi
  local pnpm_prefix="$toolchain_dir/pnpm$wanted"
  if [ ! -x "$pnpm_prefix/node_modules/.bin/pnpm" ]; then
    say "installing pnpm $wanted into $pnpm_prefix"
    mkdir -p "$pnpm_prefix"
    npm install --prefix "$pnpm_prefix" --no-audit --no-fund --loglevel=error "pnpm@$wanted" >/dev/null
  fi
  export PATH="$pnpm_prefix/node_modules/.bin:$PATH"
  say "pnpm $(pnpm --version)"
}

ensure_host_packages() {
  if ! command -v dpkg-query >/dev/null; then
    say "not a Debian-based host: install these yourself: ${host_packages[*]}"
    return
  fi
  local missing=()
  for package in "${host_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then say "host packages present"; return; fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing host packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_newer_libvirt_schemas() {
  local schemas
  if schemas="$(bash "$repo_root/scripts/fetch-libvirt-schemas.sh")"; then
    say "newer libvirt schemas (for XML this host's libvirt predates): $schemas"
  else
    say "could not fetch newer libvirt schemas; the sev-snp/tdx schema tests will fail and say so"
  fi
}

ensure_workspace_dependencies() {
  cd "$repo_root"
  say "installing workspace dependencies"
  if [ -n "${CI:-}" ]; then
    pnpm install --frozen-lockfile --reporter=append-only
  else
    pnpm install --reporter=append-only
  fi
}

ensure_node
ensure_pnpm
ensure_host_packages
ensure_newer_libvirt_schemas
ensure_workspace_dependencies
