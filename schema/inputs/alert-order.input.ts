import { AlertOrderField } from "../enums/alert-order-field.enum";
import { listOrderInputType } from "./list-order.input-factory";

/** Order of a list of alerts. */
export const AlertOrder = listOrderInputType("Alert", "alerts", AlertOrderField, AlertOrderField.TIMESTAMP);
export type AlertOrder = InstanceType<typeof AlertOrder>;
