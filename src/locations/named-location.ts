import type * as DataNamedLocation from '@cdktf/provider-azuread/lib/data-azuread-named-location';
import { Construct, IConstruct } from 'constructs';
import { ILocation } from './location';
import { validateDisplayName, validateGuid } from '../private/validation';
import { registerRules } from '../rules/register-rules';

/**
 * A named location (`azuread_named_location`), created here or imported.
 */
export interface INamedLocation extends ILocation, IConstruct {
  /** The bare GUID (`object_id`) that policies reference. Same as `locationId`. */
  readonly objectId: string;
  /**
   * Whether this is a trusted IP location; undefined when not known
   * (an imported location).
   */
  readonly trusted?: boolean;
}

const NAMED_LOCATION = Symbol.for('cdktf-entra-conditional-access.NamedLocation');

/**
 * Base class of named locations, with importers for existing ones.
 */
export abstract class NamedLocation extends Construct implements INamedLocation {
  /**
   * Import an existing named location by its object id (GUID).
   * Its trust is unknown to this app.
   * @param scope the parent construct
   * @param id the construct id
   * @param objectId the named location's object id (not the `/identity/...` path id)
   */
  public static fromObjectId(scope: Construct, id: string, objectId: string): INamedLocation {
    const guid = validateGuid('objectId', objectId, "the named location's object_id (the bare GUID, not the /identity/conditionalAccess/namedLocations/... path)");
    return new ImportedNamedLocation(scope, id, guid);
  }

  /**
   * Import an existing named location by display name, through the provider's
   * `azuread_named_location` data source. Its trust is unknown to this app.
   * @param scope the parent construct
   * @param id the construct id
   * @param displayName the named location's display name
   */
  public static fromDisplayName(scope: Construct, id: string, displayName: string): INamedLocation {
    validateDisplayName('displayName', displayName);
    const imported = new ImportedNamedLocation(scope, id, undefined);
    // Loaded here, not at import: only this importer needs the data source class.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DataAzureadNamedLocation } = require('@cdktf/provider-azuread/lib/data-azuread-named-location') as typeof DataNamedLocation;
    const data = new DataAzureadNamedLocation(imported, 'Resource', { displayName });
    imported._setObjectId(data.objectId);
    return imported;
  }

  /**
   * True for named locations of this library (created or imported), across copies of the library.
   * @param x any object
   */
  public static isNamedLocation(x: any): x is INamedLocation {
    return x !== null && typeof x === 'object' && NAMED_LOCATION in x;
  }

  /** The bare GUID (`object_id`) that policies reference. */
  public abstract readonly objectId: string;
  /** Whether this is a trusted IP location; undefined when not known. */
  public abstract readonly trusted?: boolean;

  /**
   * @param scope the parent construct
   * @param id the construct id
   */
  constructor(scope: Construct, id: string) {
    super(scope, id);
    Object.defineProperty(this, NAMED_LOCATION, { value: true });
    registerRules(this);
  }

  /** The value policies use: the `object_id`. */
  public get locationId(): string {
    return this.objectId;
  }
}

/** A named location that exists outside this app. */
class ImportedNamedLocation extends NamedLocation {
  public readonly trusted?: boolean = undefined;
  private id?: string;

  constructor(scope: Construct, id: string, objectId: string | undefined) {
    super(scope, id);
    this.id = objectId;
  }

  public get objectId(): string {
    return this.id!;
  }

  /** @internal */
  public _setObjectId(objectId: string): void {
    this.id = objectId;
  }
}
