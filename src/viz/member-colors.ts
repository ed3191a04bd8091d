/**
 * Colours that tell a group's targets apart in small pictures (the hash ring): the Okabe–Ito palette, which stays
 * distinct for the common colour-vision deficiencies, by the target's place in its group (wrapping after eight).
 */
const OKABE_ITO = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

export function memberColor(index: number): string {
  return OKABE_ITO[((index % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length];
}
