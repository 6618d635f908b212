import { CaseOrderField } from "../enums/case-order-field.enum";
import { listOrderInputType } from "./list-order.input-factory";

/** Order of a list of cases. */
export const CaseOrder = listOrderInputType("Case", "cases", CaseOrderField, CaseOrderField.CREATED_AT);
export type CaseOrder = InstanceType<typeof CaseOrder>;
