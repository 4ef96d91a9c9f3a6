import { daysFromToday, describeServiceImage } from '@pss/testing';

describeServiceImage({
  service: 'search',
  port: 8090,
  registersAs: 'SEARCH',
  database: true,
  broker: true,
  probe: () => `/flights?origin=NYC&destination=SFO&date=${daysFromToday(1)}`,
});
