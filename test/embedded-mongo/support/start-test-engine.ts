import { MongoClient, type MongoClientOptions } from "mongodb";
import {
  startEmbeddedMongo,
  type EmbeddedMongo,
  type EmbeddedMongoOptions,
} from "../../../src/embedded-mongo";

export interface TestEngine {
  engine: EmbeddedMongo;
  client: MongoClient;
  stop(): Promise<void>;
}

/** Starts an engine on a free port and connects the official driver to it. */
export async function startTestEngine(
  options: EmbeddedMongoOptions = {},
  clientOptions: MongoClientOptions = {},
): Promise<TestEngine> {
  const engine = await startEmbeddedMongo({ port: 0, ...options });
  const client = new MongoClient(engine.uri, { serverSelectionTimeoutMS: 5000, ...clientOptions });
  await client.connect();
  return {
    engine,
    client,
    stop: async () => {
      await client.close();
      await engine.stop();
    },
  };
}
