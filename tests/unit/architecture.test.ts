// The shape of the code, enforced: no import cycles under src/ (type-only imports count — a cycle is a
// concept without a clear owner), and the engine's loop (src/engine/simulation.ts) is reached only
// through the engine's entry, src/engine/index.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|svelte)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** Relative imports of a file (static, re-exports, side-effect and dynamic), as absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.map((spec) => resolve(dirname(file), spec));
}

/** What loading a file loads with it: its static imports but type-only ones (erased), all the way down. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:import|export)\s+(type\s+)?(?:[^'";]*?\bfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g)) if (m[1] === undefined) visit(resolve(dirname(file), m[2]));
  };
  visit(entry);
  return seen;
}

/** Strongly connected components of more than one file, by Tarjan's algorithm (a recursive component importing itself is not a cycle between concepts). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.map((f) => relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('the code base', () => {
  it('has no import cycle under src/', () => {
    const graph = new Map(files(join(ROOT, 'src')).map((f) => [f, importsOf(f)]));
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/c.ts']],
      ['/c.ts', ['/a.ts']],
      ['/d.ts', ['/a.ts']],
    ]);
    expect(cycles(graph).map((c) => c.length)).toEqual([3]);
  });

  it("starts the sandbox and draws the picture without the builder's words", () => {
    // field-words and unlock-words (~40 KB) name every field the builder edits; a start-up that imports them
    // statically fetches and compiles them before the picture (the picture's target menu once did, through the
    // lesson's refusal sentence: src/ui/lesson/locked-reason.ts is apart from unlocked.ts for that)
    const words = ['src/ui/builder/field-words.ts', 'src/ui/builder/unlock-words.ts'].map((f) => join(ROOT, f));
    for (const entry of ['src/ui/sandbox/SandboxPage.svelte', 'src/ui/lab/LabView.svelte']) {
      const loaded = staticClosure(join(ROOT, entry));
      expect(loaded.size, entry).toBeGreaterThan(20);
      expect(words.filter((w) => loaded.has(w)).map((w) => relative(ROOT, w)), entry).toEqual([]);
    }
  });

  it('reaches the engine loop only through the engine entry', () => {
    const loop = join(ROOT, 'src/engine/simulation.ts');
    const importers = ['src', 'workers', 'scripts', 'tests']
      .flatMap((dir) => files(join(ROOT, dir)))
      .filter((f) => importsOf(f).includes(loop))
      .map((f) => relative(ROOT, f));
    expect(importers).toEqual(['src/engine/index.ts']);
  });
});
