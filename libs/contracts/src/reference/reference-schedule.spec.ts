import { REFERENCE_SCHEDULE, seedWindow } from './reference-schedule';

describe("the book's schedule", () => {
  it('prices BF100..BF106 at 100.00..106.00, all to SFO', () => {
    expect(
      REFERENCE_SCHEDULE.map(
        (flight) => `${flight.flightNumber} ${flight.origin}-${flight.destination} ${flight.fare}`,
      ),
    ).toEqual([
      'BF100 SEA-SFO 100.00',
      'BF101 NYC-SFO 101.00',
      'BF102 CHI-SFO 102.00',
      'BF103 HOU-SFO 103.00',
      'BF104 LAX-SFO 104.00',
      'BF105 NYC-SFO 105.00',
      'BF106 NYC-SFO 106.00',
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
