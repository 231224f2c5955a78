// The first checks every lowdb side file (attempts shards, the audit log) makes of what it parsed: a JSON object, with
// a format number this Webside understands. Each error completes "The data file X cannot be used: ...".

/**
 * Returns the parsed value as a record, or throws saying what is wrong: not an object, no usable format number in
 * `field`, or a format newer than `understood`. `holds` names the content ("a shard of attempts"), `label` the format.
 */
export function checkFormatHeader(
  value: unknown,
  options: { field: string; understood: number; holds: string; label: string },
): Record<string, unknown> {
  const { field, understood, holds, label } = options;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`it does not hold ${holds} (expected a JSON object at the top level)`);
  }
  const record = value as Record<string, unknown>;
  const format = record[field];
  if (typeof format !== "number" || !Number.isInteger(format) || format < 1) {
    throw new Error(`it has no valid ${field}, so it is not ${holds.replace(/^an? /, "a Webside ")}`);
  }
  if (format > understood) {
    throw new Error(
      `it was written by a newer Webside (${label} ${format}; this one understands up to ${understood}). Upgrade Webside`,
    );
  }
  return record;
}
