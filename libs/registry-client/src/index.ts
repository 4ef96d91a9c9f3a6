export { RegistryClientModule } from './registry-client.module';
export { RegistryClient } from './registry-client.service';
export { type RegistryClientOptions, type RegistryClientSettings } from './registry-client-settings';
export { ServiceHttpClient, type ServiceRequest } from './http/service-http-client';
export { NoInstanceAvailableException, ServiceCallFailedException } from './http/service-errors';
export { CatchUp, type CatchUpRun } from './catch-up/catch-up.service';
export { upstreamFailure } from './http/upstream-failure';
export type { EurekaInstance, EurekaStatus } from './eureka/eureka-js-client.types';
