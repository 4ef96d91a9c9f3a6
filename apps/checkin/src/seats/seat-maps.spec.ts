import { seatMapOf } from './seat-maps';

describe('seatMapOf', () => {
  it('seats 100 in 16 full rows of six and 17A to 17D', () => {
    const map = seatMapOf(100);
    expect(map).toMatchObject({ capacity: 100, rows: 17, letters: 'ABCDEF' });
    expect(map.seats).toHaveLength(100);
    expect(map.seats.slice(0, 7)).toEqual(['1A', '1B', '1C', '1D', '1E', '1F', '2A']);
    expect(map.seats.slice(-5)).toEqual(['16F', '17A', '17B', '17C', '17D']);
  });

  it('has no partial row when the capacity is a multiple of six', () => {
    expect(seatMapOf(60)).toMatchObject({ rows: 10 });
    expect(seatMapOf(60).seats.at(-1)).toBe('10F');
  });
});
