/** YYYY-MM-DD, `days` after today (UTC): flight dates for tests and benchmarks. */
export const daysFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
