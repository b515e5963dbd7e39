import { INSIDER_RISK_LEVELS, RISK_LEVELS } from '../vocabulary/risk-levels';

/**
 * Sign-in, user or service principal risk level (portal: Conditions > User risk / Sign-in risk).
 */
export class RiskLevel {
  /** Low risk. */
  public static readonly LOW = new RiskLevel(RISK_LEVELS.value('LOW'));
  /** Medium risk. */
  public static readonly MEDIUM = new RiskLevel(RISK_LEVELS.value('MEDIUM'));
  /** High risk. */
  public static readonly HIGH = new RiskLevel(RISK_LEVELS.value('HIGH'));
  /** Risk details hidden. */
  public static readonly HIDDEN = new RiskLevel(RISK_LEVELS.value('HIDDEN'));
  /** No risk. */
  public static readonly NONE = new RiskLevel(RISK_LEVELS.value('NONE'));

  /**
   * Escape hatch for a value newer than this library. The value is passed through unchecked.
   * @param value the Graph risk level value
   */
  public static of(value: string): RiskLevel {
    return new RiskLevel(value);
  }

  /**
   * @param riskLevelValue the Graph risk level value
   */
  private constructor(private readonly riskLevelValue: string) {}

  /** The Graph risk level value. */
  public get value(): string {
    return this.riskLevelValue;
  }
}

/**
 * Insider risk level (portal: Conditions > Insider risk). A policy takes one level.
 */
export class InsiderRiskLevel {
  /** Minor insider risk. */
  public static readonly MINOR = new InsiderRiskLevel(INSIDER_RISK_LEVELS.value('MINOR'));
  /** Moderate insider risk. */
  public static readonly MODERATE = new InsiderRiskLevel(INSIDER_RISK_LEVELS.value('MODERATE'));
  /** Elevated insider risk. */
  public static readonly ELEVATED = new InsiderRiskLevel(INSIDER_RISK_LEVELS.value('ELEVATED'));

  /**
   * Escape hatch for a value newer than this library. The value is passed through unchecked.
   * @param value the Graph `insiderRiskLevels` value
   */
  public static of(value: string): InsiderRiskLevel {
    return new InsiderRiskLevel(value);
  }

  /**
   * @param insiderRiskLevelValue the Graph `insiderRiskLevels` value
   */
  private constructor(private readonly insiderRiskLevelValue: string) {}

  /** The Graph `insiderRiskLevels` value. */
  public get value(): string {
    return this.insiderRiskLevelValue;
  }
}
