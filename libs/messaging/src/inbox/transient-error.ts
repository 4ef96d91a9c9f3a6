/**
 * Errors that say the database is unreachable or briefly unhappy rather than that the event cannot be
 * applied: the consumer retries these without limit instead of dead-lettering a good event.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // 08: connection exception; 57P0x: shutdown / cannot connect now; 40001/40P01: retry the tx.
    if (/^08|^57P0[1-3]$|^40001$|^40P01$/.test(code)) return true;
    if (/^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH)$/.test(code)) return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(message)
  );
}
