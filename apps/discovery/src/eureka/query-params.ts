import { isInstanceStatus, type InstanceStatus } from '../registry/instance-info';

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** undefined when absent, null when present but not a timestamp. */
export function optionalTimestamp(value: unknown): number | undefined | null {
  const raw = first(value);
  if (raw === undefined || raw === '') return undefined;
  const parsed = Number(raw);
  return Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : null;
}

export function statusParam(value: unknown): InstanceStatus | undefined {
  const raw = first(value);
  return isInstanceStatus(raw) ? raw : undefined;
}

export function queryStrings(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(first(value) ?? '')]));
}
