import { REFERENCE_SCHEDULE, seedWindow } from './reference-schedule';

describe("the book's schedule", () => {
  it('flies BF100..BF106 from SEA, NYC, CHI, HOU and LAX, all to SFO', () => {
    expect(
      REFERENCE_SCHEDULE.map((flight) => `${flight.flightNumber} ${flight.origin}-${flight.destination}`),
    ).toEqual([
      'BF100 SEA-SFO',
      'BF101 NYC-SFO',
      'BF102 CHI-SFO',
      'BF103 HOU-SFO',
      'BF104 LAX-SFO',
      'BF105 NYC-SFO',
      'BF106 NYC-SFO',
    ]);
  });
});

describe('seedWindow', () => {
  it('spans a week back and 180 days ahead of the UTC day', () => {
    expect(seedWindow(new Date('2026-11-25T23:30:00Z'))).toEqual({ from: '2026-11-18', to: '2027-05-24' });
  });

  it('crosses month and leap-day boundaries', () => {
    expect(seedWindow(new Date('2028-03-03T00:00:00Z')).from).toBe('2028-02-25');
    expect(seedWindow(new Date('2028-01-01T12:00:00Z')).to).toBe('2028-06-29');
  });
});
