/** Every alert rule, run over the inputs gathered by src/store/read/alert-inputs.ts. Pure. */
import type { Alert } from "./alert";
import { type AnomalyInput, anomalyAlerts } from "./anomaly";
import type { BudgetRuleInput } from "./budget-facts";
import { budgetForecastAlerts } from "./budget-forecast";
import { budgetThresholdAlerts } from "./budget-threshold";
import { type NewServiceInput, newServiceAlerts } from "./new-service";
import { type RequestCapInput, requestCapAlerts } from "./request-cap";
import { type StaleInput, staleDataAlerts } from "./stale-data";

export interface AlertInputs {
  budgets: BudgetRuleInput;
  anomaly: AnomalyInput;
  newService: NewServiceInput;
  stale: StaleInput;
  requestCap: RequestCapInput;
}

export function evaluateAlerts(inputs: AlertInputs): Alert[] {
  return [
    ...budgetThresholdAlerts(inputs.budgets),
    ...budgetForecastAlerts(inputs.budgets),
    ...anomalyAlerts(inputs.anomaly),
    ...newServiceAlerts(inputs.newService),
    ...staleDataAlerts(inputs.stale),
    ...requestCapAlerts(inputs.requestCap),
  ];
}
