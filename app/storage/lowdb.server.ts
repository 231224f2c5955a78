// The embedded store: a durable, locked main JSON file and attempts shards beside it (lowdb). See app/storage/lowdb/ for its parts.
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
export { readDataSet } from "./lowdb/read-data-set.server";
export { auditFileFor } from "./lowdb/audit-file.server";
export { shardFolderFor } from "./lowdb/attempt-shards.server";
export { BASE_SHARD_COUNT, shardCountFor, shardName, shardOf } from "./lowdb/shard-layout.server";
