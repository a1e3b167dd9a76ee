/**
 * Property-based tests of the parser (fast-check): for 10,000 generated inputs — random text,
 * mutated real payloads, hostile characters — it never throws, always answers one of the four
 * kinds, and stays fast; and the app's own link round-trips every valid meeting and terminal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAppLink, parsePayload } from '../../shared/payload/index';
import { normalizePassword } from '../../shared/payload/normalize';

const KINDS = new Set(['meeting', 'terminal', 'both', 'unknown']);
const SLOW_MS = 5;

const realPayloads = [
  'https://meeting.huaweicloud.com/#/j/985726402/EWmHgcyGmDYDQEamd0oT9TcSwzMUxZlLA',
  'cloudlink://welinksoftclient/h5page?page=joinConfByLink&server_url=meeting.huaweicloud.com&conf_id=914083136&enter_code=123123',
  '会议ID：914 083 136\n来宾密码：123123\n主持人密码：654321',
  'Meeting ID: 914-083-136\nGuest password: 123123',
  '{"confID":"914083136","pwd":"123123","callNum":"+99111253020382685","orgID":"115489","numBelongsType":0}',
  'sip:+99111253020382685@huaweicloud.com',
  'qr-room-invite://v1?meeting=914083136&password=123123&terminal=%2B99111253020382685',
];

/** Real payloads cut, spliced and sprinkled with awkward characters. */
const mutated = fc
  .tuple(
    fc.constantFrom(...realPayloads),
    fc.nat(),
    fc.nat(),
    fc.string({
      unit: fc.constantFrom('\u0000', '\u202e', '：', '９', '%', '&', '=', '#', '/', ' ', '\n', 'a', '1', '"', '{', '@', '\ufffd'),
    }),
  )
  .map(([text, a, b, noise]) => {
    const i = a % (text.length + 1);
    const j = b % (text.length + 1);
    return text.slice(0, Math.min(i, j)) + noise + text.slice(Math.max(i, j));
  });

const anyInput = fc.oneof(
  { weight: 3, arbitrary: mutated },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 1, arbitrary: fc.json() },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('1', '2', ' ', '-', '.', '：', 'ID', '密码', ':'), minLength: 3000, maxLength: 4200 }),
  },
  { weight: 1, arbitrary: fc.anything() },
);

/**
 * Best time of a few parses of one input: a garbage-collection pause or a busy core makes one
 * call slow, while a slow input (say, regex backtracking) is slow every time.
 */
function parseTime(input: unknown, attempts = 3): number {
  let best = Infinity;
  for (let attempt = 0; attempt < attempts && best >= SLOW_MS; attempt++) {
    const started = performance.now();
    parsePayload(input);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('parsePayload properties', () => {
  it('never throws, always answers a known kind, within 5 ms, for 10,000 inputs', () => {
    // Warm the JIT first: the first calls of any function are slow for reasons of the engine, not the input.
    for (let i = 0; i < 50; i++) for (const text of realPayloads) parsePayload(text);
    let slowest = 0;
    let slowestInput = '';
    const suspects: unknown[] = [];
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = parsePayload(input);
        expect(KINDS.has(result.kind)).toBe(true);
        if (result.kind === 'unknown') {
          expect(result.reason.en.length).toBeGreaterThan(0);
          expect(result.reason['zh-CN'].length).toBeGreaterThan(0);
        }
        const ms = parseTime(input);
        if (ms > slowest) [slowest, slowestInput] = [ms, String(JSON.stringify(input)).slice(0, 60)];
        if (ms >= SLOW_MS) suspects.push(input);
      }),
      { numRuns: 10_000, seed: 20261125 },
    );
    // Inputs that looked slow are measured again, apart from the run: a slow input stays slow.
    for (const input of suspects) {
      const ms = parseTime(input, 20);
      expect(ms, `parsing ${String(JSON.stringify(input)).slice(0, 80)} took ${ms.toFixed(2)} ms`).toBeLessThan(SLOW_MS);
    }
    console.log(
      `parser: 10,000 generated inputs, slowest parse ${slowest.toFixed(2)} ms (${slowestInput}); ${suspects.length} re-measured`,
    );
  }, 120_000);

  it('round-trips the app link for every valid meeting, terminal, or both', () => {
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const meeting = fc
      .record(
        {
          id: digits(6, 20),
          password: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 64 }).filter((p) => normalizePassword(p) === p),
          passwordRole: fc.constantFrom<'guest' | 'host'>('guest', 'host'),
          site: fc.constantFrom<'cn' | 'intl'>('cn', 'intl'),
        },
        { requiredKeys: ['id'] },
      )
      .map(({ passwordRole, ...m }) => (m.password !== undefined && passwordRole ? { ...m, passwordRole } : m)); // a role belongs to a password
    const terminal = fc.record(
      {
        callNum: fc.tuple(fc.boolean(), digits(3, 32)).map(([plus, d]) => `${plus ? '+' : ''}${d}`),
        orgId: fc.string({ unit: fc.constantFrom(...'abcXYZ019-_'), minLength: 1, maxLength: 64 }),
        numberType: fc.constantFrom<0 | 1>(0, 1),
        name: fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 64 })
          .filter((n) => n.trim() === n && n.length > 0 && !/\p{Cc}/u.test(n)),
      },
      { requiredKeys: ['callNum'] },
    );
    const payload = fc.oneof(
      meeting.map((m) => ({ meeting: m })),
      terminal.map((t) => ({ terminal: t })),
      fc.record({ meeting, terminal }),
    );
    fc.assert(
      fc.property(payload, (p) => {
        const parsed = parsePayload(buildAppLink(p));
        const kind = 'meeting' in p && 'terminal' in p ? 'both' : 'meeting' in p ? 'meeting' : 'terminal';
        expect(parsed.kind).toBe(kind);
        if ('meeting' in p) expect(parsed).toMatchObject({ meeting: p.meeting });
        if ('terminal' in p) expect(parsed).toMatchObject({ terminal: p.terminal });
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });
});
