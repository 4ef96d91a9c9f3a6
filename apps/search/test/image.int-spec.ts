import { daysFromToday, describeServiceImage } from '@pss/testing';

describeServiceImage({
  service: 'search',
  port: 8090,
  registersAs: 'SEARCH',
  database: true,
  broker: true,
  // The image alone, without fares and booking to catch up from.
  env: { SEARCH_CATCH_UP: 'false' },
  probe: () => `/flights?origin=NYC&destination=SFO&date=${daysFromToday(1)}`,
});
