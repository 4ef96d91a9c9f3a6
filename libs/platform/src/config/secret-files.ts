import { readFileSync } from 'node:fs';
import { ConfigurationError } from './configuration-error';

type Env = Record<string, string | undefined>;

const SUFFIX = '_FILE';

/**
 * `env` with `NAME_FILE=/path` read into `NAME` (one trailing newline dropped) for each of `names`,
 * the way the official images read compose and Swarm secrets: a password never has to be a value in
 * a container's environment. Setting both NAME and NAME_FILE is a mistake, reported as one.
 */
export function withSecretFiles(env: Env, names: readonly string[]): Env {
  const resolved: Env = { ...env };
  const problems: string[] = [];
  for (const name of names) {
    const variable = `${name}${SUFFIX}`;
    const path = env[variable];
    if (!path) continue;
    if (env[name]) {
      problems.push(`${name} and ${variable} are both set: set one`);
      continue;
    }
    try {
      resolved[name] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      problems.push(
        `${variable} names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code})`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return resolved;
}
