import { describeComposedServices, manifestServices } from '../../src';
import { systemStack } from './system-stack';

// Last (99-, whatever files come before it): the image checks end by stopping every container.
describeComposedServices(systemStack, [
  ...Object.entries(manifestServices()).map(([name, { database }]) => ({
    service: name,
    name,
    registersAs: name.toUpperCase(),
    database,
  })),
  { service: 'discovery-1', name: 'discovery' },
]);
