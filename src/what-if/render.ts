/**
 * Human-readable rendering of a What-If report (used by the CLI and the jest matchers). Internal module.
 */
import { WhatIfAccessDecision, WhatIfGrantControls, WhatIfPolicyResult, WhatIfReport } from './model';

const STATE_LABELS: { [state: string]: string } = {
  enabled: 'on',
  disabled: 'off',
  enabledForReportingButNotEnforced: 'report-only',
};

/** A short label for a policy state. */
export function stateLabel(state: string): string {
  return STATE_LABELS[state] ?? state;
}

/** A one-line summary of grant controls, e.g. `mfa OR compliantDevice` or `strength 'Phishing-resistant MFA'`. */
export function controlsLabel(grant: WhatIfGrantControls | undefined): string {
  if (!grant) return '';
  const parts: string[] = [...grant.builtInControls];
  const strength = grant.authenticationStrength;
  if (strength) {
    parts.push(`strength '${strength.displayName ?? strength.address ?? strength.id}'${strength.resolved ? '' : ' (unresolved)'}`);
  }
  for (const t of grant.termsOfUse) parts.push(`terms of use ${t}`);
  for (const c of grant.customAuthenticationFactors) parts.push(`custom factor ${c}`);
  return parts.join(` ${grant.operator} `);
}

function policyLabel(result: WhatIfPolicyResult | undefined, address: string): string {
  return result ? `${result.displayName} (${address})` : address;
}

/** Renders one access decision as indented lines. */
export function decisionLines(decision: WhatIfAccessDecision, byAddress: Map<string, WhatIfPolicyResult>, indent: string): string[] {
  const lines: string[] = [];
  for (const address of decision.blockedBy) lines.push(`${indent}blocked by ${policyLabel(byAddress.get(address), address)}`);
  for (const r of decision.requirements) lines.push(`${indent}${r.displayName} (${r.address}) requires ${controlsLabel(r)}`);
  if (decision.undeterminedBy.length > 0) {
    lines.push(
      `${indent}undetermined: ${decision.undeterminedBy
        .map((a) => {
          const r = byAddress.get(a);
          const effect = r?.grantControls?.builtInControls.includes('block') ? 'would block' : `would require ${controlsLabel(r?.grantControls)}`;
          return `${policyLabel(r, a)} ${r ? effect : 'might apply'}`;
        })
        .join('; ')}`,
    );
    lines.push(`${indent}missing to decide: ${decision.missing.join(', ')}`);
  }
  if (decision.undetermined.length > 0) {
    lines.push(
      `${indent}undetermined (notEnoughInformation, might apply with more sign-in details): ${decision.undetermined
        .map((a) => policyLabel(byAddress.get(a), a))
        .join(', ')}`,
    );
  }
  return lines;
}

/** Renders a report as a table plus the outcome. */
export function formatReport(report: WhatIfReport): string {
  const header = ['APPLIES', 'STATE', 'POLICY', 'REASONS', 'CONTROLS', 'ADDRESS'];
  const rows = report.results.map((r) => [
    r.policyApplies ? 'yes' : 'no',
    stateLabel(r.state),
    r.displayName,
    r.analysisReasons,
    controlsLabel(r.grantControls) + (r.sessionControls ? `${r.grantControls ? ' + ' : ''}session` : ''),
    r.address,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (rows.length === 0) {
    out.push('(no policies to show)');
  } else {
    out.push(line(header));
    for (const row of rows) out.push(line(row));
  }
  const byAddress = new Map(report.results.map((r) => [r.address, r]));
  out.push('');
  out.push(`Outcome (enabled policies): ${report.outcome.access}`);
  out.push(...decisionLines(report.outcome, byAddress, '  '));
  out.push(`Outcome (report-only policies): ${report.outcome.reportOnly.access}`);
  out.push(...decisionLines(report.outcome.reportOnly, byAddress, '  '));
  for (const w of report.warnings ?? []) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}
