import { type Tree, readJson, writeJson } from '@nx/devkit';

export const MANIFEST = 'services.json';

/** One service's entry in services.json (its $comment says what each field means). */
export interface ServiceEntry {
  database?: boolean;
  events?: { publishes: string };
  publishedInstances?: number;
  frontDoor?: boolean;
  configFiles?: Record<string, string>;
  lifecycleManager?: boolean;
}

interface Manifest {
  $comment?: string[];
  services: Record<string, ServiceEntry>;
}

export function readServices(tree: Tree): Record<string, ServiceEntry> {
  return readJson<Manifest>(tree, MANIFEST).services;
}

/** Adds (or replaces) a service's entry, after the ones already listed. */
export function addService(tree: Tree, name: string, entry: ServiceEntry): void {
  const manifest = readJson<Manifest>(tree, MANIFEST);
  writeJson(tree, MANIFEST, { ...manifest, services: { ...manifest.services, [name]: entry } });
}
