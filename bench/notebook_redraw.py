#!/usr/bin/env python3
"""The benchmark's peer: the explorer's default view redrawn the way a NumPy + Matplotlib
notebook would, after a change of the temperature tau.

Content (k = 3, pi = (0.2, 0.3, 0.5), linear payoff c = (0, 0.5, 1)):
  * N = 20,000 Gumbel-Softmax samples at tau, drawn from a seeded generator;
  * the Gumbel-Max (argmax) histogram next to pi, and one histogram per component of y;
  * the log density on a 200 x 200 grid over the triangle, shown as an image with a colour
    bar and the first 1,500 samples on top;
  * the estimator sweep (40 tau from 0.01 to 10, 2,000 samples, 5 estimators), bias and
    variance on log axes with the current tau marked.

Like the explorer, the sweep's numbers do not depend on tau, so they are computed once and only
redrawn; everything else is recomputed. One redraw = recompute + clear the figure + build every
axis + render the figure with the Agg backend into its pixel buffer (no PNG encoding, no
display). The figure is 1280 x 900 pixels (12.8 x 9 inches at 100 dpi), the benchmark's browser
window.

Prints one JSON object: median and p95 of the whole redraw, and of its compute and draw parts,
in milliseconds.

    python3 bench/notebook_redraw.py [--runs 15] [--warmup 3] [--png out.png]
"""

import argparse
import json
import math
import platform
import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402

PROBS = np.array([0.2, 0.3, 0.5])
PAYOFF = np.array([0.0, 0.5, 1.0])
SAMPLES = 20_000
BINS = 40
OVERLAY = 1_500
GRID = 200
SWEEP_TAUS = np.geomspace(0.01, 10.0, 40)
SWEEP_SAMPLES = 2_000
ESTIMATORS = ["SF", "SF+baseline", "ST", "GS", "ST-GS"]
TRIANGLE_HEIGHT = math.sqrt(3.0) / 2.0
# Vertices of the triangle in the plane: e1 bottom left, e2 bottom right, e3 on top.
VERTICES = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, TRIANGLE_HEIGHT]])


def gumbel_softmax_samples(log_pi, tau, n, seed):
    """n samples y = softmax((log pi + g) / tau) and their argmax classes."""
    rng = np.random.default_rng(seed)
    perturbed = log_pi + rng.gumbel(size=(n, log_pi.size))
    classes = perturbed.argmax(axis=1)
    z = perturbed / tau
    z -= z.max(axis=1, keepdims=True)
    y = np.exp(z)
    y /= y.sum(axis=1, keepdims=True)
    return y, classes


def log_density(y, log_pi, tau):
    """Log density of the Gumbel-Softmax distribution at points y (rows) of the simplex."""
    k = log_pi.size
    log_y = np.log(y)
    s = log_pi - (tau + 1.0) * log_y  # log(pi_i * y_i^-(tau+1))
    t = log_pi - tau * log_y  # log(pi_i * y_i^-tau)
    t_max = t.max(axis=1, keepdims=True)
    log_sum = t_max[:, 0] + np.log(np.exp(t - t_max).sum(axis=1))
    return math.lgamma(k) + (k - 1) * math.log(tau) + s.sum(axis=1) - k * log_sum


def density_grid(log_pi, tau):
    """log p on the pixel centres of a GRID x GRID raster over the triangle's bounding box;
    NaN outside the open triangle. Row 0 is the top."""
    x = (np.arange(GRID) + 0.5) / GRID
    yy = (GRID - np.arange(GRID) - 0.5) / GRID * TRIANGLE_HEIGHT
    px, py = np.meshgrid(x, yy)
    b3 = py / TRIANGLE_HEIGHT
    b2 = px - 0.5 * b3
    b1 = 1.0 - b2 - b3
    bary = np.stack([b1.ravel(), b2.ravel(), b3.ravel()], axis=1)
    inside = (bary > 0.0).all(axis=1)
    out = np.full(bary.shape[0], np.nan)
    out[inside] = log_density(bary[inside], log_pi, tau)
    return out.reshape(GRID, GRID)


def variance_sweep(log_pi, seed):
    """Bias and variance of the five estimators of d/dtheta E[f(z)], f(y) = c.y, at every tau
    of SWEEP_TAUS, from one shared set of Gumbel perturbations."""
    pi = np.exp(log_pi)
    k = pi.size
    jac_pi = np.diag(pi) - np.outer(pi, pi)
    exact = jac_pi @ PAYOFF
    rng = np.random.default_rng(seed)
    perturbed = log_pi + rng.gumbel(size=(SWEEP_SAMPLES, k))
    z = perturbed.argmax(axis=1)
    onehot = np.eye(k)[z]
    fz = PAYOFF[z]
    baseline = pi @ PAYOFF

    def summary(g):
        mean = g.mean(axis=-2)
        bias = np.linalg.norm(mean - exact, axis=-1)
        variance = ((g - mean[..., None, :]) ** 2).sum(axis=-1).sum(axis=-1) / (g.shape[-2] - 1)
        return bias, variance

    fixed = {
        "SF": fz[:, None] * (onehot - pi),
        "SF+baseline": (fz - baseline)[:, None] * (onehot - pi),
        # J(pi) grad f(e_z); for the linear payoff the gradient is c whatever z is.
        "ST": np.broadcast_to(jac_pi @ PAYOFF, (SWEEP_SAMPLES, k)),
    }
    shifted = perturbed - perturbed.max(axis=1, keepdims=True)
    y = np.exp(shifted[None, :, :] / SWEEP_TAUS[:, None, None])
    y /= y.sum(axis=2, keepdims=True)
    inv_tau = (1.0 / SWEEP_TAUS)[:, None, None]
    dot = (y * PAYOFF).sum(axis=2, keepdims=True)
    gs = y * (PAYOFF - dot) * inv_tau  # (1/tau) J(y) c; for a linear f, GS and ST-GS agree
    result = {}
    for name, g in fixed.items():
        bias, variance = summary(g)
        result[name] = (np.full(SWEEP_TAUS.size, bias), np.full(SWEEP_TAUS.size, variance))
    result["GS"] = summary(gs)
    result["ST-GS"] = summary(gs)
    return result


def compute(tau, sweep):
    log_pi = np.log(PROBS)
    y, classes = gumbel_softmax_samples(log_pi, tau, SAMPLES, seed=1)
    counts = np.bincount(classes, minlength=PROBS.size)
    grid = density_grid(log_pi, tau)
    finite = grid[np.isfinite(grid)]
    lo, hi = np.percentile(finite, [1.0, 99.5])
    overlay = y[:OVERLAY] @ VERTICES
    return {"y": y, "counts": counts, "grid": grid, "lo": lo, "hi": hi, "overlay": overlay,
            "sweep": sweep}


def draw(fig, tau, data):
    """Clears the figure and draws every panel, as rerunning a notebook cell does."""
    fig.clf()
    grid = fig.add_gridspec(3, 4, hspace=0.45, wspace=0.35)
    k = PROBS.size

    ax = fig.add_subplot(grid[0, 0])
    idx = np.arange(k)
    ax.bar(idx - 0.2, data["counts"] / SAMPLES, width=0.4, label="frequency")
    ax.bar(idx + 0.2, PROBS, width=0.4, label="π")
    ax.set_xticks(idx, [f"e{i + 1}" for i in idx])
    ax.set_title(f"argmax of {SAMPLES:,} draws")
    ax.legend(fontsize="small")

    for i in range(k):
        ax = fig.add_subplot(grid[0, i + 1])
        ax.hist(data["y"][:, i], bins=BINS, range=(0.0, 1.0), density=True, color=f"C{i}")
        ax.axvline(data["y"][:, i].mean(), color="k", linestyle="--", linewidth=1)
        ax.set_title(f"y{i + 1} at τ = {tau:g}")

    ax = fig.add_subplot(grid[1:3, 0:2])
    image = ax.imshow(data["grid"], extent=(0.0, 1.0, 0.0, TRIANGLE_HEIGHT), origin="upper",
                      vmin=data["lo"], vmax=data["hi"], cmap="viridis", interpolation="nearest")
    ax.scatter(data["overlay"][:, 0], data["overlay"][:, 1], s=2, c="white", alpha=0.5)
    ax.plot(*np.vstack([VERTICES, VERTICES[:1]]).T, color="k", linewidth=1)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(f"log density, τ = {tau:g}")
    fig.colorbar(image, ax=ax, label="log p(y)")

    for j, (what, label) in enumerate([(0, "bias"), (1, "variance")]):
        ax = fig.add_subplot(grid[1 + j, 2:4])
        for name in ESTIMATORS:
            ax.plot(SWEEP_TAUS, data["sweep"][name][what], label=name)
        ax.axvline(tau, color="k", linestyle=":", linewidth=1)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("τ")
        ax.set_title(label)
        if j == 0:
            ax.legend(fontsize="x-small")
    fig.canvas.draw()


def percentile(values, q):
    ordered = sorted(values)
    rank = q / 100.0 * (len(ordered) - 1)
    lo = math.floor(rank)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (rank - lo)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--png", help="also save the last redraw as a PNG here")
    args = parser.parse_args()

    fig = plt.figure(figsize=(12.8, 9.0), dpi=100)
    start = time.perf_counter()
    sweep = variance_sweep(np.log(PROBS), seed=1)
    sweep_ms = (time.perf_counter() - start) * 1e3

    taus = [0.5, 0.55]
    total, computing, drawing = [], [], []
    for run in range(args.warmup + args.runs):
        tau = taus[run % 2]
        t0 = time.perf_counter()
        data = compute(tau, sweep)
        t1 = time.perf_counter()
        draw(fig, tau, data)
        t2 = time.perf_counter()
        if run >= args.warmup:
            computing.append((t1 - t0) * 1e3)
            drawing.append((t2 - t1) * 1e3)
            total.append((t2 - t0) * 1e3)
    if args.png:
        fig.savefig(args.png)

    def stats(values):
        return {"median": statistics.median(values), "p95": percentile(values, 95.0)}

    width, height = fig.canvas.get_width_height()
    print(json.dumps({
        "runs": args.runs,
        "redraw_ms": stats(total),
        "compute_ms": stats(computing),
        "draw_ms": stats(drawing),
        "sweep_compute_ms": sweep_ms,
        "figure_px": [width, height],
        "python": platform.python_version(),
        "numpy": np.__version__,
        "matplotlib": matplotlib.__version__,
    }, indent=2))


if __name__ == "__main__":
    sys.exit(main())
