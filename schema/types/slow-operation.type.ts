import { Field, Float, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import type { SlowOperationRecord } from "../../src/domain/slow-operation.record";

/** One entry of the database profiler (`system.profile`). */
@ObjectType("SlowOperation", { description: "One operation the database profiler recorded (system.profile)" })
export class SlowOperation implements SlowOperationRecord {
  @Field(() => String, { description: 'The kind of operation, e.g. "query", "insert", "command"' })
  op!: string;

  @Field(() => String, { description: 'The namespace, "<database>.<collection>"' }) namespace!: string;

  @Field(() => Float, { description: "Duration in milliseconds" }) millis!: number;

  @Field(() => DateTimeScalar, { description: "When the operation ended" }) timestamp!: Date;

  @Field(() => Float, { nullable: true }) docsExamined!: number | null;

  @Field(() => Float, { nullable: true }) keysExamined!: number | null;

  @Field(() => Float, { nullable: true, description: "Documents returned (nreturned)" })
  returned!: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "IXSCAN { severity: 1 }" or "COLLSCAN"' })
  planSummary!: string | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      "The command as sent, without the driver's session and cluster fields (lsid, $clusterTime, $db)",
  })
  command!: Record<string, unknown> | null;
}
