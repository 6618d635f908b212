import { createServer, type Server, type Socket } from "node:net";
import { dispatchCommand } from "../commands/dispatch-command";
import type { Engine } from "../storage/engine";
import { encodeReply } from "./encode-reply";
import { MessageFramer } from "./message-framer";
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
    // Requests queue while one waits (a change stream's getMore), so replies stay in order.
    const queue: Buffer[] = [];
    let waiting = false;
    const pump = (): void => {
      try {
        while (!waiting && queue.length > 0) {
          if (socket.destroyed) return;
          const msg = parseMessage(queue.shift() as Buffer);
          const reply = dispatchCommand(this.engine, msg, { id, address: this.address });
          if (reply instanceof Promise) {
            waiting = true;
            void reply.then((bytes) => {
              waiting = false;
              if (socket.destroyed) return;
              if (!msg.moreToCome) this.send(socket, encodeReply(msg.opCode, msg.requestId, bytes));
              pump();
            });
            return;
          }
          if (msg.moreToCome) continue;
          this.send(socket, encodeReply(msg.opCode, msg.requestId, reply));
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
