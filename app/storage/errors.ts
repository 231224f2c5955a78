// Errors every storage adapter throws in the same situations, so routes can map them to HTTP statuses.

export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A record that must exist does not (e.g. updating a deleted attempt). Maps to 404. */
export class NotFoundError extends StorageError {}

/** A unique field is already taken (e.g. an email address). Maps to 409 with a field-level message. */
export class UniqueViolationError extends StorageError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Someone else changed the record first (optimistic concurrency). Maps to 409. */
export class ConflictError extends StorageError {}

/** The store cannot be used at all: locked by another process, unparsable file, unreachable database. */
export class StoreUnavailableError extends StorageError {}
