// Stand-ins for packages eureka-js-client requires but never calls in a PSS service. The service
// bundler (libs/platform/tooling/build-service.js) puts them in their place (ADR 0004).

/** What every stand-in does if it is called after all: fail loudly, naming the package. */
export function notShipped(packageName: string, why: string): () => never {
  return () => {
    throw new Error(`${packageName} is not shipped: ${why}`);
  };
}
