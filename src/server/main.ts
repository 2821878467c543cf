// `npm start`: reads the environment, starts fleetgraph, stops it on SIGINT/SIGTERM.
import { buildGatewaySubgraphSchema } from '../../schema/build-subgraph-schema.js';
import { ConfigError, loadConfig } from '../config/index.js';
import { KubeconfigError } from '../kube/index.js';
import { createLogger } from '../logging/index.js';
import { StoreOpenError } from '../store/index.js';
import { startFleetgraph, type Fleetgraph } from './fleetgraph.js';
import { SupergraphError } from './supergraph.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
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
    app.stop().then(
      () => log('stopped'),
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
  // Configuration mistakes, a store that cannot open as it stands and subgraphs that do not compose get their message alone; anything else its stack too.
  const known = err instanceof ConfigError || err instanceof KubeconfigError || err instanceof StoreOpenError || err instanceof SupergraphError;
  console.error(known ? err.message : err);
  process.exitCode = 1;
});
