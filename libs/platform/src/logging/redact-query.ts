/**
 * A request URL as a log line may show it: the path, and of the query only the parameter names
 * (`/bookings?reference&lastName`): values such as a booking reference and a passenger's name
 * are personal data, and a log is read by more people than the booking.
 */
export function redactQuery(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const names = new Set(new URLSearchParams(url.slice(start + 1)).keys());
  return names.size === 0 ? url.slice(0, start) : `${url.slice(0, start)}?${[...names].join('&')}`;
}
