import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * GET /graphql with `If-None-Match` naming the ETag the response cache gave the result:
 * 304 without a body (the client's copy is current). POST is left alone: HTTP caches
 * and browsers only revalidate GETs.
 */
export async function etagHook(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (request.method !== "GET" || reply.statusCode !== 200) return payload;
  const etag = reply.getHeader("etag");
  const ifNoneMatch = request.headers["if-none-match"];
  if (typeof etag !== "string" || typeof ifNoneMatch !== "string") return payload;
  const matches = ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
  if (!matches) return payload;
  reply.code(304);
  reply.removeHeader("content-length");
  return "";
}
