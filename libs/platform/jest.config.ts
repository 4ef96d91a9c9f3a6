export default {
  displayName: 'platform',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/tooling/**/*.spec.ts'],
};
