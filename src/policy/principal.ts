import type { DataAzureadGroup } from '@cdktf/provider-azuread/lib/data-azuread-group';
import type { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import type { DataAzureadUser } from '@cdktf/provider-azuread/lib/data-azuread-user';
import type { Group } from '@cdktf/provider-azuread/lib/group';
import type { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import type { User } from '@cdktf/provider-azuread/lib/user';
import { isToken, validateGuid } from '../private/validation';

/**
 * The kind of directory object a {@link Principal} refers to.
 */
export enum PrincipalKind {
  /** A user. */
  USER = 'user',
  /** A group. */
  GROUP = 'group',
  /** A service principal (workload identity). */
  SERVICE_PRINCIPAL = 'servicePrincipal',
  /** Not known: a bare object id. */
  UNKNOWN = 'unknown',
}

/**
 * A user, group or service principal that a policy includes or excludes:
 * an azuread resource or data source, or a bare object id.
 */
export class Principal {
  /**
   * A directory object by its object id (a GUID, or a token that resolves to one).
   * @param objectId the object id
   */
  public static fromObjectId(objectId: string): Principal {
    return new Principal(validateGuid('objectId', objectId, "the directory object's object id"), PrincipalKind.UNKNOWN);
  }

  /**
   * A user managed in this app (`azuread_user`).
   * @param user the user resource
   */
  public static fromUser(user: User): Principal {
    return new Principal(user.objectId, PrincipalKind.USER, user.node.path);
  }

  /**
   * An existing user looked up with the `azuread_user` data source.
   * @param user the user data source
   */
  public static fromUserData(user: DataAzureadUser): Principal {
    return new Principal(user.objectId, PrincipalKind.USER, user.node.path);
  }

  /**
   * A group managed in this app (`azuread_group`).
   * @param group the group resource
   */
  public static fromGroup(group: Group): Principal {
    return new Principal(group.objectId, PrincipalKind.GROUP, group.node.path);
  }

  /**
   * An existing group looked up with the `azuread_group` data source.
   * @param group the group data source
   */
  public static fromGroupData(group: DataAzureadGroup): Principal {
    return new Principal(group.objectId, PrincipalKind.GROUP, group.node.path);
  }

  /**
   * A service principal managed in this app (`azuread_service_principal`).
   * @param servicePrincipal the service principal resource
   */
  public static fromServicePrincipal(servicePrincipal: ServicePrincipal): Principal {
    return new Principal(servicePrincipal.objectId, PrincipalKind.SERVICE_PRINCIPAL, servicePrincipal.node.path);
  }

  /**
   * An existing service principal looked up with the `azuread_service_principal` data source.
   * @param servicePrincipal the service principal data source
   */
  public static fromServicePrincipalData(servicePrincipal: DataAzureadServicePrincipal): Principal {
    return new Principal(servicePrincipal.objectId, PrincipalKind.SERVICE_PRINCIPAL, servicePrincipal.node.path);
  }

  /**
   * @param objectId the object id (GUID or token)
   * @param kind what kind of object it is, when known
   * @param source the construct path it came from, for error messages
   */
  private constructor(
    public readonly objectId: string,
    public readonly kind: PrincipalKind,
    private readonly source?: string,
  ) {}

  /** A short description for error messages. */
  public toString(): string {
    if (this.source) return this.source;
    return isToken(this.objectId) ? 'a reference' : this.objectId;
  }
}

/**
 * A directory role, by role template id (portal: Users > Directory roles).
 */
export class DirectoryRole {
  /** Global Administrator. */
  public static readonly GLOBAL_ADMINISTRATOR = new DirectoryRole('62e90394-69f5-4237-9190-012177145e10');
  /** Application Administrator. */
  public static readonly APPLICATION_ADMINISTRATOR = new DirectoryRole('9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3');
  /** Authentication Administrator. */
  public static readonly AUTHENTICATION_ADMINISTRATOR = new DirectoryRole('c4e39bd9-1100-46d3-8c65-fb160da0071f');
  /** Billing Administrator. */
  public static readonly BILLING_ADMINISTRATOR = new DirectoryRole('b0f54661-2d74-4c50-afa3-1ec803f12efe');
  /** Cloud Application Administrator. */
  public static readonly CLOUD_APPLICATION_ADMINISTRATOR = new DirectoryRole('158c047a-c907-4556-b7ef-446551a6b5f7');
  /** Conditional Access Administrator. */
  public static readonly CONDITIONAL_ACCESS_ADMINISTRATOR = new DirectoryRole('b1be1c3e-b65d-4f19-8427-f6fa0d97feb9');
  /** Exchange Administrator. */
  public static readonly EXCHANGE_ADMINISTRATOR = new DirectoryRole('29232cdf-9323-42fd-ade2-1d097af3e4de');
  /** Global Reader. */
  public static readonly GLOBAL_READER = new DirectoryRole('f2ef992c-3afb-46b9-b7cf-a126ee74c451');
  /** Helpdesk Administrator. */
  public static readonly HELPDESK_ADMINISTRATOR = new DirectoryRole('729827e3-9c14-49f7-bb1b-9608f156bbb8');
  /** Password Administrator. */
  public static readonly PASSWORD_ADMINISTRATOR = new DirectoryRole('966707d0-3269-4727-9be2-8c3a10f19b9d');
  /** Privileged Authentication Administrator. */
  public static readonly PRIVILEGED_AUTHENTICATION_ADMINISTRATOR = new DirectoryRole('7be44c8a-adaf-4e2a-84d6-ab2649e08a13');
  /** Privileged Role Administrator. */
  public static readonly PRIVILEGED_ROLE_ADMINISTRATOR = new DirectoryRole('e8611ab8-c189-46e8-94e1-60213ab1f814');
  /** Security Administrator. */
  public static readonly SECURITY_ADMINISTRATOR = new DirectoryRole('194ae4cb-b126-40b2-bd5b-6091b380977d');
  /** SharePoint Administrator. */
  public static readonly SHAREPOINT_ADMINISTRATOR = new DirectoryRole('f28a1f50-f6e7-4571-818b-6a12f2af6b6c');
  /** User Administrator. */
  public static readonly USER_ADMINISTRATOR = new DirectoryRole('fe930be7-5e62-47db-91af-98c3a49a38b1');

  /**
   * Any directory role by its role template id (a GUID, or a token that resolves to one).
   * @param templateId the role template id
   */
  public static fromTemplateId(templateId: string): DirectoryRole {
    return new DirectoryRole(validateGuid('templateId', templateId, "the directory role's template id"));
  }

  /**
   * @param templateId the role template id
   */
  private constructor(public readonly templateId: string) {}
}
