/** What a list of alerts can be ordered by. */
export enum AlertOrderField {
  TIMESTAMP = "TIMESTAMP",
  SEVERITY = "SEVERITY",
}
