// Errors every storage adapter throws in the same situations, so routes can map them to HTTP statuses.
//
// The server loads the store from source while the Remix build carries its own copy of this module, so a plain
// `instanceof` would fail across the two copies. Each error carries a global brand and a kind, and `instanceof`
// checks those instead of object identity.

const BRAND = Symbol.for("webside.storage-error");

type Kind = "storage" | "not-found" | "unique" | "conflict" | "unavailable";

export class StorageError extends Error {
  static readonly kind: Kind = "storage";
  readonly kind: Kind;
  readonly [BRAND] = true;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
    this.kind = (new.target as typeof StorageError).kind;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null || (value as Record<symbol, unknown>)[BRAND] !== true) return false;
    return this.kind === "storage" || (value as StorageError).kind === this.kind;
  }
}

/** A record that must exist does not (e.g. updating a deleted attempt). Maps to 404. */
export class NotFoundError extends StorageError {
  static override readonly kind: Kind = "not-found";
}

/** A unique field is already taken (e.g. an email address). Maps to 409 with a field-level message. */
export class UniqueViolationError extends StorageError {
  static override readonly kind: Kind = "unique";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Someone else changed the record first (optimistic concurrency). Maps to 409. */
export class ConflictError extends StorageError {
  static override readonly kind: Kind = "conflict";
}

/** The store cannot be used at all: locked by another process, unparsable file, unreachable database. */
export class StoreUnavailableError extends StorageError {
  static override readonly kind: Kind = "unavailable";
}
