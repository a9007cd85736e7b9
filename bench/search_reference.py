"""Reference for bench/search.bench.ts: a straightforward numpy/scipy search that scores the same
candidates as mixlab's default fit — per candidate, geometric adstock (scipy.signal.lfilter,
a_t = x_t + decay·a_{t−1}) and Hill saturation 1 / (1 + (K/x)^s) of each channel's spend, then the
media-prior ridge on the centred columns (media scaled by |mean|, baseline by its sd; penalty
alpha·mediaFactor on media, alpha on the baseline; solved by numpy.linalg.solve) and its −2 log
evidence (W − 1)·log(RSS + Σ λ s²) + log det(G + Λ) − Σ log λ (media-prior-ridge.ts). Media are not
held ≥ 0 here (mixlab clamps them, by Lawson–Hanson; the bench compares the evidence only where
no clamp binds).
Input: a JSON file written by the bench (y, fixed, spend over the k fit-window rows, candidates).
Prints {"seconds": ..., "evidence": [...]}: seconds of the scoring loop alone.
Usage: python3 bench/search_reference.py FILE
"""
import json
import sys
import time

import numpy as np
from scipy.signal import lfilter

with open(sys.argv[1]) as f:
    job = json.load(f)
y = np.asarray(job["y"])
fixed = np.asarray(job["fixed"]).T  # k × q
spend = np.asarray(job["spend"])  # m × k
factor = job["mediaFactor"]
n = y.size
m = spend.shape[0]
fc = fixed - fixed.mean(axis=0)
fsd = fc.std(axis=0)
fsd[fsd == 0] = 1.0
fs = fc / fsd
yc = y - y.mean()


def score(candidate):
    media = np.empty((n, m))
    for c, (decay, half, shape) in enumerate(candidate["channels"]):
        a = lfilter([1.0], [1.0, -decay], spend[c])
        with np.errstate(divide="ignore"):
            media[:, c] = np.where(a > 0, 1.0 / (1.0 + (half / a) ** shape), 0.0)
    alpha = candidate["alpha"]
    mean = media.mean(axis=0)
    scale = np.where(mean != 0, np.abs(mean), 1.0)
    X = np.hstack([(media - mean) / scale, fs])
    lam = np.concatenate([np.full(m, alpha * factor), np.full(fs.shape[1], alpha)])
    G = X.T @ X
    s = np.linalg.solve(G + np.diag(lam), X.T @ yc)
    r = yc - X @ s
    logdet = np.linalg.slogdet(G + np.diag(lam))[1]
    return (n - 1) * np.log(r @ r + lam @ (s * s)) + logdet - np.log(lam).sum()


t0 = time.time()
evidence = [score(c) for c in job["candidates"]]
print(json.dumps({"seconds": time.time() - t0, "evidence": evidence}))
