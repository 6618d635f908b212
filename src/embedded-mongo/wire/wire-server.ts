import { createServer, type Server, type Socket } from "node:net";
import { type ConnectionInfo, dispatchCommand } from "../commands/dispatch-command";
import { persistenceOf } from "../persistence/persistence";
import type { Engine } from "../storage/engine";
import { deserialize } from "bson";
import { isAwaitableHello } from "../commands/hello-command";
import { topologyVersionOf } from "../commands/topology-version";
import { encodeReply } from "./encode-reply";
import type { IncomingMessage } from "./incoming-message";
import { MessageFramer } from "./message-framer";
import { MORE_TO_COME, OP_MSG } from "./op-codes";
import { parseMessage } from "./parse-message";

/**
 * The TCP side: one framer per connection, requests answered in order. A connection that sends
 * something unparseable is closed; every other connection carries on.
 */
export class WireServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private nextConnectionId = 1;
  address = "";

  constructor(private readonly engine: Engine) {
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(port: number, host: string, advertisedHost: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        const addr = this.server.address();
        const bound = typeof addr === "object" && addr ? addr.port : port;
        this.address = `${advertisedHost}:${bound}`;
        resolve(bound);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      for (const socket of this.sockets) socket.destroy();
      this.server.close(() => resolve());
    });
  }

  private accept(socket: Socket): void {
    const stats = this.engine.stats.connections;
    const id = this.nextConnectionId++;
    stats.current++;
    stats.totalCreated++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const framer = new MessageFramer();
    // One per connection: the handshake records the client's appName on it.
    const conn: ConnectionInfo = { id, address: this.address };
    // Replies wait until the journal records before them are fdatasync'd (group commit),
    // and leave in order.
    let held: Promise<void> | undefined;
    const deliver = (bytes: Uint8Array): void => {
      const durable = persistenceOf(this.engine)?.durable();
      if (!durable && !held) {
        this.send(socket, bytes);
        return;
      }
      const next: Promise<void> = (held ?? Promise.resolve())
        .then(() => durable)
        .then(
          () => {
            if (!socket.destroyed) this.send(socket, bytes);
          },
          () => {
            socket.destroy();
          },
        )
        .finally(() => {
          if (held === next) held = undefined;
        });
      held = next;
    };
    // Requests queue while one waits (a change stream's getMore), so replies stay in order.
    const queue: Buffer[] = [];
    let waiting = false;
    // An awaitable hello sent with exhaustAllowed (the driver's streaming monitor): like mongod,
    // answer it again and again (each answer waiting maxAwaitTimeMS, flagged moreToCome and
    // responding to the previous answer) until the connection closes; the client sends nothing
    // more on this connection meanwhile.
    const exhaust = (msg: IncomingMessage, responseTo: number): void => {
      waiting = true;
      void Promise.resolve(dispatchCommand(this.engine, msg, conn)).then((bytes) => {
        if (socket.destroyed) return;
        const more = (deserialize(bytes, { promoteValues: true }) as { ok?: unknown }).ok === 1;
        const frame = encodeReply(OP_MSG, responseTo, bytes, more ? MORE_TO_COME : 0);
        deliver(frame);
        if (!more) {
          waiting = false;
          pump();
          return;
        }
        const command = { ...msg.command, topologyVersion: topologyVersionOf(this.engine) };
        exhaust({ ...msg, command }, frame.readInt32LE(4));
      });
    };
    const pump = (): void => {
      try {
        while (!waiting && queue.length > 0) {
          if (socket.destroyed) return;
          const msg = parseMessage(queue.shift() as Buffer);
          if (msg.exhaustAllowed && !msg.moreToCome && isAwaitableHello(msg.command)) {
            exhaust(msg, msg.requestId);
            return;
          }
          const reply = dispatchCommand(this.engine, msg, conn);
          if (reply instanceof Promise) {
            waiting = true;
            void reply.then((bytes) => {
              waiting = false;
              if (socket.destroyed) return;
              if (!msg.moreToCome) deliver(encodeReply(msg.opCode, msg.requestId, bytes));
              pump();
            });
            return;
          }
          if (msg.moreToCome) continue;
          deliver(encodeReply(msg.opCode, msg.requestId, reply));
        }
      } catch {
        // Malformed or oversize input: this connection is beyond repair.
        socket.destroy();
      }
    };
    socket.on("data", (data: Buffer) => {
      try {
        for (const raw of framer.push(data)) queue.push(raw);
      } catch {
        socket.destroy();
        return;
      }
      pump();
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      if (this.sockets.delete(socket)) stats.current--;
    });
  }

  private send(socket: Socket, bytes: Uint8Array): void {
    if (!socket.write(bytes)) {
      socket.pause();
      socket.once("drain", () => socket.resume());
    }
  }
}
