import { Field, Float, ObjectType } from "type-graphql";
import { JSONObjectScalar } from "../scalars/json-object.scalar";
import type { CurrentOperationRecord } from "../../src/domain/current-operation.record";

/** One operation the server is running now ($currentOp). */
@ObjectType("CurrentOperation", {
  description: "An operation the database server is running now ($currentOp)",
})
export class CurrentOperation implements CurrentOperationRecord {
  @Field(() => String, { description: "The server's id of the operation (for killOp)" }) opid!: string;

  @Field(() => String, { nullable: true, description: 'e.g. "query", "command", "getmore"' })
  op!: string | null;

  @Field(() => String, { nullable: true, description: 'The namespace, "<database>.<collection>"' })
  namespace!: string | null;

  @Field(() => Float, { nullable: true, description: "How long it has been running, in seconds" })
  secondsRunning!: number | null;

  @Field(() => Boolean, { nullable: true }) active!: boolean | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: "The command, without the driver's session and cluster fields (lsid, $clusterTime, $db)",
  })
  command!: Record<string, unknown> | null;
}
