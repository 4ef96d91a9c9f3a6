import { describeServiceImage } from '@pss/testing';

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describeServiceImage({
  service: 'search',
  port: 8090,
  registersAs: 'SEARCH',
  database: true,
  broker: true,
  probe: () => `/flights?origin=NYC&destination=SFO&date=${tomorrow()}`,
});
