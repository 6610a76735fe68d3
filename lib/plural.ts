import { formatCount } from "./money";

/** A noun's forms; `one` for 1 in English, `other` for 0 and 2+ (what Intl.PluralRules picks). */
export interface Noun {
  one: string;
  other: string;
}

const rules = new Intl.PluralRules("en");

/** "1 order", "2 orders", "1,204 orders": never "1 orders". */
export function countOf(n: number, noun: Noun): string {
  return `${formatCount(n)} ${pluralForm(n, noun)}`;
}

/** The form of the noun that goes with n, without the number. */
export function pluralForm(n: number, noun: Noun): string {
  return rules.select(n) === "one" ? noun.one : noun.other;
}
