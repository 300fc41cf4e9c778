/** The ERP catalogue for administrators (`/api/administration/erps`): read, add, change. */
import { action, query } from "@solidjs/router";
import { api } from "./api";
import { done } from "./actions";
import type { ErpsCatalogueResponse } from "../../worker/domain/erps-catalogue";

const URL = "/api/administration/erps";

export const getErpsCatalogue = query(() => api<ErpsCatalogueResponse>(URL), "administration.erps");

// Every page that offers ERPs reads them again (Paramètres' transmission view).
export const ajouterErp = action(async (label: string, apiKeySupport: boolean) =>
  done(await api<ErpsCatalogueResponse>(URL, { body: { label, apiKeySupport } }), [getErpsCatalogue.key]),
);

export const modifierErp = action(
  async (id: string, changes: { label?: string; apiKeySupport?: boolean; actif?: boolean }) =>
    done(await api<ErpsCatalogueResponse>(`${URL}/${encodeURIComponent(id)}`, { method: "PATCH", body: changes }), [
      getErpsCatalogue.key,
    ]),
);
