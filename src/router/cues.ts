/**
 * Cue patterns, matched against normalized text (lower case, no diacritics). Each pattern is a
 * family of phrasings across English, German, French, Spanish, Portuguese, Italian and Dutch.
 * They describe the *shape* of a request (asks to act, asks about our own records, transforms
 * what it carries), never a particular tool.
 */

/** Asks to transform or explain content the request itself carries. */
export const TRANSFORM =
  /\b(summari[sz]e|summary|tl;?dr|translat\w*|traduis|tradui\w*|traduc\w*|traduz\w*|tradurre|traduci|ubersetz\w*|vertaal\w*|rewrite|re-?word|rephrase|paraphrase|shorten|condense|proofread|polish|simplify|reformul\w*|umformulier\w*|formulier\w*|resum\w*|riassum\w*|zusammenfass\w*|samenvat\w*|turn (this|these|it|them) into|convert (this|these|it)|format (this|these|it)|label (each|these|them)|classify|categori[sz]e|extract|expand (these|this)|explain|explique\w*|erklar\w*|explica\w*|spiega\w*|uitleg\w*|what does (this|it|that) (mean|do|print)|is this (cap|clause|correct|right|valid)|tag each|sentiment|make (it|this) (sound|more|less)|add (jsdoc|comments|types)|write (a|an) (\w+ )?test for this|likely cause|what'?s wrong)\b/;

/** Asks to write something new from what is given (a template, ideas, a draft). */
export const COMPOSE =
  /\b(write|draft|compose|come up with|brainstorm|ideas?|template|name ideas|suggest|outline|help me (word|phrase|write|put)|(word|phrase) (a|an|the|my|this) (message|reply|email|note|text|letter)|redige\w*|redacta\w*|escrib\w*|schreib\w*|entwirf|ecris|scrivi|escreva|schrijf)\b/;

/**
 * Points at content in the request itself. "here" does too, but not as a place: "around here",
 * "over here", "here in SF", "I live here".
 */
export const DEICTIC =
  /\b(this|these|below|above|following|pasted|forwarded|attached here|(?<!\b(?:around|near|over|out|from|come|get|got|live|lives|living|stay|staying|moved?) )here(?! (?:in|at|on|near|around|to)\b)|ceci|cela|ce texte|ce mail|dies\w*|folgend\w*|este|esta|estos|esto|questo|questa|isso|deze|dit)\b|:\s*$/;

/**
 * A general question that does not open the request: a later sentence asking how to do something
 * or to describe, explain or discuss ("I moved to a new city. How can I meet people?"), or a
 * what/why/how question after a clause of context ("If there is no friction in space, why...", not
 * about money). Kept apart from KNOWLEDGE, where a sentence-start alternative slows every
 * position's match.
 */
export const LATER_QUESTION =
  /[.?!]\s+(how (do|can|should|would) (i|we|one|you)|describe|explain|discuss)\b|^(if|when|as|on|in|given|since|assuming|suppose|during|after|before)\b(?![^,?]{0,60}\b(dollars?|euros?|pounds?|yen|currency|usd|eur|gbp)\b)[^,?]{0,60}, (what|why|how) (is|are|does|do|would|will|should|can)\b/;

/** A general-knowledge, definition or how-to question, not about the user's own records. */
export const KNOWLEDGE =
  /(^((who|when|where|what year) (did|was|were|had)\b(?!.*\b(last|latest|newest|most recent|recent(ly)?|this|current(ly)?|next|still|yet|so far|ever|anymore|now|today|tonight)\b)|who (is|are|was) (?!(on call|on duty|in charge|responsible|assigned|working|available|next|(the )?(current|new|next|latest|reigning|acting)\b|(the )?(king|queen|president|prime minister|ceo|chancellor|pope|mayor|governor|chief|head|leader|coach|captain|champion|owner|manager|chair\w*|director|minister|secretary|speaker)s?\b))\w[^?]{0,40}(?=[?.!]?$)|what|why|how|when should|should|is it|are|does|do|can you explain|explain|describe|discuss|elaborate on|in general|compare and contrast|(analy[sz]e|evaluate|assess|examine) the (causes|consequences|role|impact|significance|effects|history|origins|themes?|symbolism|implications|ethics|philosophy)\b|name (a|an|some|any|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) |who (wrote|painted|invented|discovered|was|were)|who (sang|sings|sung|played|plays|starred|stars|directed|composed|voiced|voices|narrated|performed)\b(?!.*\b(last|latest|newest|most recent|recent(ly)?|this|current(ly)?|next|upcoming|forthcoming|still|yet|so far|ever|anymore|now|today|tonight)\b)|was ist|wie|warum|qu'?est|comment|pourquoi|que es|como|por que|cos'?e|perche|wat is|hoe)\b|\b(difference between|differ from|what('?s| is| are) (a|an|the difference|the point|the formula|the definition)|what does .{1,40} (mean|stand for)|meaning of|definition|define|in (plain|simple|layman'?s?) (terms|words|english|language)|vs\.?|versus|when should (i|we|you)|what('?s| is| are) (a|an|some) (good|sane|reasonable|typical|common|standard|best)|(what|where|which|when|how)('?s| is| are| would be| will be) (the )?(best|ideal|right|easiest|simplest|safest|quickest|fastest|most effective|proper|correct) (way|ways|place|places|time|method|approach|thing|things|strategy|option|options|order|technique)s?\b|how (does|do|did) .{1,60} (differ|compare)|plain (english|language)|explain|how (does|do) .{1,40} work|(tell|teach|show) me how to|what do you think|do you think(?! (you|u) (could|can|would|will))|would you (recommend|suggest|do|say|rate|choose|pick)|if you (were|had)|in your (opinion|view)|your (opinion|thoughts|view) on|guide me|instructions (on|for) how|(tell|teach) me (about|more about)|best practices?|rule of thumb|tips?|advice|is it (rude|normal|ok|okay|safe|legal|worth)|pros and cons|formula|capital of|worth it|the point of|normal|usually|typically|generally|what even is|c'?est quoi|qual e a diferenca|vale a pena|merece la pena|lohnt (es )?sich|ne vaut|who (wrote|painted|invented|discovered)|unterschied|erklar\w*|bedeutet|was ist|qu'?est-ce|difference entre|explique\w*|diferencia|explica\w*|que significa|cos'?e|differenza|spiega\w*|verschil|uitleg\w*|leg .{0,30}uit|wat is)\b)/;

/** Small talk: thanks, greetings, goodbyes and closings ("I'm all set"), asking what the assistant can do. */
export const SMALL_TALK =
  /^\W*(thanks?|thank you|thx|ty|cheers|perfect|great|ok(ay)?|cool|hi|hello|hey|good (morning|night|evening)|bye|danke|merci|gracias|grazie|obrigad[oa]|bedankt|tack)\b(\W+\w+){0,3}[^\w?]*$|\b(that'?s (all|everything)|have a (good|nice|great)|what (kinds? of things|can you do)|who are you)\b|^\W*(?:(?:no|nope|nah)\W+)?(i'?m|i am|we'?re|we are) (all set|good|fine|done)\W*(thanks?|thank you)?\W*$|\b(don'?t|do not) need anything (else|more)|\bnothing (else|more)( for now| right now| thanks?)?\W*$|\bthat (will be|would be|is) (all|it)\b|^\W*((thanks?|thank you|great|perfect|awesome|cool)\W+)*(that'?s|that is|this is) (exactly |just )?(what i (needed|wanted|was looking for)|(very |really |super )?(helpful|perfect|great|awesome))\W*((thanks?|thank you)\W*)?$/;

/** Asks for new text from what is given: a template, names, a checklist, subject lines, an agenda. */
export const TEMPLATE =
  /\b(templates?|checklist|names? for|name ideas|ideas for|slogans?|taglines?|subject lines?|objets? de (mail|courriel)|agenda|outline|boilerplate|example|sample|generic|reusable|can reuse|vorlage|modele|plantilla|modello|sjabloon)\b/;

/** "Our", "we", "us": the organisation the user speaks for, in the languages the router reads. */
export const OURS =
  /\b(our|ours|we|us|unser\w*|notre|nos|nuestr\w*|nostr\w*|nosso|nossa|nossos|onze|ons)\b/;
/** Refers to the user's own organisation, people or records: "our" (OURS) or "my". */
export const OWNED = new RegExp(
  `${OURS.source}|\\b(my|mine|mein\\w*|mon|ma|mes|mi|mis|mio|mia|miei|meu|minha|mijn)\\b`,
);

/** Asks for current, recent or future state: something only a live source knows. */
export const FRESH =
  /\b(current(ly)?|today|tonight|tomorrow|yesterday|now|latest|recent(ly)?|live|real[- ]?time|up to date|this (morning|afternoon|week|weekend|month|quarter|year)|last (night|week|weekend|month|quarter|year|friday|monday|tuesday|wednesday|thursday|saturday|sunday)|next (week|weekend|month)|so far|still|near me|nearby|near here|around here|(?<!\b(someone|somebody|people|person|friends?|family|ones?|those|anyone|everyone) )close to me|what time is it|what'?s the time(?= *($|[?.!,]|(right )?now|in|at|there|here|please)\b)|what (day|date) is it|what day of the week is it|today'?s date|heute|gestern|morgen|aktuell\w*|derzeit|gerade|aujourd'?hui|hier soir|demain|actuel\w*|en ce moment|hoy|ayer|manana|actualmente|ahora|oggi|ieri|domani|attual\w*|hoje|ontem|amanha|agora|vandaag|gisteren|nu|jetzt|maintenant|adesso|(diese|nachste) woche|dieses wochenende|cette semaine|ce week-?end|esta semana|este fin de semana|questa settimana|questo fine settimana|deze week|dit weekend)\b/;

/** Identifiers that name a record whatever surrounds them: "#4410", "INV-2291", "order 8812". */
const RECORD_ID_SOURCE = String.raw`#\s?\d{3,}|\b[a-z]{2,5}-\d{2,}\b|\b(mrn|id|no\.?|nr\.?|n°|order|ticket|invoice|case|pr|issue)\s*#?\d{2,}\b`;
/**
 * A bare number of four digits or more ("check 40213", "sales in 2023"), but not a length asked
 * for ("a 2000 word essay", "1000-1250 words"), nor a year before 2000 ("films between 1930 and
 * 1940", "the 1990s"), which dates history, not a record; an amount ("$1000") stays.
 */
const BARE_NUMBER_SOURCE = String.raw`\b(?:(?<=[$€£¥] ?)\d{4,}|(?!1\d{3}s?\b)\d{4,})\b(?![- ]?(?:\d+[- ])?(?:words?|characters?|chars|pages?|tokens?|lines?)\b)`;
/** A concrete identifier: an order or ticket number, an invoice code, a SKU, a medical record number. */
export const IDENTIFIER = new RegExp(`(${RECORD_ID_SOURCE}|${BARE_NUMBER_SOURCE})`);
/**
 * The identifiers of {@link IDENTIFIER} that name a record whatever surrounds them: a bare number
 * ("$108000", "6000 blocks") is left out, as in a story it is a quantity.
 */
export const RECORD_ID = new RegExp(`(${RECORD_ID_SOURCE})`);

/** An imperative or request to act on something. */
export const ACTION =
  /(^|[.!?;\n][ \t]*|\b(please|pls|can you|could you|would you|you can|go ahead and|bitte|merci de|por favor|puoi|peux-tu|pouvez-vous|kun je|kannst du|pode)\s+)(send|email|e-mail|mail|reply|respond|answer|book|reserve|cancel|refund|pay|schedule|create|update|change|set|add|remove|delete|publish|post|deploy|roll|revert|revoke|grant|approve|assign|tag|close|open|merge|move|place|submit|order|buy|page|notify|restart|run|execute|rotate|upload|invite|text|call|forward|share|archive|escalate|transfer|issue|apply|credit|reset|enable|disable|block|unblock|lock|unlock|renew|file|log|register|sign|release|provision|scale|mark|flag|sort|fix|reconcile|process|handle|work through|take care|pull|fetch|get|look up|lookup|find|check|show|list|give me|tell me|search|track|verify|confirm|compare|investigate|correlate|analy[sz]e|figure out|identify|count|calculate|compute|prep|prepare|profile|audit|review|research)\b/;

/** Asks about the state of specific things ("where is", "how many", "who", "status of"). */
export const LOOKUP =
  /\b(where('?s| is| are)|status|how many|how much (did|do|does|have|has|is)|who('?s| is| was| has| did| owns| accessed)|which (of )?(our|my|the)|when (was|did|is|does)|has the|did the|did we|have we|is there|are there|do we (have|already)|what('?s| is| are| was) (the |our |my )?(current|latest|status|total|balance|price|rate|weather|forecast|stock|temperature)|wo ist|wie viele|combien|cuant\w*|quant\w*|hoeveel|quand|cuando|wann)\b/;

/**
 * Says not to act yet: drafts only, no sending. "No replies.", "Just a ranking for me." hold back
 * only as a sentence of their own ("I got no replies.", "Send the board just a summary." do not);
 * "read-only" only as a clause of its own ("..., read-only.", "stay read-only"), not as what a
 * thing is made ("grant them read-only access", "the database goes read-only").
 */
export const HOLD_ACTION =
  /\b(don'?t|do not|dont|never|without) (send|reply|post|publish|email|touch|act|change|submit|book)\w*( anything| it| them)?( yet)?\b|\bdraft (only|replies|reply|responses?)\b|\bnot (sent|send) yet\b|\b(sin enviar|ne (pas )?envo\w* pas|nicht (senden|schicken|abschicken)|niet versturen|senza inviare|sem enviar)\b|(?<=(?:^|[.!?;:\n])\s*)\b(?:no (replies|reply|changes|emails|messages)( yet)?|(just|only) (a|an|the) (opinion|ranking|summary|list|overview|assessment|recommendation)( for me)?)[.!]|\b(change|send|touch) nothing\b|(?<=(?:^|[,.!?;:(])\s*|\b(?:stay|keep it|remain|strictly|be) )\bread[- ]only(?=\s*(?:$|[,.!?;:)]|please\b))|\b(nichts (andern|senden|schicken|verandern)|ne rien (envoyer|modifier|changer))\b|(?<=(?:^|[.!?;:\n])\s*)\b(solo un (parere|giudizio)|solo (una )?opinion|so (uma )?opiniao|juste un avis)\b/;

/** The user speaks of themself: their own account, card, order, schedule. */
export const PERSONAL =
  /\b(i|i'm|i've|me|my|mine|ich|mich|mir|mein\w*|je|j'ai|moi|mon|ma|mes|yo|mi|mis|eu|meu|minha|io|mio|mia|ik|mij|mijn|jag|min|mitt|mina|moj\w*|moja)\b/;

/** A polite request for someone to do something. */
export const REQUEST =
  /\b(can you|could you|would you|please|pls|plz|bitte|kannst du|konnen sie|peux-tu|pouvez-vous|merci de|por favor|puedes|podes|pode|puoi|potresti|kun je|wil je|kan du)\b/;

/** A calculation or textbook fact: maths, geometry, physics, unit conversion, formulas. */
export const COMPUTATION =
  /\b(calculat\w*|comput\w*|solve|derivative|integral|factorial|gcd|lcm|greatest common|prime|area|volume|perimeter|circumference|radius|diameter|hypotenuse|triangle|circle|formula|equation|quadratic|probability|odds|mean|median|average|standard deviation|square root|sqrt|convert|conversion|molar|velocity|speed|force|acceleration|bmi|percent(age)?|interest|fahrenheit|celsius|kilometers?|miles?|berechn\w*|calcul\w*|calcola\w*|formel|formule|formula|raiz|wurzel|racine|radice|durchschnitt|moyenne|promedio|media)\b/;

/** Arithmetic written out: "3x^2 + 2x", "15%". */
export const ARITHMETIC = /\d\s*[-+*/^×÷=]\s*\d|\d\s?%/;

/** Asks for an exact, verified result: a tool, not an estimate. */
export const PRECISE =
  /\b(exact(ly)?|precise(ly)?|to the (cent|penny|euro|dollar)|down to the|run it|don'?t guess|accurate(ly)?|genau|exakt\w*|exact[oa]|precis[oa]|au centime|al centesimo|centavo|ao centavo)\b/;

// The patterns below are read by the fitted models only (features/form-features.ts).

/**
 * A task set in the second person, as for an agent placed in an environment: "You are user 4411,
 * cancel my order", "As a student, you are given a directory...", "Your task is to...".
 */
export const SCENARIO =
  /(^|[.!?\n]\s*)(you are|you're|as an? [^,.\n]{1,40},\s*you|your (task|job|goal|mission|assignment) (is|will be)|you (have|need|want|will need) to|you('ve| have) been (asked|given|tasked|assigned)|you (are|will be|were) given|imagine (that )?you|suppose (that )?you|du bist|vous etes|tu es|eres|sei un)\b/;

/** A word for a place where files or records live: a directory, a database, a server. */
export const RESOURCE_WORD =
  /\b(director(y|ies)|folders?|databases?|server|servers|repositor(y|ies)|repo|workspace|spreadsheets?|bucket|dossier|verzeichnis|ordner|carpeta|cartella|pasta|map)\b/;

/**
 * Picks records out of a collection by their attributes: "which team has a score of 2-1", "with a
 * rank greater than 95", "when the population is greater than 146,445".
 */
export const RECORD_QUERY =
  /\b(has|have|had|with) an? [\w -]{1,30}? (of|greater than|less than|smaller than|larger than|higher than|lower than|over|under|above|below|more than|fewer than) ['"]?[\w$€£-]|\b(greater|less|smaller|larger|higher|lower|more|fewer) than \d|\bwhen (the )?[\w -]{1,30}? (is|was|are|were) ['"]?\d/;

/**
 * The user's own records by count or recency: "my 100 most recent transactions", "my last three
 * orders", "our latest invoices".
 */
export const OWN_RECENT =
  /\b(my|our|mes|mis|meine\w*|unsere\w*|nos|miei|meus|mijn) ((\d+|last|latest|recent|most recent|previous|past|next|upcoming|two|three|four|five|ten|twenty|hundred)\b|\w+ (most recent|latest|last))/;

/**
 * Asks about a fact that changes with the day asked (GUIDE: fresh data): the next episode, the
 * last time a team won, who holds a record or an office now, a population, a standing.
 */
export const CHANGING =
  /\b(last time|next (episode|season|game|match|election|race|movie|book|album|tournament|world cup|olympics)|new season|(who|what) (is|are) the (current |new |reigning )?(president|prime minister|chancellor|ceo|coach|head coach|owner|leader|king|queen|pope|chairman|governor|mayor|senator|champions?|manager|captain|speaker)|who (has|holds|scored|won) (the )?most|(holds?|has|set|broke) the record|all[- ]time|in (\w+ )?history|population of|how many .{1,40} are there|come out|comes out|coming out|release date|air date|this season|standings|leaderboard|(won|wins|win) the (most|last)|is still (alive|open|running|on)|premiere)\b/;
