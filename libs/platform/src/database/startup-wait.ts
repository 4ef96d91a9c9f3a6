/**
 * How long a starting service waits for its database: under the images' HEALTHCHECK start period
 * (120 s), so that an orchestrator starting everything at once (Swarm has no `depends_on`) finds
 * the service waiting, not exited, while the database initialises on a busy host.
 */
export const DATABASE_STARTUP_WAIT_MS = 90_000;

/** PostgreSQL's refusals that waiting cannot end: these credentials, or no such database. */
const REFUSALS_THAT_LAST = new Set(['28P01', '28000', '3D000']);

/**
 * Whether a failed first connection is tried again: a database that does not answer yet is waited
 * for until `deadline`; one that refuses the password, the user or the database name ends the wait.
 */
export const connectAgainUntil =
  (deadline: number, now: () => number = Date.now) =>
  (error: unknown): boolean =>
    now() < deadline && !REFUSALS_THAT_LAST.has(String((error as { code?: unknown } | null)?.code));
