import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests of documentation snippets import the package by name, as users do.
    alias: [
      {
        find: /^tierup\/fitted-router$/,
        replacement: fileURLToPath(new URL('./src/fitted-router/index.ts', import.meta.url)),
      },
      {
        find: /^tierup\/eval$/,
        replacement: fileURLToPath(new URL('./src/eval/index.ts', import.meta.url)),
      },
      {
        find: /^tierup\/mcp$/,
        replacement: fileURLToPath(new URL('./src/mcp/index.ts', import.meta.url)),
      },
      {
        find: /^tierup\/durable$/,
        replacement: fileURLToPath(new URL('./src/durable/index.ts', import.meta.url)),
      },
      {
        find: /^tierup\/bullmq$/,
        replacement: fileURLToPath(new URL('./src/bullmq/index.ts', import.meta.url)),
      },
      {
        find: /^tierup\/http$/,
        replacement: fileURLToPath(new URL('./src/http/index.ts', import.meta.url)),
      },
      {
        find: /^tierup\/testing$/,
        replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
      },
      {
        find: /^tierup\/openai$/,
        replacement: fileURLToPath(new URL('./src/providers/openai/index.ts', import.meta.url)),
      },
      {
        find: /^tierup\/anthropic$/,
        replacement: fileURLToPath(new URL('./src/providers/anthropic/index.ts', import.meta.url)),
      },
      { find: /^tierup$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    testTimeout: 20_000,
  },
});
