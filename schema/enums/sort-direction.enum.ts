import { registerEnumType } from "type-graphql";

/** Direction of a list ordering. */
export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(SortDirection, { name: "SortDirection", description: "Ascending or descending order" });
