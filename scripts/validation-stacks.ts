/**
 * Synthesizes the stacks scripts/terraform-validate.sh checks beside the examples (cdktf.out/stacks/*):
 * every policy template alone (with the data its Learn page expects), every category as one TemplateBaseline,
 * and random stacks from the property tests' generator (test/safety/stack-specs.ts).
 *
 * Usage: ts-node -P scripts/tsconfig.json --transpile-only scripts/validation-stacks.ts OUTDIR [RANDOM_COUNT] [SEED]
 * Writes OUTDIR/stacks/<name>/cdk.tf.json (RANDOM_COUNT defaults to 40, SEED to a random one, printed).
 */
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { App, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { CloudApplication, PolicyTemplate, TemplateBaseline, TemplateCategory, TemplatePolicy } from '../src';
import { build, specArb } from '../test/safety/stack-specs';
import { EMERGENCY_ACCESS, TRUSTED_RANGE, templateData } from '../test/templates/helpers';

const [outdir, countText, seedText] = process.argv.slice(2);
if (!outdir) {
  console.error('usage: validation-stacks.ts OUTDIR [RANDOM_COUNT] [SEED]');
  process.exit(2);
}
const count = Number(countText ?? '40');
const seed = seedText !== undefined ? Number(seedText) : Math.floor(Math.random() * 2 ** 31);

const app = new App({ outdir });
const names: string[] = [];
const kebab = (s: string) => s.toLowerCase().replace(/_/g, '-');

for (const template of PolicyTemplate.ALL) {
  const name = `template-${kebab(template.name)}`;
  const stack = new TerraformStack(app, name);
  new AzureadProvider(stack, 'azuread', {});
  new TemplatePolicy(stack, 'Template', { template, emergencyAccess: EMERGENCY_ACCESS, ...templateData(stack, template) });
  names.push(name);
}

// Each category as a TemplateBaseline, and one baseline of every template (categories and "Other common policies").
const baselines: Array<[string, TemplateCategory[], PolicyTemplate[]]> = [
  ...TemplateCategory.ALL.map((c): [string, TemplateCategory[], PolicyTemplate[]] => [`baseline-${kebab(c.name)}`, [c], []]),
  ['baseline-every-template', TemplateCategory.ALL, PolicyTemplate.ALL.filter((t) => t.categories.length === 0)],
];
const TRUSTED_TEMPLATES = [PolicyTemplate.SECURING_SECURITY_INFO_REGISTRATION, PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS];
for (const [name, categories, include] of baselines) {
  const stack = new TerraformStack(app, name);
  new AzureadProvider(stack, 'azuread', {});
  const templates = new Set([...PolicyTemplate.ALL.filter((t) => t.categories.some((c) => categories.includes(c))), ...include]);
  new TemplateBaseline(stack, 'Baseline', {
    categories,
    include,
    emergencyAccess: EMERGENCY_ACCESS,
    trustedIpRanges: TRUSTED_TEMPLATES.some((t) => templates.has(t)) ? [TRUSTED_RANGE] : undefined,
    blockedCountries: templates.has(PolicyTemplate.BLOCK_ACCESS_BY_LOCATION) ? ['KP'] : undefined,
    allowedApplications: templates.has(PolicyTemplate.BLOCK_ACCESS_EXCEPT_SPECIFIC_APPS) ? [CloudApplication.OFFICE_365] : undefined,
  });
  names.push(name);
}

fc.sample(specArb, { numRuns: count, seed }).forEach((spec, i) => {
  const name = `random-${i}`;
  build(spec, app, name);
  names.push(name);
});

app.synth();
console.log(`synthesized ${names.length} stacks into ${outdir}/stacks: ${PolicyTemplate.ALL.length} templates, `
  + `${baselines.length} baselines, ${count} random stacks (fast-check seed ${seed})`);
