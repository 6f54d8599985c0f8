package ticketflow.sla;

import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Beans;

/** The same as {@link EscalateDelegate}, by the name the model's warning tasks have always called. */
@Component(Beans.FLAG_AT_RISK)
class FlagAtRiskDelegate extends EscalateDelegate {

  FlagAtRiskDelegate(Escalation escalation) {
    super(escalation);
  }
}
