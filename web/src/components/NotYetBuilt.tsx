/** An honest page for what is not built yet. */
export function NotYetBuilt(props: { title: string }) {
  return (
    <div class="fr-container fr-my-6w">
      <h1>{props.title}</h1>
      <div class="fr-alert fr-alert--info">
        <h2 class="fr-alert__title">Cette page n'est pas encore disponible</h2>
        <p>Elle est en cours de construction. En attendant, écrivez-nous si vous avez besoin de ces informations.</p>
      </div>
    </div>
  );
}
