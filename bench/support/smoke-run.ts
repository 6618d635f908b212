/**
 * Whether this is a smoke run (`-- --smoke` or BENCH_SMOKE=1): every step in miniature, to
 * check that the script still works (the test suite runs them so); its figures mean nothing.
 */
export function isSmokeRun(): boolean {
  return process.argv.includes("--smoke") || process.env.BENCH_SMOKE === "1";
}
