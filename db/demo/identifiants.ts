import type { Prng } from "./prng";

/** The UAI key letter: the 7-digit number modulo 23 in this alphabet (no I, O, Q). */
const UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

export const uaiKey = (sevenDigits: string) => UAI_LETTERS[Number(sevenDigits) % 23];

/** A UAI with a valid key: 3 digits of the département (0 + code), then 4 digits. */
export function generateUai(prng: Prng, departement: string): string {
  const prefix = departement.length === 3 ? departement : `0${departement.replace("2A", "20").replace("2B", "20")}`;
  const digits = prefix + prng.digits(4);
  return digits + uaiKey(digits);
}

/** Luhn sum over the digits; a SIRET (and a SIREN) is valid when it is 0 mod 10. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Completes `partial` with the one digit that makes it Luhn-valid. */
function withLuhnDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(partial + d)) return partial + d;
  throw new Error("unreachable: one Luhn digit always fits");
}

export function generateSiren(prng: Prng): string {
  return withLuhnDigit(String(prng.int(1, 9)) + prng.digits(7));
}

/** A Luhn-valid SIRET of the given SIREN (another établissement of the same entreprise). */
export function generateSiret(prng: Prng, siren = generateSiren(prng)): string {
  return withLuhnDigit(siren + prng.digits(4));
}

/** Breaks the Luhn key of a SIRET while keeping its format (real data has such SIRETs). */
export function withBrokenLuhn(siret: string): string {
  const last = (Number(siret[13]) + 1) % 10;
  return siret.slice(0, 13) + last;
}
