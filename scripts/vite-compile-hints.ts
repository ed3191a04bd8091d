/**
 * V8's explicit compile hints (the `//# allFunctionsCalledOnLoad` magic comment, Chrome 136+: https://v8.dev/blog/explicit-compile-hints)
 * for the chunks a page runs as it starts. Without it V8 compiles each function on the main thread the first
 * time it is called — while the page starts, that was most of the code of Svelte, the shell and the page:
 * 120–170 ms of main-thread CPU (V8.ParseFunction, CompileCode, CompileIgnition) in the perf:ui sandbox's
 * start-up, spread through its longest tasks, measured in a trace of headless Chromium 156 on a busy 2-core
 * machine; about 10 ms with the hints. V8 compiles the marked chunks whole on a background thread while they
 * download. Browsers without the feature read a comment.
 *
 * Marked: the entry chunk, each page's chunk (sandbox, lessons, compare, teaching) and every chunk they import
 * statically. Not marked: what is loaded on demand (the builder, the exports, the share-link packer…), whose
 * unused functions would only cost compile time and memory.
 */
import type { Plugin } from 'vite';

const HINT = '//# allFunctionsCalledOnLoad\n';
/** The modules whose chunks open a page: compiled eagerly, with what they import statically. */
const PAGE = /\/src\/(ui\/sandbox\/SandboxPage\.svelte|ui\/lesson\/LessonRoute\.svelte|ui\/compare\/ComparePage\.svelte|ui\/teach\/TeachRoute\.svelte)$/;

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  imports: string[];
  facadeModuleId: string | null;
  isEntry: boolean;
  map: { mappings: string } | null;
}

export function compileHints(): Plugin {
  return {
    name: 'balancer-lab:compile-hints',
    apply: 'build',
    // after Vite's own rewriting (it puts its preload map at the top of a chunk): the comment must come first
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = new Map<string, ChunkLike>();
        for (const [fileName, output] of Object.entries(bundle)) if (output.type === 'chunk') chunks.set(fileName, output as unknown as ChunkLike);
        const marked = new Set<string>();
        const visit = (fileName: string) => {
          if (marked.has(fileName) || !chunks.has(fileName)) return;
          marked.add(fileName);
          for (const imported of chunks.get(fileName)!.imports) visit(imported);
        };
        for (const [fileName, chunk] of chunks) if (chunk.isEntry || (chunk.facadeModuleId !== null && PAGE.test(chunk.facadeModuleId))) visit(fileName);
        for (const fileName of marked) {
          const chunk = chunks.get(fileName)!;
          chunk.code = HINT + chunk.code;
          // the source map's lines move down by the one line added (";" in `mappings` is a generated line)
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
          const mapFile = bundle[`${fileName}.map`];
          if (mapFile?.type === 'asset' && typeof mapFile.source === 'string') {
            const map = JSON.parse(mapFile.source) as { mappings: string };
            mapFile.source = JSON.stringify({ ...map, mappings: `;${map.mappings}` });
          }
        }
      },
    },
  };
}
