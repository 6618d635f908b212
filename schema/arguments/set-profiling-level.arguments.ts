import { IsIn, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

/** The profiling levels: off, operations slower than slowms, every operation. */
const PROFILING_LEVELS = [0, 1, 2];

/** Arguments of `Mutation.setProfilingLevel`. */
@ArgsType()
export class SetProfilingLevelArguments {
  @Field(() => Int, { description: "0: off, 1: operations slower than slowMillis, 2: every operation" })
  @IsIn(PROFILING_LEVELS, { message: "must be 0, 1 or 2" })
  level!: number;

  @Field(() => Int, { nullable: true, description: "The threshold of level 1, in milliseconds" })
  @Min(0, { message: "must be at least 0" })
  slowMillis = 100;
}
