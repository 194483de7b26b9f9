/** Rounds a view outward and pads it, so small pans reuse the loaded cells instead of refetching. */
export function paddedBbox(bounds: [number, number, number, number]): [number, number, number, number] {
  const [west, south, east, north] = bounds;
  const padX = (east - west) * 0.25;
  const padY = (north - south) * 0.25;
  const floor = (value: number) => Math.floor(value * 100) / 100;
  const ceil = (value: number) => Math.ceil(value * 100) / 100;
  return [
    Math.max(-180, floor(west - padX)),
    Math.max(-90, floor(south - padY)),
    Math.min(180, ceil(east + padX)),
    Math.min(90, ceil(north + padY)),
  ];
}

/** The visible area as a bbox parameter, rounded outward to 5 decimals (about a metre) and clamped. */
export function viewBboxParam(bounds: readonly [number, number, number, number]): string {
  const [west, south, east, north] = bounds;
  const floor = (value: number) => Math.floor(value * 1e5) / 1e5;
  const ceil = (value: number) => Math.ceil(value * 1e5) / 1e5;
  return [
    Math.max(-180, floor(west)),
    Math.max(-90, floor(south)),
    Math.min(180, ceil(east)),
    Math.min(90, ceil(north)),
  ].join(',');
}

export function bboxContains(outer: readonly number[], inner: readonly number[]): boolean {
  const [w1 = 0, s1 = 0, e1 = 0, n1 = 0] = outer;
  const [w2 = 0, s2 = 0, e2 = 0, n2 = 0] = inner;
  return w1 <= w2 && s1 <= s2 && e1 >= e2 && n1 >= n2;
}

/** The box around the named districts (west, south, east, north), or null when none is known. */
export function districtsBounds(
  districts: readonly { name: string; bbox: number[] }[],
  names: readonly string[],
): [number, number, number, number] | null {
  const boxes = districts.filter((item) => names.includes(item.name)).map((item) => item.bbox);
  if (boxes.length === 0) return null;
  return [
    Math.min(...boxes.map((box) => box[0] ?? 180)),
    Math.min(...boxes.map((box) => box[1] ?? 90)),
    Math.max(...boxes.map((box) => box[2] ?? -180)),
    Math.max(...boxes.map((box) => box[3] ?? -90)),
  ];
}
