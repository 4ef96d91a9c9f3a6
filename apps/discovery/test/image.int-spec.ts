import { describeServiceImage } from '@pss/testing';

describeServiceImage({ service: 'discovery', port: 8761, probe: () => '/eureka/apps' });
