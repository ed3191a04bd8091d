/**
 * Real configuration out: a scenario as an nginx, HAProxy, Envoy or Terraform (AWS) configuration. Pure text in,
 * text out (no DOM, no files), for the lab's Export button and `npm run export`. Every line names the lab setting
 * it comes from; what does not translate is listed at the top and in `notExported`.
 */
import type { Scenario } from '../scenario/schema.ts';
import { exportEnvoy } from './envoy/index.ts';
import { exportHaproxy } from './haproxy/index.ts';
import { exportNginx } from './nginx/index.ts';
import { exportTerraform } from './terraform/index.ts';
import type { ExportFormat, ExportOptions, ExportResult } from './types.ts';

export { EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportResult } from './types.ts';
export { entryBalancerId } from './plan.ts';

/** The configuration of a validated scenario in `format`. Throws only on an unknown `options.balancer`. */
export function exportConfig(scenario: Scenario, format: ExportFormat, options: ExportOptions = {}): ExportResult {
  switch (format) {
    case 'nginx':
      return exportNginx(scenario, options);
    case 'haproxy':
      return exportHaproxy(scenario, options);
    case 'envoy':
      return exportEnvoy(scenario, options);
    case 'terraform':
      return exportTerraform(scenario);
  }
}

/** The usual file name for an export. */
export function exportFileName(format: ExportFormat): string {
  return { nginx: 'nginx.conf', haproxy: 'haproxy.cfg', envoy: 'envoy.yaml', terraform: 'main.tf' }[format];
}
