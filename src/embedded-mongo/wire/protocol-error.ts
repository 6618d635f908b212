/** A message that cannot be understood: the connection that sent it is closed. */
export class ProtocolError extends Error {}
