// FLEETGRAPH_SUBGRAPHS_FILE: the subgraphs fleetgraph composes with itself, read once at start;
// a bad file stops the start naming the file, the subgraph and the field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseSubgraphs, SubgraphsFileError } from '../../src/config/index.js';

const dir = mkdtempSync(join(tmpdir(), 'fleetgraph-subgraphs-'));
function file(text: string): string {
  const path = join(dir, `subgraphs-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return path;
}

describe('FLEETGRAPH_SUBGRAPHS_FILE', () => {
  it('reads a YAML list of subgraphs, header names in lower case, headers defaulting to none', () => {
    const path = file(`
- name: teams
  url: http://teams.internal:4001/graphql
  headers: [Authorization, X-Team-Token, x-team-token]
- { name: costs, url: "https://costs.example/graphql" }
`);
    expect(loadConfig({ FLEETGRAPH_SUBGRAPHS_FILE: path }).subgraphs).toEqual([
      { name: 'teams', url: 'http://teams.internal:4001/graphql', headers: ['authorization', 'x-team-token'] },
      { name: 'costs', url: 'https://costs.example/graphql', headers: [] },
    ]);
  });

  it('reads JSON too', () => {
    expect(parseSubgraphs('[{"name": "teams", "url": "http://127.0.0.1:4001/"}]', { source: 'subgraphs.json' })).toEqual([{ name: 'teams', url: 'http://127.0.0.1:4001/', headers: [] }]);
  });

  it('is unset by default: fleetgraph serves its own schema alone', () => {
    expect(loadConfig({}).subgraphs).toBeUndefined();
  });

  it('stops the start naming the variable and the file when the file cannot be read', () => {
    const missing = join(dir, 'missing.yaml');
    expect(() => loadConfig({ FLEETGRAPH_SUBGRAPHS_FILE: missing })).toThrow(ConfigError);
    expect(() => loadConfig({ FLEETGRAPH_SUBGRAPHS_FILE: missing })).toThrow(`FLEETGRAPH_SUBGRAPHS_FILE: subgraphs file ${missing}: cannot be read (ENOENT)`);
  });

  it.each([
    ['bad YAML', '- name: teams\n  url: [http://x', /not JSON or YAML/],
    ['an empty file', '', /\(top level\): must be a list of subgraphs/],
    ['a map instead of a list', 'teams: { url: http://x }', /\(top level\): must be a list of subgraphs/],
    ['an empty list', '[]', /\(top level\): must list at least one subgraph/],
    ['an unknown key', '- { name: teams, url: "http://x/", header: [authorization] }', /subgraph "teams": Unrecognized key: "header"/],
    ['a missing name', '- { url: "http://x/" }', /subgraph #1 name: /],
    ['a missing url', '- { name: teams }', /subgraph "teams" url: must be an http:\/\/ or https:\/\/ URL/],
    ['a bad URL', '- { name: teams, url: "teams:4001" }', /subgraph "teams" url: must be an http:\/\/ or https:\/\/ URL/],
    ['a URL of another scheme', '- { name: teams, url: "ftp://teams/" }', /subgraph "teams" url: must be an http/],
    ['a bad name', '- { name: "1 team", url: "http://x/" }', /subgraph "1 team" name: must start with a letter/],
    ['fleetgraph\'s own name', '- { name: Fleetgraph, url: "http://x/" }', /subgraph "Fleetgraph" name: is fleetgraph's own subgraph's name/],
    ['a duplicate name', '- { name: teams, url: "http://x/" }\n- { name: Teams, url: "http://y/" }', /subgraph "Teams" name: is used by an earlier subgraph/],
    ['headers not a list', '- { name: teams, url: "http://x/", headers: authorization }', /subgraph "teams" headers: /],
    ['a bad header name', '- { name: teams, url: "http://x/", headers: ["x team"] }', /subgraph "teams" headers.0: must be an HTTP header name/],
    ['a header the client sets itself', '- { name: teams, url: "http://x/", headers: [Host] }', /subgraph "teams" headers.0: is set for each request to the subgraph/],
  ])('refuses %s, naming the file and the entry', (_, text, message) => {
    const path = file(text);
    const load = () => loadConfig({ FLEETGRAPH_SUBGRAPHS_FILE: path });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(`FLEETGRAPH_SUBGRAPHS_FILE: subgraphs file ${path}:`);
    expect(load).toThrow(message);
    expect(() => parseSubgraphs(text, { source: path })).toThrow(SubgraphsFileError);
  });

  it('lists every problem at once', () => {
    expect(() => parseSubgraphs('- { name: a, url: nope }\n- { name: a, url: "http://x/", extra: 1 }', { source: 's.yaml' })).toThrow(
      /subgraph "a" url: .*\n.*subgraph "a": Unrecognized key: "extra"\n.*subgraph "a" name: is used by an earlier subgraph/,
    );
  });
});
