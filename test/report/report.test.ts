// The policy-set report: data, self-contained HTML and Markdown, the CLI command, and rendering in a real headless
// browser (Debian's chromium; the test skips, saying so, when it is not installed).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodePng, dumpDom, findChromium, screenshot } from './chromium';
import { runCli } from '../../src/cli/run';
import { GapRequirement } from '../../src/gaps';
import { ConditionalAccessModel } from '../../src/model/conditional-access-model';
import { buildReport, renderHtml, renderMarkdown } from '../../src/report/report';

jest.setTimeout(600_000);

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'what-if', 'recipes');
const model = ConditionalAccessModel.fromFile(FIXTURE);
const data = buildReport(model);

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-report-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('report data', () => {
  test('every policy in portal words', () => {
    expect(data.counts).toEqual({ total: 2, enabled: 2, reportOnly: 0, disabled: 0 });
    expect(data.policies).toEqual([
      {
        address: 'azuread_conditional_access_policy.members',
        displayName: 'Combined Security Info Registration with TAP',
        state: 'On',
        users: 'All users — except All guest and external users, Break glass; groups Emergency access accounts',
        resources: 'User action: Register security information',
        conditions: ['Locations: Any network or location — except All trusted networks and locations'],
        grant: "Require authentication strength 'TAP or phishing-resistant'",
        session: '',
      },
      {
        address: 'azuread_conditional_access_policy.guests',
        displayName: 'Combined Security Info Registration on Trusted Networks',
        state: 'On',
        users: 'All guest and external users — except Break glass',
        resources: 'User action: Register security information',
        conditions: ['Locations: Any network or location — except All trusted networks and locations'],
        grant: 'Block access',
        session: '',
      },
    ]);
  });

  test('the matrix: users × resources × locations, the ordinary sign-in\'s outcome and every outcome per cell', () => {
    const m = data.matrix;
    expect(m.kinds).toEqual(['members', 'guests and external users']);
    expect(m.resources).toEqual(['Register security information', 'Register or join devices', 'any other app']);
    expect(m.locations).toEqual([
      { label: 'HQ', trusted: true },
      { label: 'Partner network (not trusted)', trusted: false },
      { label: 'Anywhere else', trusted: false },
    ]);
    const cell = (kind: number, resource: number, location: number) => m.cells[kind][resource][location];
    // members registering: from HQ allowed; elsewhere the strength (MFA), except emergency accounts (allowed)
    expect(cell(0, 0, 0)).toEqual({ ordinary: 'allowed', worst: 'allowed', outcomes: ['allowed'] });
    expect(cell(0, 0, 1)).toEqual({ ordinary: 'met', worst: 'allowed', outcomes: ['allowed', 'met'] });
    // guests registering from elsewhere: blocked, except the break-glass account
    expect(cell(1, 0, 1)).toEqual({ ordinary: 'blocked', worst: 'allowed', outcomes: ['allowed', 'blocked'] });
    expect(cell(1, 2, 1)).toEqual({ ordinary: 'allowed', worst: 'allowed', outcomes: ['allowed'] });
  });

  test('gaps and lint findings are included', () => {
    expect(data.gaps.requirement).toBe('mfa');
    expect(data.gaps.gaps.length).toBeGreaterThan(0);
    expect(Array.isArray(data.findings)).toBe(true);
    expect(buildReport(model, { require: GapRequirement.BLOCK }).gaps.requirement).toBe('block');
  });
});

describe('HTML', () => {
  const html = renderHtml(data);

  test('is one self-contained page: no script, no stylesheet link, no remote resource', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*"(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain('<style>');
  });

  test('holds the policies, the matrix, the gaps and the findings', () => {
    for (const text of [
      'Conditional Access report',
      'Combined Security Info Registration with TAP',
      'Who gets in, and how',
      'HQ (trusted)',
      'Gaps: sign-ins that do not face MFA',
      'Lint findings',
      'anyone · Register or join devices or any other app',
    ]) {
      expect(html).toContain(text);
    }
  });

  test('a cell is coloured by its ordinary sign-in and marked when others in it fare worse', () => {
    expect(html).toContain('<td class="cell o-met" title="ordinary sign-in: MFA; also in this cell: allowed">ok*</td>');
    expect(html).toContain('<td class="cell o-blocked" title="ordinary sign-in: blocked; also in this cell: allowed">block*</td>');
  });

  test('escapes what the stack says', () => {
    const json = fs.readFileSync(path.join(FIXTURE, 'cdk.tf.json'), 'utf8').replace('Combined Security Info Registration with TAP', '<b>TAP</b> & \\"quotes\\"');
    const file = path.join(tmp, 'cdk.tf.json');
    fs.writeFileSync(file, json);
    const page = renderHtml(buildReport(ConditionalAccessModel.fromFile(file)));
    expect(page).toContain('&lt;b&gt;TAP&lt;/b&gt; &amp; &quot;quotes&quot;');
    expect(page).not.toContain('<b>TAP</b>');
  });
});

test('Markdown holds the same sections', () => {
  const md = renderMarkdown(data);
  expect(md).toContain('# Conditional Access report');
  expect(md).toContain('### From HQ (trusted)');
  expect(md).toContain('| members | allow | allow | allow |');
  // from the partner network an ordinary member registers with MFA; the emergency accounts (allowed) mark the cell
  expect(md).toContain('| members | ok\\* | allow | allow |');
  expect(md).toContain('## Gaps: sign-ins that do not face MFA');
  expect(md).toContain('| **Combined Security Info Registration with TAP** | On | All users — except All guest and external users, Break glass; groups Emergency access accounts |');
});

describe('cdktf-entra-ca report', () => {
  test('--out writes the HTML page and prints a summary', () => {
    const out = path.join(tmp, 'report.html');
    const r = runCli(['report', FIXTURE, '--out', out]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${out}: 2 policies, ${data.gaps.gaps.length} gaps for mfa, ${data.findings.length} lint findings\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe(renderHtml(data));
  });

  test('--format md prints Markdown to stdout', () => {
    const r = runCli(['report', FIXTURE, '--format', 'md']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(renderMarkdown(data));
  });

  test('past --max-seconds the report is still written, says what is incomplete, and the run exits 2', () => {
    const out = path.join(tmp, 'report.html');
    const r = runCli(['report', FIXTURE, '--out', out, '--max-seconds', '0.000001']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^report: incomplete: /);
    const html = fs.readFileSync(out, 'utf8');
    // everything else is there: the policies and the lint findings
    expect(html).toContain('Combined Security Info Registration with TAP');
    expect(html).toContain('<h2>Lint findings</h2>');
    expect(html).toMatch(/<p class="error">(The matrix is incomplete|Incomplete: stopped after)/);
    expect(runCli(['report', FIXTURE, '--max-seconds', '0'])).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("--max-seconds: '0' is not a positive number of seconds") });
  });

  test('bad input exits 2', () => {
    expect(runCli(['report', FIXTURE, '--format', 'pdf'])).toEqual({ exitCode: 2, stdout: '', stderr: "error: --format: 'pdf' is not html or md\n" });
    expect(runCli(['report', path.join(tmp, 'nowhere')]).exitCode).toBe(2);
    expect(runCli(['report', FIXTURE, '--out', path.join(tmp, 'no', 'such', 'dir', 'r.html')]).stderr).toMatch(/cannot write the report \(ENOENT\)/);
  });
});

const CHROMIUM = findChromium();
if (!CHROMIUM) {
  // eslint-disable-next-line no-console
  console.warn('SKIPPED: rendering the report in headless chromium: no chromium on PATH. Install it with: apt-get install -y chromium');
}

(CHROMIUM ? describe : describe.skip)('rendered in headless chromium', () => {
  test('the screenshot shows the page with the colour-coded matrix', () => {
    const html = path.join(tmp, 'report.html');
    fs.writeFileSync(html, renderHtml(data));
    const png = path.join(tmp, 'report.png');
    const stderr = screenshot(CHROMIUM!, html, png, 1280, 900);
    expect([fs.existsSync(png), stderr.slice(-500)]).toEqual([true, expect.anything()]);
    const bytes = fs.readFileSync(png);
    expect(bytes.length).toBeGreaterThan(10_000);
    const image = decodePng(bytes);
    expect([image.width, image.height]).toEqual([1280, 900]);
    // the matrix cells' colours are on screen: red (allowed), green (MFA met), dark green (blocked)
    const seen = new Set<string>();
    for (let y = 0; y < image.height; y += 2) for (let x = 0; x < image.width; x += 2) seen.add(image.pixel(x, y).join(','));
    expect(seen.has('207,34,46')).toBe(true);
    expect(seen.has('45,164,78')).toBe(true);
    expect(seen.has('17,99,41')).toBe(true);
    expect(seen.size).toBeGreaterThan(50);
  });

  test('the DOM after load holds the key texts', () => {
    const html = path.join(tmp, 'report.html');
    fs.writeFileSync(html, renderHtml(data));
    const dom = dumpDom(CHROMIUM!, html);
    for (const text of ['Conditional Access report', 'Combined Security Info Registration with TAP', 'Who gets in, and how', 'Gaps: sign-ins that do not face MFA']) {
      expect(dom).toContain(text);
    }
    expect(dom).toMatch(/<td class="cell o-allowed"[^>]*>allow<\/td>/);
  });
});
