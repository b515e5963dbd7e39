/**
 * The policy-set report: every policy in portal words, a matrix of who × which resource × from where with the
 * outcome colour-coded, the gaps for a requirement and the lint findings; as one self-contained HTML page (inline
 * CSS, no script, no network) or as Markdown. Internal module; `cdktf-entra-ca report` prints it.
 */
import { Namer, PolicySummary, summarizePolicy } from './summary';
import { DEFAULT_MAX_SECONDS, findGaps, RequirementCheck } from '../gaps/analysis';
import { Gap, GapReport, GapUsers } from '../gaps/model';
import { Explorer, SignInClassLeaf } from '../gaps/partition';
import { GapRequirement } from '../gaps/requirement';
import { ipRegions } from '../gaps/value-space';
import type { TenantDiff } from '../graph/tenant-diff';
import { ConditionalAccessModel } from '../model/conditional-access-model';
import { ConditionalAccessRules } from '../rules/conditional-access-rules';
import { RuleFinding, RuleSeverity } from '../rules/rule';
import { compileModel } from '../what-if/compile-stack';
import { CompiledStack } from '../what-if/compiled-stack';
import { F } from '../what-if/logic';
import { WhatIfAccess } from '../what-if/model';
import { prepareSignIn } from '../what-if/prepare-sign-in';

/** How a matrix cell's sign-ins fare against the requirement, worst first. */
export type CellOutcome = 'allowed' | 'undetermined' | 'otherControls' | 'met' | 'blocked';

const RANK: readonly CellOutcome[] = ['allowed', 'undetermined', 'otherControls', 'met', 'blocked'];

/** A cell of the matrix: the outcomes of the classes in it. */
export interface MatrixCell {
  /**
   * What an ordinary sign-in of the cell gets (its colour): a user no policy names, in no group or role they name, a
   * browser on Windows, no risk. Emergency-access accounts and other exceptions do not colour the whole cell.
   */
  readonly ordinary: CellOutcome;
  /** The worst outcome in the cell (marked when it is worse than the ordinary one). */
  readonly worst: CellOutcome;
  /** Every outcome met in the cell, worst first. */
  readonly outcomes: CellOutcome[];
}

/** The matrix: rows are kinds of users, columns resources, each split by location. */
export interface Matrix {
  readonly kinds: string[];
  readonly resources: string[];
  readonly locations: Array<{ readonly label: string; readonly trusted: boolean }>;
  /** `cells[kind][resource][location]`. */
  readonly cells: MatrixCell[][][];
  /** Whether every cell was explored whole; when false, a cell's `worst` covers only what was explored in time. */
  readonly complete: boolean;
  /** IP named locations left out of the columns (only the first ones get a column). */
  readonly omittedLocations: number;
}

/** Everything the report shows. */
export interface ReportData {
  readonly source: string;
  readonly requirement: GapRequirement;
  readonly counts: { readonly total: number; readonly enabled: number; readonly reportOnly: number; readonly disabled: number };
  readonly policies: PolicySummary[];
  readonly matrix: Matrix;
  readonly gaps: GapReport;
  readonly findings: RuleFinding[];
  readonly warnings: string[];
  /** What deploying the stack changes in a tenant, when the report was given the tenant's export. */
  readonly tenantDiff?: TenantDiff;
}

/** Options of the report. */
export interface ReportOptions {
  /** The requirement of the gaps section and the matrix colours. Default MFA. */
  readonly require?: GapRequirement;
  /** At most this many IP named locations get a column (default 8). */
  readonly maxLocations?: number;
  /** Stop the gap analysis and the matrix after this many seconds (default 60); the report then says what is incomplete. */
  readonly maxSeconds?: number;
  /** What deploying the stack changes in a tenant (`GraphExport.diffFiles`), shown in its own section. Default none. */
  readonly tenantDiff?: TenantDiff;
}

/** Builds the report data for a model. */
export function buildReport(model: ConditionalAccessModel, options: ReportOptions = {}): ReportData {
  const requirement = options.require ?? GapRequirement.MFA;
  const stack = compileModel(model);
  // one budget for the whole report: the matrix first, the gaps with what is left of it
  const maxSeconds = options.maxSeconds ?? DEFAULT_MAX_SECONDS;
  const end = performance.now() + maxSeconds * 1000;
  const matrix = buildMatrix(stack, requirement, options.maxLocations ?? 8, end);
  const left = Math.max(0.001, (end - performance.now()) / 1000);
  const namer = new Namer(model);
  const state = (s: string) => model.policies.filter((p) => p.state === s).length;
  return {
    source: model.source,
    requirement,
    counts: { total: model.policies.length, enabled: state('enabled'), reportOnly: state('enabledForReportingButNotEnforced'), disabled: state('disabled') },
    policies: model.policies.map((p) => summarizePolicy(p, namer)),
    matrix,
    gaps: findGaps(stack, { require: requirement, users: GapUsers.ALL, maxSeconds: left }),
    findings: ConditionalAccessRules.lint(model),
    warnings: stack.warnings,
    tenantDiff: options.tenantDiff,
  };
}

function buildMatrix(stack: CompiledStack, requirement: GapRequirement, maxLocations: number, deadline: number): Matrix {
  const check = new RequirementCheck(stack, requirement);
  const ipLocations = stack.locations.filter((l) => l.isIp && l.ranges !== null);
  const shown = ipLocations.slice(0, maxLocations);
  const regions = ipRegions(ipLocations);
  const columns: Array<{ label: string; trusted: boolean; ip: string }> = [];
  shown.forEach((l) => {
    const j = ipLocations.indexOf(l);
    const inside = regions.filter((r) => r.inside[j]).sort((x, y) => x.inside.filter(Boolean).length - y.inside.filter(Boolean).length)[0];
    if (inside) columns.push({ label: l.displayName, trusted: l.trusted !== F, ip: inside.text });
  });
  const elsewhere = regions.find((r) => r.inside.every((x) => !x));
  columns.push({ label: ipLocations.length > 0 ? 'Anywhere else' : 'Any location', trusted: false, ip: elsewhere?.text ?? '40.77.182.32' });

  let kinds: Array<{ id: string; label: string }> = [];
  let resources: Array<{ id: string; label: string }> = [];
  const outcomes = new Map<string, Set<CellOutcome>>();
  const ordinary = new Map<string, CellOutcome>();
  const outcomeOf = (leaf: SignInClassLeaf): CellOutcome => {
    const met = check.meets(leaf.decision);
    if (leaf.decision.access === WhatIfAccess.BLOCKED) return 'blocked';
    if (met === true) return 'met';
    if (met === undefined) return 'undetermined';
    return leaf.decision.access === WhatIfAccess.REQUIRES_CONTROLS ? 'otherControls' : 'allowed';
  };
  let complete = true;
  columns.forEach((column, c) => {
    // explored as gap analysis explores (the policies that can meet the requirement): a cell's outcomes are whether
    // its sign-ins meet it, and how the example of each part that misses it fares
    const p = new Explorer(stack, {
      users: 'all',
      reportOnly: false,
      fixedIp: { text: column.ip, label: column.label },
      deadline,
      met: (d) => check.meets(d) === true,
      relevant: (policy) => check.canMeet(policy),
    }).explore();
    if (p.unfinished.length > 0) complete = false;
    if (c === 0) {
      kinds = p.kinds;
      resources = p.resources;
    }
    for (const leaf of p.leaves) {
      const kind = leaf.choices.find((x) => x.dim === 'kind')!.value.id;
      const resource = leaf.choices.find((x) => x.dim === 'resource')!.value.id;
      const key = `${kind}|${resource}|${c}`;
      const set = outcomes.get(key) ?? new Set<CellOutcome>();
      set.add(outcomeOf(leaf));
      outcomes.set(key, set);
    }
    for (const [root, signIn] of p.ordinarySignIns) {
      const prepared = prepareSignIn(signIn, stack);
      const leaf = Array.isArray(prepared) ? undefined : p.classify(prepared);
      if (leaf) ordinary.set(`${root}|${c}`, outcomeOf(leaf));
    }
  });
  const cells = kinds.map((k) =>
    resources.map((r) =>
      columns.map((_, c) => {
        const set = outcomes.get(`${k.id}|${r.id}|${c}`) ?? new Set<CellOutcome>();
        const list = RANK.filter((o) => set.has(o));
        const worst = list[0] ?? 'allowed';
        return { ordinary: ordinary.get(`${k.id}|${r.id}|${c}`) ?? worst, worst, outcomes: list };
      }),
    ),
  );
  return {
    kinds: kinds.map((k) => k.label),
    resources: resources.map((r) => r.label),
    locations: columns.map(({ label, trusted }) => ({ label, trusted })),
    cells,
    complete,
    omittedLocations: ipLocations.length - shown.length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

const OUTCOME_WORDS: { readonly [o in CellOutcome]: (req: string) => string } = {
  allowed: () => 'allowed',
  undetermined: () => 'undetermined',
  otherControls: (req) => `other controls, not ${req}`,
  met: (req) => req,
  blocked: () => 'blocked',
};

const SHORT: { readonly [o in CellOutcome]: string } = { allowed: 'allow', undetermined: '?', otherControls: 'ctrl', met: 'ok', blocked: 'block' };

/** The short text of a cell: the ordinary outcome, marked when some sign-ins in the cell fare worse. */
function cellText(cell: MatrixCell): string {
  return `${SHORT[cell.ordinary]}${cell.worst !== cell.ordinary ? '*' : ''}`;
}

function cellTitle(cell: MatrixCell, req: string): string {
  const others = cell.outcomes.filter((o) => o !== cell.ordinary);
  return `ordinary sign-in: ${OUTCOME_WORDS[cell.ordinary](req)}${others.length ? `; also in this cell: ${others.map((o) => OUTCOME_WORDS[o](req)).join(', ')}` : ''}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = `
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;margin:24px;color:#1f2328;background:#fff;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.muted{color:#57606a}.address{overflow-wrap:anywhere;font-size:12px}.counts span{display:inline-block;margin-right:16px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f6f8fa}.policies td{max-width:320px}.state-On{color:#1a7f37;font-weight:bold}.state-Report-only{color:#9a6700;font-weight:bold}.state-Off{color:#57606a}
.matrix td.cell{text-align:center;font-size:12px;min-width:44px;color:#fff;font-weight:bold}
.o-allowed{background:#cf222e}.o-undetermined{background:#8c959f}.o-otherControls{background:#bf8700}.o-met{background:#2da44e}.o-blocked{background:#116329}
.legend span{display:inline-block;padding:2px 8px;margin-right:8px;color:#fff;border-radius:3px;font-size:12px}
.gap{margin:6px 0;padding:6px 8px;border-left:4px solid #cf222e;background:#fff5f5}.gap.undetermined{border-color:#8c959f;background:#f6f8fa}
code{font-family:"DejaVu Sans Mono",monospace;font-size:12px;background:#f6f8fa;padding:1px 3px;word-break:break-all}
.error{color:#cf222e;font-weight:bold}.warning{color:#9a6700;font-weight:bold}
`;

/** The report as one self-contained HTML page. */
export function renderHtml(r: ReportData): string {
  const req = r.requirement.label;
  const h: string[] = [];
  h.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', `<title>Conditional Access report: ${escapeHtml(r.source)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  h.push('<h1>Conditional Access report</h1>', `<div class="muted">${escapeHtml(r.source)}</div>`);
  h.push(
    `<p class="counts"><span><b>${r.counts.total}</b> policies</span><span><b>${r.counts.enabled}</b> on</span><span><b>${r.counts.reportOnly}</b> report-only</span><span><b>${r.counts.disabled}</b> off</span>` +
      `<span><b>${r.gaps.gaps.length}</b> gaps for ${escapeHtml(req)}</span><span><b>${r.findings.length}</b> lint findings</span></p>`,
  );

  if (r.tenantDiff) {
    const c = r.tenantDiff.counts;
    h.push('<h2>Changes in the tenant</h2>', `<p class="muted">What deploying the stack changes in ${escapeHtml(r.tenantDiff.tenantSources.join(', '))}: ${c.create} to create, ${c.update} to update, ${c.delete} to delete.</p>`);
    h.push(`<pre class="diff">${escapeHtml(r.tenantDiff.toText())}</pre>`);
  }

  h.push('<h2>Who gets in, and how</h2>');
  h.push(
    '<p class="muted">Enabled policies. Each cell\'s colour is what an ordinary sign-in of that kind gets, to that resource, from that location: a user no policy names, in no group or role they name, a browser on Windows, no risk. ' +
      `A cell marked * holds sign-ins that fare worse (emergency-access accounts, excluded groups, other client apps or platforms): hover over it for every outcome in it, and see the gaps below. Requirement: ${escapeHtml(req)}.</p>`,
  );
  h.push(
    `<div class="legend">${RANK.map((o) => `<span class="o-${o}">${escapeHtml(SHORT[o])} = ${escapeHtml(OUTCOME_WORDS[o](req))}</span>`).join('')}</div>`,
  );
  const m = r.matrix;
  h.push('<table class="matrix">', '<tr><th rowspan="2">Users</th>');
  for (const res of m.resources) h.push(`<th colspan="${m.locations.length}">${escapeHtml(res)}</th>`);
  h.push('</tr><tr>');
  for (let i = 0; i < m.resources.length; i++) {
    for (const l of m.locations) h.push(`<th class="muted">${escapeHtml(l.label)}${l.trusted ? ' (trusted)' : ''}</th>`);
  }
  h.push('</tr>');
  m.kinds.forEach((kind, k) => {
    h.push(`<tr><th>${escapeHtml(kind)}</th>`);
    m.cells[k].forEach((byLocation) => {
      for (const cell of byLocation) {
        h.push(`<td class="cell o-${cell.ordinary}" title="${escapeHtml(cellTitle(cell, req))}">${escapeHtml(cellText(cell))}</td>`);
      }
    });
    h.push('</tr>');
  });
  h.push('</table>');
  if (m.omittedLocations > 0) h.push(`<p class="muted">${m.omittedLocations} more IP named locations have no column.</p>`);
  if (!m.complete) h.push('<p class="error">The matrix is incomplete: the time budget ran out; a cell\'s * covers only what was explored.</p>');

  h.push(`<h2>Gaps: sign-ins that do not face ${escapeHtml(req)}</h2>`);
  if (r.gaps.incomplete) h.push(`<p class="error">Incomplete: ${escapeHtml(r.gaps.incomplete)}</p>`);
  if (r.gaps.gaps.length === 0) h.push(`<p>None${r.gaps.complete ? '' : ' found'}: every sign-in faces ${escapeHtml(req)} (${r.gaps.classes} sign-in classes).</p>`);
  const gapHtml = (g: Gap, purpose: boolean) =>
    `<div class="gap${g.access === WhatIfAccess.UNDETERMINED || purpose ? ' undetermined' : ''}"><code>${g.id}</code> <b>${escapeHtml(g.description)}</b> → ${escapeHtml(g.outcome)}` +
    `${purpose ? `<br><span class="muted">on purpose: ${escapeHtml(g.onPurpose!)}</span>` : ''}` +
    `<br><span class="muted">sign-in:</span> <code>${escapeHtml(JSON.stringify(g.signIn))}</code></div>`;
  for (const g of r.gaps.gaps) h.push(gapHtml(g, false));
  if (r.gaps.excludedOnPurpose.length > 0) {
    h.push('<h3>Excluded on purpose</h3>');
    for (const g of r.gaps.excludedOnPurpose) h.push(gapHtml(g, true));
  }

  h.push('<h2>Policies</h2>', '<table class="policies"><tr><th>Policy</th><th>State</th><th>Users</th><th>Target resources</th><th>Conditions</th><th>Grant</th><th>Session</th></tr>');
  for (const p of r.policies) {
    h.push(
      `<tr><td><b>${escapeHtml(p.displayName)}</b><br><span class="muted address">${escapeHtml(p.address)}</span></td><td class="state-${escapeHtml(p.state.replace(/ /g, '-'))}">${escapeHtml(p.state)}</td>` +
        `<td>${escapeHtml(p.users)}</td><td>${escapeHtml(p.resources)}</td><td>${p.conditions.map(escapeHtml).join('<br>') || '<span class="muted">none</span>'}</td>` +
        `<td>${escapeHtml(p.grant) || '<span class="muted">none</span>'}</td><td>${escapeHtml(p.session) || '<span class="muted">none</span>'}</td></tr>`,
    );
  }
  h.push('</table>');

  h.push('<h2>Lint findings</h2>');
  if (r.findings.length === 0) {h.push('<p>None.</p>');} else {
    h.push('<table><tr><th>Rule</th><th>Severity</th><th>Where</th><th>Finding</th><th>Fix</th></tr>');
    for (const f of r.findings) {
      const error = f.severity === RuleSeverity.ERROR;
      h.push(
        `<tr><td>${escapeHtml(f.ruleId)}</td><td class="${error ? 'error' : 'warning'}">${error ? 'error' : 'warning'}</td><td>${escapeHtml(f.displayName ?? f.address ?? f.path)}</td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.fix)}</td></tr>`,
      );
    }
    h.push('</table>');
  }
  if (r.warnings.length > 0) {
    h.push('<h2>Stack warnings</h2>', '<ul>');
    for (const w of r.warnings) h.push(`<li>${escapeHtml(w)}</li>`);
    h.push('</ul>');
  }
  h.push('<p class="muted">Generated offline by cdktf-entra-ca report from the synthesized stack.</p>', '</body>', '</html>');
  return h.join('\n') + '\n';
}

function md(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The report as Markdown. */
export function renderMarkdown(r: ReportData): string {
  const req = r.requirement.label;
  const out: string[] = [];
  out.push('# Conditional Access report', '', `\`${r.source}\``, '');
  out.push(
    `${r.counts.total} policies: ${r.counts.enabled} on, ${r.counts.reportOnly} report-only, ${r.counts.disabled} off; ${r.gaps.gaps.length} gaps for ${req}; ${r.findings.length} lint findings.`,
    '',
  );
  if (r.tenantDiff) out.push('## Changes in the tenant', '', `What deploying the stack changes in ${r.tenantDiff.tenantSources.map((t) => `\`${t}\``).join(', ')}:`, '', '```', r.tenantDiff.toText().trimEnd(), '```', '');
  out.push(
    '## Who gets in, and how',
    '',
    `Enabled policies; each cell is what an ordinary sign-in gets (a user no policy names, in no group or role they name, a browser on Windows, no risk); * marks a cell where some sign-ins fare worse (see the gaps). Requirement: ${req}.`,
    '',
  );
  out.push(RANK.map((o) => `**${SHORT[o]}** = ${OUTCOME_WORDS[o](req)}`).join(' · '), '');
  const m = r.matrix;
  m.locations.forEach((l, c) => {
    out.push(`### From ${l.label}${l.trusted ? ' (trusted)' : ''}`, '');
    out.push(`| Users | ${m.resources.map(md).join(' | ')} |`, `|---|${m.resources.map(() => '---').join('|')}|`);
    m.kinds.forEach((kind, k) => out.push(`| ${md(kind)} | ${m.cells[k].map((byLocation) => md(cellText(byLocation[c])).replace(/\*/g, '\\*')).join(' | ')} |`));
    out.push('');
  });
  if (m.omittedLocations > 0) out.push(`${m.omittedLocations} more IP named locations have no table.`, '');
  out.push(`## Gaps: sign-ins that do not face ${req}`, '');
  if (!m.complete) out.push('The matrix is incomplete: the time budget ran out; a cell\'s * covers only what was explored.', '');
  if (r.gaps.incomplete) out.push(`**Incomplete:** ${md(r.gaps.incomplete)}`, '');
  if (r.gaps.gaps.length === 0) out.push(`None${r.gaps.complete ? '' : ' found'}: every sign-in faces ${req} (${r.gaps.classes} sign-in classes).`, '');
  r.gaps.gaps.forEach((g) => out.push(`- \`${g.id}\` **${md(g.description)}** → ${md(g.outcome)}`, `  sign-in: \`${JSON.stringify(g.signIn)}\``));
  if (r.gaps.excludedOnPurpose.length > 0) {
    out.push('', '### Excluded on purpose', '');
    r.gaps.excludedOnPurpose.forEach((g) => out.push(`- \`${g.id}\` **${md(g.description)}** → ${md(g.outcome)} (${md(g.onPurpose!)})`));
  }
  out.push('', '## Policies', '', '| Policy | State | Users | Target resources | Conditions | Grant | Session |', '|---|---|---|---|---|---|---|');
  for (const p of r.policies) {
    out.push(`| **${md(p.displayName)}** | ${p.state} | ${md(p.users)} | ${md(p.resources)} | ${md(p.conditions.join('; ')) || '—'} | ${md(p.grant) || '—'} | ${md(p.session) || '—'} |`);
  }
  out.push('', '## Lint findings', '');
  if (r.findings.length === 0) out.push('None.');
  for (const f of r.findings) out.push(`- **${f.ruleId}** ${f.severity === RuleSeverity.ERROR ? 'error' : 'warning'} ${md(f.displayName ?? f.address ?? f.path)}: ${md(f.message)} Fix: ${md(f.fix)}`);
  if (r.warnings.length > 0) {
    out.push('', '## Stack warnings', '');
    for (const w of r.warnings) out.push(`- ${md(w)}`);
  }
  return out.join('\n') + '\n';
}
