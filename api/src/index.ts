/**
 * What other packages (tests/, bench/) may use of the API: the app and server, the database, the
 * ingestion paths that fill it, and the repositories a test or benchmark needs to set up users.
 * Anything else is internal and may change without them noticing.
 */
export { type AppOptions, buildApp } from './app';
export { hashPassword } from './auth/password-hash';
export { shippedDistrictsFile } from './cli/generate-command';
export { type Config, loadConfig } from './config/config';
export { type Database, openDatabase, type Sql } from './db/database';
export { migrate } from './db/migrate';
export { type PlantedTruth, plantClusters } from './generate/planted-clusters';
export { scorePlanted } from './generate/planted-score';
export { generateMessages } from './generate/synthetic-messages';
export { loadDistrictsFile, readDistrictsFile } from './ingest/districts-file';
export { ingestFile } from './ingest/ingest-file';
export type { MessageInput } from './ingest/message-input';
export { upsertGenerated } from './ingest/upsert-generated';
// The app's decorators (app.db, app.config, app.responseCache) are declared where they are created.
export type {} from './plugins/app/database';
export type {} from './plugins/app/response-cache';
export type { Fragment } from './queries/filter-sql';
export { PRE_AGGREGATE_TABLES, relayPreAggregates } from './repositories/pre-aggregate-layout';
export { createUser, deleteUser, type Role } from './repositories/users-repository';
export { NO_CONTROL_CHARACTERS } from './schemas/common';
export { type RunningServer, startServer } from './server';
