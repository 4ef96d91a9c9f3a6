/** Spring serves /eureka/apps, the Netflix WAR /eureka/v2/apps; we serve both (and v1). */
export const EUREKA_PREFIXES = ['eureka', 'eureka/v2', 'eureka/v1'];

export const eurekaPaths = (resource: string): string[] =>
  EUREKA_PREFIXES.map((prefix) => `${prefix}/${resource}`);

export const isReplication = (headers: Record<string, unknown>): boolean =>
  String(headers['x-netflix-discovery-replication'] ?? '').toLowerCase() === 'true';
