import { isPublicRoute } from './public-routes';

const ID = '6072ed77-f1d6-4ea3-a44f-c419f0944912';

describe('the public routes the edge forwards', () => {
  it.each([
    ['search', 'GET', '/flights'],
    ['fares', 'GET', '/fares'],
    ['booking', 'POST', '/bookings'],
    ['booking', 'GET', '/bookings'],
    ['booking', 'GET', `/bookings/${ID}`],
    ['booking', 'POST', `/bookings/${ID}/cancel`],
    ['checkin', 'POST', '/checkins'],
    ['checkin', 'GET', `/checkins/${ID}`],
    ['checkin', 'GET', '/flights/BF101/2026-12-05/seats'],
  ])('forwards %s %s %s', (service, method, path) => {
    expect(isPublicRoute(service, method, path)).toBe(true);
  });

  it.each([
    ['an operator route', 'search', 'PUT', '/flights/BF101/2026-12-05'],
    ['a fare change', 'fares', 'PUT', '/fares/BF101/2026-12-05'],
    ['a snapshot', 'booking', 'GET', '/inventories/snapshot'],
    ["check-in's own call", 'booking', 'POST', `/bookings/${ID}/check-in`],
    ["check-in's taking back", 'booking', 'DELETE', `/bookings/${ID}/check-in/${ID}`],
    ['metrics', 'search', 'GET', '/metrics'],
    ['a parent path', 'search', 'GET', '/../booking/bookings'],
    ['an encoded parent path', 'search', 'GET', '/%2e%2e/flights'],
    ['an encoded slash', 'booking', 'GET', `/bookings%2F${ID}`],
    ['a double slash', 'search', 'GET', '//flights'],
    ['the registry', 'discovery', 'GET', '/eureka/apps'],
    ['an unknown service', 'nobody', 'GET', '/flights'],
    ['a method the route does not take', 'booking', 'DELETE', `/bookings/${ID}`],
  ])('refuses %s', (_what, service, method, path) => {
    expect(isPublicRoute(service, method, path)).toBe(false);
  });
});
