import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const isTestFile = (file: string) => /\.(int-)?spec\.ts$/.test(file);

/** The TypeScript files under `directory`, recursively. */
export function typeScriptFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(directory, entry))
    .filter((file) => file.endsWith('.ts') && statSync(file).isFile());
}

const RELATIVE_IMPORT = /(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The files `file` imports by relative path (type-only imports included). */
export function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(RELATIVE_IMPORT)].flatMap(([, specifier]) => {
    const base = resolve(dirname(file), specifier);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    return target ? [target] : [];
  });
}

/** Files under `root/src` reachable from `entries` through relative imports. */
export function reachableFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...relativeImports(file));
  }
  return seen;
}

/** The top-level folder of `file` under `sourceRoot`; undefined for a file at the root itself. */
const topFolder = (sourceRoot: string, file: string) => {
  const [first, ...rest] = relative(sourceRoot, file).split('/');
  return rest.length > 0 ? first : undefined;
};

/**
 * Cycles between the top-level folders of `sourceRoot`: folder A imports from B and B, maybe
 * through C, from A. Files at the root compose the folders (a module) and are left out.
 */
export function folderCycles(sourceRoot: string): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const file of typeScriptFiles(sourceRoot).filter((file) => !isTestFile(file))) {
    const from = topFolder(sourceRoot, file);
    for (const target of relativeImports(file)) {
      const to = topFolder(sourceRoot, target);
      if (!from || !to || to === from || relative(sourceRoot, target).startsWith('..')) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
  }
  const cycles = new Map<string, string[]>();
  const visit = (folder: string, path: string[]) => {
    for (const next of edges.get(folder) ?? []) {
      const index = path.indexOf(next);
      if (index < 0) visit(next, [...path, next]);
      else {
        const loop = path.slice(index);
        cycles.set([...loop].sort().join(' '), [...loop, next]);
      }
    }
  };
  for (const folder of edges.keys()) visit(folder, [folder]);
  return [...cycles.values()];
}
