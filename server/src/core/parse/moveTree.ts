/**
 * Updates a parse tree for an edit inside one string literal that leaves it one literal (no quote,
 * backslash or control character added or removed): the literal takes its new value and length,
 * the nodes that contain it grow by the edit, and every node after it moves. No other node changes,
 * which is what lets the editor skip a re-parse of a large document for a keystroke in a statement.
 */
import type { Node } from 'jsonc-parser';

/** jsonc-parser's nodes are plain objects whose fields its types mark read-only; this is their update. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function moveTree(root: Node, literal: Node, value: string, delta: number): void {
  const end = literal.offset + literal.length;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Mutable<Node>;
    if (node.offset + node.length < end) continue; // wholly before the edit: so are its children
    if (node.offset >= end) {
      moveAll(node, delta);
      continue;
    }
    // The literal itself or a container holding it.
    node.length += delta;
    if (node === literal) node.value = value;
    else if (node.children) for (const child of node.children) stack.push(child);
  }
}

function moveAll(node: Node, delta: number): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Mutable<Node>;
    n.offset += delta;
    if (n.colonOffset !== undefined) n.colonOffset += delta;
    if (n.children) for (const child of n.children) stack.push(child);
  }
}
