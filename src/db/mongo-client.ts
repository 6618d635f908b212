import { MongoClient, type MongoClientOptions } from "mongodb";

/**
 * Connects the one MongoClient the gateway shares between requests. Its pool is the
 * only database state that outlives a request; loaders and caches never do.
 */
export async function connectMongoClient(
  uri: string,
  options: MongoClientOptions = {},
  /** Called before connecting, e.g. to listen to command monitoring (src/observability). */
  instrument?: (client: MongoClient) => void,
): Promise<MongoClient> {
  const client = createMongoClient(uri, options, instrument);
  await client.connect();
  return client;
}

/** The gateway's MongoClient, not yet connected (the gateway may start before its database). */
export function createMongoClient(
  uri: string,
  options: MongoClientOptions = {},
  /** Called before the client is used, e.g. to listen to command monitoring (src/observability). */
  instrument?: (client: MongoClient) => void,
): MongoClient {
  const client = new MongoClient(uri, {
    // An appName in MONGODB_URI wins (operators tell gateways apart in currentOp and logs).
    ...(/[?&]appName=/i.test(uri) ? {} : { appName: "jupiter-gateway" }),
    // Fail a request quickly when the server is gone instead of queueing for 30 s;
    // /readyz reports the outage meanwhile.
    serverSelectionTimeoutMS: 5_000,
    ...options,
  });
  instrument?.(client);
  return client;
}
