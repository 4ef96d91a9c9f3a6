import type { StartedTestContainer } from 'testcontainers';
import { reportOpenHandles } from './open-handles';

// Lines a server writes when it crashed or restarted under the tests: worth seeing in CI output.
const TROUBLE = /terminated by signal|PANIC|FATAL:.*(out of memory|No space)|database system was interrupted/;

/** Stops what global-setup started: with Ryuk disabled nothing else would. */
export default async function globalTeardown(): Promise<void> {
  const containers = globalThis.__PSS_TEST_CONTAINERS__ ?? [];
  await Promise.all(containers.map(reportTrouble));
  await Promise.all(containers.map((container) => container.stop()));
  await reportOpenHandles('integration tests');
}

async function reportTrouble(container: StartedTestContainer): Promise<void> {
  const stream = await container.logs();
  const lines: string[] = [];
  stream.on('data', (chunk: Buffer | string) => lines.push(...chunk.toString().split('\n')));
  await new Promise((resolve) => setTimeout(resolve, 500)).then(() => stream.destroy());
  const trouble = lines.filter((line) => TROUBLE.test(line));
  if (trouble.length > 0) console.warn(`${container.getName()} reported:\n${trouble.join('\n')}`);
}
