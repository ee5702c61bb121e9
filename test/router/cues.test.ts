import { describe, expect, it } from 'vitest';
import { analyzeRequest, type RequestCues } from '../../src/router/analysis.ts';
import { type FormCues, formCues } from '../../src/router/features/form-features.ts';

function cue(name: keyof RequestCues, input: string): boolean {
  return analyzeRequest(input).cues[name];
}

describe('request cues', () => {
  it.each([['Where is order 30418?'], ['Has INV-2291 been paid?'], ['Close ticket #4410 please.']])(
    'identifier: %s names a record',
    (input) => {
      expect(cue('identifier', input)).toBe(true);
    },
  );

  it('owned: "US" in capitals is the country, unless the text shouts', () => {
    for (const input of [
      'How does lobbying work in the legislative process in the US?',
      'Can a manager work abroad for a US employer?',
      'What shaped the U.S. economy after 1945?',
    ]) {
      expect(cue('owned', input), input).toBe(false);
    }
    expect(cue('owned', 'Can you tell us how lobbying works?')).toBe(true);
    expect(cue('owned', 'PLEASE SEND US THE INVOICE')).toBe(true);
  });

  it("owned, personal, fresh: not read in a short quotation, whose words are someone else's", () => {
    for (const input of [
      'Translate "I lost my keys today" into Spanish.',
      'Answer with one of these phrases: "My answer is yes.", "My answer is no."',
    ]) {
      expect(cue('owned', input), input).toBe(false);
      expect(cue('personal', input), input).toBe(false);
      expect(cue('fresh', input), input).toBe(false);
    }
    // Outside the quotation they count; a request wrapped whole in quotes keeps its own.
    expect(cue('owned', 'Did my proposal "Q3 plan" get approved?')).toBe(true);
    expect(cue('fresh', '"What is on my calendar today?"')).toBe(true);
    expect(cue('owned', '"What is on my calendar today?"')).toBe(true);
  });

  it('identifier: a request that names no record', () => {
    expect(cue('identifier', 'Where is my order?')).toBe(false);
    expect(cue('identifier', 'Show me 3 invoices.')).toBe(false);
  });

  it('identifier: a length asked for is no record; a bare number or a year may be one', () => {
    expect(cue('identifier', 'Write a 2000 word essay on water safety.')).toBe(false);
    expect(cue('identifier', 'I need a 1000-1250 words report on it.')).toBe(false);
    expect(cue('identifier', 'Check 40213 for me.')).toBe(true);
    expect(cue('identifier', 'How much did I spend in March 2023?')).toBe(true);
    // A year before 2000 dates history; an amount stays a number of the user's.
    expect(cue('identifier', 'List films between 1930 and 1940.')).toBe(false);
    expect(cue('identifier', 'What music was popular in the 1980s?')).toBe(false);
    expect(cue('identifier', 'Find a used phone under $1500.')).toBe(true);
  });

  it.each([
    ['What is on my calendar today?'],
    ['Was steht heute an?'],
    ["Qu'est-ce qui est prévu aujourd'hui ?"],
    ['Gibt es jetzt einen Sturm in NC?'],
    ['Wird es diese Woche regnen?'],
    ['Resume los pedidos de esta semana.'],
    ['Che tempo fa adesso a Milano?'],
    ["Qu'est-ce qui se passe maintenant à Lyon ?"],
    ['Quels concerts y a-t-il cette semaine ?'],
    ['Wat is er deze week te doen in Utrecht?'],
    ['Wat kan ik dit weekend doen in Utrecht?'],
    ['Che film danno questa settimana?'],
    ['¿Qué conciertos hay este fin de semana?'],
    ['Was läuft nächste Woche im Kino?'],
  ])('fresh: %s asks for current state', (input) => {
    expect(cue('fresh', input)).toBe(true);
  });

  it('fresh: where the user is now, or what time or day it is', () => {
    expect(cue('fresh', "What's showing nearby?")).toBe(true);
    expect(cue('fresh', 'what theaters are near me?')).toBe(true);
    expect(cue('fresh', 'what time is it in new york')).toBe(true);
    expect(cue('fresh', 'what day of the week is it')).toBe(true);
    expect(cue('fresh', 'Round the rating to the nearest whole number.')).toBe(false);
  });

  it('fresh: this, next or last weekend', () => {
    expect(cue('fresh', 'Any matinee shows running this weekend?')).toBe(true);
    expect(cue('fresh', 'What should I pack for a weekend in Lisbon?')).toBe(false);
  });

  it('fresh: not the time of an algorithm, nor someone close to the user', () => {
    expect(cue('fresh', "what's the time in tokyo")).toBe(true);
    expect(cue('fresh', 'Any good restaurants close to me?')).toBe(true);
    expect(cue('fresh', "What's the time complexity of quicksort?")).toBe(false);
    expect(cue('fresh', 'How do I cope when someone close to me dies?')).toBe(false);
  });

  it('fresh: a request about no particular time', () => {
    expect(cue('fresh', 'What is on my calendar?')).toBe(false);
    expect(cue('fresh', 'Was steht an?')).toBe(false);
  });

  it.each([
    ['Describe the causes of the French Revolution.'],
    ['Discuss the role of central banks in controlling inflation.'],
    ['Explain how vaccines work.'],
    ['When did the Berlin Wall fall?'],
    ['Where did the phrase "break a leg" come from?'],
    ['Tell me how to grow plants from seeds.'],
    ['I moved to a new city. How can I meet new people?'],
    ['Can you teach me about music theory?'],
    ['Which affordable GPU would you recommend to train a language model?'],
    ['Who is Jane Goodall?'],
    ['Who is Jane Goodall.'],
    ['If there is no friction in space, why do rockets need so much fuel?'],
    ['In quantum physics, what is superposition?'],
    ['You are given two sorted lists. Describe an algorithm to merge them.'],
    ['Compare and contrast capitalism and socialism.'],
    ['Name three famous paintings by Van Gogh.'],
    ['Evaluate the impact of the printing press on European science.'],
    ['Do you think Rust would be a better choice to learn than Go?'],
    ["Where's the best place to hike in the Rockies?"],
    ['I have a small backyard. What is the best way to plan a garden in this space?'],
    ['who sang the song the beat goes on'],
    ['Who played Eliza Doolittle in the movie My Fair Lady?'],
    ['Who composed the tune of "Twinkle, Twinkle, Little Star"?'],
  ])('knowledge: %s asks for what a model knows', (input) => {
    expect(cue('knowledge', input)).toBe(true);
  });

  it('knowledge: a question after a context clause about money asks for a conversion', () => {
    expect(cue('knowledge', 'In Canadian dollars, what is 30 USD?')).toBe(false);
  });

  it('knowledge: a polite request is not a question for the model’s opinion', () => {
    expect(cue('knowledge', 'Hello, do you think you could find me an apartment?')).toBe(false);
  });

  it('knowledge: a past-tense question about the latest or this season asks for a changing fact', () => {
    expect(cue('knowledge', 'When was the last time Mount Etna erupted?')).toBe(false);
    expect(cue('knowledge', 'When did this season of the show start?')).toBe(false);
    // Who holds an office, or who is on call, changes with the day asked.
    expect(cue('knowledge', 'Who is the prime minister of the Netherlands?')).toBe(false);
    expect(cue('knowledge', 'Who is on call for payments tonight?')).toBe(false);
    // Which of the user's records did something is a look-up, not a past-tense general question.
    expect(cue('knowledge', 'Which orders were delayed?')).toBe(false);
    // Who plays or performs this year, or next, changes too.
    expect(cue('knowledge', 'who plays in the liberty bowl this year')).toBe(false);
    expect(cue('knowledge', 'Who sings at the halftime show next year?')).toBe(false);
    expect(cue('knowledge', 'Who plays Batman in the upcoming movie?')).toBe(false);
  });

  it('deictic: "here" points at the material a request carries', () => {
    expect(
      cue('deictic', 'Which client is hammering us here?\n\n203.0.113.7 - - "GET /api" 429'),
    ).toBe(true);
    // Without material there is nothing to point at.
    expect(cue('deictic', "I'm at a conference here in SF, where do I go?")).toBe(false);
    // With material, "here" as a place still points elsewhere.
    const log = '\n\n> 10:02 GET /api 429\n> 10:03 GET /api 429';
    for (const input of [
      `What restaurants are open around here?${log}`,
      `I'm at a conference here in SF, where do I go?${log}`,
      `How do I get from here to the airport?${log}`,
    ]) {
      expect(cue('deictic', input), input).toBe(false);
    }
  });

  it.each([
    ["Read the complaint and draft a reply, but don't send anything yet."],
    ['Draft replies to the three open tickets.'],
    ['Prepara las respuestas sin enviar.'],
    ['Check the inbox and tell me which plan they are on. No replies.'],
    ['Rank the finalists by interview score. Just a ranking for me.'],
    ['Lies das Issue und sag mir, ob der Fehler existiert. Nichts ändern.'],
    ['Leggi i documenti e confrontali con la polizza. Solo un parere.'],
    ['Review the access list and change nothing.'],
    ['Lis les contrats et compare-les. Ne rien modifier.'],
    ['Lis les contrats et compare-les. Juste un avis.'],
    ['Lee los contratos y compáralos. Solo una opinión.'],
    ['Leia os contratos e compare-os. Só uma opinião.'],
    ['Look through the billing settings, read-only.'],
  ])('holdAction: %s holds back the action', (input) => {
    expect(cue('holdAction', input)).toBe(true);
  });

  it('holdAction: a request to send', () => {
    expect(cue('holdAction', 'Read the complaint and send a reply.')).toBe(false);
    expect(cue('holdAction', 'Prepara las respuestas y envíalas.')).toBe(false);
    // A summary or a list asked for is no act held back unless the sentence says it is all.
    expect(cue('holdAction', 'Send the team a summary of the outage.')).toBe(false);
    expect(cue('holdAction', 'There are no replies yet to my ticket, chase them.')).toBe(false);
  });

  it('holdAction: "No replies.", "Just a summary." only as a sentence, "read-only" only as a clause', () => {
    for (const input of [
      // A fact told, or what is to be sent: no act held back.
      'I wrote to them twice and got no replies. Chase them.',
      'Send the board just a summary.',
      // What a thing is made or becomes, in a request to act.
      "Let #eng-announce know staging's database goes read-only from 18:00 to 19:00 today.",
      'Grant the contractor read-only access to the billing repo.',
      'Set the bucket to read-only and email the team.',
    ]) {
      expect(cue('holdAction', input), input).toBe(false);
    }
    for (const input of [
      'Check the inbox and tell me which plan they are on.\nNo replies.',
      'Go through the billing settings (read-only) and list the plans.',
      'Audit the repo permissions but stay read-only.',
    ]) {
      expect(cue('holdAction', input), input).toBe(true);
    }
  });

  it.each([["What's the difference between TCP and UDP?"], ['Explain how DNS resolution works.']])(
    'knowledge: %s is a general question',
    (input) => {
      expect(cue('knowledge', input)).toBe(true);
    },
  );

  it('knowledge: a request about a record', () => {
    expect(cue('knowledge', 'Refund order 30418.')).toBe(false);
  });

  it('smallTalk: thanks and goodbyes', () => {
    expect(cue('smallTalk', "thanks, that's all for now")).toBe(true);
    expect(cue('smallTalk', 'Refund order 30418 for the customer.')).toBe(false);
  });

  it('smallTalk: a short thanks or goodbye in Chinese or Japanese that asks for nothing', () => {
    expect(cue('smallTalk', '好的，谢谢，不用了。')).toBe(true);
    expect(cue('smallTalk', 'わかりました、ありがとうございます。')).toBe(true);
    expect(cue('smallTalk', '谢谢，再帮我找一家酒店吧。')).toBe(false);
    // A thanks beside an order asks for something: call, send, forward.
    expect(cue('smallTalk', '谢谢，请叫一辆出租车。')).toBe(false);
    expect(cue('smallTalk', '谢谢！把这封邮件转发给李总。')).toBe(false);
    expect(cue('smallTalk', 'ありがとう、タクシーをお願いします。')).toBe(false);
    expect(cue('smallTalk', 'ありがとう。メールを田中さんに送って。')).toBe(false);
    expect(cue('smallTalk', 'ありがとうございました、よろしくお願いします。')).toBe(true);
  });

  it('smallTalk: closings, and a greeting that opens a request is not small talk', () => {
    expect(cue('smallTalk', "No, I'm all set.")).toBe(true);
    expect(cue('smallTalk', "thanks!! that's exactly what I needed")).toBe(true);
    expect(cue('smallTalk', "That's really helpful, thank you.")).toBe(true);
    // A typographic apostrophe reads as the plain one.
    expect(cue('smallTalk', 'thanks, that’s exactly what I needed')).toBe(true);
    // Small talk is short: a long instruction that says "that's all" asks for something.
    expect(
      cue(
        'smallTalk',
        `Here is the list of the accounts to close this quarter and that's all: ${'ACC-1, '.repeat(30)}`,
      ),
    ).toBe(false);
    expect(
      cue('holdAction', 'Read the messages and tell me what they want. Don’t reply yet.'),
    ).toBe(true);
    expect(cue('smallTalk', "That's what I needed for the report, now send it to Ana.")).toBe(
      false,
    );
    expect(cue('smallTalk', "Great, thank you. I don't need anything else.")).toBe(true);
    expect(cue('smallTalk', 'Hi there, good morning!')).toBe(true);
    expect(cue('smallTalk', "Hi, I'd like a large cappuccino please.")).toBe(false);
  });

  it('template: asks for new text to reuse', () => {
    expect(cue('template', 'give me 3 subject lines for the launch email')).toBe(true);
    expect(cue('template', 'give me the status of the launch email')).toBe(false);
  });

  it.each([
    ['Translate this paragraph to French.'],
    ['Summarize the thread.'],
    ['Bitte den Text zusammenfassen.'],
  ])('transform: %s transforms given text', (input) => {
    expect(cue('transform', input)).toBe(true);
  });

  it('transform: a request to fetch', () => {
    expect(cue('transform', 'Where is order 30418?')).toBe(false);
    expect(cue('transform', 'Wo ist der Text?')).toBe(false);
  });

  it('reads cues from the instruction, not from pasted material', () => {
    const analysis = analyzeRequest(
      'Summarize the email below:\nHi,\nwhere is order 30418 today?\nThanks, Bob',
    );
    expect(analysis.material).toContain('order 30418');
    expect(analysis.cues.transform).toBe(true);
    expect(analysis.cues.identifier).toBe(false);
    expect(analysis.cues.fresh).toBe(false);
  });
});

describe('cues of form (fitted models only)', () => {
  const form = (name: keyof FormCues, input: string) => formCues(analyzeRequest(input))[name];

  it.each([
    ['You are user 4411. Cancel everything you ordered last week.'],
    ['As a student, you are given a directory named logs with one file per server.'],
    ['Your task is to find the largest file under /var/log.'],
  ])('scenario: %s is a task set in the second person', (input) => {
    expect(form('scenario', input)).toBe(true);
  });

  it('scenario: a request in the first person', () => {
    expect(form('scenario', 'I want to cancel my order.')).toBe(false);
  });

  it.each([
    ['Count the lines of /home/user/notes.txt'],
    ['Open report.xlsx and add a column'],
    ['Which folder holds the invoices?'],
    ['Fetch https://example.com/status'],
    // A path of one part, from the root, the home directory or here.
    ['How much disk space is used by /home?'],
    ['What is the output if I execute ~/test?'],
    ['Run ./build.sh and tell me what fails'],
    // An environment variable, or the machine a shell runs on.
    ['How many paths are in $PATH?'],
    ['How many groups are in this UNIX system?'],
    ["What's the count of my CPUs?"],
    ['How big is my home dir?'],
    ['Which of my disks is nearly full?'],
    // At the end of a sentence, or before a comma.
    ['Echo the value of $HOME.'],
    ['Which entries of $PATH exist, and which do not?'],
  ])('resource: %s names a resource outside the request', (input) => {
    expect(form('resource', input)).toBe(true);
  });

  const email =
    'Hi, can we move our Thursday sync with the design team to next week? The current slot clashes with the board review. Thanks, Jane';
  it('materialQuestion: a question about the pasted email', () => {
    expect(
      form('materialQuestion', `What does Jane want, according to this email?\n\n${email}`),
    ).toBe(true);
  });

  it.each([
    ['Email this to my boss:'],
    ['Pull up the meeting this email mentions:'],
    ['Delete the files this email lists:'],
    ['Verify the dates in this email against the board calendar:'],
    ['Here is the email. Find her bookings and tell me which one moves:'],
    ['Which meeting in my calendar does this email mean?'],
  ])('materialQuestion: %s asks for something done beyond the answer', (instruction) => {
    expect(form('materialQuestion', `${instruction}\n\n${email}`)).toBe(false);
  });

  it('resource: a request that names none', () => {
    expect(form('resource', 'Write a haiku about autumn.')).toBe(false);
    // A slash between words or numbers is no path.
    expect(form('resource', 'Is it open 24/7, and/or on weekends? Rate it 4 / 5.')).toBe(false);
    // A price is no variable; a computer spoken of in general is no machine of the user's.
    expect(form('resource', 'Is $20 a fair price? How does the computer store it?')).toBe(false);
    expect(form('resource', 'Is $US1,000 a fair price?')).toBe(false);
    expect(form('resource', 'Is $AUD1.5 million a fair price?')).toBe(false);
    // A slash before a number is no path of one part.
    expect(form('resource', 'Rate it 4 /5 and split the bill 50 /50.')).toBe(false);
  });

  it('resource: inline TeX maths between dollar signs is no environment variable', () => {
    for (const input of [
      'Solve $x^2+3x=0$ for $x$.',
      'If $a$ and $b$ are positive integers with $a+b=10$, what is the largest $ab$?',
      'Evaluate the integral where the curve $C(s)$ is the line between $A$ and $B$.',
    ]) {
      expect(form('resource', input), input).toBe(false);
    }
    // Two variables in one sentence are no maths.
    expect(form('resource', 'Compare $PATH and $HOME for me.')).toBe(true);
  });

  it.each([
    ['Which score has a result of 2-1 and a goal smaller than 17?'],
    ['What is the number of households when the population is greater than 146,445?'],
  ])('recordQuery: %s picks records by their attributes', (input) => {
    expect(form('recordQuery', input)).toBe(true);
  });

  it('recordQuery: a question about a concept', () => {
    expect(form('recordQuery', 'What is a goal kick?')).toBe(false);
  });

  it("ownRecent: the user's records by count or recency", () => {
    expect(form('ownRecent', 'Summarize my 100 most recent transactions.')).toBe(true);
    expect(form('ownRecent', 'Show our latest invoices.')).toBe(true);
    expect(form('ownRecent', 'My first request is a poem about the sea.')).toBe(false);
  });

  it('changing: a fact that changes with the day asked', () => {
    expect(form('changing', 'when was the last time the dodgers won the world series')).toBe(true);
    expect(form('changing', 'who has the most home runs in mlb history')).toBe(true);
    expect(form('changing', 'who wrote the iliad')).toBe(false);
  });
});

describe('Chinese and Japanese concepts', () => {
  it('finds the concepts of words written without spaces', () => {
    const analysis = analyzeRequest('你好，你能为我推荐一个价格是500-600元的酒店吗？');
    expect(analysis.concepts.has('hotel')).toBe(true);
    expect(analysis.concepts.has('price')).toBe(true);
    expect(analyzeRequest('東京の今日の天気はどうですか？').concepts.has('weather')).toBe(true);
    // Katakana with a voicing mark (ダ), which normalizing would split in two.
    expect(analyzeRequest('リマインダーを設定する').concepts.has('reminder')).toBe(true);
  });

  it('finds none in a sentence of other words', () => {
    expect(analyzeRequest('我很高兴认识你').concepts.size).toBe(0);
  });
});

describe('unreadable', () => {
  it('is true for a sentence mostly outside the Latin script', () => {
    expect(analyzeRequest('東京の今日の天気はどうですか？').unreadable).toBe(true);
  });

  it('is false for German, accents and ß included', () => {
    expect(
      analyzeRequest('Wo ist meine Bestellung? Die Lieferung ist überfällig, Grüße').unreadable,
    ).toBe(false);
  });
});
