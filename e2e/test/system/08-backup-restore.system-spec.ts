import { daysFromToday, docker, workspaceRoot } from '@pss/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PssUser } from './pss-user';
import { systemStack } from './system-stack';

const stack = systemStack();
const user = new PssUser(stack);
const BF106 = { flightNumber: 'BF106', origin: 'NYC' };
const LOST = ['booking', 'checkin'];

/** An operator's script run against the system suite's stack, as they would run it against theirs. */
const operatorScript = async (script: string, ...args: string[]) =>
  promisify(execFile)('bash', [join('scripts', script), ...args], {
    cwd: workspaceRoot,
    env: { ...process.env, COMPOSE_PROJECT_NAME: stack.address.project, PSS_ENV_FILE: stack.address.envFile },
  });

const found = async (service: string, path: string) => (await fetch(`${stack.url(service)}${path}`)).status;

// Invariant: what a backup holds comes back once its databases are lost and restored from it
// (bookings with their status, check-ins with their seats), and the system then serves as before.
describe("booking's and check-in's databases lost, then restored from the operator's backup", () => {
  const backups = mkdtempSync(join(tmpdir(), 'pss-backups-'));
  afterAll(() => rmSync(backups, { recursive: true, force: true }));

  it('brings back every booking and check-in of the backup, with its status and seat; takes bookings again', async () => {
    const date = daysFromToday(1);
    const checkedIn = await user.booked(BF106, date, 1);
    const checkin = await user.createCheckin(checkedIn.id);
    expect(checkin.status).toBe(201);
    const cancelled = await user.booked(BF106, date, 1);
    expect(await user.cancel(cancelled.id)).toBe(200);

    const { stderr } = await operatorScript('backup.sh', backups);
    const [taken] = readdirSync(backups);
    expect(readdirSync(join(backups, taken)).sort()).toEqual([
      'booking.dump',
      'checkin.dump',
      'fares.dump',
      'search.dump',
    ]);
    expect(stderr).toContain(`backed up fares, search, booking, checkin to ${join(backups, taken)}`);
    // Made after the backup: a restore returns to the backup's moment.
    const later = await user.booked(BF106, date, 1);

    for (const service of LOST) {
      await stack.compose('rm', '--stop', '--force', service, `${service}-db`);
      await docker.getVolume(`${stack.address.project}_${service}-data`).remove();
    }
    await stack.compose('up', '--detach', '--wait', '--no-deps', ...LOST.flatMap((s) => [`${s}-db`, s]));
    expect(await found('booking', `/bookings/${checkedIn.id}`)).toBe(404);

    await operatorScript('restore.sh', join(backups, taken), ...LOST);
    expect(await user.bookingStatus(checkedIn.id)).toBe('CHECKED_IN');
    expect(await user.bookingStatus(cancelled.id)).toBe('CANCELLED');
    expect(await found('booking', `/bookings/${later.id}`)).toBe(404);
    const again = await user.createCheckin(checkedIn.id);
    expect(again).toEqual({ status: 200, seats: checkin.seats });

    const next = await user.booked(BF106, date, 1);
    const nextCheckin = await user.createCheckin(next.id);
    expect(nextCheckin.status).toBe(201);
    expect(nextCheckin.seats).not.toEqual(checkin.seats);
  });

  it('refuses to restore a service the backup does not hold, naming what it looked for', async () => {
    const [taken] = readdirSync(backups);
    const missing = await operatorScript('restore.sh', join(backups, taken), 'nosuch').catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(missing).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${join(backups, taken)} holds no nosuch.dump`),
    });
  });
});
