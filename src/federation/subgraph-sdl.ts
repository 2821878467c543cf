// The plain schema as an Apollo Federation 2 subgraph's type definitions: the same types and
// fields, plus the keys other subgraphs join on and the few types Relay-style subgraphs define
// too. Pure: the plain schema (schema/schema.graphql) is never changed, only read.
import { Kind, isObjectType, lexicographicSortSchema, parse, printSchema, type ConstDirectiveNode, type DefinitionNode, type DocumentNode, type GraphQLSchema, type ObjectTypeDefinitionNode } from 'graphql';

/** The federation version linked; `@key` and `@shareable` are all the subgraph uses itself. */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.3';

/** Keys beyond `id` (which every type implementing Node has): how other services name these objects. */
export const EXTRA_KEYS: Readonly<Record<string, readonly string[]>> = {
  Cluster: ['name'],
  Environment: ['name'],
  Host: ['cluster { name } name'],
  Workload: ['cluster { name } namespace kind name'],
};

/** Types, and root fields, that other subgraphs commonly define as well (Relay's). */
export const SHAREABLE_TYPES: readonly string[] = ['PageInfo'];
export const SHAREABLE_FIELDS: readonly string[] = ['Query.node'];

/** The types that are entities, each with its keys' field sets, in the order they are declared. */
export function entityKeys(schema: GraphQLSchema): Map<string, readonly string[]> {
  const keys = new Map<string, readonly string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node')) keys.set(type.name, ['id', ...(EXTRA_KEYS[type.name] ?? [])]);
  }
  return keys;
}

/**
 * `printSchema(plain)` with `extend schema @link(…)`, `@key` on every entity and `@shareable`
 * where other subgraphs may define the same thing.
 */
export function subgraphTypeDefs(plain: GraphQLSchema): DocumentNode {
  const keys = entityKeys(plain);
  // Sorted, so the SDL (and schema/subgraph.graphql) does not change with the order classes load in.
  const document = parse(printSchema(lexicographicSortSchema(plain)));
  const definitions = document.definitions.map((definition) => (definition.kind === Kind.OBJECT_TYPE_DEFINITION ? annotated(definition, keys.get(definition.name.value) ?? []) : definition));
  return { ...document, definitions: [linkDefinition(), ...definitions] };
}

function annotated(type: ObjectTypeDefinitionNode, keys: readonly string[]): ObjectTypeDefinitionNode {
  const directives = [...(type.directives ?? []), ...keys.map((fields) => directive('key', fields))];
  if (SHAREABLE_TYPES.includes(type.name.value)) directives.push(directive('shareable'));
  const fields = type.fields?.map((field) =>
    SHAREABLE_FIELDS.includes(`${type.name.value}.${field.name.value}`) ? { ...field, directives: [...(field.directives ?? []), directive('shareable')] } : field,
  );
  return { ...type, directives, fields };
}

function linkDefinition(): DefinitionNode {
  const imports = ['@key', '@shareable'].map((value) => ({ kind: Kind.STRING, value }) as const);
  return {
    kind: Kind.SCHEMA_EXTENSION,
    directives: [
      {
        kind: Kind.DIRECTIVE,
        name: { kind: Kind.NAME, value: 'link' },
        arguments: [
          { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'url' }, value: { kind: Kind.STRING, value: FEDERATION_LINK } },
          { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'import' }, value: { kind: Kind.LIST, values: imports } },
        ],
      },
    ],
  };
}

function directive(name: string, fields?: string): ConstDirectiveNode {
  const args = fields === undefined ? [] : [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: { kind: Kind.STRING, value: fields } } as const];
  return { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: name }, arguments: args };
}
