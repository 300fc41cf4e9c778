/** Vite's `?raw` suffix imports a file as text (used to test the sample référentiel file). */
declare module "*?raw" {
  const text: string;
  export default text;
}
