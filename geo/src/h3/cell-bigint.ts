import { isValidCell } from 'h3-js';
import { GeoError } from '../errors';

/** H3 cell as PostgreSQL bigint: the reserved top bit is 0, so every cell fits in a signed int8. */
export function cellToBigInt(cell: string): bigint {
  if (!isValidCell(cell)) throw new GeoError('E_CELL_INVALID', `"${cell}" is not a valid H3 cell index`);
  return BigInt(`0x${cell}`);
}

export function bigIntToCell(value: bigint): string {
  const cell = value.toString(16);
  if (!isValidCell(cell)) throw new GeoError('E_CELL_INVALID', `${value} is not a valid H3 cell as bigint`);
  return cell;
}
