/** Stops what global-setup started: with Ryuk disabled nothing else would. */
export default async function globalTeardown(): Promise<void> {
  const containers = globalThis.__PSS_TEST_CONTAINERS__ ?? [];
  await Promise.all(containers.map((container) => container.stop()));
}
