package ticketflow.sla;

import java.time.Duration;

/** The escalation ladder: warn at 75 % of a commitment, escalate at 100 % (level 1) and 150 % (level 2). */
public enum LadderStep {
  AT_RISK(3, 4), BREACHED(1, 1), LEVEL_2(3, 2);

  private final int numerator;
  private final int denominator;

  LadderStep(int numerator, int denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  public Duration of(Duration target) {
    return target.multipliedBy(numerator).dividedBy(denominator);
  }
}
