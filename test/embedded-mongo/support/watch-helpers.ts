import type { ChangeStream, ChangeStreamOptions, Collection, Db, Document, MongoClient } from "mongodb";

/**
 * Opens a change stream and waits until the engine has opened it (the driver sends the
 * aggregate lazily), so that every write made afterwards is after the stream's start.
 */
export async function openStream(
  target: Collection<Document> | Db | MongoClient,
  pipeline: Document[] = [],
  options: ChangeStreamOptions = {},
): Promise<ChangeStream<Document, Document>> {
  const stream = (target as Collection<Document>).watch(pipeline, { maxAwaitTimeMS: 50, ...options });
  const first = await stream.tryNext();
  if (first !== null) throw new Error(`a new stream already had an event: ${JSON.stringify(first)}`);
  return stream as unknown as ChangeStream<Document, Document>;
}

/** The next `n` events of a stream. */
export async function take(stream: ChangeStream<Document, Document>, n: number): Promise<Document[]> {
  const out: Document[] = [];
  while (out.length < n) out.push(await stream.next());
  return out;
}
