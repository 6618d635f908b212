import type { Document, Filter } from "mongodb";

/**
 * The conjunction of filters: one flat object when no two filters constrain the same
 * top-level key (easier to read in logs and explain plans), `$and` otherwise.
 */
export function allOf<TDocument extends Document>(filters: readonly Filter<TDocument>[]): Filter<TDocument> {
  const merged: Record<string, unknown> = {};
  for (const filter of filters) {
    for (const [key, value] of Object.entries(filter)) {
      if (key in merged) return { $and: [...filters] } as Filter<TDocument>;
      merged[key] = value;
    }
  }
  return merged as Filter<TDocument>;
}
