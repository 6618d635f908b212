import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";
import type { ChangePosition } from "./change-position";

/** A decoded resume token: the event position, and whether it is the token of an invalidate. */
export interface ResumePoint {
  pos: ChangePosition;
  fromInvalidate: boolean;
}

const TOKEN = /^82([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})(0[01])$/;

function hex8(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, "0");
}

/**
 * `{_data: "82…"}`: a hex string like mongod's (opaque to drivers), here the cluster time, the
 * index within a transaction and an invalidate flag. Deterministic, so a token stays valid
 * across a restart for as long as the history holds its position.
 */
export function encodeResumeToken(pos: ChangePosition, fromInvalidate = false): { _data: string } {
  return { _data: `82${hex8(pos.t)}${hex8(pos.i)}${hex8(pos.op)}${fromInvalidate ? "01" : "00"}` };
}

/** Decodes a token given to resumeAfter/startAfter; code 260 InvalidResumeToken when malformed. */
export function decodeResumeToken(token: unknown, field: string): ResumePoint {
  const data = isPlainObject(token) ? token._data : undefined;
  const m = typeof data === "string" ? TOKEN.exec(data.toUpperCase()) : null;
  if (!m) throw new CommandError(260, `Invalid resume token given to ${field}: ${JSON.stringify(token)}`);
  return {
    pos: { t: parseInt(m[1], 16), i: parseInt(m[2], 16), op: parseInt(m[3], 16) },
    fromInvalidate: m[4] === "01",
  };
}
