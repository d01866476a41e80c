#!/usr/bin/env bash
# Fetches a newer libvirt's RelaxNG schemas (Debian's libvirt-common from the development suites)
# into kvmkit's cache, for validating domain XML features that this host's libvirt predates:
# Debian 12 ships libvirt 9.0, whose schema has no <launchSecurity type='sev-snp'> (libvirt 10.5)
# or type='tdx' (libvirt 11). Only the package file is downloaded and unpacked; nothing is
# installed and the host's apt configuration is untouched (apt runs on private list directories).
# Prints the schema directory. Usage: fetch-libvirt-schemas.sh [cache-dir]
set -euo pipefail

cache_dir="${1:-${KVMKIT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kvmkit}}/libvirt-schemas"
if [ -f "$cache_dir/current/domain.rng" ]; then
  echo "$cache_dir/current"
  exit 0
fi

# The Debian archive this host already uses, as its apt sources name it (KVMKIT_DEBIAN_ARCHIVE
# overrides it), not a third party's repository or the security archive.
archive="${KVMKIT_DEBIAN_ARCHIVE:-}"
[ -n "$archive" ] || archive="$(grep -h -E '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
  grep -E '/debian/?([[:space:]]|$)' | grep -v -e security -e updates | head -n 1 |
  sed -E 's/^URIs:[[:space:]]*//; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//; s/[[:space:]].*$//' || true)"
if [ -z "$archive" ]; then
  echo "fetch-libvirt-schemas: no Debian archive found in /etc/apt sources" >&2
  exit 1
fi

work="$(mktemp -d)"
# apt's download sandbox user must be able to write the downloads.
chmod 755 "$work"
log="$work/apt.log"
trap 'rm -rf "$work"' EXIT
for suite in unstable testing; do
  mkdir -p "$work/$suite/lists/partial" "$work/$suite/cache/archives/partial"
  echo "deb $archive $suite main" >"$work/$suite/sources.list"
  # Private lists and package cache: the host's own apt state is neither read nor rewritten.
  apt_options=(-o "Dir::Etc::sourcelist=$work/$suite/sources.list" -o Dir::Etc::sourceparts=-
    -o "Dir::State::Lists=$work/$suite/lists" -o "Dir::Cache=$work/$suite/cache")
  apt-get "${apt_options[@]}" update -qq >>"$log" 2>&1 || continue
  (cd "$work" && apt-get "${apt_options[@]}" download libvirt-common >>"$log" 2>&1) || continue
  package="$(ls "$work"/libvirt-common_*.deb 2>/dev/null | head -n 1)"
  [ -n "$package" ] || continue
  version="$(dpkg-deb -f "$package" Version)"
  dpkg-deb -x "$package" "$work/unpacked"
  mkdir -p "$cache_dir/$version"
  cp -r "$work/unpacked/usr/share/libvirt/schemas/." "$cache_dir/$version/"
  ln -sfn "$version" "$cache_dir/current"
  echo "$cache_dir/current"
  exit 0
done
echo "fetch-libvirt-schemas: libvirt-common could not be downloaded from $archive (unstable, testing); apt said:" >&2
tail -n 5 "$log" >&2
exit 1
