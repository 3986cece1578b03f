/** The one plural rule for counts the site writes: "1 item", "2 items"; `many` for words not plural by "s". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
