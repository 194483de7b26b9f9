/**
 * The API's test helpers for the end-to-end suites in tests/ and the benchmarks (package export
 * `@heatmap/api/test-support`): test databases on both backends, the seeded Járókelő data, the
 * test settings and signing in.
 */
export { addUser, type SignedIn, seedDistricts, signIn } from './auth/auth-helpers';
export { default as seedTestData } from './global-setup';
export { findPersonalData, loadRawPersonalData, type RawPersonalData } from './public/raw-personal-data';
export { INGEST_TOKEN, testConfig } from './routes/app-helper';
export { type PmtilesTile, writePmtiles } from './support/pmtiles-writer';
export { BACKENDS, type Backend, createTestDatabase, type TestDatabase } from './test-database';
