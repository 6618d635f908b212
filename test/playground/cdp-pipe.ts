import type { Readable, Writable } from "node:stream";

/** A DevTools protocol event, from the browser or from an attached session. */
export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

interface CdpMessage extends Partial<CdpEvent> {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

/**
 * The Chrome DevTools protocol over `--remote-debugging-pipe` (NUL-terminated
 * JSON on the browser's fds 3 and 4). A pipe needs no WebSocket, which Node 20
 * lacks, and no port that another process could take.
 */
export class CdpPipe {
  private nextId = 1;
  private buffer = "";
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (e: Error) => void }
  >();
  private readonly listeners = new Set<(event: CdpEvent) => void>();

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.setEncoding("utf8");
    fromBrowser.on("data", (chunk: string) => this.receive(chunk));
    fromBrowser.on("close", () => this.failAll(new Error("Chromium closed the DevTools pipe")));
  }

  /** Calls a protocol method; `sessionId` targets an attached page instead of the browser. */
  send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** Calls `listener` for every event; returns a function that stops it. */
  onEvent(listener: (event: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    for (let end = this.buffer.indexOf("\0"); end >= 0; end = this.buffer.indexOf("\0")) {
      const message = JSON.parse(this.buffer.slice(0, end)) as CdpMessage;
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const call = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) call?.reject(new Error(message.error.message));
        else call?.resolve(message.result);
      } else if (message.method) {
        const event: CdpEvent = {
          method: message.method,
          params: message.params ?? {},
          sessionId: message.sessionId,
        };
        for (const listener of this.listeners) listener(event);
      }
    }
  }

  private failAll(error: Error): void {
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}
