import { Min } from "class-validator";
import { Field, Float, Int } from "type-graphql";

/** An optional lower bound an admin query filters by ("at least this many …"): Int or Float, never negative. */
export function ThresholdField(type: typeof Int | typeof Float, description: string): PropertyDecorator {
  const field = Field(() => type, { nullable: true, description });
  const min = Min(0, { message: "must be at least 0" });
  return (target, property) => {
    min(target, property);
    field(target, property);
  };
}
