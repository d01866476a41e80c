/** Converts one attribute or text value between its XML spelling and its typed value. */
export interface Codec<V> {
  /** What a valid value looks like, for error messages. */
  readonly description: string;
  /** The typed value, or `undefined` when `raw` has the wrong shape. */
  parse(raw: string): V | undefined;
  format(value: V): string;
}

export const text: Codec<string> = {
  description: 'text',
  parse: (raw) => raw,
  format: (value) => value,
};

const INTEGER = /^\s*[-+]?\d+\s*$/;

/** A decimal integer that fits a JavaScript number exactly. */
export const integer: Codec<number> = {
  description: 'a decimal integer',
  parse: (raw) => {
    if (!INTEGER.test(raw)) return undefined;
    const value = Number(raw);
    return Number.isSafeInteger(value) ? value : undefined;
  },
  format: (value) => {
    if (!Number.isSafeInteger(value)) throw new RangeError(`expected an integer, got ${String(value)}`);
    return String(value);
  },
};

function booleanPair(whenTrue: string, whenFalse: string): Codec<boolean> {
  return {
    description: `'${whenTrue}' or '${whenFalse}'`,
    parse: (raw) => (raw === whenTrue ? true : raw === whenFalse ? false : undefined),
    format: (value) => (value ? whenTrue : whenFalse),
  };
}

/** libvirt's tri-state booleans spelled `yes`/`no` (virTristateBool). */
export const yesNo = booleanPair('yes', 'no');

/** libvirt's tri-state switches spelled `on`/`off` (virTristateSwitch). */
export const onOff = booleanPair('on', 'off');
