// Errors that mean a dependency (the database, a broker, a peer) cannot be reached right now, as
// opposed to a bug: the request may succeed if retried later, so the answer is 503, not 500.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

// PostgreSQL SQLSTATEs: class 08 (connection exception), and the server shutting down, starting
// up, or out of connection slots.
const POSTGRES_STATES = /^(08...|57P01|57P02|57P03|53300)$/;

// node-postgres reports a lost or never-made connection by message only.
const PG_CONNECTION_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect)/;

export function isDependencyUnavailable(error: unknown): boolean {
  // typeof, not instanceof: errors from Node's core come from another realm under jest.
  for (let current = error, depth = 0; typeof current === 'object' && current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_STATES.test(code))) return true;
    if (typeof message === 'string' && PG_CONNECTION_MESSAGES.test(message)) return true;
    // TypeORM wraps the driver's error; Node wraps causes.
    current = (current as { driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
