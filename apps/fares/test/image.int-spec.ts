import { describeServiceImage } from '@pss/testing';

describeServiceImage({
  service: 'fares',
  port: 8080,
  registersAs: 'FARES',
  database: true,
  broker: true,
  probe: () => `/fares?flightNumber=BF101&flightDate=${new Date().toISOString().slice(0, 10)}`,
});
