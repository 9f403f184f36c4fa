export function toMinorUnits(amount: string, exponent = 2): number {
  const [whole, frac = ''] = amount.split('.');
  return Number(whole) * 10 ** exponent + Number(frac.padEnd(exponent, '0').slice(0, exponent));
}

export function sumMinor(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
