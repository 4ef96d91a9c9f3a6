import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { DEAD_LETTER_EXCHANGE } from '../broker/topology';

/** Headers a dead-lettered message carries (besides its original ones). */
export const deadLetterHeaders = {
  reason: 'x-pss-death-reason',
  attempts: 'x-pss-attempts',
  failedAt: 'x-pss-failed-at',
  consumer: 'x-pss-consumer',
  routingKey: 'x-pss-original-routing-key',
} as const;

/**
 * Republishes a message to the consumer's dead-letter queue with why it failed, and resolves once
 * the broker confirmed it (the caller acks the original only then).
 */
export function sendToDeadLetterQueue(
  channel: ConfirmChannel,
  message: ConsumeMessage,
  consumer: string,
  reason: string,
  attempts: number,
): Promise<void> {
  const { properties } = message;
  return new Promise((resolve, reject) => {
    channel.publish(
      DEAD_LETTER_EXCHANGE,
      consumer,
      message.content,
      {
        persistent: true,
        contentType: properties.contentType,
        messageId: properties.messageId,
        type: properties.type,
        headers: {
          ...properties.headers,
          [deadLetterHeaders.reason]: reason,
          [deadLetterHeaders.attempts]: attempts,
          [deadLetterHeaders.failedAt]: new Date().toISOString(),
          [deadLetterHeaders.consumer]: consumer,
          [deadLetterHeaders.routingKey]: message.fields.routingKey,
        },
      },
      (error) => (error ? reject(error) : resolve()),
    );
  });
}
