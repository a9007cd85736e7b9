"""Reference values for test/models/bayes/rhat.test.ts and ess.test.ts, from arviz.

Run: python3 test/mcmc/reference/diagnostics_reference.py with arviz 0.23.4 (installed in a
scratch venv from the wheel: pip install --no-index --find-links <wheel dir> arviz==0.23.4;
numpy 2.4.6, scipy 1.17.1). The draws are made by the same integer generator as the tests
(chains.ts in the test: a 32-bit LCG, s <- (1664525 s + 1013904223) mod 2^32, u = s / 2^32,
normal = sum of 12 u - 6), in exact arithmetic, so both sides see bit-identical arrays.
"""
import json
import sys
# The venv's numpy 2 cannot load Debian's numba/bottleneck/numexpr (built for numpy 1): hide them,
# so arviz and xarray take their pure-numpy paths (the same formulas) without import noise.
for _m in ("numba", "bottleneck", "numexpr"):
    sys.modules[_m] = None
import numpy as np
import arviz as az
from arviz.stats.diagnostics import _ess

class Lcg:
    def __init__(self, seed): self.s = seed % 2**32
    def u(self):
        self.s = (1664525 * self.s + 1013904223) % 2**32
        return self.s / 2**32
    def normal(self):
        t = 0.0
        for _ in range(12): t += self.u()
        return t - 6

def iid(seed, m, n, offsets=None, scales=None):
    g = Lcg(seed)
    return np.array([[g.normal() * (1 if scales is None else scales[c]) + (0 if offsets is None else offsets[c]) for _ in range(n)] for c in range(m)])

def ar1(seed, m, n, rho, offsets=None):
    g = Lcg(seed); out = []
    for c in range(m):
        x = g.normal() / np.sqrt(1 - rho * rho); row = []
        for _ in range(n):
            x = rho * x + g.normal(); row.append(x + (0 if offsets is None else offsets[c]))
        out.append(row)
    return np.array(out)

def ratio(seed, m, n):
    g = Lcg(seed)
    return np.array([[g.normal() / g.normal() for _ in range(n)] for _ in range(m)])

SETS = {
    "iid": iid(1, 4, 500),
    "shifted": ar1(2, 4, 301, 0.5, offsets=[0, 0.4, 0.8, 1.2]),
    "scaled": iid(3, 4, 400, scales=[1, 1, 1, 3]),
    "ar09": ar1(4, 4, 2500, 0.9),
    "ratio": ratio(5, 2, 300),
    "ties": np.array([[1, 2, 2, 3, 5, 1, 4, 2, 3, 3], [2, 2, 4, 1, 3, 3, 5, 5, 1, 2]], dtype=float),
}
out = {}
for name, a in SETS.items():
    out[name] = dict(
        shape=list(a.shape), first=float(a[0, 0]), last=float(a[-1, -1]), sum=float(a.sum()),
        rhatRank=float(az.rhat(a, method="rank")), rhatSplit=float(az.rhat(a, method="split")),
        rhatIdentity=float(az.rhat(a, method="identity")),
        essBulk=float(az.ess(a, method="bulk")), essTail=float(az.ess(a, method="tail")),
        essMean=float(az.ess(a, method="mean")), essNoSplit=float(_ess(a)))
print(json.dumps(out, indent=1))
