// Writes src/sim/proto/kubernetes.ts: the Kubernetes API's own protobuf messages (from
// k8s.io/api and k8s.io/apimachinery `generated.proto`, field numbers unchanged) for the
// kinds the simulator serves, trimmed to the messages those kinds reach, comments dropped.
// Each field carries what the Go type says of its JSON form, read from the same packages'
// `types.go`: its JSON name when that differs, `inline` for embedded structs, and `keep`
// for scalars whose zero value still reaches the JSON (pointers and fields without omitempty).
//
//   node dist/scripts/kube-protos.js <kubernetes/api checkout> <kubernetes/apimachinery checkout>
//
// Both checkouts at the release the simulator plays (release-1.32).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import protobuf from 'protobufjs';

const [apiDir, machineryDir] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  console.error('usage: kube-protos <kubernetes/api checkout> <kubernetes/apimachinery checkout>');
  process.exit(2);
}

interface Source {
  /** path as Kubernetes imports it */
  path: string;
  dir: string;
  /** Go struct definitions beside it, if any */
  goTypes?: string;
}

const sources: Source[] = [
  ...['core', 'apps', 'policy', 'rbac', 'autoscaling'].map((g) => ({ path: `k8s.io/api/${g}/v1/generated.proto`, dir: join(apiDir, g, 'v1'), goTypes: 'types.go' })),
  { path: 'k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto', dir: join(machineryDir, 'pkg/apis/meta/v1'), goTypes: 'types.go' },
  { path: 'k8s.io/apimachinery/pkg/runtime/generated.proto', dir: join(machineryDir, 'pkg/runtime') },
  { path: 'k8s.io/apimachinery/pkg/runtime/schema/generated.proto', dir: join(machineryDir, 'pkg/runtime/schema') },
  { path: 'k8s.io/apimachinery/pkg/util/intstr/generated.proto', dir: join(machineryDir, 'pkg/util/intstr') },
  { path: 'k8s.io/apimachinery/pkg/api/resource/generated.proto', dir: join(machineryDir, 'pkg/api/resource') },
];

function withList(name: string): string[] {
  return [name, `${name}List`];
}

/** the kinds served (and what their requests carry); everything they reach comes along */
const roots = [
  ...['Namespace', 'Node', 'Pod', 'Secret', 'ConfigMap', 'Service', 'ServiceAccount', 'Event'].flatMap((k) => withList(`k8s.io.api.core.v1.${k}`)),
  ...['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision'].flatMap((k) => withList(`k8s.io.api.apps.v1.${k}`)),
  ...withList('k8s.io.api.rbac.v1.ClusterRole'),
  ...withList('k8s.io.api.rbac.v1.ClusterRoleBinding'),
  'k8s.io.api.policy.v1.Eviction',
  'k8s.io.api.autoscaling.v1.Scale',
  'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Status',
  'k8s.io.apimachinery.pkg.runtime.Unknown',
];

interface GoField {
  json: string;
  inline: boolean;
  keep: boolean;
}

const root = new protobuf.Root();
const goFields = new Map<string, Map<string, GoField>>();
for (const src of sources) {
  const parsed = protobuf.parse(readFileSync(join(src.dir, 'generated.proto'), 'utf8'), root, { keepCase: true });
  if (src.goTypes) readGoTypes(parsed.package!, readFileSync(join(src.dir, src.goTypes), 'utf8'));
}
root.resolveAll();

/** struct name → proto field name → JSON facts, from the `json` and `protobuf` struct tags */
function readGoTypes(pkg: string, text: string): void {
  let struct: Map<string, GoField> | undefined;
  for (const line of text.split('\n')) {
    const start = /^type (\w+) struct \{/.exec(line);
    if (start) {
      struct = new Map();
      goFields.set(`${pkg}.${start[1]}`, struct);
      continue;
    }
    if (line.startsWith('}')) struct = undefined;
    const field = struct && /^\t(?:(\w+)\s+)?(\S+)\s+`([^`]*)`/.exec(line);
    if (!field) continue;
    const tag = field[3]!;
    const json = /json:"([^"]*)"/.exec(tag)?.[1];
    const proto = /protobuf:"[^"]*name=(\w+)/.exec(tag)?.[1];
    if (!json || !proto || json === '-') continue;
    const [jsonName = '', ...opts] = json.split(',');
    const pointer = field[2]!.startsWith('*');
    struct!.set(proto, { json: jsonName || proto, inline: opts.includes('inline'), keep: pointer || !opts.includes('omitempty') });
  }
}

const wanted = new Map<string, protobuf.Type>();
const queue = [...roots];
while (queue.length) {
  const name = queue.shift()!;
  if (wanted.has(name)) continue;
  const type = root.lookupType(name);
  wanted.set(name, type);
  for (const f of type.fieldsArray) if (f.resolvedType instanceof protobuf.Type) queue.push(f.resolvedType.fullName.slice(1));
}

const scalars = new Set(['string', 'bool', 'int32', 'int64', 'double', 'float', 'uint32', 'uint64', 'bytes']);

function fieldLine(type: protobuf.Type, f: protobuf.Field): string {
  const go = goFields.get(type.fullName.slice(1))?.get(f.name);
  const typeName = f.resolvedType ? f.resolvedType.fullName : f.type;
  const opts: string[] = [];
  if (go?.inline) opts.push('(inline) = true');
  else if (go && go.json !== f.name) opts.push(`(json) = "${go.json}"`);
  if (go?.keep && scalars.has(f.type) && !f.repeated && !(f instanceof protobuf.MapField)) opts.push('(keep) = true');
  const suffix = opts.length ? ` [${opts.join(', ')}]` : '';
  if (f instanceof protobuf.MapField) return `  map<${f.keyType}, ${typeName}> ${f.name} = ${f.id}${suffix};`;
  return `  ${f.repeated ? 'repeated' : 'optional'} ${typeName} ${f.name} = ${f.id}${suffix};`;
}

const byPackage = new Map<string, string[]>();
for (const [name, type] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
  const pkg = name.slice(0, name.lastIndexOf('.'));
  const fields = [...type.fieldsArray].sort((a, b) => a.id - b.id).map((f) => fieldLine(type, f));
  const lines = byPackage.get(pkg) ?? [];
  lines.push(`message ${type.name} {`, ...fields, '}', '');
  byPackage.set(pkg, lines);
}

const files = [...byPackage].map(([pkg, lines]) => `  {\n    package: '${pkg}',\n    source: \`syntax = "proto2";\npackage ${pkg};\n\n${lines.join('\n')}\`,\n  },`);
const out = `// Generated by scripts/kube-protos.ts from Kubernetes release-1.32 generated.proto
// (k8s.io/api, k8s.io/apimachinery; Copyright The Kubernetes Authors, Apache License 2.0),
// trimmed to the messages the simulator's kinds reach. Field numbers are Kubernetes'; the
// options say how a field reads in JSON: (json) its name there, (inline) an embedded struct,
// (keep) a scalar whose zero value is still written. Do not edit by hand: rerun the script.

export interface ProtoFile {
  readonly package: string;
  /** .proto text */
  readonly source: string;
}

export const KUBE_PROTOS: readonly ProtoFile[] = [
${files.join('\n')}
];
`;
writeFileSync(new URL('../../src/sim/proto/kubernetes.ts', import.meta.url), out);
console.log(`${wanted.size} messages in ${byPackage.size} packages`);
