// A DREETS sees the counters of its région (fiable organismes only) and no organisme page in its navigation.
import { hasText, login, until, visible } from "../helpers.mjs";

export const name = "tableau de bord d'une DREETS : indicateurs de son territoire";

export default async function ({ newPage }) {
  const page = await newPage();
  await login(page, "dreets@example.fr");
  await page.goto("/tableau-de-bord");
  await hasText(page.locator("#territoire-titre"), "Aperçu des effectifs de votre territoire (année scolaire");
  await visible(page.getByText(/organismes? fiables? pris en compte/));
  await until(
    async () => Number((await page.locator("[data-compteur='apprenants'] .counter").textContent()) ?? 0) > 0,
    "la région compte des apprenants",
  );
  const nav = page.getByRole("navigation", { name: "Menu principal" });
  await visible(nav.getByRole("link", { name: "Mon tableau de bord" }));
  if ((await nav.getByRole("link", { name: "Mes effectifs" }).count()) !== 0)
    throw new Error("une DREETS n'a pas de page Mes effectifs");
}
