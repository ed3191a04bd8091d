// A journey's words as data (src/engine/explain/phrase.ts): the engine's English templates are messages/en.json's
// word for word; on real runs the page's wording in English gives back every step's text as the engine wrote
// it; in Spanish a known step reads in Spanish with numbers the Spanish way.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { JourneyRecorder } from '../../../src/engine/explain/index.ts';
import { EN_TEMPLATES } from '../../../src/engine/explain/explain-templates.ts';
import { english, list, say } from '../../../src/engine/explain/phrase.ts';
import { journeyWords, outcomeText, stepWords } from '../../../src/ui/explain/journey-words.ts';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { checked, simple } from './support/scenarios.ts';

afterEach(() => overwriteGetLocale(() => 'en'));

const ROOT = resolve(import.meta.dirname, '../../..');
const en = JSON.parse(readFileSync(join(ROOT, 'messages/en.json'), 'utf8')) as Record<string, string>;

describe('journey phrases', () => {
  it("the engine's English templates are messages/en.json's", () => {
    const differ = Object.entries(EN_TEMPLATES).filter(([k, v]) => en[k] !== v).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('in English, the page words every step of a run exactly as the engine wrote it', () => {
    // a crash, a queue, timeouts and retries: most kinds of step
    const base = simple({ targets: 3, ratePerSec: 40, concurrency: 2, queueLimit: 4, timeoutMs: 800, serviceMs: 80, seed: 5 });
    const s = checked({ ...base, events: [{ atSec: 5, action: 'crash', target: 'b' }] } as never);
    const rec = new JourneyRecorder({ all: true, keep: 100_000 });
    const sim = createSimulation(s, { recorder: rec });
    sim.runUntil(10_000);
    let steps = 0;
    for (let id = 0; id < 400; id++) {
      for (const step of rec.journey(id)?.steps ?? []) {
        steps++;
        expect(stepWords(step)).toEqual({ where: step.where, what: step.what, why: step.why });
      }
    }
    expect(steps).toBeGreaterThan(1000);
  });

  it('in Spanish, a step reads in Spanish with a decimal comma', () => {
    overwriteGetLocale(() => 'es');
    const why = list([say('explain_step_slots_busy', { busy: '3', slots: '4', hung: '' }), say('explain_step_request_timeout', { s: 2.5 })]);
    expect(english(why)).toBe('3 of 4 slots busy; request timeout 2.5 s');
    expect(journeyWords(why)).toBe('3 de 4 huecos ocupados; tiempo límite de la solicitud 2,5 s');
    expect(journeyWords(say('explain_pick_picks', { algorithm: 'round-robin', id: 'web-2' }))).toBe('round-robin elige web-2');
    expect(outcomeText('no-target')).toBe('sin destino');
  });
});
