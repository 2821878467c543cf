// `npm run bench`: every benchmark, one after another. Not a test: it prints figures.
import { simScale } from './sim-scale.js';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = { 'sim-scale': () => simScale() };
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
