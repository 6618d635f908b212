import { ArgsType } from "type-graphql";
import type { CaseListCriteria } from "../../src/domain/case-list.criteria";
import { CaseFilter } from "../inputs/case-filter.input";
import { CaseOrder } from "../inputs/case-order.input";
import { listArgumentsType } from "./list.arguments-factory";

/** Arguments of `Query.cases`. */
@ArgsType()
export class CasesArguments
  extends listArgumentsType(CaseFilter, CaseOrder, "Defaults to newest first (CREATED_AT DESC)")
  implements CaseListCriteria {}
