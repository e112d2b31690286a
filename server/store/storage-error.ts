/** The hall could not store something (disk full, failing or read-only): the client is told to try again. */
export class StorageError extends Error {
  readonly code = 'STORAGE_ERROR';
}
