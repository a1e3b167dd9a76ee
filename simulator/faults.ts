/**
 * Fault injection for invite requests: a queue of one-shot faults (each consumed by one
 * request, in order), a persistent latency, and an optional seeded random plan. The plan is
 * validated with zod, whether it comes from code or from `PUT /__sim/faults`.
 */
import { z } from 'zod';

const MAX_DELAY_MS = 10 * 60 * 1000;
const delayMs = z.number().int().min(0).max(MAX_DELAY_MS);
const retryAfterSeconds = z.number().int().min(0).max(86_400);
const probability = z.number().min(0).max(1);

export const FaultSchema = z.discriminatedUnion('kind', [
  /** Wait `ms`, then answer normally. */
  z.strictObject({ kind: z.literal('latency'), ms: delayMs }),
  /** Read the request and never answer (the socket closes only when the simulator closes). */
  z.strictObject({ kind: z.literal('hang') }),
  /** Read the request, then destroy the connection. */
  z.strictObject({ kind: z.literal('reset') }),
  /** A server or gateway failure: 500 MMC.111070003, 502/503 APIG.0202, 504 APIG.0201. */
  z.strictObject({
    kind: z.literal('status'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    retryAfter: retryAfterSeconds.optional(),
  }),
  /** 429 with `Retry-After`; body MMC.100000429 (`mmc`, default), USG.100000429 or APIG.0308. */
  z.strictObject({
    kind: z.literal('rate-limit'),
    retryAfter: retryAfterSeconds,
    style: z.enum(['mmc', 'usg', 'apig']).optional(),
  }),
  /** Any error answer. */
  z.strictObject({
    kind: z.literal('error'),
    status: z.number().int().min(400).max(599),
    code: z.string().min(1).max(64),
    message: z.string().max(1000),
    retryAfter: retryAfterSeconds.optional(),
  }),
]);
export type Fault = z.infer<typeof FaultSchema>;

/** Seeded random faults, drawn once per invite request when the queue is empty. */
export const RandomFaultsSchema = z
  .strictObject({
    seed: z.number().int(),
    /** Probability of a 503. */
    fault503: probability.optional(),
    /** Probability of a connection reset. */
    reset: probability.optional(),
    /** Probability of a slow (but otherwise normal) answer. */
    slow: probability.optional(),
    /** Delay of a slow answer; 2000 ms by default. */
    slowMs: delayMs.optional(),
  })
  .refine((r) => (r.fault503 ?? 0) + (r.reset ?? 0) + (r.slow ?? 0) <= 1, {
    message: 'fault503 + reset + slow must not exceed 1',
  });
export type RandomFaults = z.infer<typeof RandomFaultsSchema>;

export const FaultPlanSchema = z.strictObject({
  /** One-shot faults, consumed in order, one per invite request. */
  queue: z.array(FaultSchema).max(1000).optional(),
  /** Added to every invite answer (hang and reset included, before they happen). */
  latencyMs: delayMs.optional(),
  random: RandomFaultsSchema.optional(),
});
export type FaultPlan = z.infer<typeof FaultPlanSchema>;

/** A fault that replaces the normal answer (latency only delays it). */
export type AnswerFault = Exclude<Fault, { kind: 'latency' }>;

export interface FaultDecision {
  /** Total delay before acting: persistent latency plus any latency/slow fault. */
  delayMs: number;
  /** The fault replacing the normal answer, or `null` to answer normally. */
  fault: AnswerFault | null;
}

/** mulberry32: a small, fast, seedable PRNG giving floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEFAULT_SLOW_MS = 2000;

export class FaultInjector {
  private queue: Fault[] = [];
  private latencyMs = 0;
  private random: { plan: RandomFaults; next: () => number } | null = null;

  /** Replaces the whole plan. Throws a ZodError when the plan is invalid. */
  set(plan: FaultPlan): void {
    const parsed = FaultPlanSchema.parse(plan);
    this.queue = [...(parsed.queue ?? [])];
    this.latencyMs = parsed.latencyMs ?? 0;
    this.random = parsed.random ? { plan: parsed.random, next: seededRandom(parsed.random.seed) } : null;
  }

  clear(): void {
    this.queue = [];
    this.latencyMs = 0;
    this.random = null;
  }

  /** The current plan, with only the faults still queued. */
  current(): FaultPlan {
    return {
      queue: [...this.queue],
      latencyMs: this.latencyMs,
      ...(this.random ? { random: this.random.plan } : {}),
    };
  }

  /** Decides the fate of one invite request, consuming a queued fault or a random draw. */
  next(): FaultDecision {
    let delay = this.latencyMs;
    const queued = this.queue.shift();
    if (queued) {
      if (queued.kind === 'latency') return { delayMs: delay + queued.ms, fault: null };
      return { delayMs: delay, fault: queued };
    }
    if (this.random) {
      const { plan, next } = this.random;
      const draw = next();
      const p503 = plan.fault503 ?? 0;
      const pReset = plan.reset ?? 0;
      const pSlow = plan.slow ?? 0;
      if (draw < p503) return { delayMs: delay, fault: { kind: 'status', status: 503 } };
      if (draw < p503 + pReset) return { delayMs: delay, fault: { kind: 'reset' } };
      if (draw < p503 + pReset + pSlow) delay += plan.slowMs ?? DEFAULT_SLOW_MS;
    }
    return { delayMs: delay, fault: null };
  }
}
