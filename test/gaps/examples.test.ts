// Gap analysis on every example stack: sound (each reported gap's sign-in evaluates to the reported outcome) and
// complete (random sign-ins that miss the requirement always fall in a reported class).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import * as fc from 'fast-check';
import { checkSoundAndComplete, CheckCounts, signInsFor } from './helpers';
import { addExampleStacks, EXAMPLE_STACKS } from '../../examples/stacks';
import { WhatIf } from '../../src/analysis';
import { GapRequirement, GapUsers } from '../../src/gaps';
import { exampleTenant } from '../helpers/examples';

let outdir: string;
const whatIfs = new Map<string, WhatIf>();

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-gaps-'));
  const app = new App({ outdir });
  addExampleStacks(app, exampleTenant());
  app.synth();
  for (const [name] of EXAMPLE_STACKS) whatIfs.set(name, WhatIf.fromFile(path.join(outdir, 'stacks', name)));
});

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const REQUIREMENTS: Array<[string, GapRequirement, GapUsers]> = [
  ['mfa, members and guests', GapRequirement.MFA, GapUsers.ALL],
  ['block, guests', GapRequirement.BLOCK, GapUsers.GUESTS],
  ['phishing-resistant strength, members', GapRequirement.strength('Phishing-resistant MFA'), GapUsers.MEMBERS],
];

describe.each(EXAMPLE_STACKS.map(([name]) => name))('%s', (name) => {
  test.each(REQUIREMENTS)('sound and complete: %s', (_, require, users) => {
    const w = whatIfs.get(name)!;
    const counts: CheckCounts = { gaps: 0, classes: 0, failingSignIns: 0, passingSignIns: 0 };
    const signIns = fc.sample(signInsFor(w, users), { numRuns: 80, seed: 12 });
    checkSoundAndComplete(w, require, users, signIns, counts);
    expect(counts.classes).toBeGreaterThan(0);
    expect(counts.failingSignIns + counts.passingSignIns).toBe(80);
  });
});

describe('the security-info baseline', () => {
  // Learn (security info registration): members need MFA (or TAP) outside trusted locations; guests are blocked
  // outside trusted locations; emergency-access accounts are excluded from both.
  test('for MFA, the gaps are the emergency accounts, trusted locations and every resource the baseline does not target', () => {
    // the recipes deploy report-only by default, as the portal does: judge the report-only policies
    const report = whatIfs.get('security-info-baseline')!.findGaps({ require: GapRequirement.MFA, reportOnly: true });
    const described = report.gaps.map((g) => `${g.description} → ${g.outcome}`);
    expect(described).toEqual(
      expect.arrayContaining([
        'anyone · Register or join devices or any other app → allowed without MFA',
        expect.stringMatching(/^guests and external users · Register security information · .*in a trusted location .*→ allowed without MFA$/),
      ]),
    );
    // members face the strength everywhere: their only gaps are the emergency-access accounts
    for (const d of described.filter((x) => x.startsWith('members · Register security information'))) {
      expect(d).toMatch(/user 00000000-0000-0000-0000-00000000e001 or user 00000000-0000-0000-0000-00000000e002/);
    }
    for (const g of report.gaps) expect(g.access).not.toBe('requiresControls');
  });
});
