/**
 * Gap reports as text and as the JSON `cdktf-entra-ca gaps --json` prints. Internal module.
 */
import { Gap, GapReport } from './model';

/** The `--json` shape. */
export function gapsJson(report: GapReport): object {
  const gap = (g: Gap) => ({
    id: g.id,
    description: g.description,
    outcome: g.outcome,
    unless: g.unless,
    ...(g.onPurpose ? { onPurpose: g.onPurpose } : {}),
    policies: g.policies,
    signIn: g.signIn,
  });
  return {
    requirement: report.requirement,
    users: report.users,
    reportOnly: report.reportOnly,
    complete: report.complete,
    ...(report.incomplete ? { incomplete: report.incomplete } : {}),
    classes: report.classes,
    gaps: report.gaps.map(gap),
    excludedOnPurpose: report.excludedOnPurpose.map(gap),
  };
}

/** The scope of a report in words, e.g. `enabled policies, members and guests`. */
export function scopeText(report: GapReport): string {
  return `${report.reportOnly ? 'enabled and report-only policies as if on' : 'enabled policies'}, ${report.users === 'all' ? 'members and guests' : report.users}`;
}

/**
 * The human form: the holes first, one line each with its id, then what excludes them (the policies that would meet
 * the requirement for some of their sign-ins) and the policies that apply; the deliberate exclusions apart, one line
 * each; the replayable sign-ins last, by id, so the list itself fits on a screen.
 */
export function formatGaps(report: GapReport, policies: ReadonlyArray<{ address: string; displayName: string }>): string {
  const names = new Map(policies.map((p) => [p.address, p.displayName]));
  const out: string[] = [];
  if (report.incomplete) out.push(`INCOMPLETE: ${report.incomplete}`, '');
  if (report.gaps.length === 0) {
    out.push(`No gaps${report.complete ? '' : ' found'}: every sign-in faces ${report.requirement}${report.excludedOnPurpose.length ? ' or is excluded on purpose' : ''} (${scopeText(report)}; ${report.classes} sign-in classes).`);
  } else {
    out.push(`${report.gaps.length} gap${report.gaps.length === 1 ? '' : 's'} for --require ${report.requirement} (${scopeText(report)}; ${report.classes} sign-in classes):`);
    out.push('');
    for (const g of report.gaps) {
      out.push(`${g.id}  ${g.description} → ${g.outcome}`);
      if (g.policies.length > 0) out.push(`            applying: ${g.policies.map((a) => names.get(a) ?? a).join(', ')}`);
    }
  }
  if (report.excludedOnPurpose.length > 0) {
    out.push('');
    out.push(`Excluded on purpose (${report.excludedOnPurpose.length}):`);
    for (const g of report.excludedOnPurpose) out.push(`${g.id}  ${g.description} → ${g.outcome} (${g.onPurpose})`);
  }
  const all = [...report.gaps, ...report.excludedOnPurpose];
  if (all.length > 0) {
    out.push('');
    out.push('Example sign-ins (replay one with: cdktf-entra-ca what-if <stack> --scenario <file with the sign-in>):');
    for (const g of all) out.push(`${g.id}  ${JSON.stringify(g.signIn)}`);
  }
  return out.join('\n') + '\n';
}
