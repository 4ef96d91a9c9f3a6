// Takes the place of the `request` package when a service bundles eureka-js-client
// (libs/platform/tooling/build-service.js): ResilientEurekaClient overrides eurekaRequest and
// sends every call over fetch, so nothing here is ever called.
function notShipped(): never {
  throw new Error('request is not shipped: eureka-js-client calls go over fetch (ResilientEurekaClient)');
}

export default { get: notShipped, post: notShipped, put: notShipped, delete: notShipped };
