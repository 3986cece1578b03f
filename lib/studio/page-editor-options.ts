import { BLOCK_LABELS, BLOCK_PICKERS, IFRAME_FLOWS, emptyBlock, type BlockType } from "./blocks";

/** What the (client) page editor needs from the block model, passed as props so the client bundle stays small. */
export function editorOptions() {
  const types = Object.keys(BLOCK_LABELS) as BlockType[];
  return {
    types: types.map((t) => ({
      type: t,
      label: BLOCK_LABELS[t],
      picker: BLOCK_PICKERS[t] ?? null,
      empty: emptyBlock(t),
    })),
    flows: Object.entries(IFRAME_FLOWS).map(([flow, f]) => ({
      flow,
      label: f.label,
      params: [...f.params] as string[],
    })),
  };
}
export type EditorOptions = ReturnType<typeof editorOptions>;
