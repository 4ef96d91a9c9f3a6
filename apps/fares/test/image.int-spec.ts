import { describeServiceImage } from '@pss/testing';

describeServiceImage({
  service: 'fares',
  port: 8080,
  registersAs: 'FARES',
  database: true,
  broker: true,
  // The image alone hears of no flight, so it has filed no fare: a look-up answers 404 from its database.
  probe: () => `/fares?flightNumber=BF101&flightDate=${new Date().toISOString().slice(0, 10)}`,
  probeStatus: 404,
});
