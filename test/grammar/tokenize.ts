/**
 * Tokenises text the way VS Code does: vscode-textmate with the Oniguruma WASM build, VS Code's own
 * JSON grammars as hosts, and our injection grammar wired in as package.json contributes it
 * (`injectTo`). The result is the scope list of every character, so tests can ask what scopes a
 * given span of the document gets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';

const root = join(__dirname, '..', '..');

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

function manifestGrammars(): GrammarContribution[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return pkg.contributes?.grammars ?? [];
}

const HOSTS: Record<string, string> = {
  'source.json': join(__dirname, 'fixtures', 'JSON.tmLanguage.json'),
  'source.json.comments': join(__dirname, 'fixtures', 'JSONC.tmLanguage.json'),
};

let registry: tm.Registry | undefined;

async function getRegistry(): Promise<tm.Registry> {
  if (registry) return registry;
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const ours = manifestGrammars();
  registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const own = ours.find((g) => g.scopeName === scopeName);
      const path = own ? join(root, own.path) : HOSTS[scopeName];
      if (!path) return null;
      return tm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
    getInjections: (scopeName: string) =>
      ours.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
  return registry;
}

/** Scopes of each character of `text` (index = character offset; line breaks get none). */
export async function scopesPerChar(text: string, hostScope = 'source.json'): Promise<string[][]> {
  const grammar = await (await getRegistry()).loadGrammar(hostScope);
  if (!grammar) throw new Error(`no grammar for ${hostScope}`);
  const out: string[][] = new Array(text.length);
  let stack = tm.INITIAL;
  let offset = 0;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) out[offset + i] = t.scopes;
    }
    stack = r.ruleStack;
    if (offset + line.length < text.length) out[offset + line.length] = [];
    offset += line.length + 1;
  }
  return out;
}

/** Whether every character in [start, end) has a scope beginning with `scope`. */
export function allHave(scopes: string[][], start: number, end: number, scope: string): boolean {
  for (let i = start; i < end; i++) if (!scopes[i]?.some((s) => s.startsWith(scope))) return false;
  return true;
}

/** Offsets in [start, end) whose scopes include one beginning with `scope`. */
export function offsetsWith(scopes: string[][], scope: string, start = 0, end = scopes.length): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) if (scopes[i]?.some((s) => s.startsWith(scope))) out.push(i);
  return out;
}
