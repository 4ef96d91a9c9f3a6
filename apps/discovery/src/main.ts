import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { registryConfig } from './config/registry-config';
import { RegistryModule } from './registry.module';

async function main(): Promise<void> {
  const config = registryConfig(process.env);
  const app = await NestFactory.create(RegistryModule, { bodyParser: false });
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
}

void main();
