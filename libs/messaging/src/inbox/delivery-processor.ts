import { Logger } from '@nestjs/common';
import { parseIntegrationEvent, type PssIntegrationEvent } from '@pss/contracts';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Acknowledger } from './acknowledger';
import { sendToDeadLetterQueue } from './dead-letter';
import type { EventApplier } from './event-applier';

/** A message together with the channel it came on, and that channel's acknowledger. */
export interface Delivery {
  channel: ConfirmChannel;
  acks: Acknowledger;
  message: ConsumeMessage;
}

export type ProcessOutcome = 'applied' | 'duplicate' | 'dead-lettered';
export interface ProcessedMessage {
  eventId?: string;
  type?: string;
  outcome: ProcessOutcome;
  reason?: string;
}

interface ParsedDelivery extends Delivery {
  event: PssIntegrationEvent;
}

/**
 * Settles a batch of deliveries: invalid messages go to the dead-letter queue at once; the rest are
 * applied in one transaction, or, if that fails, one by one with retries (so a poison message
 * costs its batch a detour, not its neighbours their effect). Acks only after the commit.
 */
export class DeliveryProcessor {
  private readonly logger = new Logger(DeliveryProcessor.name);

  constructor(
    private readonly consumer: string,
    private readonly applier: EventApplier<PssIntegrationEvent>,
    private readonly onProcessed: (processed: ProcessedMessage) => void,
  ) {}

  async process(batch: readonly Delivery[]): Promise<void> {
    const parsed: ParsedDelivery[] = [];
    for (const delivery of batch) {
      try {
        const event = parseIntegrationEvent(JSON.parse(delivery.message.content.toString('utf8')));
        parsed.push({ ...delivery, event });
      } catch (error) {
        await this.deadLetter(delivery, `malformed: ${(error as Error).message}`, 0);
      }
    }
    if (parsed.length > 1 && (await this.applyTogether(parsed))) return;
    for (const delivery of parsed) await this.applyAlone(delivery);
  }

  private async applyTogether(batch: readonly ParsedDelivery[]): Promise<boolean> {
    try {
      const outcomes = await this.applier.applyAll(batch.map(({ event }) => event));
      batch.forEach((delivery, i) => this.settle(delivery, { outcome: outcomes[i] }));
      return true;
    } catch (error) {
      this.logger.warn(`batch of ${batch.length} failed, applying one by one: ${(error as Error).message}`);
      return false;
    }
  }

  private async applyAlone(delivery: ParsedDelivery): Promise<void> {
    const result = await this.applier.apply(delivery.event);
    if (result === 'abandoned') return; // stopping: not acked, so the broker redelivers it
    if (typeof result === 'object') return this.deadLetter(delivery, result.failure, result.attempts);
    this.settle(delivery, { outcome: result });
  }

  private async deadLetter(
    delivery: Delivery | ParsedDelivery,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const event = 'event' in delivery ? delivery.event : undefined;
    const id =
      event?.id ?? delivery.message.properties.messageId ?? `delivery ${delivery.message.fields.deliveryTag}`;
    this.logger.error(`dead-lettering ${id} after ${attempts} attempts: ${reason}`);
    try {
      await sendToDeadLetterQueue(delivery.channel, delivery.message, this.consumer, reason, attempts);
    } catch (error) {
      this.logger.error(`could not dead-letter ${id}, requeueing: ${(error as Error).message}`);
      return delivery.acks.requeue(delivery.message);
    }
    this.settle(delivery, { outcome: 'dead-lettered', reason });
  }

  private settle(
    delivery: Delivery | ParsedDelivery,
    result: Pick<ProcessedMessage, 'outcome' | 'reason'>,
  ): void {
    delivery.acks.ack(delivery.message);
    const event = 'event' in delivery ? delivery.event : undefined;
    this.onProcessed({ eventId: event?.id, type: event?.type, ...result });
  }
}
