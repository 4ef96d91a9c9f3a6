import { daysFromToday, describeServiceImage } from '@pss/testing';

describeServiceImage({
  service: 'checkin',
  port: 8070,
  registersAs: 'CHECKIN',
  database: true,
  broker: true,
  // The image alone hears of no flight, so it has no seat map: the look-up answers 404 from its database.
  probe: () => `/flights/BF101/${daysFromToday(1)}/seats`,
  probeStatus: 404,
});
