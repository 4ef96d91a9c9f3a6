import { URL_AND_VIP_FIELDS, type PortInfo } from '../registry/instance-info';
import type { Lease } from '../registry/lease';

const EMPTY_METADATA = { '@class': 'java.util.Collections$EmptyMap' };

const portJson = (port: PortInfo) => ({ $: port.port, '@enabled': String(port.enabled) });

/**
 * An instance exactly as Eureka's Jackson codec writes it: field order, ports as {"$": number,
 * "@enabled": "string"}, timestamps and flags after `metadata` as strings, absent fields omitted.
 */
export function instanceJson(lease: Lease): Record<string, unknown> {
  const info = lease.holder;
  const json: Record<string, unknown> = {};
  if (info.instanceId) json['instanceId'] = info.instanceId;
  Object.assign(json, { hostName: info.hostName, app: info.app, ipAddr: info.ipAddr });
  if (info.sid && info.sid !== 'na' && info.sid !== 'unknown') json['sid'] = info.sid;
  Object.assign(json, {
    status: info.status,
    overriddenStatus: info.overriddenStatus,
    port: portJson(info.port),
    securePort: portJson(info.securePort),
    countryId: info.countryId,
    dataCenterInfo: {
      '@class': info.dataCenterInfo.className,
      name: info.dataCenterInfo.name,
      ...(info.dataCenterInfo.metadata && { metadata: info.dataCenterInfo.metadata }),
    },
    leaseInfo: {
      renewalIntervalInSecs: info.renewalIntervalInSecs,
      durationInSecs: info.durationInSecs,
      registrationTimestamp: lease.registrationTimestamp,
      lastRenewalTimestamp: lease.lastRenewalTimestamp,
      evictionTimestamp: lease.evictionTimestamp,
      serviceUpTimestamp: lease.serviceUpTimestamp,
    },
    metadata: Object.keys(info.metadata).length > 0 ? info.metadata : EMPTY_METADATA,
  });
  for (const field of URL_AND_VIP_FIELDS) if (info[field] !== undefined) json[field] = info[field];
  json['isCoordinatingDiscoveryServer'] = String(info.isCoordinatingDiscoveryServer);
  json['lastUpdatedTimestamp'] = String(info.lastUpdatedTimestamp);
  json['lastDirtyTimestamp'] = String(info.lastDirtyTimestamp);
  if (info.actionType) json['actionType'] = info.actionType;
  if (info.asgName) json['asgName'] = info.asgName;
  return json;
}
