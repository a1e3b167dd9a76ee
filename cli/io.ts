/** The process edges a command uses, handed in so commands stay plain functions. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

/** Exit codes of the CLI (README, "Command line"). */
export const Exit = {
  ok: 0,
  noCode: 1,
  usage: 2,
  refused: 3,
  network: 4,
  /** The room did not join, or is not in the meeting (call status). */
  notJoined: 5,
  /** No status source for this meeting; the invite itself was accepted. */
  noStatusSource: 6,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

/** A usage or validation problem: one line, exit 2, nothing sent. */
export class UsageError extends Error {
  override name = 'UsageError';
}
