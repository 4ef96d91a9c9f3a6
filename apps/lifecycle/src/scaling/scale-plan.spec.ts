import type { Replica } from '../backend/backend';
import { refusalOf, scalePlan } from './scale-plan';

const replica = (number: number, state = 'running', health: string | undefined = 'healthy'): Replica => ({
  id: `id-${number}`,
  name: `pss-fares-${number}`,
  number,
  state,
  health,
  image: 'pss/fares:local',
  addresses: [`10.0.0.${number}`],
});

describe('refusalOf', () => {
  const scalable = ['fares', 'search'];

  it('lets a known service through with 0 to max replicas', () => {
    for (const replicas of [0, 1, 5]) expect(refusalOf('fares', replicas, scalable, 5)).toBeUndefined();
  });

  it('refuses an unknown service with 404, naming the field', () => {
    expect(refusalOf('payments', 1, scalable, 5)).toEqual({
      status: 404,
      field: 'name',
      detail: 'no service payments to scale (fares, search)',
    });
  });

  it('refuses a count outside 0..max or not a whole number with 400 naming replicas', () => {
    for (const replicas of [-1, 6, 1.5, '2', Number.NaN, undefined])
      expect(refusalOf('fares', replicas, scalable, 5)).toEqual({
        status: 400,
        field: 'replicas',
        detail: 'replicas must be a whole number from 0 to 5',
      });
  });
});

describe('scalePlan', () => {
  it('adds the missing replicas', () => {
    expect(scalePlan([replica(1)], 3)).toEqual({ add: 2, remove: [] });
  });

  it('does nothing at the count wanted', () => {
    expect(scalePlan([replica(1), replica(2)], 2)).toEqual({ add: 0, remove: [] });
  });

  it('removes the newest healthy replicas, keeping the first', () => {
    const plan = scalePlan([replica(1), replica(2), replica(3)], 1);
    expect(plan.remove.map((chosen) => chosen.number)).toEqual([3, 2]);
  });

  it('removes replicas that do not serve first: stopped, unhealthy or starting', () => {
    const replicas = [replica(1, 'exited'), replica(2), replica(3, 'running', 'unhealthy'), replica(4)];
    expect(scalePlan(replicas, 2).remove.map((chosen) => chosen.number)).toEqual([3, 1]);
  });

  it('counts a replica without a health check as serving while it runs', () => {
    const plan = scalePlan([replica(1, 'running', undefined), replica(2, 'running', 'starting')], 1);
    expect(plan.remove.map((chosen) => chosen.number)).toEqual([2]);
  });
});
