export interface BackoffOptions {
  /** Delay after the first failure. */
  initialMs: number;
  /** Ceiling, however many failures. */
  maxMs: number;
}

/** Exponential backoff with jitter for the n-th consecutive failure (n >= 1). */
export function backoffDelay(failures: number, { initialMs, maxMs }: BackoffOptions): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
  // Half fixed, half random: instances that lost the broker together do not return in lockstep.
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
