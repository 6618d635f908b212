/** The values a dotted path reaches in a document, expanding arrays along the way as MongoDB indexes do. */
export interface PathValues {
  values: unknown[];
  /** True when an array was crossed or found at the leaf (the index becomes multikey). */
  multikey: boolean;
}

export function valuesAtPath(doc: unknown, path: string): PathValues {
  const out: PathValues = { values: [], multikey: false };
  collect(doc, path.split("."), 0, out);
  return out;
}

function collect(value: unknown, parts: string[], i: number, out: PathValues): void {
  if (i === parts.length) {
    if (Array.isArray(value)) {
      out.multikey = true;
      // An empty array is indexed as undefined, which sorts with null.
      if (value.length === 0) out.values.push(undefined);
      else for (const v of value) out.values.push(v);
    } else out.values.push(value === undefined ? null : value);
    return;
  }
  if (value === null || typeof value !== "object") {
    out.values.push(null);
    return;
  }
  const part = parts[i];
  if (Array.isArray(value)) {
    out.multikey = true;
    if (/^\d+$/.test(part)) {
      collect(value[Number(part)], parts, i + 1, out);
      return;
    }
    if (value.length === 0) {
      out.values.push(null);
      return;
    }
    for (const el of value) {
      if (el !== null && typeof el === "object" && !Array.isArray(el)) collect(el, parts, i, out);
      else out.values.push(null);
    }
    return;
  }
  collect((value as Record<string, unknown>)[part], parts, i + 1, out);
}
