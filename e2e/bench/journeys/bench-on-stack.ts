import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startComposeStack, type ComposeStack } from '../../src';

/**
 * Runs `bench` on a composed stack of its own (compose project `project`) with a folder for its
 * compose override files; removes both however it ends, and exits non-zero when it failed.
 */
export function benchOnStack(
  project: string,
  bench: (stack: ComposeStack, overrides: string) => Promise<void>,
): void {
  const run = async () => {
    const stack = await startComposeStack({ project });
    const overrides = mkdtempSync(join(tmpdir(), `${project}-`));
    try {
      await bench(stack, overrides);
    } finally {
      rmSync(overrides, { recursive: true, force: true });
      await stack.down();
    }
  };
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
