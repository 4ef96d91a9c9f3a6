import type { BrokerConnection } from './broker-connection';
import { EventPublisher, type OutgoingEvent } from './event-publisher';

/** A channel whose publishes wait until the test confirms or refuses them, in any order. */
class PendingChannel {
  readonly sent: string[] = [];
  private readonly pending = new Map<string, { resolve(): void; reject(error: Error): void }>();

  publish(_exchange: string, _type: string, _body: Buffer, options: { messageId: string }): Promise<void> {
    this.sent.push(options.messageId);
    return new Promise((resolve, reject) => this.pending.set(options.messageId, { resolve, reject }));
  }

  confirm(id: string): void {
    this.pending.get(id)?.resolve();
  }

  refuse(id: string): void {
    this.pending.get(id)?.reject(new Error(`nack for ${id}`));
  }
}

const event = (id: string, aggregateId: string): OutgoingEvent => ({
  id,
  type: 'booking.confirmed',
  aggregateId,
  body: '{}',
});

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('EventPublisher.publishAll', () => {
  let channel: PendingChannel;
  let publisher: EventPublisher;

  beforeEach(() => {
    channel = new PendingChannel();
    const broker = { createChannel: () => channel } as unknown as BrokerConnection;
    publisher = new EventPublisher(broker, { search: ['booking.confirmed'] });
  });

  it("sends an aggregate's next event once the broker confirmed the one before, other aggregates' at once", async () => {
    const done = publisher.publishAll([event('a1', 'a'), event('b1', 'b'), event('a2', 'a')]);
    await settled();
    expect(channel.sent).toEqual(['a1', 'b1']);

    channel.confirm('a1');
    await settled();
    expect(channel.sent).toEqual(['a1', 'b1', 'a2']);

    channel.confirm('b1');
    channel.confirm('a2');
    await expect(done).resolves.toBeUndefined();
  });

  it('fails once the broker refused an event, and sends no event after it, of its aggregate or another', async () => {
    const done = publisher.publishAll([
      event('a1', 'a'),
      event('a2', 'a'),
      event('b1', 'b'),
      event('b2', 'b'),
    ]);
    await settled();
    channel.refuse('a1');
    await expect(done).rejects.toThrow('nack for a1');
    channel.confirm('b1');
    await settled();
    expect(channel.sent).toEqual(['a1', 'b1']);
  });
});
