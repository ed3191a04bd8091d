import { describe, expect, it } from 'vitest';
import { compileHints } from '../../../scripts/vite-compile-hints.ts';

type Output = Record<string, { type: 'chunk' | 'asset'; [key: string]: unknown }>;

function chunk(fileName: string, imports: string[], extra: { isEntry?: boolean; facadeModuleId?: string | null } = {}) {
  return { type: 'chunk' as const, fileName, code: `/*${fileName}*/`, imports, isEntry: extra.isEntry ?? false, facadeModuleId: extra.facadeModuleId ?? null, map: { mappings: 'AAAA' } };
}

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

  it('moves the source map down by the line it adds, in the chunk and in the written .map file', () => {
    const bundle = run({
      'index.js': chunk('index.js', [], { isEntry: true }),
      'index.js.map': { type: 'asset', source: JSON.stringify({ version: 3, mappings: 'AAAA;CAAC' }) },
    });
    expect((bundle['index.js'].map as { mappings: string }).mappings).toBe(';AAAA');
    expect(JSON.parse(String(bundle['index.js.map'].source)).mappings).toBe(';AAAA;CAAC');
  });
});
