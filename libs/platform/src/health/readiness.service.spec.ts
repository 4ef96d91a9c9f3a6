import { ServiceUnavailableException } from '@nestjs/common';
import type { HealthCheckService, HealthIndicatorResult } from '@nestjs/terminus';
import { ServiceConfig } from '../config/service-config';
import { MetricsService } from '../metrics/metrics.service';
import { ReadinessService, type ReadinessState } from './readiness.service';

/** Stands in for terminus: a 503 as soon as one indicator says down or throws. */
const health = {
  async check(indicators: (() => Promise<HealthIndicatorResult>)[]) {
    const results = await Promise.all(
      indicators.map((indicator) =>
        indicator().catch((): HealthIndicatorResult => ({ failed: { status: 'down' } })),
      ),
    );
    const down = results.some((result) => Object.values(result).some((entry) => entry.status === 'down'));
    if (down) throw new ServiceUnavailableException({ status: 'error' });
    return { status: 'ok', info: {}, error: {}, details: {} };
  },
} as unknown as HealthCheckService;

describe('ReadinessService', () => {
  let readiness: ReadinessService;
  let changes: ReadinessState[];
  let databaseUp: boolean;
  let metrics: MetricsService;

  beforeEach(() => {
    const config = Object.assign(new ServiceConfig(), { serviceName: 'probe', readinessIntervalMs: 60_000 });
    metrics = new MetricsService(config);
    readiness = new ReadinessService(health, config, metrics);
    changes = [];
    databaseUp = true;
    readiness.onChange((state) => changes.push(state));
    readiness.addCheck('database', async () => ({ database: { status: databaseUp ? 'up' : 'down' } }));
  });

  afterEach(() => readiness.beforeApplicationShutdown());

  it('starts as STARTING and follows the checks', async () => {
    expect(readiness.state).toBe('STARTING');
    await readiness.onApplicationBootstrap();
    databaseUp = false;
    await expect(readiness.evaluate()).rejects.toThrow(ServiceUnavailableException);
    await expect(readiness.evaluate()).rejects.toThrow(ServiceUnavailableException);
    databaseUp = true;
    await readiness.evaluate();
    expect(changes).toEqual(['UP', 'DOWN', 'UP']);
  });

  it("puts each check's last result on /metrics, a check that throws counting as down", async () => {
    readiness.addCheck('broker', async () => {
      throw new Error('connection closed');
    });
    const checksUp = async () =>
      (await metrics.registry.metrics())
        .split('\n')
        .filter((line) => line.startsWith('readiness_check_up{'))
        .sort();

    await expect(readiness.evaluate()).rejects.toThrow(ServiceUnavailableException);
    expect(await checksUp()).toEqual([
      'readiness_check_up{check="broker",service="probe"} 0',
      'readiness_check_up{check="database",service="probe"} 1',
    ]);
    databaseUp = false;
    await expect(readiness.evaluate()).rejects.toThrow(ServiceUnavailableException);
    expect(await checksUp()).toContain('readiness_check_up{check="database",service="probe"} 0');
  });

  it('stays STARTING while the checks fail before they ever passed', async () => {
    databaseUp = false;
    await readiness.onApplicationBootstrap();
    await expect(readiness.evaluate()).rejects.toThrow(ServiceUnavailableException);
    expect(readiness.state).toBe('STARTING');
    databaseUp = true;
    await readiness.evaluate();
    expect(changes).toEqual(['UP']);
  });

  it('stays STOPPING once shutdown began, whatever the checks say', async () => {
    await readiness.onApplicationBootstrap();
    readiness.beforeApplicationShutdown();
    await readiness.evaluate();
    expect(readiness.state).toBe('STOPPING');
    expect(changes).toEqual(['UP', 'STOPPING']);
  });

  it('counts as started once the checks passed, and stays started when they fail later', async () => {
    databaseUp = false;
    await readiness.onApplicationBootstrap();
    expect(readiness.started).toBe(false);
    databaseUp = true;
    await readiness.evaluate();
    expect(readiness.started).toBe(true);
    databaseUp = false;
    await expect(readiness.evaluate()).rejects.toThrow(ServiceUnavailableException);
    readiness.beforeApplicationShutdown();
    expect([readiness.state, readiness.started]).toEqual(['STOPPING', true]);
  });

  it('stops notifying a listener that unsubscribed', async () => {
    const seen: ReadinessState[] = [];
    readiness.onChange((state) => seen.push(state))();
    await readiness.evaluate();
    expect(seen).toEqual([]);
  });
});
