import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AuthenticationMethodCombination,
  BlockGuestSecurityInfoRegistration,
  CustomAuthenticationStrength,
  EmergencyAccess,
  IpNamedLocation,
  IncludedUsers,
  PolicyState,
  Principal,
  RuleSuppressions,
  RequireMfaForSecurityInfoRegistration,
  RequireTrustedLocationForSecurityInfoRegistration,
  SecureSecurityInfoRegistration,
  TemplateBaseline,
  TemplateCategory,
  UntrustedLocationAction,
} from '../src';
import { TenantConfig } from './tenant-config';

/** The example suppressions every stack shares, with their reasons. */
function suppressExampleFindings(stack: TerraformStack): void {
  // The default ranges are RFC 5737 / RFC 3849 documentation ranges standing in for the tenant's egress ranges.
  RuleSuppressions.of(stack).add('CA8', 'Example defaults are documentation ranges; set TRUSTED_IP_RANGES to the real egress ranges');
  // Report-only is not evaluated for user actions: examples/scenarios/*.json test these policies with What-If in CI.
  RuleSuppressions.of(stack).add('CA2', 'Report-only user-action policies are tested with the What-If scenarios in examples/scenarios');
}

/** A stack with the azuread provider and the tenant's emergency-access accounts excluded everywhere. */
abstract class ExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string, protected readonly tenant: TenantConfig) {
    super(scope, id);
    new AzureadProvider(this, 'azuread', {});
    EmergencyAccess.of(this).exclude({
      users: tenant.emergencyAccessUserIds.map((u) => Principal.fromObjectId(u)),
      groups: [Principal.fromObjectId(tenant.emergencyAccessGroupId)],
    });
    suppressExampleFindings(this);
  }
}

/** Docs 000/001: require MFA (TAP satisfies it) to register security info; all users minus guests. */
export class RequireMfaRegistrationStack extends ExampleStack {
  constructor(scope: Construct, id: string, tenant: TenantConfig) {
    super(scope, id, tenant);
    new RequireMfaForSecurityInfoRegistration(this, 'RequireMfa');
  }
}

/** Doc 001: a custom strength (TAP or phishing-resistant) outside trusted locations. */
export class RequireStrengthRegistrationStack extends ExampleStack {
  constructor(scope: Construct, id: string, tenant: TenantConfig) {
    super(scope, id, tenant);
    new IpNamedLocation(this, 'Office', { displayName: 'Office egress', ipRanges: tenant.trustedIpRanges, trusted: true });
    const strength = new CustomAuthenticationStrength(this, 'TapOrPhishingResistant', {
      displayName: 'Temporary Access Pass or phishing-resistant MFA',
      allowedCombinations: [
        AuthenticationMethodCombination.TEMPORARY_ACCESS_PASS_ONE_TIME,
        AuthenticationMethodCombination.TEMPORARY_ACCESS_PASS_MULTI_USE,
        AuthenticationMethodCombination.FIDO2,
        AuthenticationMethodCombination.WINDOWS_HELLO_FOR_BUSINESS,
        AuthenticationMethodCombination.X509_CERTIFICATE_MULTI_FACTOR,
      ],
    });
    new RequireMfaForSecurityInfoRegistration(this, 'RequireStrength', {
      displayName: 'Combined Security Info Registration with TAP outside trusted networks',
      authenticationStrength: strength,
      onlyOutsideTrustedLocations: true,
    });
  }
}

/** Docs 000/001: block guests registering from outside trusted locations. */
export class BlockGuestRegistrationStack extends ExampleStack {
  constructor(scope: Construct, id: string, tenant: TenantConfig) {
    super(scope, id, tenant);
    new IpNamedLocation(this, 'Office', { displayName: 'Office egress', ipRanges: tenant.trustedIpRanges, trusted: true });
    new BlockGuestSecurityInfoRegistration(this, 'BlockGuests');
  }
}

/** Docs 002/003/004: register only from trusted locations, for a selected group. */
export class TrustedLocationRegistrationStack extends ExampleStack {
  constructor(scope: Construct, id: string, tenant: TenantConfig) {
    super(scope, id, tenant);
    new IpNamedLocation(this, 'Office', { displayName: 'Office egress', ipRanges: tenant.trustedIpRanges, trusted: true });
    const users = IncludedUsers.select({ groups: [Principal.fromObjectId(tenant.registrationGroupId)] });
    // Newer docs (002): require MFA outside trusted locations.
    new RequireTrustedLocationForSecurityInfoRegistration(this, 'RequireMfaOutsideTrusted', {
      displayName: 'Combined Security Info Registration on Trusted Networks (selected users)',
      includeUsers: users,
      untrustedLocationAction: UntrustedLocationAction.REQUIRE_MFA,
    });
    // Older docs (003, 004): block registration outside trusted locations; left off until reviewed.
    new RequireTrustedLocationForSecurityInfoRegistration(this, 'BlockOutsideTrusted', {
      displayName: 'Combined Security Info Registration on Trusted Networks (selected users, block)',
      includeUsers: users,
      untrustedLocationAction: UntrustedLocationAction.BLOCK,
      state: PolicyState.OFF,
    });
  }
}

/** The whole baseline in one construct: trusted location, member recipe, guest recipe. */
export class SecurityInfoBaselineStack extends TerraformStack {
  /** The baseline, for tests and What-If scenarios. */
  public readonly baseline: SecureSecurityInfoRegistration;

  constructor(scope: Construct, id: string, tenant: TenantConfig) {
    super(scope, id);
    new AzureadProvider(this, 'azuread', {});
    this.baseline = new SecureSecurityInfoRegistration(this, 'Baseline', {
      trustedIpRanges: tenant.trustedIpRanges,
      emergencyAccess: {
        users: tenant.emergencyAccessUserIds.map((u) => Principal.fromObjectId(u)),
        groups: [Principal.fromObjectId(tenant.emergencyAccessGroupId)],
      },
      displayNamePrefix: 'CA100 - ',
    });
    suppressExampleFindings(this);
  }
}

/** Microsoft's Secure foundation templates in one construct (Learn: "Conditional Access policy templates"). */
export class TemplatesSecureFoundationStack extends TerraformStack {
  /** The baseline, for tests and What-If scenarios. */
  public readonly baseline: TemplateBaseline;

  constructor(scope: Construct, id: string, tenant: TenantConfig) {
    super(scope, id);
    new AzureadProvider(this, 'azuread', {});
    this.baseline = new TemplateBaseline(this, 'SecureFoundation', {
      categories: [TemplateCategory.SECURE_FOUNDATION],
      emergencyAccess: {
        users: tenant.emergencyAccessUserIds.map((u) => Principal.fromObjectId(u)),
        groups: [Principal.fromObjectId(tenant.emergencyAccessGroupId)],
      },
      // SECURING_SECURITY_INFO_REGISTRATION asks for MFA only outside "All trusted locations".
      trustedIpRanges: tenant.trustedIpRanges,
      displayNamePrefix: 'CA200 - ',
    });
    suppressExampleFindings(this);
  }
}

/** A stack class of this example app. */
export type ExampleStackClass = new (scope: Construct, id: string, tenant: TenantConfig) => TerraformStack;

/** Every example stack, by the name `cdktf synth` writes it under (cdktf.out/stacks/<name>). */
export const EXAMPLE_STACKS: ReadonlyArray<readonly [string, ExampleStackClass]> = [
  ['require-mfa-registration', RequireMfaRegistrationStack],
  ['require-strength-registration', RequireStrengthRegistrationStack],
  ['block-guest-registration', BlockGuestRegistrationStack],
  ['trusted-location-registration', TrustedLocationRegistrationStack],
  ['security-info-baseline', SecurityInfoBaselineStack],
  ['templates-secure-foundation', TemplatesSecureFoundationStack],
];

/** Add every example stack to an app. */
export function addExampleStacks(app: Construct, tenant: TenantConfig): TerraformStack[] {
  return EXAMPLE_STACKS.map(([name, StackClass]) => new StackClass(app, name, tenant));
}
