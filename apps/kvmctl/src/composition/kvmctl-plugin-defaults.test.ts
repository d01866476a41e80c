import { describe, expect, it } from 'vitest';
import { withKvmctlPluginDefaults } from './kvmctl-plugin-defaults.ts';

describe("kvmctl's plugin option defaults", () => {
  it('asks the base plugin for a PTY serial console, which libvirt can stream', () => {
    expect(withKvmctlPluginDefaults(['base', 'cpu-topology'], {})).toEqual({ base: { serialConsole: 'pty' } });
  });

  it("keeps the user's choice and their other options", () => {
    expect(withKvmctlPluginDefaults(['base'], { base: { serialConsole: 'unix', serialConsoleLog: false } }))
      .toEqual({ base: { serialConsole: 'unix', serialConsoleLog: false } });
    expect(withKvmctlPluginDefaults(['base'], { base: { imageDirectory: '/images' } }))
      .toEqual({ base: { serialConsole: 'pty', imageDirectory: '/images' } });
  });

  it('adds nothing for plugins that are not loaded, and leaves malformed options to the plugin schema', () => {
    expect(withKvmctlPluginDefaults(['cpu-topology'], {})).toEqual({});
    expect(withKvmctlPluginDefaults(['base'], { base: 'pty' })).toEqual({ base: 'pty' });
  });
});
