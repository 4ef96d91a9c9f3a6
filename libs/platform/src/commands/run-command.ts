import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { NestLogger } from '../logging/nest-logger';
import { ServiceCommand } from './service-command';

/** Finds the command `name` among the context's providers and runs it; throws when there is none. */
export async function runCommand(
  context: INestApplicationContext,
  name: string,
  args: string[],
): Promise<void> {
  const commands = context
    .get(DiscoveryService)
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is ServiceCommand => instance instanceof ServiceCommand);
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const known = ['migrate', ...commands.map((candidate) => candidate.name)].join(', ');
    throw new Error(`unknown command ${name}: this service knows ${known}`);
  }
  context.get(NestLogger).log(await command.run(args), name);
}
