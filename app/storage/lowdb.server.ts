// The embedded store: one durable, locked JSON file (lowdb). See app/storage/lowdb/ for its parts.
export {
  createLowdbStore,
  DEFAULT_BACKUPS,
  DEFAULT_BACKUP_INTERVAL_MS,
  type LowdbStoreOptions,
} from "./lowdb/store.server";
export { DurableJsonFile, type DurableJsonFileOptions } from "./lowdb/durable-json-file.server";
export { BackupRotation, type BackupOptions } from "./lowdb/backups.server";
export { acquireLock, lockPathFor, type LockHolder, type StoreLock } from "./lowdb/lock.server";
export { SCHEMA_VERSION, checkData, emptyData, type LowdbData } from "./lowdb/data.server";
export { nodeFs, type DurableFs, type DurableFileHandle } from "./lowdb/file-system.server";
