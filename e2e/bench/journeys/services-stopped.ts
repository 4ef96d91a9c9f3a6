import { PGBENCH_MARKS } from '@pss/bench';
import { waitUntil } from '@pss/testing';
import type { ComposeStack } from '../../src';
import { queuedMessages } from './queued-messages';

/** The services a journey crosses: stopped while a floor has their machine and databases. */
const JOURNEY_SERVICES = ['website', 'search', 'booking', 'checkin'];
/** The services whose outbox the floors write to (their statements are theirs). */
const WRITERS = ['booking', 'checkin'];
// What of pgbench's writes the services would act on once started: its events, which no consumer
// could apply, and its bookings' check-in agreements, which no check-in will confirm (check-in
// would settle each with booking).
const FORGET_PGBENCH: [service: string, sql: string][] = [
  ...WRITERS.map((service): [string, string] => [
    service,
    `DELETE FROM outbox_messages WHERE aggregate_id = '${PGBENCH_MARKS.aggregate}' AND sent_at IS NULL`,
  ]),
  [
    'booking',
    `UPDATE bookings SET checkin_unconfirmed_since = NULL
      WHERE request_hash = '${PGBENCH_MARKS.requestHash}' AND checkin_unconfirmed_since IS NOT NULL`,
  ],
];

/**
 * `measure`'s result, measured with the services a journey crosses stopped. They are started again
 * after it, what they would do of pgbench's writes undone first, and it resolves once they have
 * published the rest of what was written meanwhile and every queue is empty (search then shows
 * the seats a floor sold). A service comes back at another address: ask for it again.
 */
export async function withServicesStopped<T>(stack: ComposeStack, measure: () => Promise<T>): Promise<T> {
  await stack.compose('stop', ...JOURNEY_SERVICES);
  try {
    return await measure();
  } finally {
    for (const [service, sql] of FORGET_PGBENCH) await stack.sqlAsOperator(service, sql);
    // --no-recreate: a service recreated with settings of the bench's keeps them.
    await stack.compose('up', '--detach', '--wait', '--no-deps', '--no-recreate', ...JOURNEY_SERVICES);
    await waitUntil(
      'the services to publish and apply what was written meanwhile',
      caughtUp(stack),
      300_000,
      1_000,
    );
  }
}

const caughtUp = (stack: ComposeStack) => async () => {
  for (const service of WRITERS) {
    const [unsent] = await stack.sqlAsOperator(
      service,
      'SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND parked_at IS NULL',
    );
    if (Number(unsent) > 0) return false;
  }
  return (await queuedMessages(stack)) === 0;
};
