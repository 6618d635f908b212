import { Authorized, Args, Ctx, Query, Resolver } from "type-graphql";
import { SearchCasesArguments } from "../schema/arguments/search-cases.arguments";
import { CaseSearchHit } from "../schema/types/case-search-hit.type";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";

/** Full-text search over cases. */
@Resolver(() => CaseSearchHit)
export class CaseSearchResolver {
  @Authorized(RULES.ANALYST)
  @Query(() => [CaseSearchHit], {
    description:
      "Cases matching words of the query, most relevant first (title ×10, tags ×5, description ×1)",
  })
  searchCases(
    @Args(() => SearchCasesArguments) { query, first }: SearchCasesArguments,
    @Ctx() { repositories }: GatewayContext,
  ): Promise<CaseSearchHit[]> {
    return repositories.cases.search(query, first);
  }
}
