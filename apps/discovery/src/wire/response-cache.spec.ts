import { registration, registryAt } from '../../test/test-registrations';
import { ResponseCache } from './response-cache';

describe('ResponseCache', () => {
  const build = (registry: ReturnType<typeof registryAt>['registry']) => () => ({
    root: 'applications',
    entity: { size: registry.size },
  });
  const text = (cache: ResponseCache, registry: ReturnType<typeof registryAt>['registry']) =>
    cache.get('apps', 'json', build(registry)).body.toString();

  afterEach(() => jest.useRealTimers());

  it('without a refresh period, serves every change at once and reuses the payload in between', () => {
    const { registry } = registryAt();
    const cache = new ResponseCache(registry, 0);
    const first = cache.get('apps', 'json', build(registry));
    expect(cache.get('apps', 'json', build(registry))).toBe(first);
    registry.register(registration(), false);
    expect(text(cache, registry)).toBe('{"applications":{"size":1}}');
  });

  it('with a refresh period, keeps serving the old payload until the next boundary (Eureka read-only cache)', () => {
    jest.useFakeTimers({ now: 60_000 });
    const { registry } = registryAt();
    const cache = new ResponseCache(registry, 30_000);
    expect(text(cache, registry)).toBe('{"applications":{"size":0}}');
    registry.register(registration(), false);
    jest.setSystemTime(89_999);
    expect(text(cache, registry)).toBe('{"applications":{"size":0}}');
    jest.setSystemTime(90_000);
    expect(text(cache, registry)).toBe('{"applications":{"size":1}}');
  });

  it('keeps gzip and XML renderings apart', () => {
    const { registry } = registryAt();
    const cache = new ResponseCache(registry, 0);
    expect(cache.get('apps', 'xml', build(registry)).body.toString()).toContain(
      '<applications><size>0</size></applications>',
    );
    expect(cache.get('apps', 'json', build(registry)).gzipped().subarray(0, 2)).toEqual(
      Buffer.from([0x1f, 0x8b]),
    );
  });

  it('keeps the payload every client fetches while anyone asks for thousands of random VIPs', () => {
    const { registry } = registryAt();
    const cache = new ResponseCache(registry, 0);
    const buildApps = jest.fn(build(registry));
    cache.get('apps', 'json', buildApps);
    for (let lookup = 0; lookup < 5_000; lookup++) {
      cache.get(`vips/${lookup.toString(36)}`, 'json', build(registry));
      // Fetched by every client every few seconds: between two of its fetches come many look-ups.
      if (lookup % 500 === 0) cache.get('apps', 'json', buildApps);
    }
    expect(buildApps).toHaveBeenCalledTimes(1);
  });
});
