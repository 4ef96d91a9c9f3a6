import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds, on the profiled process's own clock. */
  endTime: number;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  percent: number;
}

/** Who spent a sample: an npm package, the service's own bundle, Node's internals, or V8. */
function ownerOf({ url, functionName }: ProfileNode['callFrame']): string {
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (npm) return npm[1];
  // node:internal/deps/undici/undici is fetch; node:_http_server, node:net...: the module names it.
  if (url.startsWith('node:internal/deps/')) return `node: ${url.split('/')[2]}`;
  if (url.startsWith('node:'))
    return `node: ${
      url
        .slice('node:'.length)
        .replace(/^internal\//, '')
        .split('/')[0]
    }`;
  if (url.endsWith('/main.js')) return 'service code (main.js)';
  if (url === '') return functionName.startsWith('(') ? functionName : 'V8 and native code';
  return url;
}

/**
 * Self time of a V8 CPU profile (`node --cpu-prof`), summed by owner and by function, as
 * percentages of the samples taken while the process was not idle; only its last `lastSeconds`
 * when given: a profile written as the process exits begins at its start-up, which (loading its
 * modules, connecting) is not what a load measures.
 */
export function summarizeCpuProfile(
  file: string,
  { top = 12, lastSeconds = Infinity }: { top?: number; lastSeconds?: number } = {},
): { owners: ProfileShare[]; functions: ProfileShare[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const from = profile.endTime - lastSeconds * 1e6;
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    at += micros;
    const callFrame = nodes.get(id)?.callFrame;
    if (at < from || !callFrame || callFrame.functionName === '(idle)') return;
    busy += micros;
    const owner = ownerOf(callFrame);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
    const fn = `${callFrame.functionName || '(anonymous)'} [${owner}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  });
  const shares = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, percent: Math.round((1000 * micros) / busy) / 10 }));
  return { owners: shares(byOwner), functions: shares(byFunction) };
}

/**
 * Prints where the CPU time of the profile in `file` went (in its last `lastSeconds`, when given):
 * by owner, then by function.
 */
export function printCpuProfile(what: string, file: string, lastSeconds?: number): void {
  const { owners, functions } = summarizeCpuProfile(file, { lastSeconds });
  console.log(`\n${what}, CPU self time by owner:`);
  for (const { name, percent } of owners) console.log(`  ${percent}%  ${name}`);
  console.log('by function:');
  for (const { name, percent } of functions) console.log(`  ${percent}%  ${name}`);
}
