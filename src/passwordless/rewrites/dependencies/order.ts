/** Where a new name goes in a list: its sorted place when the list is sorted (case-insensitively), else the end. */
export function insertionIndex(names: readonly string[], name: string): number {
  const key = (s: string) => s.toLowerCase();
  const sorted = names.every((n, i) => i === 0 || key(names[i - 1]!) <= key(n));
  if (!sorted) return names.length;
  const at = names.findIndex((n) => key(n) > key(name));
  return at === -1 ? names.length : at;
}
