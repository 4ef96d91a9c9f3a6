import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeCpuProfile } from './cpu-profile';

const frame = (id: number, functionName: string, url: string) => ({
  id,
  callFrame: { functionName, url, lineNumber: 0 },
});

// Two seconds of start-up in Nest's modules, then the service's own code, with an idle second.
const PROFILE = {
  nodes: [
    frame(1, 'bootstrap', '/app/node_modules/@nestjs/core/nest-factory.js'),
    frame(2, 'handle', '/app/main.js'),
    frame(3, '(idle)', ''),
  ],
  startTime: 0,
  endTime: 5_000_000,
  samples: [1, 1, 2, 3, 2],
  timeDeltas: [1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000],
};

describe('summarizeCpuProfile', () => {
  const directory = mkdtempSync(join(tmpdir(), 'pss-profile-spec-'));
  const file = join(directory, 'service.cpuprofile');
  beforeAll(() => writeFileSync(file, JSON.stringify(PROFILE)));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('shares the busy samples of the whole profile by owner, idle left out', () => {
    expect(summarizeCpuProfile(file).owners).toEqual([
      { name: '@nestjs/core', percent: 50 },
      { name: 'service code (main.js)', percent: 50 },
    ]);
  });

  it('counts only the samples of its last seconds when asked: the start-up before a load is not the load', () => {
    const { owners, functions } = summarizeCpuProfile(file, { lastSeconds: 2.5 });
    expect(owners).toEqual([{ name: 'service code (main.js)', percent: 100 }]);
    expect(functions).toEqual([{ name: 'handle [service code (main.js)]', percent: 100 }]);
  });
});
