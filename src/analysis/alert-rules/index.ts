/** Every alert rule, run over the inputs gathered by src/store/read/alert-inputs.ts. Pure. */
import type { Alert } from "./alert";
import type { BudgetRuleInput } from "./budget-facts";
import { budgetForecastAlerts } from "./budget-forecast";
import { budgetThresholdAlerts } from "./budget-threshold";
import { incidentAlerts, type KnownIncident } from "./incident-alerts";
import type { IncidentInput } from "./incidents";
import { type NewServiceInput, newServiceAlerts } from "./new-service";
import { type RequestCapInput, requestCapAlerts } from "./request-cap";
import { type StaleInput, staleDataAlerts } from "./stale-data";

export interface AlertInputs {
  budgets: BudgetRuleInput;
  /** Spikes: per-service and per-pipeline series, the cost cells they are attributed to, and the incidents on record. */
  anomaly: IncidentInput & { known: readonly KnownIncident[] };
  newService: NewServiceInput;
  stale: StaleInput;
  requestCap: RequestCapInput;
}

export function evaluateAlerts(inputs: AlertInputs): Alert[] {
  return [
    ...budgetThresholdAlerts(inputs.budgets),
    ...budgetForecastAlerts(inputs.budgets),
    // One spike, one incident (not one alert per series that saw it).
    ...incidentAlerts(inputs.anomaly),
    ...newServiceAlerts(inputs.newService),
    ...staleDataAlerts(inputs.stale),
    ...requestCapAlerts(inputs.requestCap),
  ];
}
