/**
 * Writing HCL for Terraform: quoted strings (with Terraform's `${` and `%{` escaped), expressions, lists, and
 * blocks whose every attribute carries a `#` comment naming the lab setting it came from.
 */
import { ConfigText } from '../config-text.ts';

/** A Terraform expression written as is (a reference like `var.vpc_id` or `aws_lb.web.arn`). */
export class Expr {
  constructor(readonly text: string) {}
}
export const expr = (text: string) => new Expr(text);

export type HclValue = string | number | boolean | Expr | HclValue[];

/** A quoted HCL string. */
export function hclString(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

export function hclValue(v: HclValue): string {
  if (v instanceof Expr) return v.text;
  if (Array.isArray(v)) return `[${v.map(hclValue).join(', ')}]`;
  if (typeof v === 'string') return hclString(v);
  return String(v);
}

/** A Terraform name: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function tfName(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(clean) ? clean : `_${clean}`;
}

/** An AWS resource name: letters, digits and hyphens, at most `max` characters, no hyphen at either end. */
export function awsName(id: string, max = 32): string {
  const clean = id.replace(/[^A-Za-z0-9-]/g, '-').slice(0, max).replace(/^-+|-+$/g, '');
  return clean || 'lab';
}

/** An HCL file being written. */
export class Hcl {
  readonly out = new ConfigText();
  private depth = 0;

  /** `header {` … `}` around what `body` writes. */
  block(header: string, from: string | undefined, body: () => void): void {
    this.out.line(this.depth, `${header} {`, from);
    this.depth++;
    body();
    this.depth--;
    this.out.line(this.depth, '}');
  }

  attr(name: string, value: HclValue, from?: string): void {
    this.out.line(this.depth, `${name} = ${hclValue(value)}`, from);
  }

  comment(text: string): void {
    this.out.comment(this.depth, text);
  }

  blank(): void {
    this.out.blank();
  }
}
