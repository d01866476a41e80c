// The vitest settings every package shares. Each run also writes test-report.json (a turbo
// output, so cached runs restore it), which scripts/test.sh sums into one closing line.
import { defineConfig, type ViteUserConfig } from 'vitest/config';

export function packageTestConfig(overrides: { testTimeout?: number } = {}): ViteUserConfig {
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts'],
      passWithNoTests: true,
      // CI is a loaded 2-core machine; a test's own bound belongs in the test, these are backstops.
      testTimeout: 30_000,
      hookTimeout: 180_000,
      reporters: ['default', ['json', { outputFile: 'test-report.json' }]],
      ...overrides,
    },
  });
}
