import type { Command } from "commander";
import type { Db } from "mongodb";
import { type DemoToken, demoPlaygroundHeaders, issueDemoTokens, randomJwtSecret } from "../auth/demo-tokens";
import { loadConfig } from "../config";
import { COLLECTIONS } from "../db/collection-names";
import { provisionDatabase, type ProvisionedDatabase } from "../db/provision-database";
import { graphqlUrl, startGateway } from "../main";
import { seedDemoData } from "../seed/seed-demo-data";

/**
 * `jupiter serve` (`npm start`): reads the configuration, provisions a database when
 * MONGODB_URI is unset (seeding demo data into it while it is empty, unless
 * DEMO_DATA=never), starts the gateway and prints the playground URL. SIGTERM or
 * SIGINT stops it gracefully: no new connections, in-flight requests finish, the
 * client and any provisioned database close. A second signal exits at once.
 */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("start the gateway (provisions a database when MONGODB_URI is not set)")
    .action(async () => {
      const config = loadConfig(process.env);
      let database: ProvisionedDatabase | undefined;
      if (!config.mongodbUri) {
        database = await provisionDatabase();
        console.log(database.reason);
      }
      const seed = database !== undefined && config.demoData === "auto";
      // Demo mode (a provisioned database, no JWT key configured): a random JWT_SECRET
      // for this process, and a ready-to-paste token per role for seeded users.
      const { auth } = config;
      const demo = database !== undefined && !auth.jwtSecret && !auth.jwksFile && !auth.jwksUrl;
      const demoSecret = demo ? randomJwtSecret() : undefined;
      let demoTokens: DemoToken[] = [];
      const gateway = await startGateway(
        {
          ...config,
          mongodbUri: config.mongodbUri ?? database?.uri,
          auth: demoSecret ? { ...auth, jwtSecret: demoSecret } : auth,
        },
        {
          beforeListen: seed ? seedWhenEmpty : undefined,
          playgroundHeaders: demoSecret
            ? async (db) => {
                demoTokens = await issueDemoTokens(db, demoSecret);
                return demoPlaygroundHeaders(demoTokens);
              }
            : undefined,
        },
      ).catch(async (error: unknown) => {
        await database?.stop();
        throw error;
      });
      console.log(`Playground: ${graphqlUrl(gateway)}`);
      if (gateway.metricsUrl) console.log(`Metrics: ${gateway.metricsUrl}`);
      console.log(`Live dashboard: ${gateway.url}/dashboard (subscriptions: ws on ${graphqlUrl(gateway)})`);
      if (demoSecret) {
        console.log("demo mode: JWT_SECRET is random for this process; tokens (valid 12 h):");
        for (const { role, userName, token } of demoTokens) {
          console.log(`  ${role.toUpperCase()} (${userName}):\n    Authorization: Bearer ${token}`);
        }
        if (demoTokens.length === 0)
          console.log("  (no users in the database: set JWT_SECRET and sign your own)");
      }

      let stopping = false;
      const shutdown = async (signal: NodeJS.Signals) => {
        if (stopping) {
          console.error(`${signal} again: exiting without waiting`);
          process.exit(1);
        }
        stopping = true;
        console.log(`${signal}: finishing in-flight requests, then stopping`);
        try {
          await gateway.stop();
          await database?.stop();
          process.exit(0);
        } catch (error) {
          console.error("jupiter: could not stop cleanly:", error);
          process.exit(1);
        }
      };
      process.on("SIGINT", (signal) => void shutdown(signal));
      process.on("SIGTERM", (signal) => void shutdown(signal));
    });
}

/** Seeds the demo data set into a database that holds none of the data model yet. */
async function seedWhenEmpty(db: Db): Promise<void> {
  const counts = await Promise.all(
    [COLLECTIONS.users, COLLECTIONS.cases, COLLECTIONS.alerts].map((name) =>
      db.collection(name).estimatedDocumentCount(),
    ),
  );
  if (counts.some((count) => count > 0)) {
    console.log("demo data: the database already holds data; not seeding");
    return;
  }
  console.log("demo data: seeding an empty database (DEMO_DATA=never turns this off)");
  const started = Date.now();
  const seeded = await seedDemoData(db, {
    onProgress: (collection, done, total) => {
      if (done === total) console.log(`demo data: ${collection} ${done}/${total}`);
    },
  });
  console.log(
    `demo data: ${seeded.users} users, ${seeded.cases} cases, ${seeded.alerts} alerts in ${Date.now() - started} ms`,
  );
}
