import type { ConsumeMessage } from 'amqplib';
import { Acknowledger } from './acknowledger';

function delivery(deliveryTag: number): ConsumeMessage {
  return { fields: { deliveryTag } } as ConsumeMessage;
}

describe('Acknowledger', () => {
  const calls: string[] = [];
  const acks = () =>
    new Acknowledger({
      ack: (message, allUpTo) => void calls.push(`ack ${message.fields.deliveryTag} ${allUpTo}`),
      nack: (message, allUpTo, requeue) =>
        void calls.push(`nack ${message.fields.deliveryTag} ${allUpTo} ${requeue}`),
    });
  const [one, two, three, four] = [1, 2, 3, 4].map(delivery);

  beforeEach(() => (calls.length = 0));

  it('acks nothing past a delivery that is not settled, then the whole run at once', () => {
    const acknowledger = acks();
    [one, two, three].forEach((message) => acknowledger.track(message));
    acknowledger.ack(two);
    acknowledger.ack(three);
    expect(calls).toEqual([]);
    acknowledger.ack(one);
    expect(calls).toEqual(['ack 3 true']);
  });

  it('requeues at once and never acks the requeued tag itself', () => {
    const acknowledger = acks();
    [one, two, three, four].forEach((message) => acknowledger.track(message));
    acknowledger.ack(one);
    acknowledger.ack(three);
    acknowledger.requeue(two);
    acknowledger.requeue(four);
    expect(calls).toEqual(['ack 1 true', 'nack 2 false true', 'ack 3 true', 'nack 4 false true']);
  });

  it('keeps going when the channel is already closed', () => {
    const acknowledger = new Acknowledger({
      ack: () => {
        throw new Error('Channel closed');
      },
      nack: () => undefined,
    });
    acknowledger.track(one);
    expect(() => acknowledger.ack(one)).not.toThrow();
  });
});
