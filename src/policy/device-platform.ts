/**
 * Device platforms (portal: Conditions > Device platforms).
 */
export class DevicePlatform {
  /** Any device platform. Only valid in the include list. */
  public static readonly ALL = new DevicePlatform('all');
  /** Android. */
  public static readonly ANDROID = new DevicePlatform('android');
  /** iOS. */
  public static readonly IOS = new DevicePlatform('iOS');
  /** Linux. */
  public static readonly LINUX = new DevicePlatform('linux');
  /** macOS. */
  public static readonly MACOS = new DevicePlatform('macOS');
  /** Windows. */
  public static readonly WINDOWS = new DevicePlatform('windows');
  /** Windows Phone. */
  public static readonly WINDOWS_PHONE = new DevicePlatform('windowsPhone');

  /**
   * Escape hatch for a value newer than this library. The value is passed through unchecked.
   * @param value the Graph `includePlatforms` value
   */
  public static of(value: string): DevicePlatform {
    return new DevicePlatform(value);
  }

  /**
   * @param devicePlatformValue the Graph `includePlatforms` value
   */
  private constructor(private readonly devicePlatformValue: string) {}

  /** The Graph `includePlatforms` value. */
  public get value(): string {
    return this.devicePlatformValue;
  }
}
