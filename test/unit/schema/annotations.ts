/**
 * Test helper: every place of a schema that describes a value a person writes (a property, a map's
 * values, an array's items, a definition, an alternative) must carry a title, a description and a
 * markdownDescription, because VS Code shows them in hovers and completion.
 */
type Json = Record<string, unknown>;

export function unannotated(schema: Json): string[] {
  const missing: string[] = [];
  const visit = (node: unknown, path: string, describes: boolean) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const s = node as Json;
    // A bare reference takes its annotations from the definition it points at, checked there.
    const bareRef = typeof s.$ref === 'string' && Object.keys(s).length === 1;
    if (describes && !bareRef) {
      for (const k of ['title', 'description', 'markdownDescription']) {
        if (typeof s[k] !== 'string' || (s[k] as string).trim() === '') missing.push(`${path || '#'} lacks ${k}`);
      }
    }
    for (const [k, v] of Object.entries(s.properties ?? {})) visit(v, `${path}/properties/${k}`, true);
    for (const [k, v] of Object.entries(s.$defs ?? {})) visit(v, `${path}/$defs/${k}`, true);
    if (typeof s.additionalProperties === 'object') visit(s.additionalProperties, `${path}/additionalProperties`, true);
    if (typeof s.items === 'object') visit(s.items, `${path}/items`, true);
    for (const key of ['prefixItems', 'anyOf', 'oneOf', 'allOf'] as const) {
      const list = s[key];
      if (Array.isArray(list)) list.forEach((v, i) => visit(v, `${path}/${key}/${i}`, true));
    }
  };
  visit(schema, '', true);
  return missing;
}
