/** An administrator: flagged as such, or member of the ADMINISTRATEUR organisation. Shared by the API and the web app. */
export const isAdministrator = (user: { isAdmin: boolean; organisationType: string }) =>
  user.isAdmin || user.organisationType === "ADMINISTRATEUR";
