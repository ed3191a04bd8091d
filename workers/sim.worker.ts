/** The Web Worker that hosts the simulation engine; the page talks to it through Comlink (src/sim). */
import { expose } from 'comlink';
import { createSimApi } from './sim-api.ts';

// ICU's number data loaded here, on this thread, before the first answer: ICU's data and caches belong to the
// browser's process, not to a thread, so the page's first Intl.NumberFormat (the diagram's first numbers, drawn
// as soon as the run opens) then takes well under a millisecond instead of ~25 ms of main-thread CPU in one
// task (perf:ui trace, headless Chromium on a 2-core machine). Both page locales: this thread cannot read the choice.
for (const locale of ['en-GB', 'es-ES']) new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(1234.5);

expose(createSimApi());
