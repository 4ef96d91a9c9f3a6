/** The value at `quantile` (0 to 1) of `sorted`, which is in ascending order; NaN when it is empty. */
export const percentile = (sorted: readonly number[], quantile: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] : NaN;
