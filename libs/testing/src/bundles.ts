import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from './images';

const SOURCES = ['apps', 'libs', 'tsconfig.base.json', 'tools/build'];
const BUNDLES = join(workspaceRoot, 'dist', 'test-bundles');
const STALE_AFTER_MS = 3_600_000;
/** Bundles this process is making: concurrent callers for the same entry wait for one. */
const inFlight = new Map<string, Promise<string>>();

/** Path, size and modification time of every source file: a bundle made from them is still current. */
function sourceState(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'node_modules') visit(join(path, name));
    } else {
      hash.update(`${relative(workspaceRoot, path)} ${stat.size} ${stat.mtimeMs}\n`);
    }
  };
  for (const source of SOURCES) visit(join(workspaceRoot, source));
  return hash.digest('hex').slice(0, 16);
}

/**
 * `entry` (a TypeScript file of this workspace) bundled as the images bundle it
 * (tools/build/bundle.js), once per state of the sources, whichever worker asks first: a child
 * process then starts in a fraction of the time it takes to compile the same files at every start.
 */
export function bundledEntry(entry: string, tsconfig: string): Promise<string> {
  const name = `${createHash('sha256').update(`${entry} ${tsconfig}`).digest('hex').slice(0, 12)}.js`;
  const state = sourceState();
  const bundle = join(BUNDLES, state, name);
  if (existsSync(bundle)) return Promise.resolve(bundle);
  const partial = join(BUNDLES, `${state}.${process.pid}.${randomUUID()}`, name);
  const pending = inFlight.get(bundle) ?? bundleInto(entry, tsconfig, partial, bundle);
  inFlight.set(bundle, pending);
  return pending.finally(() => inFlight.delete(bundle));
}

/**
 * How node runs a bundle of the tests: stack traces through the workspace's code point at its
 * TypeScript sources. Only the bundle's own source map is read; `--enable-source-maps` would read
 * every npm package's as well, a sixth of the CPU a service takes to start.
 */
export const nodeArgsFor = (bundle: string): string[] => [
  '--import=data:text/javascript,import{setSourceMapsSupport}from"node:module";setSourceMapsSupport(true)',
  bundle,
];

/**
 * Bundles into `partial`, a folder of its own at the same depth as `bundle` (the source map's paths
 * are relative), then moves it there: a worker never runs another's half-written file.
 */
async function bundleInto(entry: string, tsconfig: string, partial: string, bundle: string): Promise<string> {
  const bundler = join(workspaceRoot, 'tools/build/bundle.js');
  await promisify(execFile)(
    process.execPath,
    [bundler, join(workspaceRoot, entry), join(workspaceRoot, tsconfig), partial],
    { cwd: workspaceRoot },
  );
  mkdirSync(dirname(bundle), { recursive: true });
  renameSync(`${partial}.map`, `${bundle}.map`);
  renameSync(partial, bundle);
  rmSync(dirname(partial), { recursive: true, force: true });
  removeStaleBundles(basename(dirname(bundle)));
  return bundle;
}

/** The bundles of earlier states of the sources, once no run can still be using them. */
function removeStaleBundles(current: string): void {
  const stale = Date.now() - STALE_AFTER_MS;
  for (const name of readdirSync(BUNDLES)) {
    const path = join(BUNDLES, name);
    if (!name.startsWith(current) && statSync(path).mtimeMs < stale)
      rmSync(path, { recursive: true, force: true });
  }
}
