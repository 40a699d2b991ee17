/**
 * Function words that carry no content for similarity. Written for this project from general
 * English grammar (articles, pronouns, auxiliaries, prepositions, conjunctions). Negations ("not",
 * "no", "without") are deliberately absent: "defined" and "not defined" say opposite things.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the this that these those
  i me my we us our you your yours he him his she her it its they them their theirs one
  who whom whose which what
  am is are was were be been being do does did doing have has had having
  can could may might must shall should will would
  and or nor but if then so as than too also either neither both
  of to in on at by for from with into onto upon about over under within across through throughout
  between among amongst around before after during until while where when why how
  all any each every some such own same
  there here just very s t`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
