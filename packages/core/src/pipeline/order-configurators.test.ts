import { describe, expect, it } from 'vitest';
import type { Configurator } from '../configurator/v1/configurator.ts';
import { KvmkitError } from '../errors/kvmkit-error.ts';
import { orderConfigurators, type RegisteredConfigurator } from './order-configurators.ts';

function entry(name: string, constraints: Partial<Pick<Configurator, 'phase' | 'after' | 'before'>> = {}, plugin = 'test'): RegisteredConfigurator {
  return { plugin, configurator: { specificationVersion: 'v1', name, configure: () => undefined, ...constraints } };
}

const names = (entries: readonly RegisteredConfigurator[]): string[] => entries.map((item) => item.configurator.name);

function orderError(entries: RegisteredConfigurator[]): KvmkitError {
  try {
    orderConfigurators(entries);
  } catch (error) {
    if (KvmkitError.isInstance(error)) return error;
  }
  throw new Error('expected a KvmkitError');
}

describe('orderConfigurators', () => {
  it('keeps registration order when nothing constrains it', () => {
    expect(names(orderConfigurators([entry('c'), entry('a'), entry('b')]))).toEqual(['c', 'a', 'b']);
  });

  it('runs pre, then normal, then post, keeping registration order inside each tier', () => {
    const ordered = orderConfigurators([entry('late', { phase: 'post' }), entry('x'), entry('first', { phase: 'pre' }), entry('y'), entry('early', { phase: 'pre' })]);
    expect(names(ordered)).toEqual(['first', 'early', 'x', 'y', 'late']);
  });

  it('honours after and before, moving only what must move', () => {
    const ordered = orderConfigurators([entry('disks', { after: ['controllers'] }), entry('memory'), entry('controllers'), entry('cpu', { before: ['memory'] })]);
    expect(names(ordered)).toEqual(['controllers', 'disks', 'cpu', 'memory']);
  });

  it('ignores constraints on configurators a slim agent did not register', () => {
    expect(names(orderConfigurators([entry('a', { after: ['not-here'] }), entry('b', { before: ['gone'] })]))).toEqual(['a', 'b']);
  });

  it('rejects a cycle and names its members in order', () => {
    const error = orderError([entry('a', { after: ['c'] }), entry('b', { after: ['a'] }), entry('c', { after: ['b'] }), entry('d', { after: ['c'] })]);
    expect(error.code).toBe('CONFIGURATOR_ORDER_CYCLE');
    expect(error.message).toMatch(/cycle: (a → b → c → a|b → c → a → b|c → a → b → c)/);
  });

  it('rejects a constraint that contradicts the tiers', () => {
    const error = orderError([entry('early', { phase: 'pre', after: ['normal-one'] }), entry('normal-one')]);
    expect(error.code).toBe('CONFIGURATOR_ORDER_CYCLE');
    expect(error.message).toContain("'normal-one' (normal, plugin 'test') must run before 'early' (pre, plugin 'test')");
  });

  it('rejects duplicate names, naming both plugins', () => {
    const error = orderError([entry('memory', {}, 'base'), entry('memory', {}, 'acme')]);
    expect(error.code).toBe('CONFIGURATOR_DUPLICATE_NAME');
    expect(error.message).toBe("configurator 'memory' is registered twice: by plugin 'base' and by plugin 'acme'");
  });

  it('is deterministic for the same input', () => {
    const input = [entry('z', { phase: 'post' }), entry('m', { after: ['a'] }), entry('a'), entry('q', { before: ['a'] })];
    expect(names(orderConfigurators(input))).toEqual(names(orderConfigurators(input)));
    expect(names(orderConfigurators(input))).toEqual(['q', 'a', 'm', 'z']);
  });
});
