import type { FastifyBaseLogger } from "fastify";
import { ObjectId } from "mongodb";
import type { AlertFilter } from "../../schema/inputs/alert-filter.input";
import type { Alert } from "../../schema/types/alert.type";
import type { Case } from "../../schema/types/case.type";
import type { AlertTrendsQuery, CaseStatisticsQuery } from "../repositories/analytics.repository";
import type { AlertMetricsQuery } from "../repositories/metrics.repository";
import type { GatewayRepositories } from "../repositories/gateway-repositories";
import type { LiveRepository } from "../repositories/live.repository";
import { InsertedDocumentHub } from "./inserted-document-hub";
import type { ChangeFeed, WatchedCollection } from "./live-change";
import type { LiveClock } from "./live-clock";
import { LiveQueryHub } from "./live-query-hub";

export type AlertTrendRows = Awaited<ReturnType<GatewayRepositories["analytics"]["alertTrends"]>>;
export type AlertMetricsAnswer = Awaited<ReturnType<GatewayRepositories["metrics"]["alertMetrics"]>>;
export type CaseStatisticsRows = Awaited<ReturnType<GatewayRepositories["analytics"]["caseStatistics"]>>;

/** One event of `caseUpdated`: the case after a change, or its deletion (the last event). */
export interface CaseChange {
  id: string;
  deleted: boolean;
  case: Case | null;
}

export interface LiveServiceOptions {
  feed: ChangeFeed;
  clock: LiveClock;
  minIntervalMs: number;
  repositories: GatewayRepositories;
  live: LiveRepository;
  log: FastifyBaseLogger;
}

/**
 * What the subscription resolvers call: each live field as a stream, backed by one
 * change feed per process and by shared recomputations (LiveQueryHub) or shared
 * lookups of new documents (InsertedDocumentHub).
 */
export class LiveService {
  readonly queries: LiveQueryHub;
  readonly inserts: InsertedDocumentHub;

  constructor(private readonly options: LiveServiceOptions) {
    const { feed, clock, log } = options;
    this.queries = new LiveQueryHub({ feed, clock, minIntervalMs: options.minIntervalMs, log });
    this.inserts = new InsertedDocumentHub({ feed, clock, log });
  }

  /** How this gateway learns about changes. */
  get mode(): ChangeFeed["mode"] {
    return this.options.feed.mode;
  }

  alertTrends(query: AlertTrendsQuery): Promise<AsyncGenerator<AlertTrendRows>> {
    const { analytics } = this.options.repositories;
    return this.recomputed("alertTrends", query, "alerts", () => analytics.alertTrends(query));
  }

  caseStatistics(query: CaseStatisticsQuery): Promise<AsyncGenerator<CaseStatisticsRows>> {
    const { analytics } = this.options.repositories;
    return this.recomputed("caseStatistics", query, "cases", () => analytics.caseStatistics(query));
  }

  /**
   * alertMetrics now and after changes of the alerts. `selection` names what the
   * subscriber selected (it shapes the aggregation, so it is part of the key);
   * `toAnswer` turns the repository's rows into the GraphQL answer.
   */
  alertMetrics<T>(
    query: AlertMetricsQuery,
    toAnswer: (answer: AlertMetricsAnswer) => T,
  ): Promise<AsyncGenerator<T>> {
    const { metrics } = this.options.repositories;
    return this.recomputed("alertMetrics", query, "alerts", async () =>
      toAnswer(await metrics.alertMetrics(query)),
    );
  }

  /**
   * `compute` now and again after each change of `collection`, one recomputation shared by
   * every subscriber of the same field and query.
   */
  private recomputed<T>(
    field: string,
    query: object,
    collection: WatchedCollection,
    compute: () => Promise<T>,
  ): Promise<AsyncGenerator<T>> {
    return this.queries.subscribe({ key: liveKey(field, query), collections: [collection], compute });
  }

  /** The case now, then after each change; the last event has `deleted: true`. */
  caseUpdated(id: ObjectId): Promise<AsyncGenerator<CaseChange>> {
    const { cases } = this.options.repositories;
    const hex = id.toHexString();
    return this.queries.subscribe<CaseChange>({
      key: liveKey("caseUpdated", { id: hex }),
      collections: ["cases"],
      affectedBy: (change) => !("id" in change) || change.id.equals(id),
      compute: async () => {
        const [found] = await cases.findByIds([id]);
        return { id: hex, deleted: !found, case: found ?? null };
      },
      isFinal: (value) => value.deleted,
    });
  }

  /** Each new alert that matches `filter`. */
  alertRaised(filter: AlertFilter | undefined): Promise<AsyncGenerator<Alert>> {
    const { live } = this.options;
    return this.inserts.subscribe({
      key: liveKey("alertRaised", filter ?? {}),
      collection: "alerts",
      matching: (ids) => live.alertsAmong(ids, filter),
    });
  }

  /** Ends every subscription and stops watching. */
  async close(): Promise<void> {
    this.queries.close();
    this.inserts.close();
    await this.options.feed.close();
  }
}

/** A stable key for a field and its arguments: keys sorted, dates as ISO strings, ids as hex. */
export function liveKey(field: string, args: object): string {
  return `${field}:${JSON.stringify(normalise(args))}`;
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof ObjectId) return value.toHexString();
  if (value instanceof Set) return [...value].map(normalise).sort();
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined && item !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, normalise(item)]),
    );
  }
  return value;
}
