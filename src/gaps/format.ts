/**
 * Gap reports as text and as the JSON `cdktf-entra-ca gaps --json` prints. Internal module.
 */
import { GapReport } from './model';

/** The `--json` shape. */
export function gapsJson(report: GapReport): object {
  return {
    requirement: report.requirement,
    users: report.users,
    reportOnly: report.reportOnly,
    classes: report.classes,
    gaps: report.gaps.map((g) => ({ description: g.description, outcome: g.outcome, policies: g.policies, signIn: g.signIn })),
  };
}

/** The human form: one line per gap, its policies and a replayable sign-in. */
export function formatGaps(report: GapReport, policies: ReadonlyArray<{ address: string; displayName: string }>): string {
  const names = new Map(policies.map((p) => [p.address, p.displayName]));
  const scope = `${report.reportOnly ? 'report-only' : 'enabled'} policies, ${report.users === 'all' ? 'members and guests' : report.users}`;
  const out: string[] = [];
  if (report.gaps.length === 0) {
    out.push(`No gaps: every sign-in faces ${report.requirement} (${scope}; ${report.classes} sign-in classes).`);
    return out.join('\n') + '\n';
  }
  out.push(`${report.gaps.length} gap${report.gaps.length === 1 ? '' : 's'} for --require ${report.requirement} (${scope}; ${report.classes} sign-in classes):`);
  out.push('');
  report.gaps.forEach((g, i) => {
    out.push(`${i + 1}. ${g.description} → ${g.outcome}`);
    if (g.policies.length > 0) out.push(`   policies: ${g.policies.map((a) => `${names.get(a) ?? a} (${a})`).join(', ')}`);
    out.push(`   sign-in:  ${JSON.stringify(g.signIn)}`);
  });
  out.push('');
  out.push('Replay a sign-in with: cdktf-entra-ca what-if <stack> --scenario <file with the sign-in>');
  return out.join('\n') + '\n';
}
