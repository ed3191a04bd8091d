// The lab's own sentences in Spanish (issue 19): a decision line, a live change and a scaling group's capacity,
// for known inputs; English stays as it was (the English expectations are the ones other tests already hold).
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { decisionWords } from '../../../src/viz/decision-words.ts';
import { describeChange } from '../../../src/ui/sim/live-config.ts';
import { capacityText } from '../../../src/viz/capacity-chart.ts';
import { zoneBandLabel } from '../../../src/viz/infra-text.ts';
import { refWords } from '../../../src/viz/node-ref.ts';
import type { Decision } from '../../../src/engine/decisions.ts';

afterEach(() => overwriteGetLocale(() => 'en'));

// 6 of 10 failed in a 10 s window: 60 % ≥ 50 %, with at least 5 seen → open for 30 s
const circuit: Decision = { kind: 'circuit', to: 'open', failed: 6, seen: 10, errorRatePercent: 50, minRequests: 5, windowSec: 10, probes: 0, openSec: 30 };
// second ejection: 30 s × 2 = 60 s
const ejection = { kind: 'ejection', consecutiveErrors: 5, threshold: 5, ejections: 2, baseEjectionSec: 30, ejectionSec: 60, ejectedNow: 1, maxEjected: 1 } as Decision;
const report = { desired: 4, min: 2, max: 8, instances: [{ state: 'in-service' }, { state: 'in-service' }, { state: 'booting' }] } as Parameters<typeof capacityText>[0];

describe('lab words', () => {
  it('in English, as before', () => {
    expect(decisionWords(circuit)).toBe('6 of 10 requests in the last 10 s failed = 60 % ≥ 50 % (at least 5 seen) → open for 30 s');
    expect(describeChange({ action: 'slow', target: 'b', factor: 2.5 })).toBe('b: 2.5× slower');
    expect(capacityText(report)).toBe('desired 4 (min 2, max 8): 2 in service, 1 booting');
    expect(refWords({ kind: 'rule', balancer: 'alb', listener: 0, rule: 1 })).toBe('rule 2 of listener 1 of alb');
    expect(refWords({ kind: 'target-group', id: 'web' })).toBe('target group web');
  });

  it('in Spanish: the same numbers, Spanish words and a decimal comma', () => {
    overwriteGetLocale(() => 'es');
    expect(decisionWords(circuit)).toBe('fallaron 6 de 10 solicitudes en los últimos 10 s = 60 % ≥ 50 % (vistas al menos 5) → abierto durante 30 s');
    // a failed check's reason as the event log says it
    expect(decisionWords({ kind: 'health-check', model: 'consecutive', to: 'unhealthy', results: [false, false], threshold: 2, immediate: false, lastFailure: 'connection refused' } as Decision)).toContain('conexión rechazada');
    expect(decisionWords(ejection)).toBe('5 errores seguidos alcanzaron consecutive_5xx 5; expulsados 1 de como mucho 1; tiempo 30 s × expulsión 2 = 60 s');
    expect(describeChange({ action: 'slow', target: 'b', factor: 2.5 })).toBe('b: 2,5× más lento');
    expect(describeChange({ action: 'set-algorithm', group: 'web', algorithm: 'least-connections' })).toBe('web: algoritmo least-connections');
    expect(capacityText(report)).toBe('deseada 4 (mín. 2, máx. 8): 2 en servicio, 1 arrancando');
    expect(zoneBandLabel('a', 1, true, 400, 12)).toEqual({ title: 'zona a', detail: 'caída · 1 destino' });
    // a node picked on the diagram, as the builder's tooltip and "not in the scenario" notice name it
    expect(refWords({ kind: 'rule', balancer: 'alb', listener: 0, rule: 1 })).toBe('la regla 2 del agente de escucha 1 de alb');
    expect(refWords({ kind: 'scaling-group', id: 'asg' })).toBe('grupo de escalado asg');
  });
});
