// `npm start`: reads the environment, starts fleetgraph, stops it on SIGINT/SIGTERM.
import { buildGatewaySubgraphSchema } from '../../schema/build-subgraph-schema.js';
import { ConfigError, loadConfig } from '../config/index.js';
import { KubeconfigError } from '../kube/index.js';
import { pino } from 'pino';
import { createLogger } from '../logging/index.js';
import { StoreOpenError } from '../store/index.js';
import { startFleetgraph, type Fleetgraph } from './fleetgraph.js';
import { SupergraphError } from './supergraph.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const app = await startFleetgraph({ config, logger, schema: await buildGatewaySubgraphSchema() });
  logger.info({ url: app.url }, `fleetgraph serving ${app.url}`);
  stopOnSignal(app, (message, err) => (err ? logger.error({ err }, message) : logger.info(message)));
}

function stopOnSignal(app: Fleetgraph, log: (message: string, err?: unknown) => void): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal while draining means "now": a stuck request must not hold the process.
    if (stopping) process.exit(130);
    stopping = true;
    log(`${signal} received, stopping`);
    // Reverse order of start (fleetgraph.ts): readiness fails, SHUTDOWN_DELAY_MS, the listener
    // closes, in-flight requests finish (SHUTDOWN_GRACE_MS), sockets close with 1001, operations
    // stop at a step they resume from, watches and sinks stop, the store closes.
    app.stop().then(
      () => {
        log('stopped');
        // Nothing should be left running; should a stray handle remain, it does not keep the process.
        setTimeout(() => process.exit(), 1000).unref();
      },
      (err: unknown) => {
        log('stopping failed', err);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((err: unknown) => {
  // stderr stays log lines (JSON unless LOG_FORMAT=pretty): configuration mistakes and a store
  // that cannot open as it stands and subgraphs that do not compose get their message alone; anything else its stack too.
  const format = process.env.LOG_FORMAT === 'pretty' ? 'pretty' : 'json';
  const logger = createLogger({ format, destination: pino.destination(2) });
  if (err instanceof ConfigError || err instanceof KubeconfigError || err instanceof StoreOpenError || err instanceof SupergraphError) logger.fatal(err.message);
  else logger.fatal({ err }, 'fleetgraph failed to start');
  process.exitCode = 1;
});
