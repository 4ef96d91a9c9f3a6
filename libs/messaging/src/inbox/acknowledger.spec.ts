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

  it('acks a run from the oldest delivery at once, and a delivery past an unsettled one alone', () => {
    const acknowledger = acks();
    [one, two, three, four].forEach((message) => acknowledger.track(message));
    acknowledger.ack(two);
    acknowledger.ack(three);
    expect(calls).toEqual(['ack 2 false', 'ack 3 false']);
    acknowledger.ack(one);
    expect(calls).toEqual(['ack 2 false', 'ack 3 false', 'ack 1 true']);
    acknowledger.ack(four);
    expect(calls.at(-1)).toBe('ack 4 true');
  });

  it('requeues at once and never acks the requeued tag itself', () => {
    const acknowledger = acks();
    [one, two, three, four].forEach((message) => acknowledger.track(message));
    acknowledger.ack(one);
    acknowledger.ack(three);
    acknowledger.requeue(two);
    acknowledger.requeue(four);
    expect(calls).toEqual(['ack 1 true', 'ack 3 false', 'nack 2 false true', 'nack 4 false true']);
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
