import { fail, failProp, isToken, validateGuid } from '../private/validation';
import { USER_ACTIONS } from '../vocabulary/user-actions';

/**
 * A user action a policy can target (portal: Target resources > User actions).
 */
export class UserAction {
  /** "Register security information" (combined MFA / SSPR registration). */
  public static readonly REGISTER_SECURITY_INFORMATION = new UserAction(USER_ACTIONS.value('REGISTER_SECURITY_INFORMATION'));
  /**
   * "Register or join devices". Only "Require multifactor authentication" or
   * "Require authentication strength" can be granted, and client app and device
   * conditions are unavailable.
   */
  public static readonly REGISTER_OR_JOIN_DEVICES = new UserAction(USER_ACTIONS.value('REGISTER_OR_JOIN_DEVICES'));

  /**
   * Escape hatch for a user action newer than this library. The value is passed through unchecked.
   * @param value the Graph `includeUserActions` value, e.g. `urn:user:registersecurityinfo`
   */
  public static of(value: string): UserAction {
    return new UserAction(value);
  }

  /**
   * @param userActionValue the Graph `includeUserActions` value
   */
  private constructor(private readonly userActionValue: string) {}

  /** The Graph `includeUserActions` value. */
  public get value(): string {
    return this.userActionValue;
  }
}

/**
 * A cloud application or application suite (portal: Target resources > Resources).
 */
export class CloudApplication {
  /** "All resources (formerly All cloud apps)". Include only. */
  public static readonly ALL = new CloudApplication('All');
  /** The Office 365 application suite. */
  public static readonly OFFICE_365 = new CloudApplication('Office365');
  /** The Microsoft Admin Portals suite. */
  public static readonly MICROSOFT_ADMIN_PORTALS = new CloudApplication('MicrosoftAdminPortals');
  /** "None". Include only, and alone. */
  public static readonly NONE = new CloudApplication('None');

  /**
   * An application by its application (client) id.
   * @param appId the application id (GUID, or a token that resolves to one)
   */
  public static fromAppId(appId: string): CloudApplication {
    return new CloudApplication(validateGuid('appId', appId, "the application's client id"));
  }

  /**
   * @param cloudApplicationValue the Graph `includeApplications` value
   */
  private constructor(private readonly cloudApplicationValue: string) {}

  /** The Graph `includeApplications` value. */
  public get value(): string {
    return this.cloudApplicationValue;
  }
}

/**
 * Applications a policy targets.
 */
export interface ApplicationsProps {
  /** Applications to include. Must not be empty. */
  readonly include: CloudApplication[];
  /**
   * Applications to exclude. `ALL` and `NONE` cannot be excluded.
   * @default - none
   */
  readonly exclude?: CloudApplication[];
}

/**
 * What a policy targets: user actions, or cloud applications
 * (portal: Target resources). Graph takes exactly one of the two.
 */
export class TargetResources {
  /**
   * User actions, e.g. {@link UserAction.REGISTER_SECURITY_INFORMATION}.
   * @param actions the user actions; at least one
   */
  public static userActions(...actions: UserAction[]): TargetResources {
    if (actions.length === 0) {
      failProp('target', 'TargetResources.userActions() needs at least one UserAction');
    }
    // UserAction and CloudApplication have the same shape, so TypeScript lets one stand for
    // the other; Graph takes applications or user actions, never both (error 1012).
    actions.forEach((a, i) => {
      if (!isToken(a.value) && !a.value.startsWith('urn:')) {
        fail(`target.userActions[${i}]`, a.value, 'is not a user action', 'user actions are urn: values such as UserAction.REGISTER_SECURITY_INFORMATION; target applications with TargetResources.applications(...) in another policy');
      }
    });
    return new TargetResources(actions.map((a) => a.value), [], []);
  }

  /**
   * Cloud applications.
   * @param props included and excluded applications
   */
  public static applications(props: ApplicationsProps): TargetResources {
    const include = props.include ?? [];
    const exclude = props.exclude ?? [];
    if (!isToken(include) && include.length === 0) {
      failProp('target.include', 'is empty; pass at least one CloudApplication (CloudApplication.ALL for all resources)');
    }
    [...include.map((a, i) => [`target.include[${i}]`, a] as const), ...exclude.map((a, i) => [`target.exclude[${i}]`, a] as const)].forEach(([prop, a]) => {
      if (!isToken(a.value) && a.value.startsWith('urn:')) {
        fail(prop, a.value, 'is a user action, not an application', 'Graph takes applications or user actions, never both (error 1012); use TargetResources.userActions(...) in another policy');
      }
    });
    const includeValues = include.map((a) => a.value);
    if (includeValues.includes('None') && includeValues.length > 1) {
      fail('target.include', 'None', 'is mixed with other applications', 'use CloudApplication.NONE alone');
    }
    exclude.forEach((a, i) => {
      if (a.value === 'All' || a.value === 'None') {
        fail(`target.exclude[${i}]`, a.value, 'cannot be excluded', 'exclude application ids, OFFICE_365 or MICROSOFT_ADMIN_PORTALS');
      }
    });
    return new TargetResources([], includeValues, exclude.map((a) => a.value));
  }

  /**
   * "All resources" with optional exclusions.
   * @param exclude applications to exclude
   */
  public static allResources(...exclude: CloudApplication[]): TargetResources {
    return TargetResources.applications({ include: [CloudApplication.ALL], exclude });
  }

  /**
   * @param userActionValues user action values
   * @param includedApplications included application values
   * @param excludedApplications excluded application values
   */
  private constructor(
    /** The targeted user actions (empty when the policy targets applications). */
    public readonly userActionValues: string[],
    /** The included application values (empty when the policy targets user actions). */
    public readonly includedApplications: string[],
    /** The excluded application values. */
    public readonly excludedApplications: string[],
  ) {}

  /** True when the policy targets user actions. */
  public get targetsUserActions(): boolean {
    return this.userActionValues.length > 0;
  }
}
