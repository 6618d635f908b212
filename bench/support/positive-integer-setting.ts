/** A bench setting from the environment: a positive whole number, `fallback` when unset or empty. */
export function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number; got "${raw}"`);
  return value;
}

/**
 * Bench settings from the environment by a table: each key's variable, its default in smoke
 * mode and its default otherwise (each one read with `positiveInteger`).
 */
export function benchSettings<TKey extends string>(
  smoke: boolean,
  table: Record<TKey, readonly [variable: string, smokeDefault: number, fullDefault: number]>,
): Record<TKey, number> {
  const settings = {} as Record<TKey, number>;
  for (const key of Object.keys(table) as TKey[]) {
    const [variable, smokeDefault, fullDefault] = table[key];
    settings[key] = positiveInteger(variable, smoke ? smokeDefault : fullDefault);
  }
  return settings;
}
