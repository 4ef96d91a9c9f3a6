import { MAX_RANGE_DAYS } from '@pss/platform';

const addDays = (date: string, days: number): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

/** The date ranges, each at most MAX_RANGE_DAYS days, that cover `first` to `last` in order. */
export function snapshotPages(first: string, last: string): [from: string, to: string][] {
  const pages: [string, string][] = [];
  for (let from = first; from <= last; from = addDays(from, MAX_RANGE_DAYS)) {
    const end = addDays(from, MAX_RANGE_DAYS - 1);
    pages.push([from, end < last ? end : last]);
  }
  return pages;
}
