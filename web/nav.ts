/** The dashboard's navigation: one entry per page, in order. Features add their pages here. */
import type { MessageKey } from "./i18n";

export interface NavEntry {
  path: string;
  label: MessageKey;
}

export const NAV: NavEntry[] = [{ path: "/", label: "navOverview" }];
