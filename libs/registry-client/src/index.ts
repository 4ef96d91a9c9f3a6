export { RegistryClientModule } from './registry-client.module';
export { RegistryClient } from './registry-client.service';
export { type RegistryClientOptions, type RegistryClientSettings } from './registry-client-settings';
export { ServiceHttpClient, type ServiceRequest } from './http/service-http-client';
export type { ServiceResponse } from './http/service-response';
export {
  INSTANCE_CONNECT_TIMEOUT_MS,
  NoInstanceAvailableException,
  ServiceCallFailedException,
} from './http/service-errors';
export { CatchUp, type CatchUpRun } from './catch-up/catch-up.service';
export { upstreamFailure } from './http/upstream-failure';
export type { EurekaInstance, EurekaStatus } from './eureka/eureka-js-client.types';
export { RegistryNodes, type NodeListing } from './nodes/registry-nodes';
export type { ListedInstance } from './nodes/registry-node';
