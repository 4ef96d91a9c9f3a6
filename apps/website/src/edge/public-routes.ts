const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

interface PublicRoute {
  method: 'GET' | 'POST';
  /** The path as the client sent it, undecoded, without the query. */
  path: RegExp;
}

/**
 * The routes passengers use, by service: the only ones the edge forwards. Operator routes (a fare,
 * a flight, the snapshots) and anything else are not reachable through it.
 */
export const PUBLIC_ROUTES: Readonly<Record<string, readonly PublicRoute[]>> = {
  search: [{ method: 'GET', path: /^\/flights$/ }],
  fares: [{ method: 'GET', path: /^\/fares$/ }],
  booking: [
    { method: 'POST', path: /^\/bookings$/ },
    { method: 'GET', path: /^\/bookings$/ },
    { method: 'GET', path: new RegExp(`^/bookings/${UUID}$`) },
    { method: 'POST', path: new RegExp(`^/bookings/${UUID}/cancel$`) },
  ],
  checkin: [
    { method: 'POST', path: /^\/checkins$/ },
    { method: 'GET', path: new RegExp(`^/checkins/${UUID}$`) },
    { method: 'GET', path: /^\/flights\/[A-Z0-9]{2,8}\/\d{4}-\d{2}-\d{2}\/seats$/ },
  ],
};

/** Whether `method path` of `service` is a public route. */
export function isPublicRoute(service: string, method: string, path: string): boolean {
  return (PUBLIC_ROUTES[service] ?? []).some((route) => route.method === method && route.path.test(path));
}
