import { randomCode, UNAMBIGUOUS_ALPHABET } from './codes';

describe('random codes', () => {
  it('are drawn from characters none of which can be misread', () => {
    const codes = Array.from({ length: 1_000 }, () => randomCode(6));
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{6}$`));
    expect(UNAMBIGUOUS_ALPHABET).not.toMatch(/[0O1IL5S8B]/);
    expect(new Set(codes).size).toBeGreaterThan(990);
  });
});
