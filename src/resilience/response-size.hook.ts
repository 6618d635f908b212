import type { FastifyReply, FastifyRequest } from "fastify";
import { ErrorCode } from "../errors/error-code";

/**
 * onSend hook of the GraphQL route: a response body larger than MAX_RESPONSE_BYTES is
 * replaced by one RESPONSE_TOO_LARGE error (HTTP 200, like any GraphQL execution error),
 * so one huge answer cannot tie up the gateway's memory or a client's parser.
 */
export function responseSizeHook(maxBytes: number) {
  return async (_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const size =
      typeof payload === "string"
        ? Buffer.byteLength(payload)
        : Buffer.isBuffer(payload)
          ? payload.length
          : undefined;
    if (size === undefined || size <= maxBytes) return payload;
    reply.code(200).type("application/json; charset=utf-8");
    return JSON.stringify({
      data: null,
      errors: [
        {
          message: `The response is ${size} bytes, more than MAX_RESPONSE_BYTES (${maxBytes}); ask for fewer items or fields`,
          extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, size, limit: maxBytes },
        },
      ],
    });
  };
}
