import { describeServiceImage } from '@pss/testing';

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describeServiceImage({
  service: 'checkin',
  port: 8070,
  registersAs: 'CHECKIN',
  database: true,
  broker: true,
  probe: () => `/flights/BF101/${tomorrow()}/seats`,
});
