import { Field, Int, ObjectType } from "type-graphql";
import type { ProfilingStatusRecord } from "../../src/domain/profiling-status.record";

/** The profiler settings of the gateway's database, before and after a change. */
@ObjectType("ProfilingStatus", { description: "The database profiler's level before and after a change" })
export class ProfilingStatus implements ProfilingStatusRecord {
  @Field(() => Int, { description: "The level before the change" }) previousLevel!: number;

  @Field(() => Int, { description: "0: off, 1: operations slower than slowMillis, 2: every operation" })
  level!: number;

  @Field(() => Int, { description: "The threshold of level 1, in milliseconds" }) slowMillis!: number;
}
