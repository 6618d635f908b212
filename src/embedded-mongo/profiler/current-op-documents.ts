import type { Engine } from "../storage/engine";
import { OP_OF, profilerOf } from "./operations";

/**
 * The documents of $currentOp (and the currentOp command): every operation the engine is running,
 * as mongod shows them (type "op", opid, active, secs_running, microsecs_running, op, ns, command).
 * The engine runs one command at a time, so this is the operation asking plus any in progress
 * on the call stack.
 */
export function currentOpDocuments(
  engine: Engine,
  host: string,
  options: { idleCursors?: boolean } = {},
): Record<string, unknown>[] {
  const now = process.hrtime.bigint();
  const idle = options.idleCursors ? idleCursorDocuments(engine, host) : [];
  const active = [...profilerOf(engine).running.values()].map((op) => {
    const micros = Number((now - op.startedNs) / 1000n);
    const command: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(op.command)) if (k !== "lsid" && k !== "$clusterTime") command[k] = v;
    return {
      type: "op",
      host,
      desc: `conn${op.connectionId}`,
      connectionId: op.connectionId,
      client: op.client,
      active: true,
      currentOpTime: new Date().toISOString(),
      opid: op.opid,
      secs_running: Math.floor(micros / 1_000_000),
      microsecs_running: micros,
      op: OP_OF[op.name] ?? "command",
      ns: op.ns,
      command,
      numYields: 0,
      waitingForLock: false,
    };
  });
  return [...active, ...idle];
}

/** Open cursors not being read right now (mongod's type "idleCursor" entries). */
function idleCursorDocuments(engine: Engine, host: string): Record<string, unknown>[] {
  return engine.cursors.openCursors().map((cursor) => ({
    type: "idleCursor",
    host,
    active: false,
    ns: cursor.ns,
    cursor: {
      cursorId: cursor.id,
      lastAccessDate: new Date(cursor.lastUsed),
      noCursorTimeout: cursor.noTimeout,
    },
  }));
}
