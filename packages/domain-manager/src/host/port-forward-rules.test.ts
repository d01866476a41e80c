import { describe, expect, it } from 'vitest';
import { forwardRules, listedRules, ownerComment } from './port-forward-rules.ts';

describe('forwardRules', () => {
  it('gives each port a PREROUTING and an OUTPUT DNAT and a FORWARD accept, marked with the owner', () => {
    const rules = forwardRules('lab/guest', '10.0.2.200', [{ protocol: 'tcp', hostPort: 8080, guestPort: 80 }]);
    expect(rules.map((rule) => `${rule.table} ${rule.chain} ${rule.args.join(' ')}`)).toEqual([
      'nat KVMKIT_PREROUTING -m addrtype --dst-type LOCAL -p tcp -m tcp --dport 8080 -m comment --comment kvmkit:lab/guest -j DNAT --to-destination 10.0.2.200:80',
      'nat KVMKIT_OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -p tcp -m tcp --dport 8080 -m comment --comment kvmkit:lab/guest -j DNAT --to-destination 10.0.2.200:80',
      'filter KVMKIT_FORWARD -d 10.0.2.200/32 -p tcp -m tcp --dport 80 -m conntrack --ctstate DNAT -m comment --comment kvmkit:lab/guest -j ACCEPT',
    ]);
  });

  it('refuses an owner that would not survive as one iptables comment word', () => {
    expect(() => ownerComment('lab/my guest')).toThrow('owner: "lab/my guest" is not a namespace/name');
  });
});

describe('listedRules', () => {
  it('reads owner, protocol and port back from iptables -S, quoted comments included', () => {
    const listing = [
      '-N KVMKIT_PREROUTING',
      '-A KVMKIT_PREROUTING -p udp -m addrtype --dst-type LOCAL -m udp --dport 53 -m comment --comment "kvmkit:lab/dns" -j DNAT --to-destination 10.0.2.130:53',
      '-A KVMKIT_PREROUTING -p tcp -m tcp --dport 22 -j ACCEPT',
    ].join('\n');
    expect(listedRules(listing, 'KVMKIT_PREROUTING')).toEqual([
      { args: ['-p', 'udp', '-m', 'addrtype', '--dst-type', 'LOCAL', '-m', 'udp', '--dport', '53', '-m', 'comment', '--comment', 'kvmkit:lab/dns', '-j', 'DNAT', '--to-destination', '10.0.2.130:53'], owner: 'lab/dns', protocol: 'udp', destinationPort: 53, forwardedTo: '10.0.2.130' },
      { args: ['-p', 'tcp', '-m', 'tcp', '--dport', '22', '-j', 'ACCEPT'], owner: undefined, protocol: 'tcp', destinationPort: 22, forwardedTo: undefined },
    ]);
  });
});
