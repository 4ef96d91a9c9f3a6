type Env = Record<string, string | undefined>;

/** Thrown at startup; the message names the variable (fail fast, ARCHITECTURE.md §3). */
export class InvalidEnvironment extends Error {}

export function readNumber(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    throw new InvalidEnvironment(`${name} must be a number >= ${min}, got "${raw}"`);
  }
  return value;
}

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new InvalidEnvironment(`${name} must be true or false, got "${env[name]}"`);
}

export function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new InvalidEnvironment(`${name} must be one of ${choices.join(', ')}, got "${raw}"`);
}

/** DISCOVERY_URLS: comma-separated registry base URLs such as http://discovery-2:8761/eureka/. */
export function readUrls(env: Env, name: string): URL[] {
  return (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      try {
        return new URL(entry.endsWith('/') ? entry : `${entry}/`);
      } catch {
        throw new InvalidEnvironment(`${name} must list http(s) URLs separated by commas, got "${entry}"`);
      }
    });
}
