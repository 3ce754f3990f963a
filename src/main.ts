#!/usr/bin/env node
/**
 * Careline's entry point and composition root: the only module that reads the environment,
 * creates clients (mongoose) and listens. `careline [serve|config|help] [--config FILE]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { NotFoundError } from './core/app-error.js';
import { exportCustomersCsv, importColumns, importCustomers } from './customers/customer-csv.js';
import { flagOf, initHelp, runInit, terminalQuestions } from './app/init-command.js';
import type { CarelineConfig } from './channels/careline-config.js';
import { ConfigError } from './config/config-error.js';
import type { Config } from './config/config-schema.js';
import { addUser, ensureFirstAdmin, userAddSchema } from './accounts/user-admin.js';
import type { Careline, KnowledgeLoadReport } from './app/careline.js';
import type { Services } from './app/services.js';
import { kbHelp, runKbCommand } from './knowledge/files/kb-command.js';
import { ProgressBar } from './knowledge/files/progress-bar.js';
import { DuplicateKeyError } from './storage/duplicate-key-error.js';
import { IntentFileError } from './intents/intent-file-error.js';
import type { ConnectMongo } from './storage/create-document-store.js';
import type { DocumentStore } from './storage/document-store.js';
import { StoreUnavailableError } from './storage/store-unavailable-error.js';
import { mongoConnectOptions } from './storage/mongo/mongo-connect-options.js';
import { defaultShutdownBudget, shutDown, trackRequests } from './app/shutdown.js';
import { openAIConfigured } from './knowledge/openai/openai-settings.js';

export const helpText = `Careline — self-hosted omnichannel customer-care bot

Usage: careline [command] [--config FILE]

Commands:
  serve     start the server (default); on the very first start it creates an admin and
            prints the password once
  config    print the resolved configuration, secrets masked, which channels are enabled
            and whether the optional OpenAI features are on
  user add  add a user: --email E [--name N] [--role agent|editor|admin ...] [--admin]
            [--password P] (a password is generated and printed when none is given)
${kbHelp}
${initHelp}
  customers import FILE.csv [--dry-run]   set segment, tags, name and contacts from a CSV
            (columns id, phone, email, platform as channel:id, segment, tags, name)
  customers export-csv  print every customer as CSV
  customers export ID   print everything held about a customer as JSON (audited)
  customers erase ID --force   erase a customer's words, names, contacts and platform
            ids everywhere; reports keep their counts (audited)
  help      show this help

Options:
  --config FILE   JSON or YAML config file (also CARELINE_CONFIG); environment variables win
  -h, --help      show this help

Configuration comes from environment variables (see .env.example and README.md).
Without MONGODB_URI, data is kept in the embedded store under DATA_DIR (default ./data).`;

/** Opens the mongoose connection with the timeouts and write concern of `mongoConnectOptions`. */
function mongoConnector(config: Config): ConnectMongo {
  return async (uri) => {
    const { default: mongoose } = await import('mongoose');
    // Measured: mongoose's defaults hang 30 s on an unreachable server and queue commands 10 s.
    const connection = mongoose.createConnection(uri, mongoConnectOptions({ mongodbUri: uri, mongodbTimeoutMs: config.mongodbTimeoutMs }));
    try {
      return await connection.asPromise();
    } catch (error) {
      await connection.close(true);
      throw error;
    }
  };
}

/** What the startup banner says about the optional OpenAI features. */
function describeOpenAI(config: Config): string {
  const { embeddings, wording, embeddingModel, chatModel, baseUrl } = config.openai;
  const features = [embeddings ? `embeddings (${embeddingModel})` : '', wording ? `grounded wording (${chatModel})` : ''].filter(Boolean).join(' + ');
  return `${features} via ${baseUrl ?? 'https://api.openai.com/v1'}; offline answer on any error or after ${config.openai.timeoutMs} ms`;
}

/** What the startup banner says about the public endpoints' limits and where the client address comes from. */
function describeRateLimits(config: Config): string {
  const { perAddressPerMinute, perSenderPerMinute } = config.rateLimits;
  const per = (limit: number, what: string) => (limit ? `${limit}/min per ${what}` : `none per ${what}`);
  const address = config.trustProxy === false ? 'client address from the connection (behind a reverse proxy set TRUST_PROXY)' : `client address from X-Forwarded-For via TRUST_PROXY=${String(config.trustProxy)}`;
  return `${per(perAddressPerMinute, 'address')}, ${per(perSenderPerMinute, 'sender')}; ${address}`;
}

// The configuration's channel table, the store adapters (mongoose, SQLite), the repositories
// and the product are loaded only by the commands that use them: `help` and an unknown command
// load none, `config` and a bad configuration only the table, `user`, `kb` and `customers`
// not the product. Each command then answers in a fraction of a second.
async function openStore(config: Config): Promise<DocumentStore> {
  const { createDocumentStore } = await import('./storage/create-document-store.js');
  return createDocumentStore(config, mongoConnector(config));
}

/** The repositories and services over `store`, for the commands that work on the data without the product. */
async function servicesOver(store: DocumentStore): Promise<Services> {
  const { createServices } = await import('./app/services.js');
  return createServices(store);
}

async function serve(config: CarelineConfig, logger: Logger): Promise<void> {
  const store = await openStore(config);
  const { createCareline } = await import('./app/careline.js');
  const openai = openAIConfigured(config.openai) ? (await import('./knowledge/openai/openai-client.js')).createOpenAIClient(config.openai) : null;
  let careline: Careline;
  try {
    careline = await createCareline({ config, store, logger, openai });
  } catch (error) {
    await store.close();
    throw error;
  }
  reportKnowledge(careline.knowledgeReport, config.knowledgeBaseDir);
  const firstAdmin = await ensureFirstAdmin(careline.services.users);
  const server = createServer(careline.app);
  const requests = trackRequests(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const listening = await careline.attach(server);
  careline.jobRunner.start();
  const { port } = server.address() as AddressInfo;
  const base = `http://localhost:${port}`;
  const { enabledChannels } = await import('./channels/careline-config.js');
  const channels = Object.entries(enabledChannels(config)).filter(([, on]) => on).map(([id]) => id);
  process.stdout.write(
    [
      `Careline is running on ${base} (${store.kind} store: ${store.location})`,
      `  Widget demo:   ${base}/`,
      `  Agent console: ${base}/console/`,
      `  Dashboard:     ${base}/dashboard/  (admins: CSAT and service reports)`,
      `  KB editor:     ${base}/editor/`,
      `  Chat API:      ${config.channels.rest.apiKey ? `on at ${base}/api/chat (Authorization: Bearer REST_API_KEY)` : 'off (set REST_API_KEY to serve /api/chat)'}`,
      `  Rate limits:   ${describeRateLimits(config)}`,
      `  Help center:   ${base}/help/<article-id>`,
      `  Health:        ${base}/healthz  (readiness: ${base}/readyz)`,
      `  Public URL:    ${config.publicUrl ?? base}`,
      `  Channels:      ${channels.join(', ') || 'none'}`,
      ...careline.channelSet.notes(listening).map((note) => `  ${note}`),
      `  Knowledge:     ${careline.knowledgeReport.indexed} published articles indexed`,
      ...(openai ? [`  OpenAI:        ${describeOpenAI(config)}`] : []),
      ...careline.channelSet.warnings.map((warning) => `  WARNING:       ${warning}`),
      ...(firstAdmin ? [`  First admin:   ${firstAdmin.email} / ${firstAdmin.password}  (shown once; add agents with: npm run careline -- user add --email … --role agent)`] : []),
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections; finishing requests, turns and sends in flight, then closing the store');
    // Only if a step ignores its bound; shutDown itself never takes longer than its budget.
    const force = setTimeout(() => {
      logger.error('shutdown overran its budget; exiting');
      process.exit(1);
    }, defaultShutdownBudget.totalMs + 2000);
    force.unref();
    const clean = await shutDown(
      {
        stopIntake: () => careline.stopChannels(),
        server,
        requests,
        turnsDone: () => careline.idle(),
        stopWorkers: () => careline.stopWorkers(),
        closeStore: () => store.close(),
      },
      logger,
    );
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** Tells the operator, on stderr, which knowledge-base files were skipped and why. */
function reportKnowledge(report: KnowledgeLoadReport, dir: string): void {
  if (report.files === 0 && report.problems.length === 0) process.stderr.write(`careline: no knowledge-base files found in ${dir}\n`);
  if (report.problems.length === 0) return;
  const lines = report.problems.map((problem) => `  - ${problem.path}: ${problem.field}: ${problem.message}`);
  process.stderr.write(`careline: ${report.problems.length} knowledge-base problem(s); those files were skipped, every other article is served:\n${lines.join('\n')}\n`);
}

interface Args {
  command: string;
  configFile?: string;
  words: string[];
  options: Record<string, string[]>;
}

function parseArgs(argv: string[]): Args {
  const words: string[] = [];
  const options: Record<string, string[]> = {};
  let configFile: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config') configFile = argv[++i];
    else if (arg.startsWith('--config=')) configFile = arg.slice('--config='.length);
    else if (arg === '-h' || arg === '--help') help = true;
    else if (arg === '--admin') (options.role ??= []).push('admin');
    else if (arg === '--force' || arg === '--dry-run') (options[arg.slice(2)] ??= []).push('true');
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s);
      (options[name!] ??= []).push(inline ?? argv[++i] ?? '');
    } else words.push(arg);
  }
  return { command: help ? 'help' : (words[0] ?? 'serve'), configFile, words, options };
}

async function userCommand(args: Args, config: Config): Promise<void> {
  if (args.words[1] !== 'add') {
    process.stderr.write(`Unknown user command "${args.words[1] ?? ''}"; expected "user add".\n`);
    process.exitCode = 2;
    return;
  }
  const parsed = userAddSchema.safeParse({ email: args.options.email?.[0], name: args.options.name?.[0], password: args.options.password?.[0], ...(args.options.role ? { role: args.options.role } : {}) });
  if (!parsed.success) {
    process.stderr.write(`careline user add: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}\n`);
    process.exitCode = 2;
    return;
  }
  const store = await openStore(config);
  try {
    const services = await servicesOver(store);
    const { user, generatedPassword } = await addUser(services.users, { email: parsed.data.email, roles: parsed.data.role, ...(parsed.data.name ? { name: parsed.data.name } : {}), ...(parsed.data.password ? { password: parsed.data.password } : {}) });
    await services.audit.record({ actor: 'cli', action: 'user_added', target: user._id, details: { email: user.email, roles: user.roles } });
    process.stdout.write(`Added ${user.email} (${user.roles.join(', ')})${generatedPassword ? ` with the password ${generatedPassword}` : ''}\n`);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    process.stderr.write(`careline user add: ${parsed.data.email} already exists\n`);
    process.exitCode = 2;
  } finally {
    await store.close();
  }
}

/** `careline customers export ID` (JSON on stdout) and `careline customers erase ID --force`; both audited as `cli`. */
async function customersCommand(args: Args, config: Config): Promise<void> {
  const [, action, id] = args.words;
  if (action === 'import' || action === 'export-csv') {
    await customersCsvCommand(action, id, args, config);
    return;
  }
  if ((action !== 'export' && action !== 'erase') || !id) {
    process.stderr.write('careline customers: expected "customers import FILE.csv [--dry-run]", "customers export-csv", "customers export ID" or "customers erase ID --force"\n');
    process.exitCode = 2;
    return;
  }
  if (action === 'erase' && !args.options.force) {
    process.stderr.write(`careline customers erase: this removes ${id}'s words, names, contacts and platform ids for good; run again with --force\n`);
    process.exitCode = 2;
    return;
  }
  const store = await openStore(config);
  try {
    const { customerData } = await servicesOver(store);
    const result = action === 'export' ? await customerData.export(id, 'cli') : { erased: await customerData.erase(id, 'cli') };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    process.stderr.write(`careline customers: no customer ${id}\n`);
    process.exitCode = 2;
  } finally {
    await store.close();
  }
}

/** `careline customers import FILE.csv [--dry-run]` (with a progress bar and the rows it could not use) and `customers export-csv` (to stdout). */
async function customersCsvCommand(action: 'import' | 'export-csv', file: string | undefined, args: Args, config: Config): Promise<void> {
  if (action === 'import' && (!file || !existsSync(file))) {
    process.stderr.write(`careline customers import: ${file ? `no file ${file}` : 'name the CSV file'} (columns: ${importColumns.join(', ')})\n`);
    process.exitCode = 2;
    return;
  }
  const store = await openStore(config);
  try {
    const { customers } = await servicesOver(store);
    if (action === 'export-csv') {
      process.stdout.write(await exportCustomersCsv(customers));
      return;
    }
    const { channelModules } = await import('./channels/index.js');
    const text = readFileSync(file!, 'utf8');
    let bar: ProgressBar | null = null;
    const report = await importCustomers(text, customers, {
      dryRun: Boolean(args.options['dry-run']),
      channels: channelModules.map((module) => module.id),
      progress: (done, total) => (bar ??= new ProgressBar(process.stderr, total, 'importing')).update(done),
    });
    process.stdout.write(`${report.dryRun ? 'Dry run: would update' : 'Updated'} ${report.updated}, ${report.dryRun ? 'would create' : 'created'} ${report.created} of ${report.rows} rows; ${report.rejected.length} not used${report.rejected.length ? ':' : '.'}\n`);
    for (const rejected of report.rejected) process.stdout.write(`  line ${rejected.line}: ${rejected.reason}\n`);
    if (report.rejected.length > 0) process.exitCode = 1;
  } finally {
    await store.close();
  }
}

async function kbCommand(args: Args, config: Config): Promise<void> {
  const store = await openStore(config);
  try {
    const input = { action: args.words[1], dir: args.options.dir?.[0] ?? config.knowledgeBaseDir, force: Boolean(args.options.force), dryRun: Boolean(args.options['dry-run']) };
    process.exitCode = await runKbCommand(input, await servicesOver(store), process.stdout, process.stderr);
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const { command, configFile } = args;
  if (command === 'help') {
    process.stdout.write(`${helpText}\n`);
    return;
  }
  if (command === 'init') {
    // Before the configuration is read: it writes the configuration.
    const terminal = args.options.name ? null : terminalQuestions();
    const flags = Object.fromEntries((['name', 'hotline', 'website', 'hours', 'locale', 'personaVi'] as const).flatMap((field) => (args.options[flagOf(field)] ? [[field, args.options[flagOf(field)]![0]!]] : [])));
    try {
      process.exitCode = await runInit({ flags, dir: process.cwd(), force: Boolean(args.options.force), ...(args.options['kb-dir']?.[0] ? { kbDir: args.options['kb-dir'][0] } : {}), ...(terminal ? { ask: terminal.ask } : {}) }, process.stdout, process.stderr);
    } finally {
      terminal?.close();
    }
    return;
  }
  if (command !== 'serve' && command !== 'config' && command !== 'user' && command !== 'kb' && command !== 'customers') {
    process.stderr.write(`Unknown command "${command}".\n\n${helpText}\n`);
    process.exitCode = 2;
    return;
  }
  const { enabledChannels, loadCarelineConfig, maskCarelineSecrets } = await import('./channels/careline-config.js');
  const config = loadCarelineConfig({ env: process.env, configFile });
  if (command === 'config') {
    process.stdout.write(`${JSON.stringify({ ...(maskCarelineSecrets(config) as object), enabledChannels: enabledChannels(config), openaiEnabled: openAIConfigured(config.openai) }, null, 2)}\n`);
    return;
  }
  if (command === 'user') {
    await userCommand(args, config);
    return;
  }
  if (command === 'kb') {
    await kbCommand(args, config);
    return;
  }
  if (command === 'customers') {
    await customersCommand(args, config);
    return;
  }
  const { pino } = await import('pino');
  const logger = pino({ level: config.logLevel, base: { service: 'careline' } });
  await serve(config, logger);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreUnavailableError || error instanceof IntentFileError) {
    process.stderr.write(`careline: ${error.message}\n`);
    process.exit(error instanceof StoreUnavailableError ? 1 : 2);
  }
  process.stderr.write(`careline: failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
