import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import type { GraphQLScalarType } from 'graphql';

/** type-graphql's mapping of TS types to scalars: a `Date` field is the contract's DateTime. */
export const scalarsMap = [{ type: Date, scalar: DateTimeResolver }];

/** The contract's scalars, emitted even before a field uses them so clients can rely on their names. */
export const contractScalars: readonly GraphQLScalarType[] = [DateTimeResolver, JSONObjectResolver];
// JSONObject has no TS type to map from: its fields name it, `@Field(() => JSONObjectResolver)`.
