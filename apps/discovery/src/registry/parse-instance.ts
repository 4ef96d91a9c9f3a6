import {
  isInstanceStatus,
  URL_AND_VIP_FIELDS,
  type DataCenterInfo,
  type InstanceInfo,
  type PortInfo,
} from './instance-info';
import { checkFieldLength, checkInstance, type InstanceLimits } from './instance-limits';
import { InvalidRegistration } from './invalid-registration';

export const DEFAULT_DATA_CENTER_CLASS = 'com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo';
const AMAZON_DATA_CENTER_CLASS = 'com.netflix.appinfo.AmazonInfo';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
const nonBlank = (value: unknown): string | undefined => text(value)?.trim() || undefined;
const truthy = (value: unknown): boolean => value === true || value === 'true';

function positiveNumber(value: unknown, fallback: number): number {
  const parsed = Number(text(value));
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** Lenient superset of the Java codec: 8080, "8080", {"$":8080|"8080","@enabled":true|"true"}. */
function parsePort(value: unknown, fallback: PortInfo): PortInfo {
  if (isObject(value)) {
    const enabled = value['@enabled'] === undefined ? fallback.enabled : truthy(value['@enabled']);
    return { port: positiveNumber(value['$'], fallback.port), enabled };
  }
  return value === undefined ? fallback : { port: positiveNumber(value, fallback.port), enabled: true };
}

function parseStringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  const entries = Object.entries(value).filter(
    ([key, entry]) => key !== '@class' && text(entry) !== undefined,
  );
  return Object.fromEntries(entries.map(([key, entry]) => [key, String(entry)]));
}

function parseDataCenter(value: unknown): DataCenterInfo {
  if (!isObject(value)) throw new InvalidRegistration('Missing dataCenterInfo');
  const name = nonBlank(value['name']);
  if (!name) throw new InvalidRegistration('Missing dataCenterInfo Name');
  const amazon = name.toLowerCase() === 'amazon';
  const className =
    nonBlank(value['@class']) ?? (amazon ? AMAZON_DATA_CENTER_CLASS : DEFAULT_DATA_CENTER_CLASS);
  return amazon ? { className, name, metadata: parseStringMap(value['metadata']) } : { className, name };
}

function requireField(body: Json, field: string, message: string): string {
  const value = nonBlank(body[field]);
  if (!value) throw new InvalidRegistration(message);
  return value;
}

/**
 * Turns a register body's `instance` into an InstanceInfo, with the real server's 400 checks and
 * this registry's limits.
 */
export function parseInstance(
  body: unknown,
  pathApp: string,
  now: number,
  limits: InstanceLimits,
): InstanceInfo {
  if (!isObject(body)) throw new InvalidRegistration('Missing hostname');
  const hostName = requireField(body, 'hostName', 'Missing hostname');
  const ipAddr = requireField(body, 'ipAddr', 'Missing ip address');
  const app = requireField(body, 'app', 'Missing appName').toUpperCase();
  checkFieldLength('app', app, limits);
  if (app !== pathApp)
    throw new InvalidRegistration(`Mismatched appName, expecting ${pathApp} but was ${app}`);
  const dataCenterInfo = parseDataCenter(body['dataCenterInfo']);
  const metadata = parseStringMap(body['metadata']);
  const instanceId = nonBlank(body['instanceId']) ?? springInstanceId(hostName, metadata);
  const id = instanceId ?? dataCenterInfo.metadata?.['instance-id'] ?? hostName;
  if (dataCenterInfo.metadata && !dataCenterInfo.metadata['instance-id'])
    dataCenterInfo.metadata['instance-id'] = id;
  const leaseInfo = isObject(body['leaseInfo']) ? body['leaseInfo'] : {};
  const status = body['status'] === undefined ? 'UP' : body['status'];
  const overridden = body['overriddenStatus'] ?? body['overriddenstatus'];
  const lastDirty = positiveNumber(body['lastDirtyTimestamp'], now);
  const info: InstanceInfo = {
    id,
    ...(instanceId && { instanceId }),
    app,
    hostName,
    ipAddr,
    ...(nonBlank(body['sid']) && { sid: nonBlank(body['sid']) }),
    status: isInstanceStatus(status) ? status : 'UNKNOWN',
    overriddenStatus: isInstanceStatus(overridden) ? overridden : 'UNKNOWN',
    port: parsePort(body['port'], { port: 7001, enabled: true }),
    securePort: parsePort(body['securePort'], { port: 7002, enabled: false }),
    countryId: positiveNumber(body['countryId'], 1),
    dataCenterInfo,
    renewalIntervalInSecs: positiveNumber(leaseInfo['renewalIntervalInSecs'], 30),
    durationInSecs: positiveNumber(leaseInfo['durationInSecs'], 90),
    metadata,
    isCoordinatingDiscoveryServer: truthy(body['isCoordinatingDiscoveryServer']),
    lastUpdatedTimestamp: now,
    lastDirtyTimestamp: lastDirty,
    ...(nonBlank(body['asgName']) && { asgName: nonBlank(body['asgName']) }),
  };
  for (const field of URL_AND_VIP_FIELDS) {
    const value = nonBlank(body[field]);
    if (value) info[field] = value;
  }
  checkInstance(info, limits);
  return info;
}

/** Spring Cloud's server codec: a client that sends only metadata.instanceId gets "host:thatId". */
function springInstanceId(hostName: string, metadata: Record<string, string>): string | undefined {
  return metadata['instanceId'] ? `${hostName}:${metadata['instanceId']}` : undefined;
}
