import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'eval/index': 'src/eval/index.ts',
    'fitted-router/index': 'src/fitted-router/index.ts',
    'testing/index': 'src/testing/index.ts',
    'http/index': 'src/http/index.ts',
    'mcp/index': 'src/mcp/index.ts',
    'bullmq/index': 'src/bullmq/index.ts',
    'providers/openai/index': 'src/providers/openai/index.ts',
    'providers/anthropic/index': 'src/providers/anthropic/index.ts',
    'cli/main': 'src/cli/main.ts',
  },
  external: [
    'openai',
    '@anthropic-ai/sdk',
    '@modelcontextprotocol/sdk',
    '@opentelemetry/api',
    'bullmq',
    'ioredis',
  ],
  format: ['esm'],
  target: 'node22',
  platform: 'node',
  dts: {
    entry: {
      index: 'src/index.ts',
      'eval/index': 'src/eval/index.ts',
      'fitted-router/index': 'src/fitted-router/index.ts',
      'testing/index': 'src/testing/index.ts',
      'http/index': 'src/http/index.ts',
      'mcp/index': 'src/mcp/index.ts',
      'bullmq/index': 'src/bullmq/index.ts',
      'providers/openai/index': 'src/providers/openai/index.ts',
      'providers/anthropic/index': 'src/providers/anthropic/index.ts',
    },
  },
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
});
