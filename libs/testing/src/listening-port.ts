import { readdir, readFile, readlink } from 'node:fs/promises';

const LISTEN = '0A';

/**
 * The TCP port process `pid` listens on, read from Linux's /proc: the process binds port 0 and
 * the test reads the port back, so no other test worker can take it in between. Undefined while it
 * does not listen yet.
 */
export async function listeningPort(pid: number): Promise<number | undefined> {
  const sockets = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [])) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) sockets.add(inode);
  }
  for (const table of ['tcp', 'tcp6']) {
    const rows = (await readFile(`/proc/${pid}/net/${table}`, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const row of rows) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const [, local, , state, , , , , , inode] = row.trim().split(/\s+/);
      if (state === LISTEN && sockets.has(inode)) return parseInt(local.split(':')[1], 16);
    }
  }
  return undefined;
}
