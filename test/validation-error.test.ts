import { App, TerraformStack } from 'cdktf';
import { IpNamedLocation, Principal } from '../src';
import { ValidationError } from '../src/validation-error';

/** The error a construction throws (fails the test when it does not throw). */
function thrown(build: () => unknown): unknown {
  try {
    build();
  } catch (e) {
    return e;
  }
  throw new Error('expected the construction to throw');
}

describe('ValidationError', () => {
  test('a construct reports every problem at once, with its path and display name', () => {
    const stack = new TerraformStack(new App(), 'Tenant');
    const e = thrown(() => new IpNamedLocation(stack, 'Office', { displayName: 'Head office', ipRanges: ['10.0.0.0/7', '198.51.100.0/24', '203.0.113.7/24'] }));
    expect(e).toBeInstanceOf(ValidationError);
    const error = e as ValidationError;
    expect(error.name).toBe('ValidationError');
    expect(error.constructPath).toBe('Tenant/Office');
    expect(error.displayName).toBe('Head office');
    expect(error.problems).toEqual([
      "ipRanges[0]: '10.0.0.0/7' is wider than /9; Graph accepts only masks longer than /8; split it into /9 or narrower ranges",
      "ipRanges[2]: '203.0.113.7/24' has host bits set; use the network address '203.0.113.0/24'",
    ]);
    expect(error.message).toBe([
      "Tenant/Office ('Head office'): 2 problems:",
      "  - ipRanges[0]: '10.0.0.0/7' is wider than /9; Graph accepts only masks longer than /8; split it into /9 or narrower ranges",
      "  - ipRanges[2]: '203.0.113.7/24' has host bits set; use the network address '203.0.113.0/24'",
    ].join('\n'));
  });

  test('a factory reports its one problem without a path', () => {
    const e = thrown(() => Principal.fromObjectId('not-a-guid')) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.constructPath).toBeUndefined();
    expect(e.problems).toHaveLength(1);
    expect(e.message).toBe(e.problems[0]);
    expect(e.message).toMatch(/^objectId: 'not-a-guid' /);
  });
});
