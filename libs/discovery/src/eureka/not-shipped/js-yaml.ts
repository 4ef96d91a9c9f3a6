// Takes the place of js-yaml 3 (which also tries to load esprima): eureka-js-client reads
// eureka-client*.yml from its `cwd`, which eurekaConfig points at a folder that does not exist,
// so the file read fails before any YAML is parsed. Only the environment configures a service.
import { notShipped } from './not-shipped';

export default {
  safeLoad: notShipped('js-yaml', 'eureka-js-client is configured from the environment only'),
};
