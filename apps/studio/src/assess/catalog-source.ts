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
