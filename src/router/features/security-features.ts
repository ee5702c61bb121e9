import type { RequestAnalysis } from '../analysis.ts';
import type { ToolNeed } from '../scorer.ts';

/** The request carries content written by an outsider: a pasted email, message, review or upload. */
export const OUTSIDE_ORIGIN =
  /\b(customer|client|vendor|supplier|candidate|applicant|patient|user|someone|stranger|lead|prospect|lawyer|attacker|third[- ]party|external|inbound|incoming|emailed|e-?mail|wrote|sent (us|me|in)|forwarded|pasted|attached|upload\w*|posted|review|comment|message|kunde\w*|client\w*|cliente\w*|fournisseur|proveedor|lieferant\w*)\b/;
/** Data of a restricted audience flowing to a wider one, or several tenants in one context. */
export const RESTRICTED =
  /\b(board[- ]only|confidential|restricted|privileged|internal[- ]only|need[- ]to[- ]know|secret)\b/;
export const WIDE_AUDIENCE =
  /\b(all[- ]hands|whole company|everyone|public|all (staff|employees)|customers?|press|externally)\b/;
export const COMPARED = /\b(compare|comparison|benchmark|next to|versus|vs\.?|against|alongside)\b/;
export const OTHERS = /\b(other|another|competitors?|customers'|tenants?|each other|'s)\b/;

/** `first` matches, and `then` matches somewhere after it. Linear, unlike one pattern with `[\s\S]*` between. */
export function followedBy(text: string, first: RegExp, then: RegExp): boolean {
  const found = first.exec(text);
  return found !== null && then.test(text.slice(found.index + found[0].length));
}

/**
 * A question or a request to be told, shown or given something: it reads. An act asked for in it
 * ("... and cancel the oldest", "... to invite them", "please update ...") makes it more than a
 * read; a word of an act elsewhere is what it reads about ("Who sent the newest email?", "the
 * open issues", "the most stars").
 */
const READ_OPENING =
  /^(?:how (?:many|much|long|often|old|far|big)|what|what's|which|who|whom|whose|when|where|why|is|are|was|were|do|does|did|has|have|had|tell me|show me|give me|list|find|look up|get me|display|count|compare)\b/;
/**
 * "Do" and "have" open a question ("Do we have ...?", "Have the invoices been paid?") and an
 * order ("Do a refund if not.", "Have the bot post it."): a question mark, or a subject right
 * after them ("have I ...", "do you ..."), tells the question apart.
 */
const DO_OR_HAVE = /^(?:do|have)\b(?! (?:i|you|we|they|he|she|it|there)\b)/;
/**
 * "Get me" asks to be told ("get me my rss feed token", "get me the trains to Turin") or to be
 * given something new, which is an act: a booking, a purchase ("get me two tickets for tonight",
 * "get me a seat on a flight to Berlin"). Something new comes with "a" or a count, unless it is an
 * account of something ("get me a list of ...").
 */
const GET_NEW =
  /^get me (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b(?! (?:list|summary|overview|breakdown|rundown|report|copy|count)\b)/;
/** Asks to read something given or stored; whatever follows it must read too. */
const READING_OPENING =
  /^(?:summari[sz]e|read|review|check|look at|go through|explain|analy[sz]e)\b/;
/** What a reading request may go on to ask: to be told, shown or given the result. */
const READ_CONTINUES =
  /^(?:tell|list|group|sort|show|give|summari[sz]e|explain|compare|find|look|see|pull|get|check|identify|highlight|count|rank|say|let|what|which|who|whom|whose|whether|how|why|when|where|the|a|an|my|our|their|its|his|her|by|for|in|on|with|from|of)$/;
/**
 * A word that joins a further ask ("and", "then", a comma, semicolon, colon or dash) or asks the
 * assistant for it ("can you", "you could"), the word after it, and the word after that.
 */
const FOLLOWING =
  /(?:\b(?:and|then|(?:can|could|would|will) you|you (?:can|could))|[,;:\u2013\u2014]|\s-)\s+(?:(?:please|also|then|just|now|(?:can|could|would|will) you|you (?:can|could))\s+){0,2}([\p{L}']+)(?=\s+([\p{L}']+)(?:\s+([\p{L}']+))?|)/gu;
/** Words of no act: connecting, pointing, counting, asking, or saying what is. */
const NO_ACT =
  /^(?:and|or|nor|but|then|also|please|just|now|if|whether|so|not|no|all|both|each|every|any|some|most|many|much|more|less|only|even|still|to|at|as|into|about|over|per|since|during|after|before|between|among|across|within|without|under|than|through|via|including|regarding|around|against|along|toward|towards|beyond|upon|onto|except|besides|plus|especially|preferably|ideally|particularly|specifically|mainly|mostly|this|that|these|those|it|they|he|she|we|you|i|me|us|them|your|is|are|was|were|be|been|has|have|had|does|did|can|could|would|will|should|may|might|must|recommend|suggest|think|mean|know|need|want|like|read|retrieve|provide|calculate|compute|estimate|work|figure)$/;
/** What follows a verb that acts on something: its object or an adverb ("answer it", "write back"). */
const ACTED_ON =
  /^(?:it|them|him|her|me|us|each|all|every|any|the|a|an|my|our|your|their|his|its|this|these|those|back|up|out|off|down)$/;
/** A particle an act takes before what it acts on ("act on it", "deal with them"). */
const PARTICLE = /^(?:on|upon|with)$/;
const PRONOUN = /^(?:it|them|him|her|this|that|these|those)$/;
/** A past form, a present participle or a plural names a thing or a state, not an act asked for. */
const NOT_IMPERATIVE = /(?:ed|..ing|[^s]s)$/;
/**
 * Function words of the other languages the router reads: the openings and acts here are
 * English, so a sentence in German, French, Spanish, Dutch or Italian is not judged a read.
 */
const OTHER_LANGUAGE =
  /\b(?:und|oder|bitte|ist|nicht|ich|mir|ihm|uns|les|une|pour|avec|vous|nous|por|para|una|het|een|niet|che|sono)\b/;
const ASKED_ACT =
  /(?:^|\b(?:and|then|please|to|can you|could you|would you|will you|also)\b|[,;:])\s*(?:send|e-?mail|mail|reply|respond|book|reserv|cancel|refund|pay|schedul|creat|updat|chang|set|add|remov|delet|publish|post|deploy|revert|revok|grant|approv|assign|tag|clos|open|merg|mov|plac|submit|buy|purchas|notif|restart|run|execut|rotat|upload|invit|forward|shar|archiv|escalat|transfer|appl|credit|reset|enabl|disabl|block|lock|unlock|renew|regist|sign|releas|provision|mark|flag|fix|edit|renam|sav|install|star|follow|subscrib|fork|comment|writ|draft|messag|contact|withdraw|deposit|modif|launch|kill|reject|accept|declin|dismiss|resolv|reopen|ban|mute|order|return|exchang|put|start|stop|turn|call|text|make|do)(?:e|y)?\b/;

/** Every sentence of the instruction asks to be told something, and none asks for an act. */
export function asksOnlyToRead(analysis: RequestAnalysis): boolean {
  const text = analysis.instruction;
  if (text === '' || ASKED_ACT.test(text)) return false;
  return text
    .split(/(?<=[.?!])\s+|(?<=[?!])(?=\p{L})|\n+/u)
    .filter((sentence) => sentence.trim() !== '')
    .every((sentence) => {
      const trimmed = sentence.trim();
      if (OTHER_LANGUAGE.test(trimmed)) return false;
      if (READ_OPENING.test(trimmed)) {
        if (DO_OR_HAVE.test(trimmed) && !trimmed.endsWith('?')) return false;
        if (GET_NEW.test(trimmed)) return false;
        return !asksAnAct(trimmed);
      }
      if (!READING_OPENING.test(trimmed)) return false;
      for (const [, word] of trimmed.matchAll(FOLLOWING))
        if (!READ_CONTINUES.test(word ?? '')) return false;
      return true;
    });
}

/**
 * After a joining word, a word shaped as an order, one that acts on what follows it ("and answer
 * it", "; remind them", "can you process the refund", "and act on it"), so that no list of acts needs to name it; a
 * word of being told ("and tell me"), a name or a thing ("and Rome", "and the totals", "and
 * payments on"), a past form or a participle is no act.
 */
function asksAnAct(sentence: string): boolean {
  for (const [, word = '', next = '', after = ''] of sentence.matchAll(FOLLOWING)) {
    if (READ_CONTINUES.test(word) || NO_ACT.test(word) || NOT_IMPERATIVE.test(word)) continue;
    if (ACTED_ON.test(next) || (PARTICLE.test(next) && PRONOUN.test(after))) return true;
  }
  return false;
}

/** Pasted material this long can carry instructions (an email, a message); an address cannot. */
export const MESSAGE_LENGTH = 120;

/** One leg of the Rule of Two: the needed tool that holds it and how strongly it is needed. */
export interface Leg {
  readonly need: ToolNeed | undefined;
  readonly strength: number;
}

/** What the `securityBoundary` model weighs besides the request's words. */
export interface SecurityEvidence {
  readonly features: Record<string, number>;
  readonly untrusted: Leg;
  readonly sensitive: Leg;
  readonly acting: Leg;
}

/**
 * The three legs of the Rule of Two over the tools the request needs: (A) untrusted content,
 * (B) sensitive data, (C) side effects; content from outside pasted into the request; data of a
 * restricted audience sent to a wider one; several tenants' data compared and sent on.
 */
export function securityEvidence(
  analysis: RequestAnalysis,
  neededTools: readonly ToolNeed[],
  candidateTools: readonly ToolNeed[],
  toolUse: number,
): SecurityEvidence {
  const { cues } = analysis;
  const untrusted = strongest(neededTools, (t) => t.untrustedInput);
  const sensitive = strongest(neededTools, (t) => t.sensitiveData);
  const offered = cues.holdAction
    ? { need: undefined, strength: 0 }
    : strongest(neededTools, (t) => t.sideEffects);
  // Only asking to be told needs no side effect (read only when an acting tool is needed).
  const acting =
    offered.need !== undefined && asksOnlyToRead(analysis)
      ? { need: undefined, strength: 0 }
      : offered;
  const pasted =
    analysis.material.length >= MESSAGE_LENGTH && OUTSIDE_ORIGIN.test(analysis.instruction);
  const legs = [untrusted.strength, sensitive.strength, acting.strength];
  const held = legs.filter((s) => s > 0).length;
  const candidate = (has: (t: ToolNeed['tool']) => boolean) =>
    strongest(candidateTools, has).strength;
  const b = (x: boolean) => (x ? 1 : 0);
  const mix = sensitive.strength > 0 || acting.strength > 0;
  return {
    untrusted,
    sensitive,
    acting,
    features: {
      toolUse,
      threeLegs: b(held === 3),
      twoLegs: b(held === 2),
      weakestLeg: Math.min(...legs),
      pastedWithTwoLegs: b(pasted && sensitive.strength > 0 && acting.strength > 0),
      candidateThreeLegs: b(
        candidate((t) => t.untrustedInput) > 0 &&
          candidate((t) => t.sensitiveData) > 0 &&
          candidate((t) => t.sideEffects) > 0,
      ),
      holdAction: b(cues.holdAction),
      restrictedToWide: b(mix && followedBy(analysis.instruction, RESTRICTED, WIDE_AUDIENCE)),
      tenantsCompared: b(
        acting.strength > 0 &&
          sensitive.strength > 0 &&
          followedBy(analysis.instruction, COMPARED, OTHERS),
      ),
    },
  };
}

function strongest(needs: readonly ToolNeed[], has: (tool: ToolNeed['tool']) => boolean): Leg {
  const need = needs.find((n) => has(n.tool));
  return { need, strength: need?.score ?? 0 };
}
