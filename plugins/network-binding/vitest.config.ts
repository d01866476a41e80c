import { packageTestConfig } from '../../vitest.shared.ts';

// The boot test waits for a TCG guest on a shared 2-core machine.
export default packageTestConfig({ testTimeout: 30_000 });
