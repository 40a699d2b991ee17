/**
 * Reports a key that appears twice in one object. JSON parsers keep only the last of them, silently:
 * a level key written twice loses the first level's statements, a second "statements" replaces the
 * first list. The model follows the parsers (the last one wins), so without this rule the lost part
 * would simply not exist for every other rule either.
 */
import type { Node } from 'jsonc-parser';
import type { Rule } from './types';
import { nodeRange } from '../parse/parse';
import { childPointer, pointerOfNode } from '../parse/pointer';

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'An object has the same key twice; JSON readers keep only the last one and silently drop the others.',
  cheap: true,
  afterStatementEdit: 'moves',
  check(ctx) {
    const root = ctx.doc.root;
    if (!root) return;
    // An explicit stack: the walk must not recurse as deep as a hostile document nests.
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'object') checkObject(node, ctx.report);
      for (const child of node.children ?? []) if (child.type === 'object' || child.type === 'array' || child.type === 'property') stack.push(child);
    }
  },
};

function checkObject(object: Node, report: Parameters<Rule['check']>[0]['report']): void {
  const first = new Map<string, Node>();
  for (const prop of object.children ?? []) {
    const key = prop.children?.[0];
    if (!key || typeof key.value !== 'string') continue;
    const name = key.value;
    const earlier = first.get(name);
    if (!earlier) {
      first.set(name, prop);
      continue;
    }
    const pointer = childPointer(pointerOfNode(object), name);
    const earlierKey = earlier.children![0];
    report({
      message: `The key "${name}" appears twice in this object. JSON readers keep only the last one, so the earlier "${name}"${lost(earlier)} is silently dropped; rename one of them or merge the two.`,
      pointer,
      range: nodeRange(key),
      related: [{ pointer, range: nodeRange(earlierKey), message: `The earlier "${name}", which JSON readers drop` }],
    });
    first.set(name, prop);
  }
}

/** What the dropped property holds, in words a reader can weigh: " (a level of 10 statements)". */
function lost(prop: Node): string {
  const value = prop.children?.[1];
  if (!value) return '';
  if (value.type === 'array') return ` (a list of ${count(value.children?.length ?? 0, 'item')})`;
  if (value.type === 'object') {
    const statements = value.children?.find((p) => p.children?.[0]?.value === 'statements')?.children?.[1];
    if (statements?.type === 'array') return ` (with ${count(statements.children?.length ?? 0, 'statement')})`;
    return ` (an object of ${count(value.children?.length ?? 0, 'property', 'properties')})`;
  }
  return '';
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
