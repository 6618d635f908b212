import type { FastifyReply, FastifyRequest } from "fastify";
import { ErrorCode } from "../errors/error-code";
import { rejectRequest } from "../errors/reject-request";
import { graphqlRequestsOf } from "./graphql-requests";

/**
 * preHandler: refuses a GraphQL document longer than `maxBytes` (UTF-8) with 400 and
 * BAD_USER_INPUT, before it is parsed. The whole body is capped by Fastify's
 * bodyLimit (MAX_BODY_BYTES, 413).
 */
export function documentSizeHook(maxBytes: number) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (reply.sent) return reply;
    for (const item of graphqlRequestsOf(request.body, request.query)) {
      if (typeof item.query !== "string") continue;
      const size = Buffer.byteLength(item.query, "utf8");
      if (size > maxBytes) {
        return rejectRequest(
          reply,
          400,
          ErrorCode.BAD_USER_INPUT,
          `The document is ${size} bytes; at most ${maxBytes} (MAX_DOCUMENT_BYTES)`,
        );
      }
    }
    return undefined;
  };
}
