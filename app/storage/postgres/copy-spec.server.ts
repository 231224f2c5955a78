// The shape of one lowdb collection's mapping onto a PostgreSQL table, shared by the table lists `webside migrate`
// copies (kept apart from those lists so each can import it without importing the others).

export interface CopyColumn {
  /** The record's field in the lowdb file. */
  field: string;
  /** The SQL type the JSON value is read as. */
  type: string;
  column: string;
  /** SQL used in place of a missing value (records written by an older version may lack newer fields). */
  fallback?: string;
  /** Wraps the value read from the file, e.g. to lower-case emails. */
  transform?: (expr: string) => string;
  /** The column takes the whole record as jsonb (`field` is then only a label), e.g. a live session's `record`. */
  whole?: true;
}

export interface CopyTable {
  /** The array's key in the lowdb file. */
  key: string;
  table: string;
  /** The columns that identify a record, used to check which records are already in the database. */
  keyFields: Array<{ field: string; column: string; nullable?: true; type?: string }>;
  columns: CopyColumn[];
}
