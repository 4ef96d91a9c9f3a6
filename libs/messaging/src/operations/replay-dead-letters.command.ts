import { ServiceCommand } from '@pss/platform';
import type { MessageProperties } from 'amqplib';
import type { BrokerConnection } from '../broker/broker-connection';
import { deadLetterQueueFor, queueFor } from '../broker/topology';

// What a death added to a message: ours (x-pss-*) and the broker's (x-death, x-first-death-*, …).
const DEATH_HEADER = /^x-(pss-|death$|first-death-|last-death-)/;

/**
 * `node main.js dlq:replay`: moves the messages that were in the service's dead-letter queue when
 * it started back to the service's own queue (not to the exchange, so other consumers get no
 * copy), each acked in the dead-letter queue only once the broker confirmed its copy. A replayed
 * event lands behind newer events of its aggregate; the inbox still applies each event once.
 */
export class ReplayDeadLettersCommand extends ServiceCommand {
  readonly name = 'dlq:replay';

  constructor(
    private readonly broker: BrokerConnection,
    private readonly service: string,
  ) {
    super();
  }

  async run(): Promise<string> {
    await this.broker.waitForConnection(30_000);
    const channel = this.broker.createChannel({ name: 'dlq-replay', confirm: true });
    try {
      await channel.waitForConnect();
      const from = deadLetterQueueFor(this.service);
      const { messageCount } = await channel.checkQueue(from);
      let replayed = 0;
      while (replayed < messageCount) {
        const message = await channel.get(from);
        if (!message) break;
        await channel.sendToQueue(queueFor(this.service), message.content, withoutDeath(message.properties));
        channel.ack(message);
        replayed += 1;
      }
      return `replayed ${replayed} dead-lettered events from ${from} to ${queueFor(this.service)}`;
    } finally {
      await channel.close();
    }
  }
}

function withoutDeath({ contentType, messageId, type, headers }: MessageProperties) {
  const kept = Object.entries(headers ?? {}).filter(([name]) => !DEATH_HEADER.test(name));
  return { persistent: true, contentType, messageId, type, headers: Object.fromEntries(kept) };
}
