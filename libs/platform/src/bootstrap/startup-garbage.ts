/**
 * Hands back to the system the memory that starting the service used and will not use again:
 * module factories, metadata scans, the bytecode of code that ran once. V8 keeps the pages its
 * collections free in a pool for reuse, so without this the process idles at its start-up peak;
 * a last-resort collection compacts the heap and releases that pool (ADR 0004).
 *
 * It needs `gc`, which Node defines only when started with --expose-gc, as every service image is
 * (NODE_OPTIONS in its Dockerfile); elsewhere it does nothing. It runs once, before any request,
 * and takes tens of milliseconds.
 */
export function releaseStartupMemory(): boolean {
  if (typeof globalThis.gc !== 'function') return false;
  globalThis.gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return true;
}
