import { generateFiles, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { defaultPort } from '../dockerfile/sync';
import { HEALTH_CHECK_PACE } from '../health-check-pace';
import { readServices, type ServiceEntry } from './services-manifest';

/** What the templates need of a service: its entry, spelled out. */
export interface RenderedService {
  name: string;
  port: number;
  database: boolean;
  events: boolean;
  publishedInstances: number;
  /** The one service Swarm publishes a port for: the others are reached through it. */
  frontDoor: boolean;
  /** [variable, file of docker/config] pairs. */
  configFiles: [string, string][];
  /** It scales the others through the Docker engine: the socket is mounted into it alone. */
  lifecycleManager: boolean;
  /** The .env variable that moves its published port (or range), and its default. */
  portVariable: string;
  publishedDefault: string;
  networks: string[];
  /** The secret files compose gives it or its database, as tools/secrets/accounts.js names them. */
  secrets: string[];
}

function renderedService(tree: Tree, name: string, entry: ServiceEntry): RenderedService {
  const port = defaultPort(tree, `apps/${name}`);
  const database = entry.database ?? false;
  const events = entry.events !== undefined;
  const publishedInstances = entry.publishedInstances ?? 1;
  const variable = `PSS_${name.toUpperCase().replace(/-/g, '_')}`;
  return {
    name,
    port,
    database,
    events,
    publishedInstances,
    frontDoor: entry.frontDoor ?? false,
    configFiles: Object.entries(entry.configFiles ?? {}),
    lifecycleManager: entry.lifecycleManager ?? false,
    portVariable: publishedInstances > 1 ? `${variable}_PORTS` : `${variable}_PORT`,
    publishedDefault: publishedInstances > 1 ? `${port}-${port + publishedInstances - 1}` : String(port),
    networks: ['default', ...(database ? [`${name}-data`] : []), ...(events ? ['broker'] : [])],
    secrets: [
      ...(database ? [`${name}-db-admin-password`, `${name}-db-password`, `${name}-database-url`] : []),
      `${name}-discovery-urls`,
      ...(events ? [`${name}-rabbitmq-url`] : []),
    ],
  };
}

/** Writes docker-compose.yml, docker-compose.swarm.yml and .env.example from services.json. */
export function renderStack(tree: Tree): void {
  const services = Object.entries(readServices(tree)).map(([name, entry]) =>
    renderedService(tree, name, entry),
  );
  const configFiles = [
    ...new Set(services.flatMap((service) => service.configFiles.map(([, file]) => file))),
  ];
  generateFiles(tree, join(__dirname, 'files'), '.', {
    services,
    configFiles,
    healthCheckPace: HEALTH_CHECK_PACE,
    tmpl: '',
  });
}
