import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BrokerConnection } from '../broker/broker-connection';
import { BrokerHealthIndicator } from '../broker/broker-health';
import { EventPublisher } from '../broker/event-publisher';
import { EventConsumer } from '../inbox/event-consumer';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import { MessagingLifecycle } from './messaging.lifecycle';
import {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN,
  subscriptionsOf,
  type MessagingModuleOptions as Options,
} from './messaging.options';

/**
 * `MessagingModule.forRoot({ url, serviceName })` (or forRootAsync with ConfigService): needs the
 * app's TypeORM DataSource. Inject OutboxWriter to publish, EventConsumer to register handlers
 * (in onModuleInit), BrokerHealthIndicator for readiness.
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
    MessagingLifecycle,
  ],
  exports: [BrokerConnection, OutboxWriter, EventConsumer, BrokerHealthIndicator],
})
export class MessagingModule extends ConfigurableModuleClass {}
