/**
 * Loads the ICU data the page's first numbers and menus need (number formats in English and Spanish, the
 * default collator of `localeCompare`), then says so. ICU's data and caches belong to the browser's process,
 * not to a thread: once a worker has built these, the page's own first `Intl.NumberFormat` or `localeCompare`
 * takes well under a millisecond instead of a long task on the main thread (measured in headless Chromium:
 * a few hundred ms of wall time on a busy machine, about 30–45 ms of CPU). Started by src/ui/shell/warm-intl.ts.
 */
for (const locale of ['en-GB', 'es-ES']) for (const digits of [0, 1, 2]) new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(1234.5);
(1234.5).toLocaleString('en-GB');
(1234.5).toLocaleString('en-US', { maximumFractionDigits: 1 });
'a'.localeCompare('b');
postMessage('warm');
