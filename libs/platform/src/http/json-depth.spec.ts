import { nestsDeeperThan } from './json-depth';

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not the brackets inside strings', () => {
    expect(nestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[{{{{\\"[[[["}', 1)).toBe(false);
  });

  it('finds a body nested thousands deep', () => {
    expect(nestsDeeperThan('['.repeat(5_000) + ']'.repeat(5_000), 32)).toBe(true);
  });
});
