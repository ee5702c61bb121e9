// `npm run demo`: runs a small support desk's requests end to end and prints, for each, the
// router's decision, the tier it finished on, escalations, agents, tool calls, tokens and cost.
// With no API key it runs offline, on tierup's mock LLM server with a scripted model.
// In your code, import from 'tierup' (and 'tierup/openai', 'tierup/testing') instead of '../src/...'.
import { createTierup } from '../src/index.ts';
import { requests } from './demo-requests.ts';
import { modelFromEnv } from './model-from-env.ts';
import { clip, printFailure, printRun } from './print-run.ts';
import { INSTRUCTIONS, tools } from './shop.ts';

const { model, banner, close } = await modelFromEnv();
console.log(banner);

let failures = 0;
try {
  const tierup = createTierup({
    model,
    tools,
    instructions: INSTRUCTIONS,
    // The customer's address comes from the order the user named: let the email go there.
    permit: [{ tool: 'send_email', argument: 'to', from: 'get_order' }],
  });
  for (const [i, { title, task }] of requests.entries()) {
    console.log(`\n[${i + 1}/${requests.length}] ${title}`);
    console.log(`  ${'request'.padEnd(11)}"${clip(task.input)}"`);
    try {
      printRun(await tierup.run(task));
    } catch (error) {
      failures++;
      printFailure(error);
    }
  }
} finally {
  await close();
}

if (failures > 0) {
  console.error(`\n${failures} of ${requests.length} requests failed.`);
  process.exitCode = 1;
}
