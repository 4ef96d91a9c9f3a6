import type { ScheduledFlightState } from '@pss/contracts';
import { blockTimeFare } from './block-time-tariff';

const flight = (flightDate: string, minutes: number): ScheduledFlightState => {
  const departsAt = new Date(`${flightDate}T10:00:00Z`);
  return {
    flightNumber: 'BF1000',
    flightDate,
    origin: 'QVK',
    destination: 'KJG',
    departsAt: departsAt.toISOString(),
    arrivesAt: new Date(departsAt.getTime() + minutes * 60_000).toISOString(),
    capacity: 180,
    scheduleVersion: 1,
  };
};

describe('blockTimeFare', () => {
  it('prices a leg by its block time, in whole dollars: 49 + 0.45 a minute on a quiet day', () => {
    // Tuesday 2027-03-09
    expect(blockTimeFare(flight('2027-03-09', 60))).toEqual({ amount: '76.00', currency: 'USD' });
    expect(blockTimeFare(flight('2027-03-09', 400))).toEqual({ amount: '229.00', currency: 'USD' });
  });

  it('is dearer on Fridays and Sundays, and in July, August and December', () => {
    expect(blockTimeFare(flight('2027-03-12', 60)).amount).toBe('87.00'); // a Friday: 76 × 1.15
    expect(blockTimeFare(flight('2027-03-14', 60)).amount).toBe('87.00'); // a Sunday
    expect(blockTimeFare(flight('2027-07-13', 60)).amount).toBe('91.00'); // a Tuesday in July: × 1.2
    expect(blockTimeFare(flight('2027-12-31', 60)).amount).toBe('105.00'); // a Friday in December
  });
});
