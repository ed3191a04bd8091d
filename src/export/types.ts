/** The shapes shared by every exporter. */

export const EXPORT_FORMATS = ['nginx', 'haproxy', 'envoy', 'terraform'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** nginx, HAProxy and Envoy describe one balancer machine: which one (default: the entry balancer). */
  balancer?: string;
  /** Where the configuration expects files (defaults: the system's usual directories under /etc and /var/log). */
  paths?: { certDir?: string; logDir?: string };
}

export interface ExportResult {
  /** The configuration file's text. */
  text: string;
  /** Settings that do not translate, each "path: because …" (the same list as the comment block at the top). */
  notExported: string[];
}
