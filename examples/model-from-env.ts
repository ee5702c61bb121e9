// Picks the demo's model from the environment: OpenAI (or an OpenAI-compatible server),
// Anthropic, or, with no key, a scripted model on tierup's mock LLM server.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { LanguageModel } from '../src/index.ts';
import { anthropicModel } from '../src/providers/anthropic/index.ts';
import { openaiModel } from '../src/providers/openai/index.ts';
import { startMockLlmServer } from '../src/testing/index.ts';
import { scriptedRules } from './scripted-model.ts';

/** The model the demo runs on, what to tell the user about it, and how to shut it down. */
export interface DemoModel {
  readonly model: LanguageModel;
  /** The demo's first line: where it runs, and how to run it elsewhere. */
  readonly banner: string;
  readonly close: () => Promise<void>;
}

const HOW_TO_SWITCH =
  'Set OPENAI_API_KEY, ANTHROPIC_API_KEY or OPENAI_BASE_URL to run on a real provider (TIERUP_DEMO_MODEL picks the model).';

export async function modelFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<DemoModel> {
  const chosen = env.TIERUP_DEMO_MODEL;
  if (env.OPENAI_API_KEY || env.OPENAI_BASE_URL) {
    const baseURL = env.OPENAI_BASE_URL;
    // An OpenAI-compatible server (vLLM, Ollama, LM Studio) speaks Chat Completions and may need no key.
    const client = new OpenAI({ apiKey: env.OPENAI_API_KEY ?? 'none', baseURL });
    const model = chosen ?? 'gpt-4.1-mini';
    const api = baseURL ? 'chat' : 'responses';
    return {
      model: openaiModel(client, { model, api }),
      banner: `Running on ${baseURL ? `the OpenAI-compatible server at ${baseURL}` : 'OpenAI'} with ${model} (${api === 'chat' ? 'Chat Completions' : 'Responses API'}); TIERUP_DEMO_MODEL picks another model.`,
      close: async () => {},
    };
  }
  if (env.ANTHROPIC_API_KEY) {
    const model = chosen ?? 'claude-haiku-4-5';
    return {
      model: anthropicModel(new Anthropic(), { model }),
      banner: `Running on Anthropic with ${model}; TIERUP_DEMO_MODEL picks another model.`,
      close: async () => {},
    };
  }
  // No key: the real openai client talks to a loopback server that answers from a script.
  const server = await startMockLlmServer({ rules: scriptedRules });
  const client = new OpenAI({ baseURL: server.baseURL.openai, apiKey: 'mock' });
  return {
    model: openaiModel(client, { model: 'gpt-4.1-mini', api: 'responses' }),
    banner: `Running on the local mock LLM server with a scripted model (no API key set), priced as gpt-4.1-mini. ${HOW_TO_SWITCH}`,
    close: () => server.close(),
  };
}
