import { daysFromToday, exec } from '@pss/testing';
import { serviceBench, type Candidate, type ServiceBench } from './service-bench';

/** Search on a benchmark network of its own (its database, RabbitMQ, a registry), ready once it finds tomorrow's flights. */
export function searchServiceBench(): Promise<ServiceBench> {
  const tomorrow = daysFromToday(1);
  return serviceBench({
    service: 'search',
    port: 8090,
    broker: true,
    probe: () => `/flights?origin=NYC&destination=SFO&date=${tomorrow}`,
  });
}

/**
 * Search's database for a benchmark of search alone: `search` started once migrates it and seeds
 * the book's flights; then each gets what fares' and booking's first events would give it, its
 * fare (BF100 at 100.00 to BF106 at 106.00, USD, version 1) and its seats for sale (the aircraft
 * less booking's buffer of 5, inventory version 1). A search must find flights to be measured.
 */
export async function seedSearchWithReferenceSales(bench: ServiceBench, search: Candidate): Promise<void> {
  await (await bench.start(search)).container.remove({ force: true });
  const { code, output } = await exec(bench.database, [
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
