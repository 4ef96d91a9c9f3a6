import type { EurekaJsClientClass } from './eureka-js-client.types';

// The package ships no types: load it here once and give it the accurate ones. A plain static
// require, so that the service bundler sees the dependency and ships it.
export const UntypedEureka = (require('eureka-js-client') as { Eureka: EurekaJsClientClass }).Eureka;
