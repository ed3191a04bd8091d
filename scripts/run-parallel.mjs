// `node scripts/run-parallel.mjs check lint`: runs npm scripts at the same time and fails if any fails. `npm test`
// runs svelte-check and ESLint this way: each keeps one core busy for about a minute, and CI has two. Each script's
// output is held and printed whole when it ends, so two scripts' lines never interleave.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const runs = names.map(
  (name) =>
    new Promise((resolve) => {
      const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
      const out = [];
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => out.push(d));
      child.on('close', (code) => {
        process.stdout.write(`\n> npm run ${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`}\n`);
        process.stdout.write(Buffer.concat(out));
        resolve(code === 0);
      });
    }),
);
const ok = await Promise.all(runs);
process.exit(ok.every(Boolean) ? 0 : 1);
