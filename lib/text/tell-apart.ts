/**
 * What to add to names that would otherwise be the same, so that each of a list's buttons can be told from the
 * others by its name alone (a screen reader's list of buttons shows nothing else). Each distinction in turn is
 * added to the names still alike; names still alike after all of them are numbered, "(2 of 3)". A name that is
 * already unique gets nothing, so the common case keeps its short name.
 *
 * Returns the words to append to each name ("" for most), not the names, so that callers can put them inside a
 * longer phrase.
 */
export function tellApart(
  names: readonly string[],
  ...distinctions: ((index: number) => string | false | null | undefined)[]
): string[] {
  const added = names.map(() => "");
  const current = (i: number) => names[i]! + added[i]!;
  for (const distinction of distinctions) {
    const alike = alikeGroups(names.map((_, i) => current(i)));
    for (const group of alike) for (const i of group) added[i] += distinction(i) || "";
  }
  for (const group of alikeGroups(names.map((_, i) => current(i)))) {
    group.forEach((i, n) => (added[i] += ` (${n + 1} of ${group.length})`));
  }
  return added;
}

/** The indexes of names that occur more than once, grouped by name, in list order. */
function alikeGroups(names: readonly string[]): number[][] {
  const byName = new Map<string, number[]>();
  names.forEach((name, i) => byName.set(name, [...(byName.get(name) ?? []), i]));
  return [...byName.values()].filter((group) => group.length > 1);
}
