/** One operation preloaded as a GraphiQL tab so a newcomer sees each API area working. */
export interface ExampleQuery {
  /** Tab label; also the operation name inside `query`. */
  name: string;
  /** The GraphQL document shown in the operation editor. */
  query: string;
  /** Shown in the variables editor (serialized as pretty JSON). */
  variables?: Record<string, unknown>;
}
