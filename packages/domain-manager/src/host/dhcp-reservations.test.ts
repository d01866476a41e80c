import { describe, expect, it } from 'vitest';
import { dhcpHostXml, ownedReservations, reservationName } from './dhcp-reservations.ts';

describe('reservationName', () => {
  it('is <name>.<namespace> when that is a DNS name libvirt takes (a letter first)', () => {
    expect(reservationName('lab/guest')).toBe('guest.lab');
    expect(reservationName('default/web.v2')).toBe('web.v2.default');
  });

  it('is undefined for owners that make no such name', () => {
    for (const owner of ['Lab/Guest', 'lab/guest_1', 'lab/1guest', 'guest', `lab/${'a'.repeat(260)}`]) expect(reservationName(owner)).toBeUndefined();
  });
});

describe('ownedReservations', () => {
  const xml = "<network><name>n</name><ip address='10.0.2.1' prefix='24'><dhcp><range start='10.0.2.2' end='10.0.2.127'/>"
    + "<host mac='02:00:00:00:00:01' name='guest.lab' ip='10.0.2.200'/><host mac='02:00:00:00:00:02' ip='10.0.2.201'/><host mac='02:00:00:00:00:03' name='other.lab' ip='10.0.2.202'/></dhcp></ip></network>";

  it("finds the owner's reservations by name and by the addresses its rules forwarded to, no one else's", () => {
    expect(ownedReservations(xml, 'lab/guest', new Set(['10.0.2.201']))).toEqual([
      { mac: '02:00:00:00:00:01', name: 'guest.lab', ip: '10.0.2.200' },
      { mac: '02:00:00:00:00:02', ip: '10.0.2.201' },
    ]);
    expect(ownedReservations(xml, 'lab/nobody', new Set())).toEqual([]);
  });

  it('writes a reservation back as network-update takes it', () => {
    expect(dhcpHostXml({ mac: '02:00:00:00:00:01', name: 'guest.lab', ip: '10.0.2.200' })).toBe("<host mac='02:00:00:00:00:01' name='guest.lab' ip='10.0.2.200'/>");
    expect(dhcpHostXml({ mac: '02:00:00:00:00:02', ip: '10.0.2.201' })).toBe("<host mac='02:00:00:00:00:02' ip='10.0.2.201'/>");
  });
});
