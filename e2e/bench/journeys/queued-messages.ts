import type { ComposeStack } from '../../src';

/** The messages waiting in the stack's broker, over every queue (ready and unacknowledged). */
export async function queuedMessages(stack: ComposeStack): Promise<number> {
  const listed = await stack.compose(
    'exec',
    '-T',
    'rabbitmq',
    'rabbitmqctl',
    'list_queues',
    '--quiet',
    '--no-table-headers',
    'messages',
  );
  return listed
    .split('\n')
    .filter((line) => /^\d+$/.test(line.trim()))
    .reduce((sum, line) => sum + Number(line), 0);
}
