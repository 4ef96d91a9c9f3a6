import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { BrokerConnection } from './broker-connection';

/**
 * Readiness of the broker connection, in the shape Terminus' HealthCheckService expects: use it as
 * `() => brokerHealth.check()` among the /health/ready indicators.
 */
export class BrokerHealthIndicator {
  constructor(private readonly broker: BrokerConnection) {}

  isHealthy(): boolean {
    return this.broker.isConnected();
  }

  check(key = 'broker'): HealthIndicatorResult {
    return this.isHealthy()
      ? { [key]: { status: 'up' } }
      : { [key]: { status: 'down', message: 'not connected to RabbitMQ (reconnecting)' } };
  }
}
