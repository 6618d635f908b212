import { connect, type Socket } from "node:net";
import { deserialize, serialize, type Document } from "bson";

/** CRC-32C computed independently of the engine, for checksum tests. */
export function crc32cOf(bytes: Uint8Array): number {
  let crc = ~0 >>> 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return ~crc >>> 0;
}

export interface OpMsgOptions {
  sequences?: Array<{ id: string; docs: Document[] }>;
  checksum?: boolean;
  moreToCome?: boolean;
  requestId?: number;
}

/** Encodes an OP_MSG by hand (body section plus optional kind-1 sequences and checksum). */
export function opMsg(body: Document, options: OpMsgOptions = {}): Buffer {
  const sections: Buffer[] = [Buffer.from([0]), Buffer.from(serialize(body))];
  for (const seq of options.sequences ?? []) {
    const docs = seq.docs.map((d) => Buffer.from(serialize(d)));
    const id = Buffer.from(`${seq.id}\0`, "utf8");
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + id.length + docs.reduce((n, d) => n + d.length, 0));
    sections.push(Buffer.from([1]), size, id, ...docs);
  }
  const flags = (options.checksum ? 1 : 0) | (options.moreToCome ? 2 : 0);
  const payload = Buffer.concat(sections);
  const length = 16 + 4 + payload.length + (options.checksum ? 4 : 0);
  const header = Buffer.alloc(20);
  header.writeInt32LE(length, 0);
  header.writeInt32LE(options.requestId ?? 1, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(2013, 12);
  header.writeUInt32LE(flags, 16);
  const msg = Buffer.concat([header, payload]);
  if (!options.checksum) return msg;
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32cOf(msg));
  return Buffer.concat([msg, sum]);
}

/** A raw TCP connection that reads whole reply frames. */
export class RawConnection {
  private buffered = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on("data", (d: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, d]);
      this.wake();
    });
    socket.on("close", () => {
      this.closed = true;
      this.wake();
    });
    socket.on("error", () => undefined);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => resolve(new RawConnection(socket)));
      socket.once("error", reject);
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The body document of the next OP_MSG reply, or null if the server closed the connection. */
  async reply(timeoutMs = 2000): Promise<Document | null> {
    const deadline = Date.now() + timeoutMs;
    while (true) {
      if (this.buffered.length >= 4) {
        const len = this.buffered.readInt32LE(0);
        if (this.buffered.length >= len) {
          const frame = this.buffered.subarray(0, len);
          this.buffered = this.buffered.subarray(len);
          return deserialize(frame.subarray(21));
        }
      }
      if (this.closed) return null;
      if (Date.now() > deadline) throw new Error("no reply");
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Resolves true once the server has closed the connection. */
  async waitClosed(timeoutMs = 2000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }
}
