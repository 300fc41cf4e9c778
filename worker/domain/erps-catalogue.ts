/** What the administrators' ERP catalogue routes answer (`/api/administration/erps`). */
import { normaliseNom } from "./doublons";

export interface ErpCatalogue {
  id: string;
  label: string;
  /** true: the key flow (clé d'échange); false: the ERP is not interfaced, its users upload files */
  apiKeySupport: boolean;
  actif: boolean;
  /** organismes that chose it */
  organismes: number;
}

export interface ErpsCatalogueResponse {
  erps: ErpCatalogue[];
}

/** A new ERP's id from its label: "Ypaéo 2" → "ypaeo2" (made unique by the caller). */
export const erpIdOf = (label: string) => normaliseNom(label).toLowerCase() || "erp";
