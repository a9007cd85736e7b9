"""Reference values for test/models/bayes/normal-inverse-gamma.test.ts.

Run: /usr/bin/python3 test/models/bayes/reference/nig_reference.py  (numpy 1.24, scipy 1.10, mpmath 1.2)
Posterior by the textbook formulas with an explicit inverse (np.linalg.inv) and bn by the
yᵀy + m0ᵀΛ0m0 − mnᵀΛn mn form (the code under test uses Cholesky and the sum-of-squares form);
evidence by scipy.stats.multivariate_t.logpdf of y ~ t_{2a0}(X m0, (b0/a0)(W⁻¹ + X V0 Xᵀ)), and for
a flat column by 60-digit mpmath at v = 1e30 plus ½ log(2πv) (error O(1/v)).
"""
import json
import numpy as np
import mpmath as mp
from scipy import stats

X = np.array([[1, x1, x2] for x1, x2 in [
    (0.5, 2.0), (1.5, 1.0), (2.0, 3.5), (3.0, 0.5), (3.5, 2.5), (4.0, 4.0),
    (5.0, 1.5), (5.5, 3.0), (6.0, 0.0), (7.0, 2.0), (8.0, 5.0), (9.0, 1.0)]], dtype=float)
y = np.array([3.1, 4.0, 6.9, 4.2, 7.3, 9.8, 6.6, 9.4, 5.9, 9.0, 14.1, 9.2])
w = np.array([1.0, 0.5, 2.0, 1.0, 1.5, 0.0, 1.0, 3.0, 0.25, 1.0, 2.0, 1.0])

def posterior(m0, v, a0, b0, weights=None):
    W = np.diag(np.ones(len(y)) if weights is None else weights)
    lam0 = np.array([0.0 if np.isinf(vj) else 1 / vj for vj in v])
    L0 = np.diag(lam0)
    Ln = L0 + X.T @ W @ X
    Vn = np.linalg.inv(Ln)
    mn = Vn @ (L0 @ m0 + X.T @ W @ y)
    n = int(np.sum(np.diag(W) > 0))
    an = a0 + n / 2
    bn = b0 + 0.5 * (y @ W @ y + m0 @ L0 @ m0 - mn @ Ln @ mn)
    sd = np.sqrt(bn / (an - 1) * np.diag(Vn))
    return dict(mean=mn.tolist(), precision=Ln.ravel().tolist(), shape=an, rate=bn, sd=sd.tolist(), sigma2Mean=bn / (an - 1))

def evidence_scipy(m0, v, a0, b0, weights=None):
    keep = np.ones(len(y), bool) if weights is None else weights > 0
    Xk, yk = X[keep], y[keep]
    Winv = np.diag(1 / (np.ones(len(yk)) if weights is None else weights[keep]))
    S = (b0 / a0) * (Winv + Xk @ np.diag(v) @ Xk.T)
    return float(stats.multivariate_t(loc=Xk @ m0, shape=S, df=2 * a0).logpdf(yk))

def evidence_mpmath_flat(m0, v, a0, b0, big=mp.mpf(10) ** 30):
    mp.mp.dps = 60
    vv = [big if np.isinf(vj) else mp.mpf(vj) for vj in v]
    n, p = X.shape
    Xm = mp.matrix(X.tolist())
    V0 = mp.diag(vv)
    S = (mp.mpf(b0) / a0) * (mp.eye(n) + Xm * V0 * Xm.T)
    r = mp.matrix(y.tolist()) - Xm * mp.matrix(list(m0))
    nu = 2 * mp.mpf(a0)
    quad = (r.T * mp.lu_solve(S, r))[0]
    logpdf = (mp.loggamma((nu + n) / 2) - mp.loggamma(nu / 2) - n / 2 * mp.log(nu * mp.pi)
              - mp.log(mp.det(S)) / 2 - (nu + n) / 2 * mp.log(1 + quad / nu))
    k = sum(1 for vj in v if np.isinf(vj))
    return float(logpdf + k * mp.log(2 * mp.pi * big) / 2)

out = {}
A = dict(m0=np.array([1.0, 0.5, -0.2]), v=[4.0, 2.0, 0.5], a0=2.0, b0=3.0)
out["proper"] = posterior(A["m0"], A["v"], A["a0"], A["b0"]) | {"logEvidence": evidence_scipy(A["m0"], np.array(A["v"]), A["a0"], A["b0"])}
B = dict(m0=np.array([0.0, 0.3, 0.0]), v=[np.inf, 1.5, 0.8], a0=1.5, b0=0.7)
out["flatIntercept"] = posterior(B["m0"], B["v"], B["a0"], B["b0"]) | {"logEvidence": evidence_mpmath_flat(B["m0"], B["v"], B["a0"], B["b0"])}
out["weighted"] = posterior(A["m0"], A["v"], A["a0"], A["b0"], w) | {"logEvidence": evidence_scipy(A["m0"], np.array(A["v"]), A["a0"], A["b0"], w)}
# Cross-check of the mpmath route on the proper case (must equal the scipy value).
out["proper_mpmath_check"] = evidence_mpmath_flat(A["m0"], A["v"], A["a0"], A["b0"])
print(json.dumps(out, indent=1))
