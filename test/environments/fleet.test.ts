import { hostsHeldElsewhere } from '../../src/environments/fleet.js';
import type { EnvironmentRecord } from '../../src/model/records.js';

const env = (name: string, hostNames: string[]): EnvironmentRecord => ({ kind: 'Environment', id: name, name, namespace: name.replace(':', '-'), clusters: ['c'], hostNames, createdAt: null });
const fleet = [env('acme:prod', ['www.acme.example', 'Api.Acme.Example']), env('acme:qa', ['qa.acme.example']), env('globex:prod', ['10.0.0.1'])];

describe('hostsHeldElsewhere', () => {
  it.each<[string, string[], string, { host: string; environment: string }[]]>([
    ['none held', ['new.example'], 'acme:qa', []],
    ['own hosts are not a conflict', ['qa.acme.example'], 'acme:qa', []],
    ['another environment holds one', ['qa.acme.example', 'www.acme.example'], 'acme:qa', [{ host: 'www.acme.example', environment: 'acme:prod' }]],
    ['compared lower-cased', ['api.acme.example'], 'acme:new', [{ host: 'api.acme.example', environment: 'acme:prod' }]],
    ['exact match only', ['acme.example', 'x.www.acme.example'], 'acme:new', []],
    ['addresses too', ['10.0.0.1'], 'acme:prod', [{ host: '10.0.0.1', environment: 'globex:prod' }]],
  ])('%s', (_title, hosts, self, held) => {
    expect(hostsHeldElsewhere(hosts, fleet, self)).toEqual(held);
  });
});
