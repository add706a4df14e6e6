/**
 * A property of a table read from an index file, only when the table itself holds it. Index files are parsed
 * JSON, so a plain lookup `table[key]` with a key spelled like an `Object.prototype` member ("constructor",
 * "toString", "__proto__", "valueOf") would return the inherited function or prototype instead of "absent".
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
