import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

/** The inodes of the sockets process `pid` holds open. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // the descriptor closed while we looked
    }
  }
  return inodes;
}

/**
 * The TCP port process `pid` listens on, as the kernel reports it (/proc/net/tcp and tcp6), or
 * undefined while it listens on none. A process told to listen on port 0 gets a port no other
 * process can take between a choice and a bind.
 */
export function listeningPort(pid: number): number | undefined {
  const inodes = socketInodes(pid);
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === LISTEN && inodes.has(inode)) return parseInt(local.split(':')[1], 16);
    }
  }
  return undefined;
}
