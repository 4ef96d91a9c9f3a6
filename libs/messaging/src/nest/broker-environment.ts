import { validateEnvironment } from '@pss/platform';
import { Expose } from 'class-transformer';
import { IsDefined, Matches } from 'class-validator';

export class BrokerEnvironment {
  @Expose()
  @Matches(/^amqps?:\/\/\S+$/, { message: 'RABBITMQ_URL must be an amqp:// or amqps:// URL' })
  @IsDefined({ message: 'RABBITMQ_URL is required' })
  RABBITMQ_URL!: string;
}

/** RABBITMQ_URL, validated: a missing or malformed value stops the service at startup. */
export function loadBrokerUrl(env: Record<string, string | undefined> = process.env): string {
  return validateEnvironment(BrokerEnvironment, env).RABBITMQ_URL;
}
