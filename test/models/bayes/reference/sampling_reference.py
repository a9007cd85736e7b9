"""Reference values for the sampler tests (truncated-normal, truncated-mvn-gibbs, sample-nig-posterior).

Run: /usr/bin/python3 test/models/bayes/reference/sampling_reference.py  (numpy 1.24, scipy 1.10)
- truncnorm: scipy.stats.truncnorm(a, b, loc, scale).stats('mv') and .moment(4) for the standard
  error of the sample variance, sqrt((mu4 - var^2)/N).
- tmvn2: mean of N((0.3, -0.5), [[1, .6], [.6, 2]]) on x0 >= 0, x1 >= 0 (and on x0 >= 0.5,
  -1 <= x1 <= 0.2) by scipy.integrate.dblquad of x * pdf over the box / dblquad of pdf; sd too.
- nig: unconstrained covariance bn/(an-1) Lambda^-1 by np.linalg.inv; the constrained (beta1, beta2
  >= 0) posterior means by rejection from 4,000,000 exact NIG draws (numpy default_rng(20261123)),
  and the same with beta0 >= 0 too.
"""
import json
import numpy as np
from scipy import stats, integrate

N = 200_000
out = {"truncnorm": []}
for loc, scale, lo, hi in [(0, 1, -1, 2), (0, 1, 1, np.inf), (0, 1, 4.5, 6), (0, 1, 10, np.inf),
                          (0, 1, 8, 8.05), (0, 1, -np.inf, -12), (3, 2, 0, 1), (0, 1, 40, np.inf)]:
    a, b = (lo - loc) / scale, (hi - loc) / scale
    d = stats.truncnorm(a, b, loc=loc, scale=scale)
    m, v = (float(t) for t in d.stats("mv"))
    # central 4th moment from raw moments
    r1, r2, r3, r4 = (float(d.moment(k)) for k in (1, 2, 3, 4))
    mu4 = r4 - 4 * r3 * r1 + 6 * r2 * r1**2 - 3 * r1**4
    out["truncnorm"].append(dict(loc=loc, scale=scale, lower=lo, upper=hi, mean=m, var=v,
                                 seMean=(v / N) ** 0.5, seVar=max(mu4 - v * v, 0) ** 0.5 / N**0.5))

mu = np.array([0.3, -0.5]); S = np.array([[1.0, 0.6], [0.6, 2.0]])
pdf = stats.multivariate_normal(mu, S).pdf
def box_moments(x0lo, x0hi, x1lo, x1hi):
    f = lambda g: integrate.dblquad(lambda x1, x0: g(x0, x1) * pdf([x0, x1]), x0lo, x0hi, x1lo, x1hi, epsabs=1e-13, epsrel=1e-12)[0]
    z = f(lambda a, b: 1.0)
    m0, m1 = f(lambda a, b: a) / z, f(lambda a, b: b) / z
    v0, v1 = f(lambda a, b: (a - m0) ** 2) / z, f(lambda a, b: (b - m1) ** 2) / z
    return dict(mass=z, mean=[m0, m1], sd=[v0**0.5, v1**0.5])
# Infinite limits are cut at 12 sd, where the omitted mass is below 1e-30.
out["tmvn2_positive"] = box_moments(0, 12, 0, 12)
out["tmvn2_box"] = box_moments(0.5, 12, -1, 0.2)
out["tmvn2_precision"] = np.linalg.inv(S).ravel().tolist()

mn = np.array([1.0, 0.2, -0.1]); Lam = np.array([[12.0, 5.0, 2.0], [5.0, 20.0, 6.0], [2.0, 6.0, 15.0]])
an, bn = 6.0, 5.0
cov = bn / (an - 1) * np.linalg.inv(Lam)
out["nig"] = dict(mean=mn.tolist(), precision=Lam.ravel().tolist(), shape=an, rate=bn, cov=cov.ravel().tolist(),
                  sigma2Mean=bn / (an - 1), sigma2Sd=(bn**2 / ((an - 1) ** 2 * (an - 2))) ** 0.5)
rng = np.random.default_rng(20261123)
M = 4_000_000
s2 = bn / rng.gamma(an, 1.0, M)
Lc = np.linalg.cholesky(Lam)
z = rng.standard_normal((M, 3))
beta = mn + np.sqrt(s2)[:, None] * np.linalg.solve(Lc.T, z.T).T
keep = (beta[:, 1] >= 0) & (beta[:, 2] >= 0)
bk, sk = beta[keep], s2[keep]
out["nig_constrained"] = dict(accepted=int(keep.sum()), mean=bk.mean(0).tolist(), sd=bk.std(0).tolist(),
                              seMean=(bk.std(0) / keep.sum() ** 0.5).tolist(), sigma2Mean=float(sk.mean()),
                              sigma2Sd=float(sk.std()), sigma2SeMean=float(sk.std() / keep.sum() ** 0.5))
keep3 = keep & (beta[:, 0] >= 0)
b3, s3 = beta[keep3], s2[keep3]
out["nig_all_constrained"] = dict(accepted=int(keep3.sum()), mean=b3.mean(0).tolist(), sd=b3.std(0).tolist(),
                                  seMean=(b3.std(0) / keep3.sum() ** 0.5).tolist(), sigma2Mean=float(s3.mean()),
                                  sigma2Sd=float(s3.std()), sigma2SeMean=float(s3.std() / keep3.sum() ** 0.5))
print(json.dumps(out, indent=1))
