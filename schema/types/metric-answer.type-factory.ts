import { type ClassType, Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { MetricSource } from "../enums/metric-source.enum";

/** How an analytics answer type speaks of itself: its name and its descriptions. */
export interface MetricAnswerNaming {
  /** The type's name, e.g. "AlertMetrics". */
  name: string;
  /** The type's description. */
  description: string;
  /** The descriptions of `rows`, `from` and `to`. */
  rows: string;
  from: string;
  to: string;
}

/**
 * The answer type of an analytics query (alertMetrics, caseMetrics, caseBacklog): its rows
 * with the range, time zone, comparison range and read time they were computed for
 * (type-graphql's generic-types pattern, like connection.type-factory.ts).
 */
export function metricAnswerType<TRow extends object>(row: ClassType<TRow>, naming: MetricAnswerNaming) {
  @ObjectType(naming.name, { description: naming.description })
  class MetricAnswer {
    @Field(() => [row], { description: naming.rows }) rows!: TRow[];

    @Field(() => DateTimeScalar, { description: naming.from }) from!: Date;

    @Field(() => DateTimeScalar, { description: naming.to }) to!: Date;

    @Field(() => String, { description: "The canonical IANA name of the query's time zone" })
    timezone!: string;

    @Field(() => DateTimeScalar, { nullable: true }) comparisonFrom!: Date | null;

    @Field(() => DateTimeScalar, { nullable: true }) comparisonTo!: Date | null;

    @Field(() => DateTimeScalar, { description: "When the database was read" }) dataAsOf!: Date;

    @Field(() => MetricSource, {
      description:
        "ROLLUP, LIVE or MIXED: whether the rows were read from alert_rollups, the raw documents, or both",
    })
    source!: MetricSource;
  }

  return MetricAnswer;
}
