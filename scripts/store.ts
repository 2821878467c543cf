// `npm run store -- check|repair [--data-dir DIR]`: see src/store/store-command.ts and the README ("The store").
import { runStoreCommand } from '../src/store/store-command.js';

process.exitCode = await runStoreCommand(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
