import { registryAuthorization, startAppProcess, TEST_REGISTRY_ENV, type RunningProcess } from '@pss/testing';
import { readFileSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { AS_CLIENT, withInstance } from './eureka-http';

const MiB = 1024 * 1024;

/** `size` bytes of spaces, gzipped as they stream (about 1 KiB per MiB): a gzip bomb. */
async function gzipBomb(size: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const chunk = Buffer.alloc(MiB, ' ');
  for (let written = 0; written < size; written += MiB) {
    if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  await new Promise((resolve) => gzip.end(resolve));
  return Buffer.concat(parts);
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n ')}
]>
<instance><app>jqservice</app><hostName>&lol9;</hostName><ipAddr>10.0.0.1</ipAddr>
<dataCenterInfo><name>MyOwn</name></dataCenterInfo></instance>`;

/** Resident memory of a process, now and at its peak so far (VmRSS, VmHWM), in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

describe('hostile input to the registry', () => {
  let registry: RunningProcess;
  let base: string;

  beforeAll(async () => {
    registry = await startAppProcess('discovery', {
      ...TEST_REGISTRY_ENV,
      INSTANCE_HOST: '127.0.0.1',
      REGISTRY_MAX_INSTANCES_PER_APP: '3',
    });
    base = `http://127.0.0.1:${registry.port}/eureka/`;
  });
  afterAll(() => registry?.stop());

  const post = (path: string, body: string | Buffer, headers: Record<string, string>) =>
    fetch(base + path, { method: 'POST', headers: { ...AS_CLIENT, ...headers }, body });
  const asJson = { 'content-type': 'application/json' };

  it('refuses a gzip bomb, a 2 MB body, billion laughs and a foreign charset with 4xx, in bounded memory', async () => {
    const bomb = await gzipBomb(512 * MiB);
    const twoMegabytes = JSON.stringify(withInstance({ metadata: { padding: 'x'.repeat(2 * MiB) } }));
    const pid = registry.child.pid as number;
    const before = memoryOf(pid);
    let highest = before.rss;
    const sampler = setInterval(() => (highest = Math.max(highest, memoryOf(pid).rss)), 10);
    try {
      const answers = [
        await post('apps/jqservice', bomb, { ...asJson, 'content-encoding': 'gzip' }),
        await post('apps/jqservice', twoMegabytes, asJson),
        await post('apps/jqservice', BILLION_LAUGHS, { 'content-type': 'application/xml' }),
        await post('apps/jqservice', '{"instance":{}}', {
          'content-type': 'application/json; charset=utf-16',
        }),
        await post('peerreplication/batch/', bomb, {
          ...asJson,
          'content-encoding': 'gzip',
          authorization: registryAuthorization('peer'),
        }),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([413, 413, 400, 415, 413]);
    } finally {
      clearInterval(sampler);
    }
    const after = memoryOf(pid);
    console.log(
      `registry RSS: ${before.rss.toFixed(0)} MiB before, highest ${highest.toFixed(0)} MiB while refusing ` +
        `(${(bomb.length / 1024).toFixed(0)} KiB gzip bomb of 512 MiB, 2 MB JSON, billion laughs); ` +
        `peak since start ${after.peak.toFixed(0)} MiB`,
    );
    expect(highest - before.rss).toBeLessThan(64);
    expect((await fetch(`${base}apps`)).status).toBe(200);
  }, 60_000);

  it.each([
    [
      'a text field over 1,024 characters',
      { hostName: 'h'.repeat(1_025) },
      'hostName is longer than 1024 characters',
    ],
    [
      'more than 100 metadata entries',
      { metadata: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])) },
      'metadata has more than 100 entries',
    ],
    [
      'metadata over 256 KiB',
      { metadata: { blob: 'x'.repeat(256 * 1024) } },
      'metadata is larger than 262144 bytes',
    ],
    [
      'a lease over 300 s',
      { leaseInfo: { durationInSecs: 301 } },
      'leaseInfo.durationInSecs must be at most 300',
    ],
  ])('refuses a registration with %s: 400 and its reason', async (_what, fields, reason) => {
    const response = await post('apps/jqservice', JSON.stringify(withInstance(fields)), asJson);
    expect([response.status, await response.text()]).toEqual([400, reason]);
  });

  it('refuses an instance past the per-application limit, and a body where none belongs', async () => {
    for (const id of ['a', 'b', 'c'])
      expect(
        (await post('apps/jqservice', JSON.stringify(withInstance({ instanceId: id })), asJson)).status,
      ).toBe(204);
    const fourth = await post('apps/jqservice', JSON.stringify(withInstance({ instanceId: 'd' })), asJson);
    expect([fourth.status, await fourth.text()]).toEqual([400, 'Too many instances of JQSERVICE: at most 3']);
    const again = await post('apps/jqservice', JSON.stringify(withInstance({ instanceId: 'a' })), asJson);
    expect(again.status).toBe(204);

    const heartbeatWithBody = await fetch(`${base}apps/JQSERVICE/a`, {
      method: 'PUT',
      headers: { ...AS_CLIENT, ...asJson },
      body: JSON.stringify({ padding: 'x'.repeat(8 * 1024) }),
    });
    expect(heartbeatWithBody.status).toBe(413);
    const brotli = await post('apps/jqservice', 'x', { ...asJson, 'content-encoding': 'br' });
    expect(brotli.status).toBe(415);
  });
});
