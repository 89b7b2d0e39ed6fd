/**
 * French typography over a whole rendered page: sentences are assembled from words, numbers
 * and names ("{n} %", "{label} : {value}"), so the no-break spaces are set on the page's text
 * nodes once it is rendered, rather than hoped for in every template. Only a page whose root
 * says lang="fr" is touched; markup, attributes and scripts are left as they are.
 */
import { frenchTypography } from "./typography";

export function typesetFrenchPage(html: string): string {
  if (!/^(<!DOCTYPE html>)?<html lang="fr"/.test(html)) return html;
  const parts = html.split(/(<script[\s\S]*?<\/script>|<[^>]*>)/);
  return parts.map((part) => (part.startsWith("<") || part === "" ? part : frenchTypography(part))).join("");
}
