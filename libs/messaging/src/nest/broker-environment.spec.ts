import { loadBrokerUrl } from './broker-environment';

describe('loadBrokerUrl', () => {
  it('reads RABBITMQ_URL', () => {
    expect(loadBrokerUrl({ RABBITMQ_URL: 'amqp://pss:secret@rabbitmq:5672' })).toBe(
      'amqp://pss:secret@rabbitmq:5672',
    );
  });

  it.each([
    [{}, /RABBITMQ_URL is required/],
    [{ RABBITMQ_URL: 'http://rabbitmq:15672' }, /RABBITMQ_URL must be an amqp/],
  ])('stops the service naming the variable (%#)', (env, message) => {
    expect(() => loadBrokerUrl(env)).toThrow(message);
  });
});
