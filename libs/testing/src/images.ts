import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BaseImages {
  node: string;
  postgres: string;
  rabbitmq: string;
  prometheus: string;
}

/** Parses the KEY=value lines of docker/images.env (comments and blank lines ignored). */
export function parseImagesEnv(text: string): BaseImages {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z_]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (match) vars.set(match[1], match[2]);
  }
  const get = (key: string): string => {
    const value = vars.get(key);
    if (!value) throw new Error(`docker/images.env does not define ${key}`);
    return value;
  };
  return {
    node: get('NODE_IMAGE'),
    postgres: get('POSTGRES_IMAGE'),
    rabbitmq: get('RABBITMQ_IMAGE'),
    prometheus: get('PROMETHEUS_IMAGE'),
  };
}

export const workspaceRoot = join(__dirname, '..', '..', '..');

/** The pinned base-image tags: docker/images.env is the one place they are written. */
export const baseImages: BaseImages = parseImagesEnv(
  readFileSync(join(workspaceRoot, 'docker', 'images.env'), 'utf8'),
);

/**
 * The CA bundle image builds hand npm as the `extra_ca` secret (for a TLS-inspecting proxy):
 * PSS_EXTRA_CA_FILE, else the host's bundle; undefined if neither exists.
 */
export function extraCaBundle(): string | undefined {
  const file = process.env.PSS_EXTRA_CA_FILE ?? '/etc/ssl/certs/ca-certificates.crt';
  return existsSync(file) ? file : undefined;
}
