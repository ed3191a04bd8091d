// The export panel's "not exported" list on a Spanish page: every reason the exporter gives for the examples and
// every lesson's worlds, in every format and for every balancer, is worded in Spanish (its path kept as written);
// in English the list is the file's comment lines, unchanged. (The exporter's sentences no world reaches have their
// messages too; a few are checked by hand below.)
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishAfterEach, readScenario, spanish } from './support/words.ts';
import { EXPORT_FORMATS, exportConfig } from '../../../src/export/index.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { notExportedItem, reasonWords } from '../../../src/ui/lab/exports/not-exported-words.ts';

englishAfterEach();

/** The examples (scenarios/) and every lesson's worlds (its scenario and scenes). */
function worlds(): string[] {
  const files = readdirSync('scenarios').map((f) => `scenarios/${f}`);
  for (const lesson of readdirSync('lessons').filter((d) => /^\d\d-/.test(d))) {
    const scenes = existsSync(`lessons/${lesson}/scenes`) ? readdirSync(`lessons/${lesson}/scenes`) : [];
    files.push(`lessons/${lesson}/scenario.json`, ...scenes.map((s) => `lessons/${lesson}/scenes/${s}`));
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

  it('has lines to word (the worlds reach dozens of reasons)', () => {
    expect(all.length).toBeGreaterThan(100);
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

  it('in Spanish: sentences with a choice of endings, which no world reaches, have a wording for each', async () => {
    await spanish();
    const observe = "approximated by HAProxy's `observe layer7 error-limit 5 on-error mark-down`: the server is then down until its checks pass again";
    expect(reasonWords(`${observe} (not for fail_timeout)`)).toBe('aproximado con `observe layer7 error-limit 5 on-error mark-down` de HAProxy: el servidor queda caído hasta que vuelva a superar sus comprobaciones (no durante fail_timeout)');
    expect(reasonWords(`${observe} (not for an ejection time)`)).toMatch(/\(no durante un tiempo de expulsión\)$/);
    const slow = "HAProxy's slowstart ramps the weight linearly in 16 steps, and only for a server coming back from down (not at start-up)";
    expect(reasonWords(slow)).toBe('el slowstart de HAProxy sube el peso linealmente en 16 pasos, y solo para un servidor que vuelve de estar caído (no al arrancar)');
    expect(reasonWords(`${slow}; Envoy's aggression and minimum weight are not exported`)).toMatch(/no se exportan$/);
    expect(reasonWords('AWS allows 5–300: 2 became 5')).toBe('AWS admite de 5 a 300: 2 pasó a ser 5');
  });

  it('in Spanish: a reason no message knows is shown as written, marked as English', async () => {
    await spanish();
    expect(reasonWords('a reason from a newer exporter')).toBe('(en inglés) a reason from a newer exporter');
  });
});
