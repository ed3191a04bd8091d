/**
 * What the sandbox can start from: the example scenarios in `scenarios/*.json` (bundled at build time)
 * and a few templates, small documents meant to be edited.
 */
import { m } from '../../i18n/paraglide/messages.js';
import { fleet } from './fleet.ts';
import { EXAMPLE_DESCRIPTIONS, EXAMPLE_NAMES } from './example-names.ts';

export interface CatalogEntry {
  /** Stable key for menus and tests. */
  key: string;
  /** Its name in the page's language, read when shown (the page's language is set as it starts; in English an example's is its document's `name`). */
  readonly name: string;
  kind: 'example' | 'template';
  /** An example's document `name`, as written (English). */
  english?: string;
  /** An example's document `description`, as written (English). */
  englishDescription?: string;
  /** An example's description in the page's language. */
  readonly description?: string;
  /** A fresh copy each time, so that editing never changes the catalogue. */
  document: () => unknown;
}

const exampleFiles = import.meta.glob<unknown>('../../../scenarios/*.json', { eager: true, import: 'default' });

/** The example the lab opens with. */
export const DEFAULT_KEY = 'three-servers';

function nameOf(doc: unknown, fallback: string): string {
  const name = (doc as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : fallback;
}

function descriptionOf(doc: unknown): string | undefined {
  const description = (doc as { description?: unknown } | null)?.description;
  return typeof description === 'string' ? description : undefined;
}

const examples: CatalogEntry[] = Object.entries(exampleFiles).map(([path, doc]) => {
  const key = path.replace(/^.*\//, '').replace(/\.json$/, '');
  const english = nameOf(doc, key);
  const englishDescription = descriptionOf(doc);
  return {
    key,
    get name() {
      return EXAMPLE_NAMES[key]?.() ?? english;
    },
    get description() {
      return EXAMPLE_DESCRIPTIONS[key]?.() ?? englishDescription;
    },
    kind: 'example' as const,
    document: () => structuredClone(doc),
    english,
    englishDescription,
  };
});

/** The examples in menu order: the default first, then by name. */
function sortedExamples(): CatalogEntry[] {
  // not localeCompare: its first call builds a collator from ICU's data (~15–20 ms of CPU in one task as the menu
  // is first drawn, perf:ui trace); the examples' names are plain English, which code-unit order sorts alike
  return [...examples].sort((x, y) => (x.key === DEFAULT_KEY ? -1 : y.key === DEFAULT_KEY ? 1 : byName(x.name, y.name)));
}

/** Case-insensitive code-unit order. */
function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

const templates: CatalogEntry[] = [
  {
    key: 'blank',
    get name() {
      return m.example_blank();
    },
    kind: 'template',
    document: () => ({
      schemaVersion: 1,
      name: m.example_blank_doc_name(),
      seed: 1,
      durationSec: 120,
      traffic: { arrival: { kind: 'poisson', ratePerSec: 20 } },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [
        {
          id: 'web',
          algorithm: 'round-robin',
          targets: [
            { id: 'a', concurrency: 4, queueLimit: 50, serviceTimeMs: { dist: 'exponential', meanMs: 200 } },
            { id: 'b', concurrency: 4, queueLimit: 50, serviceTimeMs: { dist: 'exponential', meanMs: 200 } },
          ],
        },
      ],
      events: [],
    }),
  },
  {
    key: 'large-fleet',
    get name() {
      return m.example_large_fleet();
    },
    kind: 'template',
    document: () => fleet(50, 2000),
  },
];

let ordered: readonly CatalogEntry[] | null = null;

/** Every entry in menu order: the examples (the default first, then by name), then the templates. */
export function catalog(): readonly CatalogEntry[] {
  ordered ??= [...sortedExamples(), ...templates];
  return ordered;
}

/** A scenario's name as the page shows it: an example's in the page's language while it still has the example's name. */
export function scenarioTitle(name: string): string {
  return examples.find((e) => e.english === name)?.name ?? name;
}

/** A scenario's description as the page shows it: an example's in the page's language while its name and description are still the example's. */
export function scenarioTooltip(name: string, description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  return examples.find((e) => e.english === name && e.englishDescription === description)?.description ?? description;
}

export function catalogEntry(key: string): CatalogEntry | undefined {
  return examples.find((e) => e.key === key) ?? templates.find((e) => e.key === key);
}
