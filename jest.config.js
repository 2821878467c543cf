// ESM + decorators: ts-jest transpiles each file on its own (isolatedModules);
// `npm run typecheck` is what catches type errors.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 30_000,
  // Tests start simulators and gateways on loopback; two workers fit a 2-core machine.
  maxWorkers: 2,
};
