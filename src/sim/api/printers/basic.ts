// Kinds with a status or type and little else: namespaces and secrets; and the table the
// API server sends for a kind without a printer of its own.
import { type Column, type Printer, CREATED_DOC, ageColumn, nameColumn, text } from './columns.js';

// Printed as stored: the real API server fills in the phase (Active) and type (Opaque) on create.
const namespaceColumns: Column[] = [nameColumn, { name: 'Status', type: 'string', description: 'The status of the namespace', cell: (ns) => text(ns.status?.phase) }, ageColumn];

const secretColumns: Column[] = [
  nameColumn,
  { name: 'Type', type: 'string', description: 'Used to facilitate programmatic handling of secret data.', cell: (s) => text(s.type) },
  {
    name: 'Data',
    type: 'string',
    description: 'Data contains the secret data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'.',
    cell: (s) => (s.data && typeof s.data === 'object' ? Object.keys(s.data).length : 0),
  },
  ageColumn,
];

/** the apiserver's default table convertor: the name and the creation time as RFC 3339 */
const defaultColumns: Column[] = [nameColumn, { name: 'Created At', type: 'date', description: CREATED_DOC, cell: (o) => text(o.metadata.creationTimestamp) }];

export const namespacePrinter: Printer = { columns: namespaceColumns };
export const secretPrinter: Printer = { columns: secretColumns };
export const defaultPrinter: Printer = { columns: defaultColumns };
