export { DiscoveryModule } from './discovery.module';
export { DiscoveryClient } from './discovery-client.service';
export { type DiscoveryModuleOptions, type DiscoverySettings } from './discovery-settings';
export { ServiceHttpClient, type ServiceRequest } from './http/service-http-client';
export { NoInstanceAvailableException, ServiceCallFailedException } from './http/service-errors';
export type { EurekaInstance, EurekaStatus } from './eureka/eureka-js-client.types';
