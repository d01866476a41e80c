import { describe, expect, it } from 'vitest';
import { formatDomainXml } from './format-domain-xml.ts';
import { parseDomainXml } from './parse-domain-xml.ts';
import { DomainXmlError } from './xml/domain-xml-error.ts';

function errorOf(run: () => unknown): DomainXmlError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainXmlError) return error;
    throw error;
  }
  throw new Error('expected a DomainXmlError');
}

describe('errors', () => {
  it('reports malformed XML with its line and column', () => {
    const error = errorOf(() => parseDomainXml("<domain type='kvm'>\n<name>x</nam>\n</domain>"));
    expect(error.path).toBe('/');
    expect(error.reason).toMatch(/^malformed XML at line 2/);
  });

  it('names the path of a wrongly shaped attribute', () => {
    const error = errorOf(() => parseDomainXml("<domain type='kvm'><name>x</name><devices><disk><target dev='vda'/></disk><disk><target dev='vdb' removable='maybe'/></disk></devices></domain>"));
    expect(error.path).toBe('/domain/devices/disk[2]/target/@removable');
    expect(error.reason).toBe(`expected 'on' or 'off', got "maybe"`);
  });

  it('names the path of a wrongly shaped text value', () => {
    const error = errorOf(() => parseDomainXml("<domain type='kvm'><name>x</name><vcpu>two</vcpu></domain>"));
    expect(error.path).toBe('/domain/vcpu');
    expect(error.reason).toContain('a decimal integer');
  });

  it('rejects a second occurrence of a single element', () => {
    expect(errorOf(() => parseDomainXml("<domain type='kvm'><name>a</name><name>b</name></domain>")).path).toBe('/domain/name');
  });

  it('rejects the wrong root element', () => {
    expect(errorOf(() => parseDomainXml('<network/>')).reason).toBe('expected the root element <domain>');
  });

  it('refuses values XML cannot carry when formatting', () => {
    const error = errorOf(() => formatDomainXml({ type: 'kvm', name: 'bad\u0001name' }));
    expect(error.path).toBe('/domain/name');
  });

  it('refuses a non-integer where an integer belongs', () => {
    expect(errorOf(() => formatDomainXml({ type: 'kvm', name: 'x', vcpu: { value: 1.5 } })).path).toBe('/domain/vcpu');
  });
});
