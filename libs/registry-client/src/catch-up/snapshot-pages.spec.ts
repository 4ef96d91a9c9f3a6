import { snapshotPages } from './snapshot-pages';

describe('snapshotPages', () => {
  it('covers every date once, in pages of at most 31 days', () => {
    expect(snapshotPages('2026-12-01', '2026-12-01')).toEqual([['2026-12-01', '2026-12-01']]);
    expect(snapshotPages('2026-12-01', '2026-12-31')).toEqual([['2026-12-01', '2026-12-31']]);
    expect(snapshotPages('2026-12-01', '2027-02-15')).toEqual([
      ['2026-12-01', '2026-12-31'],
      ['2027-01-01', '2027-01-31'],
      ['2027-02-01', '2027-02-15'],
    ]);
  });
});
