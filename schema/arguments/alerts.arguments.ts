import { ArgsType } from "type-graphql";
import type { AlertListCriteria } from "../../src/domain/alert-list.criteria";
import { AlertFilter } from "../inputs/alert-filter.input";
import { AlertOrder } from "../inputs/alert-order.input";
import { listArgumentsType } from "./list.arguments-factory";

/** Arguments of `Query.alerts`. */
@ArgsType()
export class AlertsArguments
  extends listArgumentsType(AlertFilter, AlertOrder, "Defaults to newest first (TIMESTAMP DESC)")
  implements AlertListCriteria {}
