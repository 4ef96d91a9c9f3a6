import { startComposeStack } from '../../src';
import { SYSTEM_STACK_ENV } from './system-stack';

/** One composed stack for every system test file: starting it is most of the suite's time. */
export default async function globalSetup(): Promise<void> {
  const stack = await startComposeStack();
  process.env[SYSTEM_STACK_ENV] = JSON.stringify(stack.address);
}
