import { BUILT_IN_CONTROLS } from '../vocabulary/grant-controls';

/**
 * What every sign-in must face for the policy set to have no gap: a block, or a grant control that the applying
 * policies require in every way they can be satisfied (portal: Grant). A block satisfies every requirement.
 */
export class GapRequirement {
  /** Multifactor authentication: the `mfa` control, or an authentication strength whose every combination is multifactor. */
  public static readonly MFA = new GapRequirement(BUILT_IN_CONTROLS.value('MFA'), 'MFA');
  /** Access is blocked. */
  public static readonly BLOCK = new GapRequirement(BUILT_IN_CONTROLS.value('BLOCK'), 'a block');
  /** A device marked as compliant. */
  public static readonly COMPLIANT_DEVICE = new GapRequirement(BUILT_IN_CONTROLS.value('COMPLIANT_DEVICE'), 'a compliant device');
  /** A Microsoft Entra hybrid joined device. */
  public static readonly DOMAIN_JOINED_DEVICE = new GapRequirement(BUILT_IN_CONTROLS.value('DOMAIN_JOINED_DEVICE'), 'a hybrid joined device');
  /** An approved client app. */
  public static readonly APPROVED_APPLICATION = new GapRequirement(BUILT_IN_CONTROLS.value('APPROVED_APPLICATION'), 'an approved client app');
  /** An app protection policy. */
  public static readonly COMPLIANT_APPLICATION = new GapRequirement(BUILT_IN_CONTROLS.value('COMPLIANT_APPLICATION'), 'an app protection policy');
  /** A password change. */
  public static readonly PASSWORD_CHANGE = new GapRequirement(BUILT_IN_CONTROLS.value('PASSWORD_CHANGE'), 'a password change');

  /**
   * An authentication strength: the strength itself, or one whose allowed combinations all belong to it.
   *
   * @param idOrName the strength's id (`/policies/authenticationStrengthPolicies/<id>` or just the GUID), its display
   *   name, or the Terraform address of an `azuread_authentication_strength_policy` in the stack
   */
  public static strength(idOrName: string): GapRequirement {
    if (!idOrName) throw new Error('GapRequirement.strength: the id or display name is empty; pass a strength id such as /policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004');
    return new GapRequirement(`strength:${idOrName}`, `authentication strength '${idOrName}'`);
  }

  /**
   * Terms of use.
   *
   * @param id the agreement id (or the reference the stack uses for it)
   */
  public static termsOfUse(id: string): GapRequirement {
    if (!id) throw new Error('GapRequirement.termsOfUse: the id is empty; pass the agreement id');
    return new GapRequirement(`termsOfUse:${id}`, `terms of use ${id}`);
  }

  /**
   * Reads the command-line form: `mfa`, `block`, `compliantDevice`, `domainJoinedDevice`, `approvedApplication`,
   * `compliantApplication`, `passwordChange`, `strength:<id or name>` or `termsOfUse:<id>`.
   *
   * @param text the requirement
   * @throws Error naming the accepted forms
   */
  public static parse(text: string): GapRequirement {
    const known = [
      GapRequirement.MFA,
      GapRequirement.BLOCK,
      GapRequirement.COMPLIANT_DEVICE,
      GapRequirement.DOMAIN_JOINED_DEVICE,
      GapRequirement.APPROVED_APPLICATION,
      GapRequirement.COMPLIANT_APPLICATION,
      GapRequirement.PASSWORD_CHANGE,
    ];
    const t = (text ?? '').trim();
    const found = known.find((k) => k.value === t) ?? known.find((k) => k.value.toLowerCase() === t.toLowerCase());
    if (found) return found;
    if (/^strength:./i.test(t)) return GapRequirement.strength(t.slice('strength:'.length).trim());
    if (/^termsOfUse:./i.test(t)) return GapRequirement.termsOfUse(t.slice('termsOfUse:'.length).trim());
    throw new Error(
      `'${text}' is not a requirement; use one of ${known.map((k) => k.value).join(', ')}, strength:<id or name> or termsOfUse:<id>`,
    );
  }

  /**
   * @param value the command-line form, e.g. `mfa` or `strength:Phishing-resistant MFA`
   * @param label portal words for it, e.g. `MFA`
   */
  private constructor(public readonly value: string, public readonly label: string) {}
}
