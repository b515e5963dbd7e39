import { App, Testing } from 'cdktf';
import { newStack, quietPolicy } from './fixtures';
import { ConditionalAccessRules, IncludedUsers, IpNamedLocation, PolicyState, RuleSuppressions, TargetResources, UserAction } from '../../src';

/** Suppressions per construct, per stack and per app, with a written reason. */

const REASON = 'Tested with the What-If scenarios in CI before it is turned on';

function reportOnlyUserAction(stack: ReturnType<typeof newStack>, id = 'Policy') {
  return quietPolicy(stack, id, { state: PolicyState.REPORT_ONLY, target: TargetResources.userActions(UserAction.REGISTER_SECURITY_INFORMATION) });
}

describe('suppressing a finding', () => {
  test('per construct: only that construct, only that rule', () => {
    const stack = newStack();
    const suppressed = reportOnlyUserAction(stack, 'Suppressed');
    reportOnlyUserAction(stack, 'Other');
    RuleSuppressions.of(suppressed).add('CA2', REASON);
    RuleSuppressions.of(suppressed).add('CA7', REASON);
    expect(ConditionalAccessRules.check(stack).map((f) => [f.ruleId, f.path])).toEqual([['CA2', 'stack/Other']]);
    expect(RuleSuppressions.of(suppressed).reasonFor('CA2')).toBe(REASON);
    expect(RuleSuppressions.of(suppressed).reasonFor('CA1')).toBeUndefined();
  });

  test('per stack: every construct in the stack, not other stacks', () => {
    const stack = newStack();
    const other = newStack(stack.node.root as App, 'other');
    reportOnlyUserAction(stack, 'One');
    new IpNamedLocation(stack, 'Office', { displayName: 'Office', ipRanges: ['10.0.0.0/16'] });
    reportOnlyUserAction(other, 'Two');
    RuleSuppressions.of(stack).add('CA2', REASON);
    RuleSuppressions.of(stack).add('CA8', 'Lab stack: private ranges on purpose');
    expect(ConditionalAccessRules.check(stack.node.root).map((f) => [f.ruleId, f.path])).toEqual([['CA2', 'other/Two']]);
    expect(RuleSuppressions.of(stack.node.findChild('One')).reasonFor('CA8')).toBe('Lab stack: private ranges on purpose');
  });

  test('per app, and the innermost reason wins', () => {
    const stack = newStack();
    const p = reportOnlyUserAction(stack);
    RuleSuppressions.of(stack.node.root).add('CA2', 'App-wide: every user-action policy has What-If tests');
    expect(ConditionalAccessRules.check(stack)).toEqual([]);
    RuleSuppressions.of(p).add('CA2', REASON);
    expect(RuleSuppressions.of(p).reasonFor('CA2')).toBe(REASON);
  });

  test('an error can be suppressed too, and then synth passes', () => {
    const stack = newStack();
    const p = quietPolicy(stack, 'Policy', { includeUsers: IncludedUsers.all() });
    expect(() => Testing.synth(stack, true)).toThrow(/CA1/);
    RuleSuppressions.of(p).add('CA1', 'Break-glass accounts are excluded by a group managed outside this app');
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a suppression reason is trimmed', () => {
    const stack = newStack();
    RuleSuppressions.of(stack).add('CA8', `   ${REASON}   `);
    expect(RuleSuppressions.of(stack).reasonFor('CA8')).toBe(REASON);
  });
});

describe('a suppression needs a known rule and a written reason', () => {
  test.each([
    ['missing reason', 'CA2', undefined, "reason: '' is too short; write why suppressing CA2 is safe here (at least 10 characters)"],
    ['empty reason', 'CA2', '', "reason: '' is too short; write why suppressing CA2 is safe here (at least 10 characters)"],
    ['blank reason', 'CA7', '           ', "reason: '           ' is too short; write why suppressing CA7 is safe here (at least 10 characters)"],
    ['short reason', 'CA1', 'because', "reason: 'because' is too short; write why suppressing CA1 is safe here (at least 10 characters)"],
    ['unknown rule', 'CA99', REASON, "ruleId: 'CA99' is not a rule id; use an id from the README's rule table (CA1, CA2, CA3, CA4, CA5, CA6, CA7, CA8, CA9, CA10, CA11, CA12, CA13, CA14) or of one of your own rules"],
    ['rule name instead of id', 'lockout', REASON, "ruleId: 'lockout' is not a rule id; use an id from the README's rule table (CA1, CA2, CA3, CA4, CA5, CA6, CA7, CA8, CA9, CA10, CA11, CA12, CA13, CA14) or of one of your own rules"],
    ['lower-case id', 'ca2', REASON, "ruleId: 'ca2' is not a rule id; use an id from the README's rule table (CA1, CA2, CA3, CA4, CA5, CA6, CA7, CA8, CA9, CA10, CA11, CA12, CA13, CA14) or of one of your own rules"],
  ])('%s', (_name, ruleId, reason, message) => {
    const stack = newStack();
    expect(() => RuleSuppressions.of(stack).add(ruleId, reason as string)).toThrow(new Error(message));
    expect(RuleSuppressions.of(stack).reasonFor(ruleId)).toBeUndefined();
  });

  test('ten characters is enough', () => {
    const stack = newStack();
    RuleSuppressions.of(stack).add('CA2', '0123456789');
    expect(RuleSuppressions.of(stack).reasonFor('CA2')).toBe('0123456789');
  });
});
