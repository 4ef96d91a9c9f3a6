import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ReadinessService } from '@pss/platform';
import { BrokerConnection } from '../broker/broker-connection';
import { BrokerHealthIndicator } from '../broker/broker-health';
import { EventPublisher } from '../broker/event-publisher';
import { EventConsumer } from '../inbox/event-consumer';
import { OutboxRelay } from '../outbox/outbox-relay';
import { MODULE_OPTIONS_TOKEN, subscriptionsOf, type MessagingModuleOptions } from './messaging.options';

/**
 * Adds the broker to /health/ready (libs/platform's ReadinessService, when present). Starts the
 * relay and the consumer once every module has registered its handlers, and stops them before the
 * database closes: deliveries first, then the relay, then the connection.
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
    @Optional() private readonly readiness?: ReadinessService,
  ) {}

  onModuleInit(): void {
    this.readiness?.addCheck('broker', async () => this.brokerHealth.check('broker'));
  }

  onApplicationBootstrap(): void {
    this.broker.connect();
    if (this.options.relay !== false) this.relay.start();
    if ((subscriptionsOf(this.options)[this.options.serviceName] ?? []).length > 0) this.consumer.start();
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
