import type { DailyFlight } from '../daily-flights';
import { seededRandom } from './seeded-random';

export interface NetworkOptions {
  flightsPerDay: number;
  airports: number;
  seed: number;
}

interface Airport {
  code: string;
  latitude: number;
  longitude: number;
}

/** The largest network the flight numbers allow: BF1000 to BF9999 (the book's are BF100..BF106). */
export const MAX_FLIGHTS_PER_DAY = 9_000;
const FIRST_FLIGHT_NUMBER = 1_000;
// The book's airports, left to the book's flights.
const RESERVED_CODES = new Set(['SEA', 'NYC', 'CHI', 'HOU', 'LAX', 'SFO']);
// A continent's span: about 4,500 by 2,700 km.
const LATITUDES = [25, 49];
const LONGITUDES = [-124, -67];
const CRUISE_KM_PER_MINUTE = 13;
const TAXI_MINUTES = 30;
const FIRST_DEPARTURE_MINUTE = 6 * 60;
const LAST_DEPARTURE_MINUTE = 22 * 60;

/**
 * A hub-and-spoke network of `airports` airports, deterministic from `seed`: one airport in ten is
 * a hub (two at least); the hubs are linked with each other, every other airport with its two
 * nearest hubs (and served at least from the nearest). `flightsPerDay` flights are spread over those routes, out and back, busier between
 * hubs, each at its own time of day, flown by an aircraft sized to the leg. The day's flights
 * are numbered BF1000 on.
 */
export function generateNetwork({ flightsPerDay, airports, seed }: NetworkOptions): DailyFlight[] {
  const random = seededRandom(seed);
  const places = placeAirports(airports, random);
  const hubs = places.slice(0, hubCount(airports));
  const routes = linkRoutes(places, hubs);
  // Flights go in pairs, out and back (an aircraft returns), so as many leave an airport as arrive.
  const pairs = dailyFlights(routes, Math.floor(flightsPerDay / 2));
  const flights: DailyFlight[] = [];
  const fly = (origin: Airport, destination: Airport) =>
    flights.push(flightOn(origin, destination, FIRST_FLIGHT_NUMBER + flights.length, random));
  for (const [i, route] of routes.entries())
    for (let n = 0; n < pairs[i]; n++) {
      fly(route.a, route.b);
      fly(route.b, route.a);
    }
  if (flights.length < flightsPerDay) fly(routes[0].a, routes[0].b);
  return flights;
}

function placeAirports(count: number, random: () => number): Airport[] {
  const codes = new Set<string>();
  const airports: Airport[] = [];
  while (airports.length < count) {
    const code = Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join(
      '',
    );
    if (codes.has(code) || RESERVED_CODES.has(code)) continue;
    codes.add(code);
    airports.push({
      code,
      latitude: between(LATITUDES, random()),
      longitude: between(LONGITUDES, random()),
    });
  }
  return airports;
}

interface Route {
  a: Airport;
  b: Airport;
  weight: number;
  /** Flown at least once a day each way: it links the hubs, or a spoke to its nearest hub. */
  essential: boolean;
}

const hubCount = (airports: number) => Math.max(2, Math.round(airports / 10));

/** The fewest flights a day that serve `airports` airports: every essential route out and back. */
export function minimumFlightsPerDay(airports: number): number {
  const hubs = hubCount(airports);
  return 2 * ((hubs * (hubs - 1)) / 2 + (airports - hubs));
}

function linkRoutes(airports: Airport[], hubs: Airport[]): Route[] {
  const routes: Route[] = [];
  hubs.forEach((hub, i) =>
    hubs.slice(i + 1).forEach((other) => routes.push({ a: hub, b: other, weight: 4, essential: true })),
  );
  for (const spoke of airports.slice(hubs.length)) {
    const nearest = [...hubs].sort((x, y) => distanceKm(spoke, x) - distanceKm(spoke, y)).slice(0, 2);
    nearest.forEach((hub, i) => routes.push({ a: hub, b: spoke, weight: 1, essential: i === 0 }));
  }
  return routes;
}

/**
 * Each route's share of `total`: one for each essential route, the rest by weight (the largest
 * remainders rounding up), adding up to `total`.
 */
function dailyFlights(routes: Route[], total: number): number[] {
  const counts = routes.map((route): number => (route.essential ? 1 : 0));
  const rest = total - counts.reduce((sum, count) => sum + count, 0);
  const weight = routes.reduce((sum, route) => sum + route.weight, 0);
  const exact = routes.map((route) => (rest * route.weight) / weight);
  const floors = exact.map(Math.floor);
  const byRemainder = exact.map((value, i) => ({ i, remainder: value - floors[i] }));
  byRemainder.sort((x, y) => y.remainder - x.remainder || x.i - y.i);
  const roundedUp = new Set(
    byRemainder.slice(0, rest - floors.reduce((sum, n) => sum + n, 0)).map(({ i }) => i),
  );
  return counts.map((count, i) => count + floors[i] + (roundedUp.has(i) ? 1 : 0));
}

function flightOn(origin: Airport, destination: Airport, number: number, random: () => number): DailyFlight {
  const km = distanceKm(origin, destination);
  const departure = Math.round(between([FIRST_DEPARTURE_MINUTE, LAST_DEPARTURE_MINUTE], random()) / 5) * 5;
  return {
    flightNumber: `BF${number}`,
    origin: origin.code,
    destination: destination.code,
    departs: `${pad(Math.floor(departure / 60))}:${pad(departure % 60)}`,
    minutes: Math.round(km / CRUISE_KM_PER_MINUTE) + TAXI_MINUTES,
    capacity: seatsFor(km),
  };
}

/** Regional jet, narrow body, wide body: the longer the leg, the larger the aircraft. */
function seatsFor(km: number): number {
  if (km <= 900) return 76;
  if (km <= 2_800) return 180;
  return 300;
}

/** Great-circle distance. */
export function distanceKm(from: Airport, to: Airport): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const [lat1, lat2] = [radians(from.latitude), radians(to.latitude)];
  const dLat = lat2 - lat1;
  const dLon = radians(to.longitude - from.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371 * Math.asin(Math.sqrt(h));
}

const between = ([low, high]: number[], fraction: number) => low + (high - low) * fraction;
const pad = (value: number) => String(value).padStart(2, '0');
