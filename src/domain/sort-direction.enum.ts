/** Direction of a list ordering. */
export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
