/**
 * What the framework schema says about a place in a document: the subschema at a JSON path, its
 * description and the values it suggests. Completions and hovers read the schema itself, so the
 * editor's help can never drift from what the `schema` rule checks.
 */
import SCHEMA from '../../../../schemas/competency-framework.schema.json';

export interface SchemaNode {
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
  $ref?: string;
  defaultSnippets?: { label: string; description?: string; body: unknown }[];
}

const ROOT = SCHEMA as unknown as SchemaNode & { $defs?: Record<string, SchemaNode> };

/** Follows local `$ref`s ("#/$defs/level"); a cycle or an unknown reference ends the walk. */
export function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 8; hops++) {
    const m = /^#\/\$defs\/(.+)$/.exec(current.$ref);
    current = m ? ROOT.$defs?.[m[1]] : undefined;
  }
  return current;
}

/** The subschema for a path of property names and array indices, or undefined off the schema. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = ROOT;
  for (const segment of path) {
    node = deref(node);
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = node.items;
    } else {
      const own: SchemaNode | undefined = node.properties?.[segment];
      node = own ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    }
  }
  return deref(node);
}

/** The markdown that documents a subschema: its title in bold, then its description. */
export function schemaDocs(node: SchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  const text = node.markdownDescription ?? node.description;
  if (!text && !node.title) return undefined;
  return [node.title ? `**${node.title}**` : undefined, text].filter(Boolean).join('\n\n');
}

export function schemaTypes(node: SchemaNode | undefined): string[] {
  if (!node?.type) return [];
  return Array.isArray(node.type) ? node.type : [node.type];
}

/** Values worth suggesting for a subschema: its enum or const, booleans, then its examples. */
export function suggestedValues(node: SchemaNode | undefined): unknown[] {
  if (!node) return [];
  if (node.enum) return node.enum;
  if (node.const !== undefined) return [node.const];
  if (schemaTypes(node).includes('boolean')) return [true, false];
  return node.examples ?? [];
}
