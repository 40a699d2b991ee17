/** RFC 6901 JSON Pointers: building, splitting, and resolving them against a jsonc-parser tree. */
import type { Node } from 'jsonc-parser';

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => '/' + escapeSegment(s)).join('');
}

export function childPointer(parent: string, segment: string | number): string {
  return parent + '/' + escapeSegment(segment);
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  // Only a pointer with a "~" has escapes; the rest (nearly all) need no pass of replacements.
  return pointer.includes('~') ? segments.map(unescapeSegment) : segments;
}

/**
 * The node a pointer designates, or the deepest existing ancestor when the pointer runs past the
 * tree (a missing property is reported on the object that should hold it). `exact` says which.
 */
export function resolvePointer(root: Node | undefined, pointer: string): { node: Node | undefined; exact: boolean } {
  let node = root;
  for (const seg of splitPointer(pointer)) {
    if (!node) return { node, exact: false };
    let next: Node | undefined;
    if (node.type === 'object') {
      // The last property with a key wins, as in JSON.parse.
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0];
        if (key && key.value === seg) next = prop.children?.[1];
      }
    } else if (node.type === 'array' && isArrayIndex(seg)) {
      next = node.children?.[Number(seg)];
    }
    if (!next) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

/** Whether a segment is an array index as RFC 6901 writes one: "0", or digits without a leading zero. */
function isArrayIndex(seg: string): boolean {
  if (seg.length === 0 || (seg.length > 1 && seg.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < seg.length; i++) {
    const c = seg.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The pointer of a node, rebuilt by walking up its parents. */
export function pointerOfNode(node: Node): string {
  const segs: (string | number)[] = [];
  let cur: Node | undefined = node;
  while (cur && cur.parent) {
    const parent: Node = cur.parent;
    if (parent.type === 'property') {
      // A value's segment is its property's key; a key node stands for the same property.
      const key = parent.children?.[0];
      segs.push(String(key?.value ?? ''));
      cur = parent.parent;
    } else if (parent.type === 'array') {
      segs.push(parent.children?.indexOf(cur) ?? 0);
      cur = parent;
    } else {
      cur = parent;
    }
  }
  return toPointer(segs.reverse());
}
