import type { Replica } from '../backend/backend';

/** What a scale request may not be: each names the field at fault. */
export type ScaleRefusal =
  { status: 404; field: 'name'; detail: string } | { status: 400; field: 'replicas'; detail: string };

/** Checks a request to run `replicas` of `name` before anything changes. */
export function refusalOf(
  name: string,
  replicas: unknown,
  scalable: readonly string[],
  max: number,
): ScaleRefusal | undefined {
  const unknown = unknownService(name, scalable);
  if (unknown) return unknown;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0 || replicas > max)
    return { status: 400, field: 'replicas', detail: `replicas must be a whole number from 0 to ${max}` };
  return undefined;
}

/** A 404 naming the services there are, unless `name` is one of them. */
export function unknownService(name: string, scalable: readonly string[]): ScaleRefusal | undefined {
  if (scalable.includes(name)) return undefined;
  return { status: 404, field: 'name', detail: `no service ${name} to scale (${scalable.join(', ')})` };
}

/** Replicas not running or not healthy go first, then the newest (highest number). */
const removalOrder = (a: Replica, b: Replica): number =>
  Number(isServing(a)) - Number(isServing(b)) || b.number - a.number;

const isServing = (replica: Replica): boolean =>
  replica.state === 'running' && (replica.health === undefined || replica.health === 'healthy');

export interface ScalePlan {
  add: number;
  remove: Replica[];
}

/** From the replicas there are to `wanted`: how many to add, or which to remove. */
export function scalePlan(replicas: Replica[], wanted: number): ScalePlan {
  const extra = replicas.length - wanted;
  if (extra <= 0) return { add: wanted - replicas.length, remove: [] };
  return { add: 0, remove: [...replicas].sort(removalOrder).slice(0, extra) };
}
