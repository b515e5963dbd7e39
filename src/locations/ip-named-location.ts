import { NamedLocation as NamedLocationResource } from '@cdktf/provider-azuread/lib/named-location';
import { Construct } from 'constructs';
import { NamedLocation } from './named-location';
import { compareCidr, Cidr, parseCidr } from '../private/cidr';
import { fail, failProp, isToken, Problems, validateDisplayName } from '../private/validation';

/** Graph's limit of IP ranges in one named location (Learn, "location condition"). */
export const MAX_IP_RANGES = 2000;

/**
 * Properties of an {@link IpNamedLocation}.
 */
export interface IpNamedLocationProps {
  /** Display name of the named location. */
  readonly displayName: string;
  /**
   * IPv4 and IPv6 ranges in CIDR notation, e.g. `203.0.113.0/24`, `2001:db8::/48`.
   * Masks must be longer than /8, host bits must be zero, at most 2000 ranges,
   * no duplicates. They are written in canonical form (lower-case, compressed
   * IPv6) and stable order (IPv4 first, by address), so the provider's
   * read-after-write check matches.
   */
  readonly ipRanges: string[];
  /**
   * Mark the location as trusted ("Mark as trusted location"); trusted
   * locations make up `Location.ALL_TRUSTED`.
   * @default false
   */
  readonly trusted?: boolean;
}

/**
 * An IP ranges named location (`azuread_named_location` with an `ip` block).
 */
export class IpNamedLocation extends NamedLocation {
  /** The underlying `azuread_named_location` resource (escape hatch). */
  public readonly resource: NamedLocationResource;
  /** The bare GUID (`object_id`) that policies reference. */
  public readonly objectId: string;
  /** Whether the location is trusted. */
  public readonly trusted?: boolean;
  /** The ranges as synthesized: canonical and sorted (unresolved tokens last). */
  public readonly ipRanges: string[];

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   */
  constructor(scope: Construct, id: string, props: IpNamedLocationProps) {
    super(scope, id);
    const problems = new Problems();
    problems.check(() => validateDisplayName('displayName', props.displayName));
    const ranges = parseRanges(props.ipRanges, problems);
    problems.throwIfAny(this, props.displayName);
    this.ipRanges = isToken(props.ipRanges)
      ? props.ipRanges
      : [...ranges.map((c) => c.canonical), ...props.ipRanges.filter((r) => isToken(r))];
    this.trusted = props.trusted ?? false;
    this.resource = new NamedLocationResource(this, 'Resource', {
      displayName: props.displayName,
      ip: { ipRanges: this.ipRanges, trusted: this.trusted },
    });
    this.objectId = this.resource.objectId;
  }
}

/** Parse, check and sort the literal ranges (tokens are skipped; the caller keeps them last); every bad range is reported. */
function parseRanges(ipRanges: string[], problems: Problems): Cidr[] {
  if (isToken(ipRanges)) return [];
  if (!ipRanges || ipRanges.length === 0) {
    problems.check(() => failProp('ipRanges', "is empty; pass at least one CIDR range such as '203.0.113.0/24'"));
    return [];
  }
  if (ipRanges.length > MAX_IP_RANGES) {
    problems.check(() => failProp('ipRanges', `has ${ipRanges.length} ranges; Graph accepts at most ${MAX_IP_RANGES} per named location, so split them over several locations`));
    return [];
  }
  const parsed: Cidr[] = [];
  const seen = new Map<string, number>();
  problems.each(ipRanges, (range, i) => {
    if (isToken(range)) return;
    const cidr = parseCidr(`ipRanges[${i}]`, range);
    const first = seen.get(cidr.canonical);
    if (first !== undefined) {
      fail(`ipRanges[${i}]`, range, `duplicates ipRanges[${first}] ('${ipRanges[first]}')`, 'remove one of them');
    }
    seen.set(cidr.canonical, i);
    parsed.push(cidr);
  });
  return parsed.sort(compareCidr);
}
