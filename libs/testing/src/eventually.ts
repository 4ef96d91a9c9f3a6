/** Retries an assertion until it passes or `timeoutMs` is over (then its last error is thrown). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Polls until `check` resolves true, `intervalMs` after each try (longer for a check that costs a
 * process start or a busy engine's time). A check that throws counts as not yet (a container still
 * starting refuses connections). After `timeoutMs` it fails with `what` and the last error.
 */
export async function waitUntil(
  what: string | (() => string | Promise<string>),
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      // Describing the wait may fail the way the check did: the timeout is still what is reported.
      const described =
        typeof what === 'string'
          ? what
          : await Promise.resolve()
              .then(what)
              .catch((error: Error) => `a condition it could not describe (${error.message})`);
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${described}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
