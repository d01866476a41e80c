import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The iptables commands IptablesPortForwards runs (-w -t <table> -S/-N/-A/-I/-C/-D/-X), each
// chain a file of `-A` lines. Below the real thing: unit tests must not rewrite the firewall of
// a host other engineers' tests share. Tables are not told apart (kvmkit's chain names differ).
const SCRIPT = `#!/bin/bash
state="$FAKE_IPTABLES_STATE"
[ "$1" = -w ] && shift
[ "$1" = -t ] && shift 2
action="$1"; chain="$2"; shift 2
file="$state/$chain"
builtin() { case "$chain" in PREROUTING|OUTPUT|FORWARD|INPUT|POSTROUTING) return 0;; esac; return 1; }
exists() { [ -f "$file" ] || builtin; }
case "$action" in
  -S)
    # hide-chains: the chain looks absent to a listing, as if another process created it just after.
    if [ -f "$state/hide-chains" ] && ! builtin; then echo "iptables: No chain/target/match by that name." >&2; exit 1; fi
    exists || { echo "iptables: No chain/target/match by that name." >&2; exit 1; }
    if builtin; then echo "-P $chain ACCEPT"; else echo "-N $chain"; fi
    [ -f "$file" ] && cat "$file"; exit 0;;
  -N) [ -f "$file" ] && { echo "iptables: Chain already exists." >&2; exit 1; }; : > "$file";;
  -X) rm -f "$file";;
  -A) exists || exit 1; [ -f "$state/fail-append" ] && { echo "iptables: fake refusal." >&2; exit 4; }; echo "-A $chain $*" >> "$file";;
  -I) exists || exit 1; shift; { echo "-A $chain $*"; [ -f "$file" ] && cat "$file"; } > "$file.new"; mv "$file.new" "$file";;
  -C) [ -f "$file" ] && grep -qxF -- "-A $chain $*" "$file" || { echo "iptables: Bad rule." >&2; exit 1; };;
  -D) [ -f "$file" ] && grep -qxF -- "-A $chain $*" "$file" || { echo "iptables: Bad rule." >&2; exit 1; }
      awk -v line="-A $chain $*" 'done || $0 != line { print; next } { done = 1 }' "$file" > "$file.new"; mv "$file.new" "$file";;
  *) echo "fake iptables: $action is not faked" >&2; exit 2;;
esac
`;

/** A fake iptables binary with its state in a temporary directory. */
export interface FakeIptables {
  /** The executable to give `LibvirtHostOperations` as `iptables`. */
  readonly binary: string;
  /** Every chain that exists, with its rules as `iptables -S` lists them. */
  chains(): Record<string, string[]>;
  /** Makes the next commands behave as named (`hide-chains`, `fail-append`) until `clear`. */
  set(behaviour: 'hide-chains' | 'fail-append'): void;
  clear(behaviour: 'hide-chains' | 'fail-append'): void;
  /** Adds a chain with rules, as another program (or kvmkit before a restart) left them. */
  seed(chain: string, rules: string[]): void;
  remove(): void;
}

export function fakeIptables(): FakeIptables {
  const directory = mkdtempSync(join(tmpdir(), 'kvmkit-fake-iptables-'));
  const state = join(directory, 'state');
  const binary = join(directory, 'iptables');
  writeFileSync(binary, `#!/bin/bash\nFAKE_IPTABLES_STATE='${state}' exec /bin/bash '${join(directory, 'iptables.sh')}' "$@"\n`);
  writeFileSync(join(directory, 'iptables.sh'), SCRIPT);
  chmodSync(binary, 0o755);
  mkdirSync(state);
  return {
    binary,
    chains: () => Object.fromEntries(readdirSync(state).filter((name) => /^[A-Z_]+$/.test(name)).sort()
      .map((chain) => [chain, readFileSync(join(state, chain), 'utf8').split('\n').filter((line) => line !== '')])),
    set: (behaviour) => { writeFileSync(join(state, behaviour), ''); },
    clear: (behaviour) => { rmSync(join(state, behaviour), { force: true }); },
    seed: (chain, rules) => { writeFileSync(join(state, chain), rules.map((rule) => `${rule}\n`).join('')); },
    remove: () => { if (existsSync(directory)) rmSync(directory, { recursive: true, force: true }); },
  };
}
