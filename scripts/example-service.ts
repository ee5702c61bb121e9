// `npm run example:service`: proves tierup installs and works as a dependency. Packs the
// repository (`npm pack`, whose `prepare` builds dist/), copies examples/service to a folder
// outside the repository, installs the tarball there with the service's own dependencies, type
// checks the service against the package's .d.ts files, runs it (one request per tier against
// the mock LLM server, and one over SSE) and the `tierup` command from the installed package.
// Runs on the Node that runs this script (CI: 22 and 24). Exit code 0 when everything held.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tierup-example-service-'));
const keep = process.argv.includes('--keep');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// npm's scripts and the service run on this Node, whatever `node` is first on PATH.
const env = { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}` };

function step(title: string, command: string, args: readonly string[], cwd: string): string {
  console.log(`\n== ${title}\n$ ${[command, ...args].join(' ')}`);
  try {
    const output = execFileSync(command, args, {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(output);
    return output;
  } catch (error) {
    // What the command printed before it failed says why.
    process.stdout.write(String((error as { stdout?: unknown }).stdout ?? ''));
    throw error;
  }
}

try {
  console.log(`Node ${process.version}, working in ${work}`);
  const packed = step(
    'pack the repository',
    npm,
    ['pack', '--pack-destination', work, '--json'],
    root,
  );
  const tarball = join(
    work,
    (JSON.parse(packed.slice(packed.search(/^\[\s*$/m))) as { filename: string }[])[0]?.filename ??
      '',
  );
  const service = join(work, 'service');
  cpSync(join(root, 'examples/service'), service, {
    recursive: true,
    filter: (source) => !source.includes('node_modules'),
  });
  step(
    'install the tarball and the service dependencies',
    npm,
    ['install', '--no-audit', '--no-fund', tarball],
    service,
  );
  const manifest = JSON.parse(readFileSync(join(service, 'package.json'), 'utf8'));
  console.log(`tierup dependency: ${manifest.dependencies.tierup}`);
  step(
    'type check the service against the installed package',
    process.execPath,
    [join(service, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', service],
    service,
  );
  step(
    'run the service',
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', 'src/main.ts'],
    service,
  );
  writeFileSync(
    join(work, 'requests.jsonl'),
    `${JSON.stringify({ input: 'Where is my order 30418?', tools: [{ name: 'get_order', description: 'Look up a shop order by id.', domain: 'commerce' }] })}\n`,
  );
  const routed = step(
    'run the installed tierup command',
    process.execPath,
    [join(service, 'node_modules/tierup/dist/cli/main.js'), 'route', join(work, 'requests.jsonl')],
    service,
  );
  if (!routed.includes('"tier":"agent"'))
    throw new Error('`tierup route` did not route the request to the agent tier');
  console.log('\nexample service: ok');
} catch (error) {
  console.error(
    `\nexample service: FAILED: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
