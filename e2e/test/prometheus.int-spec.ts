import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { join } from 'node:path';
import { baseImages, workspaceRoot } from '@pss/testing';

const configDir = join(workspaceRoot, 'docker', 'prometheus');

describe(`${baseImages.prometheus} behaves like the official image`, () => {
  let container: StartedTestContainer;

  beforeAll(async () => {
    container = await new GenericContainer(baseImages.prometheus)
      .withExposedPorts(9090)
      .withWaitStrategy(Wait.forHttp('/-/ready', 9090))
      .start();
  });

  afterAll(() => container?.stop());

  it('runs as nobody with its data in /prometheus and promtool beside it', async () => {
    const { output } = await container.exec(['sh', '-c', 'id -u; pwd; promtool --version | head -1']);
    const [uid, cwd, promtool] = output.trim().split('\n');
    expect([uid, cwd]).toEqual(['65534', '/prometheus']);
    expect(promtool).toMatch(/^promtool, version 2\.53\./);
  });

  it('answers the query API', async () => {
    const response = await fetch(
      `http://${container.getHost()}:${container.getMappedPort(9090)}/api/v1/query?query=1%2B1`,
    );
    expect(await response.json()).toMatchObject({
      status: 'success',
      data: { result: [expect.anything(), '2'] },
    });
  });
});

describe("PSS's Prometheus configuration (docker/prometheus)", () => {
  async function promtool(...args: string[]): Promise<{ exitCode: number; output: string }> {
    const container = await new GenericContainer(baseImages.prometheus)
      .withBindMounts([{ source: configDir, target: '/config', mode: 'ro' }])
      .withWorkingDir('/config')
      .withEntrypoint(['sh', '-c', 'sleep 60'])
      .start();
    try {
      return await container.exec(['promtool', ...args]);
    } finally {
      await container.stop();
    }
  }

  it('is valid, rules included', async () => {
    const { exitCode, output } = await promtool('check', 'config', 'prometheus.yml');
    expect(output).toMatch(/SUCCESS: \d+ rules found/);
    expect(exitCode).toBe(0);
  });

  it('raises each alert in the situations rules.test.yml describes, and only then', async () => {
    const { exitCode, output } = await promtool('test', 'rules', 'rules.test.yml');
    expect(output).toMatch(/SUCCESS/);
    expect(exitCode).toBe(0);
  });
});
