// Takes the place of the deprecated `request`: ResilientEurekaClient overrides eurekaRequest and
// sends every call over node:http (eureka/http-transport.ts).
import { notShipped } from './not-shipped';

const call = notShipped('request', 'eureka-js-client calls go over node:http (ResilientEurekaClient)');

export default { get: call, post: call, put: call, delete: call };
