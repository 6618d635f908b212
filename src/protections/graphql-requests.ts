/** The GraphQL requests of an HTTP request (one, or several when batched): body or query string. */
export function graphqlRequestsOf(body: unknown, query: unknown): Record<string, unknown>[] {
  const source = body !== undefined && body !== null && body !== "" ? body : query;
  const items = Array.isArray(source) ? source : [source];
  return items.filter((item): item is Record<string, unknown> => item !== null && typeof item === "object");
}

/** `extensions` of a GraphQL request: an object in a JSON body, a JSON string in a GET query. */
export function extensionsOf(request: Record<string, unknown>): Record<string, unknown> | undefined {
  let extensions = request.extensions;
  if (typeof extensions === "string") {
    try {
      extensions = JSON.parse(extensions) as unknown;
    } catch {
      return undefined;
    }
  }
  return extensions !== null && typeof extensions === "object"
    ? (extensions as Record<string, unknown>)
    : undefined;
}
