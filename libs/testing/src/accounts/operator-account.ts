/** The operator account of services started by the tests. */
export const TEST_OPERATOR_ENV = {
  OPERATOR_USERNAME: 'operator',
  OPERATOR_PASSWORD: 'operator-secret-of-the-tests',
} as const;

/** The Authorization header of the tests' operator account. */
export const operatorAuthorization = (): string =>
  `Basic ${Buffer.from(`${TEST_OPERATOR_ENV.OPERATOR_USERNAME}:${TEST_OPERATOR_ENV.OPERATOR_PASSWORD}`).toString('base64')}`;
