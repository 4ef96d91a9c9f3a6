const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const LEGACY_DATE = /^(\d{2})-([A-Z]{3})-(\d{2})$/;

/**
 * Dates as the legacy routes (the textbook PSS's API) write them, `22-JAN-16`, as YYYY-MM-DD;
 * anything else is left for validation to judge.
 */
export function fromLegacyDate(value: unknown): unknown {
  const match = typeof value === 'string' ? LEGACY_DATE.exec(value.toUpperCase()) : null;
  const month = match ? MONTHS.indexOf(match[2]) + 1 : 0;
  if (!match || month === 0) return value;
  return `20${match[3]}-${String(month).padStart(2, '0')}-${match[1]}`;
}
