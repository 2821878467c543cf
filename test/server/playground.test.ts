// The playground as a person sees it: a real headless browser opens GET /graphql, the page
// renders with every request staying on this machine, runs the default query, shows the result.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { launch, type Browser } from 'puppeteer-core';
import { resourceByKind } from '../../src/sim/resources.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/wait.js';

// Debian's chromium-headless-shell; .ci/run installs it when missing.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

let gw: TestGateway;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium-headless-shell (see .ci/run)`);
  gw = await startTestGateway({ clusters: ['prod-eu', 'staging'], seed: 'empty' });
  browser = await launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], headless: true });
});
afterAll(async () => {
  await browser?.close();
  await gw?.stop();
});

it('renders GraphiQL with no request leaving 127.0.0.1, runs the default query and a subscription, and shows their results', async () => {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  const requested: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    requested.push(url);
    // Anything off this machine is refused, so a CDN the page needed would show as a broken page too.
    if (isLocal(url)) void request.continue();
    else void request.abort('blockedbyclient');
  });

  const response = await page.goto(gw.url, { waitUntil: 'load' });
  expect(response?.headers()['content-type']).toMatch(/^text\/html/);
  await page.waitForSelector('.graphiql-execute-button', { timeout: 15_000 });
  // The schema arrived (introspection over HTTP), so the docs explorer can open.
  await page.waitForFunction(() => document.querySelector('.graphiql-container') !== null);
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => /"prod-eu"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), { timeout: 15_000 });
  const shown = await page.$eval('.graphiql-response', (el) => el.textContent ?? '');
  expect(shown).toContain('"staging"');
  expect(shown).toContain('"OK"');
  // The headers editor is there for an Authorization header.
  expect(await page.$('.graphiql-editor-tool, [aria-label="Headers"], button[data-name="headers"]')).not.toBeNull();

  const png = await page.screenshot({ type: 'png' });
  if (process.env.PLAYGROUND_SCREENSHOT) await writeFile(process.env.PLAYGROUND_SCREENSHOT, png);

  // The subscription tab runs over graphql-ws on the same URL and shows a change as it happens.
  const tabs = await page.$$('.graphiql-tab-button');
  expect(tabs).toHaveLength(4);
  await tabs[3]!.click();
  await page.click('.graphiql-execute-button');
  // Changes made once the upstream watches run reach the subscription.
  await eventually(() => gw.resourceEvents.streams(), (streams) => streams.some((s) => s.kind === 'Namespace' && s.cluster === 'prod-eu' && s.state.phase === 'watching'));
  gw.fleet.cluster('prod-eu').store.create(resourceByKind('Namespace'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'from-the-browser' } });
  await page.waitForFunction(() => /"from-the-browser"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), { timeout: 15_000 }).catch(async (err: unknown) => {
    await writeFile('/tmp/playground-failed.png', await page.screenshot({ type: 'png' }));
    throw err;
  });
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.filter((url) => !isLocal(url))).toEqual([]);
});

it('answers API clients with JSON, not the page', async () => {
  const res = await fetch(`${gw.url}?query=${encodeURIComponent('{ me { name } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect(await res.json()).toEqual({ data: { me: { name: 'local' } } });
});

function isLocal(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1';
}
