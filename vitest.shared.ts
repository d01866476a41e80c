// The vitest settings every package shares. Each run also writes test-report.json (a turbo
// output, so cached runs restore it), which scripts/test.sh sums into one closing line.
import { defineConfig, type ViteUserConfig } from 'vitest/config';

export function packageTestConfig(overrides: { testTimeout?: number } = {}): ViteUserConfig {
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts'],
      passWithNoTests: true,
      reporters: ['default', ['json', { outputFile: 'test-report.json' }]],
      ...overrides,
    },
  });
}
