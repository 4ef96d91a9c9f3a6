import type { LoggerService } from '@nestjs/common';
import { eurekaLogger } from './eureka-logger';

describe('eurekaLogger', () => {
  const logger = () => ({ debug: jest.fn(), log: jest.fn(), warn: jest.fn(), error: jest.fn() });

  it('passes warnings on without the credentials of the URLs they name', () => {
    const target = logger();
    eurekaLogger(target as LoggerService).warn('registration failed at', 'http://fares:s3cret@d1/eureka/');
    expect(target.warn).toHaveBeenCalledWith('registration failed at http://***@d1/eureka/');
  });

  it('keeps a look-up of an app with no instance out of the warnings: the caller reports it', () => {
    const target = logger();
    eurekaLogger(target as LoggerService).warn('Unable to retrieve instances for appId: WEBSITE');
    expect(target.warn).not.toHaveBeenCalled();
    expect(target.debug).toHaveBeenCalledWith('Unable to retrieve instances for appId: WEBSITE');
  });

  it("logs the client's errors as warnings: it retries them itself", () => {
    const target = logger();
    eurekaLogger(target as LoggerService).error(new Error('socket hang up'));
    expect(target.warn).toHaveBeenCalledWith('socket hang up');
    expect(target.error).not.toHaveBeenCalled();
  });
});
