/**
 * The object ids a Terraform state holds, by resource address: for `cdktf-entra-ca diff --state`.
 * Reads the state file format (`terraform state pull`, a local `terraform.<stack>.tfstate`, version 4)
 * and `terraform show -json` output. Internal module.
 */
import { BadInput, readJson } from './cli-io';
import { isObject, Json } from '../private/json';

/** The Conditional Access resource types whose ids the diff matches by. */
const TYPES = ['azuread_conditional_access_policy', 'azuread_named_location'];

/**
 * Reads a state file.
 * @returns object ids (the resource's `object_id`, else its `id`) by Terraform address
 */
export function readStateIds(file: string): { [address: string]: string } {
  const json = readJson(file, 'Terraform state');
  const out: { [address: string]: string } = {};
  const add = (address: string, attributes: unknown): void => {
    if (!isObject(attributes)) return;
    const id = typeof attributes.object_id === 'string' && attributes.object_id ? attributes.object_id : attributes.id;
    if (typeof id === 'string' && id) out[address] = id;
  };
  if (isObject(json) && Array.isArray(json.resources)) {
    for (const r of json.resources.filter(isObject)) {
      if (r.mode !== 'managed' || !TYPES.includes(r.type) || r.module) continue;
      const instances = Array.isArray(r.instances) ? r.instances.filter(isObject) : [];
      if (instances.length === 1) add(`${r.type}.${r.name}`, instances[0].attributes);
    }
    return out;
  }
  const root = isObject(json) && isObject(json.values) && isObject(json.values.root_module) ? json.values.root_module : undefined;
  if (root) {
    for (const r of (Array.isArray(root.resources) ? root.resources : []).filter(isObject) as Json[]) {
      if (r.mode === 'managed' && TYPES.includes(r.type) && typeof r.address === 'string') add(r.address, r.values);
    }
    return out;
  }
  throw new BadInput(`${file}: not a Terraform state (no "resources" list, no "values.root_module"); give the output of \`terraform state pull\` or \`terraform show -json\``);
}
