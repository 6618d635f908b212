import { Collection } from "./collection";
import { validateCollectionName } from "./validate-collection-name";

/** A database: its collections by name. */
export class Database {
  readonly collections = new Map<string, Collection>();

  constructor(readonly name: string) {}

  get(name: string): Collection | undefined {
    return this.collections.get(name);
  }

  /** The collection, created implicitly (as a first insert does) when absent. */
  getOrCreate(name: string, options: Record<string, unknown> = {}): Collection {
    let coll = this.collections.get(name);
    if (!coll) {
      validateCollectionName(name);
      coll = new Collection(this.name, name, options);
      this.collections.set(name, coll);
    }
    return coll;
  }

  drop(name: string): boolean {
    return this.collections.delete(name);
  }
}
