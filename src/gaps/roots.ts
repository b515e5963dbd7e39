/* eslint-disable @stylistic/max-len */
/**
 * The roots of gap analysis's tree: the kinds of identity (members, each guest type a policy names, the other guests,
 * service principals) and the resources (the user actions, each app a policy names, the rest of Office 365 and of the
 * admin portals, any other app). Internal module.
 */
import { KindValue, ResourceValue, expressible, identityOf, UsersScope } from './dimensions';
import { FreshIds } from './value-space';
import { ADMIN_PORTAL_APP_IDS, applicationName, OFFICE_365_APP_IDS } from '../vocabulary/applications';
import { GUEST_OR_EXTERNAL_USER_TYPES } from '../vocabulary/guest-types';
import { USER_ACTIONS } from '../vocabulary/user-actions';
import { CompiledStack } from '../what-if/compiled-stack';
import { K_GUID } from '../what-if/logic';
import { CTX_APPLICATION, CTX_USER_ACTION, PreparedSignIn } from '../what-if/prepare-sign-in';

/** Words for a guest type. */
function guestLabel(type: string): string {
  return GUEST_OR_EXTERNAL_USER_TYPES.label(type);
}

/** The root dimensions of a stack. */
export class Roots {
  private readonly resourceCache = new Map<boolean, ResourceValue[]>();

  /**
   * @param stack the compiled stack
   * @param users whose sign-ins
   * @param fresh GUIDs no policy uses (for "any other app")
   */
  constructor(private readonly stack: CompiledStack, private readonly users: UsersScope, private readonly fresh: FreshIds) {}

  /** The kinds of identity explored. */
  public kinds(): KindValue[] {
    const users = this.users;
    const out: KindValue[] = [];
    if (users === 'members' || users === 'all') out.push({ id: 'member', label: 'members', other: false, servicePrincipal: false, externalUserType: 'none' });
    if (users === 'guests' || users === 'all') {
      const mentioned = new Set<string>();
      for (const p of this.stack.policies) for (const b of [p.incGuestBlock, p.excGuestBlock]) if (b) for (const t of b.types.values) mentioned.add(t);
      const types = GUEST_OR_EXTERNAL_USER_TYPES.signInValues.filter((t) => t !== 'none' && t !== 'unknownFutureValue');
      for (const t of types.filter((x) => mentioned.has(x))) out.push({ id: `guest:${t}`, label: guestLabel(t).toLowerCase(), other: false, servicePrincipal: false, externalUserType: t });
      const rest = types.filter((x) => !mentioned.has(x));
      if (rest.length > 0) {
        out.push({
          id: 'guest:else',
          label: mentioned.size === 0 ? 'guests and external users' : `guests and external users other than ${[...mentioned].map((t) => guestLabel(t).toLowerCase()).join(', ')}`,
          other: true,
          servicePrincipal: false,
          externalUserType: rest.includes('b2bCollaborationGuest') ? 'b2bCollaborationGuest' : rest[0],
        });
      }
    }
    if (users === 'servicePrincipals') out.push({ id: 'servicePrincipal', label: 'service principals', other: false, servicePrincipal: true, externalUserType: 'none' });
    return out;
  }

  /** Whether a full sign-in is of kind `k`. */
  public kindMatches(k: KindValue, s: PreparedSignIn): boolean {
    if (k.servicePrincipal || s.isServicePrincipal) return k.servicePrincipal === s.isServicePrincipal;
    if (k.id === 'member') return s.externalUserType === 'none';
    if (k.id === 'guest:else') {
      return s.externalUserType !== 'none' && !this.kinds().some((x) => !x.other && x.externalUserType === s.externalUserType);
    }
    return k.externalUserType === s.externalUserType;
  }

  /** The resources explored for a kind (user actions for users only). */
  public resources(kind: { readonly servicePrincipal: boolean }): ResourceValue[] {
    let cached = this.resourceCache.get(kind.servicePrincipal);
    if (!cached) {
      cached = this.computeResources(kind.servicePrincipal);
      this.resourceCache.set(kind.servicePrincipal, cached);
    }
    return cached;
  }

  private computeResources(servicePrincipal: boolean): ResourceValue[] {
    const kind = { servicePrincipal };
    const out: ResourceValue[] = [];
    if (!kind.servicePrincipal) {
      for (const t of USER_ACTIONS.terms) {
        if (t.signIn === false || t.policy === false) continue;
        out.push({ id: `action:${t.value}`, label: t.label, other: false, context: CTX_USER_ACTION, userActionUrn: t.value, userAction: t.signIn ?? t.value });
      }
    }
    const keys = new Set<string>();
    let office = false;
    let admin = false;
    for (const p of this.stack.policies) {
      for (const l of [p.incApps, p.excApps]) {
        for (const k of l.ids.keys) if (expressible(k)) keys.add(k);
        office ||= l.office365;
        admin ||= l.adminPortals;
      }
    }
    for (const k of [...keys].sort()) {
      const id = identityOf(k);
      out.push({ id: `app:${k}`, label: this.appName(k), other: false, context: CTX_APPLICATION, app: { term: id.term, suite: null }, appJson: id.json });
    }
    const pick = (ids: ReadonlyMap<string, string>) => [...ids.keys()].find((k) => !keys.has(k));
    const officeMember = office ? pick(OFFICE_365_APP_IDS) : undefined;
    if (officeMember) {
      out.push({
        id: 'app:office365',
        label: 'other Office 365 apps',
        other: true,
        context: CTX_APPLICATION,
        app: { term: { key: officeMember, kind: K_GUID }, suite: null },
        appJson: officeMember,
      });
    }
    const adminMember = admin ? pick(ADMIN_PORTAL_APP_IDS) : undefined;
    if (adminMember) {
      out.push({
        id: 'app:adminPortals',
        label: 'other Microsoft Admin Portals',
        other: true,
        context: CTX_APPLICATION,
        app: { term: { key: adminMember, kind: K_GUID }, suite: null },
        appJson: adminMember,
      });
    }
    // any other app: in no suite and listed by no policy
    let fresh: string;
    do fresh = this.fresh.guid();
    while (OFFICE_365_APP_IDS.has(fresh) || ADMIN_PORTAL_APP_IDS.has(fresh));
    out.push({ id: 'app:else', label: 'any other app', other: true, context: CTX_APPLICATION, app: { term: { key: fresh, kind: K_GUID }, suite: null }, appJson: fresh });
    return out;
  }

  /** The resource value id a full sign-in falls in. */
  public resourceIdOf(s: PreparedSignIn): string | undefined {
    const rs = this.resources({ servicePrincipal: s.isServicePrincipal });
    if (s.context === CTX_USER_ACTION) return rs.find((r) => r.userActionUrn === s.userActionUrn)?.id;
    if (s.context !== CTX_APPLICATION || s.apps.length !== 1) return undefined;
    const term = s.apps[0].term;
    // a group of apps named in the request is an app in no list
    if (term === null) return 'app:else';
    const listed = rs.find((r) => !r.other && r.app?.term?.key === term.key);
    if (listed) return listed.id;
    if (OFFICE_365_APP_IDS.has(term.key) && rs.some((r) => r.id === 'app:office365')) return 'app:office365';
    if (ADMIN_PORTAL_APP_IDS.has(term.key) && rs.some((r) => r.id === 'app:adminPortals')) return 'app:adminPortals';
    return 'app:else';
  }

  private appName(key: string): string {
    return this.stack.names.get(key) ?? applicationName(key) ?? key;
  }
}
