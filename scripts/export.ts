// `npm run --silent export -- <scenario.json> --format nginx|haproxy|envoy|terraform [--balancer <id>]`:
// prints a real balancer's configuration for a scenario (src/export). Exit 1: invalid scenario; 2: bad arguments.
import { readFileSync } from 'node:fs';
import { EXPORT_FORMATS, exportConfig, type ExportFormat } from '../src/export/index.ts';
import { formatErrors, validateScenario } from '../src/scenario/validate.ts';

const USAGE = `usage: npm run --silent export -- <scenario.json> --format ${EXPORT_FORMATS.join('|')} [--balancer <id>]`;

function fail(message: string, code: number): never {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  process.exit(code);
}

function parseArgs(argv: string[]): { file: string; format: ExportFormat; balancer?: string } {
  let file = '';
  let format: string | undefined;
  let balancer: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => (i + 1 < argv.length ? argv[++i] : fail(`${a} needs a value\n${USAGE}`, 2));
    if (a === '--format') format = next();
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--balancer') balancer = next();
    else if (a === '--help' || a === '-h') fail(USAGE, 0);
    else if (a.startsWith('-')) fail(`unknown option ${a}\n${USAGE}`, 2);
    else if (file === '') file = a;
    else fail(`only one scenario file, got "${file}" and "${a}"\n${USAGE}`, 2);
  }
  if (file === '') fail(`no scenario file\n${USAGE}`, 2);
  if (format === undefined) fail(`--format is required\n${USAGE}`, 2);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) fail(`unknown format "${format}"\n${USAGE}`, 2);
  return { file, format: format as ExportFormat, balancer };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    fail(`cannot read ${args.file}: ${(e as Error).message}\n${USAGE}`, 2);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(`${args.file}: (root): not valid JSON: ${(e as Error).message}`, 1);
  }
  const v = validateScenario(raw);
  if (!v.ok) fail(`${args.file}: invalid scenario\n${formatErrors(v.errors)}`, 1);
  if (args.balancer !== undefined && !v.value.balancers.some((b) => b.id === args.balancer)) {
    fail(`no balancer "${args.balancer}" in ${args.file} (balancers: ${v.value.balancers.map((b) => b.id).join(', ')})\n${USAGE}`, 2);
  }
  process.stdout.write(exportConfig(v.value, args.format, { balancer: args.balancer }).text);
}

main();
