import { hostname } from 'node:os';
import { basicAuthorization } from '@pss/platform';

/** Another registry node, as this one reaches it. */
export interface Peer {
  /** Its Eureka base URL (`http://discovery-2:8761/eureka/`), without credentials. */
  url: URL;
  /** The Authorization header this node sends it. */
  authorization: string;
  /** How logs, metrics and the status page name it: the URL without userinfo. */
  name: string;
}

export interface PeerAccount {
  username: string;
  password: string;
}

/** The peers named in DISCOVERY_URLS. Every node can get the same list: it skips the entry naming itself. */
export function peerUrlsOf(list: string | undefined, self: { port: number; instanceHost?: string }): URL[] {
  return (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => new URL(entry.endsWith('/') ? entry : `${entry}/`))
    .filter((url) => !isSelf(url, self.port, self.instanceHost));
}

/**
 * A peer is called with the userinfo of its URL (`http://peer:secret@discovery-2…`, as Spring Cloud
 * writes it), else with this node's own peer account; the userinfo goes nowhere else.
 */
export function peerOf(url: URL, account: PeerAccount): Peer {
  const bare = new URL(url);
  bare.username = '';
  bare.password = '';
  const { username, password } = url.username
    ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
    : account;
  return { url: bare, authorization: basicAuthorization(username, password), name: bare.href };
}

function isSelf(url: URL, port: number, instanceHost: string | undefined): boolean {
  const names = new Set([instanceHost, hostname()].filter(Boolean));
  return names.has(url.hostname) && Number(url.port || 80) === port;
}
