// The router on long inputs: `npm run bench:router:long`.
// Milliseconds per decision for requests of about 20,000 characters (the most of an instruction
// the router reads) in shapes that make patterns backtrack: many short sentences, punctuation and
// nothing else, one word repeated, and a request repeated with a long token in it. A pattern that
// goes quadratic shows here as hundreds of milliseconds where the others take a few.
import { createRouter } from '../src/index.ts';

const router = createRouter();
const shapes: Record<string, string> = {
  'short sentences': 'The cat sat on the mat. Then it left! Why? '.repeat(500).slice(0, 20_000),
  'punctuation only': '.,;!?'.repeat(4_000),
  'one word repeated': 'lorem ipsum dolor sit amet '.repeat(800),
  'a request repeated': `${'Please check order 12345, then email Ana. '}${'x'.repeat(50)} `.repeat(
    200,
  ),
};
const rounds = Number(process.argv[2] ?? 5);
for (const [shape, text] of Object.entries(shapes)) {
  router.route(text);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    router.route(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${shape.padEnd(20)} ${String(text.length).padStart(6)} characters: ${median.toFixed(1)} ms (median of ${rounds})`,
  );
}
