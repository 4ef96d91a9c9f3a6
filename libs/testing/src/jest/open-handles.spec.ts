import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { reportOpenHandles } from './open-handles';

describe('reportOpenHandles', () => {
  const warnings = () => jest.mocked(console.warn).mock.calls.map(([line]) => String(line));

  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('does not name a child process the run has awaited (its handle closes after the await)', async () => {
    await promisify(execFile)(process.execPath, ['-e', '']);
    await reportOpenHandles('this run');
    expect(warnings().filter((line) => line.includes('ProcessWrap'))).toEqual([]);
  });

  it('names a child process still running', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      await reportOpenHandles('this run');
      expect(warnings()).toContainEqual(expect.stringMatching(/^this run left open: .*ProcessWrap x1/));
    } finally {
      child.kill();
      await once(child, 'exit');
    }
  });
});
