import { baseImages, docker, exec } from '@pss/testing';

export interface LoadTally {
  sent: number;
  /** Each failed request: its path and the status or error it got. */
  failed: string[];
}

// Runs in a container on the stack's network: passengers asking the front door (the website's
// port), each request on a connection of its own (a name looked up again each time, as a browser
// that was not on the page before does), until the stop file appears; then the tally as JSON.
const SCRIPT = `
const http = require('node:http');
const { existsSync } = require('node:fs');
const [paths, stopFile, loops] = [JSON.parse(process.argv[1]), process.argv[2], Number(process.argv[3])];
const tally = { sent: 0, failed: [] };
const get = (path) => new Promise((resolve) => {
  const request = http.get({ host: 'website', port: 8001, path, agent: false, timeout: 10000 }, (response) => {
    response.resume();
    response.on('end', () => resolve(response.statusCode));
  });
  request.on('timeout', () => request.destroy(new Error('timed out')));
  request.on('error', (error) => resolve(error.code ?? error.message));
});
const loop = async () => {
  while (!existsSync(stopFile))
    for (const path of paths) {
      const status = await get(path);
      tally.sent += 1;
      if (status !== 200) tally.failed.push(path + ': ' + status);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
};
Promise.all(Array.from({ length: loops }, loop)).then(() => console.log(JSON.stringify(tally)));`;

const STOP_FILE = '/tmp/stop';

/**
 * A few passengers asking the front door of `stack` for `paths` over and over, from a container of
 * their own on the stack's network, until stopped.
 */
export async function startFrontDoorLoad(
  stack: string,
  paths: string[],
  loops = 4,
): Promise<{ stop(): Promise<LoadTally> }> {
  const container = await docker.createContainer({
    Image: baseImages.node,
    Entrypoint: ['sleep', 'infinity'],
    Labels: { 'pss.test': 'front-door-load' },
    HostConfig: { NetworkMode: `${stack}_default`, AutoRemove: true },
  });
  await container.start();
  const run = exec(container, ['node', '-e', SCRIPT, JSON.stringify(paths), STOP_FILE, String(loops)]);
  return {
    async stop() {
      await exec(container, ['touch', STOP_FILE]);
      const { code, output, stdout } = await run;
      await container.kill().catch(() => undefined);
      if (code !== 0) throw new Error(`the load ended with ${code}: ${output}`);
      return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as LoadTally;
    },
  };
}
