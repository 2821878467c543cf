// env list|create|update|delete: environments (org:env) and the clusters they span.
import type { Command } from 'commander';
import { CreateEnvironmentDocument, DeleteEnvironmentDocument, EnvironmentsDocument, UpdateEnvironmentDocument } from '../client/index.js';
import { formatTable } from './output.js';
import type { Act } from './program.js';
import { show } from './session.js';
import { collect } from './values.js';
import { ENVIRONMENT_COLUMNS } from './views.js';

export function addEnvCommands(program: Command, act: Act): void {
  const env = program.command('env').description('list, create, update and delete environments');
  env
    .command('list')
    .description('list environments')
    .option('--cluster <name>', 'only environments in this cluster (repeatable)', collect)
    .action(act(async (session, options: { cluster?: string[] }) => {
      const { environments } = await session.client.request(EnvironmentsDocument, { filter: options.cluster?.length ? { clusters: options.cluster } : undefined });
      show(session, environments, () => formatTable(environments, ENVIRONMENT_COLUMNS));
    }));
  env
    .command('create')
    .description('create an environment: its namespace in each of its clusters')
    .argument('<name>', 'org:env, e.g. acme:staging')
    .requiredOption('--cluster <name>', 'a cluster it spans (repeatable)', collect)
    .option('--host <name>', 'a host name it answers to (repeatable)', collect)
    .action(act(async (session, name: string, options: { cluster: string[]; host?: string[] }) => {
      const { createEnvironment } = await session.client.request(CreateEnvironmentDocument, { input: { name, clusters: options.cluster, hostNames: options.host } });
      show(session, createEnvironment, () => formatTable([createEnvironment], ENVIRONMENT_COLUMNS));
    }));
  env
    .command('update')
    .description("replace an environment's host names")
    .argument('<name>', 'org:env')
    .option('--host <name>', 'a host name it answers to (repeatable; none clears them)', collect)
    .action(act(async (session, name: string, options: { host?: string[] }) => {
      const { updateEnvironment } = await session.client.request(UpdateEnvironmentDocument, { input: { name, hostNames: options.host ?? [] } });
      show(session, updateEnvironment, () => formatTable([updateEnvironment], ENVIRONMENT_COLUMNS));
    }));
  env
    .command('delete')
    .description('delete an environment')
    .argument('<name>', 'org:env')
    .action(act(async (session, name: string) => {
      const { deleteEnvironment } = await session.client.request(DeleteEnvironmentDocument, { name });
      show(session, { name, deleted: deleteEnvironment }, () => `deleted ${name}\n`);
    }));
}
