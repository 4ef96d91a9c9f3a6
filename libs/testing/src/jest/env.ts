/** Where the integration-test global setup leaves connection details for the test files. */
export const testEnv = {
  databaseUrl: 'PSS_TEST_DATABASE_URL',
  rabbitmqUrl: 'PSS_TEST_RABBITMQ_URL',
  rabbitmqManagementUrl: 'PSS_TEST_RABBITMQ_MANAGEMENT_URL',
} as const;

export function requireTestEnv(name: keyof typeof testEnv): string {
  const value = process.env[testEnv[name]];
  if (!value)
    throw new Error(`${testEnv[name]} is not set: run integration tests through jest.int.config.ts`);
  return value;
}
