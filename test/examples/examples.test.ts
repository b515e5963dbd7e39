import { Testing } from 'cdktf';
import { EXAMPLE_STACKS } from '../../examples/stacks';
import { exampleTenant } from '../helpers/examples';

describe.each(EXAMPLE_STACKS.map(([name, StackClass]) => [name, StackClass] as const))('example stack %s', (name, StackClass) => {
  const stack = new StackClass(Testing.app(), name, exampleTenant());
  // Validations on: the lint rules run, and an error would throw here.
  const json = JSON.parse(Testing.synth(stack, true));
  const policies = Object.values(json.resource.azuread_conditional_access_policy) as any[];

  test('has an azuread provider and at least one policy', () => {
    expect(json.provider.azuread).toHaveLength(1);
    expect(policies.length).toBeGreaterThan(0);
  });

  test('every policy excludes the emergency-access group; the security-info stacks target "Register security information"', () => {
    for (const p of policies) {
      if (name !== 'templates-secure-foundation') {
        expect(p.conditions.applications).toEqual({ included_user_actions: ['urn:user:registersecurityinfo'] });
      }
      expect(p.conditions.users.excluded_groups).toEqual(['00000000-0000-0000-0000-00000000e000']);
    }
  });

  test('named locations are referenced by object_id only', () => {
    expect(JSON.stringify(policies)).not.toMatch(/azuread_named_location\.[^.]+\.id\}/);
  });

  test('matches the committed snapshot', () => {
    expect(json).toMatchSnapshot();
  });
});
