import { Vocabulary } from './vocabulary';

/** Built-in grant controls (Graph `conditionalAccessGrantControl`; provider 3.7.0 `built_in_controls`). */
export const BUILT_IN_CONTROLS = new Vocabulary('built-in control', {
  BLOCK: { value: 'block', label: 'Block access' },
  MFA: { value: 'mfa', label: 'Require multifactor authentication' },
  COMPLIANT_DEVICE: { value: 'compliantDevice', label: 'Require device to be marked as compliant' },
  DOMAIN_JOINED_DEVICE: { value: 'domainJoinedDevice', label: 'Require Microsoft Entra hybrid joined device' },
  APPROVED_APPLICATION: { value: 'approvedApplication', label: 'Require approved client app' },
  COMPLIANT_APPLICATION: { value: 'compliantApplication', label: 'Require app protection policy' },
  PASSWORD_CHANGE: { value: 'passwordChange', label: 'Require password change' },
  RISK_REMEDIATION: { value: 'riskRemediation', label: 'Require risk remediation', provider: false },
});

/** Grant operator: "Require all the selected controls" (`AND`) or "Require one" (`OR`). */
export const GRANT_OPERATORS = new Vocabulary('grant operator', {
  AND: { value: 'AND', label: 'Require all the selected controls' },
  OR: { value: 'OR', label: 'Require one of the selected controls' },
});
