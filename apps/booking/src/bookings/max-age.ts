/**
 * How long an HTTP answer may be reused, from its `Cache-Control` (RFC 9111 §5.2.2): `max-age`
 * seconds, or 0 when it has none or forbids reuse (`no-store`, `no-cache`).
 */
export function maxAgeSeconds(cacheControl: string | null): number {
  let maxAge = 0;
  for (const directive of (cacheControl ?? '').toLowerCase().split(',')) {
    const [name, value] = directive.trim().split('=');
    if (name === 'no-store' || name === 'no-cache') return 0;
    if (name === 'max-age' && /^"?\d+"?$/.test(value ?? '')) maxAge = Number(value.replace(/"/g, ''));
  }
  return maxAge;
}
