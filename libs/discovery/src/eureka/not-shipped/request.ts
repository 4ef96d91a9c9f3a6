// Takes the place of the deprecated `request`: ResilientEurekaClient overrides eurekaRequest and
// sends every call over fetch.
import { notShipped } from './not-shipped';

const call = notShipped('request', 'eureka-js-client calls go over fetch (ResilientEurekaClient)');

export default { get: call, post: call, put: call, delete: call };
