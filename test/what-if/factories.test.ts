// Reading stacks: files, stack directories, cdktf.out directories, JSON text; and what the reader tolerates.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IDS, policy, signIn, stack } from './helpers';
import { WhatIf } from '../../src/analysis';
import { WhatIfStackError } from '../../src/what-if/errors';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'what-if-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeStack(dir: string, json: object = stack({ p: policy({ display_name: path.basename(dir) }) })): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'cdk.tf.json');
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('fromFile', () => {
  test('accepts a cdk.tf.json, a stack directory, a cdktf.out with one stack, and a project directory', () => {
    const file = writeStack(path.join(tmp, 'cdktf.out', 'stacks', 'app'));
    for (const p of [file, path.dirname(file), path.join(tmp, 'cdktf.out'), tmp]) {
      const w = WhatIf.fromFile(p);
      expect(w.policies).toEqual([{ address: 'azuread_conditional_access_policy.p', displayName: 'app', state: 'enabled' }]);
      expect(w.source).toBe(file);
    }
  });

  test('names the stacks when a cdktf.out holds several', () => {
    writeStack(path.join(tmp, 'cdktf.out', 'stacks', 'dev'));
    writeStack(path.join(tmp, 'cdktf.out', 'stacks', 'prod'));
    const e = thrown(() => WhatIf.fromFile(path.join(tmp, 'cdktf.out')));
    expect(e).toBeInstanceOf(WhatIfStackError);
    expect(e.message).toBe(
      `${path.join(tmp, 'cdktf.out')}: holds 2 stacks (dev, prod); pass one stack directory, e.g. ${path.join(tmp, 'cdktf.out', 'stacks', 'dev')}`,
    );
  });

  test('a missing path, an empty directory and invalid JSON are clear errors', () => {
    expect(thrown(() => WhatIf.fromFile(path.join(tmp, 'nope'))).message).toBe(
      `${path.join(tmp, 'nope')}: no such file or directory; pass a cdk.tf.json, a stack directory (cdktf.out/stacks/<name>) or a cdktf.out directory`,
    );
    expect(thrown(() => WhatIf.fromFile(tmp)).message).toBe(`${tmp}: no cdk.tf.json in this directory; run 'cdktf synth' or pass the path of a cdk.tf.json`);
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{ "resource": ');
    const e = thrown(() => WhatIf.fromFile(bad));
    expect(e).toBeInstanceOf(WhatIfStackError);
    expect(e.message).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is not valid JSON \\(.+\\); synthesize the stack again with 'cdktf synth'$`));
  });
});

describe('fromOutdir', () => {
  test('reads <outdir>/stacks/<name>', () => {
    writeStack(path.join(tmp, 'stacks', 'prod'));
    expect(WhatIf.fromOutdir(tmp, 'prod').policies[0].displayName).toBe('prod');
  });

  test('lists the stacks that exist when the name is wrong', () => {
    writeStack(path.join(tmp, 'stacks', 'prod'));
    expect(thrown(() => WhatIf.fromOutdir(tmp, 'production')).message).toBe(
      `${path.join(tmp, 'stacks', 'production', 'cdk.tf.json')}: not found; stacks in ${tmp} are prod`,
    );
    expect(thrown(() => WhatIf.fromOutdir(path.join(tmp, 'empty'), 'x')).message).toBe(
      `${path.join(tmp, 'empty', 'stacks', 'x', 'cdk.tf.json')}: not found; run 'cdktf synth' to create ${path.join(tmp, 'empty')}`,
    );
  });
});

describe('fromStackJson', () => {
  test('rejects text that is not JSON', () => {
    expect(thrown(() => WhatIf.fromStackJson('resource = {}')).message).toMatch(/^the stack JSON: is not valid JSON \(.+\); synthesize the stack again with 'cdktf synth'$/);
  });

  test('a stack without policies evaluates to allowed', () => {
    const report = WhatIf.fromStackJson('{}').evaluate(signIn({ directory: undefined }));
    expect(report).toEqual({
      results: [],
      outcome: {
        access: 'allowed',
        requirements: [],
        blockedBy: [],
        undetermined: [],
        undeterminedBy: [],
        missing: [],
        reportOnly: { access: 'allowed', requirements: [], blockedBy: [], undetermined: [], undeterminedBy: [], missing: [] },
      },
      warnings: [],
    });
  });

  test('ignores "//" metadata and accepts blocks written as lists (hand-written Terraform JSON)', () => {
    const json = {
      '//': { metadata: {} },
      'resource': {
        '//': 'x',
        'azuread_conditional_access_policy': {
          '//': {},
          'listy': {
            'display_name': 'Listy',
            'state': 'enabled',
            '//': { metadata: { path: 'x' } },
            'conditions': [
              {
                client_app_types: ['all'],
                applications: [{ included_applications: ['All'] }],
                users: [{ included_users: [IDS.alice] }],
              },
            ],
            'grant_controls': [{ operator: 'OR', built_in_controls: ['mfa'] }],
          },
        },
      },
    };
    const w = WhatIf.fromStackJson(JSON.stringify(json));
    expect(w.policies.map((p) => p.address)).toEqual(['azuread_conditional_access_policy.listy']);
    expect(w.evaluate(signIn()).outcome.access).toBe('requiresControls');
  });

  test('warns about what it cannot expand or interpret', () => {
    const w = WhatIf.fromStackJson(
      JSON.stringify(
        stack({
          counted: policy({ count: 2 }),
          guests: policy({
            conditions: {
              users: {
                included_guests_or_external_users: [
                  { guest_or_external_user_types: ['internalGuest'] },
                  { guest_or_external_user_types: ['serviceProvider'] },
                ],
              },
            },
          }),
          nobody: policy({ conditions: { users: { included_users: undefined, excluded_users: [IDS.alice] } } }),
        }),
      ),
    );
    expect(w.warnings).toEqual([
      'azuread_conditional_access_policy.counted: count/for_each cannot be expanded offline; the policy is evaluated once',
      'azuread_conditional_access_policy.guests: users.included_guests_or_external_users has 2 blocks; the provider reads only the first',
      'azuread_conditional_access_policy.nobody: conditions.users includes nobody (set included_users, included_groups, included_roles or included_guests_or_external_users) (invalidPolicy)',
    ]);
  });
});
