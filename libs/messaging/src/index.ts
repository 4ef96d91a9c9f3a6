export {
  DEAD_LETTER_EXCHANGE,
  DELIVERY_LIMIT,
  EVENTS_EXCHANGE,
  deadLetterQueueFor,
  declareTopology,
  queueFor,
  type Subscriptions,
} from './broker/topology';
export { BrokerConnection, type BrokerConnectionOptions, type BrokerUrl } from './broker/broker-connection';
export { BrokerHealthIndicator } from './broker/broker-health';
export { AGGREGATE_ID_HEADER, EventPublisher, type OutgoingEvent } from './broker/event-publisher';
export { OutboxMessage } from './outbox/outbox-message.entity';
export { CreateOutboxMessages1795600000000 } from './outbox/create-outbox-messages.migration';
export { AddOutboxParking1795600000002, MAX_EVENT_BYTES } from './outbox/add-outbox-parking.migration';
export { DropOutboxNotify1796500000000 } from './outbox/drop-outbox-notify.migration';
export { OutboxWriter, outboxInsertSql, type OutboxEntry, type OutboxRowSql } from './outbox/outbox-writer';
export { OutboxCommits, outboxWritten } from './outbox/outbox-commits';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { InboxMessage } from './inbox/inbox-message.entity';
export { CreateInboxMessages1795600000001 } from './inbox/create-inbox-messages.migration';
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_PREFETCH,
  EventConsumer,
  type EventConsumerOptions,
} from './inbox/event-consumer';
export type { ProcessedMessage, ProcessOutcome } from './inbox/delivery-processor';
export type { EventHandler } from './inbox/event-applier';
export { newsOf, Projection, type Followed, type ProjectionSpec } from './inbox/projection';
export { ScheduleFollower, type ScheduleCatchUp, type SnapshotCatchUp } from './inbox/schedule-follower';
export { deadLetterHeaders } from './inbox/dead-letter';
export { MessagingModule } from './nest/messaging.module';
export type { MessagingModuleOptions } from './nest/messaging.options';
export { BrokerEnvironment, loadBrokerUrl } from './nest/broker-environment';

/** Everything a service adds to its DataSource for messaging: entities and migrations. */
import { OutboxMessage } from './outbox/outbox-message.entity';
import { InboxMessage } from './inbox/inbox-message.entity';
import { CreateOutboxMessages1795600000000 } from './outbox/create-outbox-messages.migration';
import { CreateInboxMessages1795600000001 } from './inbox/create-inbox-messages.migration';
import { AddOutboxParking1795600000002 } from './outbox/add-outbox-parking.migration';
import { DropOutboxNotify1796500000000 } from './outbox/drop-outbox-notify.migration';
export const messagingEntities = [OutboxMessage, InboxMessage];
export const messagingMigrations = [
  CreateOutboxMessages1795600000000,
  CreateInboxMessages1795600000001,
  AddOutboxParking1795600000002,
  DropOutboxNotify1796500000000,
];
