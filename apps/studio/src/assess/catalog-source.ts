// Which catalog the questionnaire asks: the paper's, one the user opened, either tailored by a
// profile the user opened. Opened documents are checked by the packages (parseCatalog,
// applyProfile); what fails comes back as issues.
import type { Result } from "@miotsec/core";
import { applyProfile, type Catalog, miotCatalog, parseCatalog } from "@miotsec/criteria";

/** The documents the catalog is made of, as the studio keeps them. */
export interface CatalogSource {
  readonly catalog?: { readonly file: string; readonly document: unknown };
  readonly profile?: { readonly file: string; readonly document: unknown };
}

/** A source kept in the browser, read back: what is not a source's shape is left out. */
export function readSource(kept: unknown): CatalogSource {
  const part = (value: unknown) =>
    value !== null && typeof value === "object" && typeof (value as { file?: unknown }).file === "string"
      ? { file: (value as { file: string }).file, document: (value as { document?: unknown }).document }
      : undefined;
  if (kept === null || typeof kept !== "object") return {};
  const catalog = part((kept as CatalogSource).catalog);
  const profile = part((kept as CatalogSource).profile);
  return { ...(catalog && { catalog }), ...(profile && { profile }) };
}

/** The catalog the source describes. */
export function catalogOf(source: CatalogSource): Result<Catalog> {
  let catalog: Catalog = miotCatalog;
  if (source.catalog !== undefined) {
    const parsed = parseCatalog(source.catalog.document);
    if (!parsed.ok) return parsed;
    catalog = parsed.value;
  }
  if (source.profile !== undefined) return applyProfile(catalog, source.profile.document);
  return { ok: true, value: catalog };
}

/** What a document opened on the Assess page is. */
export function kindOf(document: unknown): "assessment" | "catalog" | "profile" | undefined {
  if (document === null || typeof document !== "object" || Array.isArray(document)) return undefined;
  if ("answers" in document) return "assessment";
  if ("requirements" in document && "criteria" in document) return "catalog";
  if ("title" in document && "id" in document) return "profile";
  return undefined;
}
