import type { FastifyReply } from "fastify";
import type { ErrorCode } from "../errors/error-code";

/**
 * Answers a GraphQL request refused before Apollo saw it: the HTTP status, and a
 * GraphQL error with the code in the body (as `application/json`).
 */
export function rejectRequest(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): FastifyReply {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply
    .code(status)
    .type("application/json; charset=utf-8")
    .send({ errors: [{ message, extensions: { code } }] });
}
