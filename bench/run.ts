// `npm run bench [name]`: the benchmarks, one after another. Not tests: they print figures.
// BENCH_QUICK=1 runs read-api on a small fleet (READ_API_QUICK), to try it in a minute or two.
import { abuse } from './abuse.js';
import { READ_API_FULL, READ_API_QUICK, readApi } from './read-api.js';
import { simScale } from './sim-scale.js';
import { subscriptions } from './subscriptions.js';

const benches: Record<string, () => Promise<void>> = {
  'sim-scale': () => simScale(),
  'read-api': () => readApi(process.env.BENCH_QUICK === '1' ? READ_API_QUICK : READ_API_FULL),
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
