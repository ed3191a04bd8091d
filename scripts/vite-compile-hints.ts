/**
 * V8's explicit compile hints (the `//# allFunctionsCalledOnLoad` magic comment, Chrome 136+: https://v8.dev/blog/explicit-compile-hints)
 * for the chunks a page runs as it starts. Without it V8 compiles each function on the main thread the first
 * time it is called — while the page starts, that was most of the code of Svelte, the shell and the page:
 * 120–170 ms of main-thread CPU (V8.ParseFunction, CompileCode, CompileIgnition) in the perf:ui sandbox's
 * start-up, spread through its longest tasks, measured in a trace of headless Chromium 156 on a busy 2-core
 * machine; about 10 ms with the hints. V8 compiles the marked chunks whole on a background thread while they
 * download. Browsers without the feature read a comment.
 *
 * Marked: the entry chunk, each page's chunk (sandbox, lessons, the lesson player, compare, teaching) and every
 * chunk they import statically, but for the cold ones. Not marked: what is loaded on demand (the builder, the
 * exports, the share-link packer…), and the chunks a page loads as it starts but barely calls (COLD): V8 would
 * compile every function of them on the thread pool, which shares the 2 cores with the main thread while the page
 * starts. `npx tsx scripts/perf-coverage.ts` gives each start-up's chunks and how much of each it calls; at the
 * first step of lesson 1, 1 of the 584 functions of the event log's chunk, 6 of the 512 of the parameter panel's,
 * none of the builder's field and unlock words (849 and 314), 50 of zod's 463. Unmarking them took the thread
 * pool's compiling at that start-up from ~270 to ~200 ms of CPU (home page ~290 → ~240), the main thread's from
 * ~5 to ~12 (perf:ui --hash, 2×2 first visits each, interleaved, load 14–25). With the lesson player a chunk of
 * its own too, the home page's thread pool compiles ~110 ms instead of ~250 (3 first visits each, load 10–18).
 */
import type { Plugin } from 'vite';

const HINT = '//# allFunctionsCalledOnLoad\n';
/** The modules whose chunks open a page: compiled eagerly, with what they import statically. */
const PAGE = /\/src\/(ui\/sandbox\/SandboxPage\.svelte|ui\/lesson\/(LessonRoute|LessonPage)\.svelte|ui\/compare\/ComparePage\.svelte|ui\/teach\/TeachRoute\.svelte)$/;
/**
 * Modules whose chunk a page's start-up barely calls (see the header): the event log and the parameter panel
 * (not on screen at a lesson's first step; since startup4 loaded with their tab, in the lesson as in the sandbox), the builder's words, zod's core (a lesson's progress is checked with
 * it, little of it runs), the lessons' summaries with the progress checks (38 of the 198 functions of their chunk
 * at lesson 1's first step; each lesson's own chunk is data read by JSON.parse and is loaded on demand, unmarked).
 */
const COLD = /\/(src\/ui\/lab\/EventLog\.svelte|src\/ui\/sim\/ParameterPanel\.svelte|src\/ui\/builder\/(field|unlock)-words\.ts|node_modules\/zod\/v4\/core\/api\.js|src\/content\/lessons\.ts)$/;

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  imports: string[];
  facadeModuleId: string | null;
  isEntry: boolean;
  moduleIds: string[];
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
        const visited = new Set<string>();
        const visit = (fileName: string) => {
          if (visited.has(fileName) || !chunks.has(fileName)) return;
          visited.add(fileName);
          const chunk = chunks.get(fileName)!;
          if (!chunk.moduleIds.some((id) => COLD.test(id))) marked.add(fileName);
          for (const imported of chunk.imports) visit(imported);
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
