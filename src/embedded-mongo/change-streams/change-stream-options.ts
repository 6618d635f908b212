/** How a stream renders events (the `$changeStream` stage's options). */
export interface ChangeStreamOptions {
  fullDocument: "default" | "updateLookup" | "whenAvailable" | "required";
  fullDocumentBeforeChange: "off" | "whenAvailable" | "required";
}

/** What a stream watches: one collection, one database, or every database but admin, config, local. */
export type ChangeStreamScope =
  { kind: "collection"; db: string; coll: string } | { kind: "database"; db: string } | { kind: "cluster" };
