import { type Db, type Document, MongoServerError } from "mongodb";
import { ErrorCode } from "../errors/error-code";
import { GatewayError } from "../errors/gateway-error";

/**
 * mongod's answers to an operator it does not know: "unknown group operator" (15952) in
 * `$group`, InvalidPipelineOperator (168) in an expression. Servers before 7.0 give them
 * for `$percentile` and `$median`.
 */
const UNKNOWN_OPERATOR_CODES: ReadonlySet<number> = new Set([15952, 168]);

/**
 * Runs one aggregation with maxTimeMS. A timeout is left to formatError, which turns it
 * into TIMEOUT in one place. When the pipeline uses `$percentile`/`$median` and the
 * server does not know them, the error names the server's version.
 */
export async function runAggregation<TRow extends Document>(
  db: Db,
  collection: string,
  pipeline: Document[],
  maxTimeMS: number,
): Promise<TRow[]> {
  try {
    return await db.collection(collection).aggregate<TRow>(pipeline, { maxTimeMS }).toArray();
  } catch (error) {
    if (
      error instanceof MongoServerError &&
      typeof error.code === "number" &&
      UNKNOWN_OPERATOR_CODES.has(error.code) &&
      usesPercentiles(pipeline)
    ) {
      throw percentilesUnsupported(await serverVersion(db));
    }
    throw error;
  }
}

/** The error for a server that refused `$percentile`, naming its version. */
export function percentilesUnsupported(version: string): GatewayError {
  const [major = 0] = version.split(".").map(Number);
  const message =
    major < 7
      ? `Percentiles (resolutionTime p50/p90/p95/p99) need MongoDB 7.0 or newer ($percentile); this server runs MongoDB ${version}. Leave the percentiles out of the selection or upgrade the server`
      : `The server (MongoDB ${version}) refused $percentile, which percentiles (resolutionTime p50/p90/p95/p99) need; leave them out of the selection`;
  return new GatewayError(ErrorCode.UNSUPPORTED_BY_SERVER, message, { serverVersion: version });
}

async function serverVersion(db: Db): Promise<string> {
  try {
    const info = await db.admin().command({ buildInfo: 1 });
    return typeof info.version === "string" ? info.version : "unknown";
  } catch {
    return "unknown";
  }
}

function usesPercentiles(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(usesPercentiles);
  if (value === null || typeof value !== "object" || value instanceof Date) return false;
  return Object.entries(value).some(
    ([key, inner]) => key === "$percentile" || key === "$median" || usesPercentiles(inner),
  );
}
