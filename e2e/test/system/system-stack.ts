import { composeStack, type ComposeStack, type ComposeStackAddress } from '../../src';

/** Where the system suite's global setup leaves the address of the stack it started. */
export const SYSTEM_STACK_ENV = 'PSS_SYSTEM_STACK';

/** The stack the system suite's global setup started. */
export function systemStack(): ComposeStack {
  const address = process.env[SYSTEM_STACK_ENV];
  if (!address)
    throw new Error(`${SYSTEM_STACK_ENV} is not set: run system tests through jest.system.config.ts`);
  return composeStack(JSON.parse(address) as ComposeStackAddress);
}
