/**
 * Why a live change cannot apply, as data: a validation error at "(change)" with its code and values, so
 * the page words it in its own language (src/i18n/validation-messages.ts) while the CLI and Node keep the
 * English sentence (scenario/error-templates.ts). The change itself then changes nothing.
 */
import { coded, type ErrorCode } from '../scenario/error-codes.ts';
import type { ErrorParam, ValidationError } from '../scenario/validated.ts';

export type Refusal = ValidationError;

/** The refusal `code` with its values. */
export function refuse(code: ErrorCode, params: Readonly<Record<string, ErrorParam>> = {}): Refusal {
  return coded('(change)', code, params);
}
