// What the error-wording tests share: the page switched to Spanish (its wording of errors loaded, as
// src/i18n/start.ts does) and back to English after each test, and the project's files read as they are.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { overwriteGetLocale } from '../../../../src/i18n/paraglide/runtime.js';
import { loadErrorWords } from '../../../../src/i18n/validation-words.ts';
import type { Scenario } from '../../../../src/scenario/schema.ts';
import type { ValidationError } from '../../../../src/scenario/validate.ts';

/** Puts the page back in English after each test of the file that calls it. */
export function englishAfterEach(): void {
  afterEach(() => overwriteGetLocale(() => 'en'));
}

/** The page in Spanish, its wording of errors loaded. */
export async function spanish(): Promise<void> {
  overwriteGetLocale(() => 'es');
  await loadErrorWords();
}

const ROOT = resolve(import.meta.dirname, '../../../..');

/** A project file's text (a path from the project's root). */
export const readText = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
/** A scenario file as written. */
export const readScenario = (file: string): Scenario => JSON.parse(readText(file)) as Scenario;
/** A locale's messages (messages/<locale>.json). */
export const messagesOf = (locale: 'en' | 'es'): Record<string, string> => JSON.parse(readText(`messages/${locale}.json`)) as Record<string, string>;

/** The errors of a failed result; none for a success. */
export const errorsOf = (v: { ok: boolean; errors?: ValidationError[] }): ValidationError[] => (v.ok ? [] : (v.errors ?? []));
