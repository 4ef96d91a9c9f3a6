import { reportOpenHandles } from '@pss/testing';
import { systemStack } from './system-stack';

/**
 * Removes the stack, volumes included; first shows what a failed run needs to be understood (the
 * image checks stop each container on purpose: an exit with 0 is no news).
 */
export default async function globalTeardown(): Promise<void> {
  const stack = systemStack();
  const states = await stack.compose('ps', '--all', '--format', '{{.Service}} {{.State}} {{.Status}}');
  const unhealthy = states
    .split('\n')
    .filter((line) => line && !/running .*\(healthy\)|running Up|exited Exited \(0\)/.test(line));
  if (unhealthy.length > 0) console.warn(`containers not healthy at the end:\n${unhealthy.join('\n')}`);
  await stack.down();
  await reportOpenHandles('the system suite');
}
