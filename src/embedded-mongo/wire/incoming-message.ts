/** A parsed request: the command document with document sequences merged in. */
export interface IncomingMessage {
  opCode: number;
  requestId: number;
  command: Record<string, unknown>;
  /** OP_MSG moreToCome: the client expects no reply. */
  moreToCome: boolean;
  /** OP_MSG exhaustAllowed: the client accepts a stream of replies (awaitable hello). */
  exhaustAllowed?: boolean;
  /** OP_QUERY only: the namespace it was sent to (e.g. admin.$cmd). */
  collectionName?: string;
}
