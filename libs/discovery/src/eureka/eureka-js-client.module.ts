import { createRequire } from 'node:module';
import type { EurekaJsClientClass } from './eureka-js-client.types';

// The package ships no types; load it once here and give it the accurate ones.
const requireHere = createRequire(__filename);

export const UntypedEureka = (requireHere('eureka-js-client') as { Eureka: EurekaJsClientClass }).Eureka;
