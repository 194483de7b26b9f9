// The oracle's only use of H3: cell ids and grid disks from h3-js, the H3 library itself (none of the
// project's code). One JSON request a line on stdin, one JSON answer a line on stdout:
//   {"op":"cells","res":8,"points":[[lat,lon],…]}  ->  {"cells":["88…",…]}
//   {"op":"disks","k":2,"cells":["88…",…]}         ->  {"disks":[[[origin],[ring 1…],[ring 2…]],…]}
//   {"op":"fill","res":8,"box":[s,w,n,e]}          ->  {"cells":[…]} every cell whose centre is in the box
//   {"op":"centres","cells":["88…",…]}             ->  {"centres":[[lat,lon],…]}
import { createInterface } from 'node:readline';
import { cellToLatLng, gridDiskDistances, latLngToCell, polygonToCells } from 'h3-js';

const answer = (request) => {
  if (request.op === 'cells')
    return { cells: request.points.map(([lat, lon]) => latLngToCell(lat, lon, request.res)) };
  if (request.op === 'disks')
    return { disks: request.cells.map((cell) => gridDiskDistances(cell, request.k)) };
  if (request.op === 'fill') {
    const [s, w, n, e] = request.box;
    return {
      cells: polygonToCells(
        [
          [s, w],
          [s, e],
          [n, e],
          [n, w],
        ],
        request.res,
      ),
    };
  }
  if (request.op === 'centres') return { centres: request.cells.map((cell) => cellToLatLng(cell)) };
  throw new Error(`unknown op ${request.op}`);
};

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim()) process.stdout.write(`${JSON.stringify(answer(JSON.parse(line)))}\n`);
}
