import type { Channel, ConsumeMessage } from 'amqplib';

/**
 * Acknowledges one channel's deliveries cumulatively. Lanes settle deliveries out of order, so a
 * delivery is acked only once every earlier one is settled too; then one `basic.ack` with `multiple`
 * covers the run (one frame and one queue command instead of one per message).
 */
export class Acknowledger {
  /** Delivery tag -> delivery, in arrival (tag) order; `settled` once acked or requeued. */
  private readonly deliveries = new Map<number, { message: ConsumeMessage; settled?: 'ack' | 'requeued' }>();

  constructor(private readonly channel: Pick<Channel, 'ack' | 'nack'>) {}

  /** Every delivery is tracked on arrival, before any later one can be settled. */
  track(message: ConsumeMessage): void {
    this.deliveries.set(message.fields.deliveryTag, { message });
  }

  ack(message: ConsumeMessage): void {
    this.settle(message, 'ack');
  }

  /** Hands the message back to the queue now (it leaves the channel's unacked set at once). */
  requeue(message: ConsumeMessage): void {
    ignoreClosedChannel(() => this.channel.nack(message, false, true));
    this.settle(message, 'requeued');
  }

  private settle(message: ConsumeMessage, how: 'ack' | 'requeued'): void {
    const delivery = this.deliveries.get(message.fields.deliveryTag);
    if (delivery) delivery.settled = how;
    let last: ConsumeMessage | undefined;
    for (const [tag, { message: earlier, settled }] of this.deliveries) {
      if (!settled) break;
      this.deliveries.delete(tag);
      if (settled === 'ack') last = earlier;
    }
    // If the channel died meanwhile the broker redelivers these, and the inbox skips them.
    if (last) ignoreClosedChannel(() => this.channel.ack(last, true));
  }
}

function ignoreClosedChannel(operation: () => void): void {
  try {
    operation();
  } catch {
    // IllegalOperationError: channel closed.
  }
}
