import { Construct } from 'constructs';
import { PolicyTemplate, TemplateCategory } from './policy-template';
import { templateTakes, TemplatePolicy } from './template-policy';
import { CountryNamedLocation } from '../locations/country-named-location';
import { IpNamedLocation } from '../locations/ip-named-location';
import { INamedLocation } from '../locations/named-location';
import { DevicePlatform } from '../policy/device-platform';
import { EmergencyAccessAccounts } from '../policy/emergency-access-accounts';
import { PolicyState } from '../policy/policy-state';
import { CloudApplication } from '../policy/target-resources';
import { UserSelection } from '../policy/users';
import { fail, failProp } from '../private/validation';

/**
 * Properties of a {@link TemplateBaseline}.
 */
export interface TemplateBaselineProps {
  /** The categories (tabs of the templates page) to deploy, e.g. `[TemplateCategory.SECURE_FOUNDATION]`. */
  readonly categories: TemplateCategory[];
  /** Emergency-access ("break-glass") accounts, excluded from every policy. Must name at least one account. */
  readonly emergencyAccess: EmergencyAccessAccounts;
  /**
   * Prefix for every display name, e.g. `'CA200 - '`.
   * @default ''
   */
  readonly displayNamePrefix?: string;
  /**
   * State of every policy.
   * @default PolicyState.REPORT_ONLY
   */
  readonly state?: PolicyState;
  /**
   * Templates of the categories not to deploy.
   * @default - none
   */
  readonly exclude?: PolicyTemplate[];
  /**
   * More templates to deploy, e.g. from "Other common policies" (which have no category).
   * @default - none
   */
  readonly include?: PolicyTemplate[];
  /**
   * More users, groups or roles to exclude from every policy (e.g. service accounts).
   * @default - only each template's own exclusions
   */
  readonly excludeUsers?: UserSelection;
  /**
   * Public egress ranges of the organisation's networks: one trusted IP named location is created from
   * them, for the templates that exclude "All trusted locations" (SECURING_SECURITY_INFO_REGISTRATION,
   * BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS).
   * @default - none created; pass `trustedLocations` instead
   */
  readonly trustedIpRanges?: string[];
  /**
   * Display name of the trusted IP location created from `trustedIpRanges`.
   * @default `${displayNamePrefix}Trusted networks`
   */
  readonly trustedLocationName?: string;
  /**
   * The tenant's existing trusted named locations (e.g. `NamedLocation.fromDisplayName`), when the baseline
   * creates none.
   * @default - none
   */
  readonly trustedLocations?: INamedLocation[];
  /**
   * BLOCK_ACCESS_BY_LOCATION: countries and regions to block (ISO 3166-1 alpha-2 codes); one country named
   * location is created from them.
   * @default - none created
   */
  readonly blockedCountries?: string[];
  /**
   * Display name of the country location created from `blockedCountries`.
   * @default `${displayNamePrefix}Blocked countries`
   */
  readonly blockedCountriesName?: string;
  /**
   * BLOCK_ACCESS_BY_LOCATION: existing named locations to block, with or instead of `blockedCountries`.
   * @default - none
   */
  readonly blockedLocations?: INamedLocation[];
  /**
   * BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS: the applications left open outside trusted locations.
   * @default - none
   */
  readonly allowedApplications?: CloudApplication[];
  /**
   * BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS: the platforms your organisation uses.
   * @default [DevicePlatform.ANDROID, DevicePlatform.IOS, DevicePlatform.WINDOWS, DevicePlatform.MACOS]
   */
  readonly supportedPlatforms?: DevicePlatform[];
  /**
   * Exclude the Directory Synchronization Accounts role from the templates whose pages say so.
   * @default true
   */
  readonly excludeDirectorySynchronizationAccounts?: boolean;
}

/** `REQUIRE_MFA_FOR_ADMINS` → `RequireMfaForAdmins`, the construct id of a template's policy. */
function constructId(template: PolicyTemplate): string {
  return template.name.toLowerCase().split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** The templates that exclude "All trusted locations". */
const TRUSTED_LOCATION_TEMPLATES = [PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION, PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS];

/**
 * Microsoft's templates of whole categories in one construct (the portal recommends deploying
 * Secure foundation as a group): one {@link TemplatePolicy} per template, sharing emergency-access
 * exclusions, a display-name prefix and one state, with the named locations the templates need created or
 * passed once.
 *
 * @example
 * new TemplateBaseline(stack, 'SecureFoundation', {
 *   categories: [TemplateCategory.SECURE_FOUNDATION],
 *   emergencyAccess: { groups: [Principal.fromObjectId(breakGlassGroupId)] },
 *   trustedIpRanges: ['198.51.100.0/24'],
 *   displayNamePrefix: 'CA200 - ',
 * });
 */
export class TemplateBaseline extends Construct {
  /** The deployed templates, in the templates page's order. */
  public readonly templates: PolicyTemplate[];
  /** One policy per template, in the same order. */
  public readonly policies: TemplatePolicy[];
  /** The trusted IP location created from `trustedIpRanges`, if any. */
  public readonly trustedLocation?: IpNamedLocation;
  /** The country location created from `blockedCountries`, if any. */
  public readonly blockedCountriesLocation?: CountryNamedLocation;

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: TemplateBaselineProps) {
    super(scope, id);
    const prefix = props.displayNamePrefix ?? '';
    const emergency = props.emergencyAccess;
    if (!emergency || (!(emergency.users ?? []).length && !(emergency.groups ?? []).length)) {
      failProp('emergencyAccess', 'names no account; pass the emergency-access users or groups so the baseline can never lock every administrator out');
    }
    this.templates = selectTemplates(props);
    const deploys = (t: PolicyTemplate) => this.templates.includes(t);
    validateData(props, deploys);

    if (props.trustedIpRanges) {
      this.trustedLocation = new IpNamedLocation(this, 'TrustedLocation', {
        displayName: props.trustedLocationName ?? `${prefix}Trusted networks`,
        ipRanges: props.trustedIpRanges,
        trusted: true,
      });
    }
    if (props.blockedCountries) {
      this.blockedCountriesLocation = new CountryNamedLocation(this, 'BlockedCountries', {
        displayName: props.blockedCountriesName ?? `${prefix}Blocked countries`,
        countriesAndRegions: props.blockedCountries,
      });
    }
    const blocked = [...(this.blockedCountriesLocation ? [this.blockedCountriesLocation] : []), ...(props.blockedLocations ?? [])];

    this.policies = this.templates.map((template) => new TemplatePolicy(this, constructId(template), {
      template,
      displayName: `${prefix}${template.portalName}`,
      state: props.state,
      emergencyAccess: props.emergencyAccess,
      excludeUsers: props.excludeUsers,
      excludeDirectorySynchronizationAccounts: templateTakes(template, 'excludeDirectorySynchronizationAccounts') ? props.excludeDirectorySynchronizationAccounts : undefined,
      supportedPlatforms: templateTakes(template, 'supportedPlatforms') ? props.supportedPlatforms : undefined,
      blockedLocations: templateTakes(template, 'blockedLocations') ? blocked : undefined,
      allowedApplications: templateTakes(template, 'allowedApplications') ? props.allowedApplications : undefined,
    }));
  }

  /**
   * The policy deployed for a template, or undefined when the baseline does not deploy it.
   * @param template the template
   */
  public policyFor(template: PolicyTemplate): TemplatePolicy | undefined {
    return this.policies.find((p) => p.template === template);
  }
}

/** The templates of the categories, minus `exclude`, plus `include`, in the templates page's order. */
function selectTemplates(props: TemplateBaselineProps): PolicyTemplate[] {
  const categories = props.categories ?? [];
  const include = props.include ?? [];
  const exclude = props.exclude ?? [];
  if (categories.length === 0 && include.length === 0) {
    failProp('categories', 'is empty; pass at least one TemplateCategory, e.g. [TemplateCategory.SECURE_FOUNDATION], or templates in include');
  }
  categories.forEach((c, i) => {
    if (!TemplateCategory.ALL.includes(c)) fail(`categories[${i}]`, String(c), 'is not a template category', 'pass a TemplateCategory constant');
  });
  const inCategories = PolicyTemplate.ALL.filter((t) => categories.some((c) => t.isIn(c)));
  [...include.map((t, i) => [`include[${i}]`, t] as const), ...exclude.map((t, i) => [`exclude[${i}]`, t] as const)].forEach(([prop, t]) => {
    if (!PolicyTemplate.ALL.includes(t)) fail(prop, String(t), 'is not a template', 'pass a PolicyTemplate constant');
  });
  exclude.forEach((t, i) => {
    if (!inCategories.includes(t)) {
      fail(`exclude[${i}]`, t.name, `is not in the selected categories (${categories.map((c) => c.label).join(', ')})`, 'remove it; exclude only removes templates the categories would deploy');
    }
    if (include.includes(t)) fail(`exclude[${i}]`, t.name, 'is also in include', 'keep it in one of the two');
  });
  include.forEach((t, i) => {
    if (inCategories.includes(t)) fail(`include[${i}]`, t.name, 'is already in the selected categories', 'remove it from include');
  });
  const selected = PolicyTemplate.ALL.filter((t) => (inCategories.includes(t) && !exclude.includes(t)) || include.includes(t));
  if (selected.length === 0) failProp('exclude', 'excludes every template of the categories; nothing is left to deploy');
  return selected;
}

/** Data is given only for templates the baseline deploys, and the deployed templates have the data they need. */
function validateData(props: TemplateBaselineProps, deploys: (t: PolicyTemplate) => boolean): void {
  const unused = (prop: string, template: PolicyTemplate) =>
    failProp(prop, `is set but ${template} is not deployed; add it to include (or to the categories) or remove ${prop}`);
  if (props.blockedCountries !== undefined && !deploys(PolicyTemplate.BLOCK_ACCESS_BY_LOCATION)) unused('blockedCountries', PolicyTemplate.BLOCK_ACCESS_BY_LOCATION);
  if (props.blockedLocations !== undefined && !deploys(PolicyTemplate.BLOCK_ACCESS_BY_LOCATION)) unused('blockedLocations', PolicyTemplate.BLOCK_ACCESS_BY_LOCATION);
  if (props.allowedApplications !== undefined && !deploys(PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS)) unused('allowedApplications', PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS);
  if (props.supportedPlatforms !== undefined && !deploys(PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS)) unused('supportedPlatforms', PolicyTemplate.BLOCK_UNKNOWN_OR_UNSUPPORTED_DEVICE_PLATFORMS);

  if (deploys(PolicyTemplate.BLOCK_ACCESS_BY_LOCATION) && props.blockedCountries === undefined && props.blockedLocations === undefined) {
    failProp('blockedCountries', `and blockedLocations are both unset; ${PolicyTemplate.BLOCK_ACCESS_BY_LOCATION} blocks the locations you choose, so pass the country codes to block (e.g. ['KP']) or the named locations`);
  }
  if (deploys(PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS) && props.allowedApplications === undefined) {
    failProp('allowedApplications', `is unset; ${PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS} blocks every other application outside trusted locations, so pass the applications to keep open, e.g. [CloudApplication.OFFICE_365]`);
  }
  const needsTrusted = TRUSTED_LOCATION_TEMPLATES.filter(deploys);
  const hasTrusted = props.trustedIpRanges !== undefined || (props.trustedLocations ?? []).length > 0;
  if (needsTrusted.length > 0 && !hasTrusted) {
    failProp('trustedIpRanges', `and trustedLocations are both unset; ${needsTrusted.join(' and ')} exclude All trusted locations, so pass the trusted egress ranges or import the trusted named locations`);
  }
  if (needsTrusted.length === 0 && hasTrusted) {
    failProp(props.trustedIpRanges !== undefined ? 'trustedIpRanges' : 'trustedLocations', `is set but no deployed template uses trusted locations (${TRUSTED_LOCATION_TEMPLATES.join(', ')}); remove it`);
  }
}
