/**
 * Runs `work` for each of `items` with at most `limit` calls in flight at a time; the results keep
 * the items' order. What a test needs to send many requests without opening one connection each.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `count` slots for mapWithConcurrency, when only the index matters: 0, 1, … count - 1. */
export function times(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
