import type { FastifyRequest } from 'fastify';
import { callerOf } from '../auth/registry-access';
import { REPLICATION_HEADER } from '../peers/peer-client';

/** Spring serves /eureka/apps, the Netflix WAR /eureka/v2/apps; we serve both (and v1). */
export const EUREKA_PREFIXES = ['eureka', 'eureka/v2', 'eureka/v1'];

export const eurekaPaths = (resource: string): string[] =>
  EUREKA_PREFIXES.map((prefix) => `${prefix}/${resource}`);

/** A write another node passed on: the header counts only from a caller with the peer account. */
export const isReplication = (request: FastifyRequest): boolean =>
  callerOf(request).kind === 'peer' && markedAsReplication(request);

/** It carries the replication header, whoever sent it. */
export const markedAsReplication = (request: FastifyRequest): boolean =>
  String(request.headers[REPLICATION_HEADER] ?? '').toLowerCase() === 'true';
