import { expect } from "vitest";

/**
 * The log lines of one request (by its x-request-id), in order, once its last one is written:
 * Fastify writes "request completed" after the response, so the test waits for it.
 */
export async function linesOfRequest<TLine extends { msg: string; request_id?: string }>(
  lines: readonly TLine[],
  requestId: string,
): Promise<TLine[]> {
  await expect
    .poll(() => lines.some((line) => line.request_id === requestId && line.msg === "request completed"))
    .toBe(true);
  return lines.filter((line) => line.request_id === requestId);
}
