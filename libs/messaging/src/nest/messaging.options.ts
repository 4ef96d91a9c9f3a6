import { ConfigurableModuleBuilder } from '@nestjs/common';
import { pssEventSubscriptions } from '@pss/contracts';
import type { BrokerUrl } from '../broker/broker-connection';
import type { Subscriptions } from '../broker/topology';
import type { EventConsumerOptions } from '../inbox/event-consumer';
import type { OutboxRelayOptions } from '../outbox/outbox-relay';

export interface MessagingModuleOptions {
  /** RABBITMQ_URL. */
  url: BrokerUrl;
  /** The service's name (`booking`, `search`, …): its queue and its inbox rows are named after it. */
  serviceName: string;
  /** Routing keys this service consumes; defaults to its entry in `subscriptions`. */
  consumes?: readonly string[];
  /** The whole system's subscriptions, all declared at start-up; defaults to PSS's own. */
  subscriptions?: Subscriptions;
  /** Relay tuning, or false for a service that never publishes. */
  relay?: OutboxRelayOptions | false;
  consumer?: Pick<
    EventConsumerOptions,
    'prefetch' | 'concurrency' | 'maxBatch' | 'maxAttempts' | 'retry' | 'inboxRetentionMs'
  >;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } =
  new ConfigurableModuleBuilder<MessagingModuleOptions>()
    .setClassMethodName('forRoot')
    .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
    .build();

/** The subscriptions to declare, with this service's `consumes` taking precedence. */
export function subscriptionsOf(options: MessagingModuleOptions): Subscriptions {
  const subscriptions = options.subscriptions ?? pssEventSubscriptions;
  return options.consumes ? { ...subscriptions, [options.serviceName]: options.consumes } : subscriptions;
}
