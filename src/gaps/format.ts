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
function scopeText(report: GapReport): string {
  return `${report.reportOnly ? 'enabled and report-only policies as if on' : 'enabled policies'}, ${report.users === 'all' ? 'members and guests' : report.users}`;
}

/**
 * The human form: the holes first, grouped by who and which resource, one line each with its id; the deliberate
 * exclusions apart; the replayable sign-ins last, by id, so the list itself fits on a screen (`--json` adds the
 * policies that apply to each).
 */
export function formatGaps(report: GapReport): string {
  const out: string[] = [];
  if (report.incomplete) out.push(`INCOMPLETE: ${report.incomplete}`, '');
  if (report.gaps.length === 0) {
    out.push(`No gaps${report.complete ? '' : ' found'}: every sign-in faces ${report.requirement}${report.excludedOnPurpose.length ? ' or is excluded on purpose' : ''} (${scopeText(report)}; ${report.classes} sign-in classes).`);
  } else {
    out.push(`${report.gaps.length} gap${report.gaps.length === 1 ? '' : 's'} for --require ${report.requirement} (${scopeText(report)}; ${report.classes} sign-in classes):`);
    for (const [who, gaps] of byWhoAndWhat(report.gaps)) {
      out.push('', who);
      for (const { gap: g, rest } of gaps) out.push(`  ${g.id}  ${rest ? `${rest} ` : ''}→ ${g.outcome}`);
    }
  }
  if (report.excludedOnPurpose.length > 0) {
    out.push('', `Excluded on purpose (${report.excludedOnPurpose.length}):`);
    for (const [who, gaps] of byWhoAndWhat(report.excludedOnPurpose)) {
      out.push('', who);
      for (const { gap: g, rest } of gaps) out.push(`  ${g.id}  ${rest ? `${rest} ` : ''}→ ${g.outcome} (${g.onPurpose})`);
    }
  }
  const all = [...report.gaps, ...report.excludedOnPurpose];
  if (all.length > 0) {
    out.push('');
    out.push('Example sign-ins (replay one with: cdktf-entra-ca what-if <stack> --scenario <file with the sign-in>):');
    for (const g of all) out.push(`${g.id}  ${JSON.stringify(g.signIn)}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Gaps grouped by who and which resource (the first two parts of a description, `members · any resource`), in order
 * of first appearance, each with the rest of its description.
 */
function byWhoAndWhat(gaps: readonly Gap[]): Map<string, Array<{ gap: Gap; rest: string }>> {
  const out = new Map<string, Array<{ gap: Gap; rest: string }>>();
  for (const gap of gaps) {
    const parts = gap.description.split(' · ');
    const who = parts.slice(0, 2).join(' · ');
    const list = out.get(who) ?? [];
    list.push({ gap, rest: parts.slice(2).join(' · ') });
    out.set(who, list);
  }
  return out;
}
