import type { Engine } from "../storage/engine";

/** What a command handler gets: the engine, the target database and the command document. */
export interface CommandContext {
  engine: Engine;
  dbName: string;
  /** The command name as sent (first key of the command document). */
  name: string;
  cmd: Record<string, unknown>;
  connectionId: number;
  /** host:port clients use to reach this server (hello's me/primary/hosts). */
  address: string;
}

/** A reply document, or one already serialized to BSON (cursor batches). */
export type CommandReply = Record<string, unknown> | Buffer;

export type CommandHandler = (ctx: CommandContext) => CommandReply;
