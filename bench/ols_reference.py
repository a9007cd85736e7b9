"""Reference for bench/ols.bench.ts: the whole process a Python user runs for the same fit —
interpreter start, import pandas and scikit-learn, pandas.read_csv of the CSV, LinearRegression fit
of the target on every other numeric column. Prints {"seconds": ..., "coef": [...], "intercept": ...}
(seconds from the first import to the fitted model; the bench also times the whole process).
Usage: python3 bench/ols_reference.py FILE TARGET
"""
import json
import sys
import time

t0 = time.time()
import pandas as pd  # noqa: E402
from sklearn.linear_model import LinearRegression  # noqa: E402

frame = pd.read_csv(sys.argv[1])
target = sys.argv[2]
features = [c for c in frame.columns if c not in ("date", target)]
model = LinearRegression().fit(frame[features].to_numpy(), frame[target].to_numpy())
print(json.dumps({"seconds": time.time() - t0, "features": features, "coef": model.coef_.tolist(), "intercept": float(model.intercept_)}))
