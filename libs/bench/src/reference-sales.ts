import type Docker from 'dockerode';
import { exec } from '@pss/testing';

/**
 * The book's flights in a search database as fares' and booking's first events leave them: each
 * with its fare (BF100 at 100.00 to BF106 at 106.00, USD, version 1) and its seats for sale (the
 * aircraft less booking's buffer of 5, inventory version 1). For benchmarks of search alone, whose
 * seed schedules the flights without either: a search must find flights to be measured.
 */
export async function priceAndOpenReferenceFlights(searchDatabase: Docker.Container): Promise<void> {
  const { code, output } = await exec(searchDatabase, [
    'psql',
    '-v',
    'ON_ERROR_STOP=1',
    '-U',
    'search',
    '-d',
    'search',
    '-c',
    `UPDATE flights SET fare_amount = substring(flight_number from 3)::numeric, fare_currency = 'USD',
            fare_version = 1, seats_available = capacity - 5, inventory_version = 1
      WHERE flight_number BETWEEN 'BF100' AND 'BF106'`,
  ]);
  if (code !== 0) throw new Error(`pricing the reference flights failed: ${output}`);
}
