#!/usr/bin/env node
/**
 * Careline's entry point and composition root: the only module that reads the environment,
 * creates clients (mongoose) and listens. `careline [serve|config|help] [--config FILE]`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import { pino, type Logger } from 'pino';
import { ConfigError } from './config/config-error.js';
import type { Config } from './config/config-schema.js';
import { enabledChannels, maskSecrets } from './config/describe-config.js';
import { loadConfig } from './config/load-config.js';
import { createApp } from './http/create-app.js';
import { createServices } from './services.js';
import { createDocumentStore, StoreUnavailableError } from './storage/create-document-store.js';

export const helpText = `Careline — self-hosted omnichannel customer-care bot

Usage: careline [command] [--config FILE]

Commands:
  serve     start the server (default)
  config    print the resolved configuration, secrets masked, and which channels are enabled
  help      show this help

Options:
  --config FILE   JSON or YAML config file (also CARELINE_CONFIG); environment variables win
  -h, --help      show this help

Configuration comes from environment variables (see .env.example and README.md).
Without MONGODB_URI, data is kept in the embedded store under DATA_DIR (default ./data).`;

async function connectMongo(uri: string): Promise<Connection> {
  // Measured: mongoose's defaults hang 30 s on an unreachable server and queue commands 10 s.
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 3000, bufferCommands: false, ignoreUndefined: true, autoIndex: false, autoCreate: false });
  try {
    return await connection.asPromise();
  } catch (error) {
    await connection.close(true);
    throw error;
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}

async function serve(config: Config, logger: Logger): Promise<void> {
  const store = await createDocumentStore(config, connectMongo);
  const app = createApp({ config, store, services: createServices(store), logger });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://localhost:${port}`;
  const channels = Object.entries(enabledChannels(config)).filter(([, on]) => on).map(([id]) => id);
  process.stdout.write(
    [
      `Careline is running on ${base} (${store.kind} store: ${store.location})`,
      `  Health:     ${base}/healthz`,
      `  Readiness:  ${base}/readyz`,
      `  REST API:   ${base}/api/channels/rest/messages`,
      `  Public URL: ${config.publicUrl ?? base}`,
      `  Channels:   ${channels.join(', ') || 'none'}`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('in-flight work did not finish in 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await closeServer(server);
      await store.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function parseArgs(argv: string[]): { command: string; configFile?: string } {
  let command = 'serve';
  let configFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config') configFile = argv[++i];
    else if (arg.startsWith('--config=')) configFile = arg.slice('--config='.length);
    else if (arg === '-h' || arg === '--help') command = 'help';
    else command = arg;
  }
  return { command, configFile };
}

async function main(argv: string[]): Promise<void> {
  const { command, configFile } = parseArgs(argv);
  if (command === 'help') {
    process.stdout.write(`${helpText}\n`);
    return;
  }
  if (command !== 'serve' && command !== 'config') {
    process.stderr.write(`Unknown command "${command}".\n\n${helpText}\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig({ env: process.env, configFile });
  if (command === 'config') {
    process.stdout.write(`${JSON.stringify({ ...(maskSecrets(config) as object), enabledChannels: enabledChannels(config) }, null, 2)}\n`);
    return;
  }
  const logger = pino({ level: config.logLevel, base: { service: 'careline' } });
  await serve(config, logger);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreUnavailableError) {
    process.stderr.write(`careline: ${error.message}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
  process.stderr.write(`careline: failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
