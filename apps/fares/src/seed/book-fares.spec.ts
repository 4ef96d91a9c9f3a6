import { BOOK_FARES, seedWindow } from './book-fares';

describe('the book fares', () => {
  it('price BF100..BF106 at 100.00..106.00', () => {
    expect(BOOK_FARES.map((fare) => `${fare.flightNumber}=${fare.amount}`)).toEqual([
      'BF100=100.00',
      'BF101=101.00',
      'BF102=102.00',
      'BF103=103.00',
      'BF104=104.00',
      'BF105=105.00',
      'BF106=106.00',
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
