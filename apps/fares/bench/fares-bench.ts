import { serviceBench, type ServiceBench } from '@pss/testing';

/** fares on its bench network: its PostgreSQL and a registry, as compose gives them. */
export const faresBench = (): Promise<ServiceBench> =>
  serviceBench({
    service: 'fares',
    port: 8080,
    probe: () => `/fares?flightNumber=BF101&flightDate=${new Date().toISOString().slice(0, 10)}`,
  });
