import { plainAddress, type TrustedHops } from '@pss/platform';
import type { RegistryClient } from './registry-client.service';

/** The shortest time between two registry fetches that callers' claims may cause. */
const REFETCH_AFTER_MS = 5_000;

/**
 * Trusts the addresses that instances of `apps` are registered at (written only by their accounts).
 * An address not listed may be an instance that started after the last registry fetch: the registry
 * is asked again, at most once every few seconds, since anyone can send an X-Forwarded-For.
 */
export function registeredCallers(
  registry: RegistryClient,
  apps: readonly string[],
  refetchAfterMs = REFETCH_AFTER_MS,
): TrustedHops {
  const listed = (address: string) =>
    apps.some((app) => registry.instances(app).some((instance) => plainAddress(instance.ipAddr) === address));
  let lastFetch: { at: number; done: Promise<void> } | undefined;
  return {
    async trusts(address) {
      if (apps.length === 0) return false;
      if (listed(address)) return true;
      if (!lastFetch || Date.now() - lastFetch.at >= refetchAfterMs)
        lastFetch = { at: Date.now(), done: registry.refresh() };
      await lastFetch.done;
      return listed(address);
    },
  };
}
