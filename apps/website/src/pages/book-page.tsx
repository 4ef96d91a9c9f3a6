import type { Money } from '@pss/contracts';
import type { FieldProblem, Flight } from '../services/pss-services';
import { CsrfField, Field, Layout, Notice } from './layout';
import { formatMoney, formatTime, messageFor } from './wording';

export const GENDERS = ['Female', 'Male'] as const;

export interface PassengerValues {
  firstName: string;
  lastName: string;
  gender: string;
}

/** The flight as the form carries it from page to page. */
export type ChosenFlight = Omit<Flight, 'fare' | 'seatsAvailable'>;

export interface BookPageProps {
  flight: ChosenFlight;
  /** The fare the passenger is asked to pay: the one search showed, or the one fares has now. */
  fare: Money;
  passengers: PassengerValues[];
  idempotencyKey: string;
  csrfToken: string;
  errors?: FieldProblem[];
  problem?: string;
}

/** The booking form: the flight as chosen, and each passenger's name and gender. */
export function BookPage({
  flight,
  fare,
  passengers,
  idempotencyKey,
  csrfToken,
  errors = [],
  problem,
}: BookPageProps) {
  return (
    <Layout title={`Book ${flight.flightNumber}`}>
      <section class="card" aria-label="Your flight">
        <strong>{flight.flightNumber}</strong> {flight.origin} {formatTime(flight.departureTime)} →{' '}
        {flight.destination} {formatTime(flight.arrivalTime)} on {flight.date}
        <div class="fare">
          {formatMoney(fare)} <span class="hint">per passenger</span>
        </div>
      </section>
      {problem && <Notice tone="error">{problem}</Notice>}
      {!problem && errors.length > 0 && <Notice tone="error">Please correct the fields marked below.</Notice>}
      <form class="card" method="post" action="/book">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <input type="hidden" name="flightNumber" value={flight.flightNumber} />
        <input type="hidden" name="origin" value={flight.origin} />
        <input type="hidden" name="destination" value={flight.destination} />
        <input type="hidden" name="date" value={flight.date} />
        <input type="hidden" name="departureTime" value={flight.departureTime} />
        <input type="hidden" name="arrivalTime" value={flight.arrivalTime} />
        <input type="hidden" name="fareAmount" value={fare.amount} />
        <input type="hidden" name="fareCurrency" value={fare.currency} />
        <input type="hidden" name="passengers" value={String(passengers.length)} />
        {passengers.map((passenger, index) => (
          <PassengerFields key={index} index={index} values={passenger} errors={errors} />
        ))}
        <div class="actions">
          <button type="submit">
            Book and pay {formatMoney({ ...fare, amount: total(fare, passengers.length) })}
          </button>
        </div>
      </form>
    </Layout>
  );
}

function PassengerFields({
  index,
  values,
  errors,
}: {
  index: number;
  values: PassengerValues;
  errors: FieldProblem[];
}) {
  const name = (field: keyof PassengerValues) => `passengers.${index}.${field}`;
  const genderError = messageFor(errors, name('gender'));
  return (
    <fieldset>
      <legend>Passenger {index + 1}</legend>
      <div class="grid">
        <Field
          label="First name"
          name={name('firstName')}
          value={values.firstName}
          error={messageFor(errors, name('firstName'))}
          autoComplete={index === 0 ? 'given-name' : 'off'}
          required
        />
        <Field
          label="Last name"
          name={name('lastName')}
          value={values.lastName}
          error={messageFor(errors, name('lastName'))}
          autoComplete={index === 0 ? 'family-name' : 'off'}
          required
        />
        <div class={genderError ? 'field invalid' : 'field'}>
          <label for={name('gender')}>Gender</label>
          <select
            id={name('gender')}
            name={name('gender')}
            aria-invalid={genderError ? 'true' : undefined}
            aria-describedby={genderError ? `${name('gender')}-error` : undefined}
          >
            {GENDERS.map((gender) => (
              <option key={gender} value={gender} selected={values.gender === gender}>
                {gender}
              </option>
            ))}
          </select>
          {genderError && (
            <span class="error" id={`${name('gender')}-error`}>
              {genderError}
            </span>
          )}
        </div>
      </div>
    </fieldset>
  );
}

/** The fare times the passengers, counted in cents: no floating point in money. */
function total(fare: Money, passengers: number): string {
  const [units, cents = '0'] = fare.amount.split('.');
  const sum = (Number(units) * 100 + Number(cents.padEnd(2, '0'))) * passengers;
  return `${Math.floor(sum / 100)}.${String(sum % 100).padStart(2, '0')}`;
}
