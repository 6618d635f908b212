/** Fields of a parameter command that are not parameter names. */
export function isParameterName(key: string): boolean {
  return (
    !key.startsWith("$") &&
    key !== "lsid" &&
    key !== "comment" &&
    key !== "getParameter" &&
    key !== "setParameter"
  );
}
