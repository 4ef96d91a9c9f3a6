import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BrokerConnection } from '../broker/broker-connection';
import { BrokerHealthIndicator } from '../broker/broker-health';
import { EventPublisher } from '../broker/event-publisher';
import { EventConsumer } from '../inbox/event-consumer';
import { ReplayDeadLettersCommand } from '../operations/replay-dead-letters.command';
import { RequeueParkedCommand } from '../operations/requeue-parked.command';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import { loadBrokerUrl } from './broker-environment';
import { MessagingLifecycle } from './messaging.lifecycle';
import {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN,
  subscriptionsOf,
  type MessagingModuleOptions as Options,
} from './messaging.options';

/**
 * `MessagingModule.forService('booking')`, or forRoot({ url, serviceName }) / forRootAsync: needs the
 * app's TypeORM DataSource. Inject OutboxWriter to publish, EventConsumer to register handlers
 * (in onModuleInit), BrokerHealthIndicator for readiness. Brings the operator commands
 * `outbox:requeue` and `dlq:replay` (`node main.js <command>`).
 */
@Module({
  providers: [
    {
      provide: BrokerConnection,
      inject: [MODULE_OPTIONS_TOKEN],
      useFactory: (options: Options) =>
        new BrokerConnection({ url: options.url, connectionName: options.serviceName }),
    },
    {
      provide: EventPublisher,
      inject: [BrokerConnection, MODULE_OPTIONS_TOKEN],
      useFactory: (broker: BrokerConnection, options: Options) =>
        new EventPublisher(broker, subscriptionsOf(options)),
    },
    { provide: OutboxWriter, useFactory: () => new OutboxWriter() },
    {
      provide: OutboxRelay,
      inject: [DataSource, BrokerConnection, EventPublisher, MODULE_OPTIONS_TOKEN],
      useFactory: (
        dataSource: DataSource,
        broker: BrokerConnection,
        publisher: EventPublisher,
        options: Options,
      ) => new OutboxRelay(dataSource, broker, publisher, options.relay || {}),
    },
    {
      provide: EventConsumer,
      inject: [DataSource, BrokerConnection, MODULE_OPTIONS_TOKEN],
      useFactory: (dataSource: DataSource, broker: BrokerConnection, options: Options) =>
        new EventConsumer(dataSource, broker, {
          ...options.consumer,
          consumer: options.serviceName,
          subscriptions: subscriptionsOf(options),
        }),
    },
    {
      provide: BrokerHealthIndicator,
      inject: [BrokerConnection],
      useFactory: (broker: BrokerConnection) => new BrokerHealthIndicator(broker),
    },
    {
      provide: RequeueParkedCommand,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new RequeueParkedCommand(dataSource),
    },
    {
      provide: ReplayDeadLettersCommand,
      inject: [BrokerConnection, MODULE_OPTIONS_TOKEN],
      useFactory: (broker: BrokerConnection, options: Options) =>
        new ReplayDeadLettersCommand(broker, options.serviceName),
    },
    MessagingLifecycle,
  ],
  exports: [BrokerConnection, OutboxWriter, EventConsumer, BrokerHealthIndicator],
})
export class MessagingModule extends ConfigurableModuleClass {
  /** The usual wiring: the broker from RABBITMQ_URL (validated at startup), PSS's subscriptions. */
  static forService(serviceName: string, options: Omit<Options, 'url' | 'serviceName'> = {}): DynamicModule {
    return MessagingModule.forRootAsync({
      isGlobal: true,
      useFactory: (): Options => ({ ...options, serviceName, url: loadBrokerUrl() }),
    });
  }
}
