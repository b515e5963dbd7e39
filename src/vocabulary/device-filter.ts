/**
 * The "filter for devices" rule language: the device properties a rule may test and the operators it may
 * use. Source: Learn "Conditional Access: Filter for devices" (MicrosoftDocs/entra-docs,
 * docs/identity/conditional-access/concept-condition-filters-for-devices.md, ms.date 05/19/2025), table
 * "Supported operators and device properties for filters"; operator spelling and precedence from Learn
 * "Dynamic membership rules for groups" (docs/identity/users/groups-dynamic-membership.md, ms.date 12/19/2024).
 * Internal module.
 */

/** A comparison operator of the rule language. */
export interface DeviceFilterOperator {
  /** The operator as Learn spells it, without the hyphen, e.g. `notStartsWith`. */
  readonly name: string;
  /** The positive operator it negates (`ne` → `eq`), or its own name when it is positive. */
  readonly positive: 'eq' | 'startsWith' | 'endsWith' | 'contains' | 'in';
  /** Whether it is a negative operator (NotEquals, NotStartsWith, ...). */
  readonly negated: boolean;
  /** Whether the value is a `[...]` list (`-in`, `-notIn`) rather than one value. */
  readonly list: boolean;
  /** The portal / Learn table word for it, e.g. `NotStartsWith`. */
  readonly label: string;
}

function op(name: string, positive: DeviceFilterOperator['positive'], negated: boolean, label: string): DeviceFilterOperator {
  return { name, positive, negated, list: positive === 'in', label };
}

/** The ten operators of the Learn table, in its order. */
export const DEVICE_FILTER_OPERATORS: readonly DeviceFilterOperator[] = [
  op('eq', 'eq', false, 'Equals'),
  op('ne', 'eq', true, 'NotEquals'),
  op('startsWith', 'startsWith', false, 'StartsWith'),
  op('notStartsWith', 'startsWith', true, 'NotStartsWith'),
  op('endsWith', 'endsWith', false, 'EndsWith'),
  op('notEndsWith', 'endsWith', true, 'NotEndsWith'),
  op('contains', 'contains', false, 'Contains'),
  op('notContains', 'contains', true, 'NotContains'),
  op('in', 'in', false, 'In'),
  op('notIn', 'in', true, 'NotIn'),
];

/**
 * Operators of the dynamic membership rule language that Learn's filter-for-devices table does not list, so a
 * device filter may not use them (whether Graph rejects them is unverified; the safe side is to refuse them).
 */
export const UNSUPPORTED_DEVICE_FILTER_OPERATORS: readonly string[] = ['match', 'notMatch', 'any', 'all'];

/** The kind of value a device property holds. */
export type DeviceFilterPropertyKind = 'string' | 'boolean' | 'collection';

/** A device property a rule may test. */
export interface DeviceFilterProperty {
  /** The name after `device.` as Learn writes it, e.g. `deviceOwnership`. */
  readonly name: string;
  /** The Graph `deviceInfo` property of an evaluate request that carries it (`ownership` for `deviceOwnership`). */
  readonly deviceInfo: string;
  /** String, boolean (`isCompliant`) or string collection (`physicalIds`, `systemLabels`). */
  readonly kind: DeviceFilterPropertyKind;
  /** The operators Learn's table allows for it (names without the hyphen). */
  readonly operators: readonly string[];
}

const ALL_STRING = DEVICE_FILTER_OPERATORS.map((o) => o.name);
const EQUALITY = ['eq', 'ne'];
const EQUALITY_AND_IN = ['eq', 'ne', 'in', 'notIn'];
const CONTAINS = ['contains', 'notContains'];

function prop(name: string, kind: DeviceFilterPropertyKind, operators: readonly string[], deviceInfo = name): DeviceFilterProperty {
  return { name, deviceInfo, kind, operators };
}

/** The device properties of the Learn table, in its order. */
export const DEVICE_FILTER_PROPERTIES: readonly DeviceFilterProperty[] = [
  prop('deviceId', 'string', EQUALITY_AND_IN),
  prop('displayName', 'string', ALL_STRING),
  prop('deviceOwnership', 'string', EQUALITY, 'ownership'),
  prop('enrollmentProfileName', 'string', ALL_STRING),
  prop('isCompliant', 'boolean', EQUALITY),
  prop('manufacturer', 'string', ALL_STRING),
  prop('mdmAppId', 'string', EQUALITY_AND_IN),
  prop('model', 'string', ALL_STRING),
  prop('operatingSystem', 'string', ALL_STRING),
  prop('operatingSystemVersion', 'string', ALL_STRING),
  prop('physicalIds', 'collection', CONTAINS),
  prop('profileType', 'string', EQUALITY),
  prop('systemLabels', 'collection', CONTAINS),
  prop('trustType', 'string', EQUALITY),
  ...Array.from({ length: 15 }, (_, i) => prop(`extensionAttribute${i + 1}`, 'string', ALL_STRING)),
];

/** "The maximum length for the filter rule is 3072 characters" (Learn, filter for devices). */
export const DEVICE_FILTER_MAX_LENGTH = 3072;
