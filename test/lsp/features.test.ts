/**
 * Completions, hovers, references, renaming a topic, the outline, folding and code lenses, asked for over JSON-RPC as an editor
 * does, on the example and on variants of it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, Lsp, applyLspEdits, offsetOf, positionAt } from './harness';

const pretty = (change?: (doc: any) => void) => {
  const doc = JSON.parse(EXAMPLE_TEXT);
  change?.(doc);
  return JSON.stringify(doc, null, 2) + '\n';
};

describe('completion', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start();
  });
  after(() => lsp.stop());

  async function completeAt(text: string, name: string, offset: number) {
    const uri = lsp.uri(name);
    lsp.open(uri, text);
    const list = await lsp.request('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
    assert.ok(list, 'a completion list');
    return { uri, list, items: list.items as any[] };
  }

  it('offers SOC codes by title word, and choosing one fills title, group and job zone to match', async () => {
    const text = pretty((d) => {
      d.occupation.soc = 'librar';
      d.occupation.title = 'Something else';
      d.occupation.jobZone = 2;
      delete d.occupation.group;
    });
    const { items } = await completeAt(text, 'soc.json', offsetOf(text, '"librar"') + 7);
    const item = items.find((i) => i.label === '25-4022.00 Librarians and Media Collections Specialists');
    assert.ok(item, `offered: ${items.map((i) => i.label).join('; ')}`);
    assert.ok(items.every((i) => /librar/i.test(i.label)));
    assert.equal(item.documentation.kind, 'markdown');
    assert.match(item.documentation.value, /O\*NET 30\.0 Database/);
    const fixed = applyLspEdits(text, [item.textEdit, ...item.additionalTextEdits]);
    const occ = JSON.parse(fixed).occupation;
    assert.deepEqual(
      { soc: occ.soc, title: occ.title, group: occ.group, jobZone: occ.jobZone },
      { soc: '25-4022.00', title: 'Librarians and Media Collections Specialists', group: 'Educational Instruction & Library', jobZone: 5 },
    );
  });

  it('offers SOC codes by code prefix', async () => {
    const text = pretty((d) => (d.occupation.soc = '25-40'));
    const { items } = await completeAt(text, 'soc-prefix.json', offsetOf(text, '"25-40"') + 6);
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => i.label.startsWith('25-40')), items.map((i) => i.label).join('; '));
    assert.ok(items.some((i) => i.label.startsWith('25-4022.00 ')));
  });

  it('offers job zones with their names and NAICS sectors with their titles', async () => {
    const text = pretty();
    const zones = (await completeAt(text, 'zones.json', offsetOf(text, '"jobZone": 5') + 11)).items;
    assert.deepEqual(zones.map((i) => i.label), ['1', '2', '3', '4', '5']);
    assert.equal(zones[4].detail, 'Job Zone Five: Extensive Preparation Needed');
    const sectors = (await completeAt(text, 'sectors.json', offsetOf(text, '"sector": "61"') + 12)).items;
    const edu = sectors.find((i) => i.label === '61 Educational Services');
    assert.ok(edu);
    assert.equal(edu.textEdit.newText, '"61"');
  });

  it('offers the missing properties of an object from the schema, with their docs', async () => {
    const text = pretty((d) => delete d.occupation.sector);
    const { items } = await completeAt(text, 'props.json', offsetOf(text, '"title"'));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('sector'));
    assert.ok(!labels.includes('title') && !labels.includes('soc'), 'present properties are not offered');
    const sector = items.find((i) => i.label === 'sector');
    assert.match(sector.documentation.value, /NAICS 2022/);
    // An empty place to type the sector in: no sector follows from the SOC code.
    const inserted = applyLspEdits(text, [sector.textEdit]).replace('$1', '');
    assert.equal(JSON.parse(inserted).occupation.sector, '');
  });

  it('offers schema values such as booleans', async () => {
    const text = pretty();
    const { items } = await completeAt(text, 'bool.json', offsetOf(text, '"jobZoneInferred": false') + 19);
    assert.deepEqual(items.map((i) => i.label).sort(), ['false', 'true']);
  });

  it('offers the levels the vocabulary lacks, as a snippet with label and statements', async () => {
    const text = pretty((d) => delete d.framework.levels.proficient);
    const { items } = await completeAt(text, 'levels.json', offsetOf(text, '"advanced": {'));
    assert.deepEqual(items.map((i) => i.label), ['proficient']);
    assert.equal(items[0].insertTextFormat, 2);
    const inserted = applyLspEdits(text, [items[0].textEdit]).replace('$1', 'Topic — do it.');
    const levels = JSON.parse(inserted).framework.levels;
    assert.deepEqual(Object.keys(levels), ['emerging', 'developing', 'proficient', 'advanced']);
    assert.deepEqual(levels.proficient, { label: 'Proficient', statements: ['Topic — do it.'] });
  });

  it('over a key that a value follows, replaces the key alone; before a value, replaces the value', async () => {
    // Every item at every offset is checked in test/unit/completion.test.ts; these are the places a
    // reviewer found broken over LSP.
    const compact = `{"$schema":"https://competency-lint.dev/schemas/competency-framework.schema.json",${EXAMPLE_TEXT.slice(1)}`;
    const { items: keys } = await completeAt(compact.replace('"schemaVersion":"1.0",', ''), 'key.json', 3);
    const schemaVersion = keys.find((i) => i.label === 'schemaVersion');
    assert.ok(schemaVersion);
    assert.equal(schemaVersion.textEdit.newText, '"schemaVersion"');
    const renamed = JSON.parse(applyLspEdits(compact.replace('"schemaVersion":"1.0",', ''), [schemaVersion.textEdit]));
    assert.equal(renamed.schemaVersion, 'https://competency-lint.dev/schemas/competency-framework.schema.json');

    const text = pretty();
    const { items: codes } = await completeAt(text, 'before-value.json', offsetOf(text, '"soc":') + 6);
    const chief = codes.find((i) => i.label.startsWith('11-1011.00 '));
    assert.ok(chief);
    assert.equal(JSON.parse(applyLspEdits(text, [chief.textEdit, ...(chief.additionalTextEdits ?? [])])).occupation.soc, '11-1011.00');

    const { items: past } = await completeAt(text, 'past-value.json', offsetOf(text, '"jobZoneInferred": false\n') + 25);
    assert.deepEqual(past, [], 'no value after a finished one, and the occupation has every property');
  });

  it('offers the missing properties where a member is begun after the last one, and brings its comma', async () => {
    // Enter after the occupation's last value, then `"`, which VS Code auto-closes to `""` and which
    // triggers completion.
    const base = pretty((d) => delete d.occupation.group);
    const valueEnd = offsetOf(base, '"jobZoneInferred": false') + '"jobZoneInferred": false'.length;
    const text = `${base.slice(0, valueEnd)}\n    ""${base.slice(valueEnd)}`;
    const uri = lsp.uri('new-member.json');
    lsp.open(uri, text);
    const list = await lsp.request('textDocument/completion', {
      textDocument: { uri },
      position: positionAt(text, valueEnd + 6),
      context: { triggerKind: 2, triggerCharacter: '"' },
    });
    const group = list.items.find((i: any) => i.label === 'group');
    assert.ok(group, `offered: ${list.items.map((i: any) => i.label).join('; ')}`);
    const fixed = applyLspEdits(text, [group.textEdit, ...group.additionalTextEdits]).replace(/\$\{1:([^}]*)\}/, '$1');
    assert.match(fixed, /"jobZoneInferred": false,\n {4}"group": "/);
    assert.equal(typeof JSON.parse(fixed).occupation.group, 'string');
  });

  it('offers an empty document that competencyLint.files selects a whole framework, and others nothing', async () => {
    const selecting = await Lsp.start({ settings: { files: ['**/*.framework.json'] } });
    try {
      const ask = async (name: string) => {
        const uri = selecting.uri(name);
        selecting.open(uri, '');
        return selecting.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
      };
      const list = await ask('new.framework.json');
      assert.deepEqual(list.items.map((i: any) => i.label), ['Competency framework']);
      assert.equal(list.items[0].insertTextFormat, 2);
      assert.match(list.items[0].textEdit.newText, /"levels": \{/);
      assert.equal(await ask('other.json'), null, 'an empty file nothing selects is not ours');
    } finally {
      await selecting.stop();
    }
  });

  it('offers nothing when the quote that triggers it closes a statement', async () => {
    // Typing a statement's closing quote must not open a list that takes the next Enter.
    const text = pretty();
    const closed = offsetOf(text, 'library setting."') + 'library setting."'.length;
    const uri = lsp.uri('closing-quote.json');
    lsp.open(uri, text);
    const ask = (context: unknown) => lsp.request('textDocument/completion', { textDocument: { uri }, position: positionAt(text, closed), context });
    assert.deepEqual((await ask({ triggerKind: 2, triggerCharacter: '"' })).items, []);
    assert.ok((await ask({ triggerKind: 1 })).items.length > 0, 'invoked there, new statements are offered');
  });

  it('inside statements, offers the topics of threads this level lacks and openers typical of the level', async () => {
    // Developing loses its "Information literacy" statement; the levels around it keep the thread.
    const text = pretty((d) => {
      const dev: string[] = d.framework.levels.developing.statements;
      dev.splice(dev.findIndex((s) => s.startsWith('Information literacy')), 1);
      dev.push('');
    });
    const at = offsetOf(text, '""\n') + 1;
    const { items } = await completeAt(text, 'threads.json', at);
    const topic = items.find((i) => i.kind === 1 && i.label.startsWith('Information literacy'));
    assert.ok(topic, `topics offered: ${items.filter((i) => i.kind === 1).map((i) => i.label).join('; ')}`);
    assert.match(topic.label, / — $/);
    assert.match(topic.textEdit.newText, /^"Information literacy[^"]* — \$1"$/);
    const openers = items.filter((i) => i.kind === 14);
    assert.ok(openers.length > 0, 'openers offered');
    assert.ok(openers.every((i) => /typical of Developing/.test(i.detail)));

    // After "Topic — " inside a statement, the openers insert at the cursor.
    const typing = pretty((d) => d.framework.levels.advanced.statements.push('Strategy — '));
    const { items: inside } = await completeAt(typing, 'opener.json', offsetOf(typing, 'Strategy — "') + 'Strategy — '.length);
    const verb = inside.find((i) => i.kind === 14);
    assert.ok(verb);
    assert.match(verb.detail, /typical of Advanced/);
    assert.equal(verb.textEdit.range.start.character, verb.textEdit.range.end.character);
  });

  it('in a new statement, offers the O*NET tasks of the occupation that no statement covers, with the attribution', async () => {
    const text = pretty((d) => d.framework.levels.proficient.statements.push(''));
    const { items } = await completeAt(text, 'tasks.json', offsetOf(text, '""\n') + 1);
    const tasks = items.filter((i) => /^O\*NET task \d+/.test(i.detail ?? ''));
    const loans = tasks.find((i) => i.label === 'Arrange for interlibrary loans of materials not available in a particular library');
    assert.ok(loans, `tasks offered: ${tasks.map((i) => i.label).join('; ')}`);
    assert.equal(loans.textEdit.newText, '"${1:Topic} — arrange for interlibrary loans of materials not available in a particular library.$0"');
    assert.match(loans.documentation.value, /O\\\*NET 29\.3 Database/);
    // The example's "check-in and check-out transactions" covers O*NET's "Check books in and out of the library".
    assert.ok(!tasks.some((i) => i.label.startsWith('Check books in and out')), 'a covered task is left out');
  });
});

describe('completion for a client that cannot expand snippets (Neovim\'s built-in client, eglot without yasnippet)', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start({ snippets: false });
  });
  after(() => lsp.stop());

  it('offers in plain text what it offers others as snippets: new statements, topics, openers, missing members', async () => {
    const text = pretty((d) => {
      const dev: string[] = d.framework.levels.developing.statements;
      dev.splice(dev.findIndex((s) => s.startsWith('Information literacy')), 1);
      dev.push('');
      delete d.occupation.group;
    });
    const uri = lsp.uri('plain.json');
    lsp.open(uri, text);
    const complete = async (offset: number) => (await lsp.request('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) })).items as any[];

    const inStatement = await complete(offsetOf(text, '""\n') + 1);
    const topic = inStatement.find((i) => i.kind === 1 && i.label.startsWith('Information literacy'));
    assert.ok(topic, `offered: ${inStatement.map((i) => i.label).join('; ')}`);
    const opener = inStatement.find((i) => i.kind === 14);
    assert.ok(opener, 'openers offered');
    for (const item of [topic, opener]) {
      assert.equal(item.insertTextFormat, 1, 'plain text');
      assert.doesNotMatch(item.textEdit.newText, /\$\d|\$\{/, 'no snippet syntax to be inserted as it is');
      const edited = JSON.parse(applyLspEdits(text, [item.textEdit]));
      assert.equal(edited.framework.levels.developing.statements.length, JSON.parse(text).framework.levels.developing.statements.length);
    }
    assert.match(topic.textEdit.newText, /^"Information literacy[^"]* — "$/);
    assert.match(opener.textEdit.newText, /^"Topic — \S+ what, with which conditions and scope\."$/, 'a placeholder gives its default text');

    // A missing member of the occupation, with its value.
    const end = offsetOf(text, '"jobZoneInferred": false') + '"jobZoneInferred": false'.length;
    const withQuote = `${text.slice(0, end)}\n    ""${text.slice(end)}`;
    const uri2 = lsp.uri('plain-member.json');
    lsp.open(uri2, withQuote);
    const list = await lsp.request('textDocument/completion', { textDocument: { uri: uri2 }, position: positionAt(withQuote, end + 6), context: { triggerKind: 2, triggerCharacter: '"' } });
    const group = list.items.find((i: any) => i.label === 'group');
    assert.ok(group, `offered: ${list.items.map((i: any) => i.label).join('; ')}`);
    assert.equal(group.insertTextFormat, 1);
    const fixed = JSON.parse(applyLspEdits(withQuote, [group.textEdit, ...(group.additionalTextEdits ?? [])]));
    assert.equal(typeof fixed.occupation.group, 'string');
  });
});

describe('hover and completion documentation for a client that shows plain text only (eglot without markdown-mode)', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start({ markdown: false });
  });
  after(() => lsp.stop());

  it('are plain text that reads as the markdown renders: no emphasis marks, backquotes or escapes', async () => {
    const text = pretty((d) => d.framework.levels.developing.statements.push(d.framework.levels.developing.statements[1]));
    const uri = lsp.uri('plain-hover.json');
    lsp.open(uri, text);
    const hoverAt = async (needle: string, nth = 0) => (await lsp.request('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offsetOf(text, needle, nth) + 2) })).contents;
    const statement = await hoverAt(JSON.stringify(JSON.parse(text).framework.levels.developing.statements[1]), 1);
    assert.equal(statement.kind, 'plaintext');
    assert.match(statement.value, /^Developing statement \d+ of \d+/);
    assert.match(statement.value, /- warning duplicate-exact/);
    const soc = await hoverAt('"25-4022.00"');
    assert.equal(soc.kind, 'plaintext');
    assert.match(soc.value, /^Librarians and Media Collections Specialists \(O\*NET-SOC 25-4022\.00\)/);
    for (const value of [statement.value, soc.value]) assert.doesNotMatch(value, /\*\*|`|\\[*_]/, value);

    const items = (await lsp.request('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offsetOf(text, '"25-4022.00"') + 3) })).items as any[];
    const documented = items.find((i) => i.documentation);
    assert.ok(documented, 'completion items carry documentation');
    assert.equal(documented.documentation.kind, 'plaintext');
    assert.doesNotMatch(documented.documentation.value, /\*\*|\\\*/);
  });
});

describe('hover', () => {
  let lsp: Lsp;
  let uri: string;
  const text = pretty((d) => d.framework.levels.developing.statements.push(d.framework.levels.developing.statements[1]));
  const hoverAt = async (offset: number) => {
    const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offset) });
    assert.ok(h, 'a hover');
    assert.equal(h.contents.kind, 'markdown');
    return h.contents.value as string;
  };
  before(async () => {
    lsp = await Lsp.start();
    uri = lsp.uri('hover.json');
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
  });
  after(() => lsp.stop());

  it('on a statement: level, topic, scope reading with evidence, its thread at other levels', async () => {
    const md = await hoverAt(offsetOf(text, 'Circulation procedures') + 3);
    assert.match(md, /\*\*Emerging\*\* statement 1 of 10/);
    assert.match(md, /Topic: \*\*Circulation procedures\*\*/);
    assert.match(md, /reads as \*\*Emerging\*\*/);
    assert.match(md, /“under the guidance of” — autonomy/);
    assert.match(md, /\*Developing\*: Circulation and inventory systems — manage daily/);
  });

  it('on a duplicated statement: the duplicate finding', async () => {
    const md = await hoverAt(offsetOf(text, 'Patron reference interviews', 1) + 3);
    assert.match(md, /`duplicate-exact`: Same statement as Developing #2/);
  });

  it('on soc: the O*NET title, description, job zone and attribution', async () => {
    const md = await hoverAt(offsetOf(text, '"25-4022.00"') + 2);
    assert.match(md, /\*\*Librarians and Media Collections Specialists\*\*/);
    assert.match(md, /Administer and maintain libraries/);
    assert.match(md, /Job Zone Five/);
    assert.match(md, /O\\\*NET 30\.0 Database/);
  });

  it('on title and group: O*NET’s title and the SOC major group, and whether the document’s are them', async () => {
    const title = await hoverAt(offsetOf(text, '"Librarians and Media Collections Specialists"') + 2);
    assert.match(title, /O\\\*NET’s title for 25-4022\.00: \*\*Librarians and Media Collections Specialists\*\*/);
    assert.match(title, /This title is O\\\*NET’s\./);
    const group = await hoverAt(offsetOf(text, '"Educational Instruction & Library"') + 2);
    assert.match(group, /SOC major group 25-0000 of 25-4022\.00: \*\*Educational Instruction and Library Occupations\*\*/);
    assert.match(group, /This group is it/);

    // A title and a group that are not O*NET's: the hover says what they should be and points at the finding.
    const wrongUri = lsp.uri('hover-wrong.json');
    const wrong = pretty((d) => {
      d.occupation.title = 'Librarian';
      d.occupation.group = 'Library Occupations';
    });
    lsp.open(wrongUri, wrong);
    await lsp.diagnosticsFor(wrongUri, 1);
    const at = async (needle: string) => (await lsp.request('textDocument/hover', { textDocument: { uri: wrongUri }, position: positionAt(wrong, offsetOf(wrong, needle) + 2) })).contents.value as string;
    assert.match(await at('"Librarian"'), /differs from it: see the `occupation-title` finding/);
    assert.match(await at('"Library Occupations"'), /Exports write it “Educational Instruction & Library”: see the `occupation-group` finding/);
  });

  it('on jobZone and sector: the zone’s name, experience and education; the NAICS title', async () => {
    const zone = await hoverAt(offsetOf(text, '"jobZone": 5') + 11);
    assert.match(zone, /Job Zone Five: Extensive Preparation Needed/);
    assert.match(zone, /\*\*Experience:\*\*/);
    assert.match(zone, /\*\*Education:\*\* Most of these occupations require graduate school/);
    const sector = await hoverAt(offsetOf(text, '"sector": "61"') + 12);
    assert.match(sector, /\*\*Educational Services\*\*/);

    // A two-digit code inside a range is that sector, as the naics-sector rule reads it; a zone
    // that is not O*NET's is said to be so, as the title and group hovers say theirs.
    for (const [inferred, expected] of [
      [false, /O\\\*NET gives 25-4022\.00 \*\*Job Zone 5\*\*, not 4: see the `job-zone` finding\./],
      [true, /O\\\*NET gives 25-4022\.00 \*\*Job Zone 5\*\*, not 4; this zone is marked inferred/],
    ] as const) {
      const uri = lsp.uri(`hover-zone-${inferred}.json`);
      const doc = pretty((d) => {
        d.occupation.sector = '48';
        d.occupation.jobZone = 4;
        d.occupation.jobZoneInferred = inferred;
      });
      lsp.open(uri, doc);
      await lsp.diagnosticsFor(uri, 1);
      const at = async (needle: string, shift: number) => (await lsp.request('textDocument/hover', { textDocument: { uri }, position: positionAt(doc, offsetOf(doc, needle) + shift) })).contents.value as string;
      assert.match(await at('"sector": "48"', 12), /\*\*Transportation and Warehousing\*\* — NAICS 2022 sector `48-49`/);
      assert.match(await at('"jobZone": 4', 11), expected);
    }
  });

  it('on a level key: label, count, reading and findings', async () => {
    const md = await hoverAt(offsetOf(text, '"developing"') + 2);
    assert.match(md, /Level \*\*Developing\*\*/);
    assert.match(md, /11 statements/);
    assert.match(md, /Reads as \*\*Developing\*\*/);
    assert.match(md, /`duplicate-exact`/);
  });

  it('on any other property: its schema description', async () => {
    const md = await hoverAt(offsetOf(text, '"exportedAt"') + 2);
    assert.match(md, /\*\*Exported at\*\*/);
    assert.match(md, /ISO 8601/);
  });
});

describe('references', () => {
  let lsp: Lsp;
  let uri: string;
  // Developing #2 written again at the end of its level: two copies of one statement.
  const text = pretty((d) => d.framework.levels.developing.statements.push(d.framework.levels.developing.statements[1]));
  const referencesAt = async (offset: number, includeDeclaration: boolean) =>
    (await lsp.request('textDocument/references', { textDocument: { uri }, position: positionAt(text, offset), context: { includeDeclaration } })) as { uri: string; range: { start: { line: number } } }[];
  const lineOf = (needle: string, nth = 0) => positionAt(text, offsetOf(text, needle, nth)).line;
  before(async () => {
    lsp = await Lsp.start();
    uri = lsp.uri('references.json');
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
  });
  after(() => lsp.stop());

  it('on a statement: the statement, then its thread at the levels above, lowest first', async () => {
    const refs = await referencesAt(offsetOf(text, 'Circulation procedures') + 3, true);
    assert.ok(refs.every((r) => r.uri === uri));
    const lines = refs.map((r) => r.range.start.line);
    assert.equal(lines[0], lineOf('Circulation procedures'));
    assert.equal(lines[1], lineOf('Circulation and inventory systems'));
    assert.deepEqual([...lines.slice(1)].sort((a, b) => a - b), lines.slice(1), 'the thread runs up the levels');
    const without = await referencesAt(offsetOf(text, 'Circulation procedures') + 3, false);
    assert.deepEqual(without.map((r) => r.range.start.line), lines.slice(1), 'without the declaration, the statement itself is left out');
  });

  it('on the first copy of a duplicate: the later copy is among its references', async () => {
    const refs = await referencesAt(offsetOf(text, 'Patron reference interviews') + 3, false);
    assert.ok(refs.map((r) => r.range.start.line).includes(lineOf('Patron reference interviews', 1)));
  });

  it('outside a statement: none', async () => {
    assert.deepEqual(await referencesAt(offsetOf(text, '"occupation"') + 2, true), []);
  });
});

describe('document links', () => {
  let lsp: Lsp;
  before(async () => {
    lsp = await Lsp.start();
  });
  after(() => lsp.stop());

  it('the SOC code links to the occupation on O*NET OnLine', async () => {
    assert.deepEqual(lsp.initializeResult.capabilities.documentLinkProvider, { resolveProvider: false });
    const text = pretty();
    const uri = lsp.uri('links.json');
    lsp.open(uri, text);
    const links = await lsp.request('textDocument/documentLink', { textDocument: { uri } });
    assert.equal(links.length, 1);
    assert.equal(links[0].target, 'https://www.onetonline.org/link/summary/25-4022.00');
    assert.deepEqual(links[0].range.start, positionAt(text, offsetOf(text, '"25-4022.00"') + 1));
    assert.deepEqual(links[0].range.end, positionAt(text, offsetOf(text, '"25-4022.00"') + 11));
  });

  it('a JSON file that is not a framework gets none', async () => {
    const uri = lsp.uri('package.json');
    lsp.open(uri, '{ "name": "x", "soc": "25-4022.00" }');
    assert.deepEqual(await lsp.request('textDocument/documentLink', { textDocument: { uri } }), []);
  });
});

describe('rename a topic', () => {
  let lsp: Lsp;
  let uri: string;
  // "Circulation procedures" at two levels: the emerging statement and the developing one.
  const text = pretty((d) => {
    const dev = d.framework.levels.developing.statements;
    dev[0] = dev[0].replace('Circulation and inventory systems', 'Circulation procedures');
  });
  const at = (needle: string, nth = 0, plus = 3) => positionAt(text, offsetOf(text, needle, nth) + plus);
  before(async () => {
    lsp = await Lsp.start();
    uri = lsp.uri('rename.json');
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
  });
  after(() => lsp.stop());

  it('is offered, with the topic under the cursor as what to rename', async () => {
    assert.deepEqual(lsp.initializeResult.capabilities.renameProvider, { prepareProvider: true });
    const prepared = await lsp.request('textDocument/prepareRename', { textDocument: { uri }, position: at('Circulation procedures') });
    assert.equal(prepared.placeholder, 'Circulation procedures');
    assert.deepEqual(prepared.range.start, at('Circulation procedures', 0, 0));
    assert.deepEqual(prepared.range.end, at('Circulation procedures', 0, 'Circulation procedures'.length));
  });

  it('renames the topic in every statement that carries it, at every level, as one versioned edit', async () => {
    const edit = await lsp.request('textDocument/rename', { textDocument: { uri }, position: at('Circulation procedures', 1), newName: 'Lending services' });
    const [change] = edit.documentChanges;
    assert.equal(change.textDocument.uri, uri);
    assert.equal(change.textDocument.version, 1);
    const renamed = JSON.parse(applyLspEdits(text, change.edits));
    const before = JSON.parse(text);
    for (const level of ['emerging', 'developing']) {
      assert.equal(renamed.framework.levels[level].statements[0], before.framework.levels[level].statements[0].replace('Circulation procedures', 'Lending services'));
    }
    assert.equal(change.edits.length, 2, 'only the two statements with that topic');
  });

  it("on a statement's body: refused, with the reason the editor shows", async () => {
    await assert.rejects(
      lsp.request('textDocument/prepareRename', { textDocument: { uri }, position: at('execute check-in') }),
      (err: any) => err.code === -32803 && /put the cursor on "Circulation procedures"/.test(err.message),
    );
  });

  it('to a name that would not read as a topic: refused, nothing renamed', async () => {
    await assert.rejects(
      lsp.request('textDocument/rename', { textDocument: { uri }, position: at('Circulation procedures'), newName: 'Lending — services' }),
      (err: any) => err.code === -32803 && /would not be read as a topic/.test(err.message),
    );
  });

  it('outside a statement: nothing to rename', async () => {
    assert.equal(await lsp.request('textDocument/prepareRename', { textDocument: { uri }, position: at('"occupation"', 0, 2) }), null);
  });

  it('to a client that cannot prepare a rename: offered without the prepare step', async () => {
    const plain = await Lsp.start({ prepareRename: false });
    try {
      assert.equal(plain.initializeResult.capabilities.renameProvider, true);
    } finally {
      await plain.stop();
    }
  });
});

describe('outline, folding and code lens', () => {
  let lsp: Lsp;
  let uri: string;
  const text = pretty((d) => d.framework.levels.developing.statements.push(d.framework.levels.developing.statements[1]));
  /** The offset of an LSP position in `text`, whose lines end with \n alone. */
  const positionOffset = (p: { line: number; character: number }) =>
    text.split('\n').slice(0, p.line).reduce((n, line) => n + line.length + 1, 0) + p.character;
  before(async () => {
    lsp = await Lsp.start();
    uri = lsp.uri('outline.json');
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
  });
  after(() => lsp.stop());

  it('lists the occupation and each level with its statements named by topic', async () => {
    const symbols = await lsp.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s: any) => s.name), ['occupation', 'Emerging', 'Developing', 'Proficient', 'Advanced']);
    assert.equal(symbols[0].detail, '25-4022.00 Librarians and Media Collections Specialists');
    assert.equal(symbols[2].children.length, 11);
    assert.equal(symbols[2].children[1].name, 'Patron reference interviews');
    const lines = text.split('\n');
    assert.ok(lines[symbols[2].selectionRange.start.line].includes('"developing"'));
  });

  it('selects the key of the occupation and of each level, inside the entry’s range', async () => {
    const symbols = await lsp.request('textDocument/documentSymbol', { textDocument: { uri } });
    const keys = ['"occupation"', '"emerging"', '"developing"', '"proficient"', '"advanced"'];
    const within = (inner: any, outer: any) =>
      positionOffset(outer.start) <= positionOffset(inner.start) && positionOffset(inner.end) <= positionOffset(outer.end);
    symbols.forEach((s: any, i: number) => {
      const selected = text.slice(positionOffset(s.selectionRange.start), positionOffset(s.selectionRange.end));
      assert.equal(selected, keys[i], `${s.name} selects its key`);
      assert.ok(within(s.selectionRange, s.range), `${s.name}: the selection lies inside the range`);
      assert.equal(positionOffset(s.range.start), offsetOf(text, keys[i]), `${s.name}: the range starts at the key`);
    });
  });

  it('folds every object and array spanning lines', async () => {
    const ranges = await lsp.request('textDocument/foldingRange', { textDocument: { uri } });
    const lines = text.split('\n');
    const starts = ranges.map((r: any) => lines[r.startLine].trim());
    assert.ok(starts.includes('"occupation": {'));
    assert.ok(starts.includes('"developing": {'));
    assert.ok(ranges.every((r: any) => r.endLine > r.startLine));
  });

  it('puts a lens on each level: statements, reading, findings', async () => {
    const lenses = await lsp.request('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 4);
    const diags = await lsp.diagnosticsFor(uri, 1);
    const inDeveloping = diags.filter((d) => (d.data as any).pointer.startsWith('/framework/levels/developing/')).length;
    assert.equal(lenses[1].command.title, `11 statements · reads as developing · ${inDeveloping} finding${inDeveloping === 1 ? '' : 's'}`);
    assert.match(lenses[0].command.title, /^10 statements · reads as emerging · \d+ findings?$/);
    // This client named no command of its own, so the lenses are labels: no command id to run.
    assert.ok(lenses.every((l: any) => l.command.command === '' && l.command.arguments === undefined));
  });

  it('makes each lens open the level matrix when the client names its command for it', async () => {
    const vscodeLike = await Lsp.start({ initializationOptions: { levelMatrixCommand: 'competencyLint.showLevelMatrix' } });
    try {
      const u = vscodeLike.uri('lens.json');
      vscodeLike.open(u, text);
      await vscodeLike.diagnosticsFor(u, 1);
      const lenses = await vscodeLike.request('textDocument/codeLens', { textDocument: { uri: u } });
      assert.equal(lenses.length, 4);
      for (const l of lenses) assert.deepEqual([l.command.command, l.command.arguments], ['competencyLint.showLevelMatrix', [u]]);
    } finally {
      await vscodeLike.stop();
    }
  });
});
