import type { EmbeddedMongo } from "./embedded-mongo";
import type { EmbeddedMongoOptions } from "./embedded-mongo-options";
import { Engine } from "./storage/engine";
import { WireServer } from "./wire/wire-server";
import { attachPersistence } from "./persistence/persistence";
import { sessionsOf } from "./sessions/session-manager";
import { attachChangeStreams } from "./change-streams/attach-change-streams";

/** Starts the engine and resolves once it accepts connections. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = options.host ?? "127.0.0.1";
  // Clients must reach the address hello advertises, so wildcard binds advertise loopback.
  const advertised = host === "0.0.0.0" || host === "::" || host === "localhost" ? "127.0.0.1" : host;
  const engine = new Engine({ cursorTimeoutMs: options.cursorTimeoutMs });
  if (options.sessionTimeoutMs !== undefined) sessionsOf(engine).timeoutMs = options.sessionTimeoutMs;
  const persistence = options.dataDir
    ? attachPersistence(engine, options.dataDir, { compactBytes: options.journalCompactBytes })
    : null;
  // After persistence has replayed the data: loading is not a change.
  const changeStreams = attachChangeStreams(engine, {
    historySize: options.changeHistorySize,
    dataDir: options.dataDir,
  });
  const server = new WireServer(engine);
  let port: number;
  try {
    port = await server.listen(options.port ?? 0, host, advertised);
  } catch (err) {
    changeStreams.close();
    persistence?.close();
    engine.close();
    throw err;
  }
  let stopped: Promise<void> | null = null;
  return {
    uri: `mongodb://${advertised}:${port}/?replicaSet=rs0`,
    port,
    host: advertised,
    stop: () => {
      stopped ??= server.close().then(() => {
        sessionsOf(engine).endAll();
        changeStreams.close();
        persistence?.close();
        engine.close();
      });
      return stopped;
    },
  };
}
