import { addDays, MAX_RANGE_DAYS } from '@pss/platform';

/** The date ranges, each at most MAX_RANGE_DAYS days, that cover `first` to `last` in order. */
export function snapshotPages(first: string, last: string): [from: string, to: string][] {
  const pages: [string, string][] = [];
  for (let from = first; from <= last; from = addDays(from, MAX_RANGE_DAYS)) {
    const end = addDays(from, MAX_RANGE_DAYS - 1);
    pages.push([from, end < last ? end : last]);
  }
  return pages;
}
