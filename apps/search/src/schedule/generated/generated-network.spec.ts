import { distanceKm, generateNetwork, minimumFlightsPerDay } from './generated-network';

describe('generateNetwork', () => {
  const network = generateNetwork({ flightsPerDay: 1_000, airports: 80, seed: 7 });

  it('is the same network for the same seed, and another for another seed', () => {
    expect(generateNetwork({ flightsPerDay: 1_000, airports: 80, seed: 7 })).toEqual(network);
    expect(generateNetwork({ flightsPerDay: 1_000, airports: 80, seed: 8 })).not.toEqual(network);
  });

  it('flies exactly the flights asked for, numbered BF1000 on, between the airports asked for', () => {
    expect(network).toHaveLength(1_000);
    expect(network.map((flight) => flight.flightNumber)).toEqual(
      Array.from({ length: 1_000 }, (_, i) => `BF${1_000 + i}`),
    );
    const airports = new Set(network.flatMap((flight) => [flight.origin, flight.destination]));
    expect(airports.size).toBe(80);
    for (const code of airports) expect(code).toMatch(/^[A-Z]{3}$/);
    // The book's airports stay the book's.
    for (const code of ['SEA', 'NYC', 'CHI', 'HOU', 'LAX', 'SFO']) expect(airports.has(code)).toBe(false);
  });

  it('is a hub-and-spoke network: a few airports carry most flights, and as many leave each airport as arrive', () => {
    const movements = new Map<string, number>();
    const balance = new Map<string, number>();
    for (const { origin, destination } of network) {
      for (const code of [origin, destination]) movements.set(code, (movements.get(code) ?? 0) + 1);
      balance.set(origin, (balance.get(origin) ?? 0) + 1);
      balance.set(destination, (balance.get(destination) ?? 0) - 1);
    }
    const busiest = [...movements.values()].sort((a, b) => b - a);
    const hubShare = busiest.slice(0, 8).reduce((sum, n) => sum + n, 0) / (2 * network.length);
    expect(hubShare).toBeGreaterThan(0.5);
    expect([...balance.values()].every((surplus) => surplus === 0)).toBe(true);
    expect(network.every(({ origin, destination }) => origin !== destination)).toBe(true);
  });

  it('departs between 06:00 and 22:00, flies longer legs for longer, on larger aircraft', () => {
    for (const flight of network) {
      expect(flight.departs >= '06:00' && flight.departs <= '22:00').toBe(true);
      expect(flight.minutes).toBeGreaterThanOrEqual(30);
      expect([76, 180, 300]).toContain(flight.capacity);
    }
    const byLength = [...network].sort((a, b) => a.minutes - b.minutes);
    expect(byLength[0].capacity).toBe(76);
    expect(byLength.at(-1)?.capacity).toBe(300);
    expect(byLength.at(-1)?.minutes).toBeLessThan(8 * 60);
  });

  it('serves every airport of a small network too, with the fewest flights that can', () => {
    const small = generateNetwork({ flightsPerDay: minimumFlightsPerDay(12), airports: 12, seed: 3 });
    expect(small).toHaveLength(22);
    expect(new Set(small.map((flight) => flight.origin)).size).toBe(12);
  });

  it('measures great-circle distances', () => {
    const newYork = { code: 'JFK', latitude: 40.64, longitude: -73.78 };
    const sanFrancisco = { code: 'SFO', latitude: 37.62, longitude: -122.38 };
    expect(distanceKm(newYork, sanFrancisco)).toBeCloseTo(4_150, -2);
  });
});
