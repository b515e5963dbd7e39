import { DEVICE_PLATFORMS } from '../vocabulary/device-platforms';

/**
 * Device platforms (portal: Conditions > Device platforms).
 */
export class DevicePlatform {
  /** Any device platform. Only valid in the include list. */
  public static readonly ALL = new DevicePlatform(DEVICE_PLATFORMS.value('ALL'));
  /** Android. */
  public static readonly ANDROID = new DevicePlatform(DEVICE_PLATFORMS.value('ANDROID'));
  /** iOS. */
  public static readonly IOS = new DevicePlatform(DEVICE_PLATFORMS.value('IOS'));
  /** Linux. */
  public static readonly LINUX = new DevicePlatform(DEVICE_PLATFORMS.value('LINUX'));
  /** macOS. */
  public static readonly MACOS = new DevicePlatform(DEVICE_PLATFORMS.value('MACOS'));
  /** Windows. */
  public static readonly WINDOWS = new DevicePlatform(DEVICE_PLATFORMS.value('WINDOWS'));
  /** Windows Phone. */
  public static readonly WINDOWS_PHONE = new DevicePlatform(DEVICE_PLATFORMS.value('WINDOWS_PHONE'));

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
