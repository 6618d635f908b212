/** One page of a list: at most `first` items after the cursor `after` (validated at the edge). */
export interface PageRequestCriteria {
  first: number;
  after?: string;
}
