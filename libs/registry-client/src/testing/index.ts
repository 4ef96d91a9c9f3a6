// @pss/registry-client/testing: for tests only.
export { startServiceInWorld, type ServiceInWorld, type ServiceInWorldOptions } from './service-in-world';
