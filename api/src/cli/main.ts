import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Config, isTimeZone, loadConfig } from '../config/config';
import { ConfigError } from '../config/config-error';
import { DataDirLockedError } from '../db/data-dir-lock';
import type { Database } from '../db/database';
import { MigrationChecksumError, migrate } from '../db/migrate';
import { loadDistrictsFile } from '../ingest/districts-file';
import { MappingError } from '../ingest/field-mapping';
import { InputFileError } from '../ingest/text-stream';
import { bringDemoHistoryUpToDate, liveDemoSettings, startLiveDemo } from '../replay/live-demo';
import { runApiKeyCommand } from './apikey-command';
import { runBasemapCommand } from './basemap-command';
import { ensureDemoAccount } from './demo-account';
import { seedDemo } from './demo-command';
import { generateCommand } from './generate-command';
import { importCommand } from './import-command';
import { maintainCommand } from './maintain-command';
import { describeDatabase, openConfiguredDatabase } from './open-configured-database';
import { runReplayCommand } from './replay-command';
import { USAGE, UsageError } from './usage';
import { runUserCommand } from './user-command';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  map: { type: 'string' },
  source: { type: 'string' },
  timezone: { type: 'string' },
  'name-field': { type: 'string' },
  count: { type: 'string' },
  seed: { type: 'string' },
  districts: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  plant: { type: 'string' },
  truth: { type: 'string' },
  'max-unpacked-mb': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function main(argv: string[]): Promise<number> {
  // `user` has options of its own (--login, --role, --district …), parsed by runUserCommand.
  if (argv[0] === 'user') {
    const config = loadConfig();
    const db = await openConfiguredDatabase(config, false);
    try {
      return await runUserCommand(argv.slice(1), {
        sql: db.sql,
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
      });
    } finally {
      await db.close();
    }
  }
  if (argv[0] === 'replay') {
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    return runReplayCommand(argv.slice(1), {
      config: loadConfig(),
      stdout: process.stdout,
      signal: stop.signal,
    });
  }
  if (argv[0] === 'apikey') {
    const db = await openConfiguredDatabase(loadConfig(), false);
    try {
      return await runApiKeyCommand(argv.slice(1), {
        sql: db.sql,
        stdout: process.stdout,
        stderr: process.stderr,
      });
    } finally {
      await db.close();
    }
  }
  if (argv[0] === 'basemap') {
    const config = loadConfig();
    return runBasemapCommand(argv.slice(1), {
      openSql: () => openConfiguredDatabase(config, false),
      stdout: process.stdout,
      stderr: process.stderr,
    });
  }
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command || command === 'help') {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'migrate':
      return withDatabase(
        config,
        async (db) => {
          const applied = await migrate(db.sql);
          console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'no pending migrations');
        },
        false,
      );
    case 'import': {
      const file = single(args, 'import needs one file: pnpm heatmap import <file>');
      if (values.timezone && !isTimeZone(values.timezone)) {
        throw new UsageError(
          `--timezone "${values.timezone}" is not an IANA time zone such as Europe/Moscow`,
        );
      }
      const maxUnpackedMb = values['max-unpacked-mb'];
      if (maxUnpackedMb !== undefined && !/^[1-9]\d{0,6}$/.test(maxUnpackedMb)) {
        throw new UsageError(`--max-unpacked-mb must be a whole number of megabytes, got "${maxUnpackedMb}"`);
      }
      return withDatabase(config, async (db) => {
        const report = await importCommand(db, config, file, {
          ...(maxUnpackedMb ? { maxUnpackedMb: Number(maxUnpackedMb) } : {}),
          ...(values.map ? { map: values.map } : {}),
          ...(values.source ? { source: values.source } : {}),
          ...(values.timezone ? { timezone: values.timezone } : {}),
        });
        if (report.inserted + report.updated + report.unchanged === 0 && report.rejected.length > 0) {
          process.exitCode = 1;
        }
      });
    }
    case 'maintain':
      if (args.length > 0) throw new UsageError(`maintain takes no argument (got "${args[0]}")`);
      // A cron line without the server's DATABASE_URL would make (and "maintain") a new, empty embedded database.
      if (!config.databaseUrl && !existsSync(config.dataDir)) {
        throw new UsageError(
          `no database in ${config.dataDir}: run maintain with the server's DATABASE_URL (or HEATMAP_DATA_DIR)`,
        );
      }
      return withDatabase(config, (db) => maintainCommand(db.sql, { out: (line) => console.log(line) }));
    case 'districts': {
      const file = single(
        args,
        'districts needs one GeoJSON file: pnpm heatmap districts <file> --name-field NAME',
      );
      const nameField = values['name-field'];
      if (!nameField)
        throw new UsageError('districts needs --name-field: the property holding the district name');
      return withDatabase(config, async (db) => {
        const r = await loadDistrictsFile(db.sql, file, nameField);
        console.log(`loaded ${r.districts} districts; ${r.reassigned} messages re-assigned`);
      });
    }
    case 'generate': {
      if (args.length > 0)
        throw new UsageError(`generate takes no file argument (got "${args[0]}"); use --out`);
      if (!values.count || !values.seed) throw new UsageError('generate needs --count N and --seed S');
      const options = {
        count: Number(values.count),
        seed: Number(values.seed),
        ...(values.districts ? { districts: values.districts } : {}),
        ...(values['name-field'] ? { nameField: values['name-field'] } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values.out ? { out: values.out } : {}),
        ...(values.plant ? { plant: Number(values.plant) } : {}),
        ...(values.truth ? { truth: values.truth } : {}),
      };
      if (options.out) {
        await generateCommand(undefined, config, options);
        return 0;
      }
      return withDatabase(config, (db) => generateCommand(db, config, options));
    }
    case 'serve':
    case 'demo': {
      // The server keeps the data directory to itself; commands go through it (open-data-dir.ts).
      const db = await openConfiguredDatabase(config, true, 'exclusive');
      const account = command === 'demo' ? await prepareDemo(db, config) : undefined;
      const live = command === 'demo' ? liveDemoSettings(process.env) : undefined;
      if (live) {
        const moved = await bringDemoHistoryUpToDate(db, config.timezone);
        if (moved > 0)
          console.error(`live demo: the demo history moved ${moved} days later, to end yesterday`);
      }
      const { startServer } = await import('../server');
      const server = await startServer({ ...config, ...(live && { liveDemo: true }) }, { db });
      const liveDemo = live
        ? await startLiveDemo(db, { url: server.url, speed: live.speed, log: (line) => console.error(line) })
        : undefined;
      console.log(`heat map serving on ${server.url} (${describeDatabase(config)})`);
      console.log(`  public map: ${server.url}/public   wall display: ${server.url}/wall`);
      if (live)
        console.log(
          `  live demo: last year's messages replayed at ${live.speed}x (HEATMAP_DEMO_LIVE=off stops it)`,
        );
      if (account) {
        console.log(`  staff sign-in: login "${account.login}", password "${account.password}" (shown once)`);
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await liveDemo?.stop();
      await server.close();
      await db.close();
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function prepareDemo(db: Database, config: Config) {
  const how = await seedDemo(db, config);
  if (how === 'reused') console.error('the database already holds data: reusing it');
  return ensureDemoAccount(db.sql);
}

async function withDatabase(
  config: Config,
  run: (db: Database) => Promise<void>,
  log = true,
): Promise<number> {
  const db = await openConfiguredDatabase(config, log);
  try {
    await run(db);
  } finally {
    await db.close();
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

function single(args: string[], message: string): string {
  if (args.length !== 1 || !args[0]) throw new UsageError(message);
  return args[0];
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}\nRun "pnpm heatmap --help" for usage.`);
      process.exitCode = 2;
    } else if (
      err instanceof InputFileError ||
      err instanceof MappingError ||
      err instanceof ConfigError ||
      err instanceof DataDirLockedError ||
      err instanceof MigrationChecksumError
    ) {
      console.error(`error: ${err.message}\nNothing was written.`);
      process.exitCode = 1;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  },
);
