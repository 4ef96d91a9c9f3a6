import { URL_AND_VIP_FIELDS, type InstanceInfo } from './instance-info';
import { InvalidRegistration } from './invalid-registration';

/** What one registration may hold, so that no client can make the registry grow without bound. */
export interface InstanceLimits {
  /** Characters of each text field (host name, id, URLs, VIP addresses…). */
  maxFieldLength: number;
  /** Entries of `metadata` (and of Amazon `dataCenterInfo.metadata`). */
  maxMetadataEntries: number;
  /** UTF-8 bytes of those entries' keys and values together. */
  maxMetadataBytes: number;
  maxLeaseSeconds: number;
}

const TEXT_FIELDS = [
  'instanceId',
  'app',
  'hostName',
  'ipAddr',
  'sid',
  'asgName',
  ...URL_AND_VIP_FIELDS,
] as const;

export function checkFieldLength(field: string, value: string, limits: InstanceLimits): void {
  if (value.length > limits.maxFieldLength)
    throw new InvalidRegistration(`${field} is longer than ${limits.maxFieldLength} characters`);
}

export function checkMetadata(
  metadata: Record<string, string>,
  limits: InstanceLimits,
  field = 'metadata',
): void {
  const entries = Object.entries(metadata);
  if (entries.length > limits.maxMetadataEntries)
    throw new InvalidRegistration(`${field} has more than ${limits.maxMetadataEntries} entries`);
  const bytes = entries.reduce(
    (sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value),
    0,
  );
  if (bytes > limits.maxMetadataBytes)
    throw new InvalidRegistration(`${field} is larger than ${limits.maxMetadataBytes} bytes`);
}

/** Every limit on a parsed instance; the first one broken is the 400 text. */
export function checkInstance(info: InstanceInfo, limits: InstanceLimits): void {
  for (const field of TEXT_FIELDS) {
    const value = info[field];
    if (value !== undefined) checkFieldLength(field, value, limits);
  }
  checkFieldLength('dataCenterInfo.name', info.dataCenterInfo.name, limits);
  checkFieldLength('dataCenterInfo.@class', info.dataCenterInfo.className, limits);
  checkMetadata(info.metadata, limits);
  if (info.dataCenterInfo.metadata)
    checkMetadata(info.dataCenterInfo.metadata, limits, 'dataCenterInfo.metadata');
  if (info.durationInSecs > limits.maxLeaseSeconds)
    throw new InvalidRegistration(`leaseInfo.durationInSecs must be at most ${limits.maxLeaseSeconds}`);
}
