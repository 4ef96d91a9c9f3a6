import type { Channel, ConsumeMessage } from 'amqplib';

type Settled = 'ack' | 'acked' | 'requeued';

/**
 * Acknowledges one channel's deliveries as soon as each is settled, never holding one back for
 * another: a delivery that stays unacked goes back to the queue on every crash, and the quorum
 * queue counts each return towards its delivery limit. Lanes settle out of order, so the run of
 * settled deliveries from the oldest one goes as one cumulative `basic.ack` (`multiple`); a delivery
 * settled past an unsettled one is acked alone.
 */
export class Acknowledger {
  /** Delivery tag -> delivery, in arrival (tag) order, until the oldest unsettled one passes it. */
  private readonly deliveries = new Map<number, { message: ConsumeMessage; settled?: Settled }>();

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
    let cumulative: ConsumeMessage | undefined;
    let oldest = true;
    for (const [tag, entry] of this.deliveries) {
      if (!entry.settled) oldest = false;
      else if (oldest) {
        this.deliveries.delete(tag);
        if (entry.settled === 'ack') cumulative = entry.message;
      } else if (entry.settled === 'ack') {
        ignoreClosedChannel(() => this.channel.ack(entry.message, false));
        entry.settled = 'acked';
      }
    }
    // If the channel died meanwhile the broker redelivers these, and the inbox skips them.
    if (cumulative) ignoreClosedChannel(() => this.channel.ack(cumulative, true));
  }
}

function ignoreClosedChannel(operation: () => void): void {
  try {
    operation();
  } catch {
    // IllegalOperationError: channel closed.
  }
}
