import type { RequestAnalysis } from '../analysis.ts';
import { RECORD_ID } from '../cues.ts';
import { endsAskingForResult, type NumberForm, numberForm } from './number-form.ts';
import { NUMBER_WORDS } from './number-words.ts';

// Forms of a request that one model call answers, whatever tools are offered or items it counts
// (data/routing/GUIDE.md): a word problem, a role-play, a list the answer gives, a short piece per
// item. The default toolUse and parallelism scorers read them.

/**
 * The most toolUse score of a word problem: arithmetic a model does reliably stays direct
 * (data/routing/GUIDE.md), whatever calculator or code runner is offered.
 */
export const WORD_PROBLEM_CAP = 0.3;
const WORD_PROBLEM_REASON =
  'the request is a word problem (a story with numbers that ends by asking for one): arithmetic a model does reliably';
/** A piece of writing a model writes from what it knows. */
const WRITING_PIECES = [
  'essays?|articles?|stor(?:y|ies)|tales?|poems?|haikus?|limericks?|sonnets?|songs?|lyrics|raps?|verses?',
  '(?:video |movie |film |youtube |podcast )?scripts?(?! to| that)|screenplays?|blog(?: posts?)?|tweets?',
  'letters?|e-?mails?|messages?|notes?|speech(?:es)?|toasts?|eulog(?:y|ies)|jokes?|riddles?|puns?|rhymes?',
  'titles?|headlines?|slogans?|taglines?|descriptions?|bios?|biograph(?:y|ies)|outlines?|paragraphs?',
  'sentences?|dialogues?|scenes?|chapters?|novels?|plots?|characters?|monologues?|synops[ie]s|fanfic\\w*',
  'cover letters?|proposals?|pitch(?:es)?|ad copy|captions?|invitations?|announcements?|press releases?',
  'newsletters?|lesson plans?|recipes?|ideas?|questions|quiz(?:zes)?|metaphors?|analog(?:y|ies)|examples?',
  'templates?|regex(?:es)?|algorithms?|functions?|classes|(?:code )?snippets?|programs? (?:that|to|which)',
  'rubrics?|heads-up|nudges?|appeals?|subject lines?|dockerfiles?|readmes?|agendas?|checklists?|faqs?',
  '(?:workout|meal|study|training|reading) plans?|fables?|bedtime stor(?:y|ies)|arguments?|prompts?|explanations?|overviews?',
  'interviews?|backstor(?:y|ies)|slides?|slide decks?|presentations?|chronolog(?:y|ies)|timelines?|data models?|schemas?',
  'resumes?|cvs?|critiques?|reviews?|threads?|advertisements?|adverts?|versions?|documents?',
  // The same pieces in French, Spanish, Italian, Portuguese, German and Dutch.
  'annunci\\w*|messaggi\\w*|letter[ae]|lettres?|textes?|courriels?|grilles?|cartas?|mensajes?|textos?|correos?',
  'anuncios?|nachrichten?|briefe?|anschreiben|artikel|gedichte?|geschichten?|berichte?|teksten?|verhalen',
  'poemes?|poemas?|poesi[ae]|poesias?|gedichten|chansons?|canciones|cancion|canzon[ei]|cancao|cancoes|cuentos?',
  'raccont[oi]|contos?|ensayos?|discours|discursos?|articles?|articulos?|articol[oi]|artigos?',
  '(?:python|javascript|java|c\\+\\+|c#|rust|go|golang|ruby|php|bash|sql|typescript|js|html|css|kotlin|swift) (?:programs?|functions?|classes|scripts?|code|quer(?:y|ies))',
].join('|');
/** An opening that asks for a piece of writing: "Write a poem", "Can you draft an email", "Give me ten titles". */
const WRITING_OPENING = new RegExp(
  `^\\s*(?:(?:hi|hello|hey|please|pls|ok|okay)[,!.]?\\s+)*(?:(?:can|could|would|will) you(?: please)?\\s+|i(?: want| need| would like|'d like) you to\\s+|i(?: want| need| would like|'d like)\\s+(?:to\\s+)?|help me\\s+|please\\s+)?(?:write|compose|draft|pen|craft|create|generate|make up|make|give|come up with|produce|suggest|implement|phrase|redige[sz]?|ecri[st]|ecrivez|scrivi|mi scrivi|escribe|escribeme|redacta|escreva|schreib\\w*|verfasse|schrijf|maak)\\s+(?:me\\s+)?(?:[\\w'-]+\\s+){0,4}?(${WRITING_PIECES})\\b`,
);
/** A length of text on a subject: "Need 300 words on...", "Give me 200 words about...". */
const WORDS_ON =
  /^\W*(?:(?:i )?(?:need|want)\s+|give me\s+|write(?: me)?\s+)?(?:about |around |roughly |at least |no more than |under )?\d[\d,]*\+?[- ]words? (?:on|about|explaining|describing|arguing)\b/;
/** A piece told, not looked up: "tell me a joke", "can you tell us a story about dragons". */
const TOLD_PIECE =
  /^\W*(?:(?:can|could|would|will) you\s+|please\s+|i want you to\s+)?tell(?: me| us)? (?:a|an|one|some|another) (?:[\w'-]+ ){0,3}?(?:jokes?|stor(?:y|ies)|riddles?|poems?|fables?|tales?|puns?|limericks?)\b/;
/** What makes a piece of writing need a tool: the user's records or documents, fresh facts, or an act on it. */
const WRITING_NEEDS =
  /\b(based on|from (?:our|my|the) |using (?:our|my|the) (?!(?:[\w-]+ )?(?:letters?|words?|phrases?|language|format|tone|style)\b)|(?:our|my|the) (?:data|records?|files?|docs?|documents?|inbox|tickets?|orders?|accounts?|calendar|logs?|repo(?:sitory)?|database|spreadsheet|crm|wiki|notes)\b|(?:send|post it|publish|schedule|save|upload|share it|file it|submit|check|look up|research|search|fetch|pull|latest|current|today|news|noticias|nouvelles|actualites?|notizie|nieuws|neuigkeiten|heute|aujourd'?hui|hoy|oggi|hoje|vandaag)\b|https?:\/\/|\bvia\b|\b(?:in|to|on) (?:a|the|our|my) [\w ]{0,20}(?:subreddit|forum|channel|group|repo|site|page|wiki)s?\b|\b(?:make|take) (?:a )?notes?\b|\b(?:of|from|in|on|about|for) (?:the |all |these |those |last \w+'s |this \w+'s )?(?:\w+ )?(?:orders|tickets|invoices|customers|accounts|transactions|shipments|payments|employees|users|records|logs|incidents|deals|leads)\b)/;

/** The acts a writing request may hold back ("don't send it yet"). */
const HELD_ACTS = /^(send|post it|publish|schedule|save|upload|share it|file it|submit)$/;

/**
 * A request for a piece of writing (an essay, a story, an email draft, a function) that names no
 * record, asks for nothing current and nothing done with it: writing is not a tool need
 * (data/routing/GUIDE.md), whatever tools are on the topic.
 */
export function isWritingRequest(analysis: RequestAnalysis): boolean {
  if (analysis.cues.identifier && RECORD_ID.test(analysis.instruction)) return false;
  const { instruction } = analysis;
  if (
    !WRITING_OPENING.test(instruction) &&
    !TOLD_PIECE.test(instruction) &&
    !WORDS_ON.test(instruction)
  )
    return false;
  const needs = WRITING_NEEDS.exec(instruction);
  // "Draft only, I'll post it myself", "don't send it": an act held back is no need.
  return needs === null || (analysis.cues.holdAction && HELD_ACTS.test(needs[0]));
}
const WRITING_REASON = 'the request asks for a piece of writing: writing is not a tool need';

/**
 * The request points at the content it carries: "this code", "the email", "based on the content of
 * the table", "according to the passage" (only read when the request carries material).
 */
const MATERIAL_REFERENCE =
  /\b(the|that|this|these|those) (contents?|e-?mails?|mail|messages?|text|table|form|code|snippet|document|passage|article|context|excerpt|transcript|logs?|error|answer|review|paragraph|data)\b|\b(based on|according to|from the|in the) (content|email|text|table|form|code|document|passage|article|context|above|below)\b/;
/**
 * Something done beyond the answer: sent, posted, paid, filed, run, retrieved, deleted, assigned...
 * ("Run this, don't guess", "Answer it" for a message to reply to, "Open a PR that bumps...",
 * "Email this to my boss", "Pull up their account"), or a store of records read for it ("in my
 * calendar", "against our database").
 */
const MATERIAL_ACTS =
  /\b(send|forward|post|publish|share|save|upload|submit|schedule|tweet|reply to|respond to|pay|book|file|refund|cancel|apply|merge|deploy|update|create|add (it|them) to|log it|escalate|look up|search|fetch|check (our|my|the) |run|execute|retrieve|open|assign|grant|revoke|train|answer (it|them|him|her)|tell (them|him|her)|let (them|him|her) know|e-?mail (it|this|them) to|(e-?mail|text|message) (him|her|them)|pull up|download|delete (it|them|these|those|the (files?|folders?|e-?mails?|messages?|accounts?|records?|users?))|verify .{0,40}\bagainst|(find|look for|get) (their|his|her) (orders?|accounts?|records?|tickets?|invoices?|bookings?|reservations?|profiles?|history)|(in|from|on|against|to|with) (our|my) (systems?|calendar|crm|database|records|inbox|accounts?|drive|repo\w*|files|folders?))\b/;
const MATERIAL_QUESTION_REASON =
  'the request asks about the content it carries: the model answers from it';

/**
 * A question or task about the content the request carries (a pasted email, table, code, log or
 * transcript) that points at it ("the email", "this code", "based on the content of the table"),
 * names no record and asks for nothing done beyond the answer: the model answers from what it is
 * given (data/routing/GUIDE.md), whatever tools are on the topic.
 */
export function isMaterialQuestion(analysis: RequestAnalysis): boolean {
  if (analysis.material === '') return false;
  if (analysis.cues.identifier && RECORD_ID.test(analysis.instruction)) return false;
  if (!analysis.cues.deictic && !MATERIAL_REFERENCE.test(analysis.instruction)) return false;
  return !MATERIAL_ACTS.test(analysis.instruction);
}

/**
 * A question how to do something, at the start ("How do I center a div with CSS?", "Tell me how to
 * say 'thank you' in Japanese"), not how many or how much.
 */
const HOW_TO =
  /^\W*(?:(?:hi|hello|hey|please|so|ok|okay)[,!.]?\s+)*(?:how (?:do|can|should|would|could) (?:i|we|you|one)\b|(?:please )?(?:tell|show|teach) me how\b(?! (?:many|much|long|far|old|often|big|large|fast)\b))/;
const HOW_TO_REASON = 'the request asks how to do something: the model explains it';

/**
 * A how-to question that names no record and asks about nothing of the user's ("my", "our") or
 * nothing current: explaining is not a tool need (data/routing/GUIDE.md), whatever tool is on
 * its topic.
 */
export function isHowToQuestion(analysis: RequestAnalysis): boolean {
  const { cues } = analysis;
  if (cues.owned || cues.identifier || cues.fresh) return false;
  return HOW_TO.test(analysis.instruction);
}

/**
 * A mathematics question about mathematical objects (an equation, a triangle, a factorial), not
 * about the world's quantities ("the force on a 37.5 kg mass", "the tax on $300").
 */
const MATHS_OBJECT =
  /\b(equations?|inequalit(y|ies)|integers?|polynomials?|triangles?|circles? (with|of)|vertices|derivatives? of|integrals? of|solve (for|the|x)|sum of (the )?(two|three|all|first)|factorials?|determinant|hypotenuse|(area|volume|perimeter|circumference) of (a|an|the) (\w+ )?(triangle|circle|square|rectangle|sphere|cube|cylinder|cone|polygon|hexagon|pentagon|trapezoid|parallelogram|prism|pyramid)|prime numbers?|greatest common|least common)\b|\bsolve \S+ ?[=+]|f\(x\)|\d\s*x\s*[+\-=]|\bx\s*[+\-=^<>]\s*\d|\|x/;
/** Units, money and measures of the world: a calculation about them is the service's business. */
const WORLD_QUANTITY =
  /(\b(kg|km|meters?|metres?|miles?|dollars?|euros?|usd|eur|tax|price|cost|salary|rate|interest|loan|account|order|customer|stock|temperature|weather|mass|force|acceleration|energy|power|pressure)\b|[$€£¥°%])/;
/** A request of several steps ("Then...", "Finally...") asks for more than the maths. */
const STEPS = /\b(then|after that|afterwards|additionally|finally|also|in addition)\b/;
/** Something done with the answer ("and post it in the team channel"): more than the maths. */
const MATHS_ACTS = /\b(send|email|post|publish|share|save|upload|submit|schedule|tweet|text)\b/;
/** The most words of a maths question: a longer request carries more than the question. */
const MATHS_MAX_WORDS = 60;
const MATHS_REASON =
  'the request is a mathematics question (an equation, a shape, a factorial): a model works it out';

/**
 * A short mathematics question about mathematical objects ("Solve for x: 3x + 7 = 22", "the area
 * of a triangle with vertices..."), with no quantity of the world, no record, no data of the
 * user's, nothing current, nothing pasted, one step and no number of seven digits or more.
 */
export function isMathsQuestion(analysis: RequestAnalysis, known?: NumberForm): boolean {
  const { cues, instruction } = analysis;
  // "for me" asks politely; "my" and "our" bring the user's data.
  if (cues.owned || cues.identifier || cues.fresh) return false;
  if (analysis.material !== '' || analysis.words.length >= MATHS_MAX_WORDS) return false;
  if (!MATHS_OBJECT.test(instruction) || WORLD_QUANTITY.test(instruction)) return false;
  if (STEPS.test(instruction) || MATHS_ACTS.test(instruction)) return false;
  return (known ?? numberForm(analysis)).longestNumber < LONG_NUMBER;
}

/**
 * A role-play set-up ("I want you to act as a travel guide", "pretend to be Ada Lovelace"): the
 * model plays a part in the conversation; the scores of its turns are capped like a word problem's.
 */
const ROLE_PLAY =
  /\b(act(ing)? as|act like|pretend (to be|you are|that you|yourself)|role-?play|(imagine|picture) (that )?you(rself)? (are|as)|you are now|from now on,? you are|(play|take on|assume|embrace) the (role|part|persona)|in the role of|speak like|respond like|behave like|actua como|agis comme|joue le role|fais comme si|tu es maintenant|stell dir vor,? du bist|du bist jetzt|spiel\w* die rolle|fingi di essere|agisci come)\b/;
const ROLE_PLAY_REASON = 'the request sets up a role-play: the model plays a part';
/** A question mark in the scripts the router reads. */
const QUESTION_MARK = /[?？؟]/;
/** Numbers of this many digits or more are arithmetic a model does unreliably. */
const LONG_NUMBER = 7;
/**
 * A question about quantities ("how many legs do they have?"): a word problem counts things, it
 * does not hand out items of work.
 */
const QUANTITY_QUESTION =
  /\b(how (many|much|long|far|old|often)|wie (viele?|lange|weit|alt|oft)|combien|cuant[oa]s?|quant[oiae]s?|hoeveel)\b/;
/** Things an answer lists ("five tips", "three interview questions"): one task, however many. */
const ANSWER_ITEMS =
  'tips|ideas|ways|reasons|examples|questions|traits|principles|facts|things|names|words|synonyms|sentences|lines|points|suggestions|options|benefits|advantages|disadvantages|pros|cons|features|characteristics|rules|quotes|jokes|titles|slogans|taglines|habits|mistakes|steps|phases|stages|books|movies|films|documentaries|songs|places|destinations|consejos|ideas|razones|conseils|idees|raisons|tipps|ideen|grunde|consigli|idee|motivi|fasi|dicas|tips';
const LISTED_ANSWER = new RegExp(
  `\\b(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')}) +([a-z-]+ ){0,2}(${ANSWER_ITEMS})\\b`,
);
/** A deliverable per item that is substantial on its own: a document, not a line. */
const DOCUMENT =
  /\b(articles?|posts?|plans?|runbooks?|reports?|briefs?|memos?|letters?|emails?|repl(y|ies)|reviews?|analys[ie]s|proposals?|lessons?|guides?|macros?|faqs?|quiz(zes)?|playbooks?|summaries|descriptions?|pages?|versions?|chapters?|articulos?|articles|artikel|articoli)\b/;
/**
 * A short piece per item ("a haiku for each season", "one sentence each", "a brief introduction to
 * each"): light work, however many.
 */
const SHORT_PIECE =
  /\b(riddles?|haikus?|jokes?|poems?|limericks?|slogans?|taglines?|tweets?|one sentence|a sentence|one line|una frase|une phrase|einen satz|short bullets?|bullets?|one word|(a )?(brief|short|quick) (introductions?|intros?|descriptions?|summar(y|ies)|overviews?|bios?)|a few (words|sentences|lines))\b/;

/**
 * A story of three sentences or more with one number written in digits, that asks for a quantity
 * ("how many...?") or is in a script whose number words the router cannot read (Bengali, Thai,
 * Chinese...): a word problem whose other numbers are words.
 */
function oneNumberStory(analysis: RequestAnalysis, form: NumberForm): boolean {
  return (
    form.quantities >= 1 &&
    form.sentences >= 3 &&
    (analysis.unreadable || QUANTITY_QUESTION.test(analysis.instruction))
  );
}

/** A request that opens with an order is a list of orders, not a story ("Please retrieve..."). */
const ORDER_OPENING =
  /^\s*(please|pls|kindly|can you|could you|would you|retrieve|obtain|get|fetch|find|look up|check|show|list|give|tell|send|book|create|update|provide|bitte|por favor|s'il vous plait)\b/;

/**
 * A story with numbers that ends by asking for one, in any script ("Dan spent an hour doing 400
 * tasks at $0.25 each. ... How much more did he make?", "... Calculate the total distance."): no
 * record, no data of the user's, no number long enough to need a calculator. Words of time in the
 * story ("now", "this month", "so far") are the story's, not a call for current data.
 */
export function isWordProblem(analysis: RequestAnalysis, known?: NumberForm): boolean {
  const { cues } = analysis;
  if (cues.owned || cues.personal) return false;
  if (cues.identifier && RECORD_ID.test(analysis.instruction)) return false;
  if (ORDER_OPENING.test(analysis.instruction)) return false;
  if (known === undefined && !endsAskingForResult(analysis)) return false;
  const form = known ?? numberForm(analysis);
  return (
    (form.quantities >= 2 || oneNumberStory(analysis, form)) &&
    form.sentences >= 2 &&
    form.endsSolving &&
    form.longestNumber < LONG_NUMBER
  );
}

/** A role-play set-up that names no record. */
export function isRolePlay(analysis: RequestAnalysis): boolean {
  if (analysis.cues.identifier && RECORD_ID.test(analysis.instruction)) return false;
  return ROLE_PLAY.test(analysis.instruction);
}

/**
 * Why the items a request counts are one task for one model call, if they are: a role-play, a word
 * problem (asking for a quantity, or ending with an order such as "Calculate..."), the stops of one
 * trip, a list the answer gives ("five tips"), or a short piece per item ("a haiku for each
 * season").
 */
export function oneAnswer(analysis: RequestAnalysis): string | undefined {
  const text = analysis.instruction;
  if (isRolePlay(analysis)) return 'it sets up a role-play: one conversation';
  if (QUANTITY_QUESTION.test(text) && QUESTION_MARK.test(text))
    return 'it asks for a quantity: a word problem, one answer';
  // "Calculate the total distance he drives in an 80 day semester": an order ends it, not a question.
  if (isWordProblem(analysis)) return 'it is a word problem: one answer';
  if (TRIP_STOPS.test(text) && !PER_ITEM.test(text))
    return 'they are the stops of one trip: one plan';
  if (LISTED_ANSWER.test(text) && !DOCUMENT.test(text)) return 'the answer lists them: one task';
  if (SHORT_PIECE.test(text)) return 'each is a short piece: one task';
  if (isWritingRequest(analysis) && ONE_PIECE.test(text) && !PER_ITEM.test(text))
    return 'it asks for one piece of writing: one task';
  return undefined;
}

/**
 * Places visited on one trip ("a 7-day plan visiting 3 cities in Georgia", "touring four national
 * parks"): the stops of one itinerary, planned together, not independent pieces of work. Not
 * "explore 4 countries" (a market study explores them too), nor "visit 5 countries' websites",
 * and not when work is asked per place ("for each, write a separate report": see oneAnswer).
 */
const TRIP_STOPS = new RegExp(
  `\\b(visit|visits|visiting|tour|touring|stop(ping)? (in|at)|travel(l?ing)? (to|through|across)|trip (to|through|across)|heading to) (\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')}) (different |distinct )?(cities|places|countries|destinations|towns|stops|states|national parks|islands)\\b(?!')`,
);

/**
 * Work asked for per item ("a letter for each of the four requests"): not one piece. Narrower than
 * the parallelism scorer's EACH on purpose: "a checklist of what every NDA should have" is one piece.
 */
const PER_ITEM =
  /\b(for each|each of|for every|per|separate(ly)?|individual(ly)?|pour chaque|para cada|per ogni|fur jede\w*|voor elk\w*)\b/;
/** One piece asked for near the start: "Write a production-ready Dockerfile for...". */
const ONE_PIECE = new RegExp(
  `^\\S+(?: \\S+){0,6}? (?:a|an|one|un|une|uno|una|ein|eine|einen|um|uma|een) (?:[\\w'-]+ ){0,4}?(?:${WRITING_PIECES})\\b`,
);

/**
 * A request for help doing harm to someone or something: "How can I steal my neighbor's mail?",
 * "I'm trying to find ways to harass someone online", "best way to get away with...". A model
 * declines it (data/routing/GUIDE.md, the hh-rlhf labels); no tool is run for it.
 */
const HARM_REQUEST =
  /\b(?:how (?:do|can|could|would|should|might) (?:i|we|you|one)|how to|help me|i want to|i wanna|i need to|i'?m (?:trying|going|planning|thinking of|looking) to|ways? to|best way to|easiest way to|tips (?:on|for)|teach me (?:to|how to))(?: [\w']+){0,3}? (?:steal|rob|kill|murder|poison|hurt|harm|stalk|harass|kidnap|shoot|stab|rape|blackmail|bully|torture|shoplift|smuggle|launder|counterfeit|forge|cheat on|spy on|break into|hack into|get away with|scam|beat up|burn down|vandali[sz]e|bribe|threaten|abuse|sabotage|embezzle)\b/;
const HARM_REASON = 'the request asks for help doing harm: a model declines it, no tool is run';

/** A request for help doing harm ({@link HARM_REQUEST}). */
export function isHarmRequest(analysis: RequestAnalysis): boolean {
  return HARM_REQUEST.test(analysis.instruction);
}

/**
 * The forms one model call answers, in the order the toolUse scorer reads them, each with its
 * reason and whether it holds under a task an offered shell serves (only a role-play does: a shell
 * task is no word problem, piece of writing or question).
 */
const CAPPED_FORMS: readonly (readonly [
  (analysis: RequestAnalysis) => boolean,
  string,
  boolean,
])[] = [
  [isHarmRequest, HARM_REASON, true],
  [isWordProblem, WORD_PROBLEM_REASON, false],
  [isRolePlay, ROLE_PLAY_REASON, true],
  [isWritingRequest, WRITING_REASON, false],
  [isMathsQuestion, MATHS_REASON, false],
  [isMaterialQuestion, MATERIAL_QUESTION_REASON, false],
  [isHowToQuestion, HOW_TO_REASON, false],
];

/**
 * Why one model call answers the request, whatever tools are offered (the first form of
 * {@link CAPPED_FORMS} it has), or `undefined`. `shellTask`: an offered shell serves the request.
 */
export function cappedForm(analysis: RequestAnalysis, shellTask: boolean): string | undefined {
  for (const [has, reason, underShell] of CAPPED_FORMS) {
    if ((underShell || !shellTask) && has(analysis)) return reason;
  }
  return undefined;
}
