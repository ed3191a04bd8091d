// The export panel's "not exported" list on a Spanish page: every reason the exporter gives for the examples and
// chapter 1's worlds, in every format and for every balancer, is worded in Spanish (its path kept as written);
// in English the list is the file's comment lines, unchanged.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishAfterEach, readScenario, spanish } from './support/words.ts';
import { EXPORT_FORMATS, exportConfig } from '../../../src/export/index.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { notExportedItem, reasonWords } from '../../../src/ui/lab/exports/not-exported-words.ts';

englishAfterEach();

/** The examples (scenarios/) and chapter 1's worlds (each lesson's scenario and scenes). */
function worlds(): string[] {
  const files = readdirSync('scenarios').map((f) => `scenarios/${f}`);
  for (const lesson of readdirSync('lessons').filter((d) => /^0[1-4]-/.test(d))) {
    files.push(`lessons/${lesson}/scenario.json`, ...readdirSync(`lessons/${lesson}/scenes`).map((s) => `lessons/${lesson}/scenes/${s}`));
  }
  return files;
}

/** Every not-exported line of every world, format and balancer. */
function lines(): string[] {
  const out = new Set<string>();
  for (const file of worlds()) {
    const v = validateScenario(readScenario(file));
    if (!v.ok) throw new Error(`${file} is not a valid scenario`);
    for (const format of EXPORT_FORMATS) {
      const balancers = format === 'terraform' ? [undefined] : v.value.balancers.map((b) => b.id);
      for (const balancer of balancers) for (const line of exportConfig(v.value, format, balancer ? { balancer } : {}).notExported) out.add(line);
    }
  }
  return [...out];
}

describe('the not-exported list', () => {
  const all = lines();

  it('has lines to word (the examples reach dozens of reasons)', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it('in English: the file\'s own lines, path and reason', () => {
    for (const line of all) {
      const { path, reason } = notExportedItem(line);
      expect(`${path}: ${reason}`).toBe(line);
      expect(reasonWords(reason)).toBe(reason); // each message's English is the exporter's sentence
    }
  });

  it('in Spanish: every reason worded, values and path as written', async () => {
    await spanish();
    const english = all.filter((line) => notExportedItem(line).reason.startsWith('(en inglés)'));
    expect(english).toEqual([]);
    expect(notExportedItem('targetGroups[0].deregistrationDelaySec: nginx has no draining delay: mark the server `down` and reload; old workers finish their requests')).toEqual({
      path: 'targetGroups[0].deregistrationDelaySec',
      reason: 'nginx no tiene retardo de drenaje: marca el servidor como `down` y recarga; los workers antiguos terminan sus solicitudes',
    });
    expect(reasonWords('one HAProxy configuration describes one balancer machine; export this one separately (--balancer ip-2)')).toBe('una configuración de HAProxy describe una sola máquina balanceadora; exporta esta por separado (--balancer ip-2)');
  });

  it('in Spanish: a reason no message knows is shown as written, marked as English', async () => {
    await spanish();
    expect(reasonWords('a reason from a newer exporter')).toBe('(en inglés) a reason from a newer exporter');
  });
});
