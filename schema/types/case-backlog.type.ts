import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time.scalar";
import { CaseBacklogRow } from "./case-backlog-row.type";

/** The answer of caseBacklog. */
@ObjectType("CaseBacklog", { description: "The case backlog per bucket and dimension combination" })
export class CaseBacklog {
  @Field(() => [CaseBacklogRow], {
    description: "By bucket, then dimensions in groupBy order; every bucket for every combination present",
  })
  rows!: CaseBacklogRow[];

  @Field(() => DateTimeScalar, { description: "Start of the first bucket" })
  from!: Date;

  @Field(() => DateTimeScalar, { description: "End of the last bucket" })
  to!: Date;

  @Field(() => String, { description: "The canonical IANA name of the query's time zone" })
  timezone!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  comparisonFrom!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  comparisonTo!: Date | null;

  @Field(() => DateTimeScalar, { description: "When the database was read" })
  dataAsOf!: Date;
}
