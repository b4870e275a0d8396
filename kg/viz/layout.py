"""Node positions computed in Python, so the page draws at once without running physics.

Tiny components use Kamada–Kawai, small ones networkx's spring layout. Big ones use the grid variant
of Fruchterman–Reingold (exact repulsion only between nodes closer than a cut-off, found with a k-d
tree, plus one coarse grid for the far field), which is near-linear: networkx's layouts take ~15 s at
2,000 nodes, this one about 3 s. Then ``spread`` pushes apart nodes whose labels would overlap.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

TINY = 80  # up to this many nodes Kamada–Kawai (even edge lengths, the most readable) takes < 1 s
SMALL = 250  # up to this many nodes networkx's O(n²) spring layout takes < 1 s
# How strongly each kind of edge pulls its ends together. Every claim links to its document, so at full
# strength documents would become the hubs of the picture; speakers and their claims should be.
PULL = {"said": 1.5, "asserts": 1.5, "relation": 1.2, "conflict": 1.0, "about": 0.5, "doclink": 0.4,
        "derived_from": 0.25}
EDGE_PX = 75.0  # ideal edge length on screen, in pixels at zoom 1
PUSH = 0.9  # each of two overlapping boxes moves by this share of their overlap per step (overshooting
# a little settles crowded spots in far fewer steps than moving by exactly half)
WIDE = 0.5  # prefer sideways pushes (screens are wider than tall; labels stack better in rows)
ASPECT = 4 / 3  # width / height of the graph's part of the screen (a laptop's, beside the details panel)
LOOSE = 1.5  # a drawing more than this many times the area its boxes need is shrunk to it
SPARE = 1.5  # drawing area per area of node-and-label boxes: room for edges and their labels


def _scatter(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum 2-d ``values`` into ``n`` rows by ``index`` (np.add.at, but ~10× faster)."""
    return np.stack([np.bincount(index, weights=values[:, 0], minlength=n),
                     np.bincount(index, weights=values[:, 1], minlength=n)], axis=1)


def grid_fr(U: nx.Graph, iterations: int = 100, seed: int = 7) -> dict:
    """Fruchterman–Reingold with local repulsion (cut-off 2k) plus a weak pull to the centre."""
    from scipy.spatial import cKDTree

    nodes = list(U)
    n = len(nodes)
    idx = {v: i for i, v in enumerate(nodes)}
    pairs_w = [(idx[u], idx[v], w) for u, v, w in U.edges(data="weight", default=1.0) if u != v]
    edges = np.array([(a, b) for a, b, _ in pairs_w], dtype=np.int64).reshape(-1, 2)
    weight = np.array([w for _, _, w in pairs_w], dtype=float)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    k, cutoff = 1.0, 2.0
    temp = side / 8
    for it in range(iterations):
        disp = np.zeros_like(pos)
        pairs = cKDTree(pos).query_pairs(cutoff, output_type="ndarray")
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist2 = np.maximum((d * d).sum(axis=1), 1e-4)
            f = (k * k / dist2)[:, None] * d  # k²/dist along the unit vector
            disp += _scatter(pairs[:, 0], f, len(pos)) - _scatter(pairs[:, 1], f, len(pos))
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.sqrt(np.maximum((d * d).sum(axis=1), 1e-8))
            f = (weight * dist / k)[:, None] * d  # dist²/k along the unit vector
            disp += _scatter(edges[:, 1], f, len(pos)) - _scatter(edges[:, 0], f, len(pos))
        disp += _far_field(pos, cutoff, k)
        disp -= 0.005 * pos  # gravity: keeps loosely tied parts of a component near it
        length = np.sqrt(np.maximum((disp * disp).sum(axis=1), 1e-12))
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp = max(side / 8 * (1 - (it + 1) / iterations), 0.05)
    pos -= pos.mean(axis=0)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in idx.items()}


def _far_field(pos: np.ndarray, cutoff: float, k: float) -> np.ndarray:
    """Repulsion from distant nodes, each grid cell acting as one mass at its centroid (Barnes–Hut
    with one level): without it, local-only repulsion lets a big component collapse into a ball."""
    extent = float(np.ptp(pos, axis=0).max()) or 1.0
    cell = max(2 * cutoff, extent / 12)  # at most ~12×12 cells: cost n × 144 per step
    cells = np.floor(pos / cell).astype(np.int64)
    keys, inverse = np.unique(cells, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    mass = np.bincount(inverse, minlength=len(keys)).astype(float)
    centre = np.zeros((len(keys), 2))
    centre += _scatter(inverse, pos, len(keys))
    centre /= mass[:, None]
    d = pos[:, None, :] - centre[None, :, :]
    dist2 = np.maximum((d * d).sum(axis=2), 1e-4)
    w = np.where(dist2 > cutoff * cutoff, k * k * mass[None, :] / dist2, 0.0)
    w[np.arange(len(pos)), inverse] = 0.0  # a node's own cell is covered by the near field
    return (w[:, :, None] * d).sum(axis=1)


def _component(sub: nx.Graph, seed: int) -> tuple[dict, float]:
    """Positions in pixels around (0, 0) and the radius they fill."""
    n = sub.number_of_nodes()
    if n == 1:
        return {next(iter(sub)): (0.0, 0.0)}, 40.0
    if n <= SMALL:
        if n <= TINY:
            raw = nx.kamada_kawai_layout(sub, weight=None)
        else:
            raw = nx.spring_layout(sub, seed=seed, iterations=80, k=2 / math.sqrt(n))
        # rescale so the median edge is EDGE_PX long
        lengths = sorted(math.dist(raw[u], raw[v]) for u, v in sub.edges() if u != v) or [1.0]
        scale = EDGE_PX / max(lengths[len(lengths) // 2], 1e-6)
        pos = {v: (x * scale, y * scale) for v, (x, y) in raw.items()}
    else:
        pos = {v: (x * EDGE_PX, y * EDGE_PX) for v, (x, y) in grid_fr(sub, seed=seed).items()}
    radius = max(math.hypot(x, y) for x, y in pos.values()) + 40
    return pos, radius


def weighted(G: nx.Graph) -> nx.Graph:
    """A simple undirected graph whose edge weights say how strongly the ends pull together."""
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        w = PULL.get(d.get("kind", ""), 1.0)
        if U.has_edge(u, v):
            U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    return U


def spread(pos: dict, boxes: dict, iterations: int = 400) -> dict:
    """Push apart nodes whose boxes (node plus label, in pixels at zoom 1) overlap. Labels scale with
    the zoom, so labels that do not overlap here never overlap at any zoom: no blob of text."""
    from scipy.spatial import cKDTree

    nodes = list(pos)
    if len(nodes) < 2:
        return pos
    xy = np.array([pos[v] for v in nodes], dtype=float)
    half = np.array([boxes[v] for v in nodes], dtype=float) / 2
    # first scale the whole drawing (keeping its shape) to the area the boxes need, then fix what overlaps:
    # grown when they could not fit, shrunk when a few hubs flung far out would leave the fit zoom too
    # small to read a label (a dense web of 40 entities came out at zoom 0.3, three names drawn)
    need = float((4 * half[:, 0] * half[:, 1]).sum()) * SPARE
    have = float(np.prod(np.ptp(xy, axis=0) + 2 * half.mean(axis=0)))
    if need > have or have > need * LOOSE:
        xy = (xy - xy.mean(axis=0)) * math.sqrt(need / have)
    reach = 2 * float(np.hypot(half[:, 0], half[:, 1]).max())
    for _ in range(iterations):
        pairs = cKDTree(xy).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        d = xy[j] - xy[i]
        over = half[i] + half[j] + 4 - np.abs(d)  # 4 px of air between boxes
        hit = (over[:, 0] > 0) & (over[:, 1] > 0)
        if not hit.any():
            break
        i, j, d, over = i[hit], j[hit], d[hit], over[hit]
        # move along the axis that needs the smaller push, half each, away from each other; ties and
        # coincident centres get a deterministic nudge so stuck pairs still come apart
        along_x = over[:, 0] * WIDE < over[:, 1]
        axis_d = np.where(along_x, d[:, 0], d[:, 1])
        sign = np.where(axis_d > 0, 1.0, np.where(axis_d < 0, -1.0, np.where((i + j) % 2, 1.0, -1.0)))
        push = np.zeros((len(i), 2))
        push[along_x, 0] = over[along_x, 0] * PUSH * sign[along_x]
        push[~along_x, 1] = over[~along_x, 1] * PUSH * sign[~along_x]
        move = np.zeros_like(xy)
        move += _scatter(j, push, len(xy)) - _scatter(i, push, len(xy))
        # a box in a crowd overlaps many others at once: summing every push flung the crowd's hubs far out
        # (a dense web of 200 nodes spread to 2,600 px wide for 640 of boxes); a root of the count keeps
        # most of the speed where two boxes touch and none of the blow-up
        crowd = np.bincount(np.concatenate([i, j]), minlength=len(xy)).astype(float)
        xy += move / np.sqrt(np.maximum(crowd, 1.0))[:, None]
    return {v: (round(float(xy[k, 0]), 1), round(float(xy[k, 1]), 1)) for k, v in enumerate(nodes)}


def induced(G: nx.Graph, nodes) -> nx.Graph:
    """The subgraph on ``nodes`` with its nodes in the order given. networkx's ``subgraph`` iterates the
    node *set* when it is the smaller side, so its order (and the layout seeded from it) would change
    with each process's string hashing: the same store drew a different picture each run."""
    want = list(nodes)
    keep = set(want)
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in want)
    if G.is_multigraph():
        H.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(want, keys=True, data=True) if v in keep)
    else:
        H.add_edges_from((u, v, d) for u, v, d in G.edges(want, data=True) if v in keep)
    return H


def layout(G: nx.Graph, seed: int = 7, boxes: dict | None = None, aspect: float = ASPECT) -> dict:
    """Pixel positions: each connected component laid out on its own (and, given node boxes, spread
    until no two overlap), then packed, largest first, into rows whose bounding box is close to
    ``aspect`` (width / height), so the picture fills the screen when zoomed to fit and nothing overlaps."""
    U = weighted(G)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0])))
    placed = []
    for c in comps:
        pos, _ = _component(induced(U, c), seed)
        if boxes:
            pos = spread(pos, boxes)
        half = {v: (boxes[v][0] / 2, boxes[v][1] / 2) if boxes else (20.0, 20.0) for v in pos}
        lo = (min(x - half[v][0] for v, (x, _) in pos.items()), min(y - half[v][1] for v, (_, y) in pos.items()))
        hi = (max(x + half[v][0] for v, (x, _) in pos.items()), max(y + half[v][1] for v, (_, y) in pos.items()))
        placed.append(({v: (x - lo[0], y - lo[1]) for v, (x, y) in pos.items()}, hi[0] - lo[0], hi[1] - lo[1]))
    if not placed:
        return {}
    return pack(placed, aspect)


def _shelves(sizes: list[tuple[float, float]], width: float, gap: float) -> tuple[list, float, float]:
    """Rows left to right, a new row once ``width`` is full: each box's corner, and the size of it all."""
    corners, x, y, row_h, used_w = [], 0.0, 0.0, 0.0, 0.0
    for w, h in sizes:
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        corners.append((x, y))
        used_w = max(used_w, x + w)
        x += w + gap
        row_h = max(row_h, h)
    return corners, used_w, y + row_h


def pack(placed: list[tuple[dict, float, float]], aspect: float = ASPECT, gap: float = 60.0) -> dict:
    """Components (positions from their top-left corner, width, height), largest first, in rows or in
    columns: of the ways that break the rows (columns) at a different place, the one whose bounding box
    shrinks least when fitted into a screen of that ``aspect``. News graphs are one big web plus islands;
    a circle per component and a fixed column height left half the screen empty beside a flat second web."""
    best = None
    for columns in (False, True):  # rows left to right, or columns top to bottom (rows of the transpose)
        sizes = [(h, w) if columns else (w, h) for _, w, h in placed]
        widest = max(w for w, _ in sizes)
        candidates = {widest, sum(w for w, _ in sizes) + gap * len(sizes)}
        for i in range(len(sizes)):  # each width at which one more component joins the first row
            candidates.add(max(widest, sum(w + gap for w, _ in sizes[: i + 1]) - gap))
        for width in sorted(candidates):
            corners, w, h = _shelves(sizes, width, gap)
            if columns:
                corners, w, h = [(y, x) for x, y in corners], h, w
            fit = min(aspect / max(w, 1.0), 1.0 / max(h, 1.0))  # zoom that fits w × h into aspect × 1
            if best is None or fit > best[0] * 1.0001:
                best = (fit, corners)
    out: dict = {}
    for (pos, _, _), (cx, cy) in zip(placed, best[1], strict=True):
        for v, (px, py) in pos.items():
            out[v] = (round(cx + px, 1), round(cy + py, 1))
    return out
