"""Training the machine-translation model (needs the ``train`` extra: scikit-learn, scipy).

Texts are labelled ``native`` (written in English), ``human`` (translated by a person),
``machine`` and ``roundtrip`` (machine output). Human translations are negatives on purpose: a
model trained on native against machine text learns "translated", and flags what people
translated. Machine output and the rest get equal total weight (inside the negative half, natives
NATIVE_SHARE and human translations the rest; round trips ROUNDTRIP_SHARE of the positive half),
and the calibration sets machine output against human translations with equal priors, whatever
the class sizes.

The linear model is a logistic regression fitted by scikit-learn's SGDClassifier (log loss, L2,
averaged weights, a fixed number of epochs and a fixed seed: as good as an exact solver here on
held-out text, at a tenth of the time) on the features of :func:`auditor.resources.mt_model.features`,
scaled by FEATURE_SCALE (the weights are scaled back, so the run-time model needs no scale).
Platt scaling is fitted on out-of-fold logits (folds by document, so no document's translations
help score it), and the model is refitted on everything.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from auditor.core.errors import AuditorError
from auditor.resources.mt_model import DEFAULT_BITS, GROUPS, MTModel, features

POSITIVE = ("machine", "roundtrip")
NEGATIVE = ("native", "human")
ORIGINS = NEGATIVE + POSITIVE
DEFAULT_ALPHA = 1e-6
EPOCHS = 10
RUNS = 4  # SGD runs (seeds seed .. seed + RUNS - 1) whose weights are averaged
FEATURE_SCALE = 20.0  # group means are ~1/2,000 per n-gram; scaled, a text's vector has norm ~1
INSTALL_HINT = 'training needs scikit-learn: pip install "article-auditor[train]"'


class TrainingUnavailable(AuditorError, RuntimeError):
    """The training tools (the train extra) are not installed."""


def _sklearn():
    try:
        import scipy.sparse  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        raise TrainingUnavailable(INSTALL_HINT) from None


def design_matrix(texts: list[str], bits: int = DEFAULT_BITS):
    """One row per text: each feature group's term frequencies divided by the group's size."""
    _sklearn()
    from scipy.sparse import csr_matrix

    indices, data, indptr = [], [], [0]
    for text in texts:
        idx, sizes = features(text, bits)
        values = np.repeat(1.0 / np.maximum(sizes, 1), sizes)
        indices.append(idx.astype(np.int64))
        data.append(values)
        indptr.append(indptr[-1] + len(idx))
    matrix = csr_matrix(
        (np.concatenate(data) if data else np.zeros(0), np.concatenate(indices) if indices else np.zeros(0, int),
         np.array(indptr)), shape=(len(texts), 2**bits))
    matrix.sum_duplicates()
    return matrix


NATIVE_SHARE = 0.7  # of the not-machine half: most English a reader meets was written in English
# Round trips (English through German and back) are machine output, but so close to their English
# originals that, weighted more, they teach the model what those originals are about rather than
# how machines translate: at a quarter of the machine half, 8 to 13% of the originals were flagged
# (development data, tune part); at a tenth, 3%.
ROUNDTRIP_SHARE = 0.1
# The calibration sets machine translations against human translations, with equal priors: the
# probability answers "machine or human translation?", the hard question, so text written in
# English scores low and the threshold is not spent on it (at 0.5, on development data, it flags
# about 1% of BBC articles instead of 1.5% when natives share the negative half). Round trips keep
# their training share of the machine half.
CALIBRATION_NATIVE_SHARE = 0.0


def sample_weights(origins: list[str], roundtrip_share: float = ROUNDTRIP_SHARE,
                   native_share: float = NATIVE_SHARE) -> np.ndarray:
    """Equal total weight for machine and not machine; inside the not-machine half, natives take
    ``native_share`` and human translations the rest; round trips take ``roundtrip_share`` of the
    machine half."""
    origins = np.asarray(origins)
    shares = {"native": 0.5 * native_share, "human": 0.5 * (1 - native_share)}
    has_roundtrip = bool((origins == "roundtrip").any())
    shares["roundtrip"] = 0.5 * roundtrip_share if has_roundtrip else 0.0
    shares["machine"] = 0.5 - shares["roundtrip"]
    present = {o for o in ORIGINS if (origins == o).any()}
    if "native" not in present or "human" not in present:  # one negative class carries the half alone
        for o in NEGATIVE:
            shares[o] = 0.5 if o in present else 0.0
    weights = np.zeros(len(origins))
    for origin, share in shares.items():
        mask = origins == origin
        if mask.any():
            weights[mask] = share * len(origins) / mask.sum()
    return weights


@dataclass
class _Linear:
    coef: np.ndarray
    intercept: float

    def decision_function(self, X) -> np.ndarray:
        return X @ self.coef + self.intercept


@dataclass
class Fitted:
    model: MTModel
    oof_logits: np.ndarray  # out-of-fold logits of the training texts


def fit(texts: list[str] | None, origins: list[str], groups: list[str], *, seed: int = 0, alpha: float = DEFAULT_ALPHA,
        calibration_native_share: float = CALIBRATION_NATIVE_SHARE,
        folds: int = 4, bits: int = DEFAULT_BITS, meta: dict | None = None, matrix=None) -> Fitted:
    """Fit the linear model and its calibration; ``groups`` keeps a document's texts in one fold."""
    _sklearn()
    from sklearn.linear_model import SGDClassifier
    from sklearn.model_selection import GroupKFold

    X = (design_matrix(texts, bits) if matrix is None else matrix) * FEATURE_SCALE
    y = np.isin(origins, POSITIVE).astype(int)
    if len(set(y)) < 2:
        raise ValueError("training needs machine translations and text that is not machine-translated")
    w = sample_weights(origins)

    def linear(rows):
        # The mean of a few runs in different orders (one linear model): steadier than one run.
        coefs, intercepts = [], []
        for run in range(RUNS):
            clf = SGDClassifier(loss="log_loss", alpha=alpha, average=True, max_iter=EPOCHS, tol=None,
                                random_state=seed + run)
            clf.fit(X[rows], y[rows], sample_weight=w[rows])
            coefs.append(clf.coef_[0])
            intercepts.append(clf.intercept_[0])
        return _Linear(np.mean(coefs, axis=0), float(np.mean(intercepts)))

    oof = np.zeros(len(y))
    n_groups = len(set(groups))
    k = min(folds, n_groups)
    if k >= 2:
        for train_rows, test_rows in GroupKFold(n_splits=k).split(X, y, groups):
            if len(set(y[train_rows])) < 2:
                continue
            oof[test_rows] = linear(train_rows).decision_function(X[test_rows])
    final = linear(np.arange(len(y)))
    a, b = platt(oof if k >= 2 else final.decision_function(X), y,
                 sample_weights(origins, native_share=calibration_native_share))
    model = MTModel((final.coef * FEATURE_SCALE).astype(np.float32), final.intercept, a, b, bits,
                    dict(meta or {}, groups=list(GROUPS), alpha=alpha, epochs=EPOCHS, runs=RUNS, seed=seed, folds=k,
                         learner=f"sklearn SGDClassifier(log_loss, averaged), mean of {RUNS} runs"))
    return Fitted(model, oof)


def platt(logits: np.ndarray, y: np.ndarray, weights: np.ndarray) -> tuple[float, float]:
    """Platt scaling with the classes weighted equally: p = sigmoid(a * logit + b)."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1e6, max_iter=1000, tol=1e-10)
    clf.fit(np.asarray(logits).reshape(-1, 1), y, sample_weight=weights)
    return float(clf.coef_[0, 0]), float(clf.intercept_[0])


def auroc(positive_scores, negative_scores) -> float | None:
    """The chance that a positive scores above a negative (ties count half)."""
    pos = np.asarray(positive_scores, dtype=float)
    neg = np.asarray(negative_scores, dtype=float)
    if not len(pos) or not len(neg):
        return None
    ranks = _ranks(np.concatenate([pos, neg]))
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def _ranks(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values))
    sorted_values = values[order]
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and sorted_values[j + 1] == sorted_values[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def expected_calibration_error(probabilities, labels, weights=None, bins: int = 10) -> float:
    """Weighted ECE over equal-width bins (weights: equal class priors, as the model is calibrated)."""
    p = np.asarray(probabilities, dtype=float)
    y = np.asarray(labels, dtype=float)
    w = np.ones(len(p)) if weights is None else np.asarray(weights, dtype=float)
    which = np.minimum((p * bins).astype(int), bins - 1)
    total = w.sum()
    ece = 0.0
    for b in range(bins):
        m = which == b
        if m.any():
            ece += w[m].sum() / total * abs(np.average(p[m], weights=w[m]) - np.average(y[m], weights=w[m]))
    return float(ece)


def scores(model: MTModel, matrix) -> tuple[np.ndarray, np.ndarray]:
    """Logits and probabilities of the rows of a design matrix (what ``model.probability`` gives)."""
    logits = model.bias + matrix @ model.weights.astype(np.float64)
    return logits, 1.0 / (1.0 + np.exp(-(model.platt_a * logits + model.platt_b)))


def summary(model: MTModel, matrix, origins: list[str], threshold: float = 0.5) -> dict:
    """Held-out figures: AUROC against machine translations, flagged shares, calibration error."""
    logits, probs = scores(model, matrix)
    origins = np.asarray(origins)
    machine = logits[np.isin(origins, POSITIVE)]
    out: dict = {"texts": {o: int((origins == o).sum()) for o in ORIGINS if (origins == o).any()}}
    for negative in NEGATIVE:
        value = auroc(machine, logits[origins == negative])
        out[f"auroc_{negative}_vs_machine"] = None if value is None else round(value, 4)
    out["flagged"] = {o: round(float((probs[origins == o] >= threshold).mean()), 4)
                      for o in ORIGINS if (origins == o).any()}
    labels = np.isin(origins, POSITIVE).astype(int)
    out["ece_equal_priors"] = round(expected_calibration_error(
        probs, labels, sample_weights(list(origins), native_share=CALIBRATION_NATIVE_SHARE)), 4)
    return out
