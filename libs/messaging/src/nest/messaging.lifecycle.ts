import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MetricsService, ReadinessService } from '@pss/platform';
import { DataSource } from 'typeorm';
import { BrokerConnection } from '../broker/broker-connection';
import { BrokerHealthIndicator } from '../broker/broker-health';
import { EventPublisher } from '../broker/event-publisher';
import { EventConsumer } from '../inbox/event-consumer';
import { registerDeadLetterMetrics, registerOutboxMetrics } from '../operations/messaging-metrics';
import { OutboxRelay } from '../outbox/outbox-relay';
import { MODULE_OPTIONS_TOKEN, subscriptionsOf, type MessagingModuleOptions } from './messaging.options';

/**
 * Adds the broker to /health/ready, and the outbox and the dead-letter queue to /metrics (libs/platform's services, when
 * present). In a serving application (not in a one-shot command) it starts the relay and the
 * consumer once every module has registered its handlers, and stops them before the database
 * closes: deliveries first, then the relay, then the connection.
 */
@Injectable()
export class MessagingLifecycle
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    @Inject(MODULE_OPTIONS_TOKEN) private readonly options: MessagingModuleOptions,
    private readonly broker: BrokerConnection,
    private readonly publisher: EventPublisher,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly brokerHealth: BrokerHealthIndicator,
    private readonly dataSource: DataSource,
    @Optional() private readonly readiness?: ReadinessService,
    @Optional() private readonly metrics?: MetricsService,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    this.readiness?.addCheck('broker', async () => this.brokerHealth.check('broker'));
    if (!this.metrics) return;
    registerOutboxMetrics(this.metrics.registry, this.dataSource);
    if (this.consumes())
      registerDeadLetterMetrics(
        this.metrics.registry,
        this.broker,
        this.options.serviceName,
        subscriptionsOf(this.options),
      );
  }

  onApplicationBootstrap(): void {
    // `node main.js migrate` or an operator command: nothing to relay or consume.
    if (!this.adapterHost?.httpAdapter) return;
    this.broker.connect();
    if (this.options.relay !== false) this.relay.start();
    if (this.consumes()) this.consumer.start();
  }

  private consumes(): boolean {
    return (subscriptionsOf(this.options)[this.options.serviceName] ?? []).length > 0;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
    await this.broker.close();
  }
}
