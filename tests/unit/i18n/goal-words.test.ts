// A lesson goal's detail in the page's language (src/viz/goal-words.ts): on real checks of every lesson but Black
// Friday (a million requests a second; its goals are of the kinds the others use), at their start and with their
// solution, every detail the goals and the clinic's cases give reads in Spanish with the Spanish decimal mark; an
// English page shows the engine's words as they are.
import { beforeAll, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { loadLessonsFromDir } from '../../../src/content/node-loader.ts';
import { runLessonCheck } from '../../../src/content/conditions.ts';
import { goalDetailWords } from '../../../src/viz/goal-words.ts';
import { englishAfterEach } from './support/words.ts';

englishAfterEach();

describe('goal details of the lessons', () => {
  let details: string[] = [];
  beforeAll(() => {
    const lessons = loadLessonsFromDir().lessons.filter((l) => l.order !== 22);
    for (const l of lessons) {
      const goals = [...l.goals, ...l.steps.flatMap((s) => (s.case === null ? [] : s.case.goals))];
      // part-way (pending goals say what they wait for) and at the check second with the solution
      for (const [changes, sec] of [[[], 30], [l.solution, l.checkSec]] as const) details.push(...runLessonCheck(l.scenario, goals, changes, sec).results.map((r) => r.detail));
    }
    details = [...new Set(details)];
  }, 60_000);

  it('in English are the engine\'s words', () => {
    expect(details.length).toBeGreaterThan(10);
    expect(details.filter((d) => goalDetailWords(d) !== d)).toEqual([]);
  });

  it('in Spanish, every one is worded again', () => {
    overwriteGetLocale(() => 'es');
    expect(details.filter((d) => goalDetailWords(d) === d)).toEqual([]);
  });

  it('a day-long world\'s moments read as clocks from the run\'s start (lesson 18\'s rush, 64,800 s to 65,400 s)', () => {
    expect(details.some((d) => d.includes('from 18:00:00 to 18:10:00'))).toBe(true);
    expect(details.some((d) => /\b6[45]\d{3} s\b/.test(d))).toBe(false);
    overwriteGetLocale(() => 'es');
    expect(goalDetailWords('p95 latency from 18:00:00 to 18:10:00 (mean of the seconds): 120 ms (goal ≤ 300 ms)')).toBe('latencia p95 de las 18:00:00 a las 18:10:00 (media de los segundos): 120 ms (objetivo ≤ 300 ms)');
  });

  it('a few in full: a window and its bound, a check\'s settings, a blind window', () => {
    overwriteGetLocale(() => 'es');
    expect(goalDetailWords("large's share of requests over the last 30 s: 33.3 % (goal ≥ 54 % and ≤ 60 %)")).toBe('proporción de solicitudes de large en los últimos 30 s: 33,3 % (objetivo ≥ 54 % y ≤ 60 %)');
    expect(goalDetailWords('p99 latency from 30 s to 60 s (worst second): 422 ms (goal ≤ 1000 ms)')).toBe('latencia p99 de los 30 s a los 60 s (el peor segundo): 422 ms (objetivo ≤ 1000 ms)');
    expect(goalDetailWords('web checks http every 30 s, timeout 5 s, healthy after 5, unhealthy after 2')).toBe('web comprueba por http cada 30 s, con 5 s de espera; sano tras 5, en mal estado tras 2');
    expect(goalDetailWords('web-1 failed at 20 s: out of rotation after 40.5 s (active health check); 383 requests failed in its blind window')).toBe(
      'web-1 falló a los 20 s: fuera de rotación tras 40,5 s (lo detectó: las comprobaciones de estado activas); 383 solicitudes fallaron en su ventana ciega',
    );
    expect(goalDetailWords('1 "takeover" entry for lb-1 (goal ≥ 1)')).toBe('1 entrada «relevo» de lb-1 (objetivo ≥ 1)');
    expect(goalDetailWords('share of requests within the SLO over the run so far: 99.6 % (goal ≥ 99 %)')).toBe('proporción de solicitudes dentro del SLO en lo que va de ejecución: 99,6 % (objetivo ≥ 99 %)');
    expect(goalDetailWords('balancer cost (USD) over the run so far: 0.00612 (goal ≤ 0.00750)')).toBe('coste del balanceador (USD) en lo que va de ejecución: 0,00612 (objetivo ≤ 0,00750)');
    expect(goalDetailWords("beta-1's requests over the run so far: 0 (goal ≥ 100)")).toBe('solicitudes de beta-1 en lo que va de ejecución: 0 (objetivo ≥ 100)');
    expect(goalDetailWords('something the engine says one day')).toBe('something the engine says one day');
  });
});
