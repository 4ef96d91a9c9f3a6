import type { Flight, FieldProblem } from '../services/pss-services';
import { Field, Layout, Notice } from './layout';
import { formatMoney, formatTime, messageFor } from './wording';

export interface SearchQuery {
  origin: string;
  destination: string;
  date: string;
  passengers: string;
}

export interface SearchPageProps {
  query: SearchQuery;
  /** Undefined before a search. */
  flights?: Flight[];
  errors?: FieldProblem[];
}

/** Search: where from, where to, when, how many; then the flights with a seat for each. */
export function SearchPage({ query, flights, errors = [] }: SearchPageProps) {
  const error = (field: string) => messageFor(errors, field);
  return (
    <Layout title="Find a flight">
      {errors.length > 0 && <Notice tone="error">Please correct the fields marked below.</Notice>}
      <form class="card" method="get" action="/" role="search">
        <div class="grid">
          <Field
            label="From"
            name="origin"
            value={query.origin}
            error={error('origin')}
            hint="Airport code, such as NYC"
            required
          />
          <Field
            label="To"
            name="destination"
            value={query.destination}
            error={error('destination')}
            hint="Airport code, such as SFO"
            required
          />
          <Field label="Date" name="date" type="date" value={query.date} error={error('date')} required />
          <Field
            label="Passengers"
            name="passengers"
            type="number"
            min={1}
            max={9}
            value={query.passengers}
            error={error('passengers')}
            required
          />
        </div>
        <div class="actions">
          <button type="submit">Search flights</button>
        </div>
      </form>
      {flights && <FlightList flights={flights} query={query} />}
    </Layout>
  );
}

function FlightList({ flights, query }: { flights: Flight[]; query: SearchQuery }) {
  if (flights.length === 0)
    return (
      <Notice tone="info">
        No flight from {query.origin} to {query.destination} on {query.date} has {query.passengers} seats
        left. Try another date.
      </Notice>
    );
  return (
    <section aria-label="Flights">
      <h2>
        {flights.length} {flights.length === 1 ? 'flight' : 'flights'} on {query.date}
      </h2>
      <ul class="flights">
        {flights.map((flight) => (
          <li key={flight.flightNumber}>
            <div>
              <strong>{flight.flightNumber}</strong> {flight.origin} {formatTime(flight.departureTime)} →{' '}
              {flight.destination} {formatTime(flight.arrivalTime)}
              <div class="hint">{flight.seatsAvailable} seats left</div>
            </div>
            <div class="fare">{formatMoney(flight.fare)}</div>
            <form method="get" action="/book">
              {(['origin', 'destination', 'date', 'passengers'] as const).map((name) => (
                <input key={name} type="hidden" name={name} value={query[name]} />
              ))}
              <input type="hidden" name="flightNumber" value={flight.flightNumber} />
              <button
                type="submit"
                aria-label={`Book ${flight.flightNumber} for ${formatMoney(flight.fare)}`}
              >
                Book
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
