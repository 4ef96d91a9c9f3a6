import { daysFromToday, describeServiceImage } from '@pss/testing';

describeServiceImage({
  service: 'checkin',
  port: 8070,
  registersAs: 'CHECKIN',
  database: true,
  broker: true,
  probe: () => `/flights/BF101/${daysFromToday(1)}/seats`,
});
