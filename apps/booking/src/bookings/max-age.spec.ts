import { maxAgeSeconds } from './max-age';

describe('maxAgeSeconds', () => {
  it.each([
    ['public, max-age=60', 60],
    ['Max-Age="30", public', 30],
    [null, 0],
    ['public', 0],
    ['max-age=60, no-store', 0],
    ['no-cache, max-age=60', 0],
    ['max-age=soon', 0],
  ])('reads %p as %p seconds', (header, seconds) => {
    expect(maxAgeSeconds(header)).toBe(seconds);
  });
});
