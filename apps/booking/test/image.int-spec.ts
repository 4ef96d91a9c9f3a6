import { describeServiceImage } from '@pss/testing';

describeServiceImage({
  service: 'booking',
  port: 8060,
  registersAs: 'BOOKING',
  database: true,
  broker: true,
  probe: () => '/bookings?reference=ACDEFG&lastName=Nobody',
  probeStatus: 404,
});
