import type { TestProject } from "vitest/node";
import { provisionDatabase } from "../../src/db/provision-database";

declare module "vitest" {
  export interface ProvidedContext {
    mongoUri: string;
    mongoBackend: string;
  }
}

/** Provisions one database server for the whole run and says which backend it is. */
export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  // Tests never download a mongod: they use MONGODB_URI, a local binary, or the embedded engine.
  const env = { ...process.env, MONGOD_DOWNLOAD_TIMEOUT_MS: "0" };
  const database = await provisionDatabase({ env });
  console.log(`\n[jupiter tests] backend: ${database.backend} — ${database.reason}\n`);
  project.provide("mongoUri", database.uri);
  project.provide("mongoBackend", database.backend);
  return async () => {
    await database.stop();
  };
}
