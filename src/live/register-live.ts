import type { FastifyInstance } from "fastify";
import type { GraphQLSchema } from "graphql";
import type { Db } from "mongodb";
import type { AuthenticationDependencies } from "../auth/authenticate-request";
import type { Config } from "../config";
import type { AlertDocument } from "../db/alert.document";
import { COLLECTIONS } from "../db/collection-names";
import type { GatewayRepositories } from "../repositories/gateway-repositories";
import { LiveRepository } from "../repositories/live.repository";
import { ChangeStreamFeed, supportsChangeStreams } from "./change-stream-feed";
import type { ChangeFeed } from "./live-change";
import { type LiveClock, systemClock } from "./live-clock";
import { LiveService } from "./live-service";
import { PollingChangeFeed } from "./polling-change-feed";
import { registerSubscriptionServer } from "./subscription-server";

export interface LiveOptions {
  path: string;
  config: Config;
  db: Db;
  schema: GraphQLSchema;
  repositories: GatewayRepositories;
  authentication: AuthenticationDependencies;
  /** Default: the system clock. Tests pass one they move by hand. */
  clock?: LiveClock;
}

/**
 * Live fields for one gateway: chooses how changes are learned (LIVE_SOURCE: change
 * streams where the deployment serves them, else polling every LIVE_POLL_SECONDS) and
 * says so in one log line, then serves subscriptions on the GraphQL path.
 */
export async function registerLive(app: FastifyInstance, options: LiveOptions): Promise<LiveService> {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const feed = await chooseFeed(app, options, clock);
  const live = new LiveService({
    feed,
    clock,
    minIntervalMs: config.live.minIntervalMs,
    repositories: options.repositories,
    live: new LiveRepository(db.collection<AlertDocument>(COLLECTIONS.alerts), {
      maxTimeMS: config.dbMaxTimeMs,
    }),
    log: app.log,
  });
  registerSubscriptionServer({
    app,
    path: options.path,
    schema: options.schema,
    config,
    repositories: options.repositories,
    authentication: options.authentication,
    live,
    clock,
  });
  return live;
}

async function chooseFeed(app: FastifyInstance, options: LiveOptions, clock: LiveClock): Promise<ChangeFeed> {
  const { config, db } = options;
  const polling = () =>
    new PollingChangeFeed({
      db,
      clock,
      pollMs: config.live.pollSeconds * 1000,
      log: app.log,
      maxTimeMS: config.dbMaxTimeMs,
    });
  const interval = `LIVE_MIN_INTERVAL_MS=${config.live.minIntervalMs}`;
  if (config.live.source === "poll") {
    app.log.info(
      `live: subscriptions poll the database every ${config.live.pollSeconds} s (LIVE_SOURCE=poll, LIVE_POLL_SECONDS); ${interval}`,
    );
    return polling();
  }
  const probe = await supportsChangeStreams(db);
  if (probe.supported) {
    app.log.info(`live: subscriptions follow MongoDB change streams; ${interval}`);
    return new ChangeStreamFeed({ db, clock, log: app.log });
  }
  if (config.live.source === "change-stream") {
    throw new Error(`LIVE_SOURCE=change-stream, but the database serves no change streams: ${probe.reason}`);
  }
  app.log.info(
    `live: the database serves no change streams (${probe.reason}); subscriptions poll it every ${config.live.pollSeconds} s (LIVE_POLL_SECONDS); ${interval}`,
  );
  return polling();
}
