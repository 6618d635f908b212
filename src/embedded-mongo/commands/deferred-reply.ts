import type { CommandReply } from "./command-context";

/**
 * A reply that is not ready yet (a change stream's getMore waiting for events): the connection
 * sends it when the promise settles, and the engine serves other connections meanwhile. It is a
 * record (the index signature) so that it passes through the session and profiling layers, which
 * find no `ok` or `writeErrors` on it and leave it alone.
 */
export class DeferredReply {
  [field: string]: unknown;
  constructor(readonly promise: Promise<CommandReply>) {}
}
