import { Gauge, type Registry } from 'prom-client';

export interface CountedGaugeOptions {
  name: string;
  help: string;
  /** Asked at each scrape: a count in a database, a queue's depth at the broker. */
  count: () => Promise<number>;
}

/**
 * A gauge counted at each scrape. While what it counts is away (its database or broker), it keeps
 * its last value: the scrape still answers, with every other metric, when an operator needs it most.
 */
export function registerCountedGauge(registry: Registry, { name, help, count }: CountedGaugeOptions): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      const counted = await count().catch(() => undefined);
      if (counted !== undefined) this.set(counted);
    },
  });
}
