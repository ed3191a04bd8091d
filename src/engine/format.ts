/** Small number formatting shared by engine messages (event-log sentences). */
export function formatRate(perSec: number): string {
  return perSec >= 1000 ? `${(perSec / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })}k req/s` : `${perSec} req/s`;
}
