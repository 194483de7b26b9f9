"""An independent Gi* for checking /api/v1/hotspots: written from the formulas of issue 10 and
docs/hotspots.md with numpy and scipy, reading the counts from the original Járókelő file itself.
The only code it shares with the project is the H3 library (h3-js, through h3_service.mjs) for cell ids
and grid disks; the study area, the weights, z, p, the Benjamini–Hochberg bins and the counting are here.

Usage:
  python3 gi_star_oracle.py <request.json> <answer.json>
      request: {"reports": "<jsonl(.gz)>", "districts": "<geojson>", "queries": [{"res": 8, "k": 1,
                "from": "2024-01-01", "to": "2025-01-01", "districts": true}, …]}
                (from inclusive, to exclusive, Budapest calendar days; "districts": true puts the cells
                whose centre lies in a district of the file into the study area)
      answer:  {"rows": N, "counted": N, "answers": [{…query, "cells": [{"h3", "count", "z", "p", "bin"}]}]}
  python3 gi_star_oracle.py --self-test
      PySAL esda's documented G_Local example; prints its six z values as JSON.
"""

import gzip
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.stats import norm

HERE = Path(__file__).resolve().parent
FDR_LEVELS = ((0.01, 3), (0.05, 2), (0.10, 1))


def gi_star(x: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """z_i of Gi* (Ord & Getis 1995), binary weights: w_ij = 1 for each pair (i, j) given, i itself included.

    z_i = (sum_j w_ij x_j - xbar sum_j w_ij) / (S sqrt[(n sum_j w_ij^2 - (sum_j w_ij)^2) / (n - 1)]),
    xbar = sum x / n, S = sqrt(sum x^2 / n - xbar^2). Where the denominator is 0 (n < 2, all x equal, or a
    neighbourhood that is the whole area) z is 0, as docs/hotspots.md defines.
    """
    n = len(x)
    if n < 2:
        return np.zeros(n)
    xbar = x.sum() / n
    s = np.sqrt((x * x).sum() / n - xbar * xbar)
    w_sum = np.bincount(rows, minlength=n).astype(float)  # binary: sum w = sum w^2
    local = np.bincount(rows, weights=x[cols], minlength=n)
    denominator = s * np.sqrt((n * w_sum - w_sum * w_sum) / (n - 1))
    z = np.zeros(n)
    ok = denominator > 0
    z[ok] = (local[ok] - xbar * w_sum[ok]) / denominator[ok]
    return z


def two_sided_p(z: np.ndarray) -> np.ndarray:
    return 2 * norm.sf(np.abs(z))


def bh_adjusted(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p (R's p.adjust "BH"): the least p_(r) n / r over r >= rank, at most 1."""
    n = len(p)
    order = np.argsort(p, kind="stable")
    scaled = p[order] * n / np.arange(1, n + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    out = np.empty(n)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def bins(z: np.ndarray, p: np.ndarray) -> np.ndarray:
    """sign(z) x 3, 2 or 1 for the strictest q of 0.01, 0.05, 0.10 that BH passes, else 0."""
    adjusted = bh_adjusted(p)
    level = np.zeros(len(z), dtype=int)
    for q, value in reversed(FDR_LEVELS):
        level[adjusted <= q] = value
    return (np.sign(z).astype(int) * level).astype(int)


class H3:
    """h3-js in a Node process of its own (h3_service.mjs), one JSON line per request."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            ["node", str(HERE / "h3_service.mjs")],
            cwd=HERE,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("h3_service.mjs stopped")
        return json.loads(line)

    def cells(self, points: list, res: int) -> list:
        return self.ask({"op": "cells", "res": res, "points": points})["cells"]

    def disks(self, cells: list, k: int) -> list:
        """Per cell, the cells within grid distance k (itself included)."""
        rings = self.ask({"op": "disks", "k": k, "cells": cells})["disks"]
        return [[c for ring in disk for c in ring] for disk in rings]

    def fill(self, box: list, res: int) -> list:
        """Every cell whose centre lies in the box [south, west, north, east]."""
        return self.ask({"op": "fill", "res": res, "box": box})["cells"]

    def centres(self, cells: list) -> np.ndarray:
        return np.array(self.ask({"op": "centres", "cells": cells})["centres"]).reshape(-1, 2)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def read_reports(path: str) -> list:
    """(day, lat, lon) of every report with a category: the import rejects a row without one."""
    opener = gzip.open if path.endswith(".gz") else open
    reports = []
    rows = 0
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            rows += 1
            r = json.loads(line)
            if (r.get("category") or "").strip():
                reports.append((r["date"], float(r["latitude"]), float(r["longitude"])))
    return rows, reports


def read_district_rings(path: str) -> list:
    """The outer rings (lon, lat arrays) of every district polygon; the districts file has no holes."""
    features = json.loads(Path(path).read_text(encoding="utf-8"))["features"]
    rings = []
    for f in features:
        geometry = f["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        if any(len(polygon) > 1 for polygon in polygons):
            raise ValueError("a district with a hole: this oracle reads outer rings only")
        rings += [np.array(polygon[0], dtype=float) for polygon in polygons]
    return rings


def inside_any(points: np.ndarray, rings: list) -> np.ndarray:
    """Even-odd ray casting of (lat, lon) points against (lon, lat) rings, in the lat/lon plane."""
    lat, lon = points[:, 0], points[:, 1]
    found = np.zeros(len(points), dtype=bool)
    for ring in rings:
        x1, y1 = ring[:, 0], ring[:, 1]
        x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
        inside = np.zeros(len(points), dtype=bool)
        for a, b, c, d in zip(x1, y1, x2, y2):
            if b == d:
                continue
            crosses = (b > lat) != (d > lat)
            inside ^= crosses & (lon < a + (lat - b) * (c - a) / (d - b))
        found |= inside
    return found


def district_cells(h3: H3, rings: list, res: int) -> set:
    """Cells whose centre lies in a district: candidates from the districts' bounding box, tested here."""
    lon = np.concatenate([r[:, 0] for r in rings])
    lat = np.concatenate([r[:, 1] for r in rings])
    margin = 0.01
    box = [lat.min() - margin, lon.min() - margin, lat.max() + margin, lon.max() + margin]
    candidates = h3.fill(box, res)
    keep = inside_any(h3.centres(candidates), rings)
    return {cell for cell, yes in zip(candidates, keep) if yes}


def answer_query(h3: H3, days: list, cells: list, query: dict, districts: set) -> list:
    k = query["k"]
    counts = Counter(c for day, c in zip(days, cells) if query["from"] <= day < query["to"])
    # Study area: every cell with a message, every cell within k of one (a zero), and, with districts
    # loaded, every cell whose centre lies in a district (the whole region is in scope: rings unlimited).
    area = sorted({near for disk in h3.disks(sorted(counts), k) for near in disk} | districts)
    index = {cell: i for i, cell in enumerate(area)}
    rows, cols = [], []
    for i, disk in enumerate(h3.disks(area, k)):
        for near in disk:
            j = index.get(near)
            if j is not None:
                rows.append(i)
                cols.append(j)
    x = np.array([counts.get(cell, 0) for cell in area], dtype=float)
    z = gi_star(x, np.array(rows), np.array(cols))
    p = two_sided_p(z)
    b = bins(z, p)
    return [
        {"h3": cell, "count": int(x[i]), "z": float(z[i]), "p": float(p[i]), "bin": int(b[i])}
        for i, cell in enumerate(area)
    ]


def run(request_path: str, answer_path: str) -> None:
    request = json.loads(Path(request_path).read_text(encoding="utf-8"))
    rows, reports = read_reports(request["reports"])
    days = [day for day, _, _ in reports]
    points = [[lat, lon] for _, lat, lon in reports]
    h3 = H3()
    try:
        resolutions = sorted({q["res"] for q in request["queries"]})
        cells_at = {res: h3.cells(points, res) for res in resolutions}
        rings = read_district_rings(request["districts"]) if "districts" in request else []
        in_districts = {res: district_cells(h3, rings, res) if rings else set() for res in resolutions}
        answers = []
        for q in request["queries"]:
            extra = in_districts[q["res"]] if q.get("districts") else set()
            answers.append({**q, "cells": answer_query(h3, days, cells_at[q["res"]], q, extra)})
    finally:
        h3.close()
    Path(answer_path).write_text(
        json.dumps({"rows": rows, "counted": len(reports), "answers": answers}), encoding="utf-8"
    )


def self_test() -> list:
    """PySAL esda's G_Local example: six points, distance band 15, binary weights, star."""
    points = np.array([(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)], dtype=float)
    y = np.array([2, 3, 3.2, 5, 8, 7])
    distance = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    rows, cols = np.nonzero(distance <= 15)
    return gi_star(y, rows, cols).tolist()


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        print(json.dumps(self_test()))
    else:
        run(sys.argv[1], sys.argv[2])
