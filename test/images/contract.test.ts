// The types here feed the contract's ImageRef, ImageField, ImageDiff, ImageComparison and
// ClusterUpgradePlan; this keeps their names lined up with ../shared/contract/schema.graphql.
import { readFileSync } from 'node:fs';
import { Kind, parse, type DefinitionNode, type TypeNode } from 'graphql';
import { IMAGE_DIFFS, IMAGE_FIELDS, parseImage, planUpgrades, type ImageRef } from '../../src/images/index.js';

const contract = parse(readFileSync(new URL('../../../shared/contract/schema.graphql', import.meta.url), 'utf8'));

function definition(name: string): DefinitionNode {
  const found = contract.definitions.find((d) => 'name' in d && d.name?.value === name);
  if (found === undefined) throw new Error(`the contract has no ${name}`);
  return found;
}

function fieldsOf(name: string): Map<string, TypeNode> {
  const found = definition(name);
  if (found.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error(`${name} is not an object type`);
  return new Map((found.fields ?? []).map((f) => [f.name.value, f.type]));
}

function valuesOf(name: string): string[] {
  const found = definition(name);
  if (found.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error(`${name} is not an enum`);
  return (found.values ?? []).map((v) => v.name.value);
}

// Compiles only while exactly these ImageRef fields are non-null.
type NonNullKeys<T> = { [K in keyof T]-?: null extends T[K] ? never : K }[keyof T];
const NON_NULL: Record<NonNullKeys<ImageRef>, true> = { spec: true, imageName: true, tag: true };

describe('the images module against the contract', () => {
  it('has every ImageRef field, with the contract nullability', () => {
    const fields = fieldsOf('ImageRef');
    const ref = parseImage('registry.example.com/acme/api:org_repo_main_1.0.0-rc.1_7_abc');
    expect(Object.keys(ref)).toEqual(expect.arrayContaining([...fields.keys()]));
    const nonNull = [...fields].filter(([, type]) => type.kind === Kind.NON_NULL_TYPE).map(([name]) => name);
    expect(nonNull.sort()).toEqual(Object.keys(NON_NULL).sort());
  });

  it('has the ImageField and ImageDiff values', () => {
    expect([...IMAGE_FIELDS]).toEqual(valuesOf('ImageField'));
    expect([...IMAGE_DIFFS]).toEqual(valuesOf('ImageDiff'));
  });

  it('has the ImageComparison fields, with workloadKey for workload', () => {
    const [entry] = planUpgrades([{ workloadKey: 'k', container: 'main', image: 'acme/api:1' }], 'acme/api:2').upgrade;
    const expected = [...fieldsOf('ImageComparison').keys()].map((name) => (name === 'workload' ? 'workloadKey' : name));
    expect(Object.keys(entry!).sort()).toEqual(expected.sort());
  });

  it('has the ClusterUpgradePlan lists', () => {
    const lists = Object.keys(planUpgrades([], 'acme/api:2'));
    expect([...fieldsOf('ClusterUpgradePlan').keys()]).toEqual(expect.arrayContaining(lists));
  });
});
