import { describe, expect, it } from 'vitest';
import { compileHints } from '../../../scripts/vite-compile-hints.ts';

type Output = Record<string, { type: 'chunk' | 'asset'; [key: string]: unknown }>;

function chunk(fileName: string, imports: string[], extra: { isEntry?: boolean; facadeModuleId?: string | null; moduleIds?: string[] } = {}) {
  const facadeModuleId = extra.facadeModuleId ?? null;
  const moduleIds = extra.moduleIds ?? (facadeModuleId === null ? [] : [facadeModuleId]);
  return { type: 'chunk' as const, fileName, code: `/*${fileName}*/`, imports, isEntry: extra.isEntry ?? false, facadeModuleId, moduleIds, map: { mappings: 'AAAA' } };
}
const hintedIn = (bundle: Output) =>
  Object.entries(bundle)
    .filter(([, o]) => o.type === 'chunk' && String(o.code).startsWith('//# allFunctionsCalledOnLoad\n'))
    .map(([name]) => name)
    .sort();

/** Runs the plugin's generateBundle on a made-up bundle. */
function run(bundle: Output): Output {
  const hook = compileHints().generateBundle as unknown as { handler: (options: unknown, bundle: Output) => void };
  hook.handler({}, bundle);
  return bundle;
}

describe('compile hints', () => {
  it('marks the entry, the pages and what they import statically — not what is loaded on demand', () => {
    const bundle = run({
      'index.js': chunk('index.js', ['runtime.js'], { isEntry: true, facadeModuleId: '/repo/index.html' }),
      'runtime.js': chunk('runtime.js', []),
      'SandboxPage.js': chunk('SandboxPage.js', ['Tabs.js', 'runtime.js'], { facadeModuleId: '/repo/src/ui/sandbox/SandboxPage.svelte' }),
      'Tabs.js': chunk('Tabs.js', ['d3.js']),
      'd3.js': chunk('d3.js', []),
      'BuilderPanel.js': chunk('BuilderPanel.js', ['zod.js'], { facadeModuleId: '/repo/src/ui/builder/BuilderPanel.svelte' }),
      'zod.js': chunk('zod.js', []),
      'index.js.map': { type: 'asset', source: JSON.stringify({ version: 3, mappings: 'AAAA;CAAC' }) },
    });
    const hinted = Object.entries(bundle).filter(([, o]) => o.type === 'chunk' && String(o.code).startsWith('//# allFunctionsCalledOnLoad\n')).map(([name]) => name);
    expect(hinted.sort()).toEqual(['SandboxPage.js', 'Tabs.js', 'd3.js', 'index.js', 'runtime.js']);
    expect(bundle['zod.js'].code).toBe('/*zod.js*/');
  });

  it('leaves out the chunks a start-up barely calls, but marks what they import for the page', () => {
    const bundle = run({
      'index.js': chunk('index.js', [], { isEntry: true }),
      'LessonPage.js': chunk('LessonPage.js', ['EventLog.js', 'field-words.js', 'LazyPart.js'], { facadeModuleId: '/repo/src/ui/lesson/LessonPage.svelte' }),
      // the event log's chunk holds its words too: still cold as a whole
      'EventLog.js': chunk('EventLog.js', ['LazyPart.js'], { moduleIds: ['/repo/src/i18n/paraglide/messages/event_crash.js', '/repo/src/ui/lab/EventLog.svelte'] }),
      'field-words.js': chunk('field-words.js', [], { moduleIds: ['/repo/src/ui/builder/field-words.ts'] }),
      'LazyPart.js': chunk('LazyPart.js', [], { moduleIds: ['/repo/src/ui/shell/LazyPart.svelte', '/repo/src/ui/lab/TopologyView.svelte'] }),
    });
    expect(hintedIn(bundle)).toEqual(['LazyPart.js', 'LessonPage.js', 'index.js']);
  });

  it('moves the source map down by the line it adds, in the chunk and in the written .map file', () => {
    const bundle = run({
      'index.js': chunk('index.js', [], { isEntry: true }),
      'index.js.map': { type: 'asset', source: JSON.stringify({ version: 3, mappings: 'AAAA;CAAC' }) },
    });
    expect((bundle['index.js'].map as { mappings: string }).mappings).toBe(';AAAA');
    expect(JSON.parse(String(bundle['index.js.map'].source)).mappings).toBe(';AAAA;CAAC');
  });
});
