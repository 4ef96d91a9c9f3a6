import { fromLegacyDate } from './legacy-date';

describe("the legacy routes' dates", () => {
  it.each([
    ['22-JAN-16', '2016-01-22'],
    ['01-dec-26', '2026-12-01'],
    ['2026-12-01', '2026-12-01'],
    ['31-XYZ-26', '31-XYZ-26'],
    [42, 42],
  ])('reads %p as %p', (given, expected) => {
    expect(fromLegacyDate(given)).toBe(expected);
  });
});
