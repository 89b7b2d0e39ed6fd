/** The dashboard's navigation: one entry per page, in order. Features add their pages here. */
import type { MessageKey } from "./i18n";

export interface NavEntry {
  path: string;
  label: MessageKey;
  /** Shown to admins only (the route itself must refuse viewers too). */
  adminOnly?: boolean;
}

export const NAV: NavEntry[] = [
  { path: "/", label: "navOverview" },
  { path: "/costs", label: "navCosts" },
  { path: "/carbon", label: "navCarbon" },
  { path: "/resources", label: "navResources" },
  { path: "/budgets", label: "navBudgets" },
  { path: "/alerts", label: "navAlerts" },
  { path: "/incidents", label: "navIncidents" },
  { path: "/reports", label: "navReports" },
  { path: "/runs", label: "navRuns" },
  { path: "/settings", label: "navSettings" },
  { path: "/tuning", label: "navTuning" },
  { path: "/methodology", label: "navMethodology" },
];
