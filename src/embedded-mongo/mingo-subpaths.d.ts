// The repo resolves modules the Node10 way, which ignores package "exports"; these
// subpaths exist at runtime (mingo's exports map) and their types live under mingo/types.
declare module "mingo/core" {
  export * from "mingo/types/core";
}
declare module "mingo/lazy" {
  export * from "mingo/types/lazy";
}
declare module "mingo/aggregator" {
  export * from "mingo/types/aggregator";
}
declare module "mingo/operators/accumulator" {
  export * from "mingo/types/operators/accumulator";
}
declare module "mingo/operators/expression" {
  export * from "mingo/types/operators/expression";
}
declare module "mingo/operators/pipeline" {
  export * from "mingo/types/operators/pipeline";
}
declare module "mingo/operators/projection" {
  export * from "mingo/types/operators/projection";
}
declare module "mingo/operators/query" {
  export * from "mingo/types/operators/query";
}
declare module "mingo/operators/window" {
  export * from "mingo/types/operators/window";
}
declare module "mingo/query" {
  export * from "mingo/types/query";
}
