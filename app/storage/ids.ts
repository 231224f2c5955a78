// The two scalar types every storage record uses, apart so each record-group file can import them without a cycle.
export type Id = string;
/** ISO-8601 timestamps everywhere, so records compare and serialise the same in both adapters. */
export type Timestamp = string;
