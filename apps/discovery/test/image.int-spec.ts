import { describeServiceImage, TEST_REGISTRY_ENV } from '@pss/testing';

describeServiceImage({
  service: 'discovery',
  port: 8761,
  probe: () => '/eureka/apps',
  env: TEST_REGISTRY_ENV,
});
