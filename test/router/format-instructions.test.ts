import { describe, expect, it } from 'vitest';
import { CHAT_REGISTRY } from '../../scripts/chat-registry.ts';
import { createRouter } from '../../src/index.ts';
import {
  isFormatInstruction,
  withoutFormatInstructions,
} from '../../src/router/format-instructions.ts';

describe('isFormatInstruction', () => {
  it('reads sentences that only say what the answer should look like', () => {
    for (const sentence of [
      'Your response must contain exactly 4 bullet points in markdown.',
      'Make sure your entire answer is wrapped in double quotation marks.',
      'The whole output should be in JSON.',
      'Answer in all lowercase letters.',
      'Respond with at least 300 words.',
      'Do not use any commas in your reply.',
      'Separate the two parts with a markdown divider.',
      'Highlight at least 2 sections with markdown.',
      'Use all capital letters for the headings.',
      'Include at least five placeholders in square brackets, like [name].',
      'There should be exactly 3 paragraphs.',
      'In your response, the word harbor should appear twice.',
      'The word "ocean" must appear at least 3 times.',
      'Please give exactly two different responses.',
      'First repeat the request word for word, then give your answer.',
      'Each section must start with a heading.',
      'End your response with the exact phrase "Any other questions?"',
      'Finish with a postscript starting with P.S.',
      "Do not include 'can' and 'ride' in your response.",
      'The answer must be an integer.',
    ]) {
      expect(isFormatInstruction(sentence), sentence).toBe(true);
    }
  });

  it('leaves the task, and a sentence that does something with the answer', () => {
    for (const sentence of [
      'Write a poem about the sea.',
      'Create a resume for a nurse with ten years of experience.',
      'What are the benefits of learning a second language?',
      'Do not write any PRD until I ask for one.',
      'Make sure the response is sent to my manager.',
      'Your answer should be posted in the #launch channel.',
      'Use the numbers in our Q3 report.',
      'Check the output of https://status.example.com first.',
    ]) {
      expect(isFormatInstruction(sentence), sentence).toBe(false);
    }
  });

  it('needs a unit of the answer beyond the words that open the sentence', () => {
    for (const sentence of [
      'Your answer should list the open tickets in Jira.',
      'Answer with the weather in Lisbon.',
      'Format the spreadsheet as a table.',
      'Highlight the clauses that conflict with the policy.',
      'Use the words of the contract to decide whether clause 4 applies.',
    ]) {
      expect(isFormatInstruction(sentence), sentence).toBe(false);
    }
  });

  it("keeps a sentence that names the user's data, the present or a record", () => {
    for (const sentence of [
      'Your answer should use the figures in our Q3 report, in 3 bullet points.',
      'Include the words of the latest contract.',
      "Add the words 'urgent' and 'refund' to ticket 4411.",
      'All responses must be logged in the audit system.',
    ]) {
      expect(isFormatInstruction(sentence), sentence).toBe(false);
    }
  });

  it('reads no apostrophe as a quotation mark that could hide an act', () => {
    expect(
      isFormatInstruction("Do not use any commas, don't forget to send it, and don't add a title."),
    ).toBe(false);
  });
});

describe('withoutFormatInstructions', () => {
  it('drops them at the start and leaves an empty sentence in their place later', () => {
    expect(
      withoutFormatInstructions(
        'Your response should contain 3 bullet points. What are the benefits of tea?',
      ),
    ).toBe('What are the benefits of tea?');
    expect(
      withoutFormatInstructions(
        'Count the lines of every log file in /var/log. Your output should be one integer. Then explain how you counted.',
      ),
    ).toBe('Count the lines of every log file in /var/log. . Then explain how you counted.');
  });

  it('keeps a request unchanged when it has none, or when they are all it says', () => {
    const plain = 'Book a table for two at Nopa tonight. Then text Sam the time.';
    expect(withoutFormatInstructions(plain)).toBe(plain);
    const only = 'Give two different responses to "is a hot dog a sandwich?", separated by ******.';
    expect(withoutFormatInstructions(only)).toBe(only);
  });
});

describe('routing with answer-format sentences', () => {
  const router = createRouter();
  const tier = (input: string) => router.route({ input, tools: CHAT_REGISTRY }).tier;

  it('routes a request as it would without them', () => {
    const cases: [string, string][] = [
      [
        'Is it rude to recline your seat on a plane? Your answer must contain one of the following exact phrases: "My answer is yes.", "My answer is no.", "My answer is maybe."',
        'Is it rude to recline your seat on a plane?',
      ],
      [
        'Who was the first emperor of Rome? Your response should be in the format of an email to a student.',
        'Who was the first emperor of Rome?',
      ],
      [
        'Describe a rainy afternoon in Paris. Wrap your entire response in a Python code block.',
        'Describe a rainy afternoon in Paris.',
      ],
    ];
    for (const [input, task] of cases) {
      expect(tier(task), task).toBe('direct');
      expect(tier(input), input).toBe('direct');
    }
  });

  it('still escalates a request whose task needs a tool', () => {
    expect(
      tier(
        "What's the weather in Lisbon right now? Answer in all lowercase letters and use no commas.",
      ),
    ).toBe('agent');
  });
});

describe('answer forms inside the task sentence', () => {
  const router = createRouter();
  const route = (input: string) => router.route({ input, tools: CHAT_REGISTRY });
  const writing = 'the request asks for a piece of writing: writing is not a tool need';

  it('counts no sections, paragraphs, bullet points or words as items of work', () => {
    expect(
      route('Tell me about the history of jazz in 4 sections, each with a title.').signals
        .parallelism.set,
    ).toBe(false);
    for (const input of [
      'Describe your ideal weekend in 3 paragraphs and at least 5 placeholders like [place].',
      'Summarize the French Revolution in 6 sentences for a history class.',
    ]) {
      expect(route(input).signals.parallelism.score, input).toBeLessThan(0.1);
    }
  });

  it('reads a resume, a review or a critique as a piece of writing', () => {
    for (const input of [
      'Create a resume for a 20-year-old college student with no work experience.',
      'Write a review of the 1998 film Rushmore.',
      'Write a short critique of brutalist architecture.',
    ]) {
      const decision = route(input);
      expect(decision.tier, input).toBe('direct');
      expect(decision.reasons[1], input).toBe(writing);
    }
  });

  it('reads "using the letter z" as a form of the writing, not data it draws on', () => {
    const decision = route(
      'Create a dialogue between two friends using the letter z as often as possible.',
    );
    expect(decision.reasons[1]).toBe(writing);
    // Data it draws on still makes it more than writing.
    expect(
      route('Create a dialogue between two friends using the notes in our shared drive.')
        .reasons[1],
    ).not.toBe(writing);
  });
});
