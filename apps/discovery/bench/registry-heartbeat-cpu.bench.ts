// The registry holding 5,000 instances that heartbeat every 5 s (1,000 renewals/s): the
// registry process's CPU over 30 s, from /proc. Target: under 50 % of one core.
import { registryAuthorization } from '@pss/testing';
import { Agent, request } from 'node:http';
import { cpuSeconds, machine, sleep, startRegistry } from './bench-support';

const INSTANCES = 5_000;
const HEARTBEAT_MS = 5_000;
const MEASURE_MS = 30_000;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
// Fifty applications: the operator may write them all.
const authorization = registryAuthorization('operator');

function send(port: number, method: string, path: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = body
      ? { authorization, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
      : { authorization };
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const instance = (i: number) =>
  JSON.stringify({
    instance: {
      instanceId: `10.0.${Math.floor(i / 250)}.${i % 250}:load:8080`,
      app: `LOAD${i % 50}`,
      hostName: `10.0.${Math.floor(i / 250)}.${i % 250}`,
      ipAddr: `10.0.${Math.floor(i / 250)}.${i % 250}`,
      port: { $: 8080, '@enabled': 'true' },
      vipAddress: `load${i % 50}`,
      dataCenterInfo: { '@class': 'com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo', name: 'MyOwn' },
      leaseInfo: { renewalIntervalInSecs: 5, durationInSecs: 15 },
      status: 'UP',
    },
  });

async function heartbeatRound(port: number, deadline: number): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const perTick = INSTANCES / (HEARTBEAT_MS / 100); // spread evenly: one slice every 100 ms
  for (let next = 0; Date.now() < deadline; next = (next + perTick) % INSTANCES) {
    const tick = Date.now();
    const slice = Array.from({ length: perTick }, (_, k) => next + k);
    const answers = await Promise.all(
      slice.map((i) =>
        send(
          port,
          'PUT',
          `/eureka/apps/LOAD${i % 50}/10.0.${Math.floor(i / 250)}.${i % 250}:load:8080`,
        ).catch(() => 0),
      ),
    );
    sent += answers.length;
    failed += answers.filter((status) => status !== 200).length;
    await sleep(Math.max(0, 100 - (Date.now() - tick)));
  }
  return { sent, failed };
}

async function measure(logLevel: string): Promise<void> {
  const registry = await startRegistry({ LOG_LEVEL: logLevel });
  try {
    for (let i = 0; i < INSTANCES; i += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, k) =>
          send(registry.port, 'POST', `/eureka/apps/LOAD${(i + k) % 50}`, instance(i + k)),
        ),
      );
    }
    await heartbeatRound(registry.port, Date.now() + HEARTBEAT_MS); // warm-up: one full round
    const pid = registry.child.pid as number;
    const cpuBefore = cpuSeconds(pid);
    const started = Date.now();
    const { sent, failed } = await heartbeatRound(registry.port, started + MEASURE_MS);
    const elapsed = (Date.now() - started) / 1000;
    const cpu = ((cpuSeconds(pid) - cpuBefore) / elapsed) * 100;
    const status = (await (await fetch(`http://127.0.0.1:${registry.port}/eureka/status`)).json()) as {
      instanceCount: number;
    };
    console.log(
      `LOG_LEVEL=${logLevel}: ${status.instanceCount} instances, ${(sent / elapsed).toFixed(0)} heartbeats/s for ${elapsed.toFixed(1)} s, ` +
        `${failed} failed; registry CPU ${cpu.toFixed(1)} % of one core (target < 50 %)`,
    );
  } finally {
    await registry.stop();
  }
}

async function main(): Promise<void> {
  console.log(`registry heartbeat load (${machine()})`);
  await measure('warn');
  await measure('info');
  agent.destroy();
}

void main();
