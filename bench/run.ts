// `npm run bench [name]`: the benchmarks, one after another. Not tests: they print figures.
import { abuse } from './abuse.js';
import { readApi } from './read-api.js';
import { simScale } from './sim-scale.js';
import { subscriptions } from './subscriptions.js';

const benches: Record<string, () => Promise<void>> = {
  'sim-scale': () => simScale(),
  'read-api': () => readApi(),
  subscriptions: () => subscriptions(),
  abuse: () => abuse(),
};
const only = process.argv[2];
if (only && !benches[only]) {
  console.error(`no benchmark ${only}; there are ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const [name, bench] of Object.entries(benches)) {
  if (!only || only === name) await bench();
}
