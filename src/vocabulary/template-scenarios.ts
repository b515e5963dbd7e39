import { Vocabulary } from './vocabulary';

/**
 * The categories of Microsoft's Conditional Access templates: the tabs of Learn's "Conditional Access
 * policy templates" page (MicrosoftDocs/entra-docs, docs/identity/conditional-access/
 * concept-conditional-access-policy-common.md, ms.date 03/24/2026) as labels, and the members of Graph's
 * `templateScenarios` flags enum (`conditionalAccessTemplate.scenarios`) as values. The page's sixth tab,
 * "AI Agents", holds templates provider 3.7.0 cannot express, so it has no term here. Not a policy
 * attribute (`policy: false`) and never part of a sign-in (`signIn: false`).
 */
export const TEMPLATE_SCENARIOS = new Vocabulary('template category', {
  SECURE_FOUNDATION: { value: 'secureFoundation', label: 'Secure foundation', policy: false, signIn: false },
  ZERO_TRUST: { value: 'zeroTrust', label: 'Zero Trust', policy: false, signIn: false },
  REMOTE_WORK: { value: 'remoteWork', label: 'Remote work', policy: false, signIn: false },
  PROTECT_ADMINISTRATOR: { value: 'protectAdmins', label: 'Protect administrator', policy: false, signIn: false },
  EMERGING_THREATS: { value: 'emergingThreats', label: 'Emerging threats', policy: false, signIn: false },
});
