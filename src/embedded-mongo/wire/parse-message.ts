import { deserialize } from "bson";
import { needsNumericTags } from "../bson/needs-numeric-tags";
import { toInternal } from "../bson/to-internal";
import { crc32c } from "./crc32c";
import type { IncomingMessage } from "./incoming-message";
import { CHECKSUM_PRESENT, EXHAUST_ALLOWED, MAX_BSON_SIZE, MORE_TO_COME, OP_MSG, OP_QUERY } from "./op-codes";
import { ProtocolError } from "./protocol-error";

const KNOWN_FLAGS = CHECKSUM_PRESENT | MORE_TO_COME | EXHAUST_ALLOWED;

function readDocument(buf: Buffer, offset: number, end: number): [Record<string, unknown>, number] {
  if (offset + 5 > end) throw new ProtocolError("truncated document");
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > end || size > MAX_BSON_SIZE + 16 * 1024) {
    throw new ProtocolError("invalid document length");
  }
  const bytes = buf.subarray(offset, offset + size);
  let doc: Record<string, unknown>;
  try {
    if (!needsNumericTags(buf, offset, offset + size)) {
      doc = deserialize(bytes, { promoteValues: true, promoteBuffers: false });
    } else {
      doc = toInternal(deserialize(bytes, { promoteValues: false, promoteBuffers: false }));
    }
  } catch (err) {
    throw new ProtocolError(`invalid BSON: ${(err as Error).message}`);
  }
  return [doc, offset + size];
}

function readCString(buf: Buffer, offset: number, end: number): [string, number] {
  const zero = buf.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new ProtocolError("unterminated string");
  return [buf.toString("utf8", offset, zero), zero + 1];
}

/** Parses one complete OP_MSG or OP_QUERY; anything else is a protocol error. */
export function parseMessage(buf: Buffer): IncomingMessage {
  const length = buf.readInt32LE(0);
  const requestId = buf.readInt32LE(4);
  const opCode = buf.readInt32LE(12);
  if (opCode === OP_MSG) return parseOpMsg(buf, length, requestId);
  if (opCode === OP_QUERY) return parseOpQuery(buf, length, requestId);
  throw new ProtocolError(`unsupported opCode ${opCode}`);
}

function parseOpMsg(buf: Buffer, length: number, requestId: number): IncomingMessage {
  if (length < 21) throw new ProtocolError("OP_MSG too short");
  const flags = buf.readUInt32LE(16);
  // Unknown bits in the low 16 are "must understand" per the OP_MSG spec.
  if (flags & 0xffff & ~KNOWN_FLAGS) throw new ProtocolError(`unknown required OP_MSG flags ${flags}`);
  let end = length;
  if (flags & CHECKSUM_PRESENT) {
    end -= 4;
    if (end < 21) throw new ProtocolError("OP_MSG too short for its checksum");
    if (crc32c(buf, 0, end) !== buf.readUInt32LE(end)) throw new ProtocolError("OP_MSG checksum mismatch");
  }
  let offset = 20;
  let body: Record<string, unknown> | null = null;
  const sequences: Array<[string, Record<string, unknown>[]]> = [];
  while (offset < end) {
    const kind = buf[offset++];
    if (kind === 0) {
      if (body) throw new ProtocolError("OP_MSG with two body sections");
      [body, offset] = readDocument(buf, offset, end);
    } else if (kind === 1) {
      if (offset + 4 > end) throw new ProtocolError("truncated document sequence");
      const size = buf.readInt32LE(offset);
      const seqEnd = offset + size;
      if (size < 5 || seqEnd > end) throw new ProtocolError("invalid document sequence length");
      const [identifier, start] = readCString(buf, offset + 4, seqEnd);
      let pos = start;
      const docs: Record<string, unknown>[] = [];
      while (pos < seqEnd) {
        let doc: Record<string, unknown>;
        [doc, pos] = readDocument(buf, pos, seqEnd);
        docs.push(doc);
      }
      sequences.push([identifier, docs]);
      offset = seqEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError("OP_MSG without a body");
  for (const [identifier, docs] of sequences) {
    const existing = body[identifier];
    body[identifier] = Array.isArray(existing) ? existing.concat(docs) : docs;
  }
  return {
    opCode: OP_MSG,
    requestId,
    command: body,
    moreToCome: (flags & MORE_TO_COME) !== 0,
    exhaustAllowed: (flags & EXHAUST_ALLOWED) !== 0,
  };
}

function parseOpQuery(buf: Buffer, length: number, requestId: number): IncomingMessage {
  let offset = 20;
  const [collectionName, afterName] = readCString(buf, offset, length);
  offset = afterName + 8; // numberToSkip, numberToReturn
  let [query] = readDocument(buf, offset, length);
  // Legacy wrapping: {$query: {...}, $readPreference: ...}
  if (query.$query && typeof query.$query === "object") query = query.$query as Record<string, unknown>;
  return { opCode: OP_QUERY, requestId, command: query, moreToCome: false, collectionName };
}
