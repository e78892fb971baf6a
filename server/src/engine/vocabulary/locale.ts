// The locales we ship and everything that differs between them besides the words: which locale a
// setting names, punctuation, and filling a template whose arguments may themselves be bilingual.
// This is the one place that spells the Chinese locale; code elsewhere picks `text[locale]`.

export type Locale = 'en' | 'zh-cn';
export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/** Text a user reads, in every locale we ship. */
export type Text = Record<Locale, string>;

/** A message argument: a plain value shown as is, or a term shown in the message's own locale. */
export type Arg = string | number | Text;
export type Args = Record<string, Arg>;

/** A bilingual text for a table kept beside its code (a fix's titles, a service's messages). */
export function text(en: string, zh: string): Text {
  return { en, 'zh-cn': zh };
}

export function normalizeLocale(value: string | undefined): Locale {
  return value && value.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

function isText(arg: Arg): arg is Text {
  return typeof arg === 'object' && arg !== null;
}

/** Fills `{name}` placeholders from args, a bilingual argument in the template's locale; unknown placeholders stay. */
export function interpolate(template: string, args: Args = {}, locale: Locale = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!Object.hasOwn(args, key)) return whole;
    const arg = args[key];
    return isText(arg) ? arg[locale] : String(arg);
  });
}

/** A text in a locale, its placeholders filled. */
export function say(template: Text, locale: Locale, args?: Args): string {
  return interpolate(template[locale], args, locale);
}

const PUNCTUATION = {
  colon: text(': ', '：'),
  aside: text(' ({text})', '（{text}）'),
  list: text(', ', '、'),
  clauses: text(', ', '，'),
  or: text(' or ', '或'),
} satisfies Record<string, Text>;

/** Between a label and its value: `: ` / `：`. */
export function colon(locale: Locale): string {
  return PUNCTUATION.colon[locale];
}

/** A remark after a word: ` (results)` / `（结论导向）`. */
export function aside(remark: string, locale: Locale): string {
  return say(PUNCTUATION.aside, locale, { text: remark });
}

/** Items of one kind: `a, b` / `a、b`. */
export function listOf(items: readonly string[], locale: Locale): string {
  return items.join(PUNCTUATION.list[locale]);
}

/** Clauses of a sentence: `1 error, 2 warnings` / `1 个错误，2 个警告`. */
export function clauses(items: readonly string[], locale: Locale): string {
  return items.join(PUNCTUATION.clauses[locale]);
}

/** Alternatives: `a or b` / `a或b`. */
export function alternatives(items: readonly string[], locale: Locale): string {
  return items.join(PUNCTUATION.or[locale]);
}

/** A label in running text: English starts lower-case (`influence: high`); Chinese has no case. */
export function inline(label: Text, locale: Locale): string {
  const word = label[locale];
  return word.charAt(0).toLowerCase() + word.slice(1);
}

/** A term and the course's Chinese for it, for English text that teaches the term: `guide (指导者)`. */
export function withCourseTerm(term: Text, locale: Locale): string {
  return term.en === courseTerm(term) || locale !== 'en' ? term[locale] : `${term.en}${aside(courseTerm(term), 'en')}`;
}

/** The course's Chinese for a term: shown beside the English so a reader learns it. */
export function courseTerm(term: Text): string {
  return term['zh-cn'];
}

/** The locale as a BCP 47 language tag, for `lang` attributes and `Intl`. */
export function languageTag(locale: Locale): string {
  return LANGUAGE_TAGS[locale];
}
const LANGUAGE_TAGS = text('en', 'zh-CN');

/** A label as a word in running text, for a message argument: `Stance` → `stance`. */
export function lowered(label: Text): Text {
  return text(inline(label, 'en'), inline(label, LOCALES[1]));
}
