/** Primitives shared by every part of the scenario schema: ids, times, rates, distributions, names. */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';

export const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "_", "." or "-" (and start with a letter or digit)');

export const ms = z.number().min(0).max(LIMITS.maxMs);
export const positiveMs = z.number().gt(0).max(LIMITS.maxMs);

/** A service-time (or think-time) distribution, in milliseconds, written as an object. */
const DistributionObjectSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('constant'), valueMs: ms.describe('Every draw takes exactly this long.') }),
  z.strictObject({ dist: z.literal('exponential'), meanMs: positiveMs.describe('The mean of an exponential distribution (many short, a few long).') }),
  z
    .strictObject({ dist: z.literal('lognormal'), medianMs: positiveMs.describe('Half the draws are shorter than this.'), p99Ms: positiveMs.describe('99 % of the draws are shorter than this.') })
    .refine((d) => d.p99Ms >= d.medianMs, { message: 'p99Ms must be at least medianMs', path: ['p99Ms'] }),
  z
    .strictObject({ dist: z.literal('uniform'), minMs: ms.describe('The shortest draw.'), maxMs: ms.describe('The longest draw.') })
    .refine((d) => d.maxMs >= d.minMs, { message: 'maxMs must be at least minMs', path: ['maxMs'] }),
]);

/**
 * A distribution of milliseconds (service, think, query, connection times): an object, or a plain number
 * meaning a constant (`5` reads as `{ "dist": "constant", "valueMs": 5 }`).
 */
export const DistributionSchema = z
  .union([ms, DistributionObjectSchema])
  .transform((d) => (typeof d === 'number' ? { dist: 'constant' as const, valueMs: d } : d));

export const rate = z.number().min(0).max(LIMITS.maxRatePerSec);

/** A zone, region, continent or country name. */
export const placeName = z.string().min(1).max(40);

export const headerName = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name');

/** A dotted IPv4 address such as "10.0.0.1". */
export const ipv4 = z.string().regex(/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/, 'must be a dotted IPv4 address');

/** A request path: starts with "/", may carry a query. */
export const requestPath = z.string().min(1).max(256).regex(/^\//, 'must start with "/"');
