/** An update named an operation (or a target of one) the store does not hold. */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
}

/** The store was used after close(). */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';

  constructor() {
    super('the store is closed');
  }
}

/**
 * The store cannot be opened as it stands: its message says why and what to do, for an
 * operator to read at start (no stack needed).
 */
export class StoreOpenError extends Error {
  override readonly name: string = 'StoreOpenError';
}

/** One collection file's unreadable lines (1-based). */
export interface CorruptFile {
  file: string;
  badLines: readonly number[];
}

/** Collection files hold lines that cannot be read, other than a torn last line (repaired at start). */
export class StoreCorruptError extends StoreOpenError {
  override readonly name = 'StoreCorruptError';

  constructor(readonly files: readonly CorruptFile[]) {
    super(
      `${files.map(describeCorruptFile).join('; ')}; nothing was changed. ` +
        'Run `npm run store -- repair` with the same DATA_DIR to move the bad lines aside into a kept file, then start again.',
    );
  }
}

function describeCorruptFile({ file, badLines }: CorruptFile): string {
  const plural = badLines.length === 1 ? '' : 's';
  return `The store file ${file} has ${badLines.length} bad line${plural} (line${plural} ${abbreviate(badLines)}) that cannot be read`;
}

/** DATA_DIR is held by another live process. */
export class DataDirLockedError extends StoreOpenError {
  override readonly name = 'DataDirLockedError';

  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another fleetgraph process (pid ${holderPid}): ` +
        'one gateway per embedded store. Stop that process or choose another DATA_DIR.',
    );
  }
}

/** Stored credentials that FLEETGRAPH_SECRET_KEY (or its absence) cannot open. */
export class SecretKeyError extends StoreOpenError {
  override readonly name = 'SecretKeyError';
}

/** Credentials this store will not keep: no FLEETGRAPH_SECRET_KEY and files others may read. */
export class CredentialsRefusedError extends Error {
  override readonly name = 'CredentialsRefusedError';
}

function abbreviate(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  return lines.length > 10 ? `${shown}, … ${lines.length - 10} more` : shown;
}
