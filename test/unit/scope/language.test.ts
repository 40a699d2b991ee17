import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, config, exampleWith, lintText } from '../../helpers';
import { analyse } from '../../../server/src/core/service';
import { explain } from '../../../server/src/core/explain';
import { tokenise } from '../../../server/src/core/analysis/scope/tokens';
import { readsAsEnglish } from '../../../server/src/core/analysis/scope/language';

const SCOPE_RULES = ['scope-misplaced', 'scope-outlier', 'level-progression', 'thread-regression'];

/** A library framework written in French: its only words the English lexicon knows are cognates. */
const FRENCH = {
  debutant: { label: 'Débutant', statements: [
    "Accueil du public — orienter les visiteurs vers les collections du fonds national sous la supervision d'un collègue.",
    "Culture de l'information — présenter aux nouveaux usagers les règles simples de la recherche documentaire.",
    "Programme d'animation — participer à la préparation des ateliers du programme culturel de la médiathèque.",
    'Prêt et retour — enregistrer les prêts et les retours selon une routine définie par le responsable.',
  ] },
  intermediaire: { label: 'Intermédiaire', statements: [
    "Accueil et renseignement — répondre aux questions des usagers en s'appuyant sur les ressources en ligne et imprimées.",
    "Animation culturelle — organiser des rencontres d'auteurs et des expositions en lien avec le programme de la saison.",
    'Formation des usagers — animer des séances d\'initiation à la recherche documentaire pour des groupes.',
    'Catalogage — cataloguer les documents courants selon les normes nationales et internationales en vigueur.',
  ] },
  confirme: { label: 'Confirmé', statements: [
    "Politique d'accueil — concevoir et évaluer les services d'accueil et de renseignement de l'établissement.",
    "Programmation culturelle — construire le programme annuel d'animation avec les partenaires du territoire.",
    "Formation documentaire — concevoir des parcours de formation à la maîtrise de l'information pour des publics variés.",
    'Gestion des collections — piloter le budget d\'acquisition et le désherbage de plusieurs fonds.',
  ] },
  expert: { label: 'Expert', statements: [
    'Stratégie de lecture publique — définir la vision et les orientations de la politique documentaire du réseau.',
    'Innovation et transformation — conduire la transformation des services en lien avec la direction générale.',
    "Partenariats nationaux et internationaux — représenter l'établissement dans les instances nationales et internationales.",
    'Budget et moyens — élaborer et défendre le budget pluriannuel de la bibliothèque auprès des élus.',
  ] },
};

const GERMAN = {
  einsteiger: { label: 'Einsteiger', statements: [
    'Ausleihe — Routine-Ausleihen und Rückgaben nach Anweisung verbuchen.',
    'Veranstaltungen — bei der Vorbereitung der Programme für Kinder und Jugendliche mitarbeiten.',
    'Bestandspflege — Medien nach dem Aufstellungsplan einstellen und beschädigte Exemplare melden.',
  ] },
  fortgeschritten: { label: 'Fortgeschritten', statements: [
    'Ausleihe und Bestand — den täglichen Ausleihbetrieb und die Inventur mit wenig Aufsicht organisieren.',
    'Veranstaltungsarbeit — Lesungen und Führungen planen und durchführen.',
    'Erwerbung — Kaufvorschläge anhand von Ausleihstatistiken erarbeiten.',
  ] },
  kompetent: { label: 'Kompetent', statements: [
    'Programmarbeit — das Veranstaltungsprogramm des Hauses mit externen Partnern konzipieren.',
    'Schulungen — Kurse zur Informationskompetenz für verschiedene Zielgruppen entwickeln und evaluieren.',
    'Bestandsmanagement — das Erwerbungsbudget verwalten und die Aussonderung mehrerer Bestände steuern.',
  ] },
  experte: { label: 'Experte', statements: [
    'Strategie — die Vision und die strategischen Ziele der Bibliothek gemeinsam mit der Leitung festlegen.',
    'Innovation — die digitale Transformation der Bibliotheksdienste vorantreiben.',
    'Netzwerke — die Bibliothek in nationalen und internationalen Gremien vertreten.',
  ] },
};

const framework = (levels: object) => exampleWith((doc) => (doc.framework.levels = levels));

test('a French or German framework gets no scope finding from words the English lexicon happens to share with it', () => {
  // Before, "fonds national" (a national collection) read as work beyond the organisation and was
  // reported as a misplaced Débutant statement, and "Programme für Kinder" as work across projects.
  for (const levels of [FRENCH, GERMAN]) {
    const findings = lintText(framework(levels)).filter((f) => SCOPE_RULES.includes(f.ruleId));
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.pointer}`), []);
  }
});

test('explain says a statement has no reading because it is not English', () => {
  const x = explain(analyse(framework(FRENCH)));
  const s = x.levels[0].statements[0];
  assert.equal(s.notEnglish, true);
  assert.deepEqual(s.evidence, []);
  assert.match(x.levels[0].summary, /not written in English/);
  // English statements carry no such mark.
  assert.ok(explain(analyse(EXAMPLE_TEXT)).levels.every((l) => l.statements.every((st) => st.notEnglish === undefined)));
});

test("a config's own phrases still read a statement in another language", () => {
  const cfg = config({ lexicon: { phrases: [{ phrase: 'sous la supervision', axis: 'autonomy', level: 0.05, weight: 3 }] } });
  const s = explain(analyse(framework(FRENCH), { config: cfg })).levels[0].statements[0];
  assert.deepEqual(s.evidence.map((e) => e.phrase), ['sous la supervision']);
});

test('the language test: English stays English, telegraphic or with foreign names; the others are not', () => {
  const english = (s: string) => readsAsEnglish(tokenise(s));
  for (const level of Object.values(JSON.parse(EXAMPLE_TEXT).framework.levels) as { statements: string[] }[]) {
    for (const s of level.statements) assert.ok(english(s), s);
  }
  assert.ok(english('Shelve returns.'));
  assert.ok(english('de-escalate conflicts at the desk'));
  assert.ok(english('liaise with the Bibliothèque nationale de France on legal deposit'));
  assert.ok(english('support UN agencies, e.g. with records'));
  // Borrowings whose only function word is one of the other languages' stay English.
  assert.ok(english('Citations — verify citations, Smith et al. included'));
  assert.ok(english('Deliveries — check stock en route'));
  assert.ok(english('Reporting — keep reports on par'));
  assert.ok(!english("orienter les visiteurs vers les collections du fonds national"));
  assert.ok(!english('realizar préstamos y devoluciones con precisión bajo la supervisión de bibliotecarios'));
  assert.ok(!english('die digitale Transformation der Bibliotheksdienste vorantreiben'));
  assert.ok(!english('de collectie van de bibliotheek beheren voor het hele netwerk'));
});
