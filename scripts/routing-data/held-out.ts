// Shared by the builders of data/routing/held-out/ (koala.ts, ifeval.ts): each prompt of a held-out
// set is placed under the seven-tool assistant registry of `npm run eval:chat-registry`
// (scripts/chat-registry.ts) and labeled there, direct unless the builder's hand-read needs name a
// tool. A prompt that a training record holds too (same text, trimmed and lowercased) would not be
// held out: it is left out. The records keep the source's order; gzip level 9, so the same source
// gives the same bytes.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CHAT_REGISTRY } from '../chat-registry.ts';
import { loadRoutingRecords } from '../routing-records.ts';
import { LabeledRecord, label, tool } from './lib.ts';

/** A prompt that needs tools of the registry, read by hand, with a one-line reason. */
export interface HeldOutNeed {
  tools: readonly string[];
  why: string;
}

type Flags = { untrustedInput?: boolean; sensitiveData?: boolean; sideEffects?: boolean };

/**
 * Labels `prompts` (`id` as in the source) under the chat registry and writes
 * data/routing/held-out/<source>.jsonl.gz with ids `<source>:<id>`; prints the counts.
 * Throws when a need names an id the source does not hold or a prompt a training record holds.
 */
export function writeHeldOut(
  source: string,
  prompts: readonly { id: string; prompt: string }[],
  needs: Readonly<Record<string, HeldOutNeed>>,
): LabeledRecord[] {
  const tools = CHAT_REGISTRY.map((t) => tool(t.name, t.description, t.domain, t as Flags));
  const key = (text: string) => text.trim().toLowerCase();
  const trained = new Set(loadRoutingRecords().map((r) => key(r.input)));
  const records: LabeledRecord[] = [];
  const dropped: string[] = [];
  for (const { id, prompt } of prompts) {
    if (trained.has(key(prompt))) {
      dropped.push(id);
      continue;
    }
    const need = needs[id];
    records.push(
      LabeledRecord.parse({
        id: `${source}:${id}`,
        source,
        input: prompt.trim(),
        tools,
        expected: need ? label({ toolUse: true }, need.tools) : label({}),
      }),
    );
  }
  const ids = new Set(prompts.map((p) => p.id));
  for (const id of Object.keys(needs)) {
    if (!ids.has(id))
      throw new Error(`${source}: a need names ${id}, which the source does not hold`);
    if (dropped.includes(id))
      throw new Error(`${source}: ${id} needs a tool but a training record holds it`);
  }
  const out = new URL(`../../data/routing/held-out/${source}.jsonl.gz`, import.meta.url);
  const text = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
  writeFileSync(out, gzipSync(text, { level: 9 }));
  console.log(
    `${source}: ${records.length} records, ${Object.keys(needs).length} labeled toolUse; ${dropped.length} left out as a training source holds them`,
  );
  return records;
}
