import { describeComposedService, manifestServices } from '../../src';
import { systemStack } from './system-stack';

// Last: each image's checks end by stopping its container. The registry's last of all, since the
// others check their registration on it.
for (const [name, { database }] of Object.entries(manifestServices()))
  describeComposedService(systemStack, { service: name, name, registersAs: name.toUpperCase(), database });
describeComposedService(systemStack, { service: 'discovery-1', name: 'discovery' });
