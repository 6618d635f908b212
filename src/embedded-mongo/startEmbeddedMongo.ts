import type { EmbeddedMongo } from "./EmbeddedMongo";
import type { EmbeddedMongoOptions } from "./EmbeddedMongoOptions";
import { Engine } from "./storage/Engine";
import { WireServer } from "./wire/WireServer";

/** Starts the engine and resolves once it accepts connections. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  if (options.dataDir) {
    // Persistence is the next step; say so rather than pretend data survives a restart.
    process.emitWarning(
      `embedded-mongo: dataDir "${options.dataDir}" is not supported yet; data is kept in memory only`,
    );
  }
  const host = options.host ?? "127.0.0.1";
  // Clients must reach the address hello advertises, so wildcard binds advertise loopback.
  const advertised = host === "0.0.0.0" || host === "::" || host === "localhost" ? "127.0.0.1" : host;
  const engine = new Engine({ cursorTimeoutMs: options.cursorTimeoutMs });
  const server = new WireServer(engine);
  let port: number;
  try {
    port = await server.listen(options.port ?? 0, host, advertised);
  } catch (err) {
    engine.close();
    throw err;
  }
  let stopped: Promise<void> | null = null;
  return {
    uri: `mongodb://${advertised}:${port}/?replicaSet=rs0`,
    port,
    host: advertised,
    stop: () => {
      stopped ??= server.close().then(() => engine.close());
      return stopped;
    },
  };
}
